//! Waymark's desktop shell: the only crate that knows about Tauri, IPC, menus and dialogs.
//!
//! `main` parses the command line: headless subcommands (`new`, `info`) run without a
//! display and exit; otherwise the app opens a window on the given file or the documents
//! open when it last quit (or hands the file to the app already running).
//! Commands are thin: parse, call the `store`/`render` crates, map the error.

pub mod about;
mod actions;
mod app;
pub mod bindings;
pub mod cli;
pub mod commands;
pub mod contract;
pub mod dialogs;
mod documents;
pub mod error;
pub mod export;
pub mod gallery;
pub mod memory;
pub mod menu;
pub mod mime;
pub mod photo;
pub mod plan;
pub mod present;
mod rendering;
pub mod settings;
pub mod state;
pub mod templates;
pub mod views;
pub mod windows;
pub mod workshop;

pub use app::{builder, run};
pub use error::AppError;
pub use state::{AppState, DocumentState};

/// Entry point of the `waymark` binary.
pub fn main() -> std::process::ExitCode {
    use clap::Parser;
    // Every file this process writes is marked as written by this Waymark.
    waymark_store::set_writer(cli::WRITER);
    let cli = cli::Cli::parse();
    match cli.command {
        Some(command) => cli::run_headless(command),
        None => {
            rendering::choose();
            mime::register();
            match run(cli.path) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("waymark: {e}");
                    std::process::ExitCode::FAILURE
                }
            }
        }
    }
}
