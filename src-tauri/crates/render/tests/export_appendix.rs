//! The PDF appendix (channel job descriptions and SMART goals, passion-point KPIs), read
//! back with poppler (`pdfinfo`, `pdftotext`) and checked page by page: the text is all
//! there, statuses follow the report, long content flows onto further pages, nothing
//! leaves the page or overlaps.
//!
//! `APPENDIX_LOOK=dir` also writes the PDFs there (to look at them with `pdftoppm`).

use std::path::{Path, PathBuf};
use std::process::Command;

use waymark_model::*;
use waymark_render::export::*;
use waymark_render::*;

// ---- fixtures -------------------------------------------------------------------------

fn template_doc() -> Document {
    serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap()
}

const ROLE: &str = "Community host for first-time donors";
const GOAL_ON: &str = "Welcome every first-time donor with a three-part e-mail series";
const GOAL_OFF: &str = "Turn one in five first gifts into a monthly gift within 90 days";
const KPI_NAME: &str = "Checkout conversion";
const KPI_RISK: &str = "Abandoned forms";

fn goal(id: &str, statement: &str, metric: &str, target: f64, unit: &str) -> SmartGoal {
    SmartGoal {
        id: id.into(),
        statement: statement.into(),
        metric: metric.into(),
        target: Some(Num(target)),
        unit: unit.into(),
        baseline: Some(Num(target / 2.0)),
        better: Better::Up,
        period: "monthly".into(),
        relevant_to: Some("st-first-gift".into()),
    }
}

fn kpi(id: &str, name: &str, target: f64, actual: f64, unit: &str, better: Better) -> Kpi {
    Kpi {
        id: id.into(),
        name: name.into(),
        metric: name.to_lowercase(),
        target: Some(Num(target)),
        actual: Some(Num(actual)),
        unit: unit.into(),
        better,
        history: vec![],
    }
}

/// The template with the e-mail channel's job description (two goals, one on track and
/// one off track in the latest review) and the first gift as a passion point with a KPI
/// on track and one at risk.
fn planned_doc() -> Document {
    let mut doc = template_doc();
    let email = doc
        .channels
        .iter_mut()
        .find(|c| c.name == "E-mail")
        .expect("the template has an e-mail channel");
    email.plan = ChannelPlan {
        ownership: Ownership::Owned,
        reach: Reach::Online,
        job: JobDescription {
            role_title: ROLE.into(),
            purpose: "Keeps new supporters close between their first gift and their first event, \
                      so that nobody hears nothing after giving."
                .into(),
            responsibilities: "Send the welcome series within a day of a first gift\n\
                               - Tell one supporter's story every month\n\
                               \n\
                               Hand volunteers over to the events team"
                .into(),
            owner: "Sam Okafor".into(),
            works_with: vec!["ch-events".into(), "ch-website".into()],
        },
        goals: vec![
            goal("g-welcome", GOAL_ON, "welcome series sent", 100.0, "%"),
            goal("g-monthly", GOAL_OFF, "monthly conversions", 40.0, "donors"),
        ],
        reviews: vec![
            MonthlyReview {
                month: "2025-01".into(),
                actuals: vec![GoalActual {
                    goal_id: "g-welcome".into(),
                    value: Num(80.0),
                }],
                support_note: String::new(),
            },
            MonthlyReview {
                month: "2025-02".into(),
                actuals: vec![
                    GoalActual {
                        goal_id: "g-welcome".into(),
                        value: Num(100.0),
                    },
                    GoalActual {
                        goal_id: "g-monthly".into(),
                        value: Num(12.0),
                    },
                ],
                support_note: String::new(),
            },
        ],
    };
    let map = &mut doc.maps[0];
    let card = map
        .cards
        .iter_mut()
        .find(|c| c.stage_id == "st-first-gift" && c.kind == LaneKind::Touchpoints)
        .unwrap();
    card.flags.passion_point = true;
    card.plan.passion.kpis = vec![
        kpi("k-conv", KPI_NAME, 30.0, 31.5, "%", Better::Up),
        kpi("k-aband", KPI_RISK, 20.0, 21.0, "%", Better::Down),
    ];
    doc
}

