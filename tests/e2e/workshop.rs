//! Workshop mode in the real window (issue 13, items 3 and 4): the kickoff board created
//! from its template, two participants added, five sticky notes captured by them into one
//! cell, a dot-voting round with a per-card cap started, votes cast by both (one refused
//! by the cap, its message shown), and the round ended by the facilitator. The file is
//! then read with sqlite3: the participants, the cards with their authors, the votes and
//! the round's state. Screenshots of capture and voting at 1280 × 800 and 1920 × 1080 are
//! saved for a person to judge as a facilitator at a projector would.
//!
//! The flow is in named steps (`create_kickoff_board`, `add_participant`, `capture`,
//! `start_round`, `vote`, …) so that later tests (the kickoff kit, the summary) can reuse it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;

use super::export::answer_file_dialog;
use super::present::{Display1080, ARROW_RIGHT};
use super::processes::TauriDriver;
use super::webdriver::{wait_for, Session, CONTROL, ENTER};
use super::xdo::{focus, main_window, xdotool};
use super::{save_screenshot, wait_for_sample_map};
use crate::common::{sqlite3, waymark_bin};

const STEP: Duration = Duration::from_secs(30);
const KICKOFF_MAP: &str = "map-kickoff";
/// The kickoff board's lane for the room's notes (its "thoughts" lane).
const NOTES_LANE: &str = "Sticky notes from the room";

/// One workshop test's desktop: a 1920 × 1080 display (a projector's), a fresh home, the
/// driver and the app's window.
pub(super) struct WorkshopDesk {
    pub session: Session,
    pub display: String,
    pub window: String,
    pub home: tempfile::TempDir,
    // Dropped in order: the driver before the display it draws on.
    _driver: TauriDriver,
    _x: Display1080,
}

impl WorkshopDesk {
    pub(super) fn start() -> WorkshopDesk {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join("runtime")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o700);
            std::fs::set_permissions(home.path().join("runtime"), private).unwrap();
        }
        let x = Display1080::start();
        let display = x.display.clone();
        let driver = TauriDriver::start(&display, home.path(), true);
        let session = Session::start(&driver.url, &waymark_bin(), &[]);
        wait_for_sample_map(&session);
        let window = main_window(&display);
        WorkshopDesk {
            session,
            display,
            window,
            home,
            _driver: driver,
            _x: x,
        }
    }

    /// Sizes the window to `w` × `h` (the menu bar included, as a projector shows it) at
    /// the screen's top-left, and waits for the page to follow.
    pub(super) fn size(&self, w: u32, h: u32) {
        let (ws, hs) = (w.to_string(), h.to_string());
        for args in [
            ["windowmove", "--sync", self.window.as_str(), "0", "0"],
            ["windowsize", "--sync", self.window.as_str(), &ws, &hs],
        ] {
            assert!(xdotool(&self.display, &args).status.success(), "{args:?}");
        }
        wait_for(STEP, &format!("the page to be {w} px wide"), || {
            let page = self
                .session
                .execute("return [window.innerWidth, window.innerHeight]", json!([]));
            let inner_h = page[1].as_u64()? as u32;
            (page[0] == json!(w) && inner_h <= h && inner_h + 60 >= h).then_some(())
        });
        self.session.wait_painted();
    }
}

/// File › New (Ctrl+N), the kickoff board, saved as `Kickoff.waymark` in the home folder.
pub(super) fn create_kickoff_board(desk: &WorkshopDesk) -> PathBuf {
    let s = &desk.session;
    s.chord(CONTROL, "n");
    wait_for(STEP, "the template gallery", || {
        (s.find_all("[data-testid=template-card]").len() == 5).then_some(())
    });
    s.keys(&ARROW_RIGHT.repeat(3));
    wait_for(STEP, "the kickoff board to be selected", || {
        let v = s.execute(
            "return document.activeElement?.dataset?.template ?? null",
            json!([]),
        );
        (v == json!("kickoff-workshop")).then_some(())
    });
    s.keys(ENTER);
    let file = desk.home.path().join("Kickoff.waymark");
    answer_file_dialog(
        &desk.display,
        waymark_app::dialogs::NEW_DOCUMENT_TITLE,
        &file,
    );
    wait_for(STEP, "the kickoff board on screen", || {
        texts(s, "[data-testid=stage-header]")
            .iter()
            .any(|t| t.contains("Baselining"))
            .then_some(())
    });
    file
}

