//! Connector shapes: an SVG path of absolute `M` and `C` commands written together with
//! the polyline it follows, so the router can test a shape against the cards and the label
//! placer can walk along it without parsing the path again.

use crate::geom::{cubic_at, pt, r2, PathBuilder, Pt};

/// Pieces a cubic is cut into when it is flattened: enough that the polyline stays within
/// a unit or so of the curve at the sizes connectors are drawn.
const STEPS: usize = 16;
/// A quarter circle as a cubic: the handles reach this share of the radius.
const KAPPA: f32 = 0.552_284_8;

/// A path being built, and its flattened polyline.
pub(crate) struct Shape {
    path: PathBuilder,
    /// The polyline through the path, start to end.
    pub points: Vec<Pt>,
    /// The last handle, for the arrow's direction.
    last_handle: Pt,
}

/// A finished shape: the path, where the arrow ends and which way it points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finished {
    pub path: String,
    pub end: Pt,
    /// Degrees, 0 = right, 90 = down (screen coordinates, y grows downwards).
    pub end_angle: f32,
    pub points: Vec<Pt>,
}

impl Shape {
    pub fn start(a: Pt) -> Shape {
        let mut path = PathBuilder::default();
        path.move_to(a);
        Shape {
            path,
            points: vec![a],
            last_handle: a,
        }
    }

    fn here(&self) -> Pt {
        *self.points.last().expect("a shape starts with a point")
    }

    pub fn cubic(&mut self, c1: Pt, c2: Pt, b: Pt) -> &mut Self {
        let a = self.here();
        self.path.cubic_to(c1, c2, b);
        self.points
            .extend((1..=STEPS).map(|i| cubic_at(a, c1, c2, b, i as f32 / STEPS as f32)));
        self.last_handle = c2;
        self
    }

    /// A straight piece, written as a cubic with its handles on the line so the path stays
    /// the plain `M`/`C` every drawer of the Scene reads.
    pub fn line(&mut self, b: Pt) -> &mut Self {
        let a = self.here();
        let (c1, c2) = (lerp(a, b, 1.0 / 3.0), lerp(a, b, 2.0 / 3.0));
        self.path.cubic_to(c1, c2, b);
        self.points.push(b);
        self.last_handle = c2;
        self
    }

    pub fn finish(mut self) -> Finished {
        let b = self.here();
        // The arrow points along the curve's last tangent, which runs from the last handle
        // to the end.
        let (dx, dy) = (b.x - self.last_handle.x, b.y - self.last_handle.y);
        let end_angle = if dx == 0.0 && dy == 0.0 {
            0.0
        } else {
            dy.atan2(dx).to_degrees()
        };
        Finished {
            path: self.path.finish(),
            end: pt(r2(b.x), r2(b.y)),
            end_angle: r2(end_angle),
            points: self.points,
        }
    }
}

/// One cubic from `a` to `b`.
pub(crate) fn cubic(a: Pt, c1: Pt, c2: Pt, b: Pt) -> Finished {
    let mut s = Shape::start(a);
    s.cubic(c1, c2, b);
    s.finish()
}

/// A path through `points`, which turn at right angles, its corners rounded with at most
/// `radius` (less where a piece is too short to hold two corners).
pub(crate) fn rounded(points: &[Pt], radius: f32) -> Finished {
    let pts = corners_only(points);
    let mut s = Shape::start(pts[0]);
    let n = pts.len();
    // How much of piece `i` (from pts[i] to pts[i+1]) one corner may take: all of it at
    // either end of the path, half of it between two corners.
    let room = |i: usize| {
        let len = dist(pts[i], pts[i + 1]);
        if i == 0 || i + 2 == n {
            len
        } else {
            len / 2.0
        }
    };
    for i in 1..n.saturating_sub(1) {
        let (p, prev, next) = (pts[i], pts[i - 1], pts[i + 1]);
        let r = radius.min(room(i - 1)).min(room(i));
        let (din, dout) = (unit(prev, p), unit(p, next));
        let from = pt(p.x - din.x * r, p.y - din.y * r);
        let to = pt(p.x + dout.x * r, p.y + dout.y * r);
        if dist(s.here(), from) > 0.01 {
            s.line(from);
        }
        let k = r * (1.0 - KAPPA);
        s.cubic(
            pt(p.x - din.x * k, p.y - din.y * k),
            pt(p.x + dout.x * k, p.y + dout.y * k),
            to,
        );
    }
    if n > 1 && dist(s.here(), pts[n - 1]) > 0.01 {
        s.line(pts[n - 1]);
    }
    s.finish()
}

