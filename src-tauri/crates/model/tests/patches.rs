//! `Update*` edits carry only the fields that change; their inverse carries the old values
//! of exactly those fields, and whole records written before patches still read and apply.

mod fixture;

use serde_json::json;
use waymark_model::*;

fn retitle(card_id: &str, title: &str) -> Edit {
    Edit::UpdateCard {
        map_id: "m1".into(),
        card_id: card_id.into(),
        props: CardPatch {
            title: Some(title.into()),
            ..Default::default()
        },
    }
}

#[test]
fn a_patch_changes_only_its_fields_and_its_inverse_names_only_them() {
    let mut doc = fixture::document();
    let before = doc.maps[0].card("c1").unwrap().clone();
    let inverse = retitle("c1", "Invited by a friend")
        .apply(&mut doc)
        .unwrap();

    let after = doc.maps[0].card("c1").unwrap();
    assert_eq!(after.title, "Invited by a friend");
    assert_eq!(
        Card {
            title: before.title.clone(),
            ..after.clone()
        },
        before
    );
    assert_eq!(inverse, retitle("c1", &before.title));
}

#[test]
fn two_patches_built_from_the_same_state_keep_both_fields() {
    let mut doc = fixture::document();
    let body = Edit::UpdateCard {
        map_id: "m1".into(),
        card_id: "c1".into(),
        props: CardPatch {
            body: Some("Heard about it at dinner".into()),
            ..Default::default()
        },
    };
    retitle("c1", "Invited by a friend")
        .apply(&mut doc)
        .unwrap();
    body.apply(&mut doc).unwrap();
    let card = doc.maps[0].card("c1").unwrap();
    assert_eq!(
        (card.title.as_str(), card.body.as_str()),
        ("Invited by a friend", "Heard about it at dinner")
    );
}

#[test]
fn a_nullable_field_is_absent_to_keep_null_to_clear_and_a_value_to_set() {
    let keep: ChannelPatch = serde_json::from_value(json!({ "name": "Mail" })).unwrap();
    assert_eq!(keep.color, None);
    let clear: ChannelPatch = serde_json::from_value(json!({ "color": null })).unwrap();
    assert_eq!(clear.color, Some(None));
    let set: ChannelPatch = serde_json::from_value(json!({ "color": "#123456" })).unwrap();
    assert_eq!(set.color, Some(Some("#123456".to_string())));
    // Written back the same way: nothing for an unchanged field.
    assert_eq!(
        serde_json::to_value(&keep).unwrap(),
        json!({ "name": "Mail" })
    );
    assert_eq!(
        serde_json::to_value(&clear).unwrap(),
        json!({ "color": null })
    );

    let mut doc = fixture::document();
    let clear_ch2 = Edit::UpdateChannel {
        channel_id: "ch2".into(),
        props: clear,
    };
    let inverse = clear_ch2.apply(&mut doc).unwrap();
    assert_eq!(doc.channels[1].color, None);
    assert_eq!(doc.channels[1].name, fixture::document().channels[1].name);
    assert_eq!(
        inverse,
        Edit::UpdateChannel {
            channel_id: "ch2".into(),
            props: ChannelPatch {
                color: Some(Some("#8b5cf6".into())),
                ..Default::default()
            },
        }
    );
}

/// An edit-log row written before patches holds the whole record: it reads as a patch with
/// every field set and replaces the record exactly as it did then.
#[test]
fn a_whole_record_edit_as_written_before_patches_still_applies() {
    let mut doc = fixture::document();
    let mut props = doc.maps[0].card("c4").unwrap().props();
    props.title = "Nobody says thank you".into();
    props.flags.point_of_vulnerability = true;
    let old_row = json!({
        "type": "UpdateCard",
        "mapId": "m1",
        "cardId": "c4",
        "props": serde_json::to_value(&props).unwrap(),
    });
    let edit: Edit = serde_json::from_value(old_row).unwrap();
    assert_eq!(
        edit,
        Edit::UpdateCard {
            map_id: "m1".into(),
            card_id: "c4".into(),
            props: props.clone().into(),
        }
    );
    let original = doc.clone();
    let inverse = edit.apply(&mut doc).unwrap();
    assert_eq!(doc.maps[0].card("c4").unwrap().props(), props);
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, original);
}

#[test]
fn a_patch_that_breaks_a_rule_is_refused_and_changes_nothing() {
    let mut doc = fixture::document();
    let original = doc.clone();
    let err = Edit::UpdateStage {
        map_id: "m1".into(),
        stage_id: "s1".into(),
        props: StagePatch {
            width: Some(5),
            ..Default::default()
        },
    }
    .apply(&mut doc)
    .unwrap_err();
    assert!(err.to_string().contains("width"), "{err}");
    assert_eq!(doc, original);
}

/// Nested records are patched field by field too: one marker, or a passion point's KPIs,
/// without the other markers or the rest of the plan.
#[test]
fn a_nested_patch_changes_one_marker_and_its_inverse_names_only_it() {
    let mut doc = fixture::document();
    let before = doc.maps[0].card("c4").unwrap().clone();
    let edit: Edit = serde_json::from_value(json!({
        "type": "UpdateCard", "mapId": "m1", "cardId": "c4",
        "props": { "flags": { "pointOfVulnerability": true },
                   "plan": { "vulnerability": { "severity": 3 } } },
    }))
    .unwrap();
    let inverse = edit.apply(&mut doc).unwrap();
    let after = doc.maps[0].card("c4").unwrap();
    assert!(after.flags.point_of_vulnerability);
    assert_eq!(after.plan.vulnerability.severity, 3);
    let mut expected = before.clone();
    expected.flags.point_of_vulnerability = true;
    expected.plan.vulnerability.severity = 3;
    assert_eq!(after, &expected);
    assert_eq!(
        serde_json::to_value(&inverse).unwrap(),
        json!({
            "type": "UpdateCard", "mapId": "m1", "cardId": "c4",
            "props": { "flags": { "pointOfVulnerability": false },
                       "plan": { "vulnerability": { "severity": 2 } } },
        })
    );
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, fixture::document());
}
