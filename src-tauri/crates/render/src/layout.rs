//! The layout pass: a map in, a [`Scene`] out.
//!
//! The grid is a header band of stage names over a gutter of lane names; stage columns
//! take their own width and lanes grow to fit their tallest cell, so nothing is clipped
//! and the drawing never needs scrolling inside a cell.

use std::collections::HashMap;
use std::sync::Arc;

use waymark_model::{Card, Connector, Document, LaneKind, Map};

use crate::connectors::{self, Endpoint, Route, Router};
use crate::curve::flatten_path;
use crate::emotion;
use crate::error::RenderError;
use crate::fonts::TextStyle;
use crate::fonts::{self, BODY, HEADER, TITLE};
use crate::geom::{r2, Pt, Rect};
use crate::labels::{LabelText, Placer};
use crate::ladder::{self, RungBand};
use crate::obstacles::CardIndex;
use crate::palette;
use crate::scene::*;
use crate::text::{BlockCache, ShapedBlock, Shaper};

/// Width of the left column holding the lane names.
pub const GUTTER_WIDTH: f32 = 180.0;
/// Horizontal inset of lane names in the gutter.
pub const GUTTER_PAD_X: f32 = 16.0;
/// Room kept at the right of a collapsed lane's name for its card count.
pub const COUNT_RESERVE: f32 = 32.0;
/// The header band is at least this tall, more if a stage name wraps.
pub const HEADER_MIN_HEIGHT: f32 = 56.0;
/// Space above and below the stage names in the header band.
pub const HEADER_PAD_Y: f32 = 16.0;
/// Horizontal inset of a stage name in its column.
pub const STAGE_PAD_X: f32 = 12.0;
/// A visible lane is at least this tall, even when empty, so it stays a drop target.
pub const LANE_MIN_HEIGHT: f32 = 96.0;
/// Space above the first and below the last card of a cell; also the lane name's inset.
pub const LANE_PAD_Y: f32 = 12.0;
/// A collapsed lane is a thin strip showing its name and card count.
pub const COLLAPSED_HEIGHT: f32 = 36.0;
/// Height of the emotion curve band (cards in an emotion lane, if any, stack below it).
pub const EMOTION_BAND_HEIGHT: f32 = 160.0;
/// Horizontal inset of cards in their column.
pub const CELL_PAD_X: f32 = 10.0;
/// Vertical gap between stacked cards.
pub const CARD_GAP: f32 = 10.0;
/// Inner padding of a card.
pub const CARD_PAD_X: f32 = 12.0;
pub const CARD_PAD_Y: f32 = 10.0;
/// Gap between a card's title and its body.
pub const TITLE_BODY_GAP: f32 = 4.0;
/// The channel badge row at the bottom of a card: it sits at
/// `(card.x + CARD_PAD_X, card.y + card.height − CARD_PAD_Y − BADGE_HEIGHT)`.
pub const BADGE_HEIGHT: f32 = 20.0;
/// Gap between a card's text and its badge row.
pub const BADGE_GAP: f32 = 8.0;
/// Room for the colour swatch left of a persona's name in an emotion lane's legend.
pub const LEGEND_SWATCH: f32 = 16.0;
/// Space between an emotion lane's name and its legend.
pub const LEGEND_GAP: f32 = 8.0;
/// Vertical distance between two rungs of an engagement-ladder lane: each rung has a row
/// this tall, the step's label sitting above its marker within the row.
pub const RUNG_STEP: f32 = 24.0;
/// The ladder's markers: a stage's own rung, and the level a stage keeps from the last.
pub const LADDER_MARKER_R: f32 = 5.0;
/// Between a step's marker and the baseline of its label above it.
pub const LADDER_LABEL_GAP: f32 = 4.0;
/// A card is at least this tall (an empty card is still something to click).
pub const CARD_MIN_HEIGHT: f32 = 44.0;
/// Kept free to the right of the last column and below the last lane for connectors
/// that bulge or loop outside the cards.
pub const EDGE_MARGIN: f32 = 48.0;
/// Kept under the lowest point of a return arc inside its lane's loop track…
pub const LOOP_TRACK_PAD: f32 = 8.0;
/// …or, when the arc has a label, room for the label under it.
pub const LOOP_LABEL_ROOM: f32 = 28.0;
/// The widest a connector label may be before it is shortened with "…".
pub const LABEL_MAX_WIDTH: f32 = 200.0;

