//! Keyboard travel and the double-click that is not one, in the real window, each step
//! that changes the document checked in the file.

use serde_json::{json, Value};

use super::editor::Editor;
use super::save_screenshot;
use super::webdriver::{wait_for, Session, CONTROL, ENTER, ESCAPE, SHIFT};
use super::STEP;

const TAB: &str = "\u{E004}";
const F6: &str = "\u{E036}";
const LEFT: &str = "\u{E012}";
const UP: &str = "\u{E013}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";

/// Where the keyboard focus is, as the tests look at it.
#[derive(Debug)]
struct Focus {
    /// The focused element's `data-testid` (or its tag name).
    what: String,
    /// Its card, lane or stage id, if it has one.
    id: String,
    in_map: bool,
    in_inspector: bool,
    in_maps_list: bool,
    /// Typing goes into it (an input or a text area).
    text_entry: bool,
}

fn focus(s: &Session) -> Focus {
    let v = s.execute(
        "const a = document.activeElement; const d = (a && a.dataset) || {};\
         return [d.testid || (a ? a.tagName : ''), d.cardId || d.laneId || d.stageId || '',\
           !!(a && a.closest('[data-testid=canvas]')), !!(a && a.closest('[data-testid=inspector]')),\
           !!(a && a.closest('[data-testid=map-list]')), !!(a && /^(INPUT|TEXTAREA)$/.test(a.tagName))];",
        json!([]),
    );
    let text = |i: usize| v[i].as_str().unwrap_or_default().to_string();
    let flag = |i: usize| v[i].as_bool().unwrap_or(false);
    Focus {
        what: text(0),
        id: text(1),
        in_map: flag(2),
        in_inspector: flag(3),
        in_maps_list: flag(4),
        text_entry: flag(5),
    }
}

/// Presses a key (with Shift when `shift`) on whatever has the focus, then waits until
/// the focus is as `expected`.
fn press_until(
    s: &Session,
    key: &str,
    shift: bool,
    what: &str,
    expected: impl Fn(&Focus) -> bool,
) -> Focus {
    if shift {
        s.chord(SHIFT, key);
    } else {
        s.keys(key);
    }
    wait_for(STEP, what, || {
        let f = focus(s);
        expected(&f).then_some(f)
    })
}

/// The map's Tab stops: elements of the canvas with a tabindex of 0 or more.
fn map_tab_stops(s: &Session) -> i64 {
    s.execute(
        "const svg = document.querySelector('[data-testid=canvas]');\
         return [svg, ...svg.querySelectorAll('[tabindex]')].filter(e => Number(e.getAttribute('tabindex')) >= 0).length;",
        json!([]),
    )
    .as_i64()
    .unwrap()
}

/// Runs the steps; a failing one leaves `keyboard-failed-<name>.png` behind.
fn run(name: &'static str, steps: impl FnOnce(&Editor)) {
    let editor = Editor::start(name);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| steps(&editor)));
    if let Err(panic) = outcome {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            save_screenshot(editor.s(), &format!("keyboard-failed-{name}.png"))
        }));
        std::panic::resume_unwind(panic);
    }
    assert_eq!(editor.sql("pragma integrity_check;"), "ok");
    editor.end();
}

