//! The legend printed beside (or under) the title block: the lane kinds on the map (a
//! card swatch in their colours), the channels its cards use (the badge as on the cards)
//! and the connector kinds it draws (a short sample of each line).
//!
//! Drawn in "block units" (points at the page's natural scale; the page scales the block
//! with the map). Entry names are measured with the bundled font and cut with "…" when
//! longer than a column may be, so nothing runs into its neighbour.

use std::fmt::Write;

use waymark_model::{ConnectorKind, LaneKind};

use super::svg::{self, colors, connector_style, esc, num, ARROWHEAD};
use crate::fonts::TextStyle;
use crate::palette;
use crate::scene::Scene;
use crate::text::Shaper;

/// Section headings: SemiBold small capitals.
pub(crate) const HEADING: TextStyle = TextStyle {
    size: 7.0,
    line_height: 10.0,
    weight: 600,
};
/// Entry names.
pub(crate) const ENTRY: TextStyle = TextStyle {
    size: 9.0,
    line_height: 12.0,
    weight: 400,
};
/// Heading tracking (letter-spacing), in block units.
pub(crate) const TRACKING: f32 = 0.9;
/// Baseline of the first entry below the legend's top (the heading sits above it).
const FIRST_ROW: f32 = 26.0;
/// Distance between entry baselines.
const ROW: f32 = 16.0;
/// Entries per column before a section starts another column (columns are then balanced).
const MAX_ROWS: usize = 7;
/// The sample (swatch, badge, line) left of each name, and the gap after it.
const SAMPLE: f32 = 28.0;
const SAMPLE_GAP: f32 = 7.0;
/// The longest a name may be before it is cut.
const NAME_MAX: f32 = 130.0;
/// Between two columns of one section, and between sections.
const COLUMN_GAP: f32 = 16.0;
const SECTION_GAP: f32 = 30.0;

enum Sample {
    /// A tiny card: fill and stroke.
    Swatch(String, String),
    /// A channel badge: colour and icon letters.
    Badge(String, String),
    Line(ConnectorKind),
}

struct Entry {
    sample: Sample,
    /// The name as printed (possibly cut with "…") and its width.
    name: String,
    width: f32,
}

struct Section {
    heading: &'static str,
    entries: Vec<Entry>,
}

impl Section {
    fn columns(&self) -> usize {
        self.entries.len().div_ceil(MAX_ROWS)
    }

    /// Entries per column: balanced, so no column is left with a lone entry.
    fn rows(&self) -> usize {
        self.entries.len().div_ceil(self.columns().max(1))
    }

    fn column(&self, column: usize) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .skip(column * self.rows())
            .take(self.rows())
    }

    fn column_width(&self, column: usize) -> f32 {
        let names = self.column(column).map(|e| e.width).fold(0.0f32, f32::max);
        SAMPLE + SAMPLE_GAP + names
    }

    fn width(&self, heading_width: f32) -> f32 {
        let cols: f32 = (0..self.columns()).map(|c| self.column_width(c)).sum();
        let gaps = self.columns().saturating_sub(1) as f32 * COLUMN_GAP;
        (cols + gaps).max(heading_width)
    }
}

/// The legend of one map, measured and ready to draw.
pub(crate) struct Legend {
    sections: Vec<(Section, f32)>,
}

impl Legend {
    /// The legend for what `scene` shows; `None` when it would be empty.
    pub fn new(scene: &Scene, shaper: &mut Shaper) -> Option<Legend> {
        let mut measure = |text: &str| {
            let block = shaper.fit_one_line(text, ENTRY, NAME_MAX);
            block
                .lines
                .first()
                .map(|l| (l.text.clone(), l.width))
                .unwrap_or_default()
        };

        // Lane kinds in the order their lanes appear, in the colours their cards have.
        let mut kinds: Vec<LaneKind> = Vec::new();
        for lane in &scene.lanes {
            if !kinds.contains(&lane.kind) {
                kinds.push(lane.kind);
            }
        }
        let lanes = kinds
            .into_iter()
            .map(|kind| {
                let (fill, stroke) = palette::kind_colors(kind);
                let (fill, stroke) = scene
                    .cards
                    .iter()
                    .find(|c| c.kind == kind)
                    .map(|c| {
                        (
                            svg::color_or(&c.fill, fill),
                            svg::color_or(&c.stroke, stroke),
                        )
                    })
                    .unwrap_or_else(|| (fill.to_string(), stroke.to_string()));
                let (name, width) = measure(kind.label());
                Entry {
                    sample: Sample::Swatch(fill, stroke),
                    name,
                    width,
                }
            })
            .collect();

        // Channels in the order of the first card using each.
        let mut seen: Vec<&str> = Vec::new();
        let mut channels = Vec::new();
        for badge in scene.cards.iter().filter_map(|c| c.channel.as_ref()) {
            if seen.contains(&badge.id.as_str()) {
                continue;
            }
            seen.push(&badge.id);
            let (name, width) = measure(&badge.name);
            channels.push(Entry {
                sample: Sample::Badge(svg::color(&badge.color), badge.icon.clone()),
                name,
                width,
            });
        }

        // Connector kinds drawn on the map, in their canonical order.
        let connectors = ConnectorKind::ALL
            .into_iter()
            .filter(|k| scene.connectors.iter().any(|c| c.kind == *k))
            .map(|kind| {
                let (name, width) = measure(connector_style(kind).label);
                Entry {
                    sample: Sample::Line(kind),
                    name,
                    width,
                }
            })
            .collect();

        let mut sections = Vec::new();
        for (heading, entries) in [
            ("LANES", lanes),
            ("CHANNELS", channels),
            ("CONNECTORS", connectors),
        ] {
            if entries.is_empty() {
                continue;
            }
            let heading_width = heading_width(shaper, heading);
            sections.push((Section { heading, entries }, heading_width));
        }
        (!sections.is_empty()).then_some(Legend { sections })
    }