/// Lays maps out. Holds the font system and a shaping buffer, which are costly to build,
/// and the text blocks of the last layouts, so keep one and reuse it for every layout: a
/// re-layout after a small edit shapes only the text that changed.
pub struct Layouter {
    shaper: Shaper,
    /// A second shaper for a second thread, made when a layout first has many texts to
    /// shape (see `BlockCache::wrap_all`).
    helper: Option<Shaper>,
    blocks: BlockCache,
}

impl Default for Layouter {
    fn default() -> Self {
        Layouter::new()
    }
}

/// A card measured and placed relative to its cell, before the lane's y is known.
struct Placed<'a> {
    card: &'a Card,
    index: u32,
    stage_index: usize,
    /// Offset from the lane's top.
    dy: f32,
    height: f32,
    title: Arc<ShapedBlock>,
    body: Arc<ShapedBlock>,
}

impl Layouter {
    pub fn new() -> Layouter {
        Layouter {
            shaper: Shaper::new(),
            helper: None,
            blocks: BlockCache::default(),
        }
    }

    /// Lays out the map `map_id` of `doc`. The same document always gives the same Scene.
    pub fn layout(&mut self, doc: &Document, map_id: &str) -> Result<Scene, RenderError> {
        let map = doc
            .map(map_id)
            .ok_or_else(|| RenderError::MapNotFound(map_id.to_string()))?;
        let scene = self.layout_map(doc, map);
        self.shaper.end_pass();
        if let Some(helper) = &mut self.helper {
            helper.end_pass();
        }
        self.blocks.end_pass();
        Ok(scene)
    }

    /// Wraps `text` to `max_width` (see `Shaper::wrap`), through the block cache.
    fn wrap(&mut self, text: &str, style: TextStyle, max_width: Option<f32>) -> Arc<ShapedBlock> {
        self.blocks.wrap(&mut self.shaper, text, style, max_width)
    }

    /// One line cut with "…" (see `Shaper::fit_one_line`), through the block cache.
    fn fit_one_line(&mut self, text: &str, style: TextStyle, max_width: f32) -> Arc<ShapedBlock> {
        self.blocks
            .fit_one_line(&mut self.shaper, text, style, max_width)
    }