/// `points` without repeats and without points in the middle of a straight run.
fn corners_only(points: &[Pt]) -> Vec<Pt> {
    let mut out: Vec<Pt> = Vec::with_capacity(points.len());
    for &p in points {
        if out.last().is_some_and(|&q| dist(p, q) < 0.01) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let cross = (b.x - a.x) * (p.y - b.y) - (b.y - a.y) * (p.x - b.x);
            if cross.abs() < 0.01 {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

fn lerp(a: Pt, b: Pt, t: f32) -> Pt {
    pt(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

pub(crate) fn dist(a: Pt, b: Pt) -> f32 {
    (b.x - a.x).hypot(b.y - a.y)
}

fn unit(a: Pt, b: Pt) -> Pt {
    let d = dist(a, b).max(f32::EPSILON);
    pt((b.x - a.x) / d, (b.y - a.y) / d)
}

/// The polyline of an SVG path made of absolute `M`, `L`, `H`, `V` and `C` commands (what
/// the layout writes for emotion lines and ladders); anything else ends the reading.
pub(crate) fn flatten_path(d: &str) -> Vec<Vec<Pt>> {
    let mut out: Vec<Vec<Pt>> = Vec::new();
    let mut nums: Vec<f32> = Vec::new();
    let mut cmd = ' ';
    let mut here = pt(0.0, 0.0);
    let flush = |cmd: char, nums: &mut Vec<f32>, here: &mut Pt, out: &mut Vec<Vec<Pt>>| {
        match cmd {
            'M' if nums.len() >= 2 => {
                *here = pt(nums[0], nums[1]);
                out.push(vec![*here]);
            }
            'L' | 'H' | 'V' | 'C' => {
                let Some(line) = out.last_mut() else {
                    nums.clear();
                    return;
                };
                match cmd {
                    'L' => {
                        for p in nums.chunks_exact(2) {
                            *here = pt(p[0], p[1]);
                            line.push(*here);
                        }
                    }
                    'H' => {
                        for &x in nums.iter() {
                            *here = pt(x, here.y);
                            line.push(*here);
                        }
                    }
                    'V' => {
                        for &y in nums.iter() {
                            *here = pt(here.x, y);
                            line.push(*here);
                        }
                    }
                    _ => {
                        for c in nums.chunks_exact(6) {
                            let (c1, c2, b) = (pt(c[0], c[1]), pt(c[2], c[3]), pt(c[4], c[5]));
                            let a = *here;
                            line.extend(
                                (1..=STEPS)
                                    .map(|i| cubic_at(a, c1, c2, b, i as f32 / STEPS as f32)),
                            );
                            *here = b;
                        }
                    }
                }
            }
            _ => {}
        }
        nums.clear();
    };
    let mut token = String::new();
    for ch in d.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_alphabetic()
            || ch == ' '
            || ch == ','
            || (ch == '-' && !token.is_empty() && !token.ends_with('e'))
        {
            if !token.is_empty() {
                match token.parse::<f32>() {
                    Ok(v) if v.is_finite() => nums.push(v),
                    _ => return out,
                }
                token.clear();
            }
            if ch == '-' {
                token.push(ch);
            } else if ch.is_ascii_alphabetic() {
                flush(cmd, &mut nums, &mut here, &mut out);
                cmd = ch;
                if !matches!(cmd, 'M' | 'L' | 'H' | 'V' | 'C') {
                    return out;
                }
            }
        } else {
            token.push(ch);
        }
    }
    flush(cmd, &mut nums, &mut here, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_corners_stay_inside_the_turn() {
        let f = rounded(
            &[pt(0.0, 0.0), pt(10.0, 0.0), pt(10.0, 50.0), pt(60.0, 50.0)],
            8.0,
        );
        assert!(f.path.starts_with("M0,0 C"), "{}", f.path);
        assert_eq!((f.end, f.end_angle), (pt(60.0, 50.0), 0.0));
        // Every point lies within the box of the corners, and no corner is cut by more
        // than the radius.
        assert!(f
            .points
            .iter()
            .all(|p| (0.0..=60.0).contains(&p.x) && (0.0..=50.0).contains(&p.y)));
        assert!(f
            .points
            .iter()
            .any(|p| (p.x - 10.0).abs() < 0.01 && p.y > 10.0));
    }

    #[test]
    fn straight_runs_lose_their_middle_points() {
        let f = rounded(&[pt(0.0, 0.0), pt(5.0, 0.0), pt(10.0, 0.0)], 8.0);
        assert_eq!(f.points, vec![pt(0.0, 0.0), pt(10.0, 0.0)]);
    }

    #[test]
    fn paths_flatten_through_their_points() {
        let lines = flatten_path("M0,10 H40 V-20 L50,-20 C60,-20 60,0 70,0");
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert_eq!(
            &l[..4],
            &[
                pt(0.0, 10.0),
                pt(40.0, 10.0),
                pt(40.0, -20.0),
                pt(50.0, -20.0)
            ]
        );
        assert_eq!(*l.last().unwrap(), pt(70.0, 0.0));
        assert_eq!(flatten_path("M0,0 A1,1 0 0 1 5,5").len(), 1);
    }
}
