//! The kickoff kit, read back with poppler (`pdfinfo`, `pdftotext`, `pdffonts`): the map
//! as a poster (or tiled), a handout per channel, the passion-point KPI sheet, the map's
//! voting results and a blank worksheet per stage, each on the paper it promises.
//!
//! `KIT_LOOK=dir` also writes the PDFs there (to look at them with `pdftoppm`).

use std::path::{Path, PathBuf};
use std::process::Command;

use waymark_model::*;
use waymark_render::export::*;
use waymark_render::*;

// ---- fixtures -------------------------------------------------------------------------

const EMAIL_GOAL: &str = "Answer every sign-up question within one working day";
const EVENTS_GOAL: &str = "Fill three kickoff rooms with at least twelve people each";
const QUESTION: &str = "Which topic needs the most time on the day?";

fn goal(id: &str, statement: &str) -> SmartGoal {
    SmartGoal {
        id: id.into(),
        statement: statement.into(),
        metric: "answered within a day".into(),
        target: Some(Num(95.0)),
        unit: "%".into(),
        baseline: Some(Num(60.0)),
        better: Better::Up,
        period: "monthly".into(),
        relevant_to: None,
    }
}

fn channel(id: &str, name: &str, role: &str, goals: Vec<SmartGoal>) -> Channel {
    Channel {
        id: id.into(),
        name: name.into(),
        icon: name
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(2)
            .collect::<String>()
            .to_uppercase(),
        color: None,
        plan: ChannelPlan {
            ownership: Ownership::Owned,
            reach: Reach::Online,
            job: JobDescription {
                role_title: role.into(),
                purpose: "Keeps the people who signed up informed until the day.".into(),
                responsibilities: "Send the invitation\nAnswer questions".into(),
                owner: "Priya Natarajan".into(),
                works_with: Vec::new(),
            },
            goals,
            reviews: Vec::new(),
        },
    }
}

/// The kickoff template with two channels with SMART goals, a passion point with a KPI,
/// two participants and an ended round in which the map's second card won.
fn kickoff(anonymous: bool) -> Document {
    let mut doc: Document = serde_json::from_str(include_str!(
        "../../../../assets/templates/kickoff-workshop.json"
    ))
    .unwrap();
    doc.channels = vec![
        channel(
            "ch-email",
            "E-mail",
            "Invitation desk",
            vec![goal("g1", EMAIL_GOAL)],
        ),
        channel(
            "ch-events",
            "Events",
            "Room host",
            vec![goal("g2", EVENTS_GOAL)],
        ),
    ];
    doc.participants = vec![
        Participant {
            id: "p-ana".into(),
            name: "Ana Ruiz".into(),
            initials: "AR".into(),
            color: "#3b82f6".into(),
        },
        Participant {
            id: "p-ben".into(),
            name: "Ben Osei".into(),
            initials: "BO".into(),
            color: "#10b981".into(),
        },
    ];
    let map = &mut doc.maps[0];
    let (first, second) = (map.cards[0].id.clone(), map.cards[1].id.clone());
    map.cards[0].flags.passion_point = true;
    map.cards[0].plan.passion.kpis = vec![Kpi {
        id: "k1".into(),
        name: "Questions answered in the room".into(),
        metric: String::new(),
        target: Some(Num(10.0)),
        actual: Some(Num(7.0)),
        unit: "questions".into(),
        better: Better::Up,
        history: Vec::new(),
    }];
    map.vote_rounds = vec![VoteRound {
        id: "r1".into(),
        question: QUESTION.into(),
        votes_per_participant: 3,
        max_per_card: 2,
        eligible: Eligibility::Cards {
            card_ids: vec![first.clone(), second.clone()],
        },
        anonymous,
        state: RoundState::Ended,
        votes: vec![
            Vote {
                participant_id: None,
                card_id: second.clone(),
                count: 2,
            },
            Vote {
                participant_id: Some("p-ana".into()),
                card_id: second.clone(),
                count: 2,
            },
            Vote {
                participant_id: Some("p-ben".into()),
                card_id: first,
                count: 1,
            },
        ],
    }];
    doc
}

fn info() -> ExportInfo {
    ExportInfo {
        title: "Kickoff".into(),
        author: String::new(),
        persona: String::new(),
        date: "2025-03-14".into(),
    }
}

fn kit_opts(page: PaperSize, tile: Option<PaperSize>) -> ExportOptions {
    ExportOptions {
        format: ExportFormat::Pdf,
        page,
        tile,
        kit: true,
        ..ExportOptions::default()
    }
}

