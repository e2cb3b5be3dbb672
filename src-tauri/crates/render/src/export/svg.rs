//! The Scene as SVG 1.1, drawn exactly as the canvas draws it in the light theme
//! (`MapGrid`, `CardView`, `CardMarkers`, `ConnectorView`, `EmotionLine`, `TextLines` and
//! `sceneStyle.ts` in the UI): same shapes, the same colours (`style.rs`, which the UI
//! gets generated), the same text lines at the same baselines (never wrapped again).
//!
//! Everything a user typed is data: every string is XML-escaped (and characters XML 1.0
//! cannot hold are dropped), every colour is checked to be `#rrggbb` before it is written.
//! The output depends on the Scene alone: no ids, no clock, numbers rounded to 0.01.

use std::fmt::Write;

use crate::fonts::font_family;
use crate::layout::LADDER_MARKER_R;
use crate::palette;
use crate::scene::{
    Scene, SceneAuthor, SceneCard, SceneConnector, SceneEmotionLine, SceneFonts, SceneLadder,
    TextLine,
};

// The colours, connector strokes and arrowhead are shared with the canvas (see style.rs).
pub(crate) use super::style::{colors, connector_style, ARROWHEAD};

/// Card corner radius (`CardView.svelte`).
const CARD_RADIUS: f32 = 8.0;
/// Stage colour stripe and lane colour stripe.
const STRIPE: f32 = 4.0;
/// Flag marker radius and gap (`CardMarkers.svelte`).
const FLAG_R: f32 = 9.0;
const FLAG_GAP: f32 = 4.0;

/// The whole map as a standalone SVG document, `scene.width` × `scene.height` CSS px.
pub fn scene_svg(scene: &Scene) -> String {
    let mut out = String::with_capacity(4096 + scene.cards.len() * 900);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let (w, h) = (num(scene.width.max(0.0)), num(scene.height.max(0.0)));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{}\" text-rendering=\"geometricPrecision\">",
        font_family()
    );
    let _ = writeln!(out, "<title>{}</title>", esc(&scene.map_name));
    write_map_body(scene, &mut out);
    out.push_str("</svg>\n");
    out
}

/// A rectangle as (left, top, right, bottom).
pub(crate) type Bounds = (f32, f32, f32, f32);

/// The map's drawing (no `<svg>` around it), in Scene units with the origin at the map's
/// top-left, so a page can place it with a transform. Sets its own font family.
pub(crate) fn write_map_body(scene: &Scene, out: &mut String) {
    write_map_body_within(scene, None, out);
}

/// [`write_map_body`], leaving out the cards and connectors that lie wholly outside
/// `visible` (Scene units) when it is given: the frame and emotion lines are always drawn.
pub(crate) fn write_map_body_within(scene: &Scene, visible: Option<Bounds>, out: &mut String) {
    // Room for what sticks out of a card (flag markers, the shadow) or off a line.
    const PAD: f32 = 16.0;
    let shows = |b: Bounds| match visible {
        None => true,
        Some(v) => b.0 - PAD <= v.2 && b.2 + PAD >= v.0 && b.1 - PAD <= v.3 && b.3 + PAD >= v.1,
    };
    let _ = writeln!(out, "<g class=\"map\" font-family=\"{}\">", font_family());
    write_grid(scene, out);
    if !scene.ladder.is_empty() {
        out.push_str("<g class=\"ladders\">\n");
        for ladder in &scene.ladder {
            write_ladder(ladder, &scene.fonts, out);
        }
        out.push_str("</g>\n");
    }
    out.push_str("<g class=\"emotions\">\n");
    for line in &scene.emotion_lines {
        write_emotion_line(line, &scene.fonts, out);
    }
    out.push_str("</g>\n<g class=\"connectors\">\n");
    for connector in &scene.connectors {
        let b = connector.bounds;
        if shows((b.x, b.y, b.x + b.width, b.y + b.height)) {
            write_connector(connector, &scene.fonts, out);
        }
    }
    out.push_str("</g>\n<g class=\"cards\">\n");
    for card in &scene.cards {
        if shows((card.x, card.y, card.x + card.width, card.y + card.height)) {
            write_card(card, &scene.fonts, out);
        }
    }
    out.push_str("</g>\n</g>\n");
}

