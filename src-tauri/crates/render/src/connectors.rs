//! Connector routing. Journeys loop (DOMAIN.md, "loops, not lines"): a connector to an
//! earlier stage is drawn as a return arc over or under the cards, so it can never be
//! mistaken for the ordinary left-to-right flow.
//!
//! Every shape is tested against the cards. When the plain curve would run through one —
//! a flow that skips columns, an arc leaving a card stacked above another — the connector
//! goes around instead: out of the card's side into the gap between columns (no card is
//! ever there), along a band of free space across the columns in between, and back up or
//! down the gap next to the other card.

use std::collections::HashMap;
use std::ops::Range;

use crate::curve::{cubic, rounded, Finished};
use crate::geom::{pt, Pt, Rect};
use crate::obstacles::CardIndex;

/// How far a forward S-curve's handles reach out at least, so the arrow still lands
/// roughly horizontally across a narrow gap.
const MIN_HANDLE: f32 = 10.0;
/// How far a same-stage connector bulges to the right of the cards.
pub(crate) const SIDE_BULGE: f32 = 24.0;
/// How far a return arc rises above (or sinks below) the nearer edge of its two cards.
pub(crate) const LOOP_RISE: f32 = 44.0;
/// The radius of a detour's corners (under half the 20-unit gap between columns).
const CORNER: f32 = 8.0;
/// The least room kept between a detour's run across the columns and any card.
const CLEARANCE: f32 = 8.0;
/// Between two detours' legs side by side in a gap (the gap is 20 wide, cards 10 from
/// its middle on either side).
const LEG_STEP: f32 = 5.0;
/// Between two detours running side by side…
const TRACK_GAP: f32 = 8.0;
/// …or, when either has a label, room for the label between them.
const LABEL_TRACK: f32 = 30.0;

/// Where a connector's label sits at first choice, relative to its path's midpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelSide {
    Above,
    Below,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Route {
    pub path: String,
    pub end: Pt,
    /// Degrees, 0 = right, 90 = down (screen coordinates, y grows downwards).
    pub end_angle: f32,
    /// The path flattened, start to end.
    pub points: Vec<Pt>,
    /// The label's first choice: beside this point of the path, on this side.
    pub mid: Pt,
    pub label_side: LabelSide,
}

impl Route {
    fn new(f: Finished, mid: Pt, label_side: LabelSide) -> Route {
        Route {
            path: f.path,
            end: f.end,
            end_angle: f.end_angle,
            points: f.points,
            mid,
            label_side,
        }
    }

    /// A single cubic, labelled at its midpoint.
    fn cubic(a: Pt, c1: Pt, c2: Pt, b: Pt, label_side: LabelSide) -> Route {
        let mid = crate::geom::cubic_at(a, c1, c2, b, 0.5);
        Route::new(cubic(a, c1, c2, b), mid, label_side)
    }
}

/// A card as the router sees it: where it is, which column and which visible row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Endpoint {
    pub rect: Rect,
    pub stage_index: usize,
    pub lane_pos: usize,
}

/// Routes connectors around the cards of one map. Route the connectors spanning fewer
/// columns first: detours already laid keep the next ones off their track, so the
/// shorter ones run nearer the cards, inside the longer ones, and nothing crosses.
pub(crate) struct Router<'a> {
    cards: &'a CardIndex,
    /// Each visible lane's top and bottom, by `Endpoint::lane_pos`.
    lanes: &'a [(f32, f32)],
    /// The highest y a connector may reach (the bottom of the header band): arcs that
    /// would cross the stage headers go under the cards instead.
    top_limit: f32,
    /// The lowest y a detour may run at (inside the margin below the last lane).
    bottom_limit: f32,
    /// The runs across the columns of the detours laid so far, by `run_slot` of their y.
    runs: HashMap<i32, Vec<Run>>,
    /// The detours' legs up and down the gaps so far: x, and the span of y; by
    /// `leg_slot` of their x.
    legs: HashMap<i32, Vec<(f32, f32, f32)>>,
}

