//! Creating, opening, inspecting and copying `.waymark` files.
//!
//! New files are written beside their destination under a temporary name and renamed
//! into place, so a crash leaves either no file or a complete one, never half a file.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use rusqlite::{Connection, OpenFlags, MAIN_DB};
use waymark_model::Document;

use crate::error::SAVE_AS;
use crate::{
    header, history, load, lock, schema, write, FileInfo, Store, StoreError, APPLICATION_ID,
    SCHEMA_VERSION,
};

impl Store {
    /// Creates a new document file holding `doc`. Refuses a path that already exists.
    pub fn create(path: &Path, doc: &Document) -> Result<Store, StoreError> {
        if fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        let folder = folder_of(path);
        check_folder_writable(path, &folder)?;
        // Going through the model's edits checks the document by the editor's rules.
        let doc = doc.rebuilt()?;

        let tmp = TempFile::beside(path)?;
        write_new(&tmp.path, path, &doc)?;
        sync_file(&tmp.path)?;
        tmp.persist_noclobber(path)?;
        sync_folder(&folder);
        Store::open(path)
    }

    /// Opens a document for editing: checks the file, brings an older schema up to date
    /// and loads the document into memory.
    ///
    /// The store holds the file's writer lock for as long as it lives: while it is open, a
    /// second `open` of the same file (from this process or another) is refused with
    /// [`StoreError::InUse`] naming the holder. Reading ([`Store::read`],
    /// [`Store::inspect`]) takes no lock and works meanwhile.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        // Before anything opens the file: a descriptor closed again here would drop the
        // locks of the store that holds it (see `vfs.rs`).
        lock::refuse_if_open_here(path)?;
        let header = check_header(path)?;
        check_writable(path)?;
        // Before SQLite opens the file: even the migration below is a write.
        let lock = lock::acquire(path)?;
        let sql = StoreError::sql(path);

        // No CREATE flag: a file that vanished since the check must not come back empty.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(&sql)?;
        // A read-only disk or share leaves the mode bits writable; SQLite then opens the
        // file read-only, which it says (asked here rather than with a descriptor of our
        // own, whose closing would drop this process's SQLite locks on the file).
        if conn.is_readonly(MAIN_DB).map_err(&sql)? {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                reason: format!("it is on a read-only disk or share{SAVE_AS}"),
            });
        }
        conn.busy_timeout(schema::BUSY_TIMEOUT).map_err(&sql)?;
        // Another writer holding the lock would make our first edit fail; say so now.
        // BEGIN IMMEDIATE takes the write lock without writing anything.
        conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;")
            .map_err(&sql)?;
        schema::configure(&conn).map_err(&sql)?;
        let migrated = header.user_version < SCHEMA_VERSION;
        if migrated {
            // Checked before the migration writes to it.
            quick_check(&conn, path)?;
            schema::migrations()
                .to_latest(&mut conn)
                .map_err(|source| StoreError::Migration {
                    path: path.to_path_buf(),
                    source,
                })?;
            // The upgraded file is this version's work now.
            history::set_info(&conn, history::WRITTEN_BY, crate::writer()).map_err(&sql)?;
        }

        let read = || -> Result<_, StoreError> {
            let doc = load::load(&conn, path)?;
            let revision = history::read_revision(&conn).map_err(&sql)?;
            let history = history::read(&conn, revision).map_err(&sql)?;
            Ok((doc, history))
        };
        let (doc, history) = if migrated {
            read()?
        } else {
            checked_while(&conn, path, read)?
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            doc,
            history,
            signed: migrated,
            _lock: lock,
        })
    }

    /// Describes a file without changing it (for `waymark info`): the same checks as
    /// [`Store::open`], on a read-only connection.
    pub fn inspect(path: &Path) -> Result<FileInfo, StoreError> {
        let (header, doc) = Store::read_only(path)?;
        Ok(FileInfo {
            path: path.to_path_buf(),
            schema_version: header.user_version,
            maps: doc.maps.iter().map(|m| m.summary()).collect(),
            channel_count: doc.channels.len() as u32,
            persona_count: doc.personas.len() as u32,
        })
    }

    /// The document in the file, read without changing the file (for the headless
    /// `waymark export`): the same checks as [`Store::open`], on a read-only connection.
    pub fn read(path: &Path) -> Result<Document, StoreError> {
        Ok(Store::read_only(path)?.1)
    }

    fn read_only(path: &Path) -> Result<(header::Header, Document), StoreError> {
        let header = check_header(path)?;
        let sql = StoreError::sql(path);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(&sql)?;
        schema::configure_read_only(&conn).map_err(&sql)?;
        // One read transaction for every table: otherwise a writer (the app, while
        // `waymark export` reads) could commit between two of them and the document read
        // would be half of one edit. Ends when `conn` is dropped. The check runs beside
        // it in a transaction of its own, begun while this one holds the file (see
        // `checker`), so both see the same file.
        conn.execute_batch("BEGIN").map_err(&sql)?;

        let doc = checked_while(&conn, path, || {
            if header.user_version == SCHEMA_VERSION {
                return load::load(&conn, path);
            }
            // An older file is migrated in a memory copy: inspecting never writes.
            let mut copy = Connection::open_in_memory().map_err(&sql)?;
            rusqlite::backup::Backup::new(&conn, &mut copy)
                .and_then(|b| b.run_to_completion(256, std::time::Duration::ZERO, None))
                .map_err(&sql)?;
            schema::migrations()
                .to_latest(&mut copy)
                .map_err(|source| StoreError::Migration {
                    path: path.to_path_buf(),
                    source,
                })?;
            load::load(&copy, path)
        })?;
        Ok((header, doc))
    }

    /// Copies the document, undo history included, to `dest` (replacing it) with SQLite's
    /// backup API. The copy goes to a temporary file beside `dest` and is renamed into
    /// place only when complete. The caller then opens `dest`.
    pub fn save_as(&self, dest: &Path) -> Result<(), StoreError> {
        if same_file(&self.path, dest) {
            // Every edit is already saved; copying a file over itself could only lose it.
            return Ok(());
        }
        let folder = folder_of(dest);
        check_folder_writable(dest, &folder)?;
        // A file open elsewhere is not replaced under its writer; holding its lock until
        // the rename keeps a new writer from opening it meanwhile.
        let _replaced = lock::acquire_if_exists(dest)?;
        let tmp = TempFile::beside(dest)?;
        self.conn
            .backup(MAIN_DB, &tmp.path, None)
            .map_err(StoreError::sql(dest))?;
        sync_file(&tmp.path)?;
        header::check(&tmp.path)
            .map_err(|e| StoreError::corrupt(dest, format!("the copy failed its check: {e}")))?;
        tmp.persist(dest)?;
        sync_folder(&folder);
        Ok(())
    }
}

