//! Edits are saved as they happen; undo and redo live in the file.

use waymark_model::*;
use waymark_store::{Change, Store};

use crate::common::*;

fn rename_card(title: &str) -> Edit {
    let mut props = sample().maps[0].card("c-ad").unwrap().props();
    props.title = title.into();
    Edit::UpdateCard {
        map_id: "m-buy".into(),
        card_id: "c-ad".into(),
        props: props.into(),
    }
}

fn delete_discover() -> Edit {
    Edit::DeleteStage {
        map_id: "m-buy".into(),
        stage_id: "s-discover".into(),
    }
}

#[test]
fn applied_edits_are_in_the_file_after_reopening() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let change = store.apply(&rename_card("Instagram reel")).unwrap();
    assert_eq!(
        change,
        Change {
            revision: 1,
            map_id: Some("m-buy".into())
        }
    );
    store
        .apply(&Edit::MoveCard {
            map_id: "m-buy".into(),
            card_id: "c-third".into(),
            stage_id: "s-discover".into(),
            lane_id: "l-touch".into(),
            index: 0,
        })
        .unwrap();
    store
        .apply(&Edit::AddChannel {
            channel: Channel {
                plan: Default::default(),
                id: "ch-tv".into(),
                name: "TV".into(),
                icon: "📺".into(),
                color: None,
            },
            index: 0,
        })
        .unwrap();
    store
        .apply(&Edit::Batch {
            edits: vec![
                delete_discover(),
                Edit::ReorderMap {
                    map_id: "m-service".into(),
                    index: 0,
                },
            ],
        })
        .unwrap();
    let change = store
        .apply(&Edit::DeletePersona {
            persona_id: "p-ben".into(),
        })
        .unwrap();
    assert_eq!(
        change,
        Change {
            revision: 5,
            map_id: None
        }
    );
    let expected = store.document().clone();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &expected);
    assert_eq!(store.history().revision, 5);
    assert_eq!(
        store.history().undo_label.as_deref(),
        Some("Delete persona")
    );
}

#[test]
fn undo_and_redo_survive_reopening() {
    let (_dir, path) = sample_file();
    let original = sample();
    let mut store = Store::open(&path).unwrap();
    store.apply(&rename_card("Renamed")).unwrap();
    let after_rename = store.document().clone();
    store.apply(&delete_discover()).unwrap();
    let after_delete = store.document().clone();

    let change = store.undo().unwrap().unwrap();
    assert_eq!(
        change,
        Change {
            revision: 3,
            map_id: Some("m-buy".into())
        }
    );
    assert_eq!(store.document(), &after_rename);
    drop(store);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &after_rename);
    let h = store.history();
    assert_eq!(
        (h.undo_label.as_deref(), h.redo_label.as_deref()),
        (Some("Edit card"), Some("Delete stage"))
    );
    store.redo().unwrap().unwrap();
    assert_eq!(store.document(), &after_delete);
    drop(store);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &after_delete);
    store.undo().unwrap().unwrap();
    store.undo().unwrap().unwrap();
    assert_eq!(store.document(), &original);
    assert_eq!(store.undo().unwrap(), None, "nothing left to undo");
    assert_eq!(store.history().redo_label.as_deref(), Some("Edit card"));
    drop(store);

    assert_eq!(Store::open(&path).unwrap().document(), &original);
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_branch() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    store.apply(&rename_card("One")).unwrap();
    store.apply(&rename_card("Two")).unwrap();
    store.undo().unwrap().unwrap();
    assert_eq!(store.history().redo_label.as_deref(), Some("Edit card"));
    store.apply(&delete_discover()).unwrap();
    assert_eq!(store.history().redo_label, None);
    assert_eq!(store.redo().unwrap(), None);
    drop(store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM edit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 2, "the undone edit is gone from the log");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.redo().unwrap(), None);
    store.undo().unwrap().unwrap();
    assert_eq!(
        store.map("m-buy").unwrap().card("c-ad").unwrap().title,
        "One"
    );
}

#[test]
fn a_refused_edit_changes_nothing() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    store.apply(&rename_card("Before")).unwrap();
    let (doc, history, file) = (store.document().clone(), store.history(), hash(&path));

    let bad = Edit::UpdateCard {
        map_id: "m-buy".into(),
        card_id: "no-such-card".into(),
        props: sample().maps[0].cards[0].props().into(),
    };
    let err = store.apply(&bad).unwrap_err();
    assert_eq!(err.kind(), "edit_refused", "{err}");
    let half_bad = Edit::Batch {
        edits: vec![rename_card("After"), bad],
    };
    assert_eq!(store.apply(&half_bad).unwrap_err().kind(), "edit_refused");

    assert_eq!(store.document(), &doc);
    assert_eq!(store.history(), history);
    assert_eq!(hash(&path), file);
}

#[test]
fn redo_with_nothing_undone_is_none() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.redo().unwrap(), None);
    assert_eq!(store.undo().unwrap(), None);
    assert_eq!(store.history().revision, 0);
}

