//! Cards: the sticky notes in the cells.

use super::util::*;
use super::with_cleanup;
use crate::error::{invalid, not_found};
use crate::validate::*;
use crate::*;

pub(crate) fn add(
    doc: &mut Document,
    map_id: &str,
    card: &Card,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    ensure_new_id(doc, Kind::Card, &card.id)?;
    check_card(doc, map, card)?;
    let map = map_mut(doc, map_id)?;
    place(map, card.clone(), index);
    Ok(Edit::DeleteCard {
        map_id: map_id.to_string(),
        card_id: card.id.clone(),
    })
}

pub(crate) fn update(
    doc: &mut Document,
    map_id: &str,
    card_id: &str,
    patch: &CardPatch,
) -> Result<Edit, EditError> {
    let card = map_ref(doc, map_id)?
        .card(card_id)
        .ok_or_else(|| not_found("card", card_id))?;
    let (props, inverse) = patch.applied_to(&card.props());
    check_props(doc, &props)?;
    let map = map_mut(doc, map_id)?;
    let card = map
        .cards
        .iter_mut()
        .find(|c| c.id == card_id)
        .ok_or_else(|| not_found("card", card_id))?;
    card.title = props.title;
    card.body = props.body;
    card.color = props.color;
    card.channel_id = props.channel_id;
    card.persona_ids = props.persona_ids;
    card.flags = props.flags;
    card.plan = props.plan;
    card.author = props.author;
    card.tags = props.tags;
    Ok(Edit::UpdateCard {
        map_id: map_id.to_string(),
        card_id: card_id.to_string(),
        props: inverse,
    })
}

pub(crate) fn move_to(
    doc: &mut Document,
    map_id: &str,
    card_id: &str,
    stage_id: &str,
    lane_id: &str,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    map.stage(stage_id)
        .ok_or_else(|| not_found("stage", stage_id))?;
    let kind = map
        .lane(lane_id)
        .ok_or_else(|| not_found("lane", lane_id))?
        .kind;
    let at = position(&map.cards, "card", card_id, |c| &c.id)?;
    let old_index = index_in_cell(map, at);
    let mut card = map.cards.remove(at);
    let inverse = Edit::MoveCard {
        map_id: map_id.to_string(),
        card_id: card_id.to_string(),
        stage_id: std::mem::replace(&mut card.stage_id, stage_id.to_string()),
        lane_id: std::mem::replace(&mut card.lane_id, lane_id.to_string()),
        index: old_index,
    };
    card.kind = kind;
    place(map, card, index);
    Ok(inverse)
}

/// Deleting a card deletes the connectors that touch it; undo restores them.
pub(crate) fn delete(doc: &mut Document, map_id: &str, card_id: &str) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    map.card(card_id)
        .ok_or_else(|| not_found("card", card_id))?;
    let mut steps: Vec<Edit> = map
        .connectors
        .iter()
        .filter(|c| c.from_card_id == card_id || c.to_card_id == card_id)
        .map(|c| Edit::DeleteConnector {
            map_id: map_id.to_string(),
            connector_id: c.id.clone(),
        })
        .collect();
    // Its votes, and its place in rounds that list their cards.
    steps.extend(super::workshop::forget_card(map, card_id));
    with_cleanup(doc, steps, |doc| {
        let map = map_mut(doc, map_id)?;
        let at = position(&map.cards, "card", card_id, |c| &c.id)?;
        let index = index_in_cell(map, at);
        let card = map.cards.remove(at);
        Ok(Edit::AddCard {
            map_id: map_id.to_string(),
            card,
            index,
        })
    })
}

/// The card's position among the cards of its own cell.
fn index_in_cell(map: &Map, at: usize) -> u32 {
    let c = &map.cards[at];
    map.cards[..at]
        .iter()
        .filter(|o| o.stage_id == c.stage_id && o.lane_id == c.lane_id)
        .count() as u32
}

/// Puts a card at `index` within its cell (clamped), keeping canonical order.
fn place(map: &mut Map, card: Card, index: u32) {
    crate::canon::insert_card(map, card, index);
}

/// A card must sit in a cell of its map, take its lane's kind and link only to
/// channels and personas of the document.
pub(crate) fn check_card(doc: &Document, map: &Map, card: &Card) -> Result<(), EditError> {
    map.stage(&card.stage_id)
        .ok_or_else(|| not_found("stage", &card.stage_id))?;
    let lane = map
        .lane(&card.lane_id)
        .ok_or_else(|| not_found("lane", &card.lane_id))?;
    if card.kind != lane.kind {
        return Err(invalid(
            "card.kind",
            format!(
                "is {:?} but its lane {:?} holds {:?}",
                card.kind.as_str(),
                lane.name,
                lane.kind.as_str()
            ),
        ));
    }
    check_props(doc, &card.props())
}

fn check_props(doc: &Document, props: &CardProps) -> Result<(), EditError> {
    check_len("card.title", &props.title, MAX_NAME * 5)?;
    check_len("card.body", &props.body, MAX_TEXT)?;
    check_color("card.color", &props.color)?;
    ensure_channel_exists(doc, &props.channel_id)?;
    ensure_personas_exist(doc, "card.personaIds", &props.persona_ids)?;
    ensure_participant_exists(doc, &props.author)?;
    super::workshop::check_tags(&props.tags)?;
    super::plan::check_card_plan(doc, &props.plan)
}
