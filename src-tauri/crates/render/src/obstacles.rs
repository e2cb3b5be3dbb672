//! What connectors and their labels must keep clear of, indexed so that a question costs
//! little on a map of thousands of cards: cards by column (sorted top to bottom, as they
//! never overlap within a column), and lines and boxes in a uniform grid.

use std::collections::HashMap;
use std::ops::Range;

use crate::geom::{pt, Pt, Rect};

/// The cards of a map, column by column.
pub(crate) struct CardIndex {
    /// Each stage column's left edge and width, left to right and touching.
    columns: Vec<(f32, f32)>,
    /// Per column, its cards' rectangles sorted by `y` (and so by bottom too).
    cards: Vec<Vec<Rect>>,
    /// Per column, top to bottom, the free spans between its cards (and above the first
    /// and below the last) at least `WIDE_GAP` tall.
    gaps: Vec<Vec<(f32, f32)>>,
}

/// The narrowest free span [`CardIndex::wide_bands`] must find: narrower ones can be
/// left out, as no line runs through a band narrower than twice the router's clearance.
pub(crate) const WIDE_GAP: f32 = 12.0;

/// How far inside a card a line may reach before it counts as crossing it: lines start
/// and end on card edges.
const EDGE_SLACK: f32 = 1.0;

impl CardIndex {
    /// `cards` as (column index, rectangle).
    pub fn new(columns: &[(f32, f32)], cards: impl IntoIterator<Item = (usize, Rect)>) -> Self {
        let mut by_column = vec![Vec::new(); columns.len()];
        for (i, r) in cards {
            if let Some(col) = by_column.get_mut(i) {
                col.push(r);
            }
        }
        for col in &mut by_column {
            col.sort_by(|a: &Rect, b: &Rect| a.y.total_cmp(&b.y));
        }
        let gaps = by_column
            .iter()
            .map(|col| {
                let tops = col.iter().map(|r| r.y).chain([f32::INFINITY]);
                let bottoms = [f32::NEG_INFINITY]
                    .into_iter()
                    .chain(col.iter().map(Rect::bottom));
                bottoms
                    .zip(tops)
                    .filter(|&(from, to)| to - from >= WIDE_GAP)
                    .collect()
            })
            .collect();
        CardIndex {
            columns: columns.to_vec(),
            cards: by_column,
            gaps,
        }
    }

    /// The left edge of column `i`, or the right edge of the last column for `i` = count.
    pub fn column_edge(&self, i: usize) -> f32 {
        match self.columns.get(i) {
            Some(&(x, _)) => x,
            None => self.columns.last().map_or(0.0, |&(x, w)| x + w),
        }
    }

    /// The columns whose span meets `x0..x1`.
    fn columns_meeting(&self, x0: f32, x1: f32) -> Range<usize> {
        let start = self.columns.partition_point(|&(x, w)| x + w < x0);
        let end = self.columns.partition_point(|&(x, _)| x <= x1);
        start..end.max(start)
    }

    /// The cards of column `col` that meet `y0..y1`.
    fn cards_meeting(&self, col: usize, y0: f32, y1: f32) -> &[Rect] {
        let cards = &self.cards[col];
        let start = cards.partition_point(|r| r.bottom() < y0);
        let end = cards.partition_point(|r| r.y <= y1);
        &cards[start..end.max(start)]
    }

    /// The top of the highest and the bottom of the lowest card in columns `cols` that
    /// meet `y0..y1`: the first and last of each column's run (its cards never overlap,
    /// so their bottoms are in order too), however many cards lie between.
    pub fn extent(&self, cols: Range<usize>, y0: f32, y1: f32) -> Option<(f32, f32)> {
        let cols = cols.start.min(self.cards.len())..cols.end.min(self.cards.len());
        cols.filter_map(|c| {
            let run = self.cards_meeting(c, y0, y1);
            Some((run.first()?.y, run.last()?.bottom()))
        })
        .reduce(|(t0, b0), (t1, b1)| (t0.min(t1), b0.max(b1)))
    }

