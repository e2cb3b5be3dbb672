//! Where connector labels go. A label is tried beside its path's middle first, then at
//! other points along the path and on other sides of it, and takes the first place where
//! it covers no card, no other label or text, and no line; if there is none, the place
//! that covers the least (a card or a label weighs most, then another connector's line,
//! then an emotion or ladder line, then its own line). Placed labels are obstacles for the
//! next ones, so they are placed in the map's connector order and the result is the same
//! every time.

use crate::connectors::{LabelSide, Route};
use crate::curve::dist;
use crate::geom::{pt, Pt, Rect};
use crate::obstacles::{CardIndex, Grid};

/// Room around a label's text that is kept clear (its halo, and some air).
pub(crate) const LABEL_PAD: f32 = 3.0;
/// Between a path and the text of its label.
const GAP: f32 = 6.0;
/// Rings of places further from the path, for crowded spots (a flow across the narrow
/// gap between two columns has no room beside it: its label goes above or below the cards).
const FAR_GAPS: [f32; 4] = [18.0, 32.0, 48.0, 64.0];
/// The points along the path tried, as shares of its length, best first.
const ALONG: [f32; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];
/// Along the path from a point: centred on it first, then after it, then before it.
const SLIDES: [f32; 3] = [0.0, 1.0, -1.0];
/// Grid cells: about a card's size, so a query touches few of them.
const CELL: f32 = 128.0;
/// The owner of lines that are not connectors (emotion lines, ladders).
const OTHER_LINE: u32 = u32::MAX;

const COST_OUTSIDE: f32 = 1e12;
/// Per unit of area on a card: a label that must cover a card covers as little as it can.
const COST_CARD_AREA: f32 = 10.0;
const COST_TEXT: f32 = 10_000.0;
const COST_CONNECTOR: f32 = 100.0;
const COST_OTHER_LINE: f32 = 20.0;
const COST_OWN_LINE: f32 = 1.0;

/// One label's text: how wide it is and how far its baseline is below the top of its
/// line box (`line_height` tall).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LabelText {
    pub width: f32,
    pub baseline: f32,
    pub line_height: f32,
}

pub(crate) struct Placer<'a> {
    cards: &'a CardIndex,
    grid: Grid,
    /// Labels must stay inside this: the columns and lanes, where the drawing has paper.
    bounds: Rect,
}

impl<'a> Placer<'a> {
    /// `routes` are all connectors' paths; `lines` other lines on the map; `texts` boxes of
    /// text already on the map.
    pub fn new(
        cards: &'a CardIndex,
        routes: &[&Route],
        lines: &[Vec<Pt>],
        texts: &[Rect],
        bounds: Rect,
    ) -> Placer<'a> {
        let mut grid = Grid::new(CELL);
        for (i, r) in routes.iter().enumerate() {
            grid.add_polyline(i as u32, &r.points);
        }
        for l in lines {
            grid.add_polyline(OTHER_LINE, l);
        }
        for &t in texts {
            grid.add_box(t);
        }
        Placer {
            cards,
            grid,
            bounds,
        }
    }

    /// Places the label of route number `owner` (as given to `new`) and keeps it clear for
    /// the next ones. Returns where its text starts: x, and the baseline's y.
    pub fn place(&mut self, owner: usize, route: &Route, text: LabelText) -> (f32, f32) {
        let (w, h) = (text.width + 2.0 * LABEL_PAD, text.line_height);
        // `slide` moves the box along the path by half its length: -1, 0 (centred) or 1.
        let boxed = |p: Pt, side: Side, gap: f32, slide: f32| -> Rect {
            let (x, y) = match side {
                Side::Above => (p.x - w / 2.0, p.y - gap - text.baseline),
                Side::Below => (p.x - w / 2.0, p.y + gap),
                Side::Right => (p.x + gap - LABEL_PAD, p.y - h / 2.0),
                Side::Left => (p.x - gap + LABEL_PAD - w, p.y - h / 2.0),
            };
            match side {
                Side::Above | Side::Below => Rect {
                    x: x + slide * w / 2.0,
                    y,
                    w,
                    h,
                },
                Side::Right | Side::Left => Rect {
                    x,
                    y: y + slide * h / 2.0,
                    w,
                    h,
                },
            }
        };
        let first = boxed(route.mid, route.label_side.into(), GAP, 0.0);
        let mut best = (self.cost(&first, owner), first);
        if best.0 > 0.0 {
            let along = walk(&route.points);
            'search: for gap in std::iter::once(GAP).chain(FAR_GAPS) {
                for share in ALONG {
                    let (p, horizontal) = along.at(share);
                    let sides = if horizontal {
                        [Side::Above, Side::Below, Side::Right, Side::Left]
                    } else {
                        [Side::Right, Side::Left, Side::Above, Side::Below]
                    };
                    for (side, slide) in sides.into_iter().flat_map(|s| SLIDES.map(|d| (s, d))) {
                        let r = boxed(p, side, gap, slide);
                        let cost = self.cost(&r, owner);
                        if cost < best.0 {
                            best = (cost, r);
                            if cost == 0.0 {
                                break 'search;
                            }
                        }
                    }
                }
            }
        }
        let r = best.1;
        self.grid.add_box(r);
        (r.x + LABEL_PAD, r.y + text.baseline)
    }

    fn cost(&self, r: &Rect, owner: usize) -> f32 {
        let b = &self.bounds;
        if r.x < b.x || r.y < b.y || r.right() > b.right() || r.bottom() > b.bottom() {
            return COST_OUTSIDE;
        }
        let (owners, texts) = self.grid.hits(r);
        let lines: f32 = owners
            .iter()
            .map(|&o| match o {
                OTHER_LINE => COST_OTHER_LINE,
                o if o as usize == owner => COST_OWN_LINE,
                _ => COST_CONNECTOR,
            })
            .sum();
        self.cards.area_on_cards(r) * COST_CARD_AREA + texts as f32 * COST_TEXT + lines
    }
}

