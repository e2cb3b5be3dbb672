//! The workshop summary as A4 pages (issue 13, "after the workshop"): a title block
//! (map, date, what the session produced), then who took part, the notes captured per
//! stage, each vote round's ranked results with its winners, and the decisions (tagged
//! cards). The same content as the Markdown, in the same order; laid out with the
//! appendix's [`Flow`], so text wraps in its column and flows over pages, every string
//! escaped, only the bundled Inter.

use std::fmt::Write;

use waymark_model::workshop::summary::{
    Note, RoundSummary, StageNotes, SummaryParticipant, WorkshopSummary,
};
use waymark_model::RoundState;

use super::{
    colors, columns, document, esc, foot, heading, num, paper_pt, text_at, Flow, Row, CELL,
    CELL_NOTE, CELL_STRONG, FOOT_BAND, H1, H2, TEXT,
};
use crate::export::{ExportInfo, Orientation, PageSvg, PaperSize, PT_PER_MM};
use crate::fonts::TextStyle;

/// The page's margin: wider than the appendix's minimum, as a letter's.
const MARGIN_MM: f32 = 18.0;
/// A participant's initials badge (diameter) in the list and beside a note.
const BADGE: f32 = 16.0;
const NOTE_BADGE: f32 = 13.0;
/// A stage's name.
const STAGE: TextStyle = TextStyle {
    size: 11.0,
    line_height: 15.0,
    weight: 600,
};
/// The winners' mark in the results table.
const WINNER_INK: &str = "#1e6b30";

/// The summary's pages on A4 portrait; `info` gives the date (and the PDF's title).
pub(in crate::export) fn summary_pages(s: &WorkshopSummary, info: &ExportInfo) -> Vec<PageSvg> {
    let (w, h) = paper_pt(PaperSize::A4, Orientation::Portrait).unwrap_or((595.28, 841.89));
    let margin = MARGIN_MM * PT_PER_MM;
    let mut flow = Flow::new(margin, w - 2.0 * margin, margin, h - margin - FOOT_BAND);
    let map = name_or(&s.map_name, "Untitled map");

    flow.section = "Who took part";
    title_block(&mut flow, s, &map, &info.date);
    section(&mut flow, "Who took part");
    participants(&mut flow, &s.participants);

    flow.section = "Notes by stage";
    section(&mut flow, "Notes by stage");
    if s.stages.is_empty() {
        flow.paragraph(
            "No notes were captured on this map.",
            TEXT,
            colors::TEXT_FAINT,
        );
    }
    for stage in &s.stages {
        stage_notes(&mut flow, stage);
    }
    flow.context = None;

    flow.section = "Voting results";
    section(&mut flow, "Voting results");
    if s.rounds.is_empty() {
        flow.paragraph(
            "No vote rounds were held on this map.",
            TEXT,
            colors::TEXT_FAINT,
        );
    }
    for (i, round) in s.rounds.iter().enumerate() {
        if i > 0 {
            flow.space(14.0);
        }
        round_block(&mut flow, round);
    }
    flow.context = None;

    flow.section = "Decisions";
    section(&mut flow, "Decisions");
    if s.decisions.is_empty() {
        flow.paragraph("No cards were tagged.", TEXT, colors::TEXT_FAINT);
    }
    for d in &s.decisions {
        flow.ensure(STAGE.line_height + 2.0 * TEXT.line_height + 8.0);
        flow.space(4.0);
        flow.paragraph(&d.tag, STAGE, colors::TEXT);
        flow.space(3.0);
        for c in &d.cards {
            let place = [c.stage.trim(), c.lane.trim()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            let text = if place.is_empty() {
                name_or(&c.title, "Untitled card")
            } else {
                format!("{} — {place}", name_or(&c.title, "Untitled card"))
            };
            bullet(&mut flow, &text);
        }
        flow.space(6.0);
    }

    let (bodies, mut shaper) = flow.finish();
    let total = bodies.len();
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, (section, content))| {
            let mut body = String::with_capacity(content.len() + 1024);
            let _ = writeln!(
                body,
                "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
                num(w),
                num(h)
            );
            body.push_str("<g class=\"workshop-summary\">\n");
            body.push_str(&content);
            foot(
                &mut body,
                &mut shaper,
                (margin, w - margin, h - margin),
                &format!("Workshop summary · {section}"),
                &format!("{map} · page {} of {total}", i + 1),
            );
            body.push_str("</g>\n");
            PageSvg {
                svg: document(w, h, &format!("{map} · workshop summary"), &body),
                width_pt: w,
                height_pt: h,
                label: Some(format!("Summary page {} of {total}", i + 1)),
            }
        })
        .collect()
}

