//! A poster printed across small sheets (A4, A3…) to be taped together.
//!
//! Each sheet prints its part of the poster inside a printable area (the sheet less a
//! 10 mm margin that office printers can reach). Neighbouring parts overlap by
//! `tile_overlap_mm`: the strip is printed on both sheets, with registration marks in it
//! (drawn in poster coordinates, so they fall on the very same spot of the poster on both
//! sheets). Crop marks stand at the printable area's corners, small ticks in the margin
//! show where the overlap starts, and the margin says which sheet this is and which sheets
//! join it. The sheet grid is centred on the poster, so the blank spare is split evenly.
//!
//! The first page is a sheet index: the whole poster small, the grid drawn over it and
//! every sheet labelled "row,column", so whoever assembles it knows what goes where.

use std::fmt::Write;

use super::legend;
use super::page::{document, paper_pt, round2, Poster};
use super::svg::{colors, esc, fine, num};
use super::{Background, ExportError, ExportOptions, Orientation, PageSvg, PaperSize, PT_PER_MM};

/// The unprinted border of every sheet, in millimetres.
pub const SHEET_MARGIN_MM: f32 = 10.0;
/// Crop marks: how far from the corner they start and how long they are (points).
const CROP_GAP: f32 = 3.0;
const CROP_LEN: f32 = 12.0;
/// Registration mark radius (points).
const REG_R: f32 = 5.0;
/// Marks print in registration black, thin.
const MARK: &str = "#000000";
/// Sheet-grid colour on the index page.
const GRID: &str = "#3b5bdb";

/// How a poster is cut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Grid {
    pub sheet_w: f32,
    pub sheet_h: f32,
    pub orientation: Orientation,
    pub rows: usize,
    pub columns: usize,
    /// The sheet's margin and the printable area's size.
    pub margin: f32,
    pub print_w: f32,
    pub print_h: f32,
    pub overlap: f32,
    /// Where sheet (0, 0)'s printable area starts on the poster (≤ 0: centred).
    pub origin_x: f32,
    pub origin_y: f32,
}

impl Grid {
    /// The sheet grid for a `width` × `height` poster on `sheet` paper in `orientation`.
    pub fn new(
        width: f32,
        height: f32,
        sheet: PaperSize,
        orientation: Orientation,
        overlap: f32,
    ) -> Option<Grid> {
        let (sheet_w, sheet_h) = paper_pt(sheet, orientation)?;
        let margin = SHEET_MARGIN_MM * PT_PER_MM;
        let (print_w, print_h) = (sheet_w - 2.0 * margin, sheet_h - 2.0 * margin);
        // An overlap as wide as the printable area would never advance.
        let overlap = overlap.min(print_w.min(print_h) / 2.0);
        let count = |size: f32, print: f32| -> usize {
            if size <= print + 0.01 {
                1
            } else {
                // Small tolerance: a poster that fits to a hundredth of a point fits.
                ((size - overlap - 0.01) / (print - overlap))
                    .ceil()
                    .max(1.0) as usize
            }
        };
        let columns = count(width, print_w);
        let rows = count(height, print_h);
        let covered_w = columns as f32 * (print_w - overlap) + overlap;
        let covered_h = rows as f32 * (print_h - overlap) + overlap;
        Some(Grid {
            sheet_w,
            sheet_h,
            orientation,
            rows,
            columns,
            margin,
            print_w,
            print_h,
            overlap,
            origin_x: -(covered_w - width) / 2.0,
            origin_y: -(covered_h - height) / 2.0,
        })
    }

    /// The grid that needs fewer sheets (portrait on a tie).
    pub fn best(width: f32, height: f32, sheet: PaperSize, overlap: f32) -> Option<Grid> {
        let p = Grid::new(width, height, sheet, Orientation::Portrait, overlap)?;
        let l = Grid::new(width, height, sheet, Orientation::Landscape, overlap)?;
        Some(if l.sheets() < p.sheets() { l } else { p })
    }

    pub fn sheets(&self) -> usize {
        self.rows * self.columns
    }

