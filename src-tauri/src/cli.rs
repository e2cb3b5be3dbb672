//! The command line. With no subcommand the window opens (on PATH if given); the
//! subcommands run headless, with no display, and exit non-zero with a clear message.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::templates;

#[derive(Debug, Parser)]
#[command(
    name = "waymark",
    version,
    about = "Waymark — a desktop journey-map designer",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A .waymark document to open in the app (default: the last document used)
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new .waymark document from a template
    New {
        /// Where to create it; an existing file is never overwritten
        path: PathBuf,
        /// The template to start from (nonprofit-supporter, blank)
        #[arg(long, default_value = templates::BLANK)]
        template: String,
    },
    /// Show what a .waymark document holds, without changing it
    Info { path: PathBuf },
}

pub fn run_headless(command: Command) -> ExitCode {
    let result = match command {
        Command::New { path, template } => new(&path, &template),
        Command::Info { path } => info(&path),
    };
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("waymark: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Creates the file and returns what to print.
pub fn new(path: &std::path::Path, template: &str) -> Result<String, String> {
    let doc = templates::template(template).map_err(|e| e.to_string())?;
    let store = waymark_store::Store::create(path, &doc).map_err(|e| e.to_string())?;
    let cards: u32 = store.summaries().iter().map(|m| m.card_count).sum();
    Ok(format!(
        "Created {} from the {template:?} template ({} map{}, {cards} cards).\n",
        path.display(),
        store.summaries().len(),
        if store.summaries().len() == 1 {
            ""
        } else {
            "s"
        },
    ))
}

/// A readable summary of the file; opens it read-only.
pub fn info(path: &std::path::Path) -> Result<String, String> {
    let info = waymark_store::Store::inspect(path).map_err(|e| e.to_string())?;
    let mut out = String::new();
    out.push_str(&format!("File:            {}\n", info.path.display()));
    out.push_str(&format!("Schema version:  {}\n", info.schema_version));
    out.push_str(&format!("Channels:        {}\n", info.channel_count));
    out.push_str(&format!("Personas:        {}\n", info.persona_count));
    out.push_str(&format!("Maps:            {}\n", info.maps.len()));
    for m in &info.maps {
        out.push_str(&format!(
            "  - {}: {} stages, {} lanes, {} cards, {} connectors\n",
            m.name, m.stage_count, m.lane_count, m.card_count, m.connector_count
        ));
    }
    Ok(out)
}