    fn layout_map(&mut self, doc: &Document, map: &Map) -> Scene {
        // Columns.
        let mut stage_x = Vec::with_capacity(map.stages.len());
        let mut name_blocks = Vec::with_capacity(map.stages.len());
        let mut x = GUTTER_WIDTH;
        for stage in &map.stages {
            let width = stage.width as f32;
            stage_x.push(x);
            name_blocks.push(self.wrap(
                &stage.name,
                HEADER,
                Some((width - 2.0 * STAGE_PAD_X).max(1.0)),
            ));
            x += width;
        }
        let columns_right = x;
        let tallest_name = name_blocks.iter().map(|b| b.height).fold(0.0, f32::max);
        let header_height = HEADER_MIN_HEIGHT.max(tallest_name + 2.0 * HEADER_PAD_Y);
        let stages: Vec<SceneStage> = map
            .stages
            .iter()
            .zip(&name_blocks)
            .enumerate()
            .map(|(i, (stage, block))| SceneStage {
                id: stage.id.clone(),
                index: i as u32,
                x: r2(stage_x[i]),
                width: r2(stage.width as f32),
                color: palette::pick(stage.color.as_deref(), palette::stage_color(i)),
                name: text_lines(block, stage_x[i] + STAGE_PAD_X, HEADER_PAD_Y),
            })
            .collect();
        let stage_index: HashMap<&str, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let lane_index: HashMap<&str, usize> = map
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();

        // Cards per lane, in map order, numbered within their cell. Cards pointing at a
        // stage or lane the map lacks cannot be placed and are left out.
        let mut per_lane: Vec<Vec<(&Card, usize, u32)>> = vec![Vec::new(); map.lanes.len()];
        let mut cell_counts: HashMap<(usize, usize), u32> = HashMap::new();
        for card in &map.cards {
            let (Some(&si), Some(&li)) = (
                stage_index.get(card.stage_id.as_str()),
                lane_index.get(card.lane_id.as_str()),
            ) else {
                continue;
            };
            let n = cell_counts.entry((si, li)).or_insert(0);
            per_lane[li].push((card, si, *n));
            *n += 1;
        }

        // The cards' texts, shaped up front (on two threads when there are many); the
        // rows below then find them in the block cache.
        let laid: Vec<&[(&Card, usize, u32)]> = map
            .lanes
            .iter()
            .zip(&per_lane)
            .filter(|(lane, _)| !lane.hidden && !lane.collapsed)
            .map(|(_, cards)| cards.as_slice())
            .collect();
        let texts = laid
            .iter()
            .flat_map(|cards| cards.iter())
            .flat_map(|&(card, si, _)| {
                let inner = (card_width(map.stages[si].width as f32) - 2.0 * CARD_PAD_X).max(1.0);
                [
                    (card.title.as_str(), TITLE, Some(inner)),
                    (card.body.as_str(), BODY, Some(inner)),
                ]
            });
        self.blocks
            .wrap_all(&mut self.shaper, &mut self.helper, texts);

        // Rows.
        let mut lanes = Vec::new();
        let mut cards = Vec::new();
        let mut emotion_lines = Vec::new();
        let mut ladders = Vec::new();
        let columns: Vec<(f32, f32)> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (stage_x[i], s.width as f32))
            .collect();
        let mut endpoints: HashMap<&str, Endpoint> = HashMap::new();
        let mut all_endpoints: Vec<Endpoint> = Vec::with_capacity(map.cards.len());
        let stage_centres: Vec<(&str, f32)> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), stage_x[i] + s.width as f32 / 2.0))
            .collect();
        let gutter_inner = GUTTER_WIDTH - 2.0 * GUTTER_PAD_X;
        let mut y = header_height;
        for (li, lane) in map.lanes.iter().enumerate() {
            if lane.hidden {
                continue;
            }
            let card_count = per_lane[li].len() as u32;
            let color = palette::pick(lane.color.as_deref(), palette::kind_colors(lane.kind).1);
            if lane.collapsed {
                let name = self.fit_one_line(&lane.name, HEADER, gutter_inner - COUNT_RESERVE);
                let top = y + (COLLAPSED_HEIGHT - HEADER.line_height) / 2.0;
                lanes.push(scene_lane(
                    lane,
                    li,
                    y,
                    COLLAPSED_HEIGHT,
                    color,
                    card_count,
                    text_lines(&name, GUTTER_PAD_X, top),
                ));
                y += COLLAPSED_HEIGHT;
                continue;
            }

            // Cards start below the curve band in an emotion lane, below the rungs in a
            // ladder lane, at the top otherwise.
            let is_emotion = lane.kind == LaneKind::Emotions;
            let name = self.wrap(&lane.name, HEADER, Some(gutter_inner));
            // The rungs start under the lane's name, so their names in the gutter do not
            // run into it.
            let rungs = if lane.kind == LaneKind::Ladder {
                doc.ladder.len()
            } else {
                0
            };
            let rung_top = LANE_PAD_Y + name.height + LEGEND_GAP;
            let content_top = if is_emotion {
                EMOTION_BAND_HEIGHT
            } else if rungs > 0 {
                rung_top + rungs as f32 * RUNG_STEP
            } else {
                0.0
            };
            let mut placed = Vec::with_capacity(per_lane[li].len());
            let mut next_dy = vec![content_top + LANE_PAD_Y; map.stages.len()];
            for &(card, si, index) in &per_lane[li] {
                let card_w = card_width(map.stages[si].width as f32);
                let inner = (card_w - 2.0 * CARD_PAD_X).max(1.0);
                let title = self.wrap(&card.title, TITLE, Some(inner));
                let body = self.wrap(&card.body, BODY, Some(inner));
                let height = card_height(&title, &body, card.channel_id.is_some());
                placed.push(Placed {
                    card,
                    index,
                    stage_index: si,
                    dy: next_dy[si],
                    height,
                    title,
                    body,
                });
                next_dy[si] += height + CARD_GAP;
            }
            if is_emotion {
                let first = emotion_lines.len();
                emotion_lines.extend(emotion::lines(
                    doc,
                    map,
                    &lane.id,
                    y,
                    EMOTION_BAND_HEIGHT,
                    &stage_centres,
                ));
                // A legend under the lane name says which line is whose.
                let mut top = y + LANE_PAD_Y + name.height + LEGEND_GAP;
                for line in &mut emotion_lines[first..] {
                    let text =
                        self.fit_one_line(&line.persona_name, BODY, gutter_inner - LEGEND_SWATCH);
                    line.legend = text_lines(&text, GUTTER_PAD_X + LEGEND_SWATCH, top)
                        .into_iter()
                        .next();
                    top += BODY.line_height;
                }
            }
            let legend_rows = emotion_lines
                .iter()
                .filter(|l| l.lane_id == lane.id)
                .count();
            let legend_bottom = if legend_rows == 0 {
                0.0
            } else {
                LANE_PAD_Y
                    + name.height
                    + LEGEND_GAP
                    + legend_rows as f32 * BODY.line_height
                    + LANE_PAD_Y
            };
            let cells = placed
                .iter()
                .map(|p| p.dy + p.height + LANE_PAD_Y)
                .fold(0.0, f32::max);
            let cells = cells.max(loop_track(map, &placed));
            let height = if is_emotion {
                EMOTION_BAND_HEIGHT.max(cells).max(legend_bottom)
            } else if rungs > 0 {
                LANE_MIN_HEIGHT.max(cells).max(content_top + LANE_PAD_Y)
            } else {
                LANE_MIN_HEIGHT
                    .max(cells)
                    .max(name.height + 2.0 * LANE_PAD_Y)
            };

            if lane.kind == LaneKind::Ladder {
                let band = RungBand {
                    top: y + rung_top,
                    step: RUNG_STEP,
                    count: rungs,
                };
                let mut l = ladder::ladder(
                    doc,
                    map,
                    &lane.id,
                    palette::pick(lane.color.as_deref(), palette::kind_colors(lane.kind).1),
                    &band,
                    &columns,
                    (GUTTER_WIDTH, columns_right),
                );
                self.label_ladder(doc, map, &mut l);
                ladders.push(l);
            }

            for p in placed {
                let rect = Rect {
                    x: stage_x[p.stage_index] + CELL_PAD_X,
                    y: y + p.dy,
                    w: card_width(map.stages[p.stage_index].width as f32),
                    h: p.height,
                };
                let endpoint = Endpoint {
                    rect,
                    stage_index: p.stage_index,
                    lane_pos: lanes.len(),
                };
                endpoints.insert(p.card.id.as_str(), endpoint);
                all_endpoints.push(endpoint);
                cards.push(scene_card(doc, lane, p, rect));
            }
            lanes.push(scene_lane(
                lane,
                li,
                y,
                height,
                color,
                card_count,
                text_lines(&name, GUTTER_PAD_X, y + LANE_PAD_Y),
            ));
            y += height;
        }
        // Cards were placed lane by lane; give them back in the map's (canonical) order.
        let order: HashMap<&str, usize> = map
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        cards.sort_by_cached_key(|c: &SceneCard| {
            order.get(c.id.as_str()).copied().unwrap_or(usize::MAX)
        });

        let drawn = Drawn {
            columns: &columns,
            lanes: &lanes,
            emotion_lines: &emotion_lines,
            ladders: &ladders,
            header_height,
            bottom: y,
            right: columns_right,
        };
        let connectors = self.connectors(map, &endpoints, &all_endpoints, &drawn);
        let heat = heat(map, &stages);

        Scene {
            map_id: map.id.clone(),
            map_name: map.name.clone(),
            width: r2(columns_right + EDGE_MARGIN),
            height: r2(y + EDGE_MARGIN),
            header_height: r2(header_height),
            gutter_width: GUTTER_WIDTH,
            stages,
            lanes,
            cards,
            connectors,
            emotion_lines,
            ladder: ladders,
            heat,
            fonts: fonts::scene_fonts(),
        }
    }

    /// The rung names in the gutter and the step labels above the markers.
    fn label_ladder(&mut self, doc: &Document, map: &Map, ladder: &mut SceneLadder) {
        let gutter_inner = GUTTER_WIDTH - 2.0 * GUTTER_PAD_X;
        let centred = |block: &ShapedBlock, x: f32, mid_y: f32| {
            block.lines.first().map(|l| TextLine {
                text: l.text.clone(),
                x: r2(x),
                y: r2(mid_y + l.baseline - BODY.line_height / 2.0),
                width: r2(l.width),
            })
        };
        for rung in &mut ladder.rungs {
            let Some(r) = doc.ladder.get(rung.index as usize) else {
                continue;
            };
            let block = self.fit_one_line(&r.name, BODY, gutter_inner - LEGEND_SWATCH);
            rung.name = centred(&block, GUTTER_PAD_X + LEGEND_SWATCH, rung.y);
        }
        for step in ladder.steps.iter_mut().filter(|s| !s.inherited) {
            let (Some(r), Some(stage)) = (
                doc.ladder.iter().find(|r| r.id == step.rung_id),
                map.stage(&step.stage_id),
            ) else {
                continue;
            };
            let room = (stage.width as f32 - 2.0 * CELL_PAD_X).max(1.0);
            let block = self.fit_one_line(&r.name, BODY, room);
            step.label = block.lines.first().map(|l| TextLine {
                text: l.text.clone(),
                x: r2(step.x - l.width / 2.0),
                y: r2(step.y - LADDER_MARKER_R - LADDER_LABEL_GAP),
                width: r2(l.width),
            });
        }
    }

    /// Connectors whose two cards are both on show; one into a hidden or collapsed lane
    /// has nothing to point at and is left out. Routed around the cards first, then
    /// labelled, each label kept clear of the cards, the lines and the labels before it.
    fn connectors(
        &mut self,
        map: &Map,
        endpoints: &HashMap<&str, Endpoint>,
        all: &[Endpoint],
        drawn: &Drawn<'_>,
    ) -> Vec<SceneConnector> {
        let index = CardIndex::new(drawn.columns, all.iter().map(|e| (e.stage_index, e.rect)));
        let lanes: Vec<(f32, f32)> = drawn.lanes.iter().map(|l| (l.y, l.y + l.height)).collect();
        let mut router = Router::new(
            &index,
            &lanes,
            drawn.header_height,
            drawn.bottom + EDGE_MARGIN / 2.0,
        );
        let shown: Vec<(&Connector, Endpoint, Endpoint)> = map
            .connectors
            .iter()
            .filter_map(|c| {
                let from = *endpoints.get(c.from_card_id.as_str())?;
                let to = *endpoints.get(c.to_card_id.as_str())?;
                Some((c, from, to))
            })
            .collect();
        // Shorter spans first (see `Router`); the Scene keeps the map's order.
        let mut order: Vec<usize> = (0..shown.len()).collect();
        order.sort_by_key(|&i| shown[i].1.stage_index.abs_diff(shown[i].2.stage_index));
        let mut routes: Vec<Option<Route>> = vec![None; shown.len()];
        for i in order {
            let (c, from, to) = shown[i];
            let labelled = !c.label.trim().is_empty();
            routes[i] = Some(router.route(from, to, c.from_card_id == c.to_card_id, labelled));
        }
        let routed: Vec<(&Connector, Route)> = shown
            .iter()
            .zip(routes)
            .filter_map(|(&(c, _, _), r)| Some((c, r?)))
            .collect();

        let mut labels: Vec<Option<TextLine>> = vec![None; routed.len()];
        if routed.iter().any(|(c, _)| !c.label.trim().is_empty()) {
            let routes: Vec<&Route> = routed.iter().map(|(_, r)| r).collect();
            let mut placer = Placer::new(
                &index,
                &routes,
                &drawn.other_lines(),
                &drawn.texts(),
                Rect {
                    x: GUTTER_WIDTH,
                    y: drawn.header_height,
                    w: drawn.right - GUTTER_WIDTH,
                    h: drawn.bottom - drawn.header_height,
                },
            );
            for (i, (c, route)) in routed.iter().enumerate() {
                if c.label.trim().is_empty() {
                    continue;
                }
                let block = self.fit_one_line(&c.label, BODY, LABEL_MAX_WIDTH);
                labels[i] = block.lines.first().map(|l| {
                    let text = LabelText {
                        width: l.width,
                        baseline: l.baseline,
                        line_height: BODY.line_height,
                    };
                    let (x, baseline) = placer.place(i, route, text);
                    TextLine {
                        text: l.text.clone(),
                        x: r2(x),
                        y: r2(baseline),
                        width: r2(l.width),
                    }
                });
            }
        }
        routed
            .into_iter()
            .zip(labels)
            .map(|((c, route), label)| SceneConnector {
                id: c.id.clone(),
                kind: c.kind,
                from_card_id: c.from_card_id.clone(),
                to_card_id: c.to_card_id.clone(),
                bounds: connector_bounds(&route, label.as_ref()),
                path: route.path,
                end_x: route.end.x,
                end_y: route.end.y,
                end_angle: route.end_angle,
                label,
            })
            .collect()
    }
}

