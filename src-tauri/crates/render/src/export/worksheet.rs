//! The kickoff kit's blank worksheets for paper sessions: one landscape page per stage,
//! headed with the stage's name, the map's lanes as labelled rows with ruled room to
//! write in, and a row for notes that fit no lane. What the room writes is typed in
//! afterwards through capture.
//!
//! Pages are laid out on an A4-landscape sheet and scaled to the paper (A3 for a poster
//! tiled on A3); every string is fitted or wrapped with the bundled font and escaped.

use std::fmt::Write;

use waymark_model::Map;

use super::legend::heading;
use super::page::{document, paper_pt};
use super::svg::{colors, esc, fine, num};
use super::{ExportInfo, Orientation, PageSvg, PaperSize, PT_PER_MM};
use crate::fonts::TextStyle;
use crate::palette;
use crate::text::Shaper;

/// The width a worksheet is laid out at (A4 landscape, in points).
const LAYOUT_WIDTH: f32 = 841.89;
const MARGIN_MM: f32 = 12.0;

const fn style(size: f32, line_height: f32, weight: u16) -> TextStyle {
    TextStyle {
        size,
        line_height,
        weight,
    }
}

const STAGE: TextStyle = style(22.0, 26.0, 600);
const LANE: TextStyle = style(10.0, 13.0, 600);
const NOTE: TextStyle = style(7.5, 10.0, 400);
const TEXT: TextStyle = style(9.0, 12.0, 400);

/// The lanes' label column.
const LABEL_W: f32 = 132.0;
/// Between two ruled writing lines (about 8 mm, a comfortable handwriting line).
const RULE_STEP: f32 = 22.0;
/// The header above the grid, and the foot band under it.
const HEADER: f32 = 58.0;
const FOOT: f32 = 22.0;
/// The notes row is this share of a lane's row (and never smaller than `NOTES_MIN`).
const NOTES_SHARE: f32 = 0.8;
const NOTES_MIN: f32 = 44.0;
/// A light tint for writing on, and the faint ruling.
const RULING: &str = "#dde1e6";

/// One worksheet per stage of `map`, on `sheet` in landscape (A4 unless A3 is asked for).
pub(crate) fn worksheet_pages(map: &Map, info: &ExportInfo, sheet: PaperSize) -> Vec<PageSvg> {
    let sheet = if sheet == PaperSize::A3 {
        PaperSize::A3
    } else {
        PaperSize::A4
    };
    let (paper_w, paper_h) = paper_pt(sheet, Orientation::Landscape).unwrap_or((841.89, 595.28));
    let scale = paper_w / LAYOUT_WIDTH;
    let (w, h) = (LAYOUT_WIDTH, paper_h / scale);
    let m = MARGIN_MM * PT_PER_MM;
    let mut shaper = Shaper::new();
    let title = if info.title.trim().is_empty() {
        map.name.trim().to_string()
    } else {
        info.title.trim().to_string()
    };
    let lanes: Vec<&waymark_model::Lane> = map.lanes.iter().filter(|l| !l.hidden).collect();
    let total = map.stages.len();
    map.stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let mut body = String::with_capacity(8192);
            let _ = writeln!(
                body,
                "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
                num(paper_w),
                num(paper_h)
            );
            let _ = writeln!(
                body,
                "<g class=\"worksheet\" transform=\"scale({})\">",
                fine(scale)
            );
            let position = format!("Stage {} of {total}", i + 1);
            header(
                &mut body,
                &mut shaper,
                (m, w - m, m),
                &title,
                stage,
                i,
                &position,
            );
            grid(
                &mut body,
                &mut shaper,
                (m, w - m),
                (m + HEADER, h - m - FOOT),
                &lanes,
            );
            foot(
                &mut body,
                &mut shaper,
                (m, w - m, h - m),
                &title,
                i + 1,
                total,
            );
            body.push_str("</g>\n");
            let name = if stage.name.trim().is_empty() {
                format!("Stage {}", i + 1)
            } else {
                stage.name.trim().to_string()
            };
            PageSvg {
                svg: document(
                    paper_w,
                    paper_h,
                    &format!("{title} · worksheet · {name}"),
                    &body,
                ),
                width_pt: paper_w,
                height_pt: paper_h,
                label: Some(format!("Worksheet · {name}")),
            }
        })
        .collect()
}

