//! The crate's one error type. Every variant about a file names that file, because the
//! message is shown to a person who may have several documents open.

use std::path::{Path, PathBuf};

use waymark_model::EditError;

use crate::lock::Holder;

/// Why the store could not do what was asked. [`StoreError::kind`] gives a stable name
/// the UI can switch on; the `Display` text is meant for people.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("{}: the file does not exist", .path.display())]
    NotFound { path: PathBuf },

    #[error("{} is a folder, not a Waymark document", .path.display())]
    NotAFile { path: PathBuf },

    #[error("{} is empty (0 bytes), so it is not a Waymark document", .path.display())]
    EmptyFile { path: PathBuf },

    /// `what` says what the file looks like instead, e.g. "it is a PNG image".
    #[error("{} is not a Waymark document: {what}", .path.display())]
    NotSqlite { path: PathBuf, what: String },

    #[error(
        "{} is a database of another program (application id {application_id:#010x}), not a Waymark document",
        .path.display()
    )]
    NotWaymark { path: PathBuf, application_id: u32 },

    /// `written_by` is the program that last wrote the file (its `written_by` row, e.g.
    /// "Waymark 0.3.0"), when the file says; `this` is this program's name and version.
    #[error("{}", too_new_message(.path, *.found, *.supported, .written_by.as_deref(), .this))]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
        written_by: Option<String>,
        this: String,
    },

    #[error("{} is damaged: {detail}", .path.display())]
    Corrupt { path: PathBuf, detail: String },

    /// `reason` says what is read-only and what to do instead.
    #[error("{} cannot be changed: {reason}", .path.display())]
    ReadOnly { path: PathBuf, reason: String },

    #[error(
        "{} is locked by another program that is changing it; close it there and try again",
        .path.display()
    )]
    Locked { path: PathBuf },

    /// Another writer holds the file: one writer per file (see `lock.rs`).
    #[error("{} is open in {holder}; close it there first", .path.display())]
    InUse { path: PathBuf, holder: Holder },

    #[error("{} already exists; choose another name", .path.display())]
    AlreadyExists { path: PathBuf },

    #[error("the edit was refused: {0}")]
    EditRefused(#[from] EditError),

    #[error("there is no map with id {id:?}")]
    MapNotFound { id: String },

    #[error("{}: could not {action}: {source}", .path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },

    #[error("{}: {source}", .path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error("{}: could not update the file's schema: {source}", .path.display())]
    Migration {
        path: PathBuf,
        source: rusqlite_migration::Error,
    },
}

/// Names the version that wrote a too-new file when the file says which it was (and it is
/// not this very version, which only a hand-edited file could claim).
fn too_new_message(
    path: &Path,
    found: u32,
    supported: u32,
    written_by: Option<&str>,
    this: &str,
) -> String {
    let path = path.display();
    match written_by {
        Some(writer) if writer != this => format!(
            "{path} was written by {writer}, which is newer than this {this}; update Waymark to open it. The file was not changed"
        ),
        _ => format!(
            "{path} was made by a newer Waymark (schema {found}); this version reads up to {supported}. The file was not changed"
        ),
    }
}

/// What to do about a document that cannot be edited in place.
pub(crate) const SAVE_AS: &str = ". Use Save As to make a copy you can edit";

impl StoreError {
    /// A stable snake_case name for the UI and the CLI's exit handling.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "not_found",
            StoreError::NotAFile { .. } => "not_a_file",
            StoreError::EmptyFile { .. } => "empty_file",
            StoreError::NotSqlite { .. } => "not_sqlite",
            StoreError::NotWaymark { .. } => "not_waymark",
            StoreError::TooNew { .. } => "too_new",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::ReadOnly { .. } => "read_only",
            StoreError::Locked { .. } => "locked",
            StoreError::InUse { .. } => "in_use",
            StoreError::AlreadyExists { .. } => "already_exists",
            // A refused vote names its rule, so the UI can say which one.
            StoreError::EditRefused(EditError::Vote { rule, .. }) => rule.kind(),
            StoreError::EditRefused(_) => "edit_refused",
            StoreError::MapNotFound { .. } => "map_not_found",
            StoreError::Io { .. } => "io",
            StoreError::Sqlite { .. } | StoreError::Migration { .. } => "sqlite",
        }
    }

    pub(crate) fn io<'a>(
        path: &'a Path,
        action: &'static str,
    ) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
        move |source| StoreError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    pub(crate) fn corrupt(path: &Path, detail: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: detail.into(),
        }
    }

    /// Sorts SQLite's error codes into the cases a person can act on; the rest stay
    /// `Sqlite` with SQLite's own words.
    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked { path },
            Some(C::ReadOnly) => StoreError::ReadOnly {
                path,
                reason: format!("the file or its folder cannot be written{SAVE_AS}"),
            },
            Some(C::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: source.to_string(),
            },
            // The header was checked before SQLite read the file, so this is damage.
            Some(C::NotADatabase) => StoreError::Corrupt {
                path,
                detail: source.to_string(),
            },
            // A value of the wrong type (text where a number belongs, after hand editing
            // with `sqlite3`) is damage too, named by its column.
            _ => match &source {
                rusqlite::Error::InvalidColumnType(_, column, found) => StoreError::Corrupt {
                    path,
                    detail: format!(
                        "its column {column:?} holds {} where Waymark keeps another type",
                        found.to_string().to_lowercase()
                    ),
                },
                rusqlite::Error::FromSqlConversionFailure(_, found, e) => StoreError::Corrupt {
                    path,
                    detail: format!(
                        "a {} value cannot be read: {e}",
                        found.to_string().to_lowercase()
                    ),
                },
                rusqlite::Error::IntegralValueOutOfRange(_, value) => StoreError::Corrupt {
                    path,
                    detail: format!("it holds the number {value}, out of range"),
                },
                _ => StoreError::Sqlite { path, source },
            },
        }
    }

    pub(crate) fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |e| StoreError::sqlite(path, e)
    }
}
