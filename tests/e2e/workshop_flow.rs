//! A mini workshop end to end in one app session (issue 13): a new map from the kickoff
//! template, a channel with a SMART goal for the kit's handouts, three stages presented
//! with a clicker's keys, five notes captured from two participants, a dot-voting round
//! with a cap (one vote refused) ended, then the kickoff kit (PDF) and the workshop
//! summary (Markdown and PDF) exported through the native Save dialogs. The kit is read
//! with poppler (pages, their sizes, the text), the summary from disk and the document
//! with sqlite3. Each step is the helper its own e2e test uses.

use std::path::Path;
use std::process::Command;

use serde_json::json;

use super::export::{close_export, export_kit, poppler};
use super::present::{back_in_the_editor, click_on, start_presenting, ARROW_RIGHT, PAGE_DOWN};
use super::save_screenshot;
use super::webdriver::{Session, ESCAPE, SPACE};
use super::workshop::{
    capped_round, check_file, create_kickoff_board, end_round, open_workshop, room_with_notes,
    rows, texts, WorkshopDesk, NOTES, QUESTION,
};
use super::workshop_summary::export_summary;

const CHANNEL: &str = "Newsletter";
const GOAL: &str = "Readers open the monthly newsletter";

/// The kit's pages for the kickoff board with one channel and one round: the A1 poster,
/// the channel's handout, the KPI sheet, the voting results, then a worksheet for each
/// of the seven stages.
const KIT_PAGES: usize = 11;

/// A1 landscape, A4 portrait and A4 landscape, as pdfinfo prints them.
const A1_LANDSCAPE: &str = "2383.94 x 1683.78 pts";
const A4_PORTRAIT: &str = "595.28 x 841.89 pts";
const A4_LANDSCAPE: &str = "841.89 x 595.28 pts";

/// A channel with a job description and one SMART goal, added through the app's own
/// `apply_edit` command (the `AddChannel` edit the Channels view's "Add" sends; the
/// Channels view's forms are driven in `plan.rs`), so that the kit has a handout.
fn add_channel_with_a_goal(s: &Session) {
    let done = s.execute_async(
        "const done = arguments[arguments.length - 1];\
         const [name, statement] = [arguments[0], arguments[1]];\
         const channel = { id: 'ch-newsletter', name, icon: 'N', color: null, plan: {\
           ownership: 'owned', reach: 'online',\
           job: { roleTitle: 'Storyteller', purpose: 'Keeps supporters close between gifts',\
                  responsibilities: 'Tells one story a month', owner: 'Comms team', worksWith: [] },\
           goals: [{ id: 'goal-opens', statement, metric: 'Opens', target: 40, unit: '%',\
                     baseline: 25, better: 'up', period: 'monthly', relevantTo: null }],\
           reviews: [] } };\
         window.__TAURI_INTERNALS__.invoke('apply_edit', { edit: { type: 'AddChannel', channel, index: 0 } })\
           .then(() => done(true), (e) => done(String(e && e.message || e)));",
        json!([CHANNEL, GOAL]),
    );
    assert_eq!(done, json!(true), "{done}");
}

/// `pdfinfo`'s size of every page of `pdf`.
fn page_sizes(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(
        info.contains(&format!("Pages:           {KIT_PAGES}\n")),
        "{info}"
    );
    info.lines()
        .filter(|l| l.starts_with("Page "))
        .filter_map(|l| l.split_once(" size: "))
        .map(|(_, size)| size.trim().to_string())
        .collect()
}

