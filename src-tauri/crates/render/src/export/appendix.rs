//! The PDF appendix: pages after the map with what the strategist planned around it
//! (DOMAIN.md, seed 004), to print as handouts.
//!
//! - **Channels**: each channel as a member of the team: its kind, role title, purpose,
//!   responsibilities, owner and the channels it works with, and its SMART goals as a
//!   table with the latest reviewed month's status.
//! - **Passion points**: every passion point's KPIs in one table, with their status and
//!   the rule the statuses follow ([`STATUS_RULE`]).
//!
//! Statuses come from [`waymark_model::strategy_report`], the same report the app's views
//! read, so paper and screen agree. Pages are laid out on an A4-wide sheet and scaled to
//! the paper: the map's own paper size in portrait (A4 for a page fitted to the map, the
//! sheet size for a tiled poster). Every string is wrapped with the bundled font into its
//! column and flows onto further pages (a table repeats its header; a row taller than a
//! page is split between lines), so nothing is clipped and nothing overlaps; all user
//! text is escaped.

use std::fmt::Write;

use waymark_model::{
    strategy_report, Better, Channel, ChannelReport, Document, Map, Num, PassionPointReport,
    SmartGoal, SmartPart, Status, StrategyReport, STATUS_RULE,
};

mod votes;

pub(super) mod workshop_summary;

use super::legend::{heading, heading_width};
use super::page::{document, paper_pt};
use super::svg::{colors, esc, fine, num};
use super::{ExportFormat, ExportInfo, ExportOptions, Orientation, PageSvg, PaperSize, PT_PER_MM};
use crate::fonts::TextStyle;
use crate::palette;
use crate::text::Shaper;

/// The width every appendix page is laid out at (A4's, in points); other paper scales it.
const LAYOUT_WIDTH: f32 = 595.28;
/// The appendix keeps at least this margin (at A4 scale), whatever the map's pages use:
/// text printed at the paper's edge is lost to most printers.
const MIN_MARGIN_MM: f32 = 12.0;

const fn style(size: f32, line_height: f32, weight: u16) -> TextStyle {
    TextStyle {
        size,
        line_height,
        weight,
    }
}

/// Section titles.
const H1: TextStyle = style(18.0, 24.0, 600);
/// Channel names.
const H2: TextStyle = style(13.0, 18.0, 600);
/// Running text and field values.
const TEXT: TextStyle = style(9.0, 13.0, 400);
/// Table cells; notes in cells are smaller on the same line height.
const CELL: TextStyle = style(8.5, 12.0, 400);
const CELL_STRONG: TextStyle = style(8.5, 12.0, 600);
const CELL_NOTE: TextStyle = style(7.5, 12.0, 400);
/// Status chips.
const CHIP: TextStyle = style(7.0, 9.0, 600);
/// The running foot of every page.
const FOOT: TextStyle = style(7.5, 10.0, 400);

/// Inner padding of a table cell.
const CELL_PAD_X: f32 = 5.0;
const CELL_PAD_Y: f32 = 4.5;
/// A table's header row.
const TABLE_HEAD: f32 = 18.0;
/// Between a field's label column and its value.
const LABEL_GAP: f32 = 12.0;
/// A bullet's indent.
const BULLET_INDENT: f32 = 10.0;
/// Between two items of a bulleted list.
const BULLET_GAP: f32 = 2.0;
/// Between blocks of one channel, and between channels.
const GAP: f32 = 7.0;
const CHANNEL_GAP: f32 = 22.0;
/// The foot band at the bottom of every page (rule + one line).
const FOOT_BAND: f32 = 22.0;

/// The appendix's pages for `doc`, or none when `opts` does not ask for it (it is printed
/// in PDFs only: a PNG or SVG is one picture).
pub fn appendix_pages(doc: &Document, opts: &ExportOptions, info: &ExportInfo) -> Vec<PageSvg> {
    if !opts.appendix || opts.format != ExportFormat::Pdf {
        return Vec::new();
    }
    strategy_pages(doc, info, appendix_paper(opts), opts.margin_mm, None)
}

/// The kickoff kit's handouts on A4: one channel per page (its job description and SMART
/// goals), the passion-point KPI sheet, and `map`'s voting results (none without a round).
pub(super) fn kit_handouts(
    doc: &Document,
    map: &Map,
    info: &ExportInfo,
    margin_mm: f32,
) -> Vec<PageSvg> {
    let a4 = paper_pt(PaperSize::A4, Orientation::Portrait).unwrap_or((595.28, 841.89));
    strategy_pages(doc, info, a4, margin_mm, Some(map))
}