fn pdf_of(doc: &Document, opts: &ExportOptions, name: &str) -> PathBuf {
    let scene = Layouter::new().layout(doc, &doc.maps[0].id).unwrap();
    let mut bytes = Vec::new();
    export(doc, &scene, opts, &info(), &mut bytes, &mut |_| true).unwrap();
    let dir = std::env::temp_dir().join(format!("waymark-kit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    if let Ok(look) = std::env::var("KIT_LOOK") {
        std::fs::create_dir_all(&look).unwrap();
        std::fs::write(PathBuf::from(look).join(name), &bytes).unwrap();
    }
    path
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each page's size in points, rounded, as pdfinfo reads them.
fn page_sizes(pdf: &Path) -> Vec<(u32, u32)> {
    let info = tool("pdfinfo", &["-f", "1", "-l", "999", pdf.to_str().unwrap()]);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let v: Vec<f32> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            // "Page    3 size: 595.28 x 841.89 pts (A4)": the number, then w and h.
            (v[1].round() as u32, v[2].round() as u32)
        })
        .collect()
}

fn text_of(pdf: &Path, first: usize, last: usize) -> String {
    let (f, l) = (first.to_string(), last.to_string());
    let text = tool(
        "pdftotext",
        &["-f", &f, "-l", &l, pdf.to_str().unwrap(), "-"],
    );
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const A1_LANDSCAPE: (u32, u32) = (2384, 1684);
const A4: (u32, u32) = (595, 842);
const A4_LANDSCAPE: (u32, u32) = (842, 595);
const A3_LANDSCAPE: (u32, u32) = (1191, 842);

// ---- tests ----------------------------------------------------------------------------

#[test]
fn the_kit_is_a_poster_handouts_kpis_votes_and_a_worksheet_per_stage() {
    let doc = kickoff(false);
    let pdf = pdf_of(&doc, &kit_opts(PaperSize::Fit, None), "kit.pdf");
    let sizes = page_sizes(&pdf);
    let stages = doc.maps[0].stages.len();
    // Poster, two handouts, the KPI sheet, the voting results, a worksheet per stage.
    assert_eq!(sizes.len(), 1 + 2 + 1 + 1 + stages, "{sizes:?}");
    assert_eq!(sizes[0], A1_LANDSCAPE, "a fitted page makes an A1 poster");
    assert!(sizes[1..5].iter().all(|s| *s == A4), "{sizes:?}");
    assert!(sizes[5..].iter().all(|s| *s == A4_LANDSCAPE), "{sizes:?}");

    // One channel per handout, with its goals.
    let email = text_of(&pdf, 2, 2);
    assert!(
        email.contains("E-mail") && email.contains(EMAIL_GOAL),
        "{email}"
    );
    assert!(!email.contains(EVENTS_GOAL), "{email}");
    let events = text_of(&pdf, 3, 3);
    assert!(
        events.contains("Events") && events.contains(EVENTS_GOAL),
        "{events}"
    );
    assert!(text_of(&pdf, 4, 4).contains("Questions answered in the room"));

    // The round: its question, the winner first with its dots and who gave them.
    let votes = text_of(&pdf, 5, 5);
    let map = &doc.maps[0];
    let (winner, runner) = (&map.cards[1].title, &map.cards[0].title);
    assert!(
        votes.contains("Voting results") && votes.contains(QUESTION),
        "{votes}"
    );
    let w = votes.find(winner.as_str()).expect("the winner is listed");
    let r = votes
        .find(runner.as_str())
        .expect("the runner-up is listed");
    assert!(w < r, "the most dots first: {votes}");
    assert!(
        votes.contains("Ana Ruiz (2)") && votes.contains("Ben Osei (1)"),
        "{votes}"
    );
    assert!(votes.contains("5 dots given, 2 on paper"), "{votes}");

    // A worksheet per stage, in order, each naming the map's lanes.
    for (i, stage) in map.stages.iter().enumerate() {
        let sheet = text_of(&pdf, 6 + i, 6 + i);
        assert!(sheet.contains(&stage.name), "{sheet}");
        assert!(
            sheet.contains(&format!("Stage {} of {stages}", i + 1)),
            "{sheet}"
        );
        for lane in &map.lanes {
            assert!(
                sheet.contains(lane.name.as_str()),
                "{} in {sheet}",
                lane.name
            );
        }
        assert!(sheet.contains("Notes"), "{sheet}");
    }

    // Only the bundled font, embedded.
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    for line in fonts.lines().skip(2) {
        assert!(line.contains("Inter"), "{line}");
        assert!(line.contains(" yes "), "embedded: {line}");
    }
    // The kit reopens as the map.
    let bytes = std::fs::read(&pdf).unwrap();
    let json = read_embedded_map(&bytes).expect("the map is attached");
    assert!(json.contains(&map.name));
}

#[test]
fn a_tiled_kit_prints_the_poster_on_sheets_and_the_worksheets_on_a3() {
    let doc = kickoff(false);
    let opts = kit_opts(PaperSize::A1, Some(PaperSize::A3));
    let pdf = pdf_of(&doc, &opts, "kit-a3.pdf");
    let sizes = page_sizes(&pdf);
    let scene = Layouter::new().layout(&doc, &doc.maps[0].id).unwrap();
    let poster = compose(&scene, &opts, &info()).unwrap().len();
    assert!(poster > 2, "a sheet index and sheets: {poster}");
    assert_eq!(sizes.len(), poster + 4 + doc.maps[0].stages.len());
    assert!(
        sizes[poster..poster + 4].iter().all(|s| *s == A4),
        "{sizes:?}"
    );
    assert!(
        sizes[poster + 4..].iter().all(|s| *s == A3_LANDSCAPE),
        "{sizes:?}"
    );
    assert!(
        text_of(&pdf, 1, 1).contains("SHEET INDEX"),
        "the sheet index first"
    );
}

#[test]
fn an_anonymous_round_names_nobody_and_a_map_without_rounds_has_no_results() {
    let doc = kickoff(true);
    let pdf = pdf_of(&doc, &kit_opts(PaperSize::A0, None), "kit-anonymous.pdf");
    let votes = text_of(&pdf, 5, 5);
    assert!(votes.contains(QUESTION), "{votes}");
    assert!(votes.contains("anonymous"), "{votes}");
    assert!(
        !votes.contains("Ana Ruiz") && !votes.contains("WHO"),
        "{votes}"
    );

    let mut quiet = kickoff(false);
    quiet.maps[0].vote_rounds.clear();
    let pdf = pdf_of(&quiet, &kit_opts(PaperSize::A0, None), "kit-no-rounds.pdf");
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes[0], (3370, 2384), "A0 landscape");
    assert_eq!(sizes.len(), 1 + 2 + 1 + quiet.maps[0].stages.len());
    let all = text_of(&pdf, 1, sizes.len());
    assert!(!all.contains("Voting results"), "{all}");
}

