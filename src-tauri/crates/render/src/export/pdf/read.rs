//! A page's SVG read straight into drawing operations for krilla, for the subset of SVG the
//! exporter itself writes (groups with transforms and clips, rects, circles, lines, paths,
//! polygons, nested clipped `<svg>`, and `<text>`/`<tspan>` with Inter).
//!
//! Text becomes glyph runs shaped once per span ([`Shaper`]), never outlines: what made
//! the usvg route slow is that usvg also converts every glyph to a path while parsing.
//! Anything outside the subset (an element, attribute or value this reader does not know)
//! makes [`read`] answer [`Unsupported`], and the page then goes the general usvg route,
//! so an unknown construct can cost time but never change the drawing.

use std::collections::HashMap;

use krilla::geom::{Path, PathBuilder, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, KrillaGlyph};
use usvg::roxmltree::{self, Node};

use super::path_data;
use super::shape::{Face, Shaper};
use super::style::{number, numbers, transform, Anchor, Style};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// One drawing operation, in page order.
pub(super) enum Op {
    Push(Transform),
    Clip(Path),
    Opacity(NormalizedF32),
    /// Ends the innermost `Push`, `Clip` or `Opacity`.
    Pop,
    Shape {
        path: Path,
        fill: Option<Fill>,
        stroke: Option<Stroke>,
    },
    /// A run of glyphs in one face, size and paint; (x, y) is the first glyph's origin on
    /// the baseline.
    Text {
        x: f32,
        y: f32,
        font: Font,
        size: f32,
        fill: Option<Fill>,
        stroke: Option<Stroke>,
        glyphs: Vec<KrillaGlyph>,
        text: String,
    },
}

/// Why a page cannot take the direct route (for tests and diagnostics).
#[derive(Debug)]
pub(super) struct Unsupported(#[cfg_attr(not(test), allow(dead_code))] pub String);

pub(super) type Result<T> = std::result::Result<T, Unsupported>;

pub(super) fn unsupported<T>(what: impl Into<String>) -> Result<T> {
    Err(Unsupported(what.into()))
}

fn rect_path(x: f32, y: f32, w: f32, h: f32, rx: f32, ry: f32) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let (rx, ry) = (rx.clamp(0.0, w / 2.0), ry.clamp(0.0, h / 2.0));
    if rx <= 0.0 || ry <= 0.0 {
        pb.move_to(x, y);
        pb.line_to(x + w, y);
        pb.line_to(x + w, y + h);
        pb.line_to(x, y + h);
        pb.close();
        return pb.finish();
    }
    // Quarter ellipses as cubics.
    const K: f32 = 0.552_284_8;
    let (kx, ky) = (rx * K, ry * K);
    let (r, b) = (x + w, y + h);
    pb.move_to(x + rx, y);
    pb.line_to(r - rx, y);
    pb.cubic_to(r - rx + kx, y, r, y + ry - ky, r, y + ry);
    pb.line_to(r, b - ry);
    pb.cubic_to(r, b - ry + ky, r - rx + kx, b, r - rx, b);
    pb.line_to(x + rx, b);
    pb.cubic_to(x + rx - kx, b, x, b - ry + ky, x, b - ry);
    pb.line_to(x, y + ry);
    pb.cubic_to(x, y + ry - ky, x + rx - kx, y, x + rx, y);
    pb.close();
    pb.finish()
}

fn circle_path(cx: f32, cy: f32, r: f32) -> Option<Path> {
    const K: f32 = 0.552_284_8;
    let k = r * K;
    let mut pb = PathBuilder::new();
    pb.move_to(cx + r, cy);
    pb.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    pb.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    pb.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    pb.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    pb.close();
    pb.finish()
}

struct Reader<'s> {
    shaper: &'s mut Shaper,
    /// `<clipPath>` rectangles (x, y, width, height) by id.
    clips: HashMap<String, Vec<[f32; 4]>>,
    ops: Vec<Op>,
}