/// The channels and passion points (and, for the kit, `kit`'s voting results) flowed
/// down pages of `paper_w` × `paper_h` points.
fn strategy_pages(
    doc: &Document,
    info: &ExportInfo,
    (paper_w, paper_h): (f32, f32),
    margin_mm: f32,
    kit: Option<&Map>,
) -> Vec<PageSvg> {
    let scale = paper_w / LAYOUT_WIDTH;
    let (w, h) = (LAYOUT_WIDTH, paper_h / scale);
    // The export's margin on the paper, but at least the minimum at A4 scale, so that a
    // large sheet keeps the proportions of an A4 page.
    let margin = (margin_mm.clamp(0.0, 50.0) * PT_PER_MM / scale).max(MIN_MARGIN_MM * PT_PER_MM);
    let report = strategy_report(doc);
    let mut flow = Flow::new(margin, w - 2.0 * margin, margin, h - margin - FOOT_BAND);
    flow.section = "Channels";
    match kit {
        Some(_) if !doc.channels.is_empty() => {
            handouts(&mut flow, doc, &report, &info.title);
            flow.break_page();
        }
        Some(_) => {}
        None => {
            channels(&mut flow, doc, &report);
            flow.break_page();
        }
    }
    flow.section = "Passion points";
    passion_points(&mut flow, doc, &report);
    if let Some(map) = kit {
        votes::voting_results(&mut flow, doc, map);
    }
    let (bodies, mut shaper) = flow.finish();

    let title = if info.title.trim().is_empty() {
        "Journey map".to_string()
    } else {
        info.title.clone()
    };
    let (part, label) = match kit {
        Some(_) => ("Kickoff kit", "Handout"),
        None => ("Appendix", "Appendix"),
    };
    let total = bodies.len();
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, (section, content))| {
            let mut body = String::with_capacity(content.len() + 1024);
            let _ = writeln!(
                body,
                "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
                num(paper_w),
                num(paper_h)
            );
            let _ = writeln!(
                body,
                "<g class=\"appendix\" transform=\"scale({})\">",
                fine(scale)
            );
            body.push_str(&content);
            foot(
                &mut body,
                &mut shaper,
                (margin, w - margin, h - margin),
                &format!("{part} · {section}"),
                &format!("{title} · page {} of {total}", i + 1),
            );
            body.push_str("</g>\n");
            PageSvg {
                svg: document(
                    paper_w,
                    paper_h,
                    &format!("{title} · {}", label.to_lowercase()),
                    &body,
                ),
                width_pt: paper_w,
                height_pt: paper_h,
                label: Some(format!("{label} page {} of {total}", i + 1)),
            }
        })
        .collect()
}

/// The appendix's paper in points: the map's paper in portrait, A4 when the map's page is
/// fitted to it, the sheet when the map is a tiled poster.
fn appendix_paper(opts: &ExportOptions) -> (f32, f32) {
    let paper = match opts.tile {
        Some(sheet) if sheet != PaperSize::Fit => sheet,
        _ => opts.page,
    };
    paper_pt(paper, Orientation::Portrait)
        .or_else(|| paper_pt(PaperSize::A4, Orientation::Portrait))
        .unwrap_or((595.28, 841.89))
}

/// The rule and line at the foot of a page: the section on the left, the page on the right.
fn foot(
    out: &mut String,
    shaper: &mut Shaper,
    (left, right, y): (f32, f32, f32),
    l: &str,
    r: &str,
) {
    let rule = y - FOOT_BAND + 8.0;
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{}\" stroke-width=\"0.5\"/>",
        num(left),
        num(rule),
        num(right),
        colors::GRID_STRONG
    );
    let half = (right - left) / 2.0 - 8.0;
    let fit = |shaper: &mut Shaper, s: &str| {
        shaper
            .fit_one_line(s, FOOT, half)
            .lines
            .first()
            .map(|l| l.text.clone())
            .unwrap_or_default()
    };
    let (l, r) = (fit(shaper, l), fit(shaper, r));
    let base = y - 2.0;
    text_at(out, left, base, &l, FOOT, colors::TEXT_MUTED, false);
    text_at(out, right, base, &r, FOOT, colors::TEXT_MUTED, true);
}