    /// The poster rectangle (x, y, w, h) printed on sheet (row, column), 0-based.
    pub fn region(&self, row: usize, column: usize) -> (f32, f32, f32, f32) {
        (
            self.origin_x + column as f32 * (self.print_w - self.overlap),
            self.origin_y + row as f32 * (self.print_h - self.overlap),
            self.print_w,
            self.print_h,
        )
    }
}

/// "Row r · Column c", 1-based.
pub fn sheet_label(row: usize, column: usize) -> String {
    format!("Row {} · Column {}", row + 1, column + 1)
}

/// The overview page followed by the sheets, row by row.
pub(crate) fn tile(
    poster: &Poster,
    opts: &ExportOptions,
    sheet: PaperSize,
) -> Result<Vec<PageSvg>, ExportError> {
    let overlap = opts.tile_overlap_mm * PT_PER_MM;
    let grid = Grid::best(poster.width, poster.height, sheet, overlap).ok_or_else(|| {
        ExportError::BadOptions("tile must be a paper size such as A4 or A3, not fit".into())
    })?;
    let mut pages = Vec::with_capacity(grid.sheets() + 1);
    pages.push(index_page(poster, &grid, sheet, opts));
    for row in 0..grid.rows {
        for column in 0..grid.columns {
            pages.push(sheet_page(poster, &grid, row, column, opts));
        }
    }
    Ok(pages)
}

fn paper_name(sheet: PaperSize) -> &'static str {
    match sheet {
        PaperSize::Fit => "fit",
        PaperSize::A4 => "A4",
        PaperSize::A3 => "A3",
        PaperSize::A2 => "A2",
        PaperSize::A1 => "A1",
        PaperSize::A0 => "A0",
        PaperSize::Letter => "Letter",
        PaperSize::Tabloid => "Tabloid",
    }
}

fn sheet_page(
    poster: &Poster,
    g: &Grid,
    row: usize,
    column: usize,
    opts: &ExportOptions,
) -> PageSvg {
    let label = sheet_label(row, column);
    let (x0, y0, pw, ph) = g.region(row, column);
    let m = g.margin;
    let poster_body = poster.body(Some((x0, y0, x0 + pw, y0 + ph)));
    let mut body = String::with_capacity(poster_body.len() + 4096);
    if opts.background == Background::White {
        let _ = writeln!(
            body,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
            num(g.sheet_w),
            num(g.sheet_h)
        );
    }
    let _ = writeln!(
        body,
        "<defs><clipPath id=\"sheet-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        num(m),
        num(m),
        num(pw),
        num(ph)
    );
    let _ = writeln!(
        body,
        "<g clip-path=\"url(#sheet-clip)\"><g transform=\"translate({} {})\">",
        fine(m - x0),
        fine(m - y0)
    );
    body.push_str(&poster_body);
    registration_marks(&mut body, g, row, column);
    body.push_str("</g></g>\n");

    crop_marks(&mut body, g);
    overlap_ticks(&mut body, g, row, column);
    neighbours(&mut body, g, row, column);

    // The sheet's name in the bottom margin, left; the poster's name right.
    let base = g.sheet_h - m / 2.0 + 4.0;
    let _ = writeln!(
        body,
        "<text x=\"{}\" y=\"{}\" font-size=\"7.5\" font-weight=\"600\" fill=\"{}\">{} <tspan font-weight=\"400\" fill=\"{}\">of {} × {}</tspan></text>",
        num(m + 16.0),
        num(base),
        colors::TEXT,
        esc(&label),
        colors::TEXT_MUTED,
        g.rows,
        g.columns
    );
    let _ = writeln!(
        body,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"7.5\" font-weight=\"400\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
        num(g.sheet_w - m - 16.0),
        num(base),
        colors::TEXT_MUTED,
        esc(&short(&poster.title, 48))
    );

    let title = format!("{} — {}", poster.title, label);
    PageSvg {
        svg: document(g.sheet_w, g.sheet_h, &title, &body),
        width_pt: g.sheet_w,
        height_pt: g.sheet_h,
        label: Some(label),
    }
}