fn name_or(s: &str, fallback: &str) -> String {
    let t = s.trim();
    if t.is_empty() { fallback } else { t }.to_string()
}

/// The kicker, the map's name, the date and what the session produced.
fn title_block(flow: &mut Flow, s: &WorkshopSummary, map: &str, date: &str) {
    let (x, y) = (flow.left, flow.y + 9.0);
    heading(&mut flow.out, "WORKSHOP SUMMARY", x, y);
    flow.space(16.0);
    flow.paragraph(map, H1, colors::TEXT);
    flow.space(2.0);
    let mut facts = Vec::new();
    if !date.trim().is_empty() {
        facts.push(date.trim().to_string());
    }
    facts.push(super::super::summary::counts(s));
    flow.paragraph(&facts.join(" · "), TEXT, colors::TEXT_MUTED);
    flow.space(6.0);
}

/// A section's name over a strong rule, kept with what follows it.
fn section(flow: &mut Flow, name: &str) {
    flow.context = None;
    flow.ensure(H2.line_height + 60.0);
    if !flow.at_top() {
        flow.space(16.0);
    }
    flow.paragraph(name, H2, colors::TEXT);
    flow.space(3.0);
    flow.rule(colors::GRID_STRONG, 0.75);
    flow.space(10.0);
}

/// Initials in white on the participant's colour, centred at (`cx`, `cy`).
fn badge(out: &mut String, cx: f32, cy: f32, d: f32, initials: &str, color: &str) {
    let fill = if color.len() == 7
        && color.starts_with('#')
        && color[1..].chars().all(|c| c.is_ascii_hexdigit())
    {
        color
    } else {
        colors::TEXT_FAINT
    };
    let size = if initials.chars().count() > 2 {
        d * 0.36
    } else {
        d * 0.44
    };
    let _ = writeln!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/><text x=\"{0}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"600\" fill=\"#ffffff\" xml:space=\"preserve\">{}</text>",
        num(cx),
        num(cy),
        num(d / 2.0),
        num(cy + size * 0.36),
        num(size),
        esc(initials)
    );
}

/// The participants in two columns: badge, name, and how many notes they wrote.
fn participants(flow: &mut Flow, people: &[SummaryParticipant]) {
    if people.is_empty() {
        flow.paragraph("No participants were recorded.", TEXT, colors::TEXT_FAINT);
        return;
    }
    let gap = 18.0;
    let col_w = (flow.width - gap) / 2.0;
    let row_h = 22.0;
    for pair in people.chunks(2) {
        flow.ensure(row_h);
        let top = flow.y;
        for (k, p) in pair.iter().enumerate() {
            let x = flow.left + k as f32 * (col_w + gap);
            badge(
                &mut flow.out,
                x + BADGE / 2.0,
                top + row_h / 2.0 - 2.0,
                BADGE,
                p.initials.trim(),
                &p.color,
            );
            let notes = match p.notes {
                0 => "no notes".to_string(),
                1 => "1 note".to_string(),
                n => format!("{n} notes"),
            };
            let notes_w = flow
                .shaper
                .wrap(&notes, TEXT, None)
                .lines
                .first()
                .map_or(0.0, |l| l.width);
            let name_x = x + BADGE + 8.0;
            let name_w = (col_w - BADGE - 8.0 - notes_w - 10.0).max(30.0);
            let name = name_or(&p.name, "Unnamed");
            let fitted = flow
                .shaper
                .fit_one_line(&name, CELL_STRONG, name_w)
                .lines
                .first()
                .map(|l| l.text.clone())
                .unwrap_or_default();
            let base = top + row_h / 2.0 + 1.0;
            text_at(
                &mut flow.out,
                name_x,
                base,
                &fitted,
                CELL_STRONG,
                colors::TEXT,
                false,
            );
            text_at(
                &mut flow.out,
                x + col_w,
                base,
                &notes,
                TEXT,
                colors::TEXT_MUTED,
                true,
            );
        }
        flow.y = top + row_h;
        let _ = writeln!(
            flow.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{}\" stroke-width=\"0.5\"/>",
            num(flow.left),
            num(flow.y),
            num(flow.left + flow.width),
            colors::GRID
        );
    }
}

