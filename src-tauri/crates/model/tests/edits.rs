//! Behaviour of single edits, one test per rule a user depends on.

mod fixture;

use waymark_model::*;

fn apply(doc: &mut Document, edit: Edit) -> Edit {
    edit.apply(doc).unwrap_or_else(|e| panic!("{e}"))
}

fn titles(doc: &Document, stage: &str, lane: &str) -> Vec<String> {
    doc.maps[0]
        .cell_cards(stage, lane)
        .map(|c| c.title.clone())
        .collect()
}

#[test]
fn move_card_into_another_cell_at_an_index() {
    let mut doc = fixture::document();
    apply(
        &mut doc,
        Edit::MoveCard {
            map_id: "m1".into(),
            card_id: "c5".into(),
            stage_id: "s1".into(),
            lane_id: "l1".into(),
            index: 1,
        },
    );
    assert_eq!(
        titles(&doc, "s1", "l1"),
        ["Friend's invitation", "$10 first gift", "Local search"]
    );
}

#[test]
fn moving_a_card_to_another_lane_gives_it_that_lane_kind() {
    let mut doc = fixture::document();
    apply(
        &mut doc,
        Edit::MoveCard {
            map_id: "m1".into(),
            card_id: "c1".into(),
            stage_id: "s1".into(),
            lane_id: "l2".into(),
            index: 0,
        },
    );
    assert_eq!(doc.maps[0].card("c1").unwrap().kind, LaneKind::PainPoints);
}

#[test]
fn deleting_a_stage_removes_its_cards_connectors_and_emotions_and_undo_restores_them() {
    let original = fixture::document();
    let mut doc = original.clone();
    let inverse = apply(
        &mut doc,
        Edit::DeleteStage {
            map_id: "m1".into(),
            stage_id: "s1".into(),
        },
    );
    let map = &doc.maps[0];
    assert!(map.card("c1").is_none() && map.card("c2").is_none());
    assert!(map.connectors.is_empty(), "both connectors touch c1");
    assert!(map.emotion_points.iter().all(|p| p.stage_id != "s1"));
    apply(&mut doc, inverse);
    assert_eq!(doc, original);
}

#[test]
fn deleting_a_channel_unlinks_its_cards() {
    let mut doc = fixture::document();
    apply(
        &mut doc,
        Edit::DeleteChannel {
            channel_id: "ch1".into(),
        },
    );
    assert_eq!(doc.maps[0].card("c1").unwrap().channel_id, None);
}

#[test]
fn a_card_must_take_its_lane_kind() {
    let mut doc = fixture::document();
    let card = fixture::card("c9", "s1", "l1", LaneKind::Notes, "wrong kind");
    let err = Edit::AddCard {
        map_id: "m1".into(),
        card,
        index: 0,
    }
    .apply(&mut doc)
    .unwrap_err();
    assert!(err.to_string().contains("card.kind"), "{err}");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut doc = fixture::document();
    let card = fixture::card("c1", "s1", "l1", LaneKind::Touchpoints, "again");
    let err = Edit::AddCard {
        map_id: "m1".into(),
        card,
        index: 0,
    }
    .apply(&mut doc)
    .unwrap_err();
    assert_eq!(
        err,
        EditError::DuplicateId {
            entity: "card",
            id: "c1".into()
        }
    );
}

#[test]
fn bad_values_name_the_field() {
    let mut doc = fixture::document();
    let cases = [
        (
            Edit::UpdateStage {
                map_id: "m1".into(),
                stage_id: "s1".into(),
                props: StageProps {
                    rung_id: None,
                    name: "x".into(),
                    color: Some("red".into()),
                    width: 240,
                    speaker_notes: String::new(),
                }
                .into(),
            },
            "stage.color",
        ),
        (
            Edit::UpdateStage {
                map_id: "m1".into(),
                stage_id: "s1".into(),
                props: StageProps {
                    rung_id: None,
                    name: "x".into(),
                    color: None,
                    width: 5,
                    speaker_notes: String::new(),
                }
                .into(),
            },
            "stage.width",
        ),
        (
            Edit::SetEmotion {
                map_id: "m1".into(),
                persona_id: "p1".into(),
                stage_id: "s1".into(),
                value: Some(3),
            },
            "emotion.value",
        ),
        (
            Edit::AddConnector {
                map_id: "m1".into(),
                connector: Connector {
                    id: "k9".into(),
                    from_card_id: "c1".into(),
                    to_card_id: "c1".into(),
                    kind: ConnectorKind::Flow,
                    label: String::new(),
                },
                index: 0,
            },
            "connector",
        ),
    ];
    for (edit, field) in cases {
        let before = doc.clone();
        let err = edit.apply(&mut doc).unwrap_err().to_string();
        assert!(err.starts_with(field), "{err:?} should name {field}");
        assert_eq!(doc, before);
    }
}

