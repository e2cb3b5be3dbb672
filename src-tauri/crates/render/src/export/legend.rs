//! The legend printed beside (or under) the title block, for whoever reads the map on
//! paper: its lanes by the names the map gives them (a card swatch in their colours), the
//! channels its cards use (the badge as on the cards), the connector kinds it draws (a
//! short sample of each line) and the markers on its cards (passion point, shareable
//! moment, point of vulnerability and its severity). Only what the map shows is listed.
//!
//! Drawn in "block units" (points at the page's natural scale; the page scales the block
//! with the map). Entry names are measured with the bundled font and cut with "…" when
//! longer than a column may be, so nothing runs into its neighbour.

use std::fmt::Write;

use waymark_model::ConnectorKind;

use super::svg::{self, colors, connector_style, esc, num, Flag, ARROWHEAD};
use crate::fonts::TextStyle;
use crate::palette;
use crate::scene::{Scene, SceneLane, TextLine};
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
    /// A card marker, as drawn on the cards' top edge.
    Marker(Flag),
    /// The severity tag of a point of vulnerability, with this many "!".
    Severity(u8),
}

/// The markers' names, in the order the legend lists them.
const MARKERS: [(Flag, &str); 3] = [
    (Flag::Passion, "Passion point"),
    (Flag::Shareable, "Shareable moment"),
    (Flag::Vulnerability, "Point of vulnerability"),
];
/// What the severity tags mean, beside a sample of the highest.
const SEVERITY: &str = "Severity: ! low, !!! high";
/// Markers in the legend are drawn at this share of their size on a card, to sit in a row.
const MARKER_SCALE: f32 = 0.7;

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

        // Every lane on show, top to bottom, by its name on the map, in its cards' colours.
        let lanes = scene
            .lanes
            .iter()
            .map(|lane| {
                let (fill, stroke) = lane_colors(lane);
                let (name, width) = measure(&lane_name(&lane.name));
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

        // Card markers in use, and what the severity tags say when a vulnerability has one.
        let flagged = |flag: Flag| {
            scene.cards.iter().any(|c| match flag {
                Flag::Passion => c.flags.passion_point,
                Flag::Shareable => c.flags.shareable_moment,
                Flag::Vulnerability => c.flags.point_of_vulnerability,
            })
        };
        let mut markers: Vec<Entry> = MARKERS
            .into_iter()
            .filter(|(flag, _)| flagged(*flag))
            .map(|(flag, label)| {
                let (name, width) = measure(label);
                Entry {
                    sample: Sample::Marker(flag),
                    name,
                    width,
                }
            })
            .collect();
        let rated = scene
            .cards
            .iter()
            .any(|c| c.flags.point_of_vulnerability && c.severity.is_some());
        if rated {
            let (name, width) = measure(SEVERITY);
            markers.push(Entry {
                sample: Sample::Severity(3),
                name,
                width,
            });
        }

        let mut sections = Vec::new();
        for (heading, entries) in [
            ("LANES", lanes),
            ("CHANNELS", channels),
            ("CONNECTORS", connectors),
            ("MARKERS", markers),
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

/// A lane's name as the map prints it: its wrapped lines joined again. A line ending in a
/// hyphen was broken after it, so the next follows without a space.
fn lane_name(lines: &[TextLine]) -> String {
    let mut name = String::new();
    for line in lines {
        if !name.is_empty() && !name.ends_with('-') {
            name.push(' ');
        }
        name.push_str(&line.text);
    }
    name
}

/// A lane's card colours: a tint of the lane's own colour, or its kind's when it has none
/// (the Scene gives a lane without a colour its kind's stroke).
fn lane_colors(lane: &SceneLane) -> (String, String) {
    let (fill, stroke) = palette::kind_colors(lane.kind);
    let own = svg::color(&lane.color);
    if own.eq_ignore_ascii_case(stroke) {
        (fill.to_string(), stroke.to_string())
    } else {
        palette::card_colors(None, Some(&own), lane.kind)
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
        Sample::Marker(flag) => {
            let _ = write!(
                out,
                "<g transform=\"translate({} {}) scale({})\">",
                num(x + SAMPLE / 2.0),
                num(mid),
                num(MARKER_SCALE)
            );
            svg::write_flag(out, *flag, 0.0, 0.0);
            out.push_str("</g>");
        }
        Sample::Severity(n) => {
            // The tag starts 6 right of the point it is given; centred in the sample.
            let w = svg::severity_width(*n) * MARKER_SCALE;
            let _ = write!(
                out,
                "<g transform=\"translate({} {}) scale({})\">",
                num(x + (SAMPLE - w) / 2.0),
                num(mid),
                num(MARKER_SCALE)
            );
            svg::write_severity(out, *n, -6.0, 0.0);
            out.push_str("</g>");
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
