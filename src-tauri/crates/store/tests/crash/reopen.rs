//! The checks every reopened file must pass.

use std::path::Path;

use rusqlite::Connection;
use waymark_store::Store;

use crate::reference::References;

/// Opens the file as a user would after the crash and checks it. The revision in the
/// file must lie in `lowest..=highest`; the document and history must be exactly those
/// of the uninterrupted run at that revision; undo then redo must give it back.
/// Returns the revision found.
pub fn check(path: &Path, seed: u64, lowest: u64, highest: u64, refs: &mut References) -> u64 {
    // Opened as the app opens it, hot journal and all: SQLite rolls back whatever
    // transaction the crash cut short.
    let mut store = Store::open(path).unwrap_or_else(|e| panic!("reopen {}: {e}", path.display()));
    let verdict: Vec<String> = Connection::open(path)
        .unwrap()
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(verdict, ["ok"], "{}: integrity_check", path.display());

    let revision = store.history().revision;
    assert!(
        (lowest..=highest).contains(&revision),
        "{}: revision {revision} in the file, expected {lowest}..={highest}",
        path.display()
    );
    let (doc, history) = refs.at(seed, revision).clone();
    assert!(
        store.document() == &doc,
        "{}: the document differs from the acknowledged prefix at revision {revision}",
        path.display()
    );
    assert_eq!(store.history(), history, "{}: history", path.display());
    // No half-applied edit: the document passes every rule of the model.
    let rebuilt = store
        .document()
        .rebuilt()
        .expect("the document obeys the model");
    assert!(
        &rebuilt == store.document(),
        "the document is in canonical form"
    );

    // Undo and redo still work from here.
    let before = store.document().clone();
    if store.history().undo_label.is_some() {
        store.undo().unwrap().expect("something to undo");
        store.redo().unwrap().expect("the undo to redo");
        assert!(
            store.document() == &before,
            "undo then redo gives the document back"
        );
    } else if store.history().redo_label.is_some() {
        store.redo().unwrap().expect("something to redo");
        store.undo().unwrap().expect("the redo to undo");
        assert!(
            store.document() == &before,
            "redo then undo gives the document back"
        );
    }
    drop(store);
    let again = Store::open(path).unwrap();
    assert!(again.document() == &before, "the undo and redo were saved");
    revision
}
