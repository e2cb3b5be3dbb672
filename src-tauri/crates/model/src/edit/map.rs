//! Adding, editing, reordering and deleting whole maps.

use std::collections::HashSet;

use super::util::*;
use crate::error::{invalid, not_found};
use crate::validate::*;
use crate::*;

pub(crate) fn add(doc: &mut Document, map: &Map, index: u32) -> Result<Edit, EditError> {
    let taken: HashSet<(&'static str, &str)> = {
        let in_doc = ids_taken(doc, map);
        MapIds::of(map).filter(|k| in_doc.contains(k)).collect()
    };
    add_checked(doc, map, index, &taken)
}

/// The ids of the maps added so far (as (kind name, id)), kept by a caller that adds many
/// maps in a row — loading a file — so that each map is checked against this index rather
/// than against every map before it.
#[derive(Default)]
pub(crate) struct MapIds<'m>(HashSet<(&'static str, &'m str)>);

impl<'m> MapIds<'m> {
    /// The ids of a map's stages, lanes, cards, connectors and vote rounds.
    fn of(map: &'m Map) -> impl Iterator<Item = (&'static str, &'m str)> {
        let ids = |kind: Kind| move |id: &'m String| (kind.name(), id.as_str());
        (map.stages.iter().map(|s| &s.id).map(ids(Kind::Stage)))
            .chain(map.lanes.iter().map(|l| &l.id).map(ids(Kind::Lane)))
            .chain(map.cards.iter().map(|c| &c.id).map(ids(Kind::Card)))
            .chain(
                map.connectors
                    .iter()
                    .map(|c| &c.id)
                    .map(ids(Kind::Connector)),
            )
            .chain(
                map.vote_rounds
                    .iter()
                    .map(|r| &r.id)
                    .map(ids(Kind::VoteRound)),
            )
    }
}

/// [`add`] for a caller whose `ids` hold the ids of exactly `doc.maps`; adds the new map's.
pub(crate) fn add_indexed<'m>(
    doc: &mut Document,
    map: &'m Map,
    index: u32,
    ids: &mut MapIds<'m>,
) -> Result<Edit, EditError> {
    let taken: HashSet<(&'static str, &str)> =
        MapIds::of(map).filter(|k| ids.0.contains(k)).collect();
    let inverse = add_checked(doc, map, index, &taken)?;
    ids.0.extend(MapIds::of(map));
    Ok(inverse)
}

/// `taken`: the ids of `map` that `doc` already uses for the same kind.
fn add_checked(
    doc: &mut Document,
    map: &Map,
    index: u32,
    taken: &HashSet<(&'static str, &str)>,
) -> Result<Edit, EditError> {
    check_new_map(doc, map, taken)?;
    let mut map = map.clone();
    canonicalize(&mut map);
    let id = map.id.clone();
    insert_clamped(&mut doc.maps, index, map);
    Ok(Edit::DeleteMap { map_id: id })
}

pub(crate) fn update(
    doc: &mut Document,
    map_id: &str,
    patch: &MapPatch,
) -> Result<Edit, EditError> {
    let (props, inverse) = patch.applied_to(&map_ref(doc, map_id)?.props());
    check_name("map.name", &props.name)?;
    check_len("map.description", &props.description, MAX_TEXT)?;
    ensure_personas_exist(doc, "map.personaIds", &props.persona_ids)?;
    let map = map_mut(doc, map_id)?;
    map.name = props.name;
    map.description = props.description;
    map.persona_ids = props.persona_ids;
    Ok(Edit::UpdateMap {
        map_id: map_id.to_string(),
        props: inverse,
    })
}

pub(crate) fn reorder(doc: &mut Document, map_id: &str, index: u32) -> Result<Edit, EditError> {
    let from = position(&doc.maps, "map", map_id, |m| &m.id)?;
    move_clamped(&mut doc.maps, from, index);
    Ok(Edit::ReorderMap {
        map_id: map_id.to_string(),
        index: from as u32,
    })
}

pub(crate) fn delete(doc: &mut Document, map_id: &str) -> Result<Edit, EditError> {
    let at = position(&doc.maps, "map", map_id, |m| &m.id)?;
    let map = doc.maps.remove(at);
    Ok(Edit::AddMap {
        map,
        index: at as u32,
    })
}

/// A map added whole (from a template, a paste or an undo) must be consistent by itself
/// and must not reuse ids already in the document.
fn check_new_map(
    doc: &Document,
    map: &Map,
    taken: &HashSet<(&'static str, &str)>,
) -> Result<(), EditError> {
    ensure_new_id(doc, Kind::Map, &map.id)?;
    check_name("map.name", &map.name)?;
    check_len("map.description", &map.description, MAX_TEXT)?;
    ensure_personas_exist(doc, "map.personaIds", &map.persona_ids)?;

    // The checks `ensure_new_id` makes, with the document's ids found beforehand for the
    // whole map (`taken`) rather than searched for each of its ids.
    let mut seen = HashSet::new();
    let mut fresh = |kind: Kind, id: &str| -> Result<(), EditError> {
        check_id("id", id)?;
        if taken.contains(&(kind.name(), id)) || !seen.insert((kind.name(), id.to_string())) {
            return Err(EditError::DuplicateId {
                entity: kind.name(),
                id: id.to_string(),
            });
        }
        Ok(())
    };
    for s in &map.stages {
        fresh(Kind::Stage, &s.id)?;
        check_name("stage.name", &s.name)?;
        check_color("stage.color", &s.color)?;
        check_width(s.width)?;
        check_len("stage.speakerNotes", &s.speaker_notes, MAX_TEXT)?;
    }
    for l in &map.lanes {
        fresh(Kind::Lane, &l.id)?;
        check_name("lane.name", &l.name)?;
        check_color("lane.color", &l.color)?;
    }
    for c in &map.cards {
        fresh(Kind::Card, &c.id)?;
        super::card::check_card(doc, map, c)?;
    }
    let cards: HashSet<&str> = map.cards.iter().map(|c| c.id.as_str()).collect();
    for c in &map.connectors {
        fresh(Kind::Connector, &c.id)?;
        super::connector::check_ends_among(
            |id| cards.contains(id),
            &c.from_card_id,
            &c.to_card_id,
        )?;
        check_name("connector.label", &c.label)?;
    }
    for r in &map.vote_rounds {
        fresh(Kind::VoteRound, &r.id)?;
        super::workshop::check_round(doc, map, r)?;
    }
    let mut points = HashSet::new();
    for p in &map.emotion_points {
        check_emotion(p.value)?;
        if !doc.personas.iter().any(|x| x.id == p.persona_id) {
            return Err(not_found("persona", &p.persona_id));
        }
        if map.stage(&p.stage_id).is_none() {
            return Err(not_found("stage", &p.stage_id));
        }
        if !points.insert((p.persona_id.as_str(), p.stage_id.as_str())) {
            return Err(invalid(
                "emotionPoints",
                format!(
                    "persona {:?} has two points at stage {:?}",
                    p.persona_id, p.stage_id
                ),
            ));
        }
    }
    Ok(())
}

/// The ids of `map`'s stages, lanes, cards, connectors and vote rounds that the document
/// already uses for the same kind: one pass over the document.
fn ids_taken<'a>(doc: &'a Document, map: &Map) -> HashSet<(&'static str, &'a str)> {
    let new: HashSet<(&'static str, &str)> = MapIds::of(map).collect();
    if new.is_empty() {
        return HashSet::new();
    }
    doc.maps
        .iter()
        .flat_map(MapIds::of)
        .filter(|k| new.contains(k))
        .collect()
}
