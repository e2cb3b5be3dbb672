//! The store's tests, one binary (linking is the slow part on small machines), one small
//! module per concern.

mod bad_files;
mod common;
mod format;
mod history;
mod inspect;
mod migrate;
mod patches;
mod plan;
mod roundtrip;
mod save_as;
mod workshop;
/// One writer per file (the lock is Unix-only) and the "written by" name.
#[cfg(unix)]
mod writer;