#[derive(Debug, Clone, Copy)]
enum Side {
    Above,
    Below,
    Right,
    Left,
}

impl From<LabelSide> for Side {
    fn from(s: LabelSide) -> Side {
        match s {
            LabelSide::Above => Side::Above,
            LabelSide::Below => Side::Below,
            LabelSide::Right => Side::Right,
        }
    }
}

/// A polyline with the length run up to each of its points.
struct Walk<'p> {
    points: &'p [Pt],
    run: Vec<f32>,
}

fn walk(points: &[Pt]) -> Walk<'_> {
    let mut run = Vec::with_capacity(points.len());
    let mut total = 0.0;
    for (i, &p) in points.iter().enumerate() {
        if i > 0 {
            total += dist(points[i - 1], p);
        }
        run.push(total);
    }
    Walk { points, run }
}

impl Walk<'_> {
    /// The point `share` of the way along, and whether the path runs more across than up
    /// or down there.
    fn at(&self, share: f32) -> (Pt, bool) {
        let n = self.points.len();
        if n < 2 {
            return (self.points.first().copied().unwrap_or(pt(0.0, 0.0)), true);
        }
        let target = self.run[n - 1] * share;
        let i = self.run.partition_point(|&l| l < target).clamp(1, n - 1);
        let (a, b) = (self.points[i - 1], self.points[i]);
        let piece = self.run[i] - self.run[i - 1];
        let t = if piece > 0.0 {
            ((target - self.run[i - 1]) / piece).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let p = pt(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        (p, (b.x - a.x).abs() >= (b.y - a.y).abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curve::cubic;

    fn route(points: &[Pt]) -> Route {
        let f = cubic(points[0], points[1], points[2], points[3]);
        Route {
            path: f.path,
            end: f.end,
            end_angle: f.end_angle,
            mid: f.points[f.points.len() / 2],
            points: f.points,
            label_side: LabelSide::Above,
        }
    }

    const TEXT: LabelText = LabelText {
        width: 60.0,
        baseline: 13.5,
        line_height: 18.0,
    };

    #[test]
    fn a_label_steps_aside_from_a_line_crossing_its_first_place() {
        let own = route(&[
            pt(0.0, 100.0),
            pt(100.0, 100.0),
            pt(200.0, 100.0),
            pt(300.0, 100.0),
        ]);
        // A second line runs just above the first one's middle, where its label would go.
        let other = route(&[
            pt(0.0, 88.0),
            pt(100.0, 88.0),
            pt(200.0, 88.0),
            pt(300.0, 88.0),
        ]);
        let cards = CardIndex::new(&[(0.0, 400.0)], []);
        let bounds = Rect {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 400.0,
        };
        let mut placer = Placer::new(&cards, &[&own, &other], &[], &[], bounds);
        let (x, y) = placer.place(0, &own, TEXT);
        // Below its line, clear of the other one.
        assert!(y - TEXT.baseline >= 100.0, "({x}, {y})");
        // The second label avoids the first.
        let (x2, y2) = placer.place(1, &other, TEXT);
        let first = Rect {
            x: x - LABEL_PAD,
            y: y - TEXT.baseline,
            w: 66.0,
            h: 18.0,
        };
        let second = Rect {
            x: x2 - LABEL_PAD,
            y: y2 - TEXT.baseline,
            w: 66.0,
            h: 18.0,
        };
        assert!(
            !crate::obstacles::overlaps(&first, &second),
            "{first:?} {second:?}"
        );
    }
}
