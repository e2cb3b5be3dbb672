//! The workshop summary (issue 13, item 7): a workshop built with the app's commands on
//! the sample document (participants, authored cards, a vote round ended and its winners
//! tagged, a decision tag), then exported as Markdown and PDF by the app's command and by
//! `waymark export --summary`, and read back: the Markdown as text, the PDF with poppler's
//! pdftotext and pdffonts. Bad names and maps are refused and write nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

use crate::commands::{harness, invoke, Harness};
use crate::common::waymark_bin;

const MAP: &str = "map-supporter";
/// A card title that would be markup if it were not escaped.
const HOSTILE: &str = "Ask <b>why</b> *now* [here](javascript:alert(1))";

fn edit(h: &Harness, edit: Value) {
    invoke(h, "apply_edit", json!({ "edit": edit })).unwrap();
}

/// What the workshop left: the names a summary must show.
struct Workshop {
    /// (stage name, card title) of each authored card.
    notes: Vec<(String, String)>,
    winner: String,
}

/// Ada and Grace write on two cards (one retitled with markup), vote, the round ends and
/// its winner is tagged; a third card is tagged as a decision.
fn workshop(h: &Harness) -> Workshop {
    for (id, name) in [("pt-ada", "Ada Lovelace"), ("pt-grace", "Grace Hopper")] {
        edit(
            h,
            json!({ "type": "AddParticipant", "index": 99,
                    "participant": { "id": id, "name": name, "initials": "", "color": "" } }),
        );
    }
    let map = invoke(h, "map_data", json!({ "mapId": MAP })).unwrap();
    let stage_name = |id: &Value| -> String {
        map["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| &s["id"] == id)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let cards = map["cards"].as_array().unwrap();
    // Two cards in one lane (the round's), in different stages if the map has them.
    let lane = cards[0]["laneId"].clone();
    let in_lane: Vec<&Value> = cards.iter().filter(|c| c["laneId"] == lane).collect();
    assert!(
        in_lane.len() >= 2,
        "the sample map's first lane has two cards"
    );
    let (a, b) = (in_lane[0], in_lane[1]);
    let other = cards.iter().find(|c| c["laneId"] != lane).unwrap();
    edit(
        h,
        json!({ "type": "UpdateCard", "mapId": MAP, "cardId": a["id"],
                "props": { "author": "pt-ada", "title": HOSTILE } }),
    );
    edit(
        h,
        json!({ "type": "UpdateCard", "mapId": MAP, "cardId": b["id"],
                "props": { "author": "pt-grace" } }),
    );
    edit(
        h,
        json!({ "type": "UpdateCard", "mapId": MAP, "cardId": other["id"],
                "props": { "tags": ["Decision: do this first"] } }),
    );
    edit(
        h,
        json!({ "type": "StartVoteRound", "mapId": MAP, "index": 0, "round": {
            "id": "vr-1", "question": "Where do we lose supporters?", "votesPerParticipant": 3,
            "maxPerCard": 3, "eligible": { "by": "lanes", "laneIds": [lane] },
            "anonymous": false, "state": "open", "votes": [] } }),
    );
    for (who, card, n) in [("pt-ada", b, 3), ("pt-grace", b, 2), ("pt-grace", a, 1)] {
        edit(
            h,
            json!({ "type": "CastVotes", "mapId": MAP, "roundId": "vr-1", "participantId": who,
                    "cardId": card["id"], "count": n }),
        );
    }
    edit(
        h,
        json!({ "type": "EndVoteRound", "mapId": MAP, "roundId": "vr-1" }),
    );
    edit(
        h,
        json!({ "type": "TagWinners", "mapId": MAP, "roundId": "vr-1", "top": 1,
                "tag": "Top 1: Where do we lose supporters?" }),
    );
    Workshop {
        notes: vec![
            (stage_name(&a["stageId"]), HOSTILE.to_string()),
            (
                stage_name(&b["stageId"]),
                b["title"].as_str().unwrap().to_string(),
            ),
        ],
        winner: b["title"].as_str().unwrap().to_string(),
    }
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils, installed by scripts/test): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text in reading order without any white space, so that a title wrapped in
/// its column, or a tracked heading, compares with [`compact`] text.
fn pdf_text(pdf: &Path) -> String {
    compact(&tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()]))
}

