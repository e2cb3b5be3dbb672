//! One writer per file. Every [`Store`](crate::Store) that may write holds an exclusive
//! advisory lock (`flock`) on the document file itself for as long as it lives, so a
//! second writer (another Waymark, `waymark import`, or a second open in the same
//! process) is refused by name instead of writing beside a cache that would go stale.
//!
//! Why the document itself and not a sidecar `.lock` file: the lock follows the file, not
//! its name (a symlink, a hard link or a relative path all meet the same lock); nothing is
//! left in the user's folder, so the document stays one single file; and there is no
//! sidecar to remove, whose removal races with the next opener. On Linux and macOS
//! `flock` locks are independent of the POSIX byte-range locks SQLite takes on the same
//! file, so readers (`waymark info`, `waymark export`, the `sqlite3` tool) still read
//! while the lock is held. The kernel drops the lock when its process dies, even on
//! SIGKILL, so a crash never leaves a file that cannot be opened.
//!
//! Limits: Linux emulates `flock` with POSIX locks on NFS mounts without
//! `local_lock=flock`, where the lock would then conflict with SQLite's own; and on Windows
//! a file lock is mandatory and would stop SQLite itself, so there no lock is taken.
//!
//! POSIX locks (SQLite's) belong to the process, and closing any descriptor of the file
//! drops all of them, even those of another connection in the middle of a write (the
//! "disk I/O error" of issue 15, see `vfs.rs`). So a file this process already holds is
//! refused from the table of held files below without opening it at all; the lock's own
//! descriptor is opened before the store's connection and closed after it. A refusal
//! because ANOTHER process holds the file does close its descriptor again, which is
//! harmless unless this process also reads that file at the same moment.
//!
//! The holder is named from `/proc/locks` (which lists each `FLOCK` with its process and
//! the file's device and inode) and `/proc/<pid>/comm`; where that is not available the
//! message says the holder is unknown rather than guessing.

use std::fs::File;
use std::path::Path;

use crate::StoreError;

/// The exclusive lock on an open document; released when dropped (or when the process
/// ends, however it ends).
#[derive(Debug)]
pub(crate) struct WriterLock {
    #[cfg(unix)]
    _file: File,
    /// The file's place in [`HELD`].
    #[cfg(unix)]
    id: (u64, u64),
}

/// The files (device, inode) this process holds a writer's lock on.
#[cfg(unix)]
static HELD: std::sync::Mutex<Vec<(u64, u64)>> = std::sync::Mutex::new(Vec::new());

#[cfg(unix)]
fn held() -> std::sync::MutexGuard<'static, Vec<(u64, u64)>> {
    HELD.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(unix)]
impl Drop for WriterLock {
    fn drop(&mut self) {
        held().retain(|id| *id != self.id);
    }
}

/// Who holds a document that could not be locked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Holder {
    /// A process found holding the lock.
    Process {
        pid: u32,
        /// Its program name (`/proc/<pid>/comm`), e.g. `waymark`.
        program: String,
        /// The holder is the process that asked (the file is open elsewhere in it).
        this_process: bool,
    },
    /// The lock is held, but by a process that could not be identified.
    Unknown,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Holder::Process {
                pid,
                this_process: true,
                ..
            } => write!(f, "this Waymark (process {pid})"),
            Holder::Process { pid, program, .. } if program.eq_ignore_ascii_case("waymark") => {
                write!(f, "Waymark (process {pid})")
            }
            Holder::Process { pid, program, .. } => write!(f, "{program} (process {pid})"),
            Holder::Unknown => f.write_str("another program, which could not be identified"),
        }
    }
}

/// Takes the writer's lock on `path`, or says who holds it.
#[cfg(unix)]
pub(crate) fn acquire(path: &Path) -> Result<WriterLock, StoreError> {
    use std::os::unix::fs::MetadataExt;
    // Held across the check, the open and the lock, so two threads cannot both pass.
    let mut held = held();
    refuse_if_held_here(&held, path)?;
    let file = File::open(path).map_err(StoreError::io(path, "open the file to lock it"))?;
    match file.try_lock() {
        Ok(()) => {
            let meta = file
                .metadata()
                .map_err(StoreError::io(path, "read the file's details"))?;
            let id = (meta.dev(), meta.ino());
            held.push(id);
            Ok(WriterLock { _file: file, id })
        }
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse {
            path: path.to_path_buf(),
            holder: holder_of(&file),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io {
            path: path.to_path_buf(),
            action: "lock the file for writing",
            source: e,
        }),
    }
}

