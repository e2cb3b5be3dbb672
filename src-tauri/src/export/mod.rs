//! Export and import in the app: background export jobs with progress and cancel, the
//! dialog's preview, remembered choices, and reopening exported files as maps.

pub mod cli;
pub mod commands;
pub mod import;
pub mod jobs;
pub mod summary;
pub mod types;

pub use jobs::ExportJobs;

/// The PDF's author, for the app and the command line alike: the person logged in, as
/// every desktop app records it.
pub fn author() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}
pub use types::*;