    /// Whether the polyline runs through a card (touching an edge does not count).
    pub fn polyline_hits(&self, points: &[Pt]) -> bool {
        points.windows(2).any(|w| self.segment_hits(w[0], w[1]))
    }

    fn segment_hits(&self, a: Pt, b: Pt) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        self.columns_meeting(x0, x1).any(|c| {
            self.cards_meeting(c, y0, y1)
                .iter()
                .any(|r| segment_hits_rect(a, b, &shrink(r, EDGE_SLACK)))
        })
    }

    /// How much of `r`'s area lies on cards.
    pub fn area_on_cards(&self, r: &Rect) -> f32 {
        self.columns_meeting(r.x, r.right())
            .map(|c| {
                self.cards_meeting(c, r.y, r.bottom())
                    .iter()
                    .map(|card| {
                        let w = r.right().min(card.right()) - r.x.max(card.x);
                        let h = r.bottom().min(card.bottom()) - r.y.max(card.y);
                        w.max(0.0) * h.max(0.0)
                    })
                    .sum::<f32>()
            })
            .sum()
    }

    /// The spans of `y` within `lo..hi` where no card of the columns `cols` lies, top to
    /// bottom, at least those `WIDE_GAP` tall (narrower ones may be left out): where a
    /// line may run straight across those columns.
    ///
    /// The span each column leaves free around a y is one of its gaps, so a band is where
    /// one gap of every column overlaps: found by leaping from gap to gap with a binary
    /// search per column. The cost grows with the columns' wide gaps, not their cards (a
    /// tall map has thousands of cards per column, and a gap between two cards in a cell
    /// is narrower than `WIDE_GAP`).
    pub fn wide_bands(&self, cols: Range<usize>, lo: f32, hi: f32) -> Vec<(f32, f32)> {
        let end = cols.end.min(self.gaps.len());
        let gaps = &self.gaps[cols.start.min(end)..end];
        // Per column, the first gap that ends below `lo`.
        let mut next: Vec<usize> = gaps
            .iter()
            .map(|g| g.partition_point(|&(_, to)| to <= lo))
            .collect();
        let mut bands = Vec::new();
        let mut from = lo;
        while from < hi {
            // Down to the first y at or below `from` that every column leaves free.
            let mut settled = false;
            while !settled {
                settled = true;
                for (g, i) in gaps.iter().zip(&mut next) {
                    while g.get(*i).is_some_and(|&(_, to)| to <= from) {
                        *i += 1;
                    }
                    let Some(&(start, _)) = g.get(*i) else {
                        return bands;
                    };
                    if start > from {
                        from = start;
                        settled = false;
                    }
                }
            }
            if from >= hi {
                break;
            }
            let to = gaps
                .iter()
                .zip(&next)
                .map(|(g, &i)| g[i].1)
                .fold(hi, f32::min);
            bands.push((from, to));
            from = to;
        }
        bands
    }

    /// Every free span, however narrow: what `wide_bands` must agree with.
    #[cfg(test)]
    fn free_bands(&self, cols: Range<usize>, lo: f32, hi: f32) -> Vec<(f32, f32)> {
        let cols = cols.start.min(self.cards.len())..cols.end.min(self.cards.len());
        let mut taken: Vec<(f32, f32)> = cols
            .flat_map(|c| {
                let cards = &self.cards[c];
                let start = cards.partition_point(|r| r.bottom() < lo);
                let end = cards.partition_point(|r| r.y <= hi);
                cards[start..end.max(start)].iter()
            })
            .map(|r| (r.y, r.bottom()))
            .collect();
        taken.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut bands = Vec::new();
        let mut free_from = lo;
        for (top, bottom) in taken {
            if top > free_from {
                bands.push((free_from, top.min(hi)));
            }
            free_from = free_from.max(bottom);
        }
        if free_from < hi {
            bands.push((free_from, hi));
        }
        bands
    }
}