/// Room around a connector's path for its stroke and arrowhead.
const CONNECTOR_PAD: f32 = 10.0;

/// Everything a connector draws: its flattened path and arrow end, padded for the stroke
/// and arrowhead, and its label's line box (the label's baseline minus the body's line
/// height above it, plus the descent below).
fn connector_bounds(route: &Route, label: Option<&TextLine>) -> SceneBounds {
    let (mut x0, mut y0, mut x1, mut y1) = (route.end.x, route.end.y, route.end.x, route.end.y);
    for p in &route.points {
        (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
    }
    (x0, y0, x1, y1) = (
        x0 - CONNECTOR_PAD,
        y0 - CONNECTOR_PAD,
        x1 + CONNECTOR_PAD,
        y1 + CONNECTOR_PAD,
    );
    if let Some(l) = label {
        x0 = x0.min(l.x);
        x1 = x1.max(l.x + l.width);
        y0 = y0.min(l.y - BODY.line_height);
        y1 = y1.max(l.y + BODY.line_height / 2.0);
    }
    SceneBounds {
        x: r2(x0),
        y: r2(y0),
        width: r2(x1 - x0),
        height: r2(y1 - y0),
    }
}

/// What is already drawn when connectors are laid out: where they may go and what their
/// labels must keep clear of.
struct Drawn<'a> {
    /// Each stage column's left edge and width.
    columns: &'a [(f32, f32)],
    lanes: &'a [SceneLane],
    emotion_lines: &'a [SceneEmotionLine],
    ladders: &'a [SceneLadder],
    header_height: f32,
    /// The bottom of the last lane and the right of the last column.
    bottom: f32,
    right: f32,
}

