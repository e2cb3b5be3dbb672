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
    /// Export a map as PNG, PDF, SVG, JSON or CSV, with no display
    Export(crate::export::cli::ExportArgs),
    /// Add the map carried by an exported PNG, PDF or JSON to a document
    Import {
        /// The .waymark document to add the map to
        path: PathBuf,
        /// The exported file (PNG, PDF or JSON from Waymark)
        file: PathBuf,
    },
    /// Create a synthetic map of any size, for benchmarks and stress tests
    Generate {
        /// Where to create it; an existing file is never overwritten
        path: PathBuf,
        #[arg(long, default_value_t = 20)]
        stages: u32,
        #[arg(long, default_value_t = 10)]
        lanes: u32,
        #[arg(long, default_value_t = 400)]
        cards: u32,
        /// Same seed, same map
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// This program as each file it writes names it (`written_by`), so that an older
/// Waymark refuses a newer file by this name. The app's version, not the store crate's.
pub const WRITER: &str = concat!("Waymark ", env!("CARGO_PKG_VERSION"));

pub fn run_headless(command: Command) -> ExitCode {
    let result = match command {
        Command::New { path, template } => new(&path, &template),
        Command::Info { path } => info(&path),
        Command::Export(args) => crate::export::cli::export(args),
        Command::Import { path, file } => crate::export::cli::import(&path, &file),
        Command::Generate {
            path,
            stages,
            lanes,
            cards,
            seed,
        } => generate(
            &path,
            waymark_model::GenerateSpec {
                stages,
                lanes,
                cards,
                seed,
            },
        ),
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

/// Writes a generated map to a new file.
pub fn generate(
    path: &std::path::Path,
    spec: waymark_model::GenerateSpec,
) -> Result<String, String> {
    if spec.stages == 0
        || spec.lanes == 0
        || spec.stages > 500
        || spec.lanes > 200
        || spec.cards > 200_000
    {
        return Err("--stages must be 1–500, --lanes 1–200 and --cards at most 200000".into());
    }
    let doc = waymark_model::generate(spec);
    waymark_store::Store::create(path, &doc).map_err(|e| e.to_string())?;
    Ok(format!(
        "Created {} with {} stages, {} lanes and {} cards (seed {}).\n",
        path.display(),
        spec.stages,
        spec.lanes,
        spec.cards,
        spec.seed
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
