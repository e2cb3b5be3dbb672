//! File › New's template gallery in the real window: opened by the UI's New action
//! (Ctrl+N), every template's card shown with its thumbnail drawn, the blank one focused;
//! screenshots at 1280 × 800 (light and dark); then the kickoff board chosen with the arrows and Enter,
//! saved through the native Save dialog (answered with xdotool) and checked in the file.

use std::time::Duration;

use serde_json::json;

use super::export::answer_file_dialog;
use super::webdriver::{wait_for, CONTROL, ENTER, ESCAPE};
use super::xdo::{main_window, xdotool};
use super::{save_screenshot, texts, Desktop};
use crate::common::{root, sqlite3};

const STEP: Duration = Duration::from_secs(30);
const ARROW_RIGHT: &str = "\u{E014}";
/// The title of the native Save dialog that asks where the new document goes.
const SAVE_TITLE: &str = waymark_app::dialogs::NEW_DOCUMENT_TITLE;

#[test]
fn file_new_shows_every_template_and_creates_the_kickoff_board() {
    let desktop = Desktop::start();
    let s = desktop.launch();
    let window = main_window(&desktop.display);
    assert!(xdotool(
        &desktop.display,
        &["windowsize", "--sync", &window, "1280", "800"]
    )
    .status
    .success());
    wait_for(STEP, "the page to follow the window's size", || {
        (s.execute("return window.innerWidth", json!([])) == json!(1280)).then_some(())
    });

    // The UI's New action. (WebDriver's keys reach the page, not GTK's menu accelerators.)
    s.chord(CONTROL, "n");
    let cards = wait_for(STEP, "the gallery's five templates", || {
        let cards = s.find_all("[data-testid=template-card]");
        (cards.len() == 5).then_some(cards)
    });
    let names: Vec<String> = cards
        .iter()
        .map(|c| s.attribute(c, "data-template").unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "blank",
            "classic-journey",
            "nonprofit-supporter",
            "kickoff-workshop",
            "service-blueprint"
        ]
    );
    let titles = texts(&s, "[data-testid=template-title]");
    assert_eq!(
        titles,
        [
            "Blank journey",
            "Classic five-stage journey",
            "Non-profit supporter journey",
            "Kickoff workshop board",
            "Service blueprint"
        ]
    );
    // Every thumbnail decoded and laid out: 640 px on its longer side (2× of 320).
    let sizes = wait_for(STEP, "the thumbnails to be decoded", || {
        let v = s.execute(
            "return [...document.querySelectorAll('[data-testid=template-thumbnail]')]\
             .map((img) => { const r = img.getBoundingClientRect(), f = img.parentElement.getBoundingClientRect(); \
             return [img.complete, img.naturalWidth, img.naturalHeight, r.width, \
             r.left >= f.left && r.right <= f.right && r.top >= f.top && r.bottom <= f.bottom]; });",
            json!([]),
        );
        let sizes: Vec<(bool, f64, f64, f64, bool)> = serde_json::from_value(v).ok()?;
        sizes
            .iter()
            .all(|(done, w, ..)| *done && *w > 0.0)
            .then_some(sizes)
    });
    assert_eq!(sizes.len(), 5);
    for (_, w, h, shown, inside) in &sizes {
        assert_eq!(w.max(*h), 640.0, "{sizes:?}");
        assert!(*shown > 100.0, "a thumbnail is drawn too small: {sizes:?}");
        assert!(*inside, "a thumbnail overflows its frame: {sizes:?}");
    }
    let focused = s.execute(
        "return document.activeElement?.dataset?.template ?? null",
        json!([]),
    );
    assert_eq!(focused, json!("blank"), "the blank template is focused");
    s.wait_painted();
    save_screenshot(&s, "template-gallery.png");

    // axe-core on the open gallery: no serious or critical violations.
    let axe = std::fs::read_to_string(root().join("ui/node_modules/axe-core/axe.min.js"))
        .expect("axe-core is a dev dependency of the UI (npm ci in ui/)");
    let script = format!(
        "{axe}\n;const done = arguments[arguments.length - 1];\
         axe.run(document.querySelector('[data-testid=template-gallery]'), {{ resultTypes: ['violations'] }}).then(\
           r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')\
             .map(v => ({{ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }}))),\
           e => done({{ error: String(e) }}));"
    );
    let violations = s.execute_async(&script, json!([]));
    assert_eq!(violations, json!([]), "axe on the gallery");

    // Escape closes it; in the dark theme it opens again on the blank template.
    s.keys(ESCAPE);
    wait_for(STEP, "the gallery to close", || {
        s.find_all("[data-testid=template-gallery]")
            .is_empty()
            .then_some(())
    });
    let dark = wait_for(STEP, "the dark theme button", || {
        s.find_all("[data-testid=theme-dark]").into_iter().next()
    });
    s.click(&dark);
    s.chord(CONTROL, "n");
    wait_for(
        STEP,
        "the gallery again, the blank template focused",
        || {
            let v = s.execute(
                "return document.activeElement?.dataset?.template ?? null",
                json!([]),
            );
            (v == json!("blank")).then_some(())
        },
    );
    s.wait_painted();
    save_screenshot(&s, "template-gallery-dark.png");

    // The kickoff board: three cards to the right, Enter, then where to save it.
    s.keys(&ARROW_RIGHT.repeat(3));
    wait_for(STEP, "the kickoff board to be selected", || {
        let v = s.execute(
            "return document.activeElement?.dataset?.template ?? null",
            json!([]),
        );
        (v == json!("kickoff-workshop")).then_some(())
    });
    s.keys(ENTER);
    let file = desktop.document.with_file_name("Kickoff.waymark");
    answer_file_dialog(&desktop.display, SAVE_TITLE, &file);
    wait_for(STEP, "the new document in the top bar", || {
        (texts(&s, "[data-testid=document-name]") == ["Kickoff"]).then_some(())
    });
    assert!(s.find_all("[data-testid=template-gallery]").is_empty());
    let stages = sqlite3(
        &file,
        "select name from stages where map_id = 'map-kickoff' order by position;",
    );
    assert_eq!(
        stages.lines().collect::<Vec<_>>(),
        [
            "Baselining",
            "Planning",
            "Messaging",
            "Channels",
            "Communities",
            "Support",
            "Validation"
        ]
    );
    wait_for(STEP, "the kickoff board's stages on screen", || {
        texts(&s, "[data-testid=stage-header]")
            .iter()
            .any(|t| t.contains("Baselining"))
            .then_some(())
    });
    s.wait_painted();
    save_screenshot(&s, "template-kickoff-board.png");
    s.end();
}