/// A stage's name, then per lane its name (small capitals) and its notes.
fn stage_notes(flow: &mut Flow, stage: &StageNotes) {
    let name = name_or(&stage.stage, "Untitled stage");
    flow.context = None;
    flow.ensure(STAGE.line_height + 3.0 * TEXT.line_height + 12.0);
    flow.space(4.0);
    flow.paragraph(&name, STAGE, colors::TEXT);
    flow.space(4.0);
    flow.context = Some(name);
    for lane in &stage.lanes {
        flow.ensure(12.0 + 2.0 * TEXT.line_height);
        let (x, y) = (flow.left, flow.y + 8.0);
        heading(
            &mut flow.out,
            &name_or(&lane.lane, "Untitled lane").to_uppercase(),
            x,
            y,
        );
        flow.space(13.0);
        for n in &lane.notes {
            note(flow, n);
        }
        flow.space(5.0);
    }
    flow.space(6.0);
}

/// A note: the author's badge, its title in bold and its text after it.
fn note(flow: &mut Flow, n: &Note) {
    let indent = NOTE_BADGE + 7.0;
    let x = flow.left + indent;
    let width = flow.width - indent;
    let title = name_or(&n.title, "Untitled card");
    let title_lines = flow.wrap(&title, CELL_STRONG, width);
    let body = n.body.split_whitespace().collect::<Vec<_>>().join(" ");
    let body_lines = if body.is_empty() {
        Vec::new()
    } else {
        flow.wrap(&body, TEXT, width)
    };
    let whole = (title_lines.len() + body_lines.len()) as f32 * TEXT.line_height;
    flow.ensure(whole.min(flow.page_height()));
    let first = flow.lines(&title_lines, x, CELL_STRONG, colors::TEXT);
    if !body_lines.is_empty() {
        flow.lines(&body_lines, x, TEXT, colors::TEXT_MUTED);
    }
    if let Some(base) = first {
        if n.initials.trim().is_empty() {
            text_at(
                &mut flow.out,
                flow.left + 3.0,
                base,
                "•",
                TEXT,
                colors::TEXT_MUTED,
                false,
            );
        } else {
            badge(
                &mut flow.out,
                flow.left + NOTE_BADGE / 2.0,
                base - 3.2,
                NOTE_BADGE,
                n.initials.trim(),
                &n.color,
            );
        }
    }
    flow.space(4.0);
}

/// A round: its question, its facts, the ranked table (winners marked) and the winners.
fn round_block(flow: &mut Flow, r: &RoundSummary) {
    let question = name_or(&r.question, "Untitled round");
    flow.ensure(STAGE.line_height + TEXT.line_height + 80.0);
    flow.paragraph(&question, STAGE, colors::TEXT);
    flow.space(1.0);
    flow.paragraph(
        &super::super::summary::round_facts(r),
        TEXT,
        colors::TEXT_MUTED,
    );
    flow.space(7.0);
    flow.context = Some(question);
    let voted: Vec<_> = r.results.iter().filter(|x| x.total > 0).collect();
    if voted.is_empty() {
        flow.paragraph("No dots were given.", TEXT, colors::TEXT_FAINT);
        return;
    }
    let names: Vec<String> = r
        .winners
        .iter()
        .map(|w| {
            let dots = if w.total == 1 { "dot" } else { "dots" };
            format!(
                "{} ({} {dots})",
                name_or(&w.title, "Untitled card"),
                w.total
            )
        })
        .collect();
    flow.paragraph(
        &format!(
            "{}: {}",
            super::super::summary::winners_lead(r),
            names.join(" · ")
        ),
        TEXT,
        colors::TEXT,
    );
    flow.space(7.0);
    let mark = match r.state {
        RoundState::Ended => "Winner",
        RoundState::Open => "Leading",
    };
    let cols = columns(
        flow.width,
        &[
            ("RANK", 0.08),
            ("CARD", 0.38),
            ("STAGE", 0.17),
            ("LANE", 0.17),
            ("DOTS", 0.08),
            ("", 0.12),
        ],
    );
    let rows: Vec<Row> = voted
        .iter()
        .map(|x| {
            let won = r.winners.iter().any(|w| w.card_id == x.card_id);
            let st = if won { CELL_STRONG } else { CELL };
            let title = name_or(&x.title, "Untitled card");
            Row {
                cells: vec![
                    flow.cell(cols[0].width)
                        .text(&x.rank.to_string(), st, colors::TEXT)
                        .done(),
                    flow.cell(cols[1].width)
                        .text(&title, st, colors::TEXT)
                        .done(),
                    flow.cell(cols[2].width).or_dash(&x.stage).done(),
                    flow.cell(cols[3].width).or_dash(&x.lane).done(),
                    flow.cell(cols[4].width)
                        .text(&x.total.to_string(), st, colors::TEXT)
                        .done(),
                    if won {
                        flow.cell(cols[5].width)
                            .text(mark, CELL_STRONG, WINNER_INK)
                            .done()
                    } else {
                        flow.cell(cols[5].width).done()
                    },
                ],
                continued: None,
                group_start: false,
            }
        })
        .collect();
    flow.table(&cols, rows);
    let unvoted = r.results.len() - voted.len();
    flow.space(5.0);
    if unvoted > 0 {
        let cards = if unvoted == 1 { "card" } else { "cards" };
        flow.paragraph(
            &format!("{unvoted} other {cards} got no dots."),
            CELL_NOTE,
            colors::TEXT_MUTED,
        );
    }
}

