//! Stages (columns), lanes (rows) and the emotion points that hang off stages.

use super::util::*;
use super::with_cleanup;
use crate::error::not_found;
use crate::validate::*;
use crate::*;

pub(crate) fn add_stage(
    doc: &mut Document,
    map_id: &str,
    stage: &Stage,
    index: u32,
) -> Result<Edit, EditError> {
    map_ref(doc, map_id)?;
    ensure_new_id(doc, Kind::Stage, &stage.id)?;
    check_stage_props(doc, &stage.props())?;
    let map = map_mut(doc, map_id)?;
    insert_clamped(&mut map.stages, index, stage.clone());
    Ok(Edit::DeleteStage {
        map_id: map_id.to_string(),
        stage_id: stage.id.clone(),
    })
}

pub(crate) fn update_stage(
    doc: &mut Document,
    map_id: &str,
    stage_id: &str,
    patch: &StagePatch,
) -> Result<Edit, EditError> {
    let stage = map_ref(doc, map_id)?
        .stage(stage_id)
        .ok_or_else(|| not_found("stage", stage_id))?;
    let (props, inverse) = patch.applied_to(&stage.props());
    check_stage_props(doc, &props)?;
    let map = map_mut(doc, map_id)?;
    let stage = map
        .stages
        .iter_mut()
        .find(|s| s.id == stage_id)
        .ok_or_else(|| not_found("stage", stage_id))?;
    stage.name = props.name;
    stage.color = props.color;
    stage.width = props.width;
    stage.rung_id = props.rung_id;
    stage.speaker_notes = props.speaker_notes;
    Ok(Edit::UpdateStage {
        map_id: map_id.to_string(),
        stage_id: stage_id.to_string(),
        props: inverse,
    })
}

pub(crate) fn reorder_stage(
    doc: &mut Document,
    map_id: &str,
    stage_id: &str,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let from = position(&map.stages, "stage", stage_id, |s| &s.id)?;
    move_clamped(&mut map.stages, from, index);
    canonicalize(map);
    Ok(Edit::ReorderStage {
        map_id: map_id.to_string(),
        stage_id: stage_id.to_string(),
        index: from as u32,
    })
}

/// Deleting a stage deletes its cards (and their connectors) and its emotion points;
/// undo brings all of them back.
pub(crate) fn delete_stage(
    doc: &mut Document,
    map_id: &str,
    stage_id: &str,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    map.stage(stage_id)
        .ok_or_else(|| not_found("stage", stage_id))?;
    let mut steps: Vec<Edit> = map
        .cards
        .iter()
        .filter(|c| c.stage_id == stage_id)
        .map(|c| Edit::DeleteCard {
            map_id: map_id.to_string(),
            card_id: c.id.clone(),
        })
        .collect();
    steps.extend(
        map.emotion_points
            .iter()
            .filter(|p| p.stage_id == stage_id)
            .map(|p| Edit::SetEmotion {
                map_id: map_id.to_string(),
                persona_id: p.persona_id.clone(),
                stage_id: p.stage_id.clone(),
                value: None,
            }),
    );
    with_cleanup(doc, steps, |doc| {
        let map = map_mut(doc, map_id)?;
        let at = position(&map.stages, "stage", stage_id, |s| &s.id)?;
        let stage = map.stages.remove(at);
        Ok(Edit::AddStage {
            map_id: map_id.to_string(),
            stage,
            index: at as u32,
        })
    })
}

fn check_stage_props(doc: &Document, props: &StageProps) -> Result<(), EditError> {
    check_name("stage.name", &props.name)?;
    check_color("stage.color", &props.color)?;
    check_width(props.width)?;
    check_len("stage.speakerNotes", &props.speaker_notes, MAX_TEXT)?;
    super::plan::ensure_rung_exists(doc, "stage.rungId", &props.rung_id)
}

pub(crate) fn add_lane(
    doc: &mut Document,
    map_id: &str,
    lane: &Lane,
    index: u32,
) -> Result<Edit, EditError> {
    map_ref(doc, map_id)?;
    ensure_new_id(doc, Kind::Lane, &lane.id)?;
    check_lane_props(&lane.props())?;
    let map = map_mut(doc, map_id)?;
    insert_clamped(&mut map.lanes, index, lane.clone());
    Ok(Edit::DeleteLane {
        map_id: map_id.to_string(),
        lane_id: lane.id.clone(),
    })
}