/// One line of text at a baseline; `end` anchors it at its right end.
fn text_at(out: &mut String, x: f32, y: f32, s: &str, st: TextStyle, fill: &str, end: bool) {
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

// ---- the flow: content placed down pages ---------------------------------------------

/// A wrapped line: its text and its baseline below the top of its line box.
#[derive(Debug, Clone)]
struct Wrapped {
    text: String,
    base: f32,
}

/// Places blocks down the page and starts a new page when one does not fit.
struct Flow {
    shaper: Shaper,
    /// Finished pages: the section they belong to and their content.
    pages: Vec<(&'static str, String)>,
    out: String,
    y: f32,
    left: f32,
    width: f32,
    top: f32,
    bottom: f32,
    /// The section being written (named at the foot of its pages).
    section: &'static str,
    /// What a page continues, printed at its top ("Email (continued)").
    context: Option<String>,
}

impl Flow {
    fn new(left: f32, width: f32, top: f32, bottom: f32) -> Flow {
        Flow {
            shaper: Shaper::new(),
            pages: Vec::new(),
            out: String::new(),
            y: top,
            left,
            width,
            top,
            bottom,
            section: "",
            context: None,
        }
    }

    fn right(&self) -> f32 {
        self.left + self.width
    }

    fn room(&self) -> f32 {
        self.bottom - self.y
    }

    /// The height a page holds.
    fn page_height(&self) -> f32 {
        self.bottom - self.top
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.01
    }

    fn break_page(&mut self) {
        let out = std::mem::take(&mut self.out);
        self.pages.push((self.section, out));
        self.y = self.top;
        if let Some(context) = self.context.clone() {
            let lines = self.wrap(&format!("{context} (continued)"), CELL_STRONG, self.width);
            for l in &lines {
                let (x, y) = (self.left, self.y + l.base);
                text_at(
                    &mut self.out,
                    x,
                    y,
                    &l.text,
                    CELL_STRONG,
                    colors::TEXT_MUTED,
                    false,
                );
                self.y += CELL_STRONG.line_height;
            }
            self.y += 6.0;
        }
    }

    /// Makes room for `h`: a new page when it does not fit here (unless this page is
    /// still empty, where waiting would not help).
    fn ensure(&mut self, h: f32) {
        if h > self.room() && !self.at_top() {
            self.break_page();
        }
    }

    /// The pages, the last one included (and the shaper, for the pages' feet).
    fn finish(mut self) -> (Vec<(&'static str, String)>, Shaper) {
        self.context = None;
        self.break_page();
        (self.pages, self.shaper)
    }

    /// How much height `f` takes when written here, without writing it.
    fn measure(&mut self, f: impl FnOnce(&mut Flow)) -> f32 {
        let (y, bottom, len, pages) = (self.y, self.bottom, self.out.len(), self.pages.len());
        let context = self.context.clone();
        self.bottom = f32::MAX / 4.0;
        f(self);
        let h = self.y - y;
        self.out.truncate(len);
        self.pages.truncate(pages);
        self.y = y;
        self.bottom = bottom;
        self.context = context;
        h
    }

    /// `text` wrapped to `width`, one entry per visual line.
    fn wrap(&mut self, text: &str, st: TextStyle, width: f32) -> Vec<Wrapped> {
        let block = self.shaper.wrap(text, st, Some(width.max(1.0)));
        block
            .lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| Wrapped {
                base: l.baseline - i as f32 * st.line_height,
                text: l.text,
            })
            .collect()
    }

    fn space(&mut self, h: f32) {
        self.y = (self.y + h).min(self.bottom);
    }

    /// A section title, kept with what follows it.
    fn title(&mut self, text: &str) {
        self.ensure(H1.line_height + 80.0);
        let lines = self.wrap(text, H1, self.width);
        for l in lines {
            let (x, y) = (self.left, self.y + l.base);
            text_at(&mut self.out, x, y, &l.text, H1, colors::TEXT, false);
            self.y += H1.line_height;
        }
        self.y += 6.0;
    }

    /// Lines of text at `x`, flowing onto the next page line by line; kept together
    /// when they fit on one page. Returns the baseline of the first line.
    fn lines(&mut self, lines: &[Wrapped], x: f32, st: TextStyle, fill: &str) -> Option<f32> {
        let whole = lines.len() as f32 * st.line_height;
        if whole <= self.page_height() {
            self.ensure(whole);
        }
        let mut first = None;
        for l in lines {
            self.ensure(st.line_height);
            let y = self.y + l.base;
            first.get_or_insert(y);
            text_at(&mut self.out, x, y, &l.text, st, fill, false);
            self.y += st.line_height;
        }
        first
    }

    fn paragraph(&mut self, text: &str, st: TextStyle, fill: &str) {
        let lines = self.wrap(text, st, self.width);
        self.lines(&lines, self.left, st, fill);
    }

    /// A labelled field: the label (small capitals) in the left column, the value wrapped
    /// in the right one.
    fn field(&mut self, label: &str, label_w: f32, value: &str, fill: &str) {
        let x = self.left + label_w + LABEL_GAP;
        let lines = self.wrap(value, TEXT, self.right() - x);
        if let Some(base) = self.lines(&lines, x, TEXT, fill) {
            heading(&mut self.out, label, self.left, base);
        }
    }

    /// A bulleted list in the value column, under a label.
    fn bullets(&mut self, label: &str, label_w: f32, items: &[&str]) {
        let x = self.left + label_w + LABEL_GAP;
        for (i, item) in items.iter().enumerate() {
            let lines = self.wrap(item, TEXT, self.right() - x - BULLET_INDENT);
            if let Some(base) = self.lines(&lines, x + BULLET_INDENT, TEXT, colors::TEXT) {
                text_at(
                    &mut self.out,
                    x + 1.0,
                    base,
                    "•",
                    TEXT,
                    colors::TEXT_MUTED,
                    false,
                );
                if i == 0 {
                    heading(&mut self.out, label, self.left, base);
                }
            }
            self.space(BULLET_GAP);
        }
    }

    fn rule(&mut self, color: &str, width: f32) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{color}\" stroke-width=\"{}\"/>",
            num(self.left),
            num(self.y),
            num(self.right()),
            num(width)
        );
    }

    // ---- tables ---------------------------------------------------------------------

    /// A table across the page: a header row, then the rows, the header repeated on
    /// every page the table continues on.
    fn table(&mut self, columns: &[Column], rows: Vec<Row>) {
        let first = rows.first().map_or(0.0, Row::height);
        self.ensure(TABLE_HEAD + first.min(self.page_height() / 2.0));
        self.table_head(columns);
        let mut fresh = true; // no row yet under this page's header
        for row in rows {
            let mut cells = match (&row.continued, fresh && !row.group_start) {
                (Some(c), true) => c.clone(),
                _ => row.cells.clone(),
            };
            let mut group_start = row.group_start;
            loop {
                let h = row_height(&cells);
                if h <= self.room() {
                    self.table_row(columns, &cells, h, group_start && !fresh);
                    fresh = false;
                    break;
                }
                if !fresh && h <= self.page_height() - TABLE_HEAD {
                    self.break_page();
                    self.table_head(columns);
                    fresh = true;
                    if let (Some(c), false) = (&row.continued, group_start) {
                        cells = c.clone();
                    }
                    continue;
                }
                // Taller than a page (or than what is left under a fresh header): print
                // the lines that fit, and the rest on the next page.
                let n =
                    (((self.room() - 2.0 * CELL_PAD_Y) / CELL.line_height).floor() as usize).max(1);
                let (now, rest): (Vec<Cell>, Vec<Cell>) = cells
                    .iter()
                    .map(|c| {
                        let k = n.min(c.lines.len());
                        (
                            Cell {
                                lines: c.lines[..k].to_vec(),
                            },
                            Cell {
                                lines: c.lines[k..].to_vec(),
                            },
                        )
                    })
                    .unzip();
                let h = row_height(&now);
                self.table_row(columns, &now, h, group_start && !fresh);
                fresh = false;
                if rest.iter().all(|c| c.lines.is_empty()) {
                    break;
                }
                cells = rest;
                group_start = false;
                self.break_page();
                self.table_head(columns);
                fresh = true;
            }
        }
        self.rule(colors::GRID_STRONG, 0.75);
    }

    fn table_head(&mut self, columns: &[Column]) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            num(self.left),
            num(self.y),
            num(self.width),
            num(TABLE_HEAD),
            colors::GUTTER
        );
        let mut x = self.left;
        for c in columns {
            heading(&mut self.out, c.title, x + CELL_PAD_X, self.y + 11.5);
            x += c.width;
        }
        self.y += TABLE_HEAD;
    }

    fn table_row(&mut self, columns: &[Column], cells: &[Cell], h: f32, strong_rule: bool) {
        if strong_rule {
            self.rule(colors::GRID_STRONG, 0.75);
        }
        let mut x = self.left;
        for (col, cell) in columns.iter().zip(cells) {
            let mut top = self.y + CELL_PAD_Y;
            for line in &cell.lines {
                match line {
                    Line::Text(w, st, fill) => {
                        text_at(
                            &mut self.out,
                            x + CELL_PAD_X,
                            top + w.base,
                            &w.text,
                            *st,
                            fill,
                            false,
                        );
                    }
                    Line::Chip(status, label_w) => {
                        chip(&mut self.out, x + CELL_PAD_X, top, *status, *label_w)
                    }
                }
                top += CELL.line_height;
            }
            x += col.width;
        }
        // A light rule under every row (group starts get a stronger one above).
        self.y += h;
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{}\" stroke-width=\"0.5\"/>",
            num(self.left),
            num(self.y),
            num(self.right()),
            colors::GRID
        );
    }

    /// A cell of `width` built line by line.
    fn cell(&mut self, width: f32) -> CellBuilder<'_> {
        CellBuilder {
            flow: self,
            width: (width - 2.0 * CELL_PAD_X).max(1.0),
            cell: Cell { lines: Vec::new() },
        }
    }
}