/// Writes a complete new file: header ids, schema, the document, revision 0. Errors name
/// `path`, the destination: the temporary name means nothing to a person.
fn write_new(file: &Path, path: &Path, doc: &Document) -> Result<(), StoreError> {
    let sql = StoreError::sql(path);
    let mut conn = Connection::open(file).map_err(&sql)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(&sql)?;
    schema::configure(&conn).map_err(&sql)?;
    schema::migrations()
        .to_latest(&mut conn)
        .map_err(|source| StoreError::Migration {
            path: path.to_path_buf(),
            source,
        })?;
    let tx = conn.transaction().map_err(&sql)?;
    write::write_diff(&tx, &Document::default(), doc).map_err(&sql)?;
    history::write_revision(&tx, 0).map_err(&sql)?;
    history::set_info(&tx, "created_with", crate::writer()).map_err(&sql)?;
    history::set_info(&tx, history::WRITTEN_BY, crate::writer()).map_err(&sql)?;
    tx.commit().map_err(&sql)?;
    conn.close().map_err(|(_, e)| StoreError::sqlite(path, e))
}

/// [`header::check`], and for a file from a newer Waymark the name of the version that
/// wrote it, so the refusal can say which Waymark to get.
fn check_header(path: &Path) -> Result<header::Header, StoreError> {
    header::check(path).map_err(|e| match e {
        StoreError::TooNew {
            path,
            found,
            supported,
            written_by: None,
            this,
        } => StoreError::TooNew {
            written_by: written_by(&path),
            path,
            found,
            supported,
            this,
        },
        other => other,
    })
}

/// The file's `written_by` row, read on a read-only connection that can change nothing (a
/// file with a hot journal is not even read). `None` if the newer schema keeps it
/// elsewhere or the file cannot say.
fn written_by(path: &Path) -> Option<String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    schema::configure_read_only(&conn).ok()?;
    conn.query_row(
        "SELECT value FROM document_info WHERE key = ?1",
        [history::WRITTEN_BY],
        |r| r.get::<_, String>(0),
    )
    .ok()
    .filter(|name| !name.trim().is_empty())
}