/// The Workshop view by View › Workshop's accelerator (Ctrl+8, a real key press that
/// GTK's menu takes), its panel on screen.
pub(super) fn open_workshop(desk: &WorkshopDesk) {
    let s = &desk.session;
    focus(&desk.display, &desk.window);
    assert!(
        xdotool(&desk.display, &["key", "--clearmodifiers", "ctrl+8"])
            .status
            .success()
    );
    wait_for(STEP, "the workshop panel", || {
        s.find_all("[data-testid=workshop-panel]")
            .into_iter()
            .next()
    });
    wait_for(STEP, "the capture box", || {
        s.find_all("[data-testid=capture-input]").into_iter().next()
    });
}

/// Types a name in the panel's field and presses Enter; waits for their chip.
pub(super) fn add_participant(s: &Session, name: &str) {
    let field = s.find_all("[data-testid=participant-name]").remove(0);
    s.type_text(&field, &format!("{name}{ENTER}"));
    wait_for(STEP, &format!("{name}'s chip"), || {
        texts(s, "[data-testid=participant]")
            .iter()
            .any(|t| t.contains(name))
            .then_some(())
    });
}

/// Clicks the chip of the participant named `name` (who writes or votes next).
pub(super) fn choose(s: &Session, name: &str) {
    let chip = s
        .find_all("[data-testid=participant]")
        .into_iter()
        .find(|c| s.text(c).contains(name))
        .unwrap_or_else(|| panic!("no chip for {name}"));
    s.click(&chip);
    wait_for(STEP, &format!("{name} chosen"), || {
        let checked = attrs(s, "[data-testid=participant][aria-checked=true]", "title");
        checked.first().filter(|t| t.starts_with(name)).map(|_| ())
    });
}

/// Types each note and Enter in the capture box (which keeps the focus), and waits until
/// the cell counts `expect_total` notes.
pub(super) fn capture(s: &Session, notes: &[&str], expect_total: usize) {
    let input = s.find_all("[data-testid=capture-input]").remove(0);
    for note in notes {
        s.type_text(&input, &format!("{note}{ENTER}"));
    }
    wait_for(STEP, &format!("{expect_total} notes in the cell"), || {
        (notes_in_cell(s) == expect_total).then_some(())
    });
    let focused = s.execute(
        "return document.activeElement?.dataset?.testid ?? null",
        json!([]),
    );
    assert_eq!(focused, json!("capture-input"), "the box keeps the focus");
}

/// The text of every element `css` selects, read in one script (the page re-renders
/// while the backend answers, so a handle to an element may go stale between calls).
pub(super) fn texts(s: &Session, css: &str) -> Vec<String> {
    let v = s.execute(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.replace(/\\s+/g, ' ').trim())",
        json!([css]),
    );
    serde_json::from_value(v).unwrap_or_default()
}

/// Attribute `name` of every element `css` selects, read in one script.
pub(super) fn attrs(s: &Session, css: &str, name: &str) -> Vec<String> {
    let v = s.execute(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]) ?? '')",
        json!([css, name]),
    );
    serde_json::from_value(v).unwrap_or_default()
}

/// How many notes the capture cell holds, as the panel counts them.
pub(super) fn notes_in_cell(s: &Session) -> usize {
    attrs(s, "[data-testid=capture-count]", "data-count")
        .first()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX)
}

/// Sets a form field's value as typing would (an `input` event).
fn set_field(s: &Session, testid: &str, value: &str) {
    let done = s.execute(
        "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); if (!el) return false;\
         el.focus(); el.value = arguments[1]; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
        json!([testid, value]),
    );
    assert_eq!(done, json!(true), "no field {testid}");
}

fn click_testid(s: &Session, testid: &str) {
    let el = wait_for(STEP, testid, || {
        s.find_all(&format!("[data-testid={testid}]"))
            .into_iter()
            .next()
    });
    s.click(&el);
}

/// Vote mode, and a round over the notes lane: `budget` dots each, at most `cap` per card.
pub(super) fn start_round(s: &Session, question: &str, budget: u32, cap: u32) {
    click_testid(s, "mode-vote");
    wait_for(STEP, "the new round form", || {
        s.find_all("[data-testid=round-form]").into_iter().next()
    });
    set_field(s, "round-question", question);
    set_field(s, "round-budget", &budget.to_string());
    set_field(s, "round-cap", &cap.to_string());
    click_testid(s, "round-start");
    wait_for(STEP, "the round's question shown", || {
        (texts(s, "[data-testid=round-question-shown]") == [question]).then_some(())
    });
}