struct Column {
    title: &'static str,
    width: f32,
}

/// Columns from their titles and shares of the page's width.
fn columns(width: f32, spec: &[(&'static str, f32)]) -> Vec<Column> {
    let total: f32 = spec.iter().map(|(_, s)| s).sum();
    spec.iter()
        .map(|&(title, share)| Column {
            title,
            width: width * share / total,
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Line {
    Text(Wrapped, TextStyle, &'static str),
    /// A status chip and its label's width.
    Chip(Status, f32),
}

#[derive(Debug, Clone)]
struct Cell {
    lines: Vec<Line>,
}

#[derive(Debug, Clone)]
struct Row {
    cells: Vec<Cell>,
    /// The cells to print instead when the row opens a page in the middle of its group
    /// (a passion point's name again, for its second KPI on a new page).
    continued: Option<Vec<Cell>>,
    /// The first row of a group (a passion point): a stronger rule above it.
    group_start: bool,
}

impl Row {
    fn height(&self) -> f32 {
        let h = row_height(&self.cells);
        self.continued.as_ref().map_or(h, |c| h.max(row_height(c)))
    }
}

fn row_height(cells: &[Cell]) -> f32 {
    let lines = cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(0)
        .max(1);
    lines as f32 * CELL.line_height + 2.0 * CELL_PAD_Y
}

struct CellBuilder<'a> {
    flow: &'a mut Flow,
    width: f32,
    cell: Cell,
}

impl CellBuilder<'_> {
    fn text(mut self, text: &str, st: TextStyle, fill: &'static str) -> Self {
        for w in self.flow.wrap(text, st, self.width) {
            self.cell.lines.push(Line::Text(w, st, fill));
        }
        self
    }

    /// `text`, or a faint dash when it is blank.
    fn or_dash(self, text: &str) -> Self {
        if text.trim().is_empty() {
            self.text("—", CELL, colors::TEXT_FAINT)
        } else {
            self.text(text, CELL, colors::TEXT)
        }
    }

    fn chip(mut self, status: Status) -> Self {
        let w = self
            .flow
            .shaper
            .wrap(status_label(status), CHIP, None)
            .lines
            .first()
            .map_or(0.0, |l| l.width);
        self.cell.lines.push(Line::Chip(status, w));
        self
    }

    fn done(self) -> Cell {
        self.cell
    }
}

/// A status as a small chip on a line: tinted fill, dark border and text (readable in
/// print and on greyscale, where the words carry it).
fn chip(out: &mut String, x: f32, top: f32, status: Status, label_w: f32) {
    let (fill, ink) = status_colors(status);
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10.5\" rx=\"5.25\" fill=\"{fill}\" stroke=\"{ink}\" stroke-width=\"0.6\"/>",
        num(x),
        num(top + 0.75),
        num(label_w + 10.0)
    );
    text_at(
        out,
        x + 5.0,
        top + 8.5,
        status_label(status),
        CHIP,
        ink,
        false,
    );
}

pub(crate) fn status_label(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "On track",
        Status::AtRisk => "At risk",
        Status::OffTrack => "Off track",
    }
}

/// Fill and ink of a status chip.
fn status_colors(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::OnTrack => ("#d3f9d8", "#1e6b30"),
        Status::AtRisk => ("#fff3bf", "#8a5300"),
        Status::OffTrack => ("#ffe3e3", "#b02525"),
    }
}

/// A number as people write it: thousands grouped, at most two decimals (three under 1).
fn number(n: Num) -> String {
    let v = n.get();
    if !v.is_finite() {
        return "—".into();
    }
    let decimals = if v.abs() < 1.0 { 3 } else { 2 };
    let s = format!("{:.*}", decimals, v);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c != '0' && c != '.') => ("-", rest.to_string()),
        Some(rest) => ("", rest.to_string()),
        None => ("", s),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s, String::new()),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}{frac}")
}