/// A name cut to `max` characters with "…" (for the margins, which have fixed room).
fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Two short lines in the margin at each corner of the printable area.
fn crop_marks(out: &mut String, g: &Grid) {
    let (l, t) = (g.margin, g.margin);
    let (r, b) = (g.margin + g.print_w, g.margin + g.print_h);
    let _ = write!(
        out,
        "<g class=\"crop-marks\" stroke=\"{MARK}\" stroke-width=\"0.5\" fill=\"none\">"
    );
    for (x, y, dx, dy) in [
        (l, t, -1.0, -1.0),
        (r, t, 1.0, -1.0),
        (l, b, -1.0, 1.0),
        (r, b, 1.0, 1.0),
    ] {
        let _ = write!(
            out,
            "<path d=\"M{} {} H{} M{} {} V{}\"/>",
            num(x + dx * CROP_GAP),
            num(y),
            num(x + dx * (CROP_GAP + CROP_LEN)),
            num(x),
            num(y + dy * CROP_GAP),
            num(y + dy * (CROP_GAP + CROP_LEN))
        );
    }
    out.push_str("</g>\n");
}

/// Short dashed ticks in the margin where each overlap strip begins, so a sheet can be
/// trimmed or laid to the line.
fn overlap_ticks(out: &mut String, g: &Grid, row: usize, column: usize) {
    if g.overlap <= 0.0 {
        return;
    }
    let (l, t) = (g.margin, g.margin);
    let (r, b) = (g.margin + g.print_w, g.margin + g.print_h);
    let len = g.margin * 0.38;
    let mut d = String::new();
    let mut xs = Vec::new();
    if column > 0 {
        xs.push(l + g.overlap);
    }
    if column + 1 < g.columns {
        xs.push(r - g.overlap);
    }
    for x in xs {
        let _ = write!(
            d,
            "M{} {} V{} M{} {} V{} ",
            num(x),
            num(t - len),
            num(t - CROP_GAP),
            num(x),
            num(b + CROP_GAP),
            num(b + len)
        );
    }
    let mut ys = Vec::new();
    if row > 0 {
        ys.push(t + g.overlap);
    }
    if row + 1 < g.rows {
        ys.push(b - g.overlap);
    }
    for y in ys {
        let _ = write!(
            d,
            "M{} {} H{} M{} {} H{} ",
            num(l - len),
            num(y),
            num(l - CROP_GAP),
            num(r + CROP_GAP),
            num(y),
            num(r + len)
        );
    }
    if !d.is_empty() {
        let _ = writeln!(
            out,
            "<path class=\"overlap-ticks\" d=\"{}\" fill=\"none\" stroke=\"{MARK}\" stroke-width=\"0.5\" stroke-dasharray=\"2 1.5\"/>",
            d.trim_end()
        );
    }
}

/// Registration marks in the overlap strips this sheet shares, in poster coordinates.
fn registration_marks(out: &mut String, g: &Grid, row: usize, column: usize) {
    let (x0, y0, pw, ph) = g.region(row, column);
    let step_x = g.print_w - g.overlap;
    let step_y = g.print_h - g.overlap;
    let mut marks = Vec::new();
    // Vertical seams: left of this sheet (with column - 1) and right (with column + 1).
    for seam in [
        column.checked_sub(1),
        (column + 1 < g.columns).then_some(column),
    ]
    .into_iter()
    .flatten()
    {
        let x = g.origin_x + (seam + 1) as f32 * step_x + g.overlap / 2.0;
        marks.push((x, y0 + ph * 0.25));
        marks.push((x, y0 + ph * 0.75));
    }
    for seam in [row.checked_sub(1), (row + 1 < g.rows).then_some(row)]
        .into_iter()
        .flatten()
    {
        let y = g.origin_y + (seam + 1) as f32 * step_y + g.overlap / 2.0;
        marks.push((x0 + pw * 0.25, y));
        marks.push((x0 + pw * 0.75, y));
    }
    if marks.is_empty() {
        return;
    }
    let _ = write!(out, "<g class=\"registration-marks\">");
    for (x, y) in marks {
        registration_mark(out, x, y);
    }
    out.push_str("</g>\n");
}