/// The cards of the round's results, as listed (most dots first).
pub(super) fn result_cards(s: &Session) -> Vec<String> {
    attrs(s, "[data-testid=result-row]", "data-card-id")
}

fn total_of(s: &Session, card: &str) -> Option<u32> {
    attrs(
        s,
        &format!("[data-testid=result-row][data-card-id='{card}']"),
        "data-total",
    )
    .first()?
    .parse()
    .ok()
}

/// One more dot from the chosen participant on `card` (its row's + button); waits for the
/// card's total to reach `expect_total`.
pub(super) fn vote(s: &Session, card: &str, expect_total: u32) {
    let plus = s
        .find_all(&format!(
            "[data-testid=result-row][data-card-id='{card}'] [data-testid=vote-add]"
        ))
        .remove(0);
    s.click(&plus);
    wait_for(STEP, &format!("{card} at {expect_total} dots"), || {
        (total_of(s, card) == Some(expect_total)).then_some(())
    });
}

/// A vote the round refuses: the + on `card`, then the notice, which is returned.
pub(super) fn refused_vote(s: &Session, card: &str) -> String {
    let before = total_of(s, card);
    let plus = s
        .find_all(&format!(
            "[data-testid=result-row][data-card-id='{card}'] [data-testid=vote-add]"
        ))
        .remove(0);
    s.click(&plus);
    let notice = wait_for(STEP, "the refusal's notice", || {
        texts(s, "[data-testid=workshop-notice]").into_iter().next()
    });
    assert_eq!(total_of(s, card), before, "a refused vote changes nothing");
    notice
}

pub(super) fn end_round(s: &Session) {
    click_testid(s, "round-end");
    wait_for(STEP, "the round ended", || {
        (attrs(s, "[data-testid=round-state]", "data-state") == ["ended"]).then_some(())
    });
}

/// Presses an Edit menu accelerator for real and waits for the round's state shown.
pub(super) fn undo_redo(desk: &WorkshopDesk, keys: &str, state: &str) {
    focus(&desk.display, &desk.window);
    assert!(xdotool(&desk.display, &["key", "--clearmodifiers", keys])
        .status
        .success());
    wait_for(STEP, &format!("the round {state} after {keys}"), || {
        (attrs(&desk.session, "[data-testid=round-state]", "data-state") == [state]).then_some(())
    });
}

/// Who is in the room, and what each writes on the first stage's notes.
pub(super) const NOTES: [(&str, &[&str]); 2] = [
    (
        "Ada Lovelace",
        &[
            "Nobody owns the donor data",
            "Our baseline survey is two years old",
            "We do not know why people lapse",
        ],
    ),
    (
        "Bo Kim",
        &["Volunteers hear about changes last", "Too many tools"],
    ),
];

/// The capped round's question.
pub(super) const QUESTION: &str = "Which gap hurts most?";

/// In the open Workshop view: both participants added, then each writes their notes
/// (`NOTES`) into the capture cell, the first stage's notes lane.
pub(super) fn room_with_notes(s: &Session) {
    for (name, _) in NOTES {
        add_participant(s, name);
    }
    let cell = wait_for(STEP, "the capture cell's name", || {
        texts(s, "[data-testid=capture-count]")
            .into_iter()
            .next()
            .filter(|t| !t.is_empty())
    });
    assert!(
        cell.ends_with(&format!("in Baselining × {NOTES_LANE}")),
        "capture starts in the first stage's notes lane: {cell:?}"
    );
    let mut total = notes_in_cell(s);
    for (name, notes) in NOTES {
        choose(s, name);
        total += notes.len();
        capture(s, notes, total);
    }
}

/// A round over the notes (3 dots each, at most 1 per card): Ada's second dot on a card
/// is refused by the cap; the first card ends with 2 dots, three others with 1. Returns
/// the round's cards as first listed (the votes went on the first four).
pub(super) fn capped_round(s: &Session) -> Vec<String> {
    start_round(s, QUESTION, 3, 1);
    // Every note can get votes (the results are listed once the round's tally is in).
    let cards = wait_for(STEP, "the five notes listed in the round's results", || {
        let cards = result_cards(s);
        (cards.len() >= 5).then_some(cards)
    });
    choose(s, "Ada Lovelace");
    vote(s, &cards[0], 1);
    let refusal = refused_vote(s, &cards[0]);
    assert!(
        refusal.contains("Ada Lovelace may put at most 1 dot on one card in this round, not 2"),
        "{refusal}"
    );
    vote(s, &cards[1], 1);
    choose(s, "Bo Kim");
    vote(s, &cards[0], 2);
    vote(s, &cards[2], 1);
    vote(s, &cards[3], 1);
    cards
}