/// The grid's right and bottom edges, in Scene units: the last column's right edge and
/// the last lane's bottom edge (at least the gutter and the header band). The Scene is
/// larger by the room the canvas keeps for connectors that bulge past the cards; the
/// export draws the grid only as far as it goes, and a connector that does swing out
/// grows the drawing through [`drawing_bounds`] instead.
pub(crate) fn grid_extent(scene: &Scene) -> (f32, f32) {
    let right = scene
        .stages
        .iter()
        .map(|s| s.x + s.width.max(0.0))
        .fold(scene.gutter_width.max(0.0), f32::max);
    let bottom = scene
        .lanes
        .iter()
        .map(|l| l.y + l.height.max(0.0))
        .fold(scene.header_height.max(0.0), f32::max);
    (right, bottom)
}

/// The rectangle the drawing really covers, in Scene units, as (left, top, right,
/// bottom): the grid's rectangle, grown where a connector or an emotion line swings
/// past it (a long loop can). Pages place the map by this, so nothing drawn falls into
/// the margins or the title block.
pub(crate) fn drawing_bounds(scene: &Scene) -> (f32, f32, f32, f32) {
    let (w, h) = grid_extent(scene);
    if scene.connectors.is_empty() && scene.emotion_lines.is_empty() {
        return (0.0, 0.0, w, h);
    }
    // Only the lines, without text: parsing this is cheap, and usvg knows the curves'
    // true extent (their control points can lie much further out).
    let mut out =
        String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">");
    for c in &scene.connectors {
        let style = connector_style(c.kind);
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{}\"/><path d=\"{ARROWHEAD}\" transform=\"translate({} {}) rotate({})\"/>",
            esc(&c.path),
            num(style.width),
            num(c.end_x),
            num(c.end_y),
            num(c.end_angle)
        );
    }
    for line in &scene.emotion_lines {
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\"/>",
            esc(&line.path)
        );
        for p in &line.points {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\"/>",
                num(p.x),
                num(p.y)
            );
        }
    }
    out.push_str("</svg>");
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f32, 0.0f32, w, h);
    if let Ok(tree) = usvg::Tree::from_str(&out, &usvg::Options::default()) {
        if tree.root().has_children() {
            let b = tree.root().abs_stroke_bounding_box();
            x0 = x0.min(b.left());
            y0 = y0.min(b.top());
            x1 = x1.max(b.right());
            y1 = y1.max(b.bottom());
        }
    }
    let round = |v: f32| (v * 100.0).round() / 100.0;
    (round(x0), round(y0), round(x1), round(y1))
}

// ---- the frame: bands, headers, grid ----------------------------------------------------

