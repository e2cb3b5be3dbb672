//! Connector routing. Journeys loop (DOMAIN.md, "loops, not lines"): a connector to an
//! earlier stage is drawn as a return arc over or under the cards, so it can never be
//! mistaken for the ordinary left-to-right flow.

use crate::geom::{cubic_at, pt, r2, PathBuilder, Pt, Rect};

/// How far a forward S-curve's handles reach out at least, so the arrow still lands
/// roughly horizontally across a narrow gap.
const MIN_HANDLE: f32 = 10.0;
/// How far a same-stage connector bulges to the right of the cards.
pub(crate) const SIDE_BULGE: f32 = 24.0;
/// How far a return arc rises above (or sinks below) the nearer edge of its two cards.
pub(crate) const LOOP_RISE: f32 = 44.0;

/// Where a connector's label sits relative to its path's midpoint.
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
    pub mid: Pt,
    pub label_side: LabelSide,
}

/// A card as the router sees it: where it is, which column and which visible row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Endpoint {
    pub rect: Rect,
    pub stage_index: usize,
    pub lane_pos: usize,
}

/// `top_limit` is the highest y a return arc may reach (the bottom of the header band):
/// arcs that would cross the stage headers go under the cards instead. `cards` are all
/// cards on show; a return arc clears those in the block of columns and rows it spans.
pub(crate) fn route(
    from: Endpoint,
    to: Endpoint,
    same_card: bool,
    top_limit: f32,
    cards: &[Endpoint],
) -> Route {
    let (s, t) = (from.rect, to.rect);
    if same_card {
        // A card that leads back to itself: a small loop off its right edge.
        let (a, b) = (pt(s.right(), s.cy() - 8.0), pt(s.right(), s.cy() + 8.0));
        return cubic(
            a,
            pt(a.x + SIDE_BULGE, a.y - 24.0),
            pt(b.x + SIDE_BULGE, b.y + 24.0),
            b,
            LabelSide::Right,
        );
    }
    if to.stage_index > from.stage_index {
        // Forward flow: a horizontal S-curve from the right edge to the left edge.
        let (a, b) = (pt(s.right(), s.cy()), pt(t.x, t.cy()));
        let handle = ((b.x - a.x) / 2.0).max(MIN_HANDLE);
        return cubic(
            a,
            pt(a.x + handle, a.y),
            pt(b.x - handle, b.y),
            b,
            LabelSide::Above,
        );
    }
    if to.stage_index == from.stage_index {
        // Same column, other card: bulge out to the right rather than cut through the
        // cards stacked between them.
        let (a, b) = (pt(s.right(), s.cy()), pt(t.right(), t.cy()));
        let x = a.x.max(b.x) + SIDE_BULGE;
        return cubic(a, pt(x, a.y), pt(x, b.y), b, LabelSide::Right);
    }
    // Backwards: a return arc from the top of the source over to the top of the target,
    // high enough to clear every card in between…
    let (stages, lanes) = (
        to.stage_index..=from.stage_index,
        from.lane_pos.min(to.lane_pos)..=from.lane_pos.max(to.lane_pos),
    );
    let between = cards
        .iter()
        .filter(|c| stages.contains(&c.stage_index) && lanes.contains(&c.lane_pos));
    let (mut top, mut bottom) = (s.y.min(t.y), s.bottom().max(t.bottom()));
    for c in between {
        top = top.min(c.rect.y);
        bottom = bottom.max(c.rect.bottom());
    }
    // Arcs between cards of one lane always run under them, in the lane's loop track.
    if from.lane_pos != to.lane_pos && top - LOOP_RISE >= top_limit {
        let (a, b) = (pt(s.cx(), s.y), pt(t.cx(), t.y));
        let c = handle_height(a.y, b.y, top - LOOP_RISE);
        return cubic(a, pt(a.x, c), pt(b.x, c), b, LabelSide::Above);
    }
    // …or, within one lane or when that would cross the stage headers, from bottom to
    // bottom underneath.
    let (a, b) = (pt(s.cx(), s.bottom()), pt(t.cx(), t.bottom()));
    let c = handle_height(a.y, b.y, bottom + LOOP_RISE);
    cubic(a, pt(a.x, c), pt(b.x, c), b, LabelSide::Below)
}

/// The height both handles of an arc from `ya` to `yb` need for its middle to reach
/// `peak`: a cubic's midpoint is (ya + 3·c1 + 3·c2 + yb) / 8.
fn handle_height(ya: f32, yb: f32, peak: f32) -> f32 {
    (peak - (ya + yb) / 8.0) * 4.0 / 3.0
}

fn cubic(a: Pt, c1: Pt, c2: Pt, b: Pt, label_side: LabelSide) -> Route {
    let mut path = PathBuilder::default();
    path.move_to(a).cubic_to(c1, c2, b);
    // The arrow points along the curve's last tangent, which runs from c2 to the end.
    let (dx, dy) = (b.x - c2.x, b.y - c2.y);
    let end_angle = if dx == 0.0 && dy == 0.0 {
        0.0
    } else {
        dy.atan2(dx).to_degrees()
    };
    Route {
        path: path.finish(),
        end: pt(r2(b.x), r2(b.y)),
        end_angle: r2(end_angle),
        mid: cubic_at(a, c1, c2, b, 0.5),
        label_side,
    }
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

    #[test]
    fn forward_is_an_s_curve_pointing_right() {
        let r = route(ep(0.0, 100.0, 0), ep(200.0, 200.0, 1), false, 50.0, &[]);
        assert_eq!(r.path, "M100,130 C150,130 150,230 200,230");
        assert_eq!((r.end, r.end_angle), (pt(200.0, 230.0), 0.0));
    }

    #[test]
    fn backward_loops_above_or_below() {
        let above = route(
            ep(200.0, 200.0, 1),
            Endpoint {
                lane_pos: 1,
                ..ep(0.0, 200.0, 0)
            },
            false,
            50.0,
            &[],
        );
        assert!(above.mid.y < 200.0 - LOOP_RISE + 0.5, "{above:?}");
        assert_eq!(above.end_angle, 90.0);
        let below = route(ep(200.0, 80.0, 1), ep(0.0, 80.0, 0), false, 50.0, &[]);
        assert!(below.mid.y > 140.0 + LOOP_RISE - 0.5, "{below:?}");
        assert_eq!(below.end_angle, -90.0);
    }

    #[test]
    fn a_return_arc_clears_the_cards_in_between() {
        let (from, to) = (
            ep(400.0, 300.0, 2),
            Endpoint {
                lane_pos: 1,
                ..ep(0.0, 300.0, 0)
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
            lane_pos: 0,
        };
        let elsewhere = Endpoint {
            lane_pos: 2,
            ..ep(200.0, 100.0, 1)
        };
        let r = route(from, to, false, 50.0, &[from, to, tall, elsewhere]);
        assert!(
            r.mid.y < 150.0 - LOOP_RISE + 0.5 && r.mid.y > 100.0 - LOOP_RISE,
            "{r:?}"
        );
    }

    #[test]
    fn same_stage_bulges_right() {
        let r = route(ep(0.0, 100.0, 2), ep(0.0, 300.0, 2), false, 50.0, &[]);
        assert!(r.mid.x > 100.0);
        assert_eq!(r.end_angle, 180.0);
    }
}