#[test]
fn a_failed_write_leaves_memory_and_file_as_before() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let before = hash(&path);

    let err = store.apply(&rename_card("Never saved")).unwrap_err();
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(err.kind(), "locked", "{err}");
    assert_eq!(store.document(), &sample());
    assert_eq!(store.history().revision, 0);
    assert_eq!(hash(&path), before);

    store.apply(&rename_card("Saved")).unwrap();
    assert_eq!(&Store::read(&path).unwrap(), store.document());
}

/// The diff writer leaves out maps and cards that did not change: after every kind of
/// card edit (moves within and across cells, updates, deletes, undo, redo) on a two-map
/// document, the file holds exactly the document in memory.
#[test]
fn the_file_matches_memory_after_many_card_edits_on_two_maps() {
    let mut doc = generate(GenerateSpec {
        stages: 4,
        lanes: 3,
        cards: 60,
        seed: 7,
    });
    let mut second = generate(GenerateSpec {
        stages: 3,
        lanes: 2,
        cards: 20,
        seed: 8,
    })
    .maps
    .remove(0);
    second.id = "m-second".into();
    second.name = "Second".into();
    for s in &mut second.stages {
        s.id = format!("2-{}", s.id);
    }
    for l in &mut second.lanes {
        l.id = format!("2-{}", l.id);
    }
    for c in &mut second.cards {
        c.id = format!("2-{}", c.id);
        c.stage_id = format!("2-{}", c.stage_id);
        c.lane_id = format!("2-{}", c.lane_id);
        c.channel_id = None;
        c.persona_ids.clear();
    }
    second.connectors.clear();
    second.emotion_points.clear();
    second.persona_ids.clear();
    doc.maps.push(second);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.waymark");
    let mut store = Store::create(&path, &doc).unwrap();
    let map = store.document().maps[0].clone();
    for i in 0..40 {
        let m = &store.document().maps[0];
        let card = m.cards[(i * 13) % m.cards.len()].clone();
        let edit = match i % 4 {
            0 => Edit::MoveCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                stage_id: map.stages[i % map.stages.len()].id.clone(),
                lane_id: card.lane_id.clone(),
                index: (i % 3) as u32,
            },
            1 => Edit::MoveCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                stage_id: card.stage_id.clone(),
                lane_id: card.lane_id.clone(),
                index: 0,
            },
            2 => {
                let mut props = card.props();
                props.title = format!("edited {i}");
                props.flags.passion_point = true;
                props.plan.passion.kpis.push(Kpi {
                    id: format!("k{i}"),
                    name: "Conversion".into(),
                    metric: "conversion".into(),
                    target: Some(Num(4.0)),
                    actual: Some(Num(3.5)),
                    unit: "%".into(),
                    better: Better::Up,
                    history: vec![],
                });
                Edit::UpdateCard {
                    map_id: map.id.clone(),
                    card_id: card.id.clone(),
                    props: props.into(),
                }
            }
            _ => Edit::DeleteCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
            },
        };
        store.apply(&edit).unwrap();
        if i % 5 == 4 {
            store.undo().unwrap();
        }
        if i % 10 == 9 {
            store.redo().unwrap();
        }
    }
    let in_memory = store.document().clone();
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.document(), &in_memory);
    assert_eq!(
        reopened.document().maps[1],
        doc.maps[1],
        "the second map untouched"
    );
}

#[test]
fn work_done_while_an_edit_is_written_sees_the_edited_document() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let (change, title) = store
        .apply_while(&rename_card("Seen on the bus"), |doc| {
            doc.maps[0].card("c-ad").unwrap().title.clone()
        })
        .unwrap();
    assert_eq!(title, "Seen on the bus");
    assert_eq!(change.revision, 1);
    drop(store);
    let reopened = Store::open(&path).unwrap();
    let card = reopened.document().maps[0].card("c-ad").unwrap();
    assert_eq!(card.title, "Seen on the bus");
}

#[test]
fn work_done_while_an_edit_fails_to_be_written_is_dropped_and_nothing_changes() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let before = store.document().clone();
    // Another writer holds the file: the edit cannot be written.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let ran = std::sync::atomic::AtomicBool::new(false);
    let result = store.apply_while(&rename_card("Never saved"), |_| {
        ran.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    other.execute_batch("ROLLBACK").unwrap();
    assert!(result.is_err(), "the write should have failed");
    assert!(ran.load(std::sync::atomic::Ordering::SeqCst));
    assert_eq!(store.document(), &before);
    assert_eq!(store.history().revision, 0);
}

#[test]
fn a_refused_edit_does_not_start_the_work_done_meanwhile() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let result = store.apply_while(
        &Edit::DeleteStage {
            map_id: "m-buy".into(),
            stage_id: "s-nowhere".into(),
        },
        |_| panic!("must not run"),
    );
    assert!(result.is_err());
}