/// A number and its unit ("1,200 sign-ups"), or `None` without a number.
fn amount(n: Option<Num>, unit: &str) -> Option<String> {
    let n = number(n?);
    Some(if unit.trim().is_empty() {
        n
    } else {
        format!("{n} {}", unit.trim())
    })
}

fn arrow(better: Better) -> &'static str {
    match better {
        Better::Up => "↑",
        Better::Down => "↓",
    }
}

fn part_name(part: SmartPart) -> &'static str {
    match part {
        SmartPart::Specific => "specific",
        SmartPart::Measurable => "measurable",
        SmartPart::Achievable => "target",
        SmartPart::Relevant => "relevant",
        SmartPart::TimeBound => "time-bound",
    }
}

/// What a goal's `relevant_to` names: a stage or a passion point, on any map.
fn relevant_name(doc: &Document, id: &str) -> String {
    for map in &doc.maps {
        if let Some(s) = map.stage(id) {
            return format!("{} (stage)", s.name);
        }
        if let Some(c) = map.card(id) {
            let what = if c.flags.passion_point {
                "passion point"
            } else {
                "card"
            };
            return format!("{} ({what})", c.title);
        }
    }
    id.to_string()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---- channels -------------------------------------------------------------------------

const FIELD_LABELS: [&str; 6] = [
    "ROLE",
    "PURPOSE",
    "OWNER",
    "WORKS WITH",
    "RESPONSIBILITIES",
    "SMART GOALS",
];

fn channels(flow: &mut Flow, doc: &Document, report: &StrategyReport) {
    flow.title("Channels");
    flow.paragraph(
        "Each channel is a member of the team: its job description and its SMART goals, with \
         the status in its latest reviewed month.",
        TEXT,
        colors::TEXT_MUTED,
    );
    flow.paragraph(&format!("Status — {STATUS_RULE}"), TEXT, colors::TEXT_MUTED);
    flow.space(14.0);
    if doc.channels.is_empty() {
        flow.paragraph("No channels yet.", TEXT, colors::TEXT_FAINT);
        return;
    }
    let label_w = FIELD_LABELS
        .iter()
        .map(|l| heading_width(&mut flow.shaper, l))
        .fold(0.0, f32::max);
    for (i, channel) in doc.channels.iter().enumerate() {
        let Some(rep) = report.channels.iter().find(|r| r.channel_id == channel.id) else {
            continue;
        };
        // A channel that fits on a page is not split: it starts a page if need be.
        let h = flow.measure(|f| channel_block(f, doc, i, channel, rep, label_w));
        flow.ensure(h + 12.0);
        if !flow.at_top() {
            flow.rule(colors::GRID, 0.5);
            flow.space(12.0);
        }
        channel_block(flow, doc, i, channel, rep, label_w);
        flow.context = None;
        flow.space(CHANNEL_GAP);
    }
}

/// The kit's channel handouts: each channel on a page of its own (more when its goals run
/// over), under a line saying whose handout it is, with the status rule at its foot.
fn handouts(flow: &mut Flow, doc: &Document, report: &StrategyReport, title: &str) {
    let label_w = FIELD_LABELS
        .iter()
        .map(|l| heading_width(&mut flow.shaper, l))
        .fold(0.0, f32::max);
    let kicker = if title.trim().is_empty() {
        "CHANNEL HANDOUT".to_string()
    } else {
        format!("CHANNEL HANDOUT · {}", title.trim().to_uppercase())
    };
    for (i, channel) in doc.channels.iter().enumerate() {
        let Some(rep) = report.channels.iter().find(|r| r.channel_id == channel.id) else {
            continue;
        };
        if !flow.at_top() {
            flow.context = None;
            flow.break_page();
        }
        let kicker_w = flow.width;
        let kicker = flow
            .shaper
            .fit_one_line(&kicker, CELL_NOTE, kicker_w)
            .lines
            .first()
            .map(|l| l.text.clone())
            .unwrap_or_default();
        let (x, y) = (flow.left, flow.y + 9.0);
        heading(&mut flow.out, &kicker, x, y);
        flow.space(16.0);
        flow.rule(colors::GRID_STRONG, 0.75);
        flow.space(14.0);
        channel_block(flow, doc, i, channel, rep, label_w);
        flow.context = None;
        flow.space(14.0);
        flow.paragraph(
            &format!("Status — {STATUS_RULE}"),
            CELL_NOTE,
            colors::TEXT_MUTED,
        );
        notes_area(flow);
    }
}

/// Between two ruled lines of a handout's notes (about 8 mm, a handwriting line).
const NOTES_STEP: f32 = 22.0;

/// The rest of a handout's page ruled for notes taken in the room, when there is room
/// for a few lines.
fn notes_area(flow: &mut Flow) {
    flow.space(22.0);
    if flow.room() < 4.0 * NOTES_STEP {
        return;
    }
    let (x, y) = (flow.left, flow.y + 8.0);
    heading(&mut flow.out, "NOTES", x, y);
    let mut line = y + NOTES_STEP;
    while line <= flow.bottom - 6.0 {
        let _ = writeln!(
            flow.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{}\" stroke-width=\"0.5\"/>",
            num(flow.left),
            num(line),
            num(flow.right()),
            colors::GRID_STRONG
        );
        line += NOTES_STEP;
    }
    flow.y = flow.bottom;
}

fn channel_block(
    flow: &mut Flow,
    doc: &Document,
    index: usize,
    channel: &Channel,
    rep: &ChannelReport,
    label_w: f32,
) {
    let plan = &channel.plan;
    let job = &plan.job;
    flow.context = None;

    // The name with the channel's badge, its kind on the right.
    let kind = format!(
        "{} · {} · {} touchpoint{}",
        capitalised(plan.ownership.as_str()),
        capitalised(plan.reach.as_str()),
        rep.card_count,
        if rep.card_count == 1 { "" } else { "s" }
    );
    let kind_w = flow
        .shaper
        .wrap(&kind, TEXT, None)
        .lines
        .first()
        .map_or(0.0, |l| l.width);
    let badge = 20.0;
    let name_x = flow.left + badge + 8.0;
    let name_w = (flow.right() - name_x - kind_w - 16.0).max(60.0);
    let name_lines = flow.wrap(&channel.name, H2, name_w);
    let block_h = (name_lines.len().max(1) as f32 * H2.line_height).max(badge);
    flow.ensure(block_h + 4.0 * TEXT.line_height);
    let top = flow.y;
    let color = palette::pick(channel.color.as_deref(), palette::channel_color(index));
    let r = badge / 2.0;
    let (cx, cy) = (flow.left + r, top + r - 1.0);
    let _ = writeln!(
        flow.out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"/><text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"8\" font-weight=\"600\" fill=\"#ffffff\" xml:space=\"preserve\">{}</text>",
        num(cx),
        num(cy),
        num(r),
        esc(&channel.icon)
    );
    for (i, l) in name_lines.iter().enumerate() {
        let y = top + i as f32 * H2.line_height + l.base;
        text_at(&mut flow.out, name_x, y, &l.text, H2, colors::TEXT, false);
    }
    let first_base = top + name_lines.first().map_or(13.0, |l| l.base);
    let right = flow.right();
    text_at(
        &mut flow.out,
        right,
        first_base,
        &kind,
        TEXT,
        colors::TEXT_MUTED,
        true,
    );
    flow.y = top + block_h + 8.0;
    flow.context = Some(if channel.name.trim().is_empty() {
        "Channel".to_string()
    } else {
        channel.name.trim().to_string()
    });

    let works_with: Vec<String> = job
        .works_with
        .iter()
        .map(|id| {
            doc.channels
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| id.clone(), |c| c.name.clone())
        })
        .collect();
    let responsibilities: Vec<&str> = job
        .responsibilities
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '•', '–'])
                .trim_start()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let has_job = !(job.role_title.trim().is_empty()
        && job.purpose.trim().is_empty()
        && job.owner.trim().is_empty()
        && works_with.is_empty()
        && responsibilities.is_empty());
    if has_job {
        for (label, value) in [
            ("ROLE", job.role_title.as_str()),
            ("PURPOSE", job.purpose.as_str()),
            ("OWNER", job.owner.as_str()),
        ] {
            if !value.trim().is_empty() {
                flow.field(label, label_w, value.trim(), colors::TEXT);
                flow.space(3.0);
            }
        }
        if !works_with.is_empty() {
            flow.field("WORKS WITH", label_w, &works_with.join(", "), colors::TEXT);
            flow.space(3.0);
        }
        if !responsibilities.is_empty() {
            flow.bullets("RESPONSIBILITIES", label_w, &responsibilities);
        }
    } else {
        flow.field(
            "ROLE",
            label_w,
            "No job description yet.",
            colors::TEXT_FAINT,
        );
    }
    flow.space(GAP);

    if plan.goals.is_empty() {
        flow.field("SMART GOALS", label_w, "None yet.", colors::TEXT_FAINT);
        return;
    }
    // The label with the first rows of the table.
    flow.ensure(TEXT.line_height + 3.0 + TABLE_HEAD + 40.0);
    let reviewed = match &rep.latest_month {
        Some(month) => format!("Latest review: {month}"),
        None => "No monthly review yet".to_string(),
    };
    flow.field("SMART GOALS", label_w, &reviewed, colors::TEXT_MUTED);
    flow.space(3.0);
    let cols = columns(
        flow.width,
        &[
            ("GOAL", 0.33),
            ("METRIC", 0.15),
            ("TARGET", 0.13),
            ("BASELINE", 0.11),
            ("PERIOD", 0.11),
            ("LATEST", 0.17),
        ],
    );
    let rows: Vec<Row> = plan
        .goals
        .iter()
        .map(|goal| {
            let g = rep.goals.iter().find(|g| g.goal_id == goal.id);
            goal_row(flow, doc, &cols, goal, g)
        })
        .collect();
    flow.table(&cols, rows);
}

