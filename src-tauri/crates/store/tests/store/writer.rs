//! One writer per file, and the "written by" name kept in the file.
//!
//! A child process that holds a file is this test binary run again on one test,
//! [`hold_for_parent`], which opens the file named by `WAYMARK_TEST_HOLD` and waits.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use rusqlite::Connection;
use waymark_model::*;
use waymark_store::{Holder, Store, SCHEMA_VERSION};

use crate::common::*;

const HOLD: &str = "WAYMARK_TEST_HOLD";

/// Not a test of its own: the child's part of the tests below (it returns at once when
/// run in the ordinary way).
#[test]
fn hold_for_parent() {
    let Some(path) = std::env::var_os(HOLD) else {
        return;
    };
    let _store = Store::open(Path::new(&path)).unwrap();
    println!("held");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

/// Starts a child process holding `path` open for writing; returns once it holds it.
fn child_holding(path: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer::hold_for_parent", "--nocapture"])
        .env(HOLD, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line.trim() == "held" => break,
            Some(Ok(_)) => continue,
            _ => panic!("the child process did not open {}", path.display()),
        }
    }
    child
}

fn edit() -> Edit {
    Edit::SetEmotion {
        map_id: "m-buy".into(),
        persona_id: "p-ben".into(),
        stage_id: "s-retain".into(),
        value: Some(2),
    }
}

fn info(path: &Path, key: &str) -> Option<String> {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT value FROM document_info WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .ok()
}

#[test]
fn a_second_writer_in_the_same_process_is_refused_by_name() {
    let (_dir, path) = sample_file();
    let _first = Store::open(&path).unwrap();
    let before = hash(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(
        &err,
        waymark_store::StoreError::InUse {
            holder: Holder::Process {
                this_process: true,
                ..
            },
            ..
        }
    ));
    let message = assert_error(err, "in_use", &path);
    let holder = format!("open in this Waymark (process {})", std::process::id());
    assert!(message.contains(&holder), "{message}");
    assert!(message.contains("close it there first"), "{message}");
    assert_eq!(hash(&path), before);
}

#[test]
fn another_name_for_the_same_file_meets_the_same_lock() {
    let (dir, path) = sample_file();
    let _first = Store::open(&path).unwrap();
    let link = dir.path().join("link.waymark");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    assert_error(Store::open(&link).unwrap_err(), "in_use", &link);
    let hard = dir.path().join("hard.waymark");
    std::fs::hard_link(&path, &hard).unwrap();
    assert_error(Store::open(&hard).unwrap_err(), "in_use", &hard);
}

#[test]
fn the_lock_goes_with_the_store() {
    let (_dir, path) = sample_file();
    let first = Store::open(&path).unwrap();
    assert_eq!(Store::open(&path).unwrap_err().kind(), "in_use");
    drop(first);
    let mut second = Store::open(&path).unwrap();
    second.apply(&edit()).unwrap();
}

#[test]
fn a_new_file_is_held_by_the_store_that_created_it() {
    let (_dir, path) = place("new.waymark");
    let created = Store::create(&path, &sample()).unwrap();
    assert_error(Store::open(&path).unwrap_err(), "in_use", &path);
    drop(created);
    Store::open(&path).unwrap();
}

#[test]
fn readers_read_while_a_writer_holds_the_file() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    store.apply(&edit()).unwrap();
    assert_eq!(Store::read(&path).unwrap(), *store.document());
    assert_eq!(Store::inspect(&path).unwrap().maps.len(), 2);
    let conn = Connection::open(&path).unwrap();
    let maps: u32 = conn
        .query_row("SELECT count(*) FROM maps", [], |r| r.get(0))
        .unwrap();
    assert_eq!(maps, 2);
    drop(conn);
    // And the writer still writes after them.
    store
        .apply(&Edit::DeleteMap {
            map_id: "m-service".into(),
        })
        .unwrap();
}

#[test]
fn save_as_does_not_replace_a_file_open_elsewhere() {
    let (dir, path) = sample_file();
    let store = Store::open(&path).unwrap();
    let dest = dir.path().join("other.waymark");
    drop(Store::create(&dest, &Document::default()).unwrap());
    let _other = Store::open(&dest).unwrap();
    let before = hash(&dest);
    assert_error(store.save_as(&dest).unwrap_err(), "in_use", &dest);
    assert_eq!(hash(&dest), before);
}