fn write_grid(scene: &Scene, out: &mut String) {
    let fonts = &scene.fonts;
    let (w, h) = grid_extent(scene);
    let left = scene.gutter_width;
    out.push_str("<g class=\"map-grid\">\n");
    rect(out, 0.0, 0.0, w, h, colors::PAPER);
    for (i, lane) in scene.lanes.iter().enumerate() {
        let band = if i % 2 == 0 {
            colors::BAND_EVEN
        } else {
            colors::BAND_ODD
        };
        rect(out, left, lane.y, (w - left).max(0.0), lane.height, band);
    }
    rect(out, 0.0, 0.0, w, scene.header_height, colors::HEADER);
    rect(
        out,
        0.0,
        scene.header_height,
        scene.gutter_width,
        (h - scene.header_height).max(0.0),
        colors::GUTTER,
    );

    let _ = writeln!(
        out,
        "<g stroke=\"{}\" stroke-width=\"1\" shape-rendering=\"crispEdges\">",
        colors::GRID
    );
    for stage in &scene.stages {
        line(out, stage.x, 0.0, stage.x, h);
    }
    for lane in &scene.lanes {
        line(out, 0.0, lane.y, w, lane.y);
    }
    let _ = writeln!(
        out,
        "</g>\n<g stroke=\"{}\" stroke-width=\"1\" shape-rendering=\"crispEdges\">",
        colors::GRID_STRONG
    );
    line(out, 0.0, scene.header_height, w, scene.header_height);
    line(out, scene.gutter_width, 0.0, scene.gutter_width, h);
    out.push_str("</g>\n");

    for stage in &scene.stages {
        let color = color(&stage.color);
        out.push_str("<g class=\"stage-header\">");
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{color}\" fill-opacity=\"0.16\"/>",
            num(stage.x),
            num(stage.width.max(0.0)),
            num(scene.header_height.max(0.0)),
        );
        rect(out, stage.x, 0.0, stage.width, STRIPE, &color);
        text_lines(
            out,
            &stage.name,
            fonts.header_size,
            fonts.header_weight,
            colors::TEXT,
            "",
        );
        out.push_str("</g>\n");
    }

    for lane in &scene.lanes {
        out.push_str("<g class=\"lane-header\">");
        rect(out, 0.0, lane.y, STRIPE, lane.height, &color(&lane.color));
        text_lines(
            out,
            &lane.name,
            fonts.header_size,
            fonts.header_weight,
            colors::TEXT_MUTED,
            "",
        );
        if lane.collapsed {
            let y = lane
                .name
                .first()
                .map_or(lane.y + lane.height / 2.0, |l| l.y);
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\">{}</text>",
                num(lane.count_x),
                num(y),
                num(fonts.body_size),
                weight(fonts.body_weight),
                colors::TEXT_FAINT,
                lane.card_count
            );
        }
        out.push_str("</g>\n");
    }

    let _ = writeln!(
        out,
        "<rect x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>",
        num((w - 1.0).max(0.0)),
        num((h - 1.0).max(0.0)),
        colors::GRID_STRONG
    );
    out.push_str("</g>\n");
}

// ---- cards ------------------------------------------------------------------------------

fn write_card(card: &SceneCard, fonts: &SceneFonts, out: &mut String) {
    let (x, y, w, h) = (
        num(card.x),
        num(card.y),
        num(card.width.max(0.0)),
        num(card.height.max(0.0)),
    );
    let r = num(CARD_RADIUS);
    out.push_str("<g class=\"card\">");
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{h}\" rx=\"{r}\" fill=\"#101828\" fill-opacity=\"0.07\"/>",
        num(card.y + 1.5)
    );
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{r}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
        color_or(&card.fill, colors::PAPER),
        color(&card.stroke)
    );
    text_lines(
        out,
        &card.title,
        fonts.title_size,
        fonts.title_weight,
        colors::TEXT,
        "",
    );
    text_lines(
        out,
        &card.body,
        fonts.body_size,
        fonts.body_weight,
        colors::TEXT_MUTED,
        "",
    );
    write_markers(card, fonts, out);
    out.push_str("</g>\n");
}

/// The channel badge in its reserved row, and the flag markers on the top edge.
fn write_markers(card: &SceneCard, fonts: &SceneFonts, out: &mut String) {
    if let Some(ch) = &card.channel {
        let d = ch.height.max(0.0);
        let r = d / 2.0;
        // A nested svg clips a long channel name to the card without needing an id.
        let _ = write!(
            out,
            "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" overflow=\"hidden\">",
            num(ch.x),
            num(ch.y),
            num(ch.width.max(0.0)),
            num(d)
        );
        let _ = write!(
            out,
            "<circle cx=\"{0}\" cy=\"{0}\" r=\"{0}\" fill=\"{1}\"/>",
            num(r),
            color(&ch.color)
        );
        let _ = write!(
            out,
            "<text x=\"{0}\" y=\"{0}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"10\" font-weight=\"{1}\" fill=\"#ffffff\" xml:space=\"preserve\">{2}</text>",
            num(r),
            weight(fonts.title_weight),
            esc(&ch.icon)
        );
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" dominant-baseline=\"central\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
            num(d + 6.0),
            num(r),
            num(fonts.body_size),
            weight(fonts.body_weight),
            colors::TEXT_MUTED,
            esc(&ch.name)
        );
        out.push_str("</svg>");
    }

    let mut flags = Vec::with_capacity(3);
    if card.flags.point_of_vulnerability {
        flags.push(Flag::Vulnerability);
    }
    if card.flags.passion_point {
        flags.push(Flag::Passion);
    }
    if card.flags.shareable_moment {
        flags.push(Flag::Shareable);
    }
    for (i, flag) in flags.into_iter().enumerate() {
        let fx = card.x + card.width - 10.0 - FLAG_R - i as f32 * (2.0 * FLAG_R + FLAG_GAP);
        write_flag(out, flag, fx, card.y);
    }
    // The vulnerability's severity as "!", "!!" or "!!!" on a tag at the triangle's right
    // (the triangle is always the rightmost marker).
    if let Some(severity) = card.severity.filter(|_| card.flags.point_of_vulnerability) {
        write_severity(out, severity, card.x + card.width - 10.0 - FLAG_R, card.y);
    }
    if let Some(author) = &card.author {
        write_author(out, author);
    }
}