impl Drawn<'_> {
    /// The emotion lines and the ladders' stepped lines, as polylines.
    fn other_lines(&self) -> Vec<Vec<Pt>> {
        let paths = self
            .emotion_lines
            .iter()
            .map(|l| l.path.as_str())
            .chain(self.ladders.iter().map(|l| l.path.as_str()));
        paths.flat_map(flatten_path).collect()
    }

    /// The ladders' step labels and markers.
    fn texts(&self) -> Vec<Rect> {
        let mut out = Vec::new();
        for step in self.ladders.iter().flat_map(|l| &l.steps) {
            let r = LADDER_MARKER_R;
            out.push(Rect {
                x: step.x - r,
                y: step.y - r,
                w: 2.0 * r,
                h: 2.0 * r,
            });
            if let Some(l) = &step.label {
                out.push(Rect {
                    x: l.x,
                    y: l.y - BODY.size,
                    w: l.width,
                    h: BODY.line_height,
                });
            }
        }
        out
    }
}

/// How tall a lane must be for the return arcs between its own cards to run under them
/// inside the lane (a "loop track"), rather than through the cards of the next lane.
fn loop_track(map: &Map, placed: &[Placed<'_>]) -> f32 {
    let by_id: HashMap<&str, &Placed<'_>> =
        placed.iter().map(|p| (p.card.id.as_str(), p)).collect();
    // The bottom of each stage's cards in this lane, so an arc's span costs its stages,
    // not the lane's cards.
    let mut bottoms: Vec<f32> = Vec::new();
    for p in placed {
        if bottoms.len() <= p.stage_index {
            bottoms.resize(p.stage_index + 1, 0.0);
        }
        bottoms[p.stage_index] = bottoms[p.stage_index].max(p.dy + p.height);
    }
    let mut need: f32 = 0.0;
    for c in &map.connectors {
        let (Some(from), Some(to)) = (
            by_id.get(c.from_card_id.as_str()),
            by_id.get(c.to_card_id.as_str()),
        ) else {
            continue;
        };
        if to.stage_index >= from.stage_index {
            continue;
        }
        let span = to.stage_index..(from.stage_index + 1).min(bottoms.len());
        let bottom = bottoms
            .get(span)
            .unwrap_or_default()
            .iter()
            .fold(0.0, |a: f32, &b| a.max(b));
        let label = if c.label.trim().is_empty() {
            LOOP_TRACK_PAD
        } else {
            LOOP_LABEL_ROOM
        };
        need = need.max(bottom + connectors::LOOP_RISE + label);
    }
    need
}

/// Per stage, the sum of the severities of its points of vulnerability (capped), for the
/// stages that have any. Cards in hidden lanes are left out, as they are from the Scene;
/// those in collapsed lanes count, as the lane still holds them.
fn heat(map: &Map, stages: &[SceneStage]) -> Vec<SceneHeat> {
    let shown: HashMap<&str, bool> = map
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), !l.hidden))
        .collect();
    let mut sums: HashMap<&str, u32> = HashMap::new();
    for card in &map.cards {
        if let Some(s) = severity(card) {
            if shown.get(card.lane_id.as_str()) == Some(&true) {
                *sums.entry(card.stage_id.as_str()).or_insert(0) += u32::from(s);
            }
        }
    }
    stages
        .iter()
        .filter_map(|stage| {
            let sum = sums.get(stage.id.as_str()).copied().unwrap_or(0);
            let level = sum.min(u32::from(palette::HEAT_MAX)) as u8;
            (level > 0).then(|| SceneHeat {
                stage_id: stage.id.clone(),
                x: stage.x,
                width: stage.width,
                level,
                color: palette::heat_color(level),
            })
        })
        .collect()
}