/// Changing a lane's kind changes the kind of every card in it.
pub(crate) fn update_lane(
    doc: &mut Document,
    map_id: &str,
    lane_id: &str,
    patch: &LanePatch,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let lane = map
        .lanes
        .iter_mut()
        .find(|l| l.id == lane_id)
        .ok_or_else(|| not_found("lane", lane_id))?;
    let (props, inverse) = patch.applied_to(&lane.props());
    check_lane_props(&props)?;
    lane.name = props.name;
    lane.kind = props.kind;
    lane.color = props.color;
    lane.collapsed = props.collapsed;
    lane.hidden = props.hidden;
    lane.hidden_for_outsiders = props.hidden_for_outsiders;
    for card in map.cards.iter_mut().filter(|c| c.lane_id == lane_id) {
        card.kind = props.kind;
    }
    Ok(Edit::UpdateLane {
        map_id: map_id.to_string(),
        lane_id: lane_id.to_string(),
        props: inverse,
    })
}

pub(crate) fn reorder_lane(
    doc: &mut Document,
    map_id: &str,
    lane_id: &str,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let from = position(&map.lanes, "lane", lane_id, |l| &l.id)?;
    move_clamped(&mut map.lanes, from, index);
    canonicalize_cards(map);
    Ok(Edit::ReorderLane {
        map_id: map_id.to_string(),
        lane_id: lane_id.to_string(),
        index: from as u32,
    })
}

pub(crate) fn delete_lane(
    doc: &mut Document,
    map_id: &str,
    lane_id: &str,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    map.lane(lane_id)
        .ok_or_else(|| not_found("lane", lane_id))?;
    let mut steps: Vec<Edit> = map
        .cards
        .iter()
        .filter(|c| c.lane_id == lane_id)
        .map(|c| Edit::DeleteCard {
            map_id: map_id.to_string(),
            card_id: c.id.clone(),
        })
        .collect();
    // Rounds whose cards are those of this lane no longer name it.
    steps.extend(super::workshop::forget_lane(map, lane_id));
    with_cleanup(doc, steps, |doc| {
        let map = map_mut(doc, map_id)?;
        let at = position(&map.lanes, "lane", lane_id, |l| &l.id)?;
        let lane = map.lanes.remove(at);
        Ok(Edit::AddLane {
            map_id: map_id.to_string(),
            lane,
            index: at as u32,
        })
    })
}

fn check_lane_props(props: &LaneProps) -> Result<(), EditError> {
    check_name("lane.name", &props.name)?;
    check_color("lane.color", &props.color)
}

pub(crate) fn set_emotion(
    doc: &mut Document,
    map_id: &str,
    persona_id: &str,
    stage_id: &str,
    value: Option<i8>,
) -> Result<Edit, EditError> {
    if let Some(v) = value {
        check_emotion(v)?;
    }
    if !doc.personas.iter().any(|p| p.id == persona_id) {
        return Err(not_found("persona", persona_id));
    }
    let map = map_mut(doc, map_id)?;
    if map.stage(stage_id).is_none() {
        return Err(not_found("stage", stage_id));
    }
    let at = map
        .emotion_points
        .iter()
        .position(|p| p.persona_id == persona_id && p.stage_id == stage_id);
    let old = at.map(|i| map.emotion_points[i].value);
    match (at, value) {
        (Some(i), Some(v)) => map.emotion_points[i].value = v,
        (Some(i), None) => {
            map.emotion_points.remove(i);
        }
        (None, Some(v)) => {
            map.emotion_points.push(EmotionPoint {
                persona_id: persona_id.to_string(),
                stage_id: stage_id.to_string(),
                value: v,
            });
            canonicalize_emotions(map);
        }
        (None, None) => {}
    }
    Ok(Edit::SetEmotion {
        map_id: map_id.to_string(),
        persona_id: persona_id.to_string(),
        stage_id: stage_id.to_string(),
        value: old,
    })
}