/// Line segments (each with the index of what it belongs to) and boxes in a uniform grid.
pub(crate) struct Grid {
    cell: f32,
    cells: HashMap<(i32, i32), Vec<u32>>,
    segments: Vec<(u32, Pt, Pt)>,
    boxes: Vec<Rect>,
}

/// Items in `Grid.cells` below this are segments, the rest boxes.
const BOX_BIT: u32 = 1 << 31;

impl Grid {
    pub fn new(cell: f32) -> Grid {
        Grid {
            cell,
            cells: HashMap::new(),
            segments: Vec::new(),
            boxes: Vec::new(),
        }
    }

    fn span(&self, r: &Rect) -> (Range<i32>, Range<i32>) {
        let c = |v: f32| (v / self.cell).floor() as i32;
        (c(r.x)..c(r.right()) + 1, c(r.y)..c(r.bottom()) + 1)
    }

    fn insert(&mut self, bounds: Rect, item: u32) {
        let (xs, ys) = self.span(&bounds);
        for gx in xs {
            for gy in ys.clone() {
                self.cells.entry((gx, gy)).or_default().push(item);
            }
        }
    }

    /// Adds the segments of a polyline that belongs to `owner`.
    pub fn add_polyline(&mut self, owner: u32, points: &[Pt]) {
        for w in points.windows(2) {
            let item = self.segments.len() as u32;
            self.segments.push((owner, w[0], w[1]));
            self.insert(bounds_of(w[0], w[1]), item);
        }
    }

    pub fn add_box(&mut self, r: Rect) {
        let item = BOX_BIT | self.boxes.len() as u32;
        self.boxes.push(r);
        self.insert(r, item);
    }

    /// The owners of the segments that cross `r` (sorted, each once), and how many boxes
    /// `r` overlaps.
    pub fn hits(&self, r: &Rect) -> (Vec<u32>, usize) {
        let (xs, ys) = self.span(r);
        let mut owners = Vec::new();
        let mut boxes = Vec::new();
        for gx in xs {
            for gy in ys.clone() {
                let Some(items) = self.cells.get(&(gx, gy)) else {
                    continue;
                };
                for &item in items {
                    if item & BOX_BIT != 0 {
                        let i = (item & !BOX_BIT) as usize;
                        if overlaps(&self.boxes[i], r) {
                            boxes.push(i);
                        }
                    } else {
                        let (owner, a, b) = self.segments[item as usize];
                        if segment_hits_rect(a, b, r) {
                            owners.push(owner);
                        }
                    }
                }
            }
        }
        owners.sort_unstable();
        owners.dedup();
        boxes.sort_unstable();
        boxes.dedup();
        (owners, boxes.len())
    }
}

fn bounds_of(a: Pt, b: Pt) -> Rect {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    Rect {
        x,
        y,
        w: (a.x - b.x).abs(),
        h: (a.y - b.y).abs(),
    }
}

fn shrink(r: &Rect, by: f32) -> Rect {
    Rect {
        x: r.x + by,
        y: r.y + by,
        w: (r.w - 2.0 * by).max(0.0),
        h: (r.h - 2.0 * by).max(0.0),
    }
}