#[test]
fn a_kit_is_a_pdf_only() {
    let doc = kickoff(false);
    let scene = Layouter::new().layout(&doc, &doc.maps[0].id).unwrap();
    for format in [ExportFormat::Png, ExportFormat::Svg, ExportFormat::Json] {
        let opts = ExportOptions {
            format,
            ..kit_opts(PaperSize::A1, None)
        };
        let mut bytes = Vec::new();
        let err = export(&doc, &scene, &opts, &info(), &mut bytes, &mut |_| true).unwrap_err();
        assert!(err.to_string().contains("kickoff kit"), "{err}");
        assert!(bytes.is_empty());
    }
}

#[test]
fn worksheets_hold_many_lanes_and_long_names_on_their_page() {
    let mut doc = kickoff(false);
    let map = &mut doc.maps[0];
    map.stages[0].name = "A stage whose name runs on far longer than any heading on a worksheet could ever hold on one line".into();
    let template = map.lanes[0].clone();
    for i in 0..10 {
        let mut lane = template.clone();
        lane.id = format!("lane-extra-{i}");
        lane.name = format!("Extra lane {i} with a name long enough to wrap in its label");
        map.lanes.push(lane);
    }
    let pdf = pdf_of(&doc, &kit_opts(PaperSize::A1, None), "kit-many-lanes.pdf");
    let sizes = page_sizes(&pdf);
    let first_sheet = sizes.len() - doc.maps[0].stages.len() + 1;
    let sheet = text_of(&pdf, first_sheet, first_sheet);
    assert!(sheet.contains("A stage whose name runs on"), "{sheet}");
    assert!(
        sheet.contains('…'),
        "a name too long is cut with an ellipsis: {sheet}"
    );
    for i in 0..10 {
        assert!(sheet.contains(&format!("Extra lane {i}")), "{sheet}");
    }
    assert!(sheet.contains("Notes"), "{sheet}");
    // Nothing is drawn off the page: pdftotext's bounding boxes stay inside it.
    let bbox = tool(
        "pdftotext",
        &[
            "-bbox",
            "-f",
            &first_sheet.to_string(),
            "-l",
            &first_sheet.to_string(),
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    let (w, h) = (
        sizes[first_sheet - 1].0 as f32,
        sizes[first_sheet - 1].1 as f32,
    );
    for line in bbox.lines().filter(|l| l.contains("<word ")) {
        let attr = |name: &str| -> f32 {
            let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            line[at..].split('"').next().unwrap().parse().unwrap()
        };
        assert!(attr("xMin") >= 0.0 && attr("xMax") <= w, "{line}");
        assert!(attr("yMin") >= 0.0 && attr("yMax") <= h, "{line}");
    }
}
