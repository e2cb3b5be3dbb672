//! The canvas editor in the real window. Each step is checked in the file with sqlite3,
//! then undone and redone (toolbar buttons or Ctrl+Z / Ctrl+Shift+Z) and checked again.
//!
//! WebKitWebDriver cannot click SVG groups by reference, so the tests point at
//! coordinates taken from the elements' boxes, as a person points at what they see.

use std::time::Duration;

use serde_json::json;

use super::webdriver::{wait_for, Element, Session, CONTROL, ENTER, ESCAPE, SHIFT, SPACE};
use super::{save_screenshot, texts, Desktop};
use crate::common::sqlite3;

const STEP: Duration = Duration::from_secs(20);

/// The app on a fresh sample document ([`Desktop`]: its own display, HOME and driver),
/// with the helpers the steps share.
pub(super) struct Editor {
    session: Option<Session>,
    desktop: Desktop,
    /// Names this test's screenshot if it fails.
    name: &'static str,
}

impl Editor {
    /// Launches the app and waits until the canvas shows the file's revision.
    pub(super) fn start(name: &'static str) -> Editor {
        let desktop = Desktop::start();
        let session = desktop.launch();
        let editor = Editor {
            session: Some(session),
            desktop,
            name,
        };
        wait_for(STEP, "the canvas to show the file's revision", || {
            editor.settled().then_some(())
        });
        editor
    }

