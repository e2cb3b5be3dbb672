//! GLib (GTK's file chooser, listing a folder) asking what a document is must not open it:
//! closing any descriptor of a file drops the process's SQLite locks on it, and a reader
//! in another process then rolls back the writer's live journal (docs/RELIABILITY.md,
//! "The disk I/O error"). The app makes `*.waymark` a known type at start
//! (`waymark_app::mime`), so GLib's guess is certain from the name.

use std::path::Path;

/// Whether another process is refused when it asks to start writing (`sqlite3` without
/// waiting): true while this process holds its RESERVED lock.
fn another_writer_refused(doc: &Path) -> bool {
    let out = std::process::Command::new("sqlite3")
        .args(["-cmd", ".timeout 0"])
        .arg(doc)
        .arg("BEGIN IMMEDIATE; ROLLBACK;")
        .output()
        .expect("sqlite3 is installed by scripts/test");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || stderr.contains("locked"),
        "sqlite3 failed otherwise: {stderr}"
    );
    !out.status.success()
}

#[cfg(target_os = "linux")]
#[test]
fn glib_guessing_a_documents_type_leaves_the_writers_locks_in_place() {
    let dir = tempfile::tempdir().unwrap();
    waymark_app::mime::register_at(&dir.path().join("xdg")).unwrap();
    let doc = dir.path().join("Held.waymark");
    let conn = rusqlite::Connection::open(&doc).unwrap();
    conn.execute_batch(
        "CREATE TABLE t(x); INSERT INTO t VALUES (1); BEGIN IMMEDIATE; INSERT INTO t VALUES (2);",
    )
    .unwrap();
    assert!(another_writer_refused(&doc), "the writer holds its lock");

    // What GTK's file chooser asks for each file of the folder it shows.
    let info = gio::prelude::FileExt::query_info(
        &gio::File::for_path(&doc),
        "standard::content-type",
        gio::FileQueryInfoFlags::NONE,
        gio::Cancellable::NONE,
    )
    .unwrap();
    assert!(
        another_writer_refused(&doc),
        "GLib opened and closed the document: this process's locks on it are gone"
    );
    assert_eq!(
        info.content_type().as_deref(),
        Some("application/x-waymark")
    );
    conn.execute_batch("COMMIT").unwrap();
}