/// A point of vulnerability's severity, 1..=3; `None` for a card not flagged as one.
/// The author badge's height, and how wide it grows per character of the initials.
pub const AUTHOR_BADGE_HEIGHT: f32 = 14.0;
const AUTHOR_BADGE_PER_CHAR: f32 = 6.0;

/// A workshop card's author as a badge on the card's top edge, at its left (the flag
/// markers sit at its right). A card whose author is not in the document shows none.
fn author_badge(doc: &Document, card: &Card, rect: &Rect) -> Option<SceneAuthor> {
    let id = card.author.as_ref()?;
    let p = doc.participants.iter().find(|p| &p.id == id)?;
    let n = p.initials.chars().count().max(1) as f32;
    let width = (6.0 + AUTHOR_BADGE_PER_CHAR * n).max(AUTHOR_BADGE_HEIGHT);
    Some(SceneAuthor {
        id: p.id.clone(),
        initials: p.initials.clone(),
        name: p.name.clone(),
        color: p.color.clone(),
        x: r2(rect.x + 10.0 + width / 2.0),
        y: r2(rect.y),
        width,
        height: AUTHOR_BADGE_HEIGHT,
    })
}

fn severity(card: &Card) -> Option<u8> {
    card.flags
        .point_of_vulnerability
        .then(|| card.plan.vulnerability.severity.clamp(1, 3))
}