    /// Runs a test's steps; when one fails, saves `editor-failed-<name>.png` first.
    fn run(name: &'static str, steps: impl FnOnce(&Editor)) {
        let editor = Editor::start(name);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| steps(&editor)));
        if let Err(panic) = outcome {
            let shot = format!("editor-failed-{}.png", editor.name);
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                save_screenshot(editor.s(), &shot)
            }));
            std::panic::resume_unwind(panic);
        }
        assert_eq!(editor.sql("pragma integrity_check;"), "ok");
        editor.end();
    }

    pub(super) fn s(&self) -> &Session {
        self.session.as_ref().unwrap()
    }

    /// One SQL query against the document on disk, trimmed.
    pub(super) fn sql(&self, query: &str) -> String {
        sqlite3(&self.desktop.document, query).trim().to_string()
    }

    pub(super) fn revision(&self) -> String {
        self.sql("select value from document_info where key = 'revision';")
    }

    /// The canvas shows the scene of the file's current revision.
    pub(super) fn settled(&self) -> bool {
        let canvas = self.s().find_all("[data-testid=canvas]");
        let Some(canvas) = canvas.first() else {
            return false;
        };
        self.s().attribute(canvas, "data-revision").as_deref() == Some(self.revision().as_str())
    }

    /// Waits until `query` answers `expected` in the file, then until the canvas has
    /// caught up with that revision (so the next pointer action hits what is drawn).
    pub(super) fn wait_file(&self, what: &str, query: &str, expected: &str) {
        wait_for(STEP, what, || (self.sql(query) == expected).then_some(()));
        wait_for(STEP, &format!("the canvas to redraw after: {what}"), || {
            self.settled().then_some(())
        });
    }

    pub(super) fn button(&self, testid: &str) -> Element {
        let css = format!("[data-testid={testid}]");
        wait_for(STEP, &format!("{testid} to be enabled"), || {
            let b = self.s().find_all(&css).into_iter().next()?;
            self.s().attribute(&b, "disabled").is_none().then_some(b)
        })
    }

    pub(super) fn undo(&self) {
        let b = self.button("undo");
        self.s().click(&b);
    }

    pub(super) fn redo(&self) {
        let b = self.button("redo");
        self.s().click(&b);
    }

    pub(super) fn one(&self, css: &str) -> Element {
        wait_for(STEP, css, || self.s().find_all(css).into_iter().next())
    }

    pub(super) fn card(&self, id: &str) -> Element {
        self.one(&format!("[data-testid=card][data-card-id=\"{id}\"]"))
    }

    /// The middle of a card's body, in viewport pixels, once it is in view.
    pub(super) fn card_center(&self, id: &str) -> (f64, f64) {
        let body = self.one(&format!(
            "[data-testid=card][data-card-id=\"{id}\"] .card-body"
        ));
        self.scroll_map_to(&body);
        self.s().center(&body)
    }

    /// Scrolls the map with the wheel, as a person does, until `e` is wholly in view (a
    /// map opens at a readable size, so its later stages start out of sight).
    pub(super) fn scroll_map_to(&self, e: &Element) {
        let s = self.s();
        let canvas = self.one("[data-testid=canvas]");
        let view_box = || s.attribute(&canvas, "viewBox").unwrap_or_default();
        const MARGIN: f64 = 16.0;
        // How far a span [lo, hi] must travel to sit inside [start, end].
        let shift = |lo: f64, hi: f64, start: f64, end: f64| {
            if lo < start + MARGIN {
                lo - start - MARGIN
            } else if hi > end - MARGIN {
                hi - end + MARGIN
            } else {
                0.0
            }
        };
        for _ in 0..8 {
            let (cx, cy, cw, ch) = s.rect(&canvas);
            let (x, y, w, h) = s.rect(e);
            let (dx, dy) = (shift(x, x + w, cx, cx + cw), shift(y, y + h, cy, cy + ch));
            if dx == 0.0 && dy == 0.0 {
                return;
            }
            let middle = (cx + cw / 2.0, cy + ch / 2.0);
            // WebKitWebDriver sends wheel events only once the pointer is over the page.
            s.pointer(vec![json!({ "type": "pointerMove", "origin": "viewport",
                "x": middle.0 as i64, "y": middle.1 as i64, "duration": 0 })]);
            let before = view_box();
            s.wheel(middle, (dx, dy));
            wait_for(STEP, "the wheel to scroll the map", || {
                (view_box() != before).then_some(())
            });
        }
        panic!("could not scroll {e:?} into view");
    }

    pub(super) fn selected(&self, id: &str) -> bool {
        self.s()
            .attribute(&self.card(id), "aria-selected")
            .as_deref()
            == Some("true")
    }

    fn stage_rect(&self, id: &str) -> (f64, f64, f64, f64) {
        let e = self.one(&format!(
            "[data-testid=stage-handle][data-stage-id=\"{id}\"]"
        ));
        self.s().rect(&e)
    }

    fn lane_rect(&self, id: &str) -> (f64, f64, f64, f64) {
        let e = self.one(&format!("[data-testid=lane-handle][data-lane-id=\"{id}\"]"));
        self.s().rect(&e)
    }

    /// A cell's box (stage column × lane band) in viewport pixels.
    fn cell(&self, stage: &str, lane: &str) -> (f64, f64, f64, f64) {
        let (x, _, w, _) = self.stage_rect(stage);
        let (_, y, _, h) = self.lane_rect(lane);
        (x, y, w, h)
    }

    fn card_stage(&self, id: &str) -> String {
        self.sql(&format!("select stage_id from cards where id = '{id}';"))
    }

    fn stage_order(&self) -> String {
        self.sql("select group_concat(id, ',') from (select id from stages order by position);")
    }

    pub(super) fn desktop(&self) -> &Desktop {
        &self.desktop
    }

    /// Quits the app and starts it again on the same document, as a person does.
    pub(super) fn relaunch(&mut self) {
        self.relaunch_after(|_| {});
    }

    /// Quits the app, lets `change` work on the closed document, and starts the app again.
    pub(super) fn relaunch_after(&mut self, change: impl FnOnce(&std::path::Path)) {
        if let Some(s) = self.session.take() {
            s.end();
        }
        let document = &self.desktop.document;
        super::wait_until_released(document);
        change(document);
        self.session = Some(self.desktop.launch());
        wait_for(STEP, "the canvas to show the file's revision", || {
            self.settled().then_some(())
        });
    }

    pub(super) fn end(mut self) {
        if let Some(s) = self.session.take() {
            s.end();
        }
    }
}

impl Drop for Editor {
    /// A failed test still closes its app window before its driver and display stop.
    fn drop(&mut self) {
        if let Some(s) = self.session.take() {
            s.end_quietly();
        }
    }
}

const CELL_TITLES: &str = "select group_concat(title, '|') from \
    (select title from cards where stage_id = '{stage}' and lane_id = '{lane}' order by position);";

fn cell_titles(d: &Editor, stage: &str, lane: &str) -> String {
    d.sql(
        &CELL_TITLES
            .replace("{stage}", stage)
            .replace("{lane}", lane),
    )
}