/// The file after `room_with_notes` and `capped_round` and its end: the people, the notes
/// with their authors, the votes on `cards`, the ended round.
pub(super) fn check_file(file: &Path, cards: &[String]) {
    assert_eq!(
        rows(
            file,
            "select name || '|' || initials || '|' || color from participants order by position;"
        ),
        ["Ada Lovelace|AL|#1d4ed8", "Bo Kim|BK|#b91c1c"]
    );
    let authored = rows(
        file,
        &format!(
            "select p.initials || '|' || c.title from cards c join participants p on p.id = c.author_id \
             join lanes l on l.id = c.lane_id join stages s on s.id = c.stage_id \
             where c.map_id = '{KICKOFF_MAP}' and l.name = '{NOTES_LANE}' and s.name = 'Baselining' \
             order by c.position;"
        ),
    );
    assert_eq!(
        authored,
        [
            "AL|Nobody owns the donor data",
            "AL|Our baseline survey is two years old",
            "AL|We do not know why people lapse",
            "BK|Volunteers hear about changes last",
            "BK|Too many tools",
        ]
    );
    assert_eq!(
        rows(
            file,
            "select question || '|' || votes_per_participant || '|' || max_per_card || '|' || state from vote_rounds;"
        ),
        [format!("{QUESTION}|3|1|ended")]
    );
    let votes = rows(
        file,
        "select p.initials || '|' || v.card_id || '|' || v.count from votes v \
         join participants p on p.id = v.participant_id order by p.position, v.card_id;",
    );
    let mut want = vec![
        format!("AL|{}|1", cards[0]),
        format!("AL|{}|1", cards[1]),
        format!("BK|{}|1", cards[0]),
        format!("BK|{}|1", cards[2]),
        format!("BK|{}|1", cards[3]),
    ];
    want.sort();
    let mut got = votes.clone();
    got.sort();
    assert_eq!(got, want, "the votes in the file");
}

pub(super) fn rows(file: &Path, sql: &str) -> Vec<String> {
    sqlite3(file, sql).lines().map(str::to_string).collect()
}

#[test]
fn capture_and_dot_voting_from_the_kickoff_board_are_in_the_file() {
    let desk = WorkshopDesk::start();
    let s = &desk.session;
    let file = create_kickoff_board(&desk);
    desk.size(1280, 800);
    open_workshop(&desk);

    room_with_notes(s);
    s.wait_painted();
    save_screenshot(s, "workshop-capture-1280x800.png");
    desk.size(1920, 1080);
    save_screenshot(s, "workshop-capture-1920x1080.png");
    desk.size(1280, 800);

    let cards = capped_round(s);
    wait_for(STEP, "the dots drawn on the map", || {
        (s.find_all("[data-testid=vote-card]").len() >= 3).then_some(())
    });
    s.wait_painted();
    save_screenshot(s, "workshop-voting-1280x800.png");
    desk.size(1920, 1080);
    save_screenshot(s, "workshop-voting-1920x1080.png");
    end_round(s);
    save_screenshot(s, "workshop-voting-ended-1920x1080.png");

    // The file: the people, the notes with their authors, the votes, the ended round.
    check_file(&file, &cards);

    // Every step is an undo step: Edit › Undo (Ctrl+Z, GTK's accelerator) reopens the
    // round, in the file and on screen; Redo ends it again.
    undo_redo(&desk, "ctrl+z", "open");
    assert_eq!(
        rows(&file, "select state from vote_rounds;"),
        ["open"],
        "undo reopened the round"
    );
    undo_redo(&desk, "ctrl+shift+z", "ended");
    assert_eq!(rows(&file, "select state from vote_rounds;"), ["ended"]);

    // The dark theme, for a person to judge.
    click_testid(s, "theme-dark");
    s.wait_painted();
    save_screenshot(s, "workshop-voting-dark-1920x1080.png");
    desk.session.end();
}