/// Cards fill their column, less the cell's side padding.
fn card_width(column: f32) -> f32 {
    (column - 2.0 * CELL_PAD_X).max(2.0 * CARD_PAD_X + 1.0)
}

/// A card is as tall as its text, plus the badge row when a channel delivers it.
fn card_height(title: &ShapedBlock, body: &ShapedBlock, badge: bool) -> f32 {
    let gap = if title.lines.is_empty() || body.lines.is_empty() {
        0.0
    } else {
        TITLE_BODY_GAP
    };
    let mut h = CARD_PAD_Y + title.height + gap + body.height;
    if badge {
        h += if h > CARD_PAD_Y { BADGE_GAP } else { 0.0 } + BADGE_HEIGHT;
    }
    (h + CARD_PAD_Y).max(CARD_MIN_HEIGHT)
}

/// Shaped lines at absolute positions, the block's top-left being (`left`, `top`).
fn text_lines(block: &ShapedBlock, left: f32, top: f32) -> Vec<TextLine> {
    block
        .lines
        .iter()
        .map(|l| TextLine {
            text: l.text.clone(),
            x: r2(left + l.x),
            y: r2(top + l.baseline),
            width: r2(l.width),
        })
        .collect()
}

fn scene_lane(
    lane: &waymark_model::Lane,
    index: usize,
    y: f32,
    height: f32,
    color: String,
    card_count: u32,
    name: Vec<TextLine>,
) -> SceneLane {
    SceneLane {
        id: lane.id.clone(),
        index: index as u32,
        kind: lane.kind,
        y: r2(y),
        height: r2(height),
        color,
        collapsed: lane.collapsed,
        card_count,
        count_x: GUTTER_WIDTH - GUTTER_PAD_X,
        name,
    }
}