#[test]
fn cards_are_created_moved_and_selected_with_the_mouse() {
    Editor::run("cards", |d| {
        let s = d.s();
        // Moving cards across the journey: the user fits the whole map in the window first.
        let level = texts(s, "[data-testid=zoom-level]").join("");
        s.click(&d.one("[data-testid=zoom-fit]"));
        wait_for(STEP, "Fit to show the whole map", || {
            (texts(s, "[data-testid=zoom-level]").join("") != level).then_some(())
        });

        // Double-click an empty spot of (Discover, Pain points): the inline editor opens.
        assert_eq!(cell_titles(d, "st-discover", "ln-pain"), "");
        let (x, y, w, h) = d.cell("st-discover", "ln-pain");
        s.double_click_at((x + w / 2.0, y + h / 2.0));
        let title = d.one("[data-testid=card-editor-title]");
        s.type_text(&title, &format!("Can't find opening hours{ENTER}"));
        let count =
            "select count(*) from cards where stage_id = 'st-discover' and lane_id = 'ln-pain' \
                     and title = 'Can''t find opening hours';";
        d.wait_file("the new card in (Discover, Pain points)", count, "1");
        assert!(
            s.find_all("[data-testid=card-editor]").is_empty(),
            "the editor stayed open"
        );
        let new_id =
            d.sql("select id from cards where stage_id = 'st-discover' and lane_id = 'ln-pain';");
        assert!(
            texts(s, &format!("[data-card-id=\"{new_id}\"]"))[0]
                .contains("Can't find opening hours"),
            "the new card is not drawn"
        );
        d.undo();
        d.wait_file("undo to remove the new card", count, "0");
        assert!(s
            .find_all(&format!("[data-card-id=\"{new_id}\"]"))
            .is_empty());
        d.redo();
        d.wait_file("redo to bring the new card back", count, "1");
        assert_eq!(
            d.sql(&format!(
                "select stage_id || '/' || lane_id from cards where id = '{new_id}';"
            )),
            "st-discover/ln-pain",
            "redo brought the card back under another id or cell"
        );

        // Drag "Food bank near me" into (First gift, Touchpoints).
        assert_eq!(d.card_stage("c-local-search"), "st-discover");
        let from = d.card_center("c-local-search");
        let (x, y, w, h) = d.cell("st-first-gift", "ln-touchpoints");
        s.drag(from, (x + w / 2.0, y + h - 12.0), 12, 20);
        d.wait_file(
            "c-local-search in First gift",
            "select stage_id || '/' || lane_id from cards where id = 'c-local-search';",
            "st-first-gift/ln-touchpoints",
        );
        s.chord(CONTROL, "z");
        d.wait_file(
            "Ctrl+Z to bring c-local-search back to Discover",
            "select stage_id from cards where id = 'c-local-search';",
            "st-discover",
        );
        d.redo();
        d.wait_file(
            "redo to move c-local-search again",
            "select stage_id from cards where id = 'c-local-search';",
            "st-first-gift",
        );

        // Multi-select two thoughts cards (click, Shift+click) and drag them together.
        let both = "select group_concat(stage_id, ',') from \
                    (select stage_id from cards where id in ('c-th-discover', 'c-th-consider') order by id);";
        assert_eq!(d.sql(both), "st-consider,st-discover");
        s.click_at(d.card_center("c-th-discover"), None);
        wait_for(STEP, "the first card to be selected", || {
            d.selected("c-th-discover").then_some(())
        });
        s.click_at(d.card_center("c-th-consider"), Some(SHIFT));
        wait_for(STEP, "both thoughts cards to be selected", || {
            (d.selected("c-th-discover") && d.selected("c-th-consider")).then_some(())
        });
        assert!(
            !d.selected("c-local-search"),
            "a card outside the selection is selected"
        );
        let shot = save_screenshot(s, "editor-selection.png");
        assert!(
            std::fs::metadata(shot).unwrap().len() > 50_000,
            "the screenshot looks empty"
        );

        let revision = d.revision();
        let from = d.card_center("c-th-consider");
        let (x, y, w, h) = d.cell("st-get-involved", "ln-thoughts");
        s.drag(from, (x + w / 2.0, y + h - 12.0), 12, 20);
        d.wait_file(
            "both thoughts cards in Get involved",
            both,
            "st-get-involved,st-get-involved",
        );
        assert_eq!(
            d.revision().parse::<i64>().unwrap(),
            revision.parse::<i64>().unwrap() + 1,
            "moving two cards took more than one edit"
        );
        d.undo();
        d.wait_file(
            "one undo to put both cards back",
            both,
            "st-consider,st-discover",
        );
        s.chord_with(&[CONTROL, SHIFT], "z");
        d.wait_file(
            "Ctrl+Shift+Z to move both again",
            both,
            "st-get-involved,st-get-involved",
        );

        save_screenshot(s, "editor-after-edits.png");
    });
}

