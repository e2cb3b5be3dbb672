//! The presentation attributes a page's SVG sets (inherited down the tree as SVG says),
//! and the small value syntaxes: numbers, hex colours, transforms. Anything else is
//! [`Unsupported`], which sends the page the usvg way.

use krilla::color::{luma, rgb};
use krilla::geom::Transform;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Paint, Stroke, StrokeDash};

use super::read::{unsupported, Result, Unsupported};

pub(super) type Color = (u8, u8, u8);

/// The inherited presentation attributes.
#[derive(Clone)]
pub(super) struct Style {
    pub fill: Option<Color>,
    pub fill_opacity: f32,
    pub fill_rule: FillRule,
    pub stroke: Option<Color>,
    pub stroke_opacity: f32,
    pub stroke_width: f32,
    pub line_cap: LineCap,
    pub line_join: LineJoin,
    pub miter_limit: f32,
    pub dash: Option<Vec<f32>>,
    pub dash_offset: f32,
    pub font_size: f32,
    pub font_weight: u16,
    pub letter_spacing: f32,
    pub anchor: Anchor,
    pub preserve: bool,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            fill: Some((0, 0, 0)),
            fill_opacity: 1.0,
            fill_rule: FillRule::NonZero,
            stroke: None,
            stroke_opacity: 1.0,
            stroke_width: 1.0,
            line_cap: LineCap::Butt,
            line_join: LineJoin::Miter,
            miter_limit: 4.0,
            dash: None,
            dash_offset: 0.0,
            font_size: 12.0,
            font_weight: 400,
            letter_spacing: 0.0,
            anchor: Anchor::Start,
            preserve: false,
        }
    }
}

impl Style {
    fn paint(c: Color) -> Paint {
        if c.0 == c.1 && c.1 == c.2 {
            luma::Color::new(c.0).into()
        } else {
            rgb::Color::new(c.0, c.1, c.2).into()
        }
    }

    pub fn fill(&self) -> Option<Fill> {
        let c = self.fill?;
        Some(Fill {
            paint: Style::paint(c),
            opacity: NormalizedF32::new(self.fill_opacity.clamp(0.0, 1.0))?,
            rule: self.fill_rule,
        })
    }

    pub fn stroke(&self) -> Option<Stroke> {
        let c = self.stroke?;
        if self.stroke_width <= 0.0 {
            return None;
        }
        let dash = self
            .dash
            .as_ref()
            .filter(|d| d.iter().sum::<f32>() > 0.0)
            .map(|d| {
                // An odd count repeats, as SVG says.
                let mut array = d.clone();
                if array.len() % 2 == 1 {
                    array.extend_from_slice(d);
                }
                StrokeDash {
                    array,
                    offset: self.dash_offset,
                }
            });
        Some(Stroke {
            paint: Style::paint(c),
            width: self.stroke_width,
            miter_limit: self.miter_limit,
            line_cap: self.line_cap,
            line_join: self.line_join,
            opacity: NormalizedF32::new(self.stroke_opacity.clamp(0.0, 1.0))?,
            dash,
        })
    }

    /// Applies a presentation attribute; `false` when `name` is not one.
    pub fn apply(&mut self, name: &str, value: &str) -> Result<bool> {
        match name {
            "fill" => self.fill = paint(value)?,
            "fill-opacity" => self.fill_opacity = number(value)?,
            "fill-rule" => {
                self.fill_rule = match value {
                    "nonzero" => FillRule::NonZero,
                    "evenodd" => FillRule::EvenOdd,
                    _ => return unsupported(format!("fill-rule {value}")),
                }
            }
            "stroke" => self.stroke = paint(value)?,
            "stroke-opacity" => self.stroke_opacity = number(value)?,
            "stroke-width" => self.stroke_width = number(value)?,
            "stroke-linecap" => {
                self.line_cap = match value {
                    "butt" => LineCap::Butt,
                    "round" => LineCap::Round,
                    "square" => LineCap::Square,
                    _ => return unsupported(format!("stroke-linecap {value}")),
                }
            }
            "stroke-linejoin" => {
                self.line_join = match value {
                    "miter" => LineJoin::Miter,
                    "round" => LineJoin::Round,
                    "bevel" => LineJoin::Bevel,
                    _ => return unsupported(format!("stroke-linejoin {value}")),
                }
            }
            "stroke-miterlimit" => self.miter_limit = number(value)?,
            "stroke-dasharray" => {
                self.dash = if value.trim() == "none" {
                    None
                } else {
                    Some(numbers(value)?)
                }
            }
            "stroke-dashoffset" => self.dash_offset = number(value)?,
            "font-size" => self.font_size = number(value)?,
            "font-weight" => {
                self.font_weight = match value.trim() {
                    "normal" => 400,
                    "bold" => 700,
                    v => v
                        .parse()
                        .or_else(|_| unsupported(format!("font-weight {v}")))?,
                }
            }
            "letter-spacing" => {
                self.letter_spacing = match value.trim() {
                    "normal" => 0.0,
                    v => number(v)?,
                }
            }
            "text-anchor" => {
                self.anchor = match value.trim() {
                    "start" => Anchor::Start,
                    "middle" => Anchor::Middle,
                    "end" => Anchor::End,
                    v => return unsupported(format!("text-anchor {v}")),
                }
            }
            // One font is all there is (the bundled Inter), as for usvg with its database;
            // PDF has no anti-aliasing switch.
            "font-family" | "text-rendering" | "shape-rendering" => {}
            _ => return Ok(false),
        }
        Ok(true)
    }
}