fn goal_row(
    flow: &mut Flow,
    doc: &Document,
    cols: &[Column],
    goal: &SmartGoal,
    rep: Option<&waymark_model::GoalReport>,
) -> Row {
    let statement = {
        let mut b = flow.cell(cols[0].width).or_dash(&goal.statement);
        if let Some(id) = &goal.relevant_to {
            let name = relevant_name(doc, id);
            b = b.text(&format!("For: {name}"), CELL_NOTE, colors::TEXT_MUTED);
        }
        if let Some(missing) = rep.map(|r| &r.missing).filter(|m| !m.is_empty()) {
            let parts: Vec<&str> = missing.iter().map(|p| part_name(*p)).collect();
            b = b.text(
                &format!("Lacks: {}", parts.join(", ")),
                CELL_NOTE,
                colors::TEXT_MUTED,
            );
        }
        b.done()
    };
    let target = match amount(goal.target, &goal.unit) {
        Some(t) => format!("{} {t}", arrow(goal.better)),
        None => String::new(),
    };
    let baseline = amount(goal.baseline, &goal.unit).unwrap_or_default();
    let last = rep.and_then(|r| r.months.last());
    let latest = {
        let mut b = flow.cell(cols[5].width);
        b = match (rep.and_then(|r| r.latest), last) {
            (Some(status), _) => b.chip(status),
            (None, Some(_)) => b.text("No status", CELL, colors::TEXT_FAINT),
            (None, None) => b.text("No review yet", CELL, colors::TEXT_FAINT),
        };
        if let Some(m) = last {
            let note = match amount(m.actual, &goal.unit) {
                Some(a) => format!("{a} in {}", m.month),
                None => format!("No figure for {}", m.month),
            };
            b = b.text(&note, CELL_NOTE, colors::TEXT_MUTED);
        }
        b.done()
    };
    Row {
        cells: vec![
            statement,
            flow.cell(cols[1].width).or_dash(&goal.metric).done(),
            flow.cell(cols[2].width).or_dash(&target).done(),
            flow.cell(cols[3].width).or_dash(&baseline).done(),
            flow.cell(cols[4].width).or_dash(&goal.period).done(),
            latest,
        ],
        continued: None,
        group_start: false,
    }
}

