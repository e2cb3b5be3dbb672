//! Export and import in the app: background export jobs with progress and cancel, the
//! dialog's preview, remembered choices, and reopening exported files as maps.

pub mod cli;
pub mod commands;
pub mod import;
pub mod jobs;
pub mod types;

pub use jobs::ExportJobs;
pub use types::*;
