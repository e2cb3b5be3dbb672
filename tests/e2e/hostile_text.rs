//! User text is data, never markup, in every view of the real app. The sample document is
//! given HTML, SVG and script payloads in every kind of text a person types (map, stage,
//! lane and card names, card bodies, notes, channels' job descriptions, SMART goals,
//! personas, KPIs, rungs, risks, speaker notes, participants, tags, connector labels) with
//! the sqlite3 tool while the app is closed, as a file from someone else would arrive.
//! Then each view is opened — the map, the inspector on a card, the plan views, the
//! Export dialog's preview, presenting — and in each: no payload ran (`window.__pwned`),
//! no element was made from it (no `img[src=x]`, no `on…` attribute, no extra `<script>`,
//! no `javascript:` link), and the text shows verbatim. Then the map is exported as SVG,
//! where it must arrive escaped.

use serde_json::{json, Value};

use super::editor::Editor;
use super::save_screenshot;
use super::webdriver::{wait_for, ESCAPE};
use super::STEP;
use crate::common::{sqlite3, waymark_bin};

const F5: &str = "\u{E035}";
const RIGHT: &str = "\u{E014}";

/// The payloads, each tagged with the field it goes into so a failure names the field.
fn payload(kind: usize, field: &str) -> String {
    match kind % 5 {
        0 => format!("<img src=x onerror=\"window.__pwned='{field}'\">{field}"),
        1 => format!("<svg onload=\"window.__pwned='{field}'\">{field}</svg>"),
        2 => format!("<script>window.__pwned='{field}'</script>{field}"),
        3 => format!("javascript:window.__pwned='{field}'"),
        _ => format!("\"><b>{field}</b><img src=x onerror=window.__pwned='{field}'>"),
    }
}

/// (table, column, row filter, field tag): every text a person types, in one sample row.
const FIELDS: &[(&str, &str, &str, &str)] = &[
    ("maps", "name", "id = 'map-supporter'", "map-name"),
    (
        "maps",
        "description",
        "id = 'map-supporter'",
        "map-description",
    ),
    ("stages", "name", "id = 'st-advocate'", "stage-name"),
    (
        "stages",
        "speaker_notes",
        "id = 'st-advocate'",
        "speaker-notes",
    ),
    ("lanes", "name", "id = 'ln-actions'", "lane-name"),
    ("cards", "title", "id = 'c-thank-you-call'", "card-title"),
    ("cards", "body", "id = 'c-thank-you-call'", "card-body"),
    (
        "cards",
        "content_needed",
        "id = 'c-thank-you-call'",
        "content-needed",
    ),
    ("cards", "vuln_risk", "id = 'c-pain-silence'", "risk"),
    ("cards", "vuln_owner", "id = 'c-pain-silence'", "risk-owner"),
    (
        "cards",
        "vuln_mitigation",
        "id = 'c-pain-silence'",
        "mitigation",
    ),
    ("channels", "name", "id = 'ch-call-centre'", "channel-name"),
    (
        "channels",
        "role_title",
        "id = 'ch-call-centre'",
        "role-title",
    ),
    ("channels", "purpose", "id = 'ch-call-centre'", "purpose"),
    (
        "channels",
        "owner",
        "id = 'ch-call-centre'",
        "channel-owner",
    ),
    (
        "smart_goals",
        "statement",
        "channel_id = 'ch-call-centre' and position = 0",
        "goal",
    ),
    (
        "channel_reviews",
        "support_note",
        "channel_id = 'ch-call-centre' and month = '2026-10'",
        "support-note",
    ),
    ("personas", "name", "id = 'p-maya'", "persona-name"),
    ("personas", "segment", "id = 'p-maya'", "segment"),
    ("personas", "goals", "id = 'p-maya'", "persona-goals"),
    ("kpis", "name", "card_id = 'c-thank-you-call'", "kpi-name"),
    (
        "passion_notes",
        "text",
        "card_id = 'c-thank-you-call' and position = 0",
        "note",
    ),
    ("rungs", "name", "id = 'rung-advocate'", "rung-name"),
    ("rungs", "commitment", "id = 'rung-advocate'", "commitment"),
    ("connectors", "label", "id = 'k-8'", "connector-label"),
];

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Every field's payload, by tag; and the participant's and tag's.
fn payloads() -> Vec<(&'static str, String)> {
    let mut all: Vec<(&str, String)> = FIELDS
        .iter()
        .enumerate()
        .map(|(i, f)| (f.3, payload(i, f.3)))
        .collect();
    all.push(("participant", payload(0, "participant")));
    all.push(("tag", payload(1, "tag")));
    all
}

fn p(tag: &str) -> String {
    payloads().into_iter().find(|(t, _)| *t == tag).unwrap().1
}