    pub fn width(&self) -> f32 {
        let widths: f32 = self.sections.iter().map(|(s, hw)| s.width(*hw)).sum();
        widths + self.sections.len().saturating_sub(1) as f32 * SECTION_GAP
    }

    pub fn height(&self) -> f32 {
        let rows = self
            .sections
            .iter()
            .map(|(s, _)| s.rows())
            .max()
            .unwrap_or(0);
        FIRST_ROW + rows.saturating_sub(1) as f32 * ROW + 5.0
    }

    /// Draws the legend with its top-left corner at `x`, `y`.
    pub fn write(&self, out: &mut String, x: f32, y: f32) {
        let _ = write!(
            out,
            "<g class=\"legend\" transform=\"translate({} {})\">",
            num(x),
            num(y)
        );
        let mut left = 0.0;
        for (section, heading_width) in &self.sections {
            heading(out, section.heading, left, 8.0);
            let mut col_left = left;
            for col in 0..section.columns() {
                for (row, entry) in section.column(col).enumerate() {
                    let baseline = FIRST_ROW + row as f32 * ROW;
                    write_entry(out, entry, col_left, baseline);
                }
                col_left += section.column_width(col) + COLUMN_GAP;
            }
            left += section.width(*heading_width) + SECTION_GAP;
        }
        out.push_str("</g>\n");
    }
}

/// The width of a tracked heading.
pub(crate) fn heading_width(shaper: &mut Shaper, text: &str) -> f32 {
    let w = shaper
        .wrap(text, HEADING, None)
        .lines
        .first()
        .map_or(0.0, |l| l.width);
    w + TRACKING * text.chars().count() as f32
}

/// A small tracked heading (static text, never user input) with its baseline at `y`.
pub(crate) fn heading(out: &mut String, text: &str, x: f32, y: f32) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" letter-spacing=\"{}\" fill=\"{}\">{}</text>",
        num(x),
        num(y),
        num(HEADING.size),
        HEADING.weight,
        num(TRACKING),
        colors::TEXT_MUTED,
        esc(text)
    );
}

fn write_entry(out: &mut String, entry: &Entry, x: f32, baseline: f32) {
    // Samples are centred on the x-height of the name.
    let mid = baseline - 3.2;
    match &entry.sample {
        Sample::Swatch(fill, stroke) => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"0.75\"/>",
                num(x + 0.5),
                num(mid - 6.0),
                num(SAMPLE - 1.0)
            );
        }
        Sample::Badge(color, icon) => {
            let r = 7.0;
            let cx = x + SAMPLE / 2.0;
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"/><text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"6.5\" font-weight=\"600\" fill=\"#ffffff\">{}</text>",
                num(cx),
                num(mid),
                num(r),
                esc(icon)
            );
        }
        Sample::Line(kind) => {
            let style = connector_style(*kind);
            let (x1, x2) = (x + 1.0, x + SAMPLE - 1.0);
            // The map's strokes at three quarters, so the sample weighs like the map does.
            let _ = write!(
                out,
                "<path d=\"M{} {} H{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} stroke-linecap=\"{}\"/><path d=\"{ARROWHEAD}\" fill=\"{3}\" transform=\"translate({} {1}) scale(0.7)\"/>",
                num(x1),
                num(mid),
                num(x2 - 3.0),
                style.color,
                num(style.width * 0.9),
                svg::dash_attr(style.dash.map(scaled_dash)),
                style.linecap,
                num(x2),
            );
        }
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
        num(x + SAMPLE + SAMPLE_GAP),
        num(baseline),
        num(ENTRY.size),
        ENTRY.weight,
        colors::TEXT,
        esc(&entry.name)
    );
}

/// A dash pattern shortened to fit a few repeats into a short sample.
fn scaled_dash(dash: &'static str) -> &'static str {
    match dash {
        "8 5" => "5 3",
        "0.1 5" => "0.1 4",
        other => other,
    }
}