fn scene_card(doc: &Document, lane: &waymark_model::Lane, p: Placed<'_>, rect: Rect) -> SceneCard {
    let card = p.card;
    let (fill, stroke) =
        palette::card_colors(card.color.as_deref(), lane.color.as_deref(), card.kind);
    let text_left = rect.x + CARD_PAD_X;
    let title_top = rect.y + CARD_PAD_Y;
    let gap = if p.title.lines.is_empty() || p.body.lines.is_empty() {
        0.0
    } else {
        TITLE_BODY_GAP
    };
    let body_top = title_top + p.title.height + gap;
    let channel = card.channel_id.as_ref().map(|id| {
        let found = doc.channels.iter().position(|c| &c.id == id);
        let ch = found.map(|i| &doc.channels[i]);
        SceneChannelBadge {
            id: id.clone(),
            x: r2(rect.x + CARD_PAD_X),
            y: r2(rect.y + rect.h - CARD_PAD_Y - BADGE_HEIGHT),
            width: r2((rect.w - 2.0 * CARD_PAD_X).max(0.0)),
            height: BADGE_HEIGHT,
            // A channel missing from the document still shows which id it was.
            icon: ch.map_or_else(String::new, |c| c.icon.clone()),
            name: ch.map_or_else(|| id.clone(), |c| c.name.clone()),
            color: palette::pick(
                ch.and_then(|c| c.color.as_deref()),
                palette::channel_color(found.unwrap_or(0)),
            ),
        }
    });
    SceneCard {
        id: card.id.clone(),
        stage_id: card.stage_id.clone(),
        lane_id: card.lane_id.clone(),
        kind: card.kind,
        index: p.index,
        x: r2(rect.x),
        y: r2(rect.y),
        width: r2(rect.w),
        height: r2(rect.h),
        fill,
        stroke,
        title: text_lines(&p.title, text_left, title_top),
        body: text_lines(&p.body, text_left, body_top),
        title_text: card.title.clone(),
        channel,
        flags: card.flags,
        severity: severity(card),
        author: author_badge(doc, card, &rect),
    }
}
