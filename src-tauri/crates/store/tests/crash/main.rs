//! Crash consistency (issue 15): a child process applies a stream of edits to a real
//! document and is killed (SIGKILL) or frozen and copied (power-loss snapshots) at
//! random moments; every reopened file must pass SQLite's integrity check, hold exactly
//! the acknowledged changes (see `kills.rs` for the rule), and still undo and redo.
//!
//! Quick by default; `WAYMARK_CRASH_KILLS=1000 WAYMARK_CRASH_SNAPSHOTS=500 cargo test
//! -p waymark-store --release --test crash -- --nocapture` is the full run
//! (docs/RELIABILITY.md).

mod child;
#[cfg(unix)]
mod kills;
mod ops;
#[cfg(unix)]
mod power_cut;
#[cfg(unix)]
mod power_vfs;
mod reference;
#[cfg(unix)]
mod reopen;
#[cfg(target_os = "linux")]
mod snapshots;

/// The tests that start children run one at a time: a child forked while the other test
/// holds a document's lock shares that lock until it execs, which would make a reopen
/// fail with "in use" for a moment (a property of fork, not of the store).
pub static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}
mod io_error;