/// A target: a white disc (so the mark reads over the map), a ring and a cross.
fn registration_mark(out: &mut String, x: f32, y: f32) {
    let arm = REG_R * 1.7;
    let _ = write!(
        out,
        "<circle cx=\"{0}\" cy=\"{1}\" r=\"{2}\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"{MARK}\" stroke-width=\"0.5\"/><path d=\"M{3} {1} H{4} M{0} {5} V{6}\" stroke=\"{MARK}\" stroke-width=\"0.5\"/><circle cx=\"{0}\" cy=\"{1}\" r=\"1\" fill=\"{MARK}\"/>",
        num(x),
        num(y),
        num(REG_R),
        num(x - arm),
        num(x + arm),
        num(y - arm),
        num(y + arm)
    );
}

/// In the middle of each margin that has a neighbour: an arrow towards it and its "r,c".
fn neighbours(out: &mut String, g: &Grid, row: usize, column: usize) {
    let m = g.margin;
    let (cx, cy) = (g.sheet_w / 2.0, g.sheet_h / 2.0);
    let arrow = colors::TEXT_FAINT;
    let ink = colors::TEXT_MUTED;
    let mut item = |x: f32, y: f32, rot: f32, text_y: f32, arrow_d: &str, r: usize, c: usize| {
        let _ = writeln!(
            out,
            "<g class=\"neighbour\" transform=\"translate({} {}) rotate({})\"><path d=\"{arrow_d}\" fill=\"{arrow}\"/><text y=\"{}\" text-anchor=\"middle\" font-size=\"7\" font-weight=\"600\" fill=\"{ink}\">{},{}</text></g>",
            num(x),
            num(y),
            num(rot),
            num(text_y),
            r + 1,
            c + 1
        );
    };
    // Pointing up (towards the neighbour) with the text under it; turned for the sides.
    const UP: &str = "M0 -9 l3.5 4.5 h-7 Z";
    if row > 0 {
        item(cx, m / 2.0, 0.0, 4.0, UP, row - 1, column);
    }
    if column > 0 {
        item(m / 2.0, cy, -90.0, 4.0, UP, row, column - 1);
    }
    if column + 1 < g.columns {
        item(g.sheet_w - m / 2.0, cy, 90.0, 4.0, UP, row, column + 1);
    }
    if row + 1 < g.rows {
        // The text stays upright: above the arrow, which points down.
        item(
            cx,
            g.sheet_h - m / 2.0,
            0.0,
            0.5,
            "M0 8 l3.5 -4.5 h-7 Z",
            row + 1,
            column,
        );
    }
}