fn move_to((x, y): (f64, f64), duration: u64) -> Value {
    json!({ "type": "pointerMove", "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64, "duration": duration })
}

#[test]
fn a_click_then_a_quick_drag_moves_the_card_and_opens_no_editor() {
    run("click-drag", |d| {
        let s = d.s();
        let stage = "select stage_id from cards where id = 'c-local-search';";
        assert_eq!(d.sql(stage), "st-discover");
        // The browser's double-clicks, counted, to show that this gesture makes one.
        s.execute(
            "window.__doubleClicks = 0; window.addEventListener('dblclick', () => window.__doubleClicks++, true);",
            json!([]),
        );
        let from = d.card_center("c-local-search");
        let to = {
            let e = d.one("[data-testid=stage-handle][data-stage-id=st-first-gift]");
            let (x, _, w, _) = s.rect(&e);
            let e = d.one("[data-testid=lane-handle][data-lane-id=ln-touchpoints]");
            let (_, y, _, h) = s.rect(&e);
            (x + w / 2.0, y + h - 12.0)
        };
        // A click, then at once a press that drags the card to an empty spot of another cell.
        let mut actions = vec![
            move_to(from, 0),
            json!({ "type": "pointerDown", "button": 0 }),
            json!({ "type": "pointerUp", "button": 0 }),
            json!({ "type": "pointerDown", "button": 0 }),
        ];
        for i in 1..=8 {
            let t = f64::from(i) / 8.0;
            let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            actions.push(move_to(at, 15));
        }
        actions.push(json!({ "type": "pointerUp", "button": 0 }));
        s.pointer(actions);

        d.wait_file("the card moved in the file", stage, "st-first-gift");
        save_screenshot(s, "keyboard-click-then-drag.png");
        let doubles = s.execute("return window.__doubleClicks;", json!([]));
        assert!(
            doubles.as_i64().unwrap_or(0) >= 1,
            "the gesture made no double-click, so it tests nothing: {doubles}"
        );
        assert!(
            s.find_all("[data-testid=card-editor]").is_empty(),
            "a card editor opened where the card was dropped"
        );
        let f = focus(s);
        assert!(!f.text_entry, "the focus is in a text field: {f:?}");

        // Ctrl+Z, sent to the page, undoes the move.
        s.chord(CONTROL, "z");
        d.wait_file("Ctrl+Z to put the card back", stage, "st-discover");
    });
}

#[test]
fn the_map_is_one_tab_stop_with_arrows_inside_and_f6_cycles_the_regions() {
    run("regions", |d| {
        let s = d.s();
        // A card selected, so the inspector has a form to go to.
        s.click_at(d.card_center("c-act-gift"), None);
        wait_for(STEP, "c-act-gift to be selected", || {
            d.selected("c-act-gift").then_some(())
        });
        assert_eq!(map_tab_stops(s), 1, "the map is more than one Tab stop");

        // F6 from the maps list: the views, the map, the inspector; Shift+F6 back.
        let item = d.one("[data-testid=map-item]");
        s.execute("arguments[0].focus()", json!([item.json()]));
        assert!(focus(s).in_maps_list);
        press_until(s, F6, false, "F6 to reach the view tabs", |f| {
            f.what == "view-tab-map"
        });
        let f = press_until(s, F6, false, "F6 to reach the map", |f| f.in_map);
        assert_eq!(
            (f.what.as_str(), f.id.as_str()),
            ("card", "c-act-gift"),
            "F6 did not come back to the focused card"
        );
        press_until(s, F6, false, "F6 to reach the inspector", |f| {
            f.in_inspector
        });
        save_screenshot(s, "keyboard-f6-inspector.png");
        press_until(s, F6, true, "Shift+F6 back to the map", |f| f.in_map);
        press_until(s, F6, true, "Shift+F6 back to the views", |f| {
            f.what == "view-tab-map"
        });
        press_until(s, F6, true, "Shift+F6 to the maps list", |f| f.in_maps_list);
        press_until(s, F6, false, "F6 to the views", |f| {
            f.what == "view-tab-map"
        });
        press_until(s, F6, false, "F6 to the map", |f| f.id == "c-act-gift");

        // Arrows: up the stage's column to its header and back, then left to the lane
        // header, down the lane headers and right into an empty cell.
        press_until(s, UP, false, "Up to the touchpoint above", |f| {
            f.id == "c-thank-you-call"
        });
        press_until(s, UP, false, "Up to the first touchpoint", |f| {
            f.id == "c-ten-dollar-gift"
        });
        press_until(s, UP, false, "Up to the stage header", |f| {
            f.what == "stage-handle" && f.id == "st-first-gift"
        });
        assert_eq!(map_tab_stops(s), 1, "the map is more than one Tab stop");
        save_screenshot(s, "keyboard-stage-header.png");
        for card in ["c-ten-dollar-gift", "c-thank-you-call", "c-act-gift"] {
            press_until(s, DOWN, false, &format!("Down to {card}"), |f| f.id == card);
        }
        press_until(s, LEFT, false, "Left to Consider's action", |f| {
            f.id == "c-act-consider"
        });
        press_until(s, LEFT, false, "Left to Discover's action", |f| {
            f.id == "c-act-discover"
        });
        let f = press_until(s, LEFT, false, "Left to the lane header", |f| {
            f.what == "lane-handle"
        });
        assert_eq!(f.id, "ln-actions");
        for lane in ["ln-thoughts", "ln-emotions", "ln-pain"] {
            press_until(s, DOWN, false, &format!("Down to {lane}'s header"), |f| {
                f.id == lane
            });
        }
        press_until(s, RIGHT, false, "Right into the empty cell", |f| {
            f.what == "cell-focus"
        });
        assert_eq!(map_tab_stops(s), 1, "the map is more than one Tab stop");
        save_screenshot(s, "keyboard-empty-cell.png");

        // N adds a card there from the keyboard.
        let query = "select count(*) from cards where stage_id = 'st-discover' \
                     and lane_id = 'ln-pain' and title = 'Cannot find parking';";
        s.keys("n");
        d.one("[data-testid=quick-add]");
        s.keys(&format!("Cannot find parking{ENTER}"));
        d.wait_file(
            "the quick-added card in (Discover, Pain points)",
            query,
            "1",
        );
        s.keys(ESCAPE);
        wait_for(STEP, "Escape to close quick-add", || {
            s.find_all("[data-testid=quick-add]")
                .is_empty()
                .then_some(())
        });
        let f = press_until(s, DOWN, false, "an arrow to the new card", |f| {
            f.what == "card"
        });
        let new_card = f.id.clone();

        // Enter still edits the focused card.
        s.keys(ENTER);
        d.one("[data-testid=card-editor]");
        s.keys(ESCAPE);
        wait_for(STEP, "Escape to close the editor", || {
            s.find_all("[data-testid=card-editor]")
                .is_empty()
                .then_some(())
        });
        wait_for(STEP, "the focus back on the card", || {
            (focus(s).id == new_card).then_some(())
        });

        // Tab leaves the map in one press; Shift+Tab comes back to the same card.
        press_until(s, TAB, false, "Tab to leave the map", |f| !f.in_map);
        press_until(s, TAB, true, "Shift+Tab back to the card", |f| {
            f.id == new_card
        });
        save_screenshot(s, "keyboard-back-on-card.png");
    });
}
