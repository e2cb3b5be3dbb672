//! Save As copies the whole file, undo history included, to a new place.

use waymark_model::*;
use waymark_store::Store;

use crate::common::*;

#[test]
fn save_as_gives_a_valid_file_with_the_same_document() {
    let (dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    store
        .apply(&Edit::DeleteMap {
            map_id: "m-service".into(),
        })
        .unwrap();
    let dest = dir.path().join("copy.waymark");
    store.save_as(&dest).unwrap();
    assert_eq!(
        files_in(dir.path()),
        ["copy.waymark", "journey.waymark"],
        "no temporary files left"
    );

    let mut copy = Store::open(&dest).unwrap();
    assert_eq!(copy.document(), store.document());
    assert_eq!(copy.history(), store.history());
    copy.undo().unwrap().unwrap();
    assert_eq!(copy.document(), &sample());
    assert_eq!(
        store.document().maps.len(),
        1,
        "the original is untouched by edits to the copy"
    );
}

#[test]
fn save_as_replaces_an_existing_file() {
    let (dir, path) = sample_file();
    let dest = dir.path().join("old.waymark");
    std::fs::write(&dest, b"old contents").unwrap();
    Store::open(&path).unwrap().save_as(&dest).unwrap();
    assert_eq!(Store::open(&dest).unwrap().document(), &sample());
}

#[cfg(unix)]
#[test]
fn save_as_into_a_read_only_folder_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = sample_file();
    let locked = tempfile::tempdir().unwrap();
    std::fs::set_permissions(locked.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let dest = locked.path().join("copy.waymark");
    let err = Store::open(&path).unwrap().save_as(&dest).unwrap_err();
    std::fs::set_permissions(locked.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_error(err, "read_only", &dest);
    assert!(!dest.exists());
}