/// Runs are kept in slots of this height: one run can push another only from less than
/// this far away (`TRACK_GAP` or `LABEL_TRACK`), so a y needs to look at three slots.
const RUN_SLOT: f32 = LABEL_TRACK;

fn run_slot(y: f32) -> i32 {
    (y / RUN_SLOT).floor() as i32
}

/// Legs are kept in slots of `LEG_STEP` by x: two legs share a gap's line when less than
/// half a step apart.
fn leg_slot(x: f32) -> i32 {
    (x / LEG_STEP).floor() as i32
}

// `band` skips bands narrower than twice its clearance, so it may be given only wide ones.
const _: () = assert!(crate::obstacles::WIDE_GAP <= 2.0 * CLEARANCE);

/// How far above and below its targets `Router::band` first looks for free bands; it
/// looks four times as far while what lies further could still be nearer than the best
/// band found.
const FIRST_REACH: f32 = 600.0;

/// A detour's straight run across columns: at `y`, from `x0` to `x1`.
#[derive(Debug, Clone, Copy)]
struct Run {
    y: f32,
    x0: f32,
    x1: f32,
    labelled: bool,
}

impl<'a> Router<'a> {
    pub fn new(
        cards: &'a CardIndex,
        lanes: &'a [(f32, f32)],
        top_limit: f32,
        bottom_limit: f32,
    ) -> Router<'a> {
        Router {
            cards,
            lanes,
            top_limit,
            bottom_limit,
            runs: HashMap::new(),
            legs: HashMap::new(),
        }
    }

    /// The route from `from` to `to`; `labelled` keeps room for a label beside a detour.
    pub fn route(
        &mut self,
        from: Endpoint,
        to: Endpoint,
        same_card: bool,
        labelled: bool,
    ) -> Route {
        let (s, t) = (from.rect, to.rect);
        if same_card {
            // A card that leads back to itself: a small loop off its right edge.
            let (a, b) = (pt(s.right(), s.cy() - 8.0), pt(s.right(), s.cy() + 8.0));
            return Route::cubic(
                a,
                pt(a.x + SIDE_BULGE, a.y - 24.0),
                pt(b.x + SIDE_BULGE, b.y + 24.0),
                b,
                LabelSide::Right,
            );
        }
        if to.stage_index > from.stage_index {
            // Forward flow: a horizontal S-curve from the right edge to the left edge…
            let (a, b) = (pt(s.right(), s.cy()), pt(t.x, t.cy()));
            let handle = ((b.x - a.x) / 2.0).max(MIN_HANDLE);
            let direct = Route::cubic(
                a,
                pt(a.x + handle, a.y),
                pt(b.x - handle, b.y),
                b,
                LabelSide::Above,
            );
            if !self.cards.polyline_hits(&direct.points) {
                return direct;
            }
            // …or, when cards of the columns it skips are in the way, around them.
            return self.forward_around(from, to, labelled).unwrap_or(direct);
        }
        if to.stage_index == from.stage_index {
            // Same column, other card: bulge out to the right rather than cut through the
            // cards stacked between them (the bulge stays inside the gap to the next column).
            let (a, b) = (pt(s.right(), s.cy()), pt(t.right(), t.cy()));
            let x = a.x.max(b.x) + SIDE_BULGE;
            return Route::cubic(a, pt(x, a.y), pt(x, b.y), b, LabelSide::Right);
        }
        let (over, under) = self.return_arcs(from, to);
        if let Some(arc) = over
            .iter()
            .chain([&under])
            .find(|r| !self.cards.polyline_hits(&r.points))
        {
            return arc.clone();
        }
        self.back_around(from, to, labelled)
            .or(over)
            .unwrap_or(under)
    }

    /// The return arcs from `from` back to `to`: over the cards of the block of columns and
    /// lanes it spans, from top edge to top edge (not within one lane, nor when that would
    /// cross the stage headers), and under them, from bottom edge to bottom edge.
    fn return_arcs(&self, from: Endpoint, to: Endpoint) -> (Option<Route>, Route) {
        let (s, t) = (from.rect, to.rect);
        let (first, last) = (
            from.lane_pos.min(to.lane_pos),
            from.lane_pos.max(to.lane_pos),
        );
        let (mut top, mut bottom) = (s.y.min(t.y), s.bottom().max(t.bottom()));
        if let (Some(&(y0, _)), Some(&(_, y1))) = (self.lanes.get(first), self.lanes.get(last)) {
            if let Some((y, b)) = self
                .cards
                .extent(to.stage_index..from.stage_index + 1, y0, y1)
            {
                top = top.min(y);
                bottom = bottom.max(b);
            }
        }
        // Arcs between cards of one lane always run under them, in the lane's loop track.
        let over = (from.lane_pos != to.lane_pos && top - LOOP_RISE >= self.top_limit).then(|| {
            let (a, b) = (pt(s.cx(), s.y), pt(t.cx(), t.y));
            let c = handle_height(a.y, b.y, top - LOOP_RISE);
            Route::cubic(a, pt(a.x, c), pt(b.x, c), b, LabelSide::Above)
        });
        let (a, b) = (pt(s.cx(), s.bottom()), pt(t.cx(), t.bottom()));
        let c = handle_height(a.y, b.y, bottom + LOOP_RISE);
        let under = Route::cubic(a, pt(a.x, c), pt(b.x, c), b, LabelSide::Below);
        (over, under)
    }

    /// A forward flow around the cards in the columns it skips: out of the source's right
    /// edge into the gap, along the free band nearest to halfway between the two cards,
    /// down or up the gap before the target, into its left edge.
    fn forward_around(&mut self, from: Endpoint, to: Endpoint, labelled: bool) -> Option<Route> {
        let (s, t) = (from.rect, to.rect);
        let (a, b) = (pt(s.right(), s.cy()), pt(t.x, t.cy()));
        let (g1, g2) = (
            self.cards.column_edge(from.stage_index + 1),
            self.cards.column_edge(to.stage_index),
        );
        let y = self.band(
            from.stage_index + 1..to.stage_index,
            (g1, g2, labelled),
            &[((a.y + b.y) / 2.0, 1.0)],
            |_| true,
        )?;
        let (g1, g2) = (self.leg(g1, a.y, y), self.leg(g2, y, b.y));
        let path = rounded(
            &[a, pt(g1, a.y), pt(g1, y), pt(g2, y), pt(g2, b.y), b],
            CORNER,
        );
        Some(Route::new(path, pt((g1 + g2) / 2.0, y), LabelSide::Above))
    }

    /// A return that neither arc can make without crossing a card: out of the source's
    /// left edge into the gap, under (or over) both cards along a free band, and into the
    /// target's right edge from the gap after it. Cards in neighbouring columns face each
    /// other across one gap, and a short hook joins them.
    fn back_around(&mut self, from: Endpoint, to: Endpoint, labelled: bool) -> Option<Route> {
        let (s, t) = (from.rect, to.rect);
        let (a, b) = (pt(s.x, s.cy()), pt(t.right(), t.cy()));
        if from.stage_index == to.stage_index + 1 {
            let h = (a.x - b.x) / 2.0;
            return Some(Route::cubic(
                a,
                pt(a.x - h, a.y),
                pt(b.x + h, b.y),
                b,
                LabelSide::Above,
            ));
        }
        let (gs, gt) = (
            self.cards.column_edge(from.stage_index),
            self.cards.column_edge(to.stage_index + 1),
        );
        // It must pass beyond both cards' middles, so it reads as a loop and not as a
        // flow drawn backwards; within one lane it stays under the cards, as arcs do.
        let (low, high) = (a.y.max(b.y) + CLEARANCE, a.y.min(b.y) - CLEARANCE);
        let below = s.bottom().max(t.bottom()) + LOOP_RISE / 2.0;
        let above = s.y.min(t.y) - LOOP_RISE / 2.0;
        let one_lane = from.lane_pos == to.lane_pos;
        let targets: &[(f32, f32)] = if one_lane {
            &[(below, 1.0)]
        } else {
            &[(below, 1.0), (above, -1.0)]
        };
        let y = self.band(
            to.stage_index + 1..from.stage_index,
            (gt, gs, labelled),
            targets,
            |y| y >= low || (!one_lane && y <= high),
        )?;
        let (gs, gt) = (self.leg(gs, a.y, y), self.leg(gt, y, b.y));
        let path = rounded(
            &[a, pt(gs, a.y), pt(gs, y), pt(gt, y), pt(gt, b.y), b],
            CORNER,
        );
        let side = if y > a.y {
            LabelSide::Below
        } else {
            LabelSide::Above
        };
        Some(Route::new(path, pt((gs + gt) / 2.0, y), side))
    }

    /// Where in the gap centred on `x` a leg from `y0` to `y1` runs: in the middle, or
    /// beside a leg already there, so two detours never share a stretch of line.
    fn leg(&mut self, x: f32, y0: f32, y1: f32) -> f32 {
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        let taken = |gx: f32| {
            (leg_slot(gx - LEG_STEP / 2.0)..=leg_slot(gx + LEG_STEP / 2.0))
                .filter_map(|slot| self.legs.get(&slot))
                .flatten()
                .any(|&(lx, l0, l1)| (lx - gx).abs() < LEG_STEP / 2.0 && l0 < y1 && y0 < l1)
        };
        let gx = [0.0, -LEG_STEP, LEG_STEP]
            .into_iter()
            .map(|d| x + d)
            .find(|&gx| !taken(gx))
            .unwrap_or(x);
        self.legs
            .entry(leg_slot(gx))
            .or_default()
            .push((gx, y0, y1));
        gx
    }

    /// The y nearest to one of `targets` at which a line from `x0` to `x1` can cross the
    /// columns `cols` with `CLEARANCE` from every card, among those `accept` takes, moved
    /// outwards (`target.1`: +1 down, −1 up) past the detours already running there; the
    /// run is then kept for the next ones.
    ///
    /// The free bands are looked for near the targets first (a tall map has thousands),
    /// further out only while a band out there could still be nearer than the best found:
    /// the answer is the one the whole map's bands would give, ties going to the band
    /// higher up and the earlier target.
    fn band(
        &mut self,
        cols: Range<usize>,
        (x0, x1, labelled): (f32, f32, bool),
        targets: &[(f32, f32)],
        accept: impl Fn(f32) -> bool,
    ) -> Option<f32> {
        let (lowest, highest) = targets
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &(t, _)| {
                (lo.min(t), hi.max(t))
            });
        let mut reach = FIRST_REACH;
        let best = loop {
            let from = (lowest - reach).max(self.top_limit);
            let to = (highest + reach).min(self.bottom_limit);
            let (cut_above, cut_below) = (from > self.top_limit, to < self.bottom_limit);
            // Bands cut by the window's edges are not known whole; what they and the bands
            // beyond them offer lies at or above `unknown_above` (at or below
            // `unknown_below`).
            let mut unknown_above = if cut_above { from } else { f32::NEG_INFINITY };
            let mut unknown_below = if cut_below { to } else { f32::INFINITY };
            let mut best: Option<(f32, f32)> = None;
            for (lo, hi) in self.cards.wide_bands(cols.clone(), from, to) {
                let (top_cut, bottom_cut) = (cut_above && lo <= from, cut_below && hi >= to);
                if top_cut {
                    unknown_above = unknown_above.max(hi - CLEARANCE);
                }
                if bottom_cut {
                    unknown_below = unknown_below.min(lo + CLEARANCE);
                }
                if top_cut || bottom_cut {
                    continue;
                }
                for &(target, outwards) in targets {
                    if let Some(y) = self.free_y(lo, hi, target, outwards, (x0, x1, labelled)) {
                        let off = (y - target).abs();
                        if accept(y) && best.is_none_or(|(o, _)| off < o) {
                            best = Some((off, y));
                        }
                    }
                }
            }
            let settled = best.is_some_and(|(off, _)| {
                targets
                    .iter()
                    .all(|&(t, _)| t - unknown_above > off && unknown_below - t > off)
            });
            if settled || (!cut_above && !cut_below) {
                break best;
            }
            reach *= 4.0;
        };
        let y = best?.1;
        self.runs.entry(run_slot(y)).or_default().push(Run {
            y,
            x0: x0.min(x1),
            x1: x0.max(x1),
            labelled,
        });
        Some(y)
    }

    /// Within the free band `lo..hi`, the y nearest `target` that keeps clear of the runs
    /// already laid across `x0..x1`, moving outwards past them; `None` when they fill the
    /// band that way.
    fn free_y(
        &self,
        lo: f32,
        hi: f32,
        target: f32,
        outwards: f32,
        (x0, x1, labelled): (f32, f32, bool),
    ) -> Option<f32> {
        /// Detours laid side by side past this many give up on the band.
        const MAX_STEPS: usize = 8;
        let (lo, hi) = (lo + CLEARANCE, hi - CLEARANCE);
        if hi < lo {
            return None;
        }
        let mut y = target.clamp(lo, hi);
        for _ in 0..MAX_STEPS {
            let past = (run_slot(y - RUN_SLOT)..=run_slot(y + RUN_SLOT))
                .filter_map(|slot| self.runs.get(&slot))
                .flatten()
                .filter(|r| r.x0 < x1 && x0 < r.x1)
                .filter_map(|r| {
                    let room = if r.labelled || labelled {
                        LABEL_TRACK
                    } else {
                        TRACK_GAP
                    };
                    ((r.y - y).abs() < room).then_some(r.y + outwards * room)
                })
                .reduce(|a, b| if outwards > 0.0 { a.max(b) } else { a.min(b) });
            match past {
                None => return Some(y),
                Some(next) => y = next,
            }
            if !(lo..=hi).contains(&y) {
                return None;
            }
        }
        None
    }
}

