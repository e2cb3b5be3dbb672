//! Every kind of bad file gets its own error that names the file, and stays byte for
//! byte as it was.

use std::path::Path;

use rusqlite::Connection;
use waymark_store::{Store, SCHEMA_VERSION};

use crate::common::*;

/// Opens a bad file and checks the error kind, the path in the message and the bytes.
fn refused(path: &Path, kind: &str) -> String {
    let before = hash(path);
    let message = assert_error(Store::open(path).unwrap_err(), kind, path);
    assert_eq!(hash(path), before, "the file was changed");
    message
}

#[test]
fn missing_path() {
    let (dir, path) = place("nowhere.waymark");
    let message = assert_error(Store::open(&path).unwrap_err(), "not_found", &path);
    assert!(message.contains("does not exist"), "{message}");
    assert!(files_in(dir.path()).is_empty(), "nothing was created");
}

#[test]
fn zero_byte_file() {
    let (_dir, path) = place("empty.waymark");
    std::fs::write(&path, b"").unwrap();
    let message = refused(&path, "empty_file");
    assert!(message.contains("empty"), "{message}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        0,
        "SQLite did not turn it into a database"
    );
}

#[test]
fn random_bytes() {
    let (_dir, path) = place("noise.waymark");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let message = refused(&path, "not_sqlite");
    assert!(message.contains("not an SQLite database"), "{message}");
}

#[test]
fn truncated_waymark_file() {
    let (_dir, path) = sample_file();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let message = refused(&path, "corrupt");
    assert!(message.contains("cut short"), "{message}");
}

#[test]
fn png_renamed_to_waymark() {
    let (_dir, path) = place("photo.waymark");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    std::fs::write(&path, png).unwrap();
    let message = refused(&path, "not_sqlite");
    assert!(message.contains("PNG image"), "{message}");
}

#[test]
fn another_programs_sqlite_database() {
    let (_dir, path) = place("other.waymark");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    drop(conn);
    let message = refused(&path, "not_waymark");
    assert!(message.contains("another program"), "{message}");
}

#[test]
fn sqlite_database_with_another_application_id() {
    let (_dir, path) = place("geo.waymark");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA application_id = 0x47504B47; CREATE TABLE t (x);")
        .unwrap();
    drop(conn);
    let message = refused(&path, "not_waymark");
    assert!(message.contains("0x47504b47"), "{message}");
}

#[test]
fn file_from_a_newer_waymark() {
    let (_dir, path) = sample_file();
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 7)
        .unwrap();
    let message = refused(&path, "too_new");
    let expected =
        format!("made by a newer Waymark (schema 7); this version reads up to {SCHEMA_VERSION}");
    assert!(message.contains(&expected), "{message}");
    let info_err = Store::inspect(&path).unwrap_err();
    assert_eq!(info_err.kind(), "too_new");
}

#[cfg(unix)]
#[test]
fn read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = sample_file();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let message = refused(&path, "read_only");
    assert!(message.contains("Save As"), "{message}");
}

#[cfg(unix)]
#[test]
fn file_in_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = sample_file();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = hash(&path);
    let err = Store::open(&path).unwrap_err();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let message = assert_error(err, "read_only", &path);
    assert!(
        message.contains("folder") && message.contains("Save As"),
        "{message}"
    );
    assert_eq!(hash(&path), before);
}

#[test]
fn file_locked_by_another_writer() {
    let (_dir, path) = sample_file();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let before = hash(&path);
    let err = Store::open(&path).unwrap_err();
    other.execute_batch("ROLLBACK").unwrap();
    let message = assert_error(err, "locked", &path);
    assert!(message.contains("locked"), "{message}");
    assert_eq!(hash(&path), before);
}

#[test]
fn file_locked_exclusively_by_another_writer() {
    let (_dir, path) = sample_file();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let err = Store::open(&path).unwrap_err();
    other.execute_batch("ROLLBACK").unwrap();
    assert_error(err, "locked", &path);
}

#[test]
fn a_folder_instead_of_a_file() {
    let (dir, _) = place("x");
    let folder = dir.path().join("folder.waymark");
    std::fs::create_dir(&folder).unwrap();
    assert_error(Store::open(&folder).unwrap_err(), "not_a_file", &folder);
}

#[test]
fn rows_that_break_the_model_are_reported_as_damage() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE cards SET kind = 'kpis' WHERE id = 'c-ad'", [])
        .unwrap();
    drop(conn);
    let message = refused(&path, "corrupt");
    assert!(message.contains("card.kind"), "{message}");
}

#[test]
fn a_map_exported_as_json_and_renamed_says_how_to_import_it() {
    let (_dir, path) = place("journey.waymark");
    std::fs::write(&path, b"\xef\xbb\xbf{\n  \"format\": \"waymark-map\"\n}\n").unwrap();
    let message = refused(&path, "not_sqlite");
    assert!(message.contains("it is a JSON file"), "{message}");
    assert!(message.contains("Import"), "{message}");
}

#[test]
fn text_where_a_number_belongs_is_damage_naming_the_column() {
    let (_dir, path) = sample_file();
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE stages SET width = 'wide' WHERE rowid = 1", [])
        .unwrap();
    drop(conn);
    let message = refused(&path, "corrupt");
    assert!(message.contains("column \"width\" holds text"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_document_opens_through_a_symlink_and_a_bad_file_behind_one_is_named() {
    let (dir, path) = sample_file();
    let link = dir.path().join("link.waymark");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    assert_eq!(Store::read(&link).unwrap(), Store::read(&path).unwrap());
    drop(Store::open(&link).expect("opens through the link"));

    let noise = dir.path().join("noise.waymark");
    std::fs::write(&noise, vec![7u8; 4096]).unwrap();
    let bad_link = dir.path().join("bad-link.waymark");
    std::os::unix::fs::symlink(&noise, &bad_link).unwrap();
    let message = refused(&bad_link, "not_sqlite");
    assert!(message.contains("bad-link.waymark"), "{message}");
}
