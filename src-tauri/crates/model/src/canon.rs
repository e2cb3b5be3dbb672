//! Canonical order. Only the order of stages, lanes, maps, channels, personas,
//! connectors and the order of cards *within a cell* carry meaning; everything else is
//! put in one fixed order so that equal documents compare equal and the store can load
//! exactly what the model holds.

use std::collections::HashMap;

use crate::Map;

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