pub(super) fn number(s: &str) -> Result<f32> {
    match s.trim().parse::<f32>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => unsupported(format!("number {s:?}")),
    }
}

pub(super) fn numbers(s: &str) -> Result<Vec<f32>> {
    s.split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|p| !p.is_empty())
        .map(number)
        .collect()
}

fn paint(value: &str) -> Result<Option<Color>> {
    let v = value.trim();
    let hex = |s: &str| u8::from_str_radix(s, 16).ok();
    let color = match v {
        "none" => return Ok(None),
        "black" => Some((0, 0, 0)),
        "white" => Some((255, 255, 255)),
        _ if v.len() == 7 && v.starts_with('#') => {
            match (hex(&v[1..3]), hex(&v[3..5]), hex(&v[5..7])) {
                (Some(r), Some(g), Some(b)) => Some((r, g, b)),
                _ => None,
            }
        }
        _ if v.len() == 4 && v.starts_with('#') => {
            match (hex(&v[1..2]), hex(&v[2..3]), hex(&v[3..4])) {
                (Some(r), Some(g), Some(b)) => Some((r * 17, g * 17, b * 17)),
                _ => None,
            }
        }
        _ => None,
    };
    match color {
        Some(c) => Ok(Some(c)),
        None => unsupported(format!("paint {v:?}")),
    }
}

/// `translate`, `scale`, `rotate` and `matrix`, in order.
pub(super) fn transform(s: &str) -> Result<Transform> {
    let mut m = [1.0f32, 0.0, 0.0, 1.0, 0.0, 0.0]; // sx ky kx sy tx ty
    let mut rest = s.trim();
    while !rest.is_empty() {
        let open = rest
            .find('(')
            .ok_or_else(|| Unsupported(format!("transform {s}")))?;
        let close = rest
            .find(')')
            .ok_or_else(|| Unsupported(format!("transform {s}")))?;
        let name = rest[..open].trim().trim_start_matches(',').trim();
        let args = numbers(&rest[open + 1..close])?;
        let t: [f32; 6] = match (name, args.as_slice()) {
            ("translate", [x]) => [1.0, 0.0, 0.0, 1.0, *x, 0.0],
            ("translate", [x, y]) => [1.0, 0.0, 0.0, 1.0, *x, *y],
            ("scale", [k]) => [*k, 0.0, 0.0, *k, 0.0, 0.0],
            ("scale", [x, y]) => [*x, 0.0, 0.0, *y, 0.0, 0.0],
            ("rotate", [a]) => {
                let (sin, cos) = a.to_radians().sin_cos();
                [cos, sin, -sin, cos, 0.0, 0.0]
            }
            ("matrix", [a, b, c, d, e, f]) => [*a, *b, *c, *d, *e, *f],
            _ => return unsupported(format!("transform {s}")),
        };
        // m = m × t (t applies first, in the element's own coordinates).
        m = [
            m[0] * t[0] + m[2] * t[1],
            m[1] * t[0] + m[3] * t[1],
            m[0] * t[2] + m[2] * t[3],
            m[1] * t[2] + m[3] * t[3],
            m[0] * t[4] + m[2] * t[5] + m[4],
            m[1] * t[4] + m[3] * t[5] + m[5],
        ];
        rest = rest[close + 1..].trim();
    }
    Ok(Transform::from_row(m[0], m[1], m[2], m[3], m[4], m[5]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms_compose_left_to_right() {
        let t = transform("translate(10 20) scale(2)").unwrap();
        assert_eq!((t.sx(), t.sy(), t.tx(), t.ty()), (2.0, 2.0, 10.0, 20.0));
        let r = transform("rotate(90)").unwrap();
        assert!((r.ky() - 1.0).abs() < 1e-6 && (r.kx() + 1.0).abs() < 1e-6);
        assert!(transform("skewX(3)").is_err());
    }

    #[test]
    fn paints_are_hex_or_none() {
        assert_eq!(paint("#ff0080").unwrap(), Some((255, 0, 128)));
        assert_eq!(paint("#fff").unwrap(), Some((255, 255, 255)));
        assert_eq!(paint("none").unwrap(), None);
        assert!(paint("currentColor").is_err());
        assert!(paint("url(#g)").is_err());
    }
}
