//! The `.waymark` document file: one SQLite database per document ("SQLite as an
//! application file format").
//!
//! [`Store::open`] checks a file (its header before SQLite touches it, then SQLite's own
//! quick check), migrates an older schema and loads the whole [`Document`] into memory.
//! [`Store::apply`] applies a model [`Edit`] to a copy, writes the difference between the
//! old and new document plus an undo-log entry in one transaction, and only then swaps the
//! copy in. Undo and redo replay the log, which lives in the file and so survives a
//! restart. There is no Save: after every acknowledged edit the single file on disk
//! (rollback journal, full sync, no WAL side files) is complete and may be copied.
//!
//! Tables use readable names (`maps`, `stages`, `lanes`, `cards`, …) so a person with
//! `sqlite3` can read their own data.

mod error;
mod file;
mod header;
mod history;
mod load;
mod lock;
mod rows;
mod schema;
mod scope;
mod store;
mod vfs;
mod write;

use std::path::PathBuf;

pub use error::StoreError;
pub use lock::Holder;
pub use store::Store;
use waymark_model::MapSummary;
// The types callers pass in and get back, so they need not name the model crate.
pub use waymark_model::{Document, Edit, Map};

/// `PRAGMA application_id`: "WYMK". Files with another id are refused.
pub const APPLICATION_ID: i32 = 0x5759_4D4B;

/// The newest schema this version writes (`PRAGMA user_version`); files up to it are read.
pub const SCHEMA_VERSION: u32 = 3;

/// The program that writes, as kept in each file's `written_by` row ("Waymark 0.1.0")
/// unless the app names itself with [`set_writer`]: the store's version follows the app's.
pub const DEFAULT_WRITER: &str = concat!("Waymark ", env!("CARGO_PKG_VERSION"));

static WRITER: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Names the program that writes files from now on ("Waymark 1.2.0"): kept in every file
/// it creates or changes, so that a file too new for an older Waymark is refused by the
/// name of the version that wrote it. Call once at start; later calls are ignored
/// (returns whether this one counted).
pub fn set_writer(name: &str) -> bool {
    WRITER.set(name.to_string()).is_ok()
}

/// The name [`set_writer`] gave, else [`DEFAULT_WRITER`].
pub fn writer() -> &'static str {
    WRITER.get().map_or(DEFAULT_WRITER, String::as_str)
}

/// What the Edit menu needs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// Counts every saved change (edits, undos and redos) since the file was created.
    pub revision: u64,
    /// [`Edit::label`] of what Undo would undo.
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
}

/// What one apply, undo or redo changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub revision: u64,
    /// [`Edit::map_id`] of what was applied: the one map to redraw, or `None` for all.
    pub map_id: Option<String>,
}

/// What `waymark info` shows; read by [`Store::inspect`] without changing the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub path: PathBuf,
    /// The schema the file was written with (before any migration).
    pub schema_version: u32,
    pub maps: Vec<MapSummary>,
    pub channel_count: u32,
    pub persona_count: u32,
}