/// A workshop card's author: the initials in white on a pill of the participant's colour
/// (`CardView.svelte` draws the same).
pub(crate) fn write_author(out: &mut String, a: &SceneAuthor) {
    let _ = write!(
        out,
        "<g class=\"marker author\" transform=\"translate({} {})\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/><text y=\"3\" text-anchor=\"middle\" font-size=\"8.5\" font-weight=\"600\" fill=\"#ffffff\" xml:space=\"preserve\">{}</text></g>",
        num(a.x),
        num(a.y),
        num(-a.width / 2.0),
        num(-a.height / 2.0),
        num(a.width.max(0.0)),
        num(a.height.max(0.0)),
        num(a.height / 2.0),
        color(&a.color),
        colors::HALO,
        esc(&a.initials)
    );
}

/// How wide the severity tag is for `severity` (1–3) "!".
pub(crate) fn severity_width(severity: u8) -> f32 {
    8.0 + 3.2 * severity.clamp(1, 3) as f32
}

/// The severity tag beside a vulnerability marker centred on `x`, `y`.
pub(crate) fn write_severity(out: &mut String, severity: u8, x: f32, y: f32) {
    let n = severity.clamp(1, 3);
    let w = severity_width(n);
    let _ = write!(
        out,
        "<g class=\"marker severity\" transform=\"translate({} {})\"><rect x=\"0\" y=\"-6\" width=\"{}\" height=\"12\" rx=\"6\" fill=\"#c92a2a\" stroke=\"{}\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"3.2\" text-anchor=\"middle\" font-size=\"9\" font-weight=\"600\" fill=\"#ffffff\">{}</text></g>",
        num(x + 6.0),
        num(y),
        num(w),
        colors::HALO,
        num(w / 2.0),
        "!".repeat(n as usize)
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flag {
    Passion,
    Shareable,
    Vulnerability,
}

/// One flag marker centred on `x`, `y` (a round tag with a drawn glyph, not a font glyph).
pub(crate) fn write_flag(out: &mut String, flag: Flag, x: f32, y: f32) {
    let ring = colors::HALO;
    let _ = write!(
        out,
        "<g class=\"marker\" transform=\"translate({} {})\">",
        num(x),
        num(y)
    );
    match flag {
        Flag::Passion => {
            let _ = write!(
                out,
                "<circle r=\"{}\" fill=\"#f08c00\" stroke=\"{ring}\" stroke-width=\"1.5\"/><polygon points=\"{}\" fill=\"#ffffff\"/>",
                num(FLAG_R),
                star_points(5.5)
            );
        }
        Flag::Shareable => {
            let _ = write!(
                out,
                "<circle r=\"{}\" fill=\"#1c7ed6\" stroke=\"{ring}\" stroke-width=\"1.5\"/><path d=\"M-3.5 3.5 L3.5 -3.5 M-0.5 -3.5 H3.5 V0.5\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1.6\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
                num(FLAG_R)
            );
        }
        Flag::Vulnerability => {
            let _ = write!(
                out,
                "<path d=\"M0 -9.5 L9.5 7.5 H-9.5 Z\" fill=\"#e03131\" stroke=\"{ring}\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><rect x=\"-0.9\" y=\"-3.5\" width=\"1.8\" height=\"5.5\" rx=\"0.9\" fill=\"#ffffff\"/><circle cx=\"0\" cy=\"4.4\" r=\"1\" fill=\"#ffffff\"/>"
            );
        }
    }
    out.push_str("</g>");
}

/// Points of a five-pointed star centred on 0,0 (`starPoints` in `sceneStyle.ts`).
fn star_points(outer: f32) -> String {
    let inner = outer * 0.45;
    let mut s = String::new();
    for i in 0..10 {
        let r = if i % 2 == 0 { outer } else { inner };
        let a = std::f64::consts::PI / 5.0 * i as f64 - std::f64::consts::PI / 2.0;
        if i > 0 {
            s.push(' ');
        }
        let _ = write!(
            s,
            "{},{}",
            num((r as f64 * a.cos()) as f32),
            num((r as f64 * a.sin()) as f32)
        );
    }
    s
}

// ---- connectors and emotion lines -------------------------------------------------------

fn write_connector(c: &SceneConnector, fonts: &SceneFonts, out: &mut String) {
    let style = connector_style(c.kind);
    let _ = write!(out, "<g class=\"connector connector-{}\">", c.kind.as_str());
    let _ = write!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} stroke-linecap=\"{}\" stroke-linejoin=\"round\"/>",
        esc(&c.path),
        style.color,
        num(style.width),
        dash_attr(style.dash),
        style.linecap
    );
    let _ = write!(
        out,
        "<path d=\"{ARROWHEAD}\" fill=\"{}\" transform=\"translate({} {}) rotate({})\"/>",
        style.color,
        num(c.end_x),
        num(c.end_y),
        num(c.end_angle)
    );
    if let Some(label) = &c.label {
        let lines = std::slice::from_ref(label);
        out.push_str("<g class=\"connector-label\">");
        text_lines(
            out,
            lines,
            fonts.body_size,
            fonts.body_weight,
            colors::HALO,
            " stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\"",
        );
        text_lines(
            out,
            lines,
            fonts.body_size,
            fonts.body_weight,
            style.color,
            "",
        );
        out.push_str("</g>");
    }
    out.push_str("</g>\n");
}

