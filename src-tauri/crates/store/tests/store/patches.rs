//! Field-level edits in the file: an edit changes only the fields it names, so two edits
//! of one record built from the same state both survive; and an edit log written with
//! whole-record updates (before edits carried patches) still undoes and redoes.

use rusqlite::Connection;
use serde_json::Value;
use waymark_model::*;
use waymark_store::Store;

use crate::common::*;

fn card_patch(patch: CardPatch) -> Edit {
    Edit::UpdateCard {
        map_id: "m-buy".into(),
        card_id: "c-ad".into(),
        props: patch,
    }
}

/// The inspector renames a card while another view (built from the same state) changes
/// its body: neither edit carries the other's field, so both are kept, in the file too,
/// and each undo takes back only its own field.
#[test]
fn a_field_level_edit_over_a_concurrent_change_to_another_field_keeps_both() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let original = store.map("m-buy").unwrap().card("c-ad").unwrap().clone();
    let title = card_patch(CardPatch {
        title: Some("Instagram reel".into()),
        ..Default::default()
    });
    let body = card_patch(CardPatch {
        body: Some("Seen on the way to work".into()),
        ..Default::default()
    });
    store.apply(&body).unwrap();
    store.apply(&title).unwrap();

    let expected = Card {
        title: "Instagram reel".into(),
        body: "Seen on the way to work".into(),
        ..original.clone()
    };
    assert_eq!(store.map("m-buy").unwrap().card("c-ad").unwrap(), &expected);
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.map("m-buy").unwrap().card("c-ad").unwrap(), &expected);

    store.undo().unwrap().unwrap();
    let card = store.map("m-buy").unwrap().card("c-ad").unwrap();
    assert_eq!(
        (card.title.as_str(), card.body.as_str()),
        (original.title.as_str(), "Seen on the way to work")
    );
    store.undo().unwrap().unwrap();
    assert_eq!(store.map("m-buy").unwrap().card("c-ad").unwrap(), &original);
}

/// The same for a channel: the plan view changes its goals while the name changes.
#[test]
fn a_channel_plan_edit_and_a_rename_built_from_the_same_state_both_stay() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let mut plan = store.document().channels[0].plan.clone();
    plan.job.owner = "Sam".into();
    store
        .apply(&Edit::UpdateChannel {
            channel_id: "ch-web".into(),
            props: ChannelPatch {
                plan: Some(plan.clone().into()),
                ..Default::default()
            },
        })
        .unwrap();
    store
        .apply(&Edit::UpdateChannel {
            channel_id: "ch-web".into(),
            props: ChannelPatch {
                name: Some("Web site".into()),
                ..Default::default()
            },
        })
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let channel = &store.document().channels[0];
    assert_eq!((channel.name.as_str(), &channel.plan), ("Web site", &plan));
}

/// `tests/fixtures/whole-record-updates.waymark` (see the README): an edit log whose
/// `Update*` rows hold whole records, written by Waymark before edits carried patches.
fn whole_record_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = place("whole-record-updates.waymark");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/whole-record-updates.waymark"
    );
    std::fs::copy(fixture, &path).unwrap();
    (dir, path)
}

/// The log's rows in order: (seq, undone, edit, inverse) as JSON.
fn log_rows(path: &std::path::Path) -> Vec<(i64, bool, Value, Value)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT seq, undone, edit, inverse FROM edit_log ORDER BY seq")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            let text = |i| {
                r.get::<_, String>(i)
                    .map(|t| serde_json::from_str(&t).unwrap())
            };
            Ok((r.get(0)?, r.get(1)?, text(2)?, text(3)?))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The whole record an `Update*` edit names, as the document holds it now, in the JSON
