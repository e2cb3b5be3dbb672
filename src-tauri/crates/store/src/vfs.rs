//! Reading the start of a document through SQLite's own file layer (its VFS) instead of
//! a descriptor of our own.
//!
//! Why: SQLite's locks on the file are POSIX advisory locks, which belong to the process,
//! and closing ANY descriptor of the file in that process drops all of them (see SQLite's
//! "How To Corrupt An SQLite Database File", §2.2). A header check that opened and closed
//! the file with `std::fs::File` while another connection of the same process was in a
//! transaction on it silently took that connection's locks away: a reader in another
//! process then took the live journal for a crashed writer's and rolled it back, the
//! writer's commit failed with SQLITE_IOERR_RDLOCK (errno EAGAIN) and the reader's with
//! SQLITE_IOERR_DELETE_NOENT (errno ENOENT) — the "disk I/O error" of issue 15. SQLite's
//! unix VFS knows every connection of the process on an inode, and when one of its files
//! is closed while others hold locks it keeps the descriptor open until they are done.
//!
//! The header is read under SQLite's shared lock, as SQLite itself reads, so a writer
//! in any process is never caught half-way (its new page count with its old length).
//! A hot journal (a writer crashed mid-commit) is reported: the file may then be
//! half-written until SQLite rolls the journal back on the first real open.

use std::ffi::{c_int, c_void};
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::ffi;

/// What [`read_start`] found.
pub(crate) struct Start {
    /// Up to the asked number of bytes from the start of the file.
    pub bytes: Vec<u8>,
    /// The file's length at the same instant.
    pub len: u64,
    /// A crashed writer's rollback journal lies beside the file: until it is rolled back
    /// the file itself may be cut short or half-written.
    pub hot_journal: bool,
}

/// How long to wait for a writer that holds the file, as SQLite's busy timeout does
/// (SQLITE_BUSY is the condition SQLite documents as passing).
const WAIT: Duration = Duration::from_secs(2);

/// Up to `len` bytes from the start of the file at `path`, read through SQLite's VFS
/// under its shared lock.
pub(crate) fn read_start(path: &Path, len: usize) -> io::Result<Start> {
    // SQLite's own connections open the file a symlink names (its xFullPathname resolves
    // links) and its xOpen refuses a link; resolve it as a connection would.
    let resolved = std::fs::canonicalize(path);
    let Some(name) = resolved.as_deref().ok().and_then(c_name) else {
        return std_read_start(path, len);
    };
    // SAFETY: the VFS is SQLite's default one; `file` is a zeroed, 8-byte-aligned block
    // of the size that VFS asks for; the name (NUL-terminated, with the extra NULs that
    // SQLite's file names carry) outlives the open file; every method is called only
    // after a successful xOpen, and xClose exactly once (it also drops the lock).
    unsafe {
        let vfs = ffi::sqlite3_vfs_find(std::ptr::null());
        let Some(open) = vfs.as_ref().and_then(|v| v.xOpen) else {
            return std_read_start(path, len);
        };
        let words = ((*vfs).szOsFile as usize).div_ceil(8);
        let mut block = vec![0u64; words.max(1)];
        let file = block.as_mut_ptr().cast::<ffi::sqlite3_file>();
        let flags = ffi::SQLITE_OPEN_READONLY | ffi::SQLITE_OPEN_MAIN_DB;
        let mut out_flags: c_int = 0;
        let rc = open(vfs, name.as_ptr().cast(), file, flags, &mut out_flags);
        if rc != ffi::SQLITE_OK {
            if let Some(close) = (*file).pMethods.as_ref().and_then(|m| m.xClose) {
                close(file);
            }
            // SQLite could not open it, so no connection here holds it: the error the
            // system gives is safe to fetch (and says more).
            return Err(std_read_start(path, len)
                .err()
                .unwrap_or_else(|| io::Error::other(format!("SQLite could not open it ({rc})"))));
        }
        let methods = &*(*file).pMethods;
        let result = read_locked(file, methods, path, len);
        if let Some(close) = methods.xClose {
            close(file);
        }
        result
    }
}

/// Takes the shared lock (waiting out a writer), then reads the length and the bytes.
unsafe fn read_locked(
    file: *mut ffi::sqlite3_file,
    methods: &ffi::sqlite3_io_methods,
    path: &Path,
    len: usize,
) -> io::Result<Start> {
    let failed =
        |what: &str, rc: c_int| io::Error::other(format!("SQLite could not {what} ({rc})"));
    let (Some(lock), Some(size_of), Some(read), Some(reserved)) = (
        methods.xLock,
        methods.xFileSize,
        methods.xRead,
        methods.xCheckReservedLock,
    ) else {
        return Err(io::Error::other("SQLite's file layer lacks a method"));
    };
    let started = Instant::now();
    loop {
        match lock(file, ffi::SQLITE_LOCK_SHARED) {
            ffi::SQLITE_OK => break,
            ffi::SQLITE_BUSY if started.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            ffi::SQLITE_BUSY => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another program is writing it",
                ))
            }
            rc => return Err(failed("lock it for reading", rc)),
        }
    }
    let mut size: ffi::sqlite3_int64 = 0;
    let rc = size_of(file, &mut size);
    if rc != ffi::SQLITE_OK {
        return Err(failed("read its length", rc));
    }
    let mut bytes = vec![0u8; len.min(size.max(0) as usize)];
    if !bytes.is_empty() {
        let rc = read(
            file,
            bytes.as_mut_ptr().cast::<c_void>(),
            bytes.len() as c_int,
            0,
        );
        if rc != ffi::SQLITE_OK {
            return Err(failed("read it", rc));
        }
    }
    // As SQLite decides (`hasHotJournal`): a journal with content that no writer holds.
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let journal_has_content = std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0);
    let mut held: c_int = 0;
    let hot_journal =
        journal_has_content && reserved(file, &mut held) == ffi::SQLITE_OK && held == 0;
    Ok(Start {
        bytes,
        len: size.max(0) as u64,
        hot_journal,
    })
}

/// The name as SQLite's VFS takes it: NUL-terminated and followed by two more NULs (where
/// SQLite keeps a database's URI parameters). `None` for a name that is not valid there.
fn c_name(path: &Path) -> Option<Vec<u8>> {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_str()?.as_bytes().to_vec();
    if bytes.is_empty() || bytes.contains(&0) {
        return None;
    }
    let mut name = bytes;
    name.extend_from_slice(&[0, 0, 0, 0]);
    Some(name)
}

/// The plain read, for names SQLite cannot take (and for the error of one it could not
/// open).
fn std_read_start(path: &Path, len: usize) -> io::Result<Start> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(len);
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    file.take(len as u64).read_to_end(&mut bytes)?;
    Ok(Start {
        bytes,
        len: size,
        hot_journal: false,
    })
}