/// Whether two rectangles share some area (touching edges do not).
pub(crate) fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Whether the segment from `a` to `b` meets the rectangle `r` (Liang–Barsky clipping).
pub(crate) fn segment_hits_rect(a: Pt, b: Pt, r: &Rect) -> bool {
    let d = pt(b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.x),
        (d.x, r.right() - a.x),
        (-d.y, a.y - r.y),
        (d.y, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn segments_meet_rectangles_they_cross_only() {
        let r = rect(10.0, 10.0, 10.0, 10.0);
        assert!(segment_hits_rect(pt(0.0, 15.0), pt(30.0, 15.0), &r));
        assert!(segment_hits_rect(pt(12.0, 12.0), pt(13.0, 13.0), &r));
        assert!(!segment_hits_rect(pt(0.0, 0.0), pt(30.0, 5.0), &r));
        assert!(!segment_hits_rect(pt(0.0, 25.0), pt(25.0, 40.0), &r));
    }

    #[test]
    fn free_bands_are_the_gaps_between_cards_of_all_columns() {
        let index = CardIndex::new(
            &[(0.0, 100.0), (100.0, 100.0)],
            [
                (0, rect(10.0, 10.0, 80.0, 40.0)),
                (1, rect(110.0, 30.0, 80.0, 40.0)),
                (1, rect(110.0, 100.0, 80.0, 20.0)),
            ],
        );
        assert_eq!(
            index.free_bands(0..2, 0.0, 200.0),
            vec![(0.0, 10.0), (70.0, 100.0), (120.0, 200.0)]
        );
        // The band at the top is narrow, but lies in wide gaps of both columns.
        assert_eq!(
            index.wide_bands(0..2, 0.0, 200.0),
            index.free_bands(0..2, 0.0, 200.0)
        );
        assert_eq!(index.wide_bands(0..2, 0.0, 40.0), vec![(0.0, 10.0)]);
        assert!(index.polyline_hits(&[pt(0.0, 60.0), pt(150.0, 60.0)]));
        assert!(!index.polyline_hits(&[pt(0.0, 80.0), pt(200.0, 80.0)]));
        // A line that ends on a card's edge does not cross it.
        assert!(!index.polyline_hits(&[pt(0.0, 90.0), pt(110.0, 90.0)]));
        // 40 × 10 on the first card, 40 × 30 on the second, 40 × 10 on the third.
        assert_eq!(index.area_on_cards(&rect(50.0, 40.0, 100.0, 70.0)), 2000.0);
    }

    /// On stacks of cards of random heights and gaps, in random windows: the wide bands
    /// are the free spans, less some narrower than `WIDE_GAP`.
    #[test]
    fn wide_bands_are_the_free_bands_less_narrow_ones() {
        let mut seed = 7u64;
        let mut next = |n: u32| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % u64::from(n)) as f32
        };
        for _ in 0..300 {
            let columns: Vec<(f32, f32)> = (0..5).map(|i| (i as f32 * 100.0, 100.0)).collect();
            let mut cards = Vec::new();
            for c in 0..5 {
                let mut y = next(40);
                for _ in 0..next(30) as usize {
                    let h = 5.0 + next(60);
                    cards.push((c, rect(c as f32 * 100.0 + 10.0, y, 80.0, h)));
                    y += h + [0.0, 4.0, 11.0, 12.0, 20.0, 45.0][next(6) as usize];
                }
            }
            let index = CardIndex::new(&columns, cards);
            let (a, b) = (next(5) as usize, next(6) as usize);
            let (lo, hi) = (next(900) - 50.0, next(900) + 200.0);
            let wide = index.wide_bands(a..b, lo, hi);
            let all = index.free_bands(a..b, lo, hi);
            assert!(wide.iter().all(|w| all.contains(w)), "{wide:?} ⊄ {all:?}");
            let tall = |v: &[(f32, f32)]| -> Vec<(f32, f32)> {
                v.iter()
                    .copied()
                    .filter(|(l, h)| h - l >= WIDE_GAP)
                    .collect()
            };
            assert_eq!(tall(&wide), tall(&all), "columns {a}..{b}, {lo}..{hi}");
        }
    }

    #[test]
    fn the_grid_finds_lines_and_boxes_by_place() {
        let mut g = Grid::new(50.0);
        g.add_polyline(7, &[pt(0.0, 0.0), pt(300.0, 0.0)]);
        g.add_polyline(3, &[pt(0.0, 100.0), pt(0.0, 300.0)]);
        g.add_box(rect(200.0, 200.0, 20.0, 20.0));
        assert_eq!(g.hits(&rect(100.0, -5.0, 10.0, 10.0)), (vec![7], 0));
        assert_eq!(g.hits(&rect(-5.0, -5.0, 10.0, 150.0)), (vec![3, 7], 0));
        assert_eq!(g.hits(&rect(210.0, 210.0, 50.0, 50.0)), (vec![], 1));
    }
}