/// An engagement-ladder lane: dashed rung guides with the rung names in the gutter, the
/// stepped line, and a marker per stage with the rung's name above it on a halo.
fn write_ladder(ladder: &SceneLadder, fonts: &SceneFonts, out: &mut String) {
    let stroke = color(&ladder.color);
    out.push_str("<g class=\"ladder\">");
    for rung in &ladder.rungs {
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{}\" stroke-width=\"1\" stroke-dasharray=\"4 4\"/>",
            num(rung.x1),
            num(rung.y),
            num(rung.x2),
            colors::GRID_STRONG
        );
        if let Some(name) = &rung.name {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{stroke}\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-opacity=\"0.55\"/>",
                num(name.x - 14.0),
                num(rung.y),
                num(name.x - 4.0)
            );
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
                num(name.x),
                num(name.y),
                num(fonts.body_size),
                weight(fonts.body_weight),
                colors::TEXT_MUTED,
                esc(&name.text)
            );
        }
    }
    if !ladder.path.is_empty() {
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
            esc(&ladder.path)
        );
    }
    for step in &ladder.steps {
        if step.inherited {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>",
                num(step.x),
                num(step.y),
                num(LADDER_MARKER_R - 2.0),
                colors::PAPER
            );
        } else {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{stroke}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                num(step.x),
                num(step.y),
                num(LADDER_MARKER_R),
                colors::HALO
            );
        }
        if let Some(label) = &step.label {
            let lines = std::slice::from_ref(label);
            text_lines(
                out,
                lines,
                fonts.body_size,
                fonts.body_weight,
                colors::HALO,
                " stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\"",
            );
            text_lines(out, lines, fonts.body_size, fonts.body_weight, &stroke, "");
        }
    }
    out.push_str("</g>\n");
}

/// ` stroke-dasharray="…"` or nothing.
pub(crate) fn dash_attr(dash: Option<&str>) -> String {
    dash.map(|d| format!(" stroke-dasharray=\"{d}\""))
        .unwrap_or_default()
}