fn compact(s: &str) -> String {
    s.split_whitespace().collect()
}

fn assert_inter_only(pdf: &Path) {
    let fonts = tool("pdffonts", &[pdf.as_os_str()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        assert!(row.contains("Inter"), "a font other than Inter: {row}");
        assert!(row.contains(" yes yes "), "not embedded and subset: {row}");
    }
}

fn check_markdown(md: &str, w: &Workshop) {
    for text in [
        "# Workshop summary: From $10 gift to major donor",
        "- **Ada Lovelace** (AL) — 1 note",
        "- **Grace Hopper** (GH) — 1 note",
        "## Notes by stage",
        "### Where do we lose supporters?",
        "Ended · 6 dots · named votes",
        "| Rank | Card | Stage | Lane | Dots |",
        "**Winning cards (top 3, ties included):**",
        "### Top 1: Where do we lose supporters?",
        "### Decision: do this first",
    ] {
        assert!(md.contains(text), "{text:?} missing from:\n{md}");
    }
    for (stage, _) in &w.notes {
        assert!(
            md.contains(&format!("### {stage}\n")),
            "stage {stage:?}:\n{md}"
        );
    }
    assert!(md.contains(&format!("| 1 | {} |", w.winner)), "{md}");
    assert!(md.contains(&format!("- {} — 5 dots", w.winner)), "{md}");
    // The hostile title is there as text, escaped, never as markup.
    assert!(
        md.contains(r"Ask \<b\>why\</b\> \*now\* \[here\](javascript\:alert(1))"),
        "{md}"
    );
    assert!(!md.contains("<b>") && !md.contains("javascript:"), "{md}");
    assert!(!md.contains('\r'));
}

fn check_pdf(pdf: &Path, w: &Workshop) {
    let info = tool("pdfinfo", &[pdf.as_os_str()]);
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
    assert!(
        info.contains("Title:           Workshop summary: From $10 gift to major donor"),
        "{info}"
    );
    let text = pdf_text(pdf);
    for want in [
        "WORKSHOP SUMMARY",
        "Who took part",
        "Ada Lovelace",
        "Grace Hopper",
        "Notes by stage",
        "Voting results",
        "Where do we lose supporters?",
        "Winner",
        "Decisions",
        "Decision: do this first",
        "Top 1: Where do we lose supporters?",
        HOSTILE,
    ] {
        assert!(
            text.contains(&compact(want)),
            "{want:?} missing from the PDF text:\n{text}"
        );
    }
    for (stage, title) in &w.notes {
        assert!(text.contains(&compact(stage)), "{stage:?}:\n{text}");
        assert!(text.contains(&compact(title)), "{title:?}:\n{text}");
    }
    assert!(
        text.contains(&compact(&format!(
            "Winning cards (top 3, ties included): {}",
            w.winner
        ))),
        "{text}"
    );
    assert_inter_only(pdf);
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn the_app_writes_the_summary_as_markdown_and_pdf() {
    let h = harness();
    let w = workshop(&h);
    let out = h.dir().join("out");
    std::fs::create_dir(&out).unwrap();

    let md = out.join("summary.md");
    invoke(
        &h,
        "export_workshop_summary",
        json!({ "mapId": MAP, "path": md }),
    )
    .unwrap();
    check_markdown(&std::fs::read_to_string(&md).unwrap(), &w);

    let pdf = out.join("summary.pdf");
    invoke(
        &h,
        "export_workshop_summary",
        json!({ "mapId": MAP, "path": pdf }),
    )
    .unwrap();
    check_pdf(&pdf, &w);
    assert_eq!(
        files_in(&out),
        [md.clone(), pdf.clone()],
        "no temporary file left"
    );
}

#[test]
fn the_app_refuses_a_bad_name_or_map_and_writes_nothing() {
    let h = harness();
    workshop(&h);
    let out = h.dir().join("out");
    std::fs::create_dir(&out).unwrap();
    let cases = [
        (MAP, out.join("summary.txt"), "Markdown (.md) or PDF (.pdf)"),
        (MAP, out.join("summary"), "Markdown (.md) or PDF (.pdf)"),
        ("map-nope", out.join("summary.md"), "no map \"map-nope\""),
        (
            MAP,
            out.join("missing-folder").join("s.pdf"),
            "missing-folder",
        ),
    ];
    for (map, path, says) in cases {
        let err = invoke(
            &h,
            "export_workshop_summary",
            json!({ "mapId": map, "path": path }),
        )
        .unwrap_err();
        let message = err["message"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{path:?}: {err}");
        assert!(
            files_in(&out).is_empty(),
            "{path:?} left {:?}",
            files_in(&out)
        );
    }
    // An existing summary is replaced only by a complete one: a failed export keeps it.
    let md = out.join("kept.md");
    std::fs::write(&md, "older summary").unwrap();
    let err = invoke(
        &h,
        "export_workshop_summary",
        json!({ "mapId": "map-nope", "path": md }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("no map"), "{err}");
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "older summary");
}

fn waymark<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(waymark_bin())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env("SOURCE_DATE_EPOCH", "1763856000") // 2025-11-23
        .output()
        .unwrap()
}

#[test]
fn waymark_export_summary_writes_markdown_or_pdf_by_the_extension() {
    let h = harness();
    let w = workshop(&h);
    let dir = tempfile::tempdir().unwrap();
    // A copy of the document as it is on disk (every edit is committed).
    let doc = dir.path().join("workshop.waymark");
    std::fs::copy(&h.file, &doc).unwrap();

    let md = dir.path().join("summary.md");
    let out = waymark(&[
        "export".as_ref(),
        "--summary".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        md.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("workshop summary") && stdout.contains("Markdown"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(&md).unwrap();
    check_markdown(&text, &w);
    assert!(text.contains("**Date:** 2025-11-23"), "{text}");

    let pdf = dir.path().join("Summary.PDF");
    let out = waymark(&[
        "export".as_ref(),
        "--summary".as_ref(),
        doc.as_os_str(),
        "--map".as_ref(),
        "From $10 gift to major donor".as_ref(),
        "--out".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_pdf(&pdf, &w);
    assert!(pdf_text(&pdf).contains("2025-11-23"));
}

#[test]
fn waymark_export_summary_refuses_clearly_and_writes_nothing() {
    let h = harness();
    workshop(&h);
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("workshop.waymark");
    std::fs::copy(&h.file, &doc).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let run = |extra: &[&str], target: &Path| {
        let mut args: Vec<std::ffi::OsString> =
            vec!["export".into(), "--summary".into(), doc.clone().into()];
        args.extend(extra.iter().map(|s| std::ffi::OsString::from(*s)));
        args.push("-o".into());
        args.push(target.into());
        let o = waymark(&args);
        assert!(!o.status.success(), "{extra:?} {target:?} should fail");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let err = run(&[], &out.join("summary.html"));
    assert!(err.contains("Markdown (.md) or PDF (.pdf)"), "{err}");
    let err = run(&["--map", "No such map"], &out.join("summary.md"));
    assert!(
        err.contains("has no map named “No such map”") && err.contains("From $10 gift"),
        "{err}"
    );
    let err = run(&["--format", "pdf"], &out.join("summary.pdf"));
    assert!(err.contains("leave out --format"), "{err}");
    let err = run(&["--kit"], &out.join("summary.pdf"));
    assert!(
        err.contains("--kit") || err.contains("cannot be used"),
        "{err}"
    );
    assert!(files_in(&out).is_empty(), "{:?}", files_in(&out));

    let missing = dir.path().join("missing.waymark");
    let o = waymark(&[
        "export".as_ref(),
        "--summary".as_ref(),
        missing.as_os_str(),
        "-o".as_ref(),
        out.join("s.md").as_os_str(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.waymark"));
    assert!(files_in(&out).is_empty());
}