fn plant(document: &std::path::Path) {
    let mut sql = String::from("begin;\n");
    for (i, (table, column, row, tag)) in FIELDS.iter().enumerate() {
        sql.push_str(&format!(
            "update {table} set {column} = {} where {row};\n",
            q(&payload(i, tag))
        ));
    }
    sql.push_str(&format!(
        "insert into participants (id, position, name, initials, color) values ('pt-x', 0, {}, '<b>', '#1d4ed8');\n\
         update cards set author_id = 'pt-x' where id = 'c-thank-you-call';\n\
         insert into card_tags (card_id, tag, position) values ('c-thank-you-call', {}, 0);\n\
         commit;",
        q(&p("participant")),
        q(&p("tag"))
    ));
    sqlite3(document, &sql);
    // Every payload is in the file, so the app reads it from there.
    for (table, column, row, tag) in FIELDS {
        let stored = sqlite3(
            document,
            &format!("select {column} from {table} where {row};"),
        );
        assert_eq!(stored.trim_end_matches('\n'), p(tag), "{table}.{column}");
    }
}

/// Elements that user text would have made, had it been taken as markup.
const SUSPECTS: &str =
    "img[src=\"x\"], [onerror], [onload], [onclick], a[href^=\"javascript:\" i], \
     [src^=\"javascript:\" i], b, script:not([src]), iframe, object, embed";

/// What the page holds now: whether a payload ran, the elements one would have made, and
/// all its text (text nodes, and the values of fields), with white space taken out.
const INSPECT: &str = r#"
const found = [...document.querySelectorAll(arguments[0])].map(e => e.outerHTML.slice(0, 120));
const scripts = [...document.querySelectorAll('script')]
  .filter(s => !(s.type === 'module' && s.src && new URL(s.src).pathname.startsWith('/assets/')))
  .map(s => s.outerHTML.slice(0, 120));
const values = [...document.querySelectorAll('input, textarea')].map(e => e.value).join(' ');
const title = [...document.querySelectorAll('[title], [aria-label]')]
  .map(e => (e.getAttribute('title') || '') + ' ' + (e.getAttribute('aria-label') || '')).join(' ');
return {
  pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
  found, scripts,
  text: (document.body.textContent + ' ' + values).replace(/\s+/g, ''),
  attributes: title.replace(/\s+/g, ''),
};
"#;

fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Checks the page: nothing ran or was made, and each of `tags`' payloads shows as text.
fn check_view(d: &Editor, view: &str, tags: &[&str]) {
    let started = std::time::Instant::now();
    let page = loop {
        let page: Value = d.s().execute(INSPECT, json!([SUSPECTS]));
        let text = page["text"].as_str().unwrap_or_default().to_owned();
        let missing: Vec<&&str> = tags
            .iter()
            .filter(|t| !text.contains(&squash(&p(t))))
            .collect();
        if missing.is_empty() {
            break page;
        }
        if started.elapsed() > STEP {
            panic!("in {view}, not shown verbatim: {missing:?}\n{text}");
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!(page["pwned"], Value::Null, "a payload ran in {view}");
    assert_eq!(
        page["found"],
        json!([]),
        "elements made from user text in {view}"
    );
    assert_eq!(
        page["scripts"],
        json!([]),
        "scripts besides the app's in {view}"
    );
}

fn view(d: &Editor, id: &str) {
    let panel = format!("[data-testid=view-panel][data-view={id}]");
    // A long view may have scrolled the whole page: back to the top, where the tabs are.
    d.s()
        .execute("document.scrollingElement.scrollTop = 0;", json!([]));
    let tab = d.one(&format!("[data-testid=view-tab-{id}]"));
    d.s().click(&tab);
    d.one(&panel);
}

#[test]
fn hostile_text_shows_as_text_in_every_view_and_is_escaped_in_the_svg_export() {
    let mut d = Editor::start("hostile-text");
    d.relaunch_after(plant);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| steps(&d)));
    if let Err(panic) = outcome {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            save_screenshot(d.s(), "hostile-text-failed.png")
        }));
        std::panic::resume_unwind(panic);
    }
    // The exporter reads the document while the app holds it, as File › Export would.
    export_svg(&d.desktop().document);
    d.end();
}

/// The selector of [`INSPECT`] finds what each payload would make if it were parsed as
/// HTML (in a `<template>`, where nothing runs): so finding nothing in a view means
/// something.
fn the_check_can_fail(d: &Editor) {
    for (tag, payload) in payloads() {
        if payload.starts_with("javascript:") {
            continue; // only a link would make it run; the selector looks for those too
        }
        let found = d.s().execute(
            "const t = document.createElement('template'); t.innerHTML = arguments[0]; \
             return t.content.querySelectorAll(arguments[1]).length;",
            json!([payload, SUSPECTS]),
        );
        assert!(
            found.as_u64().unwrap_or(0) > 0,
            "{tag}: {payload} would not be found"
        );
    }
}