/// The first page: the poster in small with the sheet grid over it.
fn index_page(poster: &Poster, g: &Grid, sheet: PaperSize, opts: &ExportOptions) -> PageSvg {
    let orientation = if poster.width >= poster.height {
        Orientation::Landscape
    } else {
        Orientation::Portrait
    };
    let (w, h) = paper_pt(sheet, orientation).unwrap_or((g.sheet_w, g.sheet_h));
    let m = g.margin;
    let poster_body = poster.body(None);
    let mut body = String::with_capacity(poster_body.len() + 4096);
    if opts.background == Background::White {
        let _ = writeln!(
            body,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
            num(w),
            num(h)
        );
    }

    // Heading.
    legend::heading(&mut body, "SHEET INDEX", m, m + 7.0);
    let _ = writeln!(
        body,
        "<text x=\"{}\" y=\"{}\" font-size=\"16\" font-weight=\"600\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
        num(m),
        num(m + 26.0),
        colors::TEXT,
        esc(&short(&poster.title, 60))
    );
    let orient = match g.orientation {
        Orientation::Portrait => "portrait",
        Orientation::Landscape => "landscape",
    };
    let overlap_mm = (g.overlap / PT_PER_MM * 10.0).round() / 10.0;
    let _ = writeln!(
        body,
        "<text x=\"{}\" y=\"{}\" font-size=\"8.5\" font-weight=\"400\" fill=\"{}\">{} sheets of {} {} · {} rows × {} columns · {} mm overlap</text>",
        num(m),
        num(m + 42.0),
        colors::TEXT_MUTED,
        g.sheets(),
        paper_name(sheet),
        orient,
        g.rows,
        g.columns,
        overlap_mm
    );
    let _ = writeln!(
        body,
        "<text x=\"{}\" y=\"{}\" font-size=\"8.5\" font-weight=\"400\" fill=\"{}\">Lay the sheets out as below, row by row. Overlap neighbours until their registration marks coincide, then tape.</text>",
        num(m),
        num(m + 54.0),
        colors::TEXT_MUTED
    );

    // The poster, scaled into the rest of the page.
    let top = m + 70.0;
    let (aw, ah) = (w - 2.0 * m, h - top - m);
    // The whole area the sheets cover (it reaches past the poster by the spare).
    let (gx0, gy0) = (g.origin_x.min(0.0), g.origin_y.min(0.0));
    let gw = (g.columns as f32 * (g.print_w - g.overlap) + g.overlap).max(poster.width);
    let gh = (g.rows as f32 * (g.print_h - g.overlap) + g.overlap).max(poster.height);
    let s = (aw / gw).min(ah / gh);
    let ox = m + (aw - gw * s) / 2.0 - gx0 * s;
    let oy = top + (ah - gh * s) / 2.0 - gy0 * s;
    let _ = writeln!(
        body,
        "<g transform=\"translate({} {}) scale({})\">",
        fine(ox),
        fine(oy),
        fine(s)
    );
    // A frame around the poster page, then the poster.
    let _ = writeln!(
        body,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"{}\"/>",
        num(poster.width),
        num(poster.height),
        colors::GRID_STRONG,
        fine(1.0 / s)
    );
    body.push_str(&poster_body);

    // The sheet grid: each sheet's printable area, overlaps tinted, each labelled.
    let stroke = 1.25 / s;
    let _ = write!(
        body,
        "<g class=\"sheet-grid\" fill=\"{GRID}\" fill-opacity=\"0.04\" stroke=\"{GRID}\" stroke-width=\"{}\">",
        fine(stroke)
    );
    for row in 0..g.rows {
        for column in 0..g.columns {
            let (x, y, rw, rh) = g.region(row, column);
            let _ = write!(
                body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                num(x),
                num(y),
                num(rw),
                num(rh)
            );
        }
    }
    body.push_str("</g>\n");
    let size = ((g.print_w.min(g.print_h)) * 0.16).min(22.0 / s);
    for row in 0..g.rows {
        for column in 0..g.columns {
            let (x, y, rw, rh) = g.region(row, column);
            let (cx, cy) = (x + rw / 2.0, y + rh / 2.0 + size * 0.36);
            let text = format!("{},{}", row + 1, column + 1);
            let _ = write!(
                body,
                "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" font-size=\"{2}\" font-weight=\"600\" fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"{3}\" stroke-linejoin=\"round\">{4}</text><text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" font-size=\"{2}\" font-weight=\"600\" fill=\"{5}\">{4}</text>",
                num(cx),
                num(cy),
                num(size),
                num(size * 0.25),
                text,
                GRID
            );
        }
    }
    body.push_str("</g>\n");

    let title = format!("{} — sheet index", poster.title);
    PageSvg {
        svg: document(w, h, &title, &body),
        width_pt: round2(w),
        height_pt: round2(h),
        label: Some("Sheet index".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers(g: &Grid, w: f32, h: f32) -> bool {
        let n = 60;
        (0..=n).all(|i| {
            (0..=n).all(|j| {
                let (x, y) = (w * i as f32 / n as f32, h * j as f32 / n as f32);
                (0..g.rows).any(|r| {
                    (0..g.columns).any(|c| {
                        let (rx, ry, rw, rh) = g.region(r, c);
                        x >= rx - 0.01
                            && x <= rx + rw + 0.01
                            && y >= ry - 0.01
                            && y <= ry + rh + 0.01
                    })
                })
            })
        })
    }

    #[test]
    fn a1_landscape_on_a4_is_three_rows_of_five_portrait_sheets() {
        let g = Grid::best(2383.94, 1683.78, PaperSize::A4, 10.0 * PT_PER_MM).unwrap();
        assert_eq!(
            (g.rows, g.columns, g.orientation),
            (3, 5, Orientation::Portrait)
        );
        assert!(covers(&g, 2383.94, 1683.78));
        // The spare is split evenly: the grid sticks out as much left as right.
        let (x0, _, _, _) = g.region(0, 0);
        let (x1, _, w1, _) = g.region(0, g.columns - 1);
        assert!((-x0 - (x1 + w1 - 2383.94)).abs() < 0.01);
    }

    #[test]
    fn grids_cover_posters_of_any_shape() {
        for (w, h) in [
            (100.0, 100.0),
            (3000.0, 200.0),
            (200.0, 3000.0),
            (3370.0, 2384.0),
        ] {
            for sheet in [PaperSize::A4, PaperSize::A3, PaperSize::Letter] {
                for overlap in [0.0, 10.0 * PT_PER_MM, 50.0 * PT_PER_MM] {
                    let g = Grid::best(w, h, sheet, overlap).unwrap();
                    assert!(covers(&g, w, h), "{w}×{h} on {sheet:?}, overlap {overlap}");
                    // No sheet is wasted: one column (row) fewer would not reach.
                    let step = g.print_w - g.overlap;
                    assert!(g.columns == 1 || (g.columns - 1) as f32 * step + g.overlap < w);
                    let step = g.print_h - g.overlap;
                    assert!(g.rows == 1 || (g.rows - 1) as f32 * step + g.overlap < h);
                }
            }
        }
    }

    /// A sheet holds only the cards and connectors it shows, and looks exactly as if it
    /// held the whole poster.
    #[test]
    fn sheets_leave_out_only_what_they_do_not_show() {
        let doc: waymark_model::Document = serde_json::from_str(include_str!(
            "../../../../../assets/templates/nonprofit-supporter.json"
        ))
        .unwrap();
        let scene = crate::Layouter::new()
            .layout(&doc, &doc.maps[0].id)
            .unwrap();
        let opts = ExportOptions {
            page: PaperSize::A1,
            orientation: Orientation::Landscape,
            ..ExportOptions::default()
        };
        let info = super::super::ExportInfo {
            title: "T".into(),
            author: String::new(),
            persona: String::new(),
            date: String::new(),
        };
        let poster = super::super::page::poster(&scene, &opts, &info);
        let g = Grid::best(poster.width, poster.height, PaperSize::A4, 10.0 * PT_PER_MM).unwrap();
        let render = |body: &str, (x, y, w, h): (f32, f32, f32, f32)| {
            let svg = document(poster.width, poster.height, "t", body);
            let tree = super::super::parse_svg(&svg).unwrap();
            let s = 0.5;
            let mut pixmap =
                resvg::tiny_skia::Pixmap::new((w * s).ceil() as u32, (h * s).ceil() as u32)
                    .unwrap();
            resvg::render(
                &tree,
                resvg::tiny_skia::Transform::from_row(s, 0.0, 0.0, s, -x * s, -y * s),
                &mut pixmap.as_mut(),
            );
            pixmap
        };
        let whole = poster.body(None);
        let cards = |body: &str| body.matches("<g class=\"card\">").count();
        let mut shown = 0;
        for row in 0..g.rows {
            for column in 0..g.columns {
                let (x, y, w, h) = g.region(row, column);
                let part = poster.body(Some((x, y, x + w, y + h)));
                assert!(
                    cards(&part) < cards(&whole),
                    "sheet {row},{column} holds every card"
                );
                shown += cards(&part);
                let (a, b) = (render(&part, (x, y, w, h)), render(&whole, (x, y, w, h)));
                assert!(a.data() == b.data(), "sheet {row},{column} differs");
            }
        }
        assert!(shown >= scene.cards.len());
    }

    #[test]
    fn labels_count_from_one() {
        assert_eq!(sheet_label(0, 1), "Row 1 · Column 2");
    }
}