/// shape of the old rows' `props`.
fn record_props(doc: &Document, edit: &Value) -> Value {
    let id = |key: &str| edit[key].as_str().unwrap();
    let map = || doc.maps.iter().find(|m| m.id == id("mapId")).unwrap();
    let value = match edit["type"].as_str().unwrap() {
        "UpdateMap" => serde_json::to_value(map().props()),
        "UpdateStage" => serde_json::to_value(map().stage(id("stageId")).unwrap().props()),
        "UpdateLane" => serde_json::to_value(map().lane(id("laneId")).unwrap().props()),
        "UpdateCard" => serde_json::to_value(map().card(id("cardId")).unwrap().props()),
        "UpdateConnector" => serde_json::to_value(
            map()
                .connectors
                .iter()
                .find(|c| c.id == id("connectorId"))
                .unwrap()
                .props(),
        ),
        "UpdateChannel" => serde_json::to_value(
            doc.channels
                .iter()
                .find(|c| c.id == id("channelId"))
                .unwrap()
                .props(),
        ),
        "UpdatePersona" => serde_json::to_value(
            doc.personas
                .iter()
                .find(|p| p.id == id("personaId"))
                .unwrap()
                .props(),
        ),
        other => panic!("not an update: {other}"),
    };
    let mut value = value.unwrap();
    // Fields added after the fixture was written (schema 3's workshop fields) are not in
    // its whole records; they keep their values when an old row is applied.
    let record = value.as_object_mut().unwrap();
    for added in ADDED_SINCE_THE_FIXTURE {
        record.remove(*added);
    }
    value
}

/// The record fields newer than the whole-record fixture.
const ADDED_SINCE_THE_FIXTURE: &[&str] = &["speakerNotes", "hiddenForOutsiders", "author", "tags"];

#[test]
fn the_whole_record_fixture_is_what_the_tests_expect() {
    let (_dir, path) = whole_record_file();
    let rows = log_rows(&path);
    let kinds: Vec<&str> = rows.iter().map(|r| r.2["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "UpdateMap",
            "UpdateStage",
            "UpdateLane",
            "UpdateCard",
            "UpdateConnector",
            "UpdateChannel",
            "UpdatePersona",
            "UpdateCard"
        ]
    );
    let undone: Vec<bool> = rows.iter().map(|r| r.1).collect();
    assert_eq!(
        undone,
        [false, false, false, false, false, false, false, true]
    );
    // Whole records: every field of the record is in both the edit and its inverse.
    let store = Store::open(&path).unwrap();
    for (seq, _, edit, inverse) in &rows {
        let fields = |v: &Value| {
            let mut keys: Vec<String> = v["props"].as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        let whole = record_props(store.document(), edit);
        let mut all: Vec<String> = whole.as_object().unwrap().keys().cloned().collect();
        all.sort();
        assert_eq!(fields(edit), all, "row {seq}'s edit");
        assert_eq!(fields(inverse), all, "row {seq}'s inverse");
    }
}

/// Opening the fixture applies nothing; undoing each old row puts back exactly the record
/// its inverse holds, and redo gives exactly the records the edits held.
#[test]
fn old_whole_record_rows_still_undo_and_redo_exactly() {
    let (_dir, path) = whole_record_file();
    let rows = log_rows(&path);
    let mut store = Store::open(&path).unwrap();
    let opened = store.document().clone();
    let done: Vec<_> = rows.iter().filter(|r| !r.1).collect();
    for (seq, _, edit, _) in &done {
        assert_eq!(record_props(&opened, edit), edit["props"], "row {seq}");
    }

    for (seq, _, _, inverse) in done.iter().rev() {
        store.undo().unwrap().expect("an undo step");
        assert_eq!(
            record_props(store.document(), inverse),
            inverse["props"],
            "undoing row {seq}"
        );
    }
    assert!(store.undo().unwrap().is_none());
    let undone = store.document().clone();
    assert_ne!(undone, opened);

    // Redo the old rows (and the one the fixture had undone), then undo them again.
    for (seq, _, edit, _) in &rows {
        store.redo().unwrap().expect("a redo step");
        assert_eq!(
            record_props(store.document(), edit),
            edit["props"],
            "redoing row {seq}"
        );
    }
    assert!(store.redo().unwrap().is_none());
    for _ in &rows {
        store.undo().unwrap().unwrap();
    }
    assert_eq!(store.document(), &undone);

    // What undo left is in the file.
    drop(store);
    assert_eq!(Store::open(&path).unwrap().document(), &undone);
}