/// Refuses, without opening it, a file that this process already holds.
#[cfg(unix)]
fn refuse_if_held_here(held: &[(u64, u64)], path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // the open below reports it
    };
    if !held.contains(&(meta.dev(), meta.ino())) {
        return Ok(());
    }
    let pid = std::process::id();
    let program = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|c| c.trim().to_string())
        .unwrap_or_else(|_| "waymark".to_string());
    Err(StoreError::InUse {
        path: path.to_path_buf(),
        holder: Holder::Process {
            pid,
            program,
            this_process: true,
        },
    })
}

/// Refuses, without opening it, a file that this process already holds for writing:
/// the first thing [`Store::open`](crate::Store::open) does, before anything reads the
/// file.
#[cfg(unix)]
pub(crate) fn refuse_if_open_here(path: &Path) -> Result<(), StoreError> {
    refuse_if_held_here(&held(), path)
}

#[cfg(not(unix))]
pub(crate) fn refuse_if_open_here(_path: &Path) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn acquire(path: &Path) -> Result<WriterLock, StoreError> {
    let _ = path;
    Ok(WriterLock {})
}

/// Refuses with [`StoreError::InUse`] if another writer holds `path`; the returned lock
/// (if the file exists) keeps others out until it is dropped. For Save As, which replaces
/// a file that someone else may have open.
pub(crate) fn acquire_if_exists(path: &Path) -> Result<Option<WriterLock>, StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => acquire(path).map(Some),
        _ => Ok(None),
    }
}

#[cfg(target_os = "linux")]
fn holder_of(file: &File) -> Holder {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = file.metadata() else {
        return Holder::Unknown;
    };
    let Ok(locks) = std::fs::read_to_string("/proc/locks") else {
        return Holder::Unknown;
    };
    let (dev, ino) = (meta.dev(), meta.ino());
    for (pid, lock_dev) in flock_holders(&locks, ino) {
        // The device numbers can differ (overlay file systems), so a holder found by
        // inode alone is accepted only if it has this very file open.
        if lock_dev != Some(split_dev(dev)) && !has_open(pid, dev, ino) {
            continue;
        }
        let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm")) else {
            continue; // gone meanwhile
        };
        return Holder::Process {
            pid,
            program: comm.trim().to_string(),
            this_process: pid == std::process::id(),
        };
    }
    Holder::Unknown
}

#[cfg(all(unix, not(target_os = "linux")))]
fn holder_of(_file: &File) -> Holder {
    Holder::Unknown
}

/// `(pid, (major, minor))` of every `FLOCK` in `/proc/locks` on inode `ino`. A line reads
/// `1: FLOCK  ADVISORY  WRITE 12345 fe:00:10010710 0 EOF`; waiters (`1: -> FLOCK …`) are
/// skipped.
#[cfg(target_os = "linux")]
fn flock_holders(locks: &str, ino: u64) -> Vec<(u32, Option<(u64, u64)>)> {
    locks
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.get(1) != Some(&"FLOCK") {
                return None;
            }
            let pid: u32 = fields.get(4)?.parse().ok()?;
            let mut id = fields.get(5)?.rsplitn(3, ':');
            let inode: u64 = id.next()?.parse().ok()?;
            let minor = id.next().and_then(|m| u64::from_str_radix(m, 16).ok());
            let major = id.next().and_then(|m| u64::from_str_radix(m, 16).ok());
            (inode == ino).then_some((pid, major.zip(minor)))
        })
        .collect()
}

/// glibc's `major()` and `minor()` of a `st_dev`.
#[cfg(target_os = "linux")]
fn split_dev(dev: u64) -> (u64, u64) {
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    (major, minor)
}

/// Whether process `pid` has the file (`dev`, `ino`) open.
#[cfg(target_os = "linux")]
fn has_open(pid: u32, dev: u64, ino: u64) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten()
        .any(|fd| std::fs::metadata(fd.path()).is_ok_and(|m| m.dev() == dev && m.ino() == ino))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn reads_flock_lines_of_one_inode() {
        let locks = "1: POSIX  ADVISORY  WRITE 7 fe:00:42 0 EOF\n\
                     2: FLOCK  ADVISORY  WRITE 12345 fe:01:42 0 EOF\n\
                     2: -> FLOCK  ADVISORY  WRITE 999 fe:01:42 0 EOF\n\
                     3: FLOCK  ADVISORY  READ 55 fe:00:43 0 EOF\n";
        assert_eq!(flock_holders(locks, 42), [(12345, Some((0xfe, 1)))]);
    }

    #[test]
    fn splits_device_numbers_like_glibc() {
        assert_eq!(split_dev(0xfe00), (0xfe, 0));
        assert_eq!(split_dev(0x0801), (8, 1));
    }
}