fn scene_of(doc: &Document) -> Scene {
    Layouter::new().layout(doc, &doc.maps[0].id).unwrap()
}

fn info() -> ExportInfo {
    ExportInfo {
        title: "From $10 gift to major donor".into(),
        author: String::new(),
        persona: "Maya, Robert".into(),
        date: "2025-03-14".into(),
    }
}

fn pdf_opts(page: PaperSize, orientation: Orientation) -> ExportOptions {
    ExportOptions {
        format: ExportFormat::Pdf,
        page,
        orientation,
        appendix: true,
        ..ExportOptions::default()
    }
}

fn pdf_of(doc: &Document, opts: &ExportOptions, name: &str) -> PathBuf {
    let scene = scene_of(doc);
    let mut bytes = Vec::new();
    export(doc, &scene, opts, &info(), &mut bytes, &mut |_| true).unwrap();
    let dir = std::env::temp_dir().join(format!("waymark-appendix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    if let Ok(look) = std::env::var("APPENDIX_LOOK") {
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

fn page_count(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The text of pages `first..=last` (1-based), as poppler reads it.
fn text_of(pdf: &Path, first: usize, last: usize) -> String {
    let (f, l) = (first.to_string(), last.to_string());
    tool(
        "pdftotext",
        &["-f", &f, "-l", &l, "-layout", pdf.to_str().unwrap(), "-"],
    )
}

/// Whitespace runs as one space: table cells wrap, `-layout` pads columns.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- tests ----------------------------------------------------------------------------

#[test]
fn the_appendix_lists_job_descriptions_goals_and_kpis_with_their_status() {
    let doc = planned_doc();
    let opts = pdf_opts(PaperSize::A3, Orientation::Landscape);
    let pdf = pdf_of(&doc, &opts, "planned.pdf");
    let scene = scene_of(&doc);
    let map_pages = compose(&scene, &opts, &info()).unwrap().len();
    let appendix = appendix_pages(&doc, &opts, &info());
    assert!(appendix.len() >= 2, "channels, then passion points");
    assert_eq!(page_count(&pdf), map_pages + appendix.len());

    let all = text_of(&pdf, map_pages + 1, map_pages + appendix.len());
    let flat = words(&all);
    for needle in [
        "Channels",
        ROLE,
        "Sam Okafor",
        "Send the welcome series within a day of a first gift",
        "Hand volunteers over to the events team",
        "Events, Website",
        "Latest review: 2025-02",
        "Passion points",
        KPI_NAME,
        KPI_RISK,
        "On track",
        "Off track",
        "At risk",
        "$10 first gift",
    ] {
        assert!(flat.contains(needle), "{needle:?} missing from\n{all}");
    }
    // Goal statements wrap inside their cell: every word is there, in order.
    for statement in [GOAL_ON, GOAL_OFF] {
        let mut rest = flat.as_str();
        for w in statement.split_whitespace() {
            let at = rest
                .find(w)
                .unwrap_or_else(|| panic!("{w} of {statement:?}"));
            rest = &rest[at + w.len()..];
        }
    }
    // The rule behind the statuses is printed with them.
    assert!(flat.contains(&words(STATUS_RULE)[..60]), "{flat}");
    // A responsibility typed with its own dash is not bulleted twice; blank lines go.
    assert!(!flat.contains("• - Tell"));
    assert!(flat.contains("• Tell one supporter's story every month • Hand volunteers"));
    // The report's statuses: welcome goal on track (100 of 100 %), monthly off track
    // (12 of 40), conversion on track (31.5 ≥ 30), abandonment at risk (21 vs ≤ 20).
    let report = strategy_report(&doc);
    let email = report.channels.iter().find(|c| c.goals.len() == 2).unwrap();
    assert_eq!(email.goals[0].latest, Some(Status::OnTrack));
    assert_eq!(email.goals[1].latest, Some(Status::OffTrack));
    let point = &report.passion_points[0];
    assert_eq!(
        point.kpis.iter().map(|k| k.status).collect::<Vec<_>>(),
        [Some(Status::OnTrack), Some(Status::AtRisk)]
    );
    // The appendix's paper: the map's (A3), portrait.
    let size = tool(
        "pdfinfo",
        &[
            "-f",
            &(map_pages + 1).to_string(),
            "-l",
            &(map_pages + 1).to_string(),
            pdf.to_str().unwrap(),
        ],
    );
    assert!(size.contains("841.89 x 1190.55 pts"), "{size}");
}

#[test]
fn forty_responsibilities_flow_onto_a_second_page_without_losing_lines() {
    let mut doc = planned_doc();
    let lines: Vec<String> = (1..=40)
        .map(|i| {
            format!(
                "Duty {i:02}: answer every supporter who writes in about the spring charity \
                 run within one working day, and log the answer"
            )
        })
        .collect();
    let email = doc
        .channels
        .iter_mut()
        .find(|c| c.name == "E-mail")
        .unwrap();
    email.plan.job.responsibilities = lines.join("\n");
    let opts = pdf_opts(PaperSize::Fit, Orientation::Landscape);
    let pdf = pdf_of(&doc, &opts, "forty.pdf");
    let scene = scene_of(&doc);
    let map_pages = compose(&scene, &opts, &info()).unwrap().len();
    let appendix = appendix_pages(&doc, &opts, &info());
    assert_eq!(page_count(&pdf), map_pages + appendix.len());
    // Fit to the map: the appendix is A4 portrait.
    for page in &appendix {
        assert_eq!((page.width_pt, page.height_pt), (595.28, 841.89));
    }

    let pages: Vec<String> = (1..=appendix.len())
        .map(|i| words(&text_of(&pdf, map_pages + i, map_pages + i)))
        .collect();
    let page_of = |needle: &str| -> Vec<usize> {
        (0..pages.len())
            .filter(|&i| pages[i].contains(needle))
            .collect()
    };
    for i in 1..=40 {
        let found = page_of(&format!("Duty {i:02}:"));
        assert_eq!(found.len(), 1, "duty {i} on pages {found:?}");
    }
    let (first, last) = (page_of("Duty 01:")[0], page_of("Duty 40:")[0]);
    assert!(last > first, "the list flows onto a further page");
    // Every duty's last words survive the page break.
    let all = pages.join(" ");
    assert_eq!(all.matches("log the answer").count(), 40);
    // The page it continues on says whose list it is.
    assert!(
        pages[last].contains("E-mail (continued)"),
        "{}",
        pages[last]
    );
}

#[test]
fn a_table_row_taller_than_a_page_is_split_between_its_lines() {
    let mut doc = planned_doc();
    let long: Vec<String> = (1..=120).map(|i| format!("Step{i:03}")).collect();
    let email = doc
        .channels
        .iter_mut()
        .find(|c| c.name == "E-mail")
        .unwrap();
    email.plan.goals[0].statement = long.join("\n");
    let opts = pdf_opts(PaperSize::A4, Orientation::Portrait);
    let pdf = pdf_of(&doc, &opts, "tall-row.pdf");
    let map_pages = compose(&scene_of(&doc), &opts, &info()).unwrap().len();
    let n = appendix_pages(&doc, &opts, &info()).len();
    let text = words(&text_of(&pdf, map_pages + 1, map_pages + n));
    for step in &long {
        assert_eq!(text.matches(step.as_str()).count(), 1, "{step}");
    }
    assert!(text.contains(GOAL_OFF.split_whitespace().next().unwrap()));
}

#[test]
fn there_is_no_appendix_unless_asked_and_only_in_a_pdf() {
    let doc = planned_doc();
    let none = |opts: ExportOptions| appendix_pages(&doc, &opts, &info()).is_empty();
    assert!(!ExportOptions::default().appendix);
    assert!(none(ExportOptions {
        format: ExportFormat::Pdf,
        ..ExportOptions::default()
    }));
    for format in [ExportFormat::Png, ExportFormat::Svg] {
        assert!(none(ExportOptions {
            format,
            appendix: true,
            ..ExportOptions::default()
        }));
    }
    // A PNG asked for one is still one picture.
    let scene = scene_of(&doc);
    let png = ExportOptions {
        appendix: true,
        ..ExportOptions::default()
    };
    let pages = preview(&doc, &scene, &png, &info(), 100).unwrap().pages;
    assert_eq!(pages, 1);
    // The preview counts the appendix's pages.
    let pdf = pdf_opts(PaperSize::A4, Orientation::Landscape);
    let pages = preview(&doc, &scene, &pdf, &info(), 100).unwrap().pages;
    assert_eq!(
        pages as usize,
        1 + appendix_pages(&doc, &pdf, &info()).len()
    );
    // Old settings without the field still load, with the appendix off.
    let old: ExportOptions = serde_json::from_str(r#"{"format":"pdf","page":"a3"}"#).unwrap();
    assert!(!old.appendix);
    let on: ExportOptions = serde_json::from_str(r#"{"appendix":true}"#).unwrap();
    assert!(on.appendix);
}

#[test]
fn the_appendix_paper_follows_the_map() {
    let doc = planned_doc();
    let size = |opts: ExportOptions| {
        let p = &appendix_pages(&doc, &opts, &info())[0];
        (p.width_pt, p.height_pt)
    };
    assert_eq!(
        size(pdf_opts(PaperSize::Fit, Orientation::Landscape)),
        (595.28, 841.89)
    );
    assert_eq!(
        size(pdf_opts(PaperSize::A1, Orientation::Landscape)),
        (1683.78, 2383.94)
    );
    assert_eq!(
        size(pdf_opts(PaperSize::Letter, Orientation::Portrait)),
        (612.0, 792.0)
    );
    // A poster tiled on A4 sheets: the appendix prints on the sheets.
    assert_eq!(
        size(ExportOptions {
            tile: Some(PaperSize::A4),
            ..pdf_opts(PaperSize::A0, Orientation::Landscape)
        }),
        (595.28, 841.89)
    );
}

#[test]
fn user_text_in_the_appendix_is_escaped() {
    const SCRIPT: &str = r#"<script>alert(1)</script> & "quotes""#;
    let mut doc = planned_doc();
    let email = doc
        .channels
        .iter_mut()
        .find(|c| c.name == "E-mail")
        .unwrap();
    email.name = "E-mail <b>".into();
    email.icon = "<&".into();
    email.plan.job.role_title = SCRIPT.into();
    email.plan.job.responsibilities = "Café Crème & <i>naïve</i>".into();
    email.plan.goals[0].unit = "</text>".into();
    doc.maps[0]
        .cards
        .iter_mut()
        .find(|c| c.flags.passion_point)
        .unwrap()
        .plan
        .passion
        .kpis[0]
        .name = "KPI <img src=x>".into();
    let opts = pdf_opts(PaperSize::A4, Orientation::Portrait);
    let pages = appendix_pages(&doc, &opts, &info());
    let svg: String = pages.iter().map(|p| p.svg.as_str()).collect();
    for raw in ["<script", "<b>", "<i>", "<img", "</text>%"] {
        assert!(!svg.contains(raw), "{raw} unescaped");
    }
    let mut text = String::new();
    for p in &pages {
        let tree = parse_svg(&p.svg).expect("every appendix page parses");
        text.push_str(&tree_text(&tree).concat());
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squash(&text);
    for typed in [
        SCRIPT,
        "E-mail <b>",
        "Café Crème & <i>naïve</i>",
        "KPI <img src=x>",
    ] {
        assert!(text.contains(&squash(typed)), "{typed} reads back");
    }
}

/// Every text chunk of a tree.
fn tree_text(tree: &usvg::Tree) -> Vec<String> {
    fn walk(group: &usvg::Group, out: &mut Vec<String>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    for chunk in t.chunks() {
                        out.push(chunk.text().to_string());
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

/// The boxes of every text element of a tree, in page points.
fn text_boxes(tree: &usvg::Tree) -> Vec<(String, usvg::Rect)> {
    fn walk(group: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    let text: String = t.chunks().iter().map(|c| c.text()).collect();
                    out.push((text, t.abs_bounding_box()));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

#[test]
fn appendix_text_stays_on_the_page_and_never_overlaps() {
    let mut doc = planned_doc();
    // Long words and long names in narrow cells, and many of them.
    let email = doc
        .channels
        .iter_mut()
        .find(|c| c.name == "E-mail")
        .unwrap();
    email.plan.goals[1].metric = "supercalifragilisticexpialidocious-conversions-per-month".into();
    email.plan.goals[1].unit = "first-time-donors-converted".into();
    email.plan.goals[1].period = "every calendar month until the end of the spring campaign".into();
    email.name = "E-mail newsletter and welcome series for first-time donors".into();
    let card = doc.maps[0]
        .cards
        .iter_mut()
        .find(|c| c.flags.passion_point)
        .unwrap();
    for i in 0..30 {
        card.plan.passion.kpis.push(kpi(
            &format!("k{i}"),
            &format!("Extra KPI number {i} with a rather long name"),
            1234.5,
            999.0 + i as f64 * 10.0,
            "sign-ups",
            Better::Up,
        ));
    }
    for opts in [
        pdf_opts(PaperSize::A4, Orientation::Landscape),
        pdf_opts(PaperSize::Letter, Orientation::Portrait),
        pdf_opts(PaperSize::A1, Orientation::Landscape),
    ] {
        let pages = appendix_pages(&doc, &opts, &info());
        assert!(pages.len() >= 3, "{}", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let tree = parse_svg(&page.svg).unwrap();
            let boxes = text_boxes(&tree);
            assert!(!boxes.is_empty());
            // Inside the page, with a margin to spare.
            let m = 12.0 * PT_PER_MM * 0.9;
            for (t, b) in &boxes {
                assert!(
                    b.left() >= m
                        && b.top() >= m
                        && b.right() <= page.width_pt - m
                        && b.bottom() <= page.height_pt - m,
                    "page {n}: {t:?} at {b:?} leaves the page"
                );
            }
            // No two text elements overlap (a hair of tolerance for antialiasing).
            let eps = 0.3 * page.width_pt / 595.28;
            for (i, (ta, a)) in boxes.iter().enumerate() {
                for (tb, b) in &boxes[i + 1..] {
                    let apart = a.right() <= b.left() + eps
                        || b.right() <= a.left() + eps
                        || a.bottom() <= b.top() + eps
                        || b.bottom() <= a.top() + eps;
                    assert!(apart, "page {n}: {ta:?} {a:?} overlaps {tb:?} {b:?}");
                }
            }
        }
    }
}

#[test]
fn an_empty_document_says_so() {
    let mut doc = template_doc();
    doc.channels.clear();
    for map in &mut doc.maps {
        for card in &mut map.cards {
            card.channel_id = None;
            card.flags.passion_point = false;
        }
    }
    let opts = pdf_opts(PaperSize::A4, Orientation::Portrait);
    let pages = appendix_pages(&doc, &opts, &info());
    assert_eq!(pages.len(), 2);
    let text: String = pages
        .iter()
        .map(|p| tree_text(&parse_svg(&p.svg).unwrap()).concat())
        .collect();
    assert!(text.contains("No channels yet."));
    assert!(text.contains("No passion points marked yet."));
}

#[test]
fn the_appendix_is_deterministic() {
    let doc = planned_doc();
    let opts = pdf_opts(PaperSize::A4, Orientation::Portrait);
    assert_eq!(
        appendix_pages(&doc, &opts, &info()),
        appendix_pages(&doc, &opts, &info())
    );
}