/// The page `svg` as operations in page points for a page `width` × `height` points.
pub(super) fn read(svg: &str, width: f32, height: f32, shaper: &mut Shaper) -> Result<Vec<Op>> {
    let doc = roxmltree::Document::parse(svg).or_else(|e| unsupported(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return unsupported("the root is not <svg>");
    }
    let mut reader = Reader {
        shaper,
        clips: HashMap::new(),
        ops: Vec::with_capacity(4096),
    };
    // The page's own scale: its viewBox onto the page size.
    let mut style = Style::default();
    let mut view = None;
    for a in root.attributes() {
        match a.name() {
            "version" | "width" | "height" => {}
            "viewBox" => view = Some(numbers(a.value())?),
            name if style.apply(name, a.value())? => {}
            name => return unsupported(format!("<svg {name}>")),
        }
    }
    let (vw, vh) = match view.as_deref() {
        None => (
            root.attribute("width")
                .map(number)
                .transpose()?
                .unwrap_or(width),
            root.attribute("height")
                .map(number)
                .transpose()?
                .unwrap_or(height),
        ),
        Some([0.0, 0.0, w, h]) => (*w, *h),
        Some(_) => return unsupported("a viewBox not at 0 0"),
    };
    if vw <= 0.0 || vh <= 0.0 {
        return unsupported("an empty viewBox");
    }
    let (sx, sy) = (width / vw, height / vh);
    if (sx - sy).abs() > 1e-3 * sx.max(sy) {
        return unsupported("a viewBox of another aspect ratio than the page");
    }
    for node in root
        .descendants()
        .filter(|n| n.has_tag_name((SVG_NS, "clipPath")))
    {
        reader.clip_path(node)?;
    }
    let scaled = (sx - 1.0).abs() > 1e-6;
    if scaled {
        reader.ops.push(Op::Push(Transform::from_scale(sx, sx)));
    }
    reader.children(root, &style)?;
    if scaled {
        reader.ops.push(Op::Pop);
    }
    Ok(reader.ops)
}

impl Reader<'_> {
    /// A `<clipPath>` of plain rectangles, by id.
    fn clip_path(&mut self, node: Node) -> Result<()> {
        let id = node.attribute("id").unwrap_or_default().to_owned();
        for a in node.attributes() {
            if !matches!(a.name(), "id" | "class") {
                return unsupported(format!("<clipPath {}>", a.name()));
            }
        }
        let mut rects = Vec::new();
        for child in node.children().filter(|c| c.is_element()) {
            if !child.has_tag_name((SVG_NS, "rect")) {
                return unsupported("a clipPath of other than rects");
            }
            let mut g = [0.0f32; 4];
            for a in child.attributes() {
                let i = match a.name() {
                    "x" => 0,
                    "y" => 1,
                    "width" => 2,
                    "height" => 3,
                    n => return unsupported(format!("<clipPath><rect {n}>")),
                };
                g[i] = number(a.value())?;
            }
            rects.push(g);
        }
        self.clips.insert(id, rects);
        Ok(())
    }

    /// The clip path of rectangles; an empty clip hides everything, as a zero-area one does.
    fn clip(rects: &[[f32; 4]]) -> Option<Path> {
        let mut pb = PathBuilder::new();
        for g in rects {
            if let Some(r) = krilla::geom::Rect::from_xywh(g[0], g[1], g[2], g[3]) {
                pb.push_rect(r);
            }
        }
        pb.finish().or_else(|| {
            let mut pb = PathBuilder::new();
            pb.move_to(0.0, 0.0);
            pb.line_to(0.0, 0.0);
            pb.close();
            pb.finish()
        })
    }

    fn children(&mut self, node: Node, style: &Style) -> Result<()> {
        for child in node.children() {
            if child.is_element() {
                self.element(child, style)?;
            }
        }
        Ok(())
    }

    fn element(&mut self, node: Node, parent: &Style) -> Result<()> {
        if node.tag_name().namespace() != Some(SVG_NS) {
            return unsupported(format!("element {:?}", node.tag_name()));
        }
        let name = node.tag_name().name();
        if matches!(name, "title" | "desc" | "defs" | "metadata") {
            return Ok(());
        }
        let mut style = parent.clone();
        let mut pushes = 0;
        let mut opacity = None;
        let mut clip = None;
        let mut geometry: Vec<(&str, &str)> = Vec::new();
        for a in node.attributes() {
            if a.namespace() == Some(XML_NS) {
                match (a.name(), a.value()) {
                    ("space", "preserve") => style.preserve = true,
                    ("space", "default") => style.preserve = false,
                    (n, v) => return unsupported(format!("xml:{n}={v}")),
                }
                continue;
            }
            if a.namespace().is_some() {
                return unsupported(format!("attribute {}", a.name()));
            }
            match a.name() {
                "class" | "id" => {}
                "transform" => {
                    self.ops.push(Op::Push(transform(a.value())?));
                    pushes += 1;
                }
                "opacity" => opacity = Some(number(a.value())?),
                "clip-path" => {
                    let v = a.value().trim();
                    let id = v
                        .strip_prefix("url(#")
                        .and_then(|r| r.strip_suffix(')'))
                        .ok_or_else(|| Unsupported(format!("clip-path {v}")))?;
                    let rects = self
                        .clips
                        .get(id)
                        .ok_or_else(|| Unsupported(format!("clip-path {v}")))?;
                    clip = Some(
                        Reader::clip(rects).ok_or_else(|| Unsupported(format!("clip-path {v}")))?,
                    );
                }
                n => {
                    if !style.apply(n, a.value())? {
                        geometry.push((n, a.value()));
                    }
                }
            }
        }
        if let Some(clip) = clip {
            self.ops.push(Op::Clip(clip));
            pushes += 1;
        }
        if let Some(o) = opacity {
            if o < 1.0 {
                let o = NormalizedF32::new(o.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ZERO);
                self.ops.push(Op::Opacity(o));
                pushes += 1;
            }
        }
        let geo = |key: &str| geometry.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let num = |key: &str| geo(key).map(number).transpose().map(|v| v.unwrap_or(0.0));
        let only = |keys: &[&str]| -> Result<()> {
            match geometry.iter().find(|(k, _)| !keys.contains(k)) {
                Some((k, _)) => unsupported(format!("<{name} {k}>")),
                None => Ok(()),
            }
        };
        match name {
            "g" => {
                only(&[])?;
                self.children(node, &style)?;
            }
            "svg" => {
                only(&["x", "y", "width", "height", "overflow"])?;
                if !matches!(geo("overflow"), None | Some("hidden")) {
                    return unsupported("a nested <svg> that does not clip");
                }
                let (w, h) = (num("width")?, num("height")?);
                if geo("width").is_none() || geo("height").is_none() || w <= 0.0 || h <= 0.0 {
                    return unsupported("a nested <svg> without a size");
                }
                self.ops
                    .push(Op::Push(Transform::from_translate(num("x")?, num("y")?)));
                let clip = rect_path(0.0, 0.0, w, h, 0.0, 0.0)
                    .ok_or_else(|| Unsupported("a nested <svg> clip".into()))?;
                self.ops.push(Op::Clip(clip));
                self.children(node, &style)?;
                self.ops.push(Op::Pop);
                self.ops.push(Op::Pop);
            }
            "rect" => {
                only(&["x", "y", "width", "height", "rx", "ry"])?;
                let (w, h) = (num("width")?, num("height")?);
                let rx = geo("rx").map(number).transpose()?;
                let ry = geo("ry").map(number).transpose()?;
                let (rx, ry) = match (rx, ry) {
                    (Some(x), Some(y)) => (x, y),
                    (Some(r), None) | (None, Some(r)) => (r, r),
                    (None, None) => (0.0, 0.0),
                };
                if w > 0.0 && h > 0.0 {
                    let path = rect_path(num("x")?, num("y")?, w, h, rx, ry);
                    self.shape(path, &style, true);
                }
            }
            "circle" => {
                only(&["cx", "cy", "r"])?;
                let r = num("r")?;
                if r > 0.0 {
                    let path = circle_path(num("cx")?, num("cy")?, r);
                    self.shape(path, &style, true);
                }
            }
            "line" => {
                only(&["x1", "y1", "x2", "y2"])?;
                let mut pb = PathBuilder::new();
                pb.move_to(num("x1")?, num("y1")?);
                pb.line_to(num("x2")?, num("y2")?);
                self.shape(pb.finish(), &style, false);
            }
            "path" => {
                only(&["d"])?;
                let path = path_data::parse(geo("d").unwrap_or_default())
                    .map_err(|e| Unsupported(format!("path data: {e}")))?;
                self.shape(path, &style, true);
            }
            "polygon" | "polyline" => {
                only(&["points"])?;
                let points = numbers(geo("points").unwrap_or_default())?;
                if points.len() >= 4 {
                    let mut pb = PathBuilder::new();
                    pb.move_to(points[0], points[1]);
                    for p in points[2..].chunks_exact(2) {
                        pb.line_to(p[0], p[1]);
                    }
                    if name == "polygon" {
                        pb.close();
                    }
                    self.shape(pb.finish(), &style, true);
                }
            }
            "text" => self.text(node, &style, &geometry)?,
            _ => return unsupported(format!("<{name}>")),
        }
        for _ in 0..pushes {
            self.ops.push(Op::Pop);
        }
        Ok(())
    }

    fn shape(&mut self, path: Option<Path>, style: &Style, fillable: bool) {
        let Some(path) = path else { return };
        let fill = if fillable { style.fill() } else { None };
        let stroke = style.stroke();
        if fill.is_some() || stroke.is_some() {
            self.ops.push(Op::Shape { path, fill, stroke });
        }
    }

    /// A `<text>`: chunks start at the element's x/y and at every `<tspan>` with its own
    /// x and y; within a chunk, spans (a tspan's own weight or colour) follow each other.
    fn text(&mut self, node: Node, style: &Style, geometry: &[(&str, &str)]) -> Result<()> {
        let mut central = false;
        let (mut x, mut y) = (0.0, 0.0);
        for (k, v) in geometry {
            match *k {
                "x" => x = number(v)?,
                "y" => y = number(v)?,
                "dominant-baseline" => {
                    central = match v.trim() {
                        "central" => true,
                        "auto" | "alphabetic" => false,
                        v => return unsupported(format!("dominant-baseline {v}")),
                    }
                }
                k => return unsupported(format!("<text {k}>")),
            }
        }
        let mut chunks: Vec<Chunk> = vec![Chunk {
            x,
            y,
            anchor: style.anchor,
            spans: Vec::new(),
        }];
        for child in node.children() {
            if let Some(t) = child.text().filter(|_| child.is_text()) {
                let chunk = chunks.last_mut().expect("a chunk");
                chunk.spans.push((t.to_owned(), style.clone()));
            } else if child.is_element() {
                if !child.has_tag_name((SVG_NS, "tspan")) {
                    return unsupported(format!("<text><{}>", child.tag_name().name()));
                }
                let mut span_style = style.clone();
                let (mut sx, mut sy) = (None, None);
                for a in child.attributes() {
                    if a.namespace() == Some(XML_NS) {
                        match (a.name(), a.value()) {
                            ("space", "preserve") => span_style.preserve = true,
                            ("space", "default") => span_style.preserve = false,
                            (n, v) => return unsupported(format!("xml:{n}={v}")),
                        }
                        continue;
                    }
                    match a.name() {
                        "x" => sx = Some(number(a.value())?),
                        "y" => sy = Some(number(a.value())?),
                        "class" | "id" => {}
                        n if span_style.apply(n, a.value())? => {}
                        n => return unsupported(format!("<tspan {n}>")),
                    }
                }
                match (sx, sy) {
                    (Some(x), Some(y)) => chunks.push(Chunk {
                        x,
                        y,
                        anchor: span_style.anchor,
                        spans: Vec::new(),
                    }),
                    (None, None) => {}
                    _ => return unsupported("a <tspan> with only one of x and y"),
                }
                let mut text = String::new();
                for t in child.children() {
                    if t.is_element() {
                        return unsupported("a <tspan> inside a <tspan>");
                    }
                    if let Some(s) = t.text() {
                        text.push_str(s);
                    }
                }
                let chunk = chunks.last_mut().expect("a chunk");
                chunk.spans.push((text, span_style));
            }
        }
        // usvg reorders right-to-left runs (bidi); these shapers only go left to right.
        if chunks
            .iter()
            .flat_map(|c| &c.spans)
            .any(|(t, _)| t.chars().any(right_to_left))
        {
            return unsupported("right-to-left text");
        }
        white_space(&mut chunks);
        for chunk in chunks {
            self.chunk(chunk, central);
        }
        Ok(())
    }

    fn chunk(&mut self, chunk: Chunk, central: bool) {
        struct Shaped {
            face: Face,
            glyphs: Vec<KrillaGlyph>,
            text: String,
            style: Style,
            width: f32,
        }
        let mut shaped: Vec<Shaped> = Vec::with_capacity(chunk.spans.len());
        for (text, style) in chunk.spans {
            if text.is_empty() || style.font_size <= 0.0 {
                continue;
            }
            let face = Face::for_weight(style.font_weight);
            let run = self.shaper.shape(face, &text);
            let mut glyphs = run.glyphs;
            if style.letter_spacing != 0.0 {
                let spacing = style.letter_spacing / style.font_size;
                for (g, end) in glyphs.iter_mut().zip(&run.cluster_ends) {
                    if *end {
                        g.x_advance += spacing;
                    }
                }
            }
            let width = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * style.font_size;
            shaped.push(Shaped {
                face,
                glyphs,
                text,
                style,
                width,
            });
        }
        // No spacing after the chunk's last cluster (it would shift a centred label).
        if let Some(last) = shaped.last_mut() {
            if last.style.letter_spacing != 0.0 {
                if let Some(g) = last.glyphs.last_mut() {
                    let spacing = last.style.letter_spacing / last.style.font_size;
                    g.x_advance -= spacing;
                    last.width -= last.style.letter_spacing;
                }
            }
        }
        let width: f32 = shaped.iter().map(|s| s.width).sum();
        let mut x = chunk.x
            - match chunk.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => width / 2.0,
                Anchor::End => width,
            };
        for s in shaped {
            let size = s.style.font_size;
            let fill = s.style.fill();
            let stroke = s.style.stroke();
            let y = if central {
                chunk.y + self.shaper.central(s.face) * size
            } else {
                chunk.y
            };
            if fill.is_some() || stroke.is_some() {
                self.ops.push(Op::Text {
                    x,
                    y,
                    font: self.shaper.font(s.face),
                    size,
                    fill,
                    stroke,
                    glyphs: s.glyphs,
                    text: s.text,
                });
            }
            x += s.width;
        }
    }
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks, with their
/// presentation forms.
fn right_to_left(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

struct Chunk {
    x: f32,
    y: f32,
    anchor: Anchor,
    spans: Vec<(String, Style)>,
}

/// SVG's `xml:space`: with `preserve`, newlines and tabs become spaces; by default they go
/// (newlines) or become spaces (tabs), runs of spaces collapse to one across spans, and the
/// text's first leading and last trailing space are dropped.
fn white_space(chunks: &mut [Chunk]) {
    let mut prev_space_default = true; // at the start, a leading space goes
    for chunk in chunks.iter_mut() {
        for (text, style) in chunk.spans.iter_mut() {
            let mut out = String::with_capacity(text.len());
            if style.preserve {
                for c in text.chars() {
                    out.push(if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    });
                }
                prev_space_default = false;
            } else {
                for c in text.chars() {
                    let c = match c {
                        '\n' | '\r' => continue,
                        '\t' => ' ',
                        c => c,
                    };
                    if c == ' ' && prev_space_default {
                        continue;
                    }
                    prev_space_default = c == ' ';
                    out.push(c);
                }
            }
            *text = out;
        }
    }
    // The last trailing space of default-space text.
    for chunk in chunks.iter_mut().rev() {
        if let Some((text, style)) = chunk.spans.iter_mut().rev().find(|(t, _)| !t.is_empty()) {
            if !style.preserve && text.ends_with(' ') {
                text.pop();
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, preserve: bool) -> Vec<Chunk> {
        let style = Style {
            preserve,
            ..Style::default()
        };
        vec![Chunk {
            x: 0.0,
            y: 0.0,
            anchor: Anchor::Start,
            spans: vec![(text.to_owned(), style)],
        }]
    }

    #[test]
    fn white_space_follows_xml_space() {
        let mut c = spans("  a \n  b\t ", false);
        white_space(&mut c);
        assert_eq!(c[0].spans[0].0, "a b");
        let mut c = spans("  a\nb ", true);
        white_space(&mut c);
        assert_eq!(c[0].spans[0].0, "  a b ");
    }
}