/// One line fitted into `max`, cut with an ellipsis when longer.
fn fit(shaper: &mut Shaper, s: &str, st: TextStyle, max: f32) -> (String, f32) {
    shaper
        .fit_one_line(s, st, max.max(1.0))
        .lines
        .first()
        .map(|l| (l.text.clone(), l.width))
        .unwrap_or_default()
}

fn text(out: &mut String, x: f32, y: f32, s: &str, st: TextStyle, fill: &str, end: bool) {
    if s.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\"{} font-size=\"{}\" font-weight=\"{}\" fill=\"{fill}\" xml:space=\"preserve\">{}</text>",
        num(x),
        num(y),
        if end { " text-anchor=\"end\"" } else { "" },
        num(st.size),
        st.weight,
        esc(s)
    );
}

fn line(out: &mut String, (x1, y1): (f32, f32), (x2, y2): (f32, f32), color: &str, w: f32) {
    let _ = writeln!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"{}\"/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2),
        num(w)
    );
}

/// The kicker (map and stage number), the stage's name with its colour, and lines for
/// who wrote the sheet and when.
fn header(
    out: &mut String,
    shaper: &mut Shaper,
    (left, right, top): (f32, f32, f32),
    title: &str,
    stage: &waymark_model::Stage,
    index: usize,
    position: &str,
) {
    let kicker = format!("PAPER WORKSHEET · {}", title.to_uppercase());
    let (kicker, _) = fit(shaper, &kicker, NOTE, (right - left) * 0.6);
    heading(out, &kicker, left, top + 8.0);
    text(
        out,
        right,
        top + 8.0,
        position,
        TEXT,
        colors::TEXT_MUTED,
        true,
    );

    // Who wrote it and when: two labelled lines on the right, level with the name.
    let base = top + 40.0;
    let (date_w, who_w) = (84.0, 150.0);
    let date_x = right - date_w;
    line(
        out,
        (date_x, base + 2.0),
        (right, base + 2.0),
        colors::GRID_STRONG,
        0.75,
    );
    heading(out, "DATE", date_x - 30.0, base);
    let who_right = date_x - 44.0;
    let who_x = who_right - who_w;
    line(
        out,
        (who_x, base + 2.0),
        (who_right, base + 2.0),
        colors::GRID_STRONG,
        0.75,
    );
    heading(out, "WRITTEN BY", who_x - 62.0, base);

    // The stage's colour as a swatch before its name.
    let color = palette::pick(stage.color.as_deref(), palette::stage_color(index));
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"6\" height=\"22\" rx=\"2\" fill=\"{color}\"/>",
        num(left),
        num(base - 19.0)
    );
    let name = if stage.name.trim().is_empty() {
        format!("Stage {}", index + 1)
    } else {
        stage.name.trim().to_string()
    };
    let name_x = left + 14.0;
    let (name, _) = fit(shaper, &name, STAGE, who_x - 62.0 - 16.0 - name_x);
    text(out, name_x, base, &name, STAGE, colors::TEXT, false);
}

