//! Channels and personas: shared by every map of the document.

use super::util::*;
use super::with_cleanup;
use crate::error::not_found;
use crate::validate::*;
use crate::*;

pub(crate) fn add_channel(
    doc: &mut Document,
    channel: &Channel,
    index: u32,
) -> Result<Edit, EditError> {
    ensure_new_id(doc, Kind::Channel, &channel.id)?;
    check_channel(doc, &channel.id, &channel.props())?;
    insert_clamped(&mut doc.channels, index, channel.clone());
    Ok(Edit::DeleteChannel {
        channel_id: channel.id.clone(),
    })
}

pub(crate) fn update_channel(
    doc: &mut Document,
    id: &str,
    patch: &ChannelPatch,
) -> Result<Edit, EditError> {
    let ch = doc
        .channels
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| not_found("channel", id))?;
    let (props, inverse) = patch.applied_to(&ch.props());
    check_channel(doc, id, &props)?;
    let ch = doc
        .channels
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| not_found("channel", id))?;
    ch.name = props.name;
    ch.icon = props.icon;
    ch.color = props.color;
    ch.plan = props.plan;
    Ok(Edit::UpdateChannel {
        channel_id: id.to_string(),
        props: inverse,
    })
}

pub(crate) fn reorder_channel(doc: &mut Document, id: &str, index: u32) -> Result<Edit, EditError> {
    let from = position(&doc.channels, "channel", id, |c| &c.id)?;
    move_clamped(&mut doc.channels, from, index);
    Ok(Edit::ReorderChannel {
        channel_id: id.to_string(),
        index: from as u32,
    })
}

/// Cards delivered through a deleted channel keep their place but lose the link.
pub(crate) fn delete_channel(doc: &mut Document, id: &str) -> Result<Edit, EditError> {
    position(&doc.channels, "channel", id, |c| &c.id)?;
    let mut steps = Vec::new();
    for map in &doc.maps {
        for card in map
            .cards
            .iter()
            .filter(|c| c.channel_id.as_deref() == Some(id))
        {
            steps.push(Edit::UpdateCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                props: CardPatch {
                    channel_id: Some(None),
                    ..Default::default()
                },
            });
        }
    }
    for other in doc
        .channels
        .iter()
        .filter(|c| c.plan.job.works_with.iter().any(|w| w == id))
    {
        let mut works_with = other.plan.job.works_with.clone();
        works_with.retain(|w| w != id);
        steps.push(Edit::UpdateChannel {
            channel_id: other.id.clone(),
            props: ChannelPatch::hand_offs(works_with),
        });
    }
    with_cleanup(doc, steps, |doc| {
        let at = position(&doc.channels, "channel", id, |c| &c.id)?;
        let channel = doc.channels.remove(at);
        Ok(Edit::AddChannel {
            channel,
            index: at as u32,
        })
    })
}

fn check_channel(doc: &Document, id: &str, props: &ChannelProps) -> Result<(), EditError> {
    check_name("channel.name", &props.name)?;
    check_len("channel.icon", &props.icon, 8)?;
    check_color("channel.color", &props.color)?;
    super::plan::check_channel_plan(doc, id, &props.plan)
}

pub(crate) fn add_persona(
    doc: &mut Document,
    persona: &Persona,
    index: u32,
) -> Result<Edit, EditError> {
    ensure_new_id(doc, Kind::Persona, &persona.id)?;
    check_persona(&persona.props())?;
    insert_clamped(&mut doc.personas, index, persona.clone());
    Ok(Edit::DeletePersona {
        persona_id: persona.id.clone(),
    })
}

pub(crate) fn update_persona(
    doc: &mut Document,
    id: &str,
    patch: &PersonaPatch,
) -> Result<Edit, EditError> {
    let p = doc
        .personas
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| not_found("persona", id))?;
    let (props, inverse) = patch.applied_to(&p.props());
    check_persona(&props)?;
    p.name = props.name;
    p.segment = props.segment;
    p.color = props.color;
    p.goals = props.goals;
    p.photo = props.photo;
    Ok(Edit::UpdatePersona {
        persona_id: id.to_string(),
        props: inverse,
    })
}

pub(crate) fn reorder_persona(doc: &mut Document, id: &str, index: u32) -> Result<Edit, EditError> {
    let from = position(&doc.personas, "persona", id, |p| &p.id)?;
    move_clamped(&mut doc.personas, from, index);
    Ok(Edit::ReorderPersona {
        persona_id: id.to_string(),
        index: from as u32,
    })
}

/// Removing a persona unlinks it from maps and cards and removes its emotion line.
pub(crate) fn delete_persona(doc: &mut Document, id: &str) -> Result<Edit, EditError> {
    position(&doc.personas, "persona", id, |p| &p.id)?;
    let without = |ids: &[String]| ids.iter().filter(|x| *x != id).cloned().collect::<Vec<_>>();
    let mut steps = Vec::new();
    for map in &doc.maps {
        if map.persona_ids.iter().any(|p| p == id) {
            steps.push(Edit::UpdateMap {
                map_id: map.id.clone(),
                props: MapPatch {
                    persona_ids: Some(without(&map.persona_ids)),
                    ..Default::default()
                },
            });
        }
        for card in map
            .cards
            .iter()
            .filter(|c| c.persona_ids.iter().any(|p| p == id))
        {
            steps.push(Edit::UpdateCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                props: CardPatch {
                    persona_ids: Some(without(&card.persona_ids)),
                    ..Default::default()
                },
            });
        }
        for p in map.emotion_points.iter().filter(|p| p.persona_id == id) {
            steps.push(Edit::SetEmotion {
                map_id: map.id.clone(),
                persona_id: id.to_string(),
                stage_id: p.stage_id.clone(),
                value: None,
            });
        }
    }
    with_cleanup(doc, steps, |doc| {
        let at = position(&doc.personas, "persona", id, |p| &p.id)?;
        let persona = doc.personas.remove(at);
        Ok(Edit::AddPersona {
            persona,
            index: at as u32,
        })
    })
}

fn check_persona(props: &PersonaProps) -> Result<(), EditError> {
    check_name("persona.name", &props.name)?;
    check_name("persona.segment", &props.segment)?;
    check_color("persona.color", &props.color)?;
    check_len("persona.goals", &props.goals, MAX_TEXT)?;
    super::plan::check_photo(&props.photo)
}
