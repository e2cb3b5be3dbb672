//! Waymark's journey-map document as pure data, and the closed set of edits on it.
//!
//! A [`Document`] holds maps (journeys) plus the channels and personas they share. Every
//! change is an [`Edit`]; [`Edit::apply`] changes the document and returns the exact
//! inverse edit, which is how undo works all the way down to the file's edit log. A
//! refused edit returns an [`EditError`] and leaves the document untouched.
//!
//! This crate does no I/O and knows nothing of SQLite, Tauri or the screen.

mod canon;
mod edit;
mod error;
mod generate;
pub mod interchange;
mod patch;
pub mod plan;
mod rebuild;
pub mod report;
mod types;
mod validate;
pub mod workshop;

pub use canon::{canonicalize, canonicalize_cards, canonicalize_emotions};
pub use edit::{Edit, MAX_DOTS, MAX_PAPER_DOTS};
pub use error::{EditError, VoteRule};
pub use generate::{generate, generate_maps, GenerateSpec};
pub use interchange::{
    cards_csv, map_from_json, map_to_json, read_performance_csv, vote_results_csv,
    InterchangeError, MapImport, PerformanceImport, PerformanceProblem, PerformanceRow, CSV_HEADER,
    MAP_FORMAT, MAP_FORMAT_VERSION,
};
pub use patch::*;
pub use plan::*;
pub use report::*;
pub use types::*;
pub use validate::{check_color, EMOTION_MAX, EMOTION_MIN};
pub use workshop::*;