/// The lanes as rows (label on the left, ruled room on the right) and a notes row.
fn grid(
    out: &mut String,
    shaper: &mut Shaper,
    (left, right): (f32, f32),
    (top, bottom): (f32, f32),
    lanes: &[&waymark_model::Lane],
) {
    let height = bottom - top;
    let n = lanes.len() as f32;
    let row_h = if lanes.is_empty() {
        0.0
    } else {
        ((height - NOTES_MIN) / (n + NOTES_SHARE)).min(height / (n + NOTES_SHARE))
    };
    let notes_h = height - row_h * n;
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        num(left),
        num(top),
        num(LABEL_W),
        num(height),
        colors::GUTTER
    );
    let mut y = top;
    for (i, lane) in lanes.iter().enumerate() {
        if i > 0 {
            line(out, (left, y), (right, y), colors::GRID_STRONG, 0.75);
        }
        let name = if lane.name.trim().is_empty() {
            "Untitled lane"
        } else {
            lane.name.trim()
        };
        label(out, shaper, left, y, row_h, name, None);
        ruling(out, (left + LABEL_W, right), (y, y + row_h));
        y += row_h;
    }
    if !lanes.is_empty() {
        line(out, (left, y), (right, y), colors::GRID_STRONG, 1.5);
    }
    label(
        out,
        shaper,
        left,
        y,
        notes_h,
        "Notes",
        Some("Anything that fits no lane: questions, decisions, owners"),
    );
    ruling(out, (left + LABEL_W, right), (y, y + notes_h));
    // The frame and the label column's edge over everything.
    line(
        out,
        (left + LABEL_W, top),
        (left + LABEL_W, bottom),
        colors::GRID_STRONG,
        0.75,
    );
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>",
        num(left),
        num(top),
        num(right - left),
        num(height),
        colors::TEXT_FAINT
    );
}

/// A row's label: its name wrapped into the label column (as many lines as fit), and an
/// optional hint under it.
fn label(
    out: &mut String,
    shaper: &mut Shaper,
    left: f32,
    top: f32,
    h: f32,
    name: &str,
    hint: Option<&str>,
) {
    let width = LABEL_W - 20.0;
    let block = shaper.wrap(name, LANE, Some(width));
    let room = ((h - 12.0) / LANE.line_height).floor().max(1.0) as usize;
    let mut y = top + 8.0;
    for (i, l) in block.lines.iter().take(room).enumerate() {
        let mut s = l.text.clone();
        if i + 1 == room && block.lines.len() > room {
            s = fit(shaper, &format!("{s}…"), LANE, width).0;
        }
        text(
            out,
            left + 10.0,
            top + 8.0 + l.baseline,
            &s,
            LANE,
            colors::TEXT,
            false,
        );
        y = top + 8.0 + (i + 1) as f32 * LANE.line_height;
    }
    if let Some(hint) = hint {
        let lines = shaper.wrap(hint, NOTE, Some(width));
        for l in &lines.lines {
            let base = y + 3.0 + l.baseline;
            if base > top + h - 4.0 {
                break;
            }
            text(
                out,
                left + 10.0,
                base,
                &l.text,
                NOTE,
                colors::TEXT_MUTED,
                false,
            );
        }
    }
}

/// Faint lines to write on across a row, a handwriting line apart.
fn ruling(out: &mut String, (x0, x1): (f32, f32), (top, bottom): (f32, f32)) {
    let mut y = top + RULE_STEP;
    while y <= bottom - 8.0 {
        line(out, (x0 + 10.0, y), (x1 - 10.0, y), RULING, 0.5);
        y += RULE_STEP;
    }
}

fn foot(
    out: &mut String,
    shaper: &mut Shaper,
    (left, right, y): (f32, f32, f32),
    title: &str,
    page: usize,
    total: usize,
) {
    let half = (right - left) / 2.0 - 8.0;
    let (l, _) = fit(
        shaper,
        "Kickoff kit · Type these notes into the map afterwards with Capture",
        NOTE,
        half,
    );
    let (r, _) = fit(
        shaper,
        &format!("{title} · worksheet {page} of {total}"),
        NOTE,
        half,
    );
    text(out, left, y - 2.0, &l, NOTE, colors::TEXT_MUTED, false);
    text(out, right, y - 2.0, &r, NOTE, colors::TEXT_MUTED, true);
}