fn write_emotion_line(line: &SceneEmotionLine, fonts: &SceneFonts, out: &mut String) {
    let stroke = color(&line.color);
    out.push_str("<g class=\"emotion-line\">");
    let _ = write!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
        esc(&line.path)
    );
    if let Some(legend) = &line.legend {
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{1}\" stroke=\"{stroke}\" stroke-width=\"2.5\" stroke-linecap=\"round\"/>",
            num(legend.x - 14.0),
            num(legend.y - 4.0),
            num(legend.x - 4.0)
        );
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{stroke}\" xml:space=\"preserve\">{}</text>",
            num(legend.x),
            num(legend.y),
            num(fonts.body_size),
            weight(fonts.body_weight),
            esc(&legend.text)
        );
    }
    for p in &line.points {
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"2\"/>",
            num(p.x),
            num(p.y),
            colors::PAPER
        );
    }
    out.push_str("</g>\n");
}

// ---- small writers ----------------------------------------------------------------------

/// One `<text>` per block, one `<tspan>` per line exactly where the Scene put it.
/// `extra` is appended to the `<text>` element's attributes (a halo's stroke).
fn text_lines(
    out: &mut String,
    lines: &[TextLine],
    size: f32,
    weight_: u16,
    fill: &str,
    extra: &str,
) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<text font-size=\"{}\" font-weight=\"{}\" fill=\"{fill}\"{extra} xml:space=\"preserve\">",
        num(size),
        weight(weight_)
    );
    for l in lines {
        let _ = write!(
            out,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(l.x),
            num(l.y),
            esc(&l.text)
        );
    }
    out.push_str("</text>");
}

pub(crate) fn rect(out: &mut String, x: f32, y: f32, w: f32, h: f32, fill: &str) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
        num(x),
        num(y),
        num(w.max(0.0)),
        num(h.max(0.0))
    );
}

fn line(out: &mut String, x1: f32, y1: f32, x2: f32, y2: f32) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// A font weight as written: the Inter faces bundled are 400 and 600, anything else is
/// snapped to the nearer of them.
pub(crate) fn weight(w: u16) -> u16 {
    if w >= 500 {
        600
    } else {
        400
    }
}

/// A Scene colour when it is `#rrggbb` (lower-cased), else the fallback grey.
pub(crate) fn color(s: &str) -> String {
    color_or(s, colors::FALLBACK)
}

pub(crate) fn color_or(s: &str, fallback: &str) -> String {
    palette::pick(Some(s), fallback)
}

/// A coordinate as written: rounded to 0.01, no trailing zeros, never `-0`, and `0` for
/// anything not finite (a broken Scene must not produce a broken document).
pub(crate) fn num(v: f32) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let r = (v as f64 * 100.0).round() / 100.0;
    if r == 0.0 {
        return "0".to_string();
    }
    format!("{}", r as f32)
}

/// A scale factor as written: 6 decimals.
pub(crate) fn fine(v: f32) -> String {
    if !v.is_finite() {
        return "1".to_string();
    }
    let r = (v as f64 * 1e6).round() / 1e6;
    if r == 0.0 {
        return "0".to_string();
    }
    format!("{r}")
}

/// User text as XML character data or attribute value: `& < > " '` escaped, and the
/// characters XML 1.0 cannot hold (most C0 controls, U+FFFE/U+FFFF) left out.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            esc("<script>alert(1)</script> & \"q\" 'a'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &apos;a&apos;"
        );
        assert_eq!(esc("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
        assert_eq!(esc("Café Crème"), "Café Crème");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(fine(0.75), "0.75");
        assert_eq!(fine(1.0 / 3.0), "0.333333");
    }

    #[test]
    fn colours_are_checked() {
        assert_eq!(color("#AABBCC"), "#aabbcc");
        assert_eq!(color("red\" onload=\"x"), colors::FALLBACK);
        assert_eq!(color_or("url(#x)", "#ffffff"), "#ffffff");
    }

    #[test]
    fn the_star_matches_the_ui() {
        // starPoints(5.5) in sceneStyle.ts
        assert!(star_points(5.5).starts_with("0,-5.5 1.45,-2 5.23,-1.7"));
    }
}
