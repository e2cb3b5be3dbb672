//! Canonical order. Only the order of stages, lanes, maps, channels, personas,
//! connectors and the order of cards *within a cell* carry meaning; everything else is
//! put in one fixed order so that equal documents compare equal and the store can load
//! exactly what the model holds.

use std::collections::HashMap;

use crate::{Card, Lane, Map, Stage};

/// Cards sorted by (stage position, lane position), keeping their order within a cell.
pub fn canonicalize_cards(map: &mut Map) {
    let stage_pos: HashMap<&str, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let lane_pos: HashMap<&str, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut keyed: Vec<(usize, usize, crate::Card)> = map
        .cards
        .drain(..)
        .map(|c| {
            let s = stage_pos
                .get(c.stage_id.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            let l = lane_pos
                .get(c.lane_id.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            (s, l, c)
        })
        .collect();
    keyed.sort_by_key(|(s, l, _)| (*s, *l)); // stable: keeps order within a cell
    map.cards = keyed.into_iter().map(|(_, _, c)| c).collect();
}

/// Inserts `card` at `index` among the cards of its cell (after the cell's last card when
/// `index` is past it) and leaves the cards in canonical order: the same list as inserting
/// it and running [`canonicalize_cards`], found by a binary search when the map is already
/// in order (as every map the model keeps is) instead of a sort of the whole map.
pub(crate) fn insert_card(map: &mut Map, card: Card, index: u32) {
    let places = CellPlaces::new(&map.stages, &map.lanes);
    if !places.unique || !places.in_order(&map.cards) {
        let cell: Vec<usize> = map
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| c.stage_id == card.stage_id && c.lane_id == card.lane_id)
            .map(|(i, _)| i)
            .collect();
        let at = match cell.get(index as usize) {
            Some(&i) => i,
            None => cell.last().map_or(map.cards.len(), |&i| i + 1),
        };
        map.cards.insert(at, card);
        canonicalize_cards(map);
        return;
    }
    let key = places.of(&card);
    let start = map.cards.partition_point(|c| places.of(c) < key);
    let len = map.cards[start..].partition_point(|c| places.of(c) <= key);
    let at = start + (index as usize).min(len);
    map.cards.insert(at, card);
}

/// Each stage's and lane's position, the key [`canonicalize_cards`] sorts by.
struct CellPlaces<'a> {
    stages: HashMap<&'a str, usize>,
    lanes: HashMap<&'a str, usize>,
    /// No two stages (or lanes) share an id, so equal keys mean the same cell.
    unique: bool,
}

impl<'a> CellPlaces<'a> {
    fn new(stages: &'a [Stage], lanes: &'a [Lane]) -> Self {
        let stage_pos: HashMap<&str, usize> = stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let lane_pos: HashMap<&str, usize> = lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        let unique = stage_pos.len() == stages.len() && lane_pos.len() == lanes.len();
        CellPlaces {
            stages: stage_pos,
            lanes: lane_pos,
            unique,
        }
    }

    fn of(&self, c: &Card) -> (usize, usize) {
        let at = |m: &HashMap<&str, usize>, id: &str| m.get(id).copied().unwrap_or(usize::MAX);
        (at(&self.stages, &c.stage_id), at(&self.lanes, &c.lane_id))
    }

    /// Whether the cards are sorted by cell; looks a key up only where the cell changes.
    fn in_order(&self, cards: &[Card]) -> bool {
        let mut last: Option<(&Card, (usize, usize))> = None;
        for c in cards {
            match last {
                Some((p, _)) if p.stage_id == c.stage_id && p.lane_id == c.lane_id => {}
                Some((_, key)) if self.of(c) < key => return false,
                _ => last = Some((c, self.of(c))),
            }
        }
        true
    }
}

/// Emotion points sorted by (persona id, stage position).
pub fn canonicalize_emotions(map: &mut Map) {
    let stage_pos: HashMap<String, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    map.emotion_points.sort_by(|a, b| {
        let sa = stage_pos.get(&a.stage_id).copied().unwrap_or(usize::MAX);
        let sb = stage_pos.get(&b.stage_id).copied().unwrap_or(usize::MAX);
        (a.persona_id.as_str(), sa).cmp(&(b.persona_id.as_str(), sb))
    });
}

/// Puts a whole map in canonical order.
pub fn canonicalize(map: &mut Map) {
    canonicalize_cards(map);
    canonicalize_emotions(map);
    for round in &mut map.vote_rounds {
        crate::workshop::canonicalize_votes(&mut round.votes);
    }
}