#[test]
fn quick_add_ten_cards_by_keyboard() {
    Editor::run("quick-add", |d| {
        let s = d.s();
        let (stage, lane) = ("st-first-gift", "ln-actions");
        let before = cell_titles(d, stage, lane);
        assert_eq!(before, "Gives $10 and opts in to e-mail");

        // Focus a card of the cell with a click, then N opens the quick-add field.
        s.click_at(d.card_center("c-act-gift"), None);
        wait_for(STEP, "c-act-gift to be selected", || {
            d.selected("c-act-gift").then_some(())
        });
        s.keys("n");
        let field = d.one("[data-testid=quick-add]");
        let titles: Vec<String> = (1..=10).map(|i| format!("Idea {i:02}")).collect();
        for title in &titles {
            s.keys(&format!("{title}{ENTER}"));
        }
        let expected = std::iter::once(before.clone())
            .chain(titles.iter().cloned())
            .collect::<Vec<_>>()
            .join("|");
        let query = CELL_TITLES
            .replace("{stage}", stage)
            .replace("{lane}", lane);
        d.wait_file("ten quick-added cards in order", &query, &expected);
        assert!(
            s.find_all("[data-testid=quick-add]").len() == 1,
            "the quick-add field closed while adding"
        );
        s.type_text(&field, ESCAPE);
        wait_for(STEP, "Escape to close the quick-add field", || {
            s.find_all("[data-testid=quick-add]")
                .is_empty()
                .then_some(())
        });
        // Positions are 0..n without gaps, in the order typed.
        let positions = d.sql(&format!(
            "select group_concat(position, ',') from (select position from cards \
             where stage_id = '{stage}' and lane_id = '{lane}' order by position);"
        ));
        assert_eq!(positions, "0,1,2,3,4,5,6,7,8,9,10");
        assert_eq!(
            texts(s, "[data-testid=card][aria-label^=\"Idea\"]").len(),
            10,
            "the ten cards are not all drawn"
        );

        // One undo takes back only the last card.
        d.undo();
        let nine = std::iter::once(before.clone())
            .chain(titles[..9].iter().cloned())
            .collect::<Vec<_>>()
            .join("|");
        d.wait_file(
            "undo to remove only the last quick-added card",
            &query,
            &nine,
        );
        d.redo();
        d.wait_file("redo to add it back", &query, &expected);
    });
}

#[test]
fn stages_reorder_and_connectors_and_emotions() {
    Editor::run("stages", |d| {
        let s = d.s();
        // The map opens scrolled (it is wider than the view); Fit shows all of it, so the
        // last stage's cards can be reached too.
        let level = texts(s, "[data-testid=zoom-level]").join("");
        s.click(&d.one("[data-testid=zoom-fit]"));
        wait_for(STEP, "Fit to show the whole map", || {
            (texts(s, "[data-testid=zoom-level]").join("") != level).then_some(())
        });

        // Drag the "Consider" header to the right, past "First gift ($10)".
        let original =
            "st-discover,st-consider,st-first-gift,st-get-involved,st-advocate,st-major-gift";
        let reordered =
            "st-discover,st-first-gift,st-consider,st-get-involved,st-advocate,st-major-gift";
        assert_eq!(d.stage_order(), original);
        let (cx, cy, cw, ch) = d.stage_rect("st-consider");
        let (fx, _, fw, _) = d.stage_rect("st-first-gift");
        let revision = d.revision().parse::<i64>().unwrap();
        s.drag(
            (cx + cw / 2.0, cy + ch / 2.0),
            (fx + fw * 0.8, cy + ch / 2.0),
            12,
            20,
        );
        let order = "select group_concat(id, ',') from (select id from stages order by position);";
        d.wait_file("Consider after First gift", order, reordered);
        assert_eq!(
            d.revision().parse::<i64>().unwrap(),
            revision + 1,
            "the reorder took more than one edit"
        );
        let headers = texts(s, "[data-testid=stage-header]");
        assert!(
            headers[1].contains("First gift") && headers[2].contains("Consider"),
            "the headers were not redrawn in the new order: {headers:?}"
        );
        d.undo();
        d.wait_file("undo to restore the stage order", order, original);
        d.redo();
        d.wait_file("redo to reorder the stages again", order, reordered);
        s.chord(CONTROL, "z");
        d.wait_file("Ctrl+Z to restore the stage order", order, original);

        // Connect "Visit with the director" to "A friend's event invitation": a loop back.
        let connector = "select kind from connectors where from_card_id = 'c-major-donor-visit' \
                         and to_card_id = 'c-friend-invite';";
        assert_eq!(d.sql(connector), "");
        s.click_at(d.card_center("c-major-donor-visit"), None);
        wait_for(STEP, "c-major-donor-visit to be selected", || {
            d.selected("c-major-donor-visit").then_some(())
        });
        let handle = d.one("[data-testid=connect-handle]");
        let from = s.center(&handle);
        let to = d.card_center("c-friend-invite");
        s.drag(from, to, 15, 20);
        d.wait_file("a loop-back connector in the file", connector, "loop_back");
        let connectors = s.find_all("[data-testid=connector]").len();
        assert_eq!(connectors, 11, "the new connector is not drawn");
        d.undo();
        d.wait_file("undo to remove the connector", connector, "");
        assert_eq!(s.find_all("[data-testid=connector]").len(), 10);
        d.redo();
        d.wait_file("redo to bring the connector back", connector, "loop_back");

        // Drag Maya's emotion at Discover up by one step (0 → +1).
        let emotion = "select value from emotion_points where persona_id = 'p-maya' and stage_id = 'st-discover';";
        assert_eq!(d.sql(emotion), "0");
        let point =
            d.one("[data-testid=emotion-point][data-persona-id=p-maya][data-stage-id=st-discover]");
        let (px, py) = s.center(&point);
        let zoom: f64 = s
            .attribute(&d.one("[data-testid=canvas]"), "data-zoom")
            .unwrap()
            .parse()
            .unwrap();
        // One step is a quarter of the curve band's usable height (160 − 2 × 22 layout units).
        let step = (160.0 - 44.0) / 4.0 * zoom;
        s.drag((px, py), (px, py - step), 8, 20);
        d.wait_file("Maya's emotion at Discover to be +1", emotion, "1");
        let point =
            d.one("[data-testid=emotion-point][data-persona-id=p-maya][data-stage-id=st-discover]");
        assert_eq!(s.attribute(&point, "aria-valuenow").as_deref(), Some("1"));
        d.undo();
        d.wait_file("undo to restore Maya's emotion", emotion, "0");
        d.redo();
        d.wait_file("redo to raise it again", emotion, "1");
    });
}

