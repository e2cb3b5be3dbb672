//! Small geometry helpers: rectangles, rounding and path-number formatting.
//!
//! Everything that reaches the Scene is rounded to 0.01 so that the same map always gives
//! byte-identical JSON, whatever floating-point noise the arithmetic picked up.

use std::fmt::Write;

/// Rounds to 0.01, and turns −0 into 0 so it cannot print as "-0".
pub(crate) fn r2(v: f32) -> f32 {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pt {
    pub x: f32,
    pub y: f32,
}

pub(crate) fn pt(x: f32, y: f32) -> Pt {
    Pt { x, y }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn cx(&self) -> f32 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f32 {
        self.y + self.h / 2.0
    }
}

/// Builds an SVG path `d` string with rounded, compact numbers.
#[derive(Default)]
pub(crate) struct PathBuilder {
    d: String,
}

impl PathBuilder {
    pub fn move_to(&mut self, p: Pt) -> &mut Self {
        self.cmd('M', &[p]);
        self
    }
    pub fn cubic_to(&mut self, c1: Pt, c2: Pt, p: Pt) -> &mut Self {
        self.cmd('C', &[c1, c2, p]);
        self
    }
    fn cmd(&mut self, c: char, pts: &[Pt]) {
        if !self.d.is_empty() {
            self.d.push(' ');
        }
        self.d.push(c);
        for (i, p) in pts.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            // f32's Display prints the shortest text that reads back as the same number,
            // so a value rounded to 0.01 prints with at most two decimals.
            let _ = write!(self.d, "{sep}{},{}", r2(p.x), r2(p.y));
        }
    }
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.d)
    }
}

/// The point at `t` on a cubic Bézier.
pub(crate) fn cubic_at(p0: Pt, c1: Pt, c2: Pt, p3: Pt, t: f32) -> Pt {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    pt(
        a * p0.x + b * c1.x + c * c2.x + d * p3.x,
        a * p0.y + b * c1.y + c * c2.y + d * p3.y,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_formatting_are_compact() {
        assert_eq!(r2(1.23456), 1.23);
        assert_eq!(r2(-0.001), 0.0);
        assert!(r2(-0.001).is_sign_positive());
        let mut p = PathBuilder::default();
        p.move_to(pt(10.0, 20.006))
            .cubic_to(pt(1.0 / 3.0, 2.5), pt(0.1, -0.0), pt(100.0, 7.25));
        assert_eq!(p.finish(), "M10,20.01 C0.33,2.5 0.1,0 100,7.25");
    }
}