/// The height both handles of an arc from `ya` to `yb` need for its middle to reach
/// `peak`: a cubic's midpoint is (ya + 3·c1 + 3·c2 + yb) / 8.
fn handle_height(ya: f32, yb: f32, peak: f32) -> f32 {
    (peak - (ya + yb) / 8.0) * 4.0 / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(x: f32, y: f32, stage_index: usize) -> Endpoint {
        Endpoint {
            rect: Rect {
                x,
                y,
                w: 100.0,
                h: 60.0,
            },
            stage_index,
            lane_pos: 0,
        }
    }

    /// Columns 200 wide with the cards 10 in from their left edge (`ep` puts a card at
    /// x = 200 × its stage); lanes as given.
    fn route_among(
        from: Endpoint,
        to: Endpoint,
        lanes: &[(f32, f32)],
        cards: &[Endpoint],
    ) -> Route {
        let columns: Vec<(f32, f32)> = (0..4).map(|i| (i as f32 * 200.0 - 10.0, 200.0)).collect();
        let index = CardIndex::new(&columns, cards.iter().map(|c| (c.stage_index, c.rect)));
        Router::new(&index, lanes, 50.0, 1000.0).route(from, to, false, false)
    }

    const ONE_LANE: &[(f32, f32)] = &[(50.0, 900.0)];

    #[test]
    fn forward_is_an_s_curve_pointing_right() {
        let r = route_among(ep(0.0, 100.0, 0), ep(200.0, 200.0, 1), ONE_LANE, &[]);
        assert_eq!(r.path, "M100,130 C150,130 150,230 200,230");
        assert_eq!((r.end, r.end_angle), (pt(200.0, 230.0), 0.0));
    }

    #[test]
    fn backward_loops_above_or_below() {
        let lanes = &[(50.0, 150.0), (150.0, 900.0)];
        let above = route_among(
            ep(200.0, 200.0, 1),
            Endpoint {
                lane_pos: 1,
                ..ep(0.0, 200.0, 0)
            },
            lanes,
            &[],
        );
        assert!(above.mid.y < 200.0 - LOOP_RISE + 0.5, "{above:?}");
        assert_eq!(above.end_angle, 90.0);
        let below = route_among(ep(200.0, 80.0, 1), ep(0.0, 80.0, 0), lanes, &[]);
        assert!(below.mid.y > 140.0 + LOOP_RISE - 0.5, "{below:?}");
        assert_eq!(below.end_angle, -90.0);
    }

    #[test]
    fn a_return_arc_clears_the_cards_in_between() {
        // Lane 0 above, the arc's two lanes below it.
        let lanes = &[(50.0, 90.0), (90.0, 600.0), (600.0, 900.0)];
        let (from, to) = (
            Endpoint {
                lane_pos: 1,
                ..ep(400.0, 300.0, 2)
            },
            Endpoint {
                lane_pos: 2,
                ..ep(0.0, 620.0, 0)
            },
        );
        let tall = Endpoint {
            rect: Rect {
                x: 200.0,
                y: 150.0,
                w: 100.0,
                h: 400.0,
            },
            stage_index: 1,
            lane_pos: 1,
        };
        let elsewhere = Endpoint {
            rect: Rect {
                x: 200.0,
                y: 55.0,
                w: 100.0,
                h: 20.0,
            },
            stage_index: 1,
            lane_pos: 0,
        };
        let r = route_among(from, to, lanes, &[from, to, tall, elsewhere]);
        assert!(r.mid.y < 150.0 - LOOP_RISE + 0.5 && r.mid.y > 75.0, "{r:?}");
    }

    #[test]
    fn same_stage_bulges_right() {
        let r = route_among(ep(0.0, 100.0, 2), ep(0.0, 300.0, 2), ONE_LANE, &[]);
        assert!(r.mid.x > 100.0);
        assert_eq!(r.end_angle, 180.0);
    }

    #[test]
    fn a_flow_skipping_columns_goes_around_the_cards_in_its_way() {
        let (from, to) = (ep(0.0, 100.0, 0), ep(600.0, 100.0, 3));
        let blocking = [ep(200.0, 60.0, 1), ep(400.0, 100.0, 2)];
        let cards = [from, to, blocking[0], blocking[1]];
        let r = route_among(from, to, ONE_LANE, &cards);
        let index = CardIndex::new(
            &(0..4)
                .map(|i| (i as f32 * 200.0 - 10.0, 200.0))
                .collect::<Vec<_>>(),
            cards.iter().map(|c| (c.stage_index, c.rect)),
        );
        assert!(!index.polyline_hits(&r.points), "{}", r.path);
        assert_eq!((r.end, r.end_angle), (pt(600.0, 130.0), 0.0));
        // Through the free band under the blocking cards (below y = 160).
        assert!(r.points.iter().any(|p| p.y > 160.0), "{}", r.path);
    }

    #[test]
    fn a_return_from_a_stacked_card_goes_around_the_card_below_it() {
        let (from, to) = (ep(400.0, 100.0, 2), ep(0.0, 100.0, 0));
        let below = [ep(400.0, 170.0, 2), ep(0.0, 170.0, 0), ep(200.0, 100.0, 1)];
        let cards = [from, to, below[0], below[1], below[2]];
        let r = route_among(from, to, ONE_LANE, &cards);
        let index = CardIndex::new(
            &(0..4)
                .map(|i| (i as f32 * 200.0 - 10.0, 200.0))
                .collect::<Vec<_>>(),
            cards.iter().map(|c| (c.stage_index, c.rect)),
        );
        assert!(!index.polyline_hits(&r.points), "{}", r.path);
        // Out of the source's left edge, into the target's right edge, pointing left.
        assert_eq!(r.points[0], pt(400.0, 130.0));
        assert_eq!((r.end, r.end_angle), (pt(100.0, 130.0), 180.0));
        // It passes under the middle column's card: a loop, not a line drawn backwards.
        assert!(r.points.iter().any(|p| p.y > 160.0 + CLEARANCE - 0.5));
    }
}
