//! `Store::inspect` (for `waymark info`) reads without writing.

use waymark_store::{Store, SCHEMA_VERSION};

use crate::common::*;

#[test]
fn inspect_describes_the_file() {
    let (_dir, path) = sample_file();
    let info = Store::inspect(&path).unwrap();
    assert_eq!(info.path, path);
    assert_eq!(info.schema_version, SCHEMA_VERSION);
    assert_eq!(info.maps, Store::open(&path).unwrap().summaries());
    assert_eq!((info.channel_count, info.persona_count), (3, 2));
}

#[test]
fn inspect_never_writes() {
    let (dir, path) = sample_file();
    let before = hash(&path);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    Store::inspect(&path).unwrap();
    assert_eq!(hash(&path), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    assert_eq!(files_in(dir.path()), ["journey.waymark"]);
}

#[cfg(unix)]
#[test]
fn inspect_reads_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = sample_file();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let info = Store::inspect(&path).unwrap();
    assert_eq!(info.maps.len(), 2);
}

#[test]
fn inspect_gives_the_same_errors_as_open() {
    let (_dir, path) = place("empty.waymark");
    std::fs::write(&path, b"").unwrap();
    assert_error(Store::inspect(&path).unwrap_err(), "empty_file", &path);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}