#[test]
fn a_failing_batch_changes_nothing() {
    let original = fixture::document();
    let mut doc = original.clone();
    let batch = Edit::Batch {
        edits: vec![
            Edit::DeleteCard {
                map_id: "m1".into(),
                card_id: "c2".into(),
            },
            Edit::DeleteCard {
                map_id: "m1".into(),
                card_id: "no-such-card".into(),
            },
        ],
    };
    let err = batch.apply(&mut doc).unwrap_err();
    assert_eq!(
        err,
        EditError::NotFound {
            entity: "card",
            id: "no-such-card".into()
        }
    );
    assert_eq!(doc, original);
}

#[test]
fn changing_a_lane_kind_changes_its_cards() {
    let mut doc = fixture::document();
    let inverse = apply(
        &mut doc,
        Edit::UpdateLane {
            map_id: "m1".into(),
            lane_id: "l2".into(),
            props: LaneProps {
                name: "Risks".into(),
                kind: LaneKind::Notes,
                color: None,
                collapsed: false,
                hidden: false,
                hidden_for_outsiders: false,
            }
            .into(),
        },
    );
    assert_eq!(doc.maps[0].card("c4").unwrap().kind, LaneKind::Notes);
    apply(&mut doc, inverse);
    assert_eq!(doc.maps[0].card("c4").unwrap().kind, LaneKind::PainPoints);
}

#[test]
fn edits_serialize_with_a_type_tag_and_camel_case_fields() {
    let edit = Edit::MoveCard {
        map_id: "m".into(),
        card_id: "c".into(),
        stage_id: "s".into(),
        lane_id: "l".into(),
        index: 2,
    };
    assert_eq!(
        serde_json::to_string(&edit).unwrap(),
        r#"{"type":"MoveCard","mapId":"m","cardId":"c","stageId":"s","laneId":"l","index":2}"#
    );
}

/// Workshop mode: a stage's speaker notes and a lane's "hidden for outsiders" switch are
/// fields of the ordinary field-level updates, each undone exactly.
#[test]
fn speaker_notes_and_hidden_for_outsiders_are_field_level_updates() {
    let mut doc = fixture::document();
    let map = doc.maps[0].clone();
    let (stage, lane) = (map.stages[0].clone(), map.lanes[0].clone());
    let before = doc.clone();
    let notes = Edit::UpdateStage {
        map_id: map.id.clone(),
        stage_id: stage.id.clone(),
        props: StagePatch {
            speaker_notes: Some("Ask who has felt this".into()),
            ..Default::default()
        },
    };
    let undo_notes = notes.apply(&mut doc).unwrap();
    assert_eq!(
        undo_notes,
        Edit::UpdateStage {
            map_id: map.id.clone(),
            stage_id: stage.id.clone(),
            props: StagePatch {
                speaker_notes: Some(String::new()),
                ..Default::default()
            },
        }
    );
    let hide = Edit::UpdateLane {
        map_id: map.id.clone(),
        lane_id: lane.id.clone(),
        props: LanePatch {
            hidden_for_outsiders: Some(true),
            ..Default::default()
        },
    };
    let undo_hide = hide.apply(&mut doc).unwrap();
    let m = &doc.maps[0];
    assert_eq!(
        m.stage(&stage.id).unwrap().speaker_notes,
        "Ask who has felt this"
    );
    assert_eq!(m.stage(&stage.id).unwrap().name, stage.name);
    assert!(m.lane(&lane.id).unwrap().hidden_for_outsiders);
    assert!(
        !m.lane(&lane.id).unwrap().hidden,
        "still shown while editing"
    );
    undo_hide.apply(&mut doc).unwrap();
    undo_notes.apply(&mut doc).unwrap();
    assert_eq!(doc, before);

    let too_long = Edit::UpdateStage {
        map_id: map.id.clone(),
        stage_id: stage.id.clone(),
        props: StagePatch {
            speaker_notes: Some("x".repeat(20_001)),
            ..Default::default()
        },
    };
    assert!(matches!(
        too_long.apply(&mut doc),
        Err(EditError::Invalid {
            field: "stage.speakerNotes",
            ..
        })
    ));
}