#[test]
fn zoom_and_pan_change_the_view_not_the_document() {
    Editor::run("zoom", |d| {
        let s = d.s();
        let revision = d.revision();
        let canvas = d.one("[data-testid=canvas]");
        let view_box = || s.attribute(&canvas, "viewBox").unwrap();
        let level = || texts(s, "[data-testid=zoom-level]").join("");

        let (box0, level0) = (view_box(), level());
        s.click(&d.one("[data-testid=zoom-in]"));
        wait_for(STEP, "zoom in to change the level", || {
            (level() != level0).then_some(())
        });
        let (box1, level1) = (view_box(), level());
        assert_ne!(box1, box0, "zoom in did not change the viewBox");
        s.click(&d.one("[data-testid=zoom-out]"));
        s.click(&d.one("[data-testid=zoom-out]"));
        wait_for(STEP, "zoom out to change the level", || {
            (level() != level1 && level() != level0).then_some(())
        });
        assert_ne!(view_box(), box1, "zoom out did not change the viewBox");
        s.click(&d.one("[data-testid=zoom-100]"));
        wait_for(STEP, "100% to show 100%", || {
            (level() == "100%").then_some(())
        });

        // Pan with the wheel (no modifier scrolls the map). WebKitWebDriver only sends
        // wheel events once the pointer has moved over the page.
        let (x, y, w, h) = s.rect(&canvas);
        let middle = (x + w / 2.0, y + h / 2.0);
        s.pointer(vec![json!({ "type": "pointerMove", "origin": "viewport",
            "x": middle.0 as i64, "y": middle.1 as i64, "duration": 0 })]);
        let before = view_box();
        s.wheel(middle, (0.0, 120.0));
        wait_for(STEP, "the wheel to pan the map", || {
            (view_box() != before).then_some(())
        });

        // Pan by dragging with Space held (the focus on the map, as after a click on it).
        s.execute("arguments[0].focus()", json!([canvas.json()]));
        let before = view_box();
        s.drag_holding(SPACE, middle, (middle.0 - 120.0, middle.1 - 80.0), 6, 30);
        wait_for(STEP, "a Space+drag to pan the map", || {
            (view_box() != before).then_some(())
        });
        assert_eq!(level(), "100%", "panning changed the zoom");
        assert!(
            s.find_all("[data-testid=card][aria-selected=true]")
                .is_empty(),
            "the Space+drag selected or moved a card instead of panning"
        );

        // Fit brings the whole map back; none of this touched the document.
        s.click(&d.one("[data-testid=zoom-fit]"));
        wait_for(STEP, "Fit to change the view", || {
            (level() != "100%").then_some(())
        });
        assert_eq!(
            d.revision(),
            revision,
            "zooming or panning changed the document"
        );
        assert!(
            s.attribute(&d.one("[data-testid=undo]"), "disabled")
                .is_some(),
            "zoom or pan became an undo step"
        );
    });
}
