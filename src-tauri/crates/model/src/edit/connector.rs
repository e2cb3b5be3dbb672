//! Connectors: arrows between cards, including loops back to earlier stages.

use super::util::*;
use crate::error::{invalid, not_found};
use crate::validate::*;
use crate::*;

pub(crate) fn add(
    doc: &mut Document,
    map_id: &str,
    connector: &Connector,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    ensure_new_id(doc, Kind::Connector, &connector.id)?;
    check_ends(map, &connector.from_card_id, &connector.to_card_id)?;
    check_name("connector.label", &connector.label)?;
    let map = map_mut(doc, map_id)?;
    insert_clamped(&mut map.connectors, index, connector.clone());
    Ok(Edit::DeleteConnector {
        map_id: map_id.to_string(),
        connector_id: connector.id.clone(),
    })
}

pub(crate) fn update(
    doc: &mut Document,
    map_id: &str,
    connector_id: &str,
    patch: &ConnectorPatch,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let c = find_mut(map, connector_id)?;
    let (props, inverse) = patch.applied_to(&c.props());
    check_name("connector.label", &props.label)?;
    c.kind = props.kind;
    c.label = props.label;
    Ok(Edit::UpdateConnector {
        map_id: map_id.to_string(),
        connector_id: connector_id.to_string(),
        props: inverse,
    })
}

pub(crate) fn move_ends(
    doc: &mut Document,
    map_id: &str,
    connector_id: &str,
    from: &str,
    to: &str,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    check_ends(map, from, to)?;
    let c = find_mut(map, connector_id)?;
    let inverse = Edit::MoveConnector {
        map_id: map_id.to_string(),
        connector_id: connector_id.to_string(),
        from_card_id: std::mem::replace(&mut c.from_card_id, from.to_string()),
        to_card_id: std::mem::replace(&mut c.to_card_id, to.to_string()),
    };
    Ok(inverse)
}

pub(crate) fn reorder(
    doc: &mut Document,
    map_id: &str,
    connector_id: &str,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let from = position(&map.connectors, "connector", connector_id, |c| &c.id)?;
    move_clamped(&mut map.connectors, from, index);
    Ok(Edit::ReorderConnector {
        map_id: map_id.to_string(),
        connector_id: connector_id.to_string(),
        index: from as u32,
    })
}

pub(crate) fn delete(
    doc: &mut Document,
    map_id: &str,
    connector_id: &str,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let at = position(&map.connectors, "connector", connector_id, |c| &c.id)?;
    let connector = map.connectors.remove(at);
    Ok(Edit::AddConnector {
        map_id: map_id.to_string(),
        connector,
        index: at as u32,
    })
}

fn find_mut<'a>(map: &'a mut Map, id: &str) -> Result<&'a mut Connector, EditError> {
    map.connectors
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| not_found("connector", id))
}

/// Both ends are cards of this map, and a connector joins two different cards.
pub(crate) fn check_ends(map: &Map, from: &str, to: &str) -> Result<(), EditError> {
    check_ends_among(|id| map.card(id).is_some(), from, to)
}

/// [`check_ends`] with the map's cards looked up by `has_card` (a whole map being added
/// checks its connectors against an index of its cards, not a search per end).
pub(crate) fn check_ends_among(
    has_card: impl Fn(&str) -> bool,
    from: &str,
    to: &str,
) -> Result<(), EditError> {
    for id in [from, to] {
        if !has_card(id) {
            return Err(not_found("card", id));
        }
    }
    if from == to {
        return Err(invalid("connector", "cannot join a card to itself"));
    }
    Ok(())
}