fn steps(d: &Editor) {
    the_check_can_fail(d);
    // The map: its name, the stage, lane and card names, the connector's label.
    check_view(
        d,
        "the map",
        &["map-name", "stage-name", "lane-name", "card-title"],
    );
    d.s().wait_painted();
    save_screenshot(d.s(), "hostile-text-map.png");

    // The inspector on the card: title, body, tags, content needed, KPI, note.
    d.s().click_at(d.card_center("c-thank-you-call"), None);
    wait_for(STEP, "the card selected", || {
        d.selected("c-thank-you-call").then_some(())
    });
    check_view(
        d,
        "the card's inspector",
        &[
            "card-title",
            "card-body",
            // (Tags are in the file but no view shows them yet: the checks above
            // would catch an element made from one.)
            "content-needed",
            "kpi-name",
            "note",
        ],
    );
    d.s().wait_painted();
    save_screenshot(d.s(), "hostile-text-inspector.png");
    d.s().click_at(d.card_center("c-pain-silence"), None);
    wait_for(STEP, "the vulnerable card selected", || {
        d.selected("c-pain-silence").then_some(())
    });
    check_view(
        d,
        "the risk's inspector",
        &["risk", "risk-owner", "mitigation"],
    );

    // The plan views.
    view(d, "channels");
    check_view(d, "the channels' roster", &["channel-name", "role-title"]);
    let card = d.one("[data-testid=channel-card][data-channel-id=\"ch-call-centre\"]");
    d.s().click(&card);
    check_view(
        d,
        "the call centre's job description",
        &[
            "channel-name",
            "role-title",
            "purpose",
            "channel-owner",
            "goal",
        ],
    );
    view(d, "passion");
    check_view(d, "the passion points", &["card-title", "kpi-name"]);
    view(d, "personas");
    check_view(
        d,
        "the personas",
        &["persona-name", "segment", "persona-goals"],
    );
    view(d, "ladder");
    check_view(d, "the ladder", &["rung-name", "commitment"]);
    view(d, "risks");
    check_view(d, "the risks", &["risk", "risk-owner", "mitigation"]);
    view(d, "loops");
    check_view(d, "the loops", &["connector-label"]);
    view(d, "workshop");
    check_view(d, "the workshop", &["participant"]);
    d.s().wait_painted();
    save_screenshot(d.s(), "hostile-text-workshop.png");
    view(d, "map");

    // The Export dialog's preview (an image the app renders from the same Scene).
    d.s().chord(super::webdriver::CONTROL, "e");
    d.one("[data-testid=export-dialog]");
    d.one("[data-testid=export-preview-img]");
    check_view(d, "the Export dialog", &["map-name"]);
    d.s().wait_painted();
    save_screenshot(d.s(), "hostile-text-export-preview.png");
    d.s().keys(ESCAPE);
    wait_for(STEP, "the Export dialog to close", || {
        d.s()
            .find_all("[data-testid=export-dialog]")
            .is_empty()
            .then_some(())
    });

    // Presenting: the stage with the speaker notes.
    d.s().keys(F5);
    d.one("[data-testid=presenting]");
    // A clicker's Right walks the stages; the one with the payload's name comes up.
    let name = p("stage-name");
    let mut shown = String::new();
    let mut seen = Vec::new();
    // (A tall stage takes a step per screenful.)
    for _ in 0..40 {
        d.s().keys(RIGHT);
        std::thread::sleep(std::time::Duration::from_millis(150));
        shown = super::texts(d.s(), "[data-testid=present-stage-name]").join(" ");
        // (The name arrives in its wrapped lines, so it is compared without white space.)
        if squash(&shown).contains(&squash(&name)) {
            break;
        }
        seen.push(shown.clone());
    }
    assert!(
        squash(&shown).contains(&squash(&name)),
        "presenting never showed the stage: {seen:?}"
    );
    d.s().keys("n"); // the speaker notes
    d.one("[data-testid=present-notes]");
    d.s().wait_painted();
    save_screenshot(d.s(), "hostile-text-presenting.png");
    check_view(d, "presenting", &["stage-name", "speaker-notes"]);
    d.s().keys(ESCAPE);
}

/// The map as SVG (the exporter the app and CLI share): each payload escaped, none raw.
fn export_svg(document: &std::path::Path) {
    let out = document.with_file_name("hostile.svg");
    let run = std::process::Command::new(waymark_bin())
        .arg("export")
        .arg(document)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    for raw in [
        "<img",
        "<script",
        "<svg onload",
        // An attribute has a real quote; the escaped text has `=&quot;`.
        "onload=\"",
        "onerror=\"",
        "<b>",
        "<foreignObject",
    ] {
        assert!(!svg.contains(raw), "the SVG holds raw {raw:?}");
    }
    // The texts drawn on the map arrive escaped, wrapped into lines (`<tspan>`s, a long
    // word broken where it must be): compared with the markup and white space taken out.
    // (Nothing escaped holds a `<`, so every `<` left starts the SVG's own markup.)
    let mut text = String::new();
    let mut in_tag = false;
    for c in svg.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let squashed = squash(&text);
    for tag in ["map-name", "stage-name", "lane-name", "card-title"] {
        let escaped = squash(
            &p(tag)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&apos;"),
        );
        assert!(
            squashed.contains(&escaped),
            "{tag} not in the SVG as {escaped}"
        );
    }
    // And it parses as XML with the payloads as text (rsvg-convert or usvg would refuse
    // markup in the wrong place): xmllint, when installed, says so.
    if let Ok(lint) = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg(&out)
        .output()
    {
        assert!(
            lint.status.success(),
            "{}",
            String::from_utf8_lossy(&lint.stderr)
        );
    }
}
