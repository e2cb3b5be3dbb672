//! What a fresh connection (or a person with `sqlite3`) sees in the file.

use rusqlite::Connection;
use waymark_model::*;
use waymark_store::{Store, APPLICATION_ID, SCHEMA_VERSION};

use crate::common::*;

fn pragma<T: rusqlite::types::FromSql>(conn: &Connection, name: &str) -> T {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn pragmas_read_back_through_a_fresh_connection() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    assert_eq!(pragma::<i32>(&conn, "application_id"), APPLICATION_ID);
    assert_eq!(pragma::<u32>(&conn, "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma::<String>(&conn, "journal_mode"), "delete");
    assert_eq!(pragma::<String>(&conn, "integrity_check"), "ok");
    let fk_problems: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_problems, 0);
}

#[test]
fn tables_are_readable_by_people() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    let (title, kind, channel, passion): (String, String, Option<String>, bool) = conn
        .query_row(
            "SELECT title, kind, channel_id, passion_point FROM cards WHERE id = 'c-ad'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (title.as_str(), kind.as_str(), channel.as_deref(), passion),
        ("Instagram ad", "touchpoints", Some("ch-web"), true)
    );
    let kind: String = conn
        .query_row("SELECT kind FROM connectors WHERE id = 'k-wom'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kind, "word_of_mouth");
    let stages: Vec<String> = conn
        .prepare("SELECT name FROM stages WHERE map_id = 'm-buy' ORDER BY position")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stages,
        ["Discover", "Consider", "Convert", "Retain", "Advocate"]
    );
}

#[test]
fn the_schema_refuses_impossible_values() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    let bad_emotion = conn.execute(
        "UPDATE emotion_points SET value = 3 WHERE persona_id = 'p-ben'",
        [],
    );
    assert!(bad_emotion.is_err(), "emotion values stay within -2..2");
    let bad_kind = conn.execute("UPDATE lanes SET kind = 'bogus' WHERE id = 'l-touch'", []);
    assert!(bad_kind.is_err(), "lane kinds are the known ones");
}

#[test]
fn an_edit_leaves_no_side_files() {
    let (dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    store
        .apply(&Edit::SetEmotion {
            map_id: "m-buy".into(),
            persona_id: "p-ben".into(),
            stage_id: "s-retain".into(),
            value: Some(2),
        })
        .unwrap();
    assert_eq!(files_in(dir.path()), ["journey.waymark"]);
}
