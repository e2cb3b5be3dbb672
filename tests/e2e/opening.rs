//! The first sight of a map and coming back to it: the sample opens readable on the
//! journey's start in the default window, and a restart brings back the window's size
//! and each map's zoom and scroll.

use std::path::PathBuf;

use serde_json::json;

use super::webdriver::{wait_for, Session};
use super::xdo::{find_main_window, focus, main_window, window_size, xdotool};
use super::{save_screenshot, wait_for_sample_map, Desktop, STEP};
use crate::common::waymark_bin;

/// Smallest on-screen height, in CSS pixels, of a card's body text that reads comfortably
/// on a laptop (the issue reported 7.5–9 px at the old opening zoom).
const READABLE_PX: f64 = 12.0;

fn settings_file(desktop: &Desktop) -> PathBuf {
    // HOME/.local/share/waymark/<doc> → HOME/.config/waymark/settings.json
    let home = desktop.document.ancestors().nth(4).unwrap();
    home.join(".config/waymark/settings.json")
}

fn canvas_view(s: &Session) -> (String, f64) {
    let canvas = wait_for(STEP, "the canvas", || {
        s.find_all("[data-testid=canvas]").into_iter().next()
    });
    let zoom = s.attribute(&canvas, "data-zoom").unwrap().parse().unwrap();
    (s.attribute(&canvas, "viewBox").unwrap(), zoom)
}

/// The scene point at the view's top-left corner (the first two numbers of the viewBox).
fn origin(view_box: &str) -> (f64, f64) {
    let n: Vec<f64> = view_box
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    (n[0], n[1])
}

#[test]
fn the_sample_opens_readable_on_the_journeys_start_and_a_restart_keeps_window_and_view() {
    let desktop = Desktop::start();
    let display = desktop.display.clone();
    let s = desktop.launch();
    s.wait_painted();

    // The default window (1440 × 900): the first stage is in view, at its left edge…
    let (_, zoom) = canvas_view(&s);
    let seen = s.execute(
        "const c = document.querySelector('[data-testid=canvas]').getBoundingClientRect();\
         const h = [...document.querySelectorAll('[data-testid=stage-header]')]\
           .find(e => e.textContent.includes('Discover')).getBoundingClientRect();\
         const body = document.querySelector('[data-testid=card] .card-text .block');\
         const size = parseFloat(body.style.fontSize);\
         return { inside: h.left >= c.left && h.right <= c.right && h.top >= c.top && h.bottom <= c.bottom,\
                  bodyPx: size * arguments[0], width: window.innerWidth };",
        json!([zoom]),
    );
    assert_eq!(seen["width"], json!(1440), "the default window: {seen}");
    assert_eq!(
        seen["inside"],
        json!(true),
        "the first stage is not in view: {seen}"
    );
    let (view_box, _) = canvas_view(&s);
    let (x0, y0) = origin(&view_box);
    assert!(
        (-48.0..=0.0).contains(&x0) && (-48.0..=0.0).contains(&y0),
        "the map's top-left corner (the journey's start) is not at the view's: {view_box}"
    );
    // …and its text is readable.
    let body_px = seen["bodyPx"].as_f64().unwrap();
    assert!(
        body_px >= READABLE_PX,
        "card text is {body_px:.1} px on screen at zoom {zoom}"
    );
    save_screenshot(&s, "opening-1440x900.png");

    // The user zooms out one step and scrolls down; the view is kept (not as an edit).
    let (box0, zoom0) = canvas_view(&s);
    s.click(&s.find_all("[data-testid=zoom-out]").remove(0));
    let canvas = s.find_all("[data-testid=canvas]").remove(0);
    let (x, y, w, h) = s.rect(&canvas);
    let middle = (x + w / 2.0, y + h / 2.0);
    s.pointer(vec![json!({ "type": "pointerMove", "origin": "viewport",
        "x": middle.0 as i64, "y": middle.1 as i64, "duration": 0 })]);
    s.wheel(middle, (0.0, 240.0));
    let (box1, zoom1) = wait_for(STEP, "zoom out and a scroll to change the view", || {
        let (b, z) = canvas_view(&s);
        (z < zoom0 && origin(&b).1 > origin(&box0).1).then_some((b, z))
    });
    let settings = settings_file(&desktop);
    wait_for(STEP, "the view to be kept in the settings", || {
        let text = std::fs::read_to_string(&settings).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        let kept = v["views"]
            .as_object()?
            .values()
            .next()?
            .as_object()?
            .values()
            .next()?
            .clone();
        ((kept["zoom"].as_f64()? - zoom1).abs() < 1e-9
            && (kept["y"].as_f64()? - origin(&box1).1).abs() < 0.01)
            .then_some(())
    });

    // The user makes the window smaller and quits with Ctrl+Q.
    let window = main_window(&display);
    assert!(
        xdotool(&display, &["windowsize", "--sync", &window, "1200", "760"])
            .status
            .success()
    );
    wait_for(STEP, "the page to follow the window's size", || {
        (s.execute("return window.innerWidth", json!([])) == json!(1200)).then_some(())
    });
    focus(&display, &window);
    assert!(xdotool(&display, &["key", "--clearmodifiers", "ctrl+q"])
        .status
        .success());
    wait_for(STEP, "Ctrl+Q to close the window", || {
        find_main_window(&display).is_none().then_some(())
    });
    s.end_quietly();

    // Next launch: the same window size, the map where it was left.
    let s = Session::start(&desktop.driver.url, &waymark_bin(), &[]);
    wait_for_sample_map(&s);
    let window = main_window(&display);
    assert_eq!(window_size(&display, &window), (1200, 760));
    let (box2, zoom2) = wait_for(STEP, "the map's kept view", || {
        let (b, z) = canvas_view(&s);
        ((z - zoom1).abs() < 1e-9).then_some((b, z))
    });
    assert!((zoom2 - zoom1).abs() < 1e-9);
    let ((x1, y1), (x2, y2)) = (origin(&box1), origin(&box2));
    assert!(
        (x1 - x2).abs() < 0.5 && (y1 - y2).abs() < 0.5,
        "the scroll was not kept: {box1} then {box2}"
    );
    save_screenshot(&s, "opening-after-restart.png");
    s.end();
}
