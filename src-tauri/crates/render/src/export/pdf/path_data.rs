//! SVG path data (`d`) to a krilla path: moves, lines, cubic and quadratic curves (with
//! their smooth forms) and close, absolute and relative. Arcs are not written by the
//! exporter and are refused, so such a page takes the usvg route.

use krilla::geom::{Path, PathBuilder};

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn skip_separators(&mut self) {
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_whitespace() || self.s[self.i] == b',')
        {
            self.i += 1;
        }
    }

    fn at_number(&mut self) -> bool {
        self.skip_separators();
        self.i < self.s.len() && matches!(self.s[self.i], b'0'..=b'9' | b'-' | b'+' | b'.')
    }

    fn number(&mut self) -> Result<f32, String> {
        self.skip_separators();
        let start = self.i;
        let s = self.s;
        let mut i = self.i;
        if i < s.len() && matches!(s[i], b'-' | b'+') {
            i += 1;
        }
        let mut dot = false;
        while i < s.len() && (s[i].is_ascii_digit() || (s[i] == b'.' && !dot)) {
            dot |= s[i] == b'.';
            i += 1;
        }
        if i < s.len() && matches!(s[i], b'e' | b'E') {
            let mut j = i + 1;
            if j < s.len() && matches!(s[j], b'-' | b'+') {
                j += 1;
            }
            if j < s.len() && s[j].is_ascii_digit() {
                i = j;
                while i < s.len() && s[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        self.i = i;
        std::str::from_utf8(&s[start..i])
            .ok()
            .and_then(|t| t.parse::<f32>().ok())
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("a number at byte {start}"))
    }
}

/// `None` path for empty data; an error names what is not understood.
pub(super) fn parse(d: &str) -> Result<Option<Path>, String> {
    let mut sc = Scanner {
        s: d.as_bytes(),
        i: 0,
    };
    let mut pb = PathBuilder::new();
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let (mut sx, mut sy) = (0.0f32, 0.0f32); // subpath start
                                             // The last control point, for the smooth curves.
    let mut last_cubic: Option<(f32, f32)> = None;
    let mut last_quad: Option<(f32, f32)> = None;
    let mut cmd = 0u8;
    let mut started = false;
    loop {
        sc.skip_separators();
        if sc.i >= sc.s.len() {
            break;
        }
        let c = sc.s[sc.i];
        if c.is_ascii_alphabetic() {
            cmd = c;
            sc.i += 1;
        } else if cmd == 0 {
            return Err("path data must start with a command".into());
        } else if cmd == b'M' {
            cmd = b'L'; // further pairs after a move are lines
        } else if cmd == b'm' {
            cmd = b'l';
        }
        let rel = cmd.is_ascii_lowercase();
        let (ox, oy) = if rel { (x, y) } else { (0.0, 0.0) };
        let upper = cmd.to_ascii_uppercase();
        if upper != b'Z' && !started && upper != b'M' {
            return Err("path data must start with a move".into());
        }
        let mut cubic = None;
        let mut quad = None;
        match upper {
            b'M' => {
                x = ox + sc.number()?;
                y = oy + sc.number()?;
                pb.move_to(x, y);
                (sx, sy) = (x, y);
                started = true;
            }
            b'L' => {
                x = ox + sc.number()?;
                y = oy + sc.number()?;
                pb.line_to(x, y);
            }
            b'H' => {
                x = ox + sc.number()?;
                pb.line_to(x, y);
            }
            b'V' => {
                y = oy + sc.number()?;
                pb.line_to(x, y);
            }
            b'C' | b'S' => {
                let (x1, y1) = if upper == b'C' {
                    (ox + sc.number()?, oy + sc.number()?)
                } else {
                    last_cubic.map_or((x, y), |(cx, cy)| (2.0 * x - cx, 2.0 * y - cy))
                };
                let x2 = ox + sc.number()?;
                let y2 = oy + sc.number()?;
                x = ox + sc.number()?;
                y = oy + sc.number()?;
                pb.cubic_to(x1, y1, x2, y2, x, y);
                cubic = Some((x2, y2));
            }
            b'Q' | b'T' => {
                let (x1, y1) = if upper == b'Q' {
                    (ox + sc.number()?, oy + sc.number()?)
                } else {
                    last_quad.map_or((x, y), |(cx, cy)| (2.0 * x - cx, 2.0 * y - cy))
                };
                x = ox + sc.number()?;
                y = oy + sc.number()?;
                pb.quad_to(x1, y1, x, y);
                quad = Some((x1, y1));
            }
            b'Z' => {
                pb.close();
                (x, y) = (sx, sy);
                // A number after Z has no command to belong to.
                if sc.at_number() {
                    return Err("a number after Z".into());
                }
            }
            _ => return Err(format!("the command {:?}", cmd as char)),
        }
        last_cubic = cubic;
        last_quad = quad;
    }
    Ok(pb.finish())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_what_the_exporter_writes() {
        for d in [
            "M0,0 L-10,-5 L-8,0 L-10,5 Z",
            "M10 20 l4.5 -4.5 l4.5 4.5 l-4.5 4.5 Z",
            "M1 2 H3 M4 5 V6",
            "M300,1536 C340,1521.5 460,1458.67 540,1449 S 600 1400 620 1410",
            "M0 0 Q 5 5 10 0 T 20 0",
            "M-3.5 3.5 L3.5 -3.5 M-0.5 -3.5 H3.5 V0.5",
            "M1e1 2.5.5 3 L4 5",
        ] {
            assert!(parse(d).unwrap().is_some(), "{d}");
        }
        assert!(parse("").unwrap().is_none());
        assert!(parse("M0 0 A 5 5 0 0 1 10 10").is_err());
        assert!(parse("L 3 4").is_err());
    }
}
