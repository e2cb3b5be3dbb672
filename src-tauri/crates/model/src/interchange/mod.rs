//! Taking one map out of a document and bringing it back in.
//!
//! * [`map_to_json`] writes a map as a self-contained, versioned JSON file
//!   (`{"format": "waymark-map", "version": 1, "map": …, "channels": […], "personas": […]}`).
//!   The same text is embedded in exported PNG/PDF files so a teammate can reopen the map.
//! * [`map_from_json`] reads such a file and builds the one [`Edit`](crate::Edit) (a
//!   `Batch`, so one undo step) that adds it to a document as a new, editable map. It
//!   applies nothing itself.
//! * [`cards_csv`] writes a map's cards as CSV for a spreadsheet.
//! * [`read_performance_csv`] reads channels' monthly figures from a spreadsheet's CSV
//!   and builds the one edit that records them in the monthly reviews.
//!
//! Like the rest of the crate this does no I/O: callers read and write the files and pass
//! the file's name in, so every error message can name it.

mod csv;
mod json;
mod performance;

pub use csv::{cards_csv, vote_results_csv, CSV_HEADER};
pub use json::{map_from_json, map_to_json, MapImport};
pub use performance::{
    read_performance_csv, PerformanceImport, PerformanceProblem, PerformanceRow,
};

use crate::Id;

/// The `"format"` value of a map file.
pub const MAP_FORMAT: &str = "waymark-map";
/// The newest map-file version this build writes and reads.
pub const MAP_FORMAT_VERSION: u32 = 1;

/// Why a map could not be exported or a map file could not be imported. Import errors
/// name the file (the `source` passed in) and, where there is one, the place in it: a
/// field path such as `map.cards[3].stageId` and, when the JSON parser knows it, the
/// line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InterchangeError {
    /// Export of a map the document does not have.
    #[error("there is no map with id {map_id:?}")]
    UnknownMap { map_id: Id },
    /// The text is not JSON at all.
    #[error("{file} line {line}, column {column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a Waymark map file. `detail` says what it is instead, e.g.
    /// `format is "waymark-doc"` or `it has no "format" field`.
    #[error("{file} is not a Waymark map ({detail})")]
    NotAMap { file: String, detail: String },
    /// A map file from a newer Waymark than this one.
    #[error(
        "{file} was written by a newer Waymark (format version {version}; this version reads {supported})"
    )]
    NewerVersion {
        file: String,
        version: u64,
        supported: u32,
    },
    /// A field is missing or has the wrong type (found while parsing, so the parser knows
    /// where).
    #[error("{file} line {line}, column {column}, {path}: {message}")]
    Field {
        file: String,
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file parses but its contents are inconsistent or out of range: a card in a
    /// stage that does not exist, an id used twice, an emotion outside −2..+2…
    #[error("{file}, {path}: {message}")]
    Invalid {
        file: String,
        path: String,
        message: String,
    },
    /// The built edit was refused by the document. The checks above are meant to make
    /// this impossible; it is reported rather than hidden if one is missed.
    #[error("{file} cannot be added to this document: {message}")]
    Rejected { file: String, message: String },
}
