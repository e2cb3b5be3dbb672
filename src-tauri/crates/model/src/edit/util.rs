//! Lookups and list moves shared by the edits.

use crate::error::not_found;
use crate::{Document, EditError, Map};

pub(crate) fn map_mut<'a>(doc: &'a mut Document, map_id: &str) -> Result<&'a mut Map, EditError> {
    doc.maps
        .iter_mut()
        .find(|m| m.id == map_id)
        .ok_or_else(|| not_found("map", map_id))
}

pub(crate) fn map_ref<'a>(doc: &'a Document, map_id: &str) -> Result<&'a Map, EditError> {
    doc.maps
        .iter()
        .find(|m| m.id == map_id)
        .ok_or_else(|| not_found("map", map_id))
}

pub(crate) fn position<T>(
    items: &[T],
    entity: &'static str,
    id: &str,
    key: impl Fn(&T) -> &str,
) -> Result<usize, EditError> {
    items
        .iter()
        .position(|item| key(item) == id)
        .ok_or_else(|| not_found(entity, id))
}

/// Inserts at `index` clamped to the list; returns the index used.
pub(crate) fn insert_clamped<T>(items: &mut Vec<T>, index: u32, item: T) -> u32 {
    let at = (index as usize).min(items.len());
    items.insert(at, item);
    at as u32
}

/// Moves the item at `from` to `index` (clamped); returns the index used.
pub(crate) fn move_clamped<T>(items: &mut Vec<T>, from: usize, index: u32) -> u32 {
    let item = items.remove(from);
    insert_clamped(items, index, item)
}

/// Which kinds of entity already use an id anywhere in the document.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Map,
    Stage,
    Lane,
    Card,
    Connector,
    Channel,
    Persona,
    Participant,
    VoteRound,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Map => "map",
            Kind::Stage => "stage",
            Kind::Lane => "lane",
            Kind::Card => "card",
            Kind::Connector => "connector",
            Kind::Channel => "channel",
            Kind::Persona => "persona",
            Kind::Participant => "participant",
            Kind::VoteRound => "vote round",
        }
    }
}

/// Ids are unique per kind across the whole document (they are primary keys in the file).
pub(crate) fn ensure_new_id(doc: &Document, kind: Kind, id: &str) -> Result<(), EditError> {
    crate::validate::check_id("id", id)?;
    let taken = match kind {
        Kind::Map => doc.maps.iter().any(|m| m.id == id),
        Kind::Stage => doc.maps.iter().any(|m| m.stages.iter().any(|s| s.id == id)),
        Kind::Lane => doc.maps.iter().any(|m| m.lanes.iter().any(|l| l.id == id)),
        Kind::Card => doc.maps.iter().any(|m| m.cards.iter().any(|c| c.id == id)),
        Kind::Connector => doc
            .maps
            .iter()
            .any(|m| m.connectors.iter().any(|c| c.id == id)),
        Kind::Channel => doc.channels.iter().any(|c| c.id == id),
        Kind::Persona => doc.personas.iter().any(|p| p.id == id),
        Kind::Participant => doc.participants.iter().any(|p| p.id == id),
        Kind::VoteRound => doc
            .maps
            .iter()
            .any(|m| m.vote_rounds.iter().any(|r| r.id == id)),
    };
    if taken {
        return Err(EditError::DuplicateId {
            entity: kind.name(),
            id: id.to_string(),
        });
    }
    Ok(())
}

pub(crate) fn ensure_personas_exist(
    doc: &Document,
    field: &'static str,
    ids: &[String],
) -> Result<(), EditError> {
    crate::validate::check_unique_ids(field, ids)?;
    for id in ids {
        if !doc.personas.iter().any(|p| &p.id == id) {
            return Err(not_found("persona", id));
        }
    }
    Ok(())
}

pub(crate) fn ensure_channel_exists(doc: &Document, id: &Option<String>) -> Result<(), EditError> {
    match id {
        Some(id) if !doc.channels.iter().any(|c| &c.id == id) => Err(not_found("channel", id)),
        _ => Ok(()),
    }
}

pub(crate) fn ensure_participant_exists(
    doc: &Document,
    id: &Option<String>,
) -> Result<(), EditError> {
    match id {
        Some(id) if !doc.participants.iter().any(|p| &p.id == id) => {
            Err(not_found("participant", id))
        }
        _ => Ok(()),
    }
}
