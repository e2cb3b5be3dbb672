//! The child process: this same test binary started again with `WAYMARK_CRASH_CHILD`
//! set, running only [`crash_child`]. It opens the document and applies the stream,
//! printing `ack <revision>` after the store returns from each saved change, until it
//! is killed (or has done `WAYMARK_CRASH_STEPS` steps).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use waymark_store::Store;

use crate::ops::Stream;

const CHILD: &str = "WAYMARK_CRASH_CHILD";
const SEED: &str = "WAYMARK_CRASH_SEED";

/// Starts the child on `path` with the stream of `seed`.
pub fn spawn(path: &Path, seed: u64) -> Child {
    Command::new(std::env::current_exe().expect("the test binary's path"))
        .args([
            "--exact",
            "child::crash_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, path)
        .env(SEED, seed.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the child")
}

/// The revisions the child acknowledged, from its whole output.
pub fn acks(stdout: &str) -> Vec<u64> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("ack "))
        .map(|n| n.trim().parse().expect("an ack line holds a revision"))
        .collect()
}

/// Does nothing in a normal test run.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD).map(PathBuf::from) else {
        return;
    };
    let seed: u64 = std::env::var(SEED).unwrap().parse().unwrap();
    let steps: u64 = std::env::var("WAYMARK_CRASH_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX);
    if !path.exists() {
        drop(Store::create(&path, &crate::ops::start()).unwrap());
    }
    let mut store = Store::open(&path).expect("the child opens the document");
    let mut stream = Stream::new(seed);
    let mut out = std::io::stdout().lock();
    // On a line of its own: the test harness has just printed "test … ".
    writeln!(out, "\nready").unwrap();
    out.flush().unwrap();
    for _ in 0..steps {
        match stream.step(&mut store) {
            Ok(Some(revision)) => {
                writeln!(out, "ack {revision}").unwrap();
                out.flush().unwrap();
            }
            Ok(None) => {}
            Err(e) => {
                writeln!(out, "error {e:?}").unwrap();
                out.flush().unwrap();
                std::process::exit(3);
            }
        }
    }
}

/// Starts a reader process on `path` for `seconds`: it opens the file again and again as
/// `sqlite3` or `waymark info` in another process would, and prints each failure.
pub fn spawn_reader(path: &Path, seconds: u64) -> Child {
    Command::new(std::env::current_exe().expect("the test binary's path"))
        .args([
            "--exact",
            "child::crash_reader",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(READER, path)
        .env(SEED, seconds.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the reader")
}

const READER: &str = "WAYMARK_CRASH_READER";

/// Does nothing in a normal test run. Prints `reads N` at the end and `fail CODE ERRNO
/// MESSAGE` for each read that failed (CODE: SQLite's extended result code; ERRNO: the
/// system error SQLite met, from `sqlite3_system_errno`).
#[test]
fn crash_reader() {
    use rusqlite::{Connection, OpenFlags};
    let Some(path) = std::env::var_os(READER).map(PathBuf::from) else {
        return;
    };
    let seconds: u64 = std::env::var(SEED).unwrap().parse().unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let mut out = std::io::stdout().lock();
    writeln!(out).unwrap();
    let mut reads = 0;
    while std::time::Instant::now() < until {
        // Read-write, like the sqlite3 tool: such a reader also rolls back what it takes
        // for a crashed writer's journal.
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .unwrap();
        let read = conn.query_row("SELECT count(*) FROM cards", [], |r| r.get::<_, i64>(0));
        if let Err(e) = read {
            // SAFETY: the handle of a live connection.
            let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
            let code = match &e {
                rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
                _ => -1,
            };
            writeln!(out, "fail {code} {errno} {e}").unwrap();
        }
        reads += 1;
    }
    writeln!(out, "reads {reads}").unwrap();
}