// ---- passion points -------------------------------------------------------------------

fn passion_points(flow: &mut Flow, doc: &Document, report: &StrategyReport) {
    flow.title("Passion points");
    flow.paragraph(
        "The micro-moments where customers are most engaged, and the KPIs that tell whether \
         they are served.",
        TEXT,
        colors::TEXT_MUTED,
    );
    flow.paragraph(&format!("Status — {STATUS_RULE}"), TEXT, colors::TEXT_MUTED);
    flow.space(14.0);
    if report.passion_points.is_empty() {
        flow.paragraph("No passion points marked yet.", TEXT, colors::TEXT_FAINT);
        return;
    }
    let cols = columns(
        flow.width,
        &[
            ("PASSION POINT", 0.18),
            ("MAP / STAGE", 0.16),
            ("KPI", 0.18),
            ("TARGET", 0.09),
            ("ACTUAL", 0.09),
            ("UNIT", 0.08),
            ("BETTER", 0.10),
            ("STATUS", 0.12),
        ],
    );
    let mut rows = Vec::new();
    for point in &report.passion_points {
        passion_rows(flow, doc, &cols, point, &mut rows);
    }
    flow.context = Some("Passion points".into());
    flow.table(&cols, rows);
    flow.context = None;
}

fn passion_rows(
    flow: &mut Flow,
    doc: &Document,
    cols: &[Column],
    point: &PassionPointReport,
    rows: &mut Vec<Row>,
) {
    let card = doc
        .maps
        .iter()
        .find(|m| m.id == point.map_id)
        .and_then(|m| m.card(&point.card_id));
    let kpis = card.map(|c| c.plan.passion.kpis.as_slice()).unwrap_or(&[]);
    let title = if point.title.trim().is_empty() {
        "Untitled card"
    } else {
        point.title.as_str()
    };
    let name = |flow: &mut Flow, cont: bool| {
        let mut c = flow
            .cell(cols[0].width)
            .text(title, CELL_STRONG, colors::TEXT);
        if cont {
            c = c.text("(continued)", CELL_NOTE, colors::TEXT_MUTED);
        }
        c.done()
    };
    let place = |flow: &mut Flow| {
        flow.cell(cols[1].width)
            .or_dash(&point.map_name)
            .text(&point.stage_name, CELL_NOTE, colors::TEXT_MUTED)
            .done()
    };
    let blank = |flow: &mut Flow, i: usize| flow.cell(cols[i].width).done();
    if kpis.is_empty() {
        let mut cells = vec![name(flow, false), place(flow)];
        cells.push(
            flow.cell(cols[2].width)
                .text("No KPIs yet", CELL, colors::TEXT_FAINT)
                .done(),
        );
        for i in 3..cols.len() {
            cells.push(blank(flow, i));
        }
        rows.push(Row {
            cells,
            continued: None,
            group_start: true,
        });
        return;
    }
    for (i, kpi) in kpis.iter().enumerate() {
        let status = point
            .kpis
            .iter()
            .find(|k| k.kpi_id == kpi.id)
            .and_then(|k| k.status);
        let kpi_cell = {
            let mut b = flow.cell(cols[2].width).or_dash(&kpi.name);
            if !kpi.metric.trim().is_empty() && kpi.metric.trim() != kpi.name.trim() {
                b = b.text(kpi.metric.trim(), CELL_NOTE, colors::TEXT_MUTED);
            }
            b.done()
        };
        let status_cell = match status {
            Some(s) => flow.cell(cols[7].width).chip(s).done(),
            None => flow
                .cell(cols[7].width)
                .text("No data", CELL, colors::TEXT_FAINT)
                .done(),
        };
        let better = match kpi.better {
            Better::Up => "↑ higher",
            Better::Down => "↓ lower",
        };
        let tail = [
            kpi_cell,
            flow.cell(cols[3].width)
                .or_dash(&kpi.target.map(number).unwrap_or_default())
                .done(),
            flow.cell(cols[4].width)
                .or_dash(&kpi.actual.map(number).unwrap_or_default())
                .done(),
            flow.cell(cols[5].width).or_dash(&kpi.unit).done(),
            flow.cell(cols[6].width)
                .text(better, CELL, colors::TEXT)
                .done(),
            status_cell,
        ];
        let first = i == 0;
        let mut cells = if first {
            vec![name(flow, false), place(flow)]
        } else {
            vec![blank(flow, 0), blank(flow, 1)]
        };
        cells.extend(tail.iter().cloned());
        let continued = (!first).then(|| {
            let mut c = vec![name(flow, true), place(flow)];
            c.extend(tail.iter().cloned());
            c
        });
        rows.push(Row {
            cells,
            continued,
            group_start: first,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        let n = |v: f64| number(Num(v));
        assert_eq!(n(1200.0), "1,200");
        assert_eq!(n(1234567.891), "1,234,567.89");
        assert_eq!(n(12.5), "12.5");
        assert_eq!(n(0.125), "0.125");
        assert_eq!(n(-3500.0), "-3,500");
        assert_eq!(n(-0.0001), "0");
        assert_eq!(n(100.0), "100");
        assert_eq!(n(999.999), "1,000");
        assert_eq!(amount(Some(Num(30.0)), " % "), Some("30 %".into()));
        assert_eq!(amount(None, "visits"), None);
    }

    #[test]
    fn the_appendix_glyphs_are_in_the_bundled_font() {
        let mut shaper = Shaper::new();
        for s in ["↑ higher", "↓ lower", "•", "—", "·", "Status — On track"] {
            assert_eq!(shaper.missing_glyphs(s, TEXT), 0, "{s}");
        }
    }
}