/// The lines of the section that starts at `heading` (up to the next heading of the same
/// level or above).
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading:?} in:\n{md}"));
    let level = heading.split(' ').next().unwrap();
    let rest = &md[start + heading.len() + 2..];
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            rest[i..].split(' ').next().is_some_and(|h| {
                !h.is_empty() && h.chars().all(|c| c == '#') && h.len() <= level.len()
            })
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn a_mini_workshop_from_the_kickoff_template_to_the_kit_and_the_summary() {
    let desk = WorkshopDesk::start();
    let s = &desk.session;
    let home = desk.home.path();
    let file = create_kickoff_board(&desk);
    desk.size(1280, 800);
    add_channel_with_a_goal(s);
    assert_eq!(
        rows(
            &file,
            "select c.name || '|' || g.statement from channels c join smart_goals g on g.channel_id = c.id;"
        ),
        [format!("{CHANNEL}|{GOAL}")]
    );

    // Presenting: F5, then a clicker's three keys, each a stage on; Esc ends it.
    let stages = texts(s, "[data-testid=stage-header]");
    assert_eq!(stages.len(), 7, "{stages:?}");
    start_presenting(s);
    // A tall stage is shown in parts ("1 / 7 · 2 of 2"): the key is pressed again until
    // the next stage's name shows.
    let (mut shown, mut step) = (Vec::<String>::new(), 0);
    for key in [PAGE_DOWN, SPACE, ARROW_RIGHT] {
        loop {
            step += 1;
            assert!(step <= 9, "three stages within nine steps: {shown:?}");
            let name = click_on(s, key, step, &stages);
            if shown.last() != Some(&name) {
                shown.push(name);
                break;
            }
        }
    }
    assert_eq!(shown, stages[..3], "the clicker shows the stages in order");
    s.keys(ESCAPE);
    back_in_the_editor(s);

    // The room: two participants, five notes, a capped round, ended.
    open_workshop(&desk);
    room_with_notes(s);
    let cards = capped_round(s);
    end_round(s);
    check_file(&file, &cards);
    let winner = rows(
        &file,
        &format!("select title from cards where id = '{}';", cards[0]),
    )
    .remove(0);

    // The kit and the summary, through the native Save dialogs.
    let kit = home.join("Kickoff kit.pdf");
    export_kit(
        s,
        &desk.display,
        &kit,
        KIT_PAGES,
        "workshop-flow-kit-dialog.png",
    );
    close_export(s);
    let summary_md = home.join("Kickoff summary.md");
    export_summary(&desk.display, s, &summary_md);
    let summary_pdf = home.join("Kickoff summary.pdf");
    export_summary(&desk.display, s, &summary_pdf);
    s.wait_painted();
    save_screenshot(s, "workshop-flow-end-1280x800.png");
    desk.session.end();

    // The kit: the A1 poster, the A4 handouts, the A4 landscape worksheets.
    let sizes = page_sizes(&kit);
    assert!(sizes[0].starts_with(A1_LANDSCAPE), "the poster: {sizes:?}");
    for size in &sizes[1..KIT_PAGES - stages.len()] {
        assert!(size.starts_with(A4_PORTRAIT), "a handout: {sizes:?}");
    }
    for size in &sizes[KIT_PAGES - stages.len()..] {
        assert!(size.starts_with(A4_LANDSCAPE), "a worksheet: {sizes:?}");
    }
    let text = poppler("pdftotext", &kit);
    for needle in [CHANNEL, "Storyteller", GOAL, QUESTION, &winner] {
        assert!(text.contains(needle), "{needle:?} in the kit:\n{text}");
    }
    // The voting results page ranks the winner first, above the cards with one dot.
    let results = &text[text
        .find("Voting results")
        .expect("the voting results page")..];
    let at = |card: &String| {
        let title = rows(
            &file,
            &format!("select title from cards where id = '{card}';"),
        );
        results
            .find(title[0].as_str())
            .unwrap_or_else(|| panic!("{title:?} in the voting results"))
    };
    for card in &cards[1..4] {
        assert!(at(&cards[0]) < at(card), "the winner first:\n{results}");
    }
    let n = stages.len();
    for (i, stage) in stages.iter().enumerate() {
        let sheet = format!("Stage {} of {n}", i + 1);
        assert!(
            text.contains(&sheet) && text.contains(stage.as_str()),
            "{stage}'s worksheet"
        );
    }

    // The summary: who took part, the notes under their stage with their authors, the
    // round's winner.
    let md = std::fs::read_to_string(&summary_md).unwrap();
    let people = section(&md, "## Who took part");
    assert!(people.contains("- **Ada Lovelace** (AL) — 3 notes"), "{md}");
    assert!(people.contains("- **Bo Kim** (BK) — 2 notes"), "{md}");
    let baselining = section(&md, "### Baselining");
    for (name, notes) in NOTES {
        let initials: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
        for note in notes {
            assert!(
                baselining.contains(&format!("- {note} — *{initials}*")),
                "{note} under Baselining:\n{md}"
            );
        }
    }
    let round = section(&md, &format!("### {QUESTION}"));
    assert!(round.contains("**Winning cards"), "{md}");
    assert!(round.contains(&format!("- {winner} — 2 dots")), "{md}");
    let pdf = poppler("pdftotext", &summary_pdf);
    for needle in ["Ada Lovelace", "Bo Kim", QUESTION, &winner] {
        assert!(
            pdf.contains(needle),
            "{needle:?} in the summary PDF:\n{pdf}"
        );
    }
    for (_, notes) in NOTES {
        for note in notes {
            assert!(pdf.contains(note), "{note:?} in the summary PDF:\n{pdf}");
        }
    }
    assert_eq!(
        rows(
            &file,
            "select count(*) from cards where author_id is not null;"
        ),
        ["5"]
    );
    assert_eq!(rows(&file, "pragma integrity_check;"), ["ok"]);
}