/// `read()` (the document read on `conn`) while SQLite's integrity check runs on a second,
/// read-only connection on another thread: on a large file the check is about half of
/// opening, and the two need not wait for each other. The check's verdict comes first:
/// when it finds damage, its message is the answer whatever the read made of the damaged
/// file (an error, or even a panic), so the refusal is the one a check before the read
/// gave. When the second connection cannot start at once, checks first, then reads.
fn checked_while<T>(
    conn: &Connection,
    path: &Path,
    read: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let Some(checker) = checker(conn, path) else {
        quick_check(conn, path)?;
        return read();
    };
    std::thread::scope(|scope| {
        let check = scope.spawn(move || quick_check(&checker, path));
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
        let checked = check
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        checked?;
        read.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// A read-only connection to `path` holding SQLite's shared lock, taken after `conn`'s: a
/// writer in another process cannot commit while `conn` (in a read transaction) holds its
/// lock, so the check sees the very file that `conn` reads. `None` when either lock is not
/// granted at once (a writer waiting to commit would wait for both, and the two for each
/// other) or the file cannot even be read that far: the caller then checks on `conn` as
/// before, with the same messages.
fn checker(conn: &Connection, path: &Path) -> Option<Connection> {
    let first_read = "SELECT count(*) FROM sqlite_schema";
    conn.query_row(first_read, [], |_| Ok(())).ok()?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let checker = Connection::open_with_flags(path, flags).ok()?;
    checker.pragma_update(None, "query_only", true).ok()?;
    checker.busy_timeout(std::time::Duration::ZERO).ok()?;
    checker.execute_batch("BEGIN").ok()?;
    checker.query_row(first_read, [], |_| Ok(())).ok()?;
    Some(checker)
}

fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(StoreError::sql(path))?;
    if problems.len() == 1 && problems[0] == "ok" {
        return Ok(());
    }
    // Each row may hold several lines; the banner naming the database says nothing.
    let lines: Vec<&str> = problems
        .iter()
        .flat_map(|p| p.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect();
    let shown = lines.len().min(3);
    let more = match lines.len() - shown {
        0 => String::new(),
        n => format!(" (and {n} more)"),
    };
    Err(StoreError::corrupt(
        path,
        format!("SQLite's check found: {}{more}", lines[..shown].join("; ")),
    ))
}

/// The mode bits, checked ourselves: root (and some network shares) ignore them, and a
/// document that SQLite opened read-only would fail on the first edit instead of now.
fn check_writable(path: &Path) -> Result<(), StoreError> {
    let meta = fs::metadata(path).map_err(StoreError::io(path, "read the file's details"))?;
    if meta.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            reason: format!("the file is read-only{SAVE_AS}"),
        });
    }
    check_folder_writable(path, &folder_of(path)).map_err(|e| match e {
        StoreError::ReadOnly { path, reason } => StoreError::ReadOnly {
            path,
            reason: format!("{reason}{SAVE_AS}"),
        },
        other => other,
    })
}

/// SQLite writes its journal beside the file, and new files are renamed into the folder.
fn check_folder_writable(path: &Path, folder: &Path) -> Result<(), StoreError> {
    let meta = fs::metadata(folder).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: folder.to_path_buf(),
        },
        _ => StoreError::Io {
            path: folder.to_path_buf(),
            action: "read the folder's details",
            source: e,
        },
    })?;
    if meta.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            reason: format!("its folder {} is read-only", folder.display()),
        });
    }
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn sync_file(path: &Path) -> Result<(), StoreError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(StoreError::io(path, "flush the file to disk"))
}

/// Makes the rename itself durable. Only possible (and needed) on Unix.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// A file beside its destination that is removed (with any journal SQLite left) unless
/// renamed into place.
struct TempFile {
    path: PathBuf,
    renamed: bool,
}

impl TempFile {
    fn beside(dest: &Path) -> Result<TempFile, StoreError> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let folder = folder_of(dest);
        let name = dest
            .file_name()
            .map_or_else(|| "document".into(), |n| n.to_string_lossy().into_owned());
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = folder.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => {
                    return Ok(TempFile {
                        path,
                        renamed: false,
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(StoreError::io(dest, "create a temporary file beside it")(e)),
            }
        }
    }

    /// Renames into place, refusing to replace a file that appeared meanwhile. A hard
    /// link is the portable atomic "rename unless it exists"; where links are not
    /// supported we fall back to check-then-rename.
    fn persist_noclobber(self, dest: &Path) -> Result<(), StoreError> {
        match fs::hard_link(&self.path, dest) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(StoreError::AlreadyExists {
                    path: dest.to_path_buf(),
                })
            }
            Err(_) if dest.exists() => Err(StoreError::AlreadyExists {
                path: dest.to_path_buf(),
            }),
            Err(_) => self.persist(dest),
        }
        // `self` drops here and removes the temporary name; the link keeps the data.
    }

    fn persist(mut self, dest: &Path) -> Result<(), StoreError> {
        fs::rename(&self.path, dest)
            .map_err(StoreError::io(dest, "move the finished file into place"))?;
        self.renamed = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
        let mut journal = self.path.clone().into_os_string();
        journal.push("-journal");
        let _ = fs::remove_file(journal);
    }
}