/// A bulleted line of running text across the page.
fn bullet(flow: &mut Flow, text: &str) {
    let indent = 12.0;
    let x = flow.left + indent;
    let lines = flow.wrap(text, TEXT, flow.width - indent);
    if let Some(base) = flow.lines(&lines, x, TEXT, colors::TEXT) {
        text_at(
            &mut flow.out,
            flow.left + 2.0,
            base,
            "•",
            TEXT,
            colors::TEXT_MUTED,
            false,
        );
    }
    flow.space(2.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_model::workshop::summary::{DecidedCard, LaneNotes, TagDecisions};
    use waymark_model::VoteResultRow;

    fn big(notes: usize, hostile: &str) -> WorkshopSummary {
        let note = |i: usize| Note {
            title: format!("Note {i} {hostile}"),
            body: "A longer remark that wraps over more than one line of the page, as people \
                   write them on sticky notes in the room."
                .into(),
            initials: "AL".into(),
            author: "Ada".into(),
            color: "#1d4ed8".into(),
        };
        let row = |rank: u32, total: u32| VoteResultRow {
            card_id: format!("c{rank}"),
            rank,
            title: format!("Card {rank}"),
            stage: "Give".into(),
            lane: "Pains".into(),
            total,
            paper: 0,
            by_participant: vec![],
        };
        WorkshopSummary {
            map_id: "m".into(),
            map_name: format!("Map {hostile}"),
            participants: (0..7)
                .map(|i| SummaryParticipant {
                    name: format!("Person {i}"),
                    initials: format!("P{i}"),
                    color: "not a colour".into(),
                    notes: i,
                })
                .collect(),
            stages: vec![StageNotes {
                stage: "Discover".into(),
                lanes: vec![LaneNotes {
                    lane: "Pains".into(),
                    notes: (0..notes).map(note).collect(),
                }],
            }],
            rounds: vec![RoundSummary {
                question: "What hurts?".into(),
                state: RoundState::Ended,
                anonymous: true,
                dots: 9,
                results: vec![row(1, 5), row(2, 4), row(3, 0)],
                winners: vec![row(1, 5), row(2, 4)],
            }],
            decisions: vec![TagDecisions {
                tag: "Decision".into(),
                cards: vec![DecidedCard {
                    title: "Card 1".into(),
                    stage: "Give".into(),
                    lane: String::new(),
                }],
            }],
        }
    }

    fn info() -> ExportInfo {
        ExportInfo {
            title: String::new(),
            author: String::new(),
            persona: String::new(),
            date: "2026-12-06".into(),
        }
    }

    #[test]
    fn many_notes_flow_over_a4_pages_each_with_its_foot() {
        let pages = summary_pages(&big(60, "ok"), &info());
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let n = pages.len();
        for (i, p) in pages.iter().enumerate() {
            assert_eq!((p.width_pt, p.height_pt), (595.28, 841.89));
            assert!(
                p.svg.contains(&format!("page {} of {n}", i + 1)),
                "page {i}"
            );
            crate::export::parse_svg(&p.svg).expect("every page parses");
        }
        let all: String = pages.iter().map(|p| p.svg.as_str()).collect();
        for note in [
            "Note 0 ok",
            "Note 59 ok",
            "WORKSHOP SUMMARY",
            "Winner",
            "2026-12-06",
        ] {
            assert!(all.contains(note), "{note}");
        }
        // The foot names the section a page ends in.
        assert!(pages[0].svg.contains("Workshop summary · Notes by stage"));
        assert!(pages[n - 1].svg.contains("Workshop summary · Decisions"));
        // A colour that is not #rrggbb never reaches the SVG.
        assert!(!all.contains("not a colour"));
    }

    #[test]
    fn user_text_is_escaped_in_the_pages() {
        let pages = summary_pages(&big(1, "<script>&\"'"), &info());
        let all: String = pages.iter().map(|p| p.svg.as_str()).collect();
        assert!(!all.contains("<script>"));
        assert!(all.contains("&lt;script&gt;&amp;"));
    }
}
