//! A file with an older schema is brought up to date on open, and only then.

use rusqlite::Connection;
use waymark_model::Document;
use waymark_store::{Store, APPLICATION_ID, SCHEMA_VERSION};

use crate::common::*;

/// A Waymark file at schema 0: the application id is set, no tables yet.
fn schema_zero_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = place("old.waymark");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    drop(conn);
    (dir, path)
}

#[test]
fn an_older_schema_is_migrated_on_open() {
    let (_dir, path) = schema_zero_file();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &Document::default());
    drop(store);
    let version: u32 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn inspect_reads_an_older_schema_without_migrating_the_file() {
    let (_dir, path) = schema_zero_file();
    let before = hash(&path);
    let info = Store::inspect(&path).unwrap();
    assert_eq!((info.schema_version, info.maps.len()), (0, 0));
    assert_eq!(hash(&path), before);
}
