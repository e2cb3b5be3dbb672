//! A document goes into a new file and comes back exactly.

use waymark_model::*;
use waymark_store::Store;

use crate::common::*;

#[test]
fn create_then_open_gives_the_same_document() {
    let (_dir, path) = sample_file();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &sample());
    assert_eq!(store.path(), path.as_path());
}

#[test]
fn create_returns_the_canonical_document() {
    let (_dir, path) = place("new.waymark");
    let store = Store::create(&path, &sample()).unwrap();
    assert_eq!(store.document(), &sample());
    let cell: Vec<&str> = store
        .map("m-buy")
        .unwrap()
        .cell_cards("s-discover", "l-touch")
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(
        cell,
        ["Instagram ad", "A friend's post", "Billboard"],
        "order within a cell is kept"
    );
    assert_eq!(store.history().revision, 0);
    assert_eq!(store.history().undo_label, None);
}

#[test]
fn create_leaves_only_the_file() {
    let (dir, path) = place("only.waymark");
    drop(Store::create(&path, &sample()).unwrap());
    assert_eq!(files_in(dir.path()), ["only.waymark"]);
}

#[test]
fn create_refuses_an_existing_path() {
    let (_dir, path) = sample_file();
    let before = hash(&path);
    let err = Store::create(&path, &Document::default()).unwrap_err();
    assert_error(err, "already_exists", &path);
    assert_eq!(hash(&path), before);
}

#[test]
fn create_refuses_an_inconsistent_document() {
    let (dir, path) = place("bad.waymark");
    let mut doc = sample();
    doc.maps[0].cards[0].channel_id = Some("no-such-channel".into());
    let err = Store::create(&path, &doc).unwrap_err();
    assert_eq!(err.kind(), "edit_refused", "{err}");
    assert!(
        files_in(dir.path()).is_empty(),
        "nothing written: {:?}",
        files_in(dir.path())
    );
}

#[test]
fn an_empty_document_round_trips() {
    let (_dir, path) = place("empty-doc.waymark");
    drop(Store::create(&path, &Document::default()).unwrap());
    assert_eq!(Store::open(&path).unwrap().document(), &Document::default());
}

#[test]
fn summaries_and_map_lookup() {
    let (_dir, path) = sample_file();
    let store = Store::open(&path).unwrap();
    let s = store.summaries();
    assert_eq!(s.len(), 2);
    assert_eq!(
        (
            s[0].id.as_str(),
            s[0].stage_count,
            s[0].lane_count,
            s[0].card_count,
            s[0].connector_count
        ),
        ("m-buy", 5, 7, 8, 4)
    );
    assert_eq!(store.map("m-service").unwrap().name, "Getting it serviced");
    assert_eq!(store.map("nope").unwrap_err().kind(), "map_not_found");
}

#[test]
fn opening_does_not_change_the_file() {
    let (_dir, path) = sample_file();
    let before = hash(&path);
    drop(Store::open(&path).unwrap());
    assert_eq!(hash(&path), before);
}