#[test]
fn a_file_held_by_another_process_is_refused_naming_it_and_freed_when_it_is_killed() {
    let (_dir, path) = sample_file();
    let mut child = child_holding(&path);
    let before = hash(&path);

    let err = Store::open(&path).unwrap_err();
    let pid = child.id();
    match &err {
        waymark_store::StoreError::InUse {
            holder:
                Holder::Process {
                    pid: holder,
                    this_process: false,
                    ..
                },
            ..
        } => assert_eq!(*holder, pid),
        other => panic!("expected the child as holder, got: {other}"),
    }
    let message = assert_error(err, "in_use", &path);
    assert!(message.contains(&format!("(process {pid})")), "{message}");
    // Readers are not held up.
    Store::read(&path).unwrap();
    assert_eq!(hash(&path), before);

    // SIGKILL: no chance to clean up, and yet the lock is gone with the process.
    child.kill().unwrap();
    child.wait().unwrap();
    let mut store = Store::open(&path).unwrap();
    store.apply(&edit()).unwrap();
}

#[test]
fn new_files_and_written_files_carry_this_writer() {
    let (_dir, path) = sample_file();
    let writer = waymark_store::writer();
    assert_eq!(info(&path, "written_by").as_deref(), Some(writer));
    assert_eq!(info(&path, "created_with").as_deref(), Some(writer));

    // A file last written by someone else is signed again by the first write only:
    // opening it changes nothing.
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE document_info SET value = 'Waymark 0.0.9' WHERE key = 'written_by'",
            [],
        )
        .unwrap();
    let before = hash(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(hash(&path), before);
    store.apply(&edit()).unwrap();
    assert_eq!(info(&path, "written_by").as_deref(), Some(writer));
    store.undo().unwrap().unwrap();
    assert_eq!(info(&path, "written_by").as_deref(), Some(writer));
}

#[test]
fn an_older_file_without_written_by_opens_and_is_signed_when_written() {
    let (_dir, path) = place("whole-record-updates.waymark");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/whole-record-updates.waymark"
    );
    std::fs::copy(fixture, &path).unwrap();
    assert_eq!(info(&path, "written_by"), None);
    // The fixture is at schema 2: opening it upgrades it, which is a write and signs it.
    drop(Store::open(&path).unwrap());
    assert_eq!(
        info(&path, "written_by").as_deref(),
        Some(waymark_store::writer())
    );
    // At the current schema and without the row (as older files are), opening writes nothing.
    Connection::open(&path)
        .unwrap()
        .execute("DELETE FROM document_info WHERE key = 'written_by'", [])
        .unwrap();
    let before = hash(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(hash(&path), before, "opening alone writes nothing");
    store.undo().unwrap().unwrap();
    assert_eq!(
        info(&path, "written_by").as_deref(),
        Some(waymark_store::writer())
    );
}

#[test]
fn a_file_from_a_newer_waymark_is_refused_by_the_name_of_its_writer() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE document_info SET value = 'Waymark 0.3.0' WHERE key = 'written_by'",
        [],
    )
    .unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let before = hash(&path);

    let expected = format!(
        "was written by Waymark 0.3.0, which is newer than this {}; update Waymark to open it",
        waymark_store::writer()
    );
    let message = assert_error(Store::open(&path).unwrap_err(), "too_new", &path);
    assert!(message.contains(&expected), "{message}");
    let message = assert_error(Store::inspect(&path).unwrap_err(), "too_new", &path);
    assert!(message.contains(&expected), "{message}");
    assert_eq!(hash(&path), before);
}

#[test]
fn a_newer_file_that_does_not_say_who_wrote_it_is_refused_by_its_schema() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    conn.execute("DELETE FROM document_info WHERE key = 'written_by'", [])
        .unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let message = assert_error(Store::open(&path).unwrap_err(), "too_new", &path);
    let expected = format!(
        "made by a newer Waymark (schema {}); this version reads up to {SCHEMA_VERSION}",
        SCHEMA_VERSION + 1
    );
    assert!(message.contains(&expected), "{message}");
}
