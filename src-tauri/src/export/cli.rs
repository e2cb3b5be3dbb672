//! `waymark export` and `waymark import`: the same export and import as the app, with no
//! display. Bad input exits non-zero with a message naming the file or option.

use std::path::{Path, PathBuf};

use waymark_model::Document;
use waymark_render::export::{
    export_to_file, info_for, today, Background, ExportFormat, ExportOptions, Orientation,
    PaperSize, PAPER_SIZES,
};
use waymark_render::Layouter;
use waymark_store::Store;

/// The flags of `waymark export`, as clap parsed them.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The .waymark document (read only; never changed)
    pub path: PathBuf,
    /// The map to export, by name or id (default: the first map)
    #[arg(long)]
    pub map: Option<String>,
    /// png, pdf, svg, json or csv (default: from --out's extension)
    #[arg(long, value_parser = parse_format)]
    pub format: Option<ExportFormat>,
    /// Where to write; an existing file is replaced only once the export is complete
    #[arg(long, short = 'o')]
    pub out: PathBuf,
    /// The page's size (fit: the map's own size plus margins)
    #[arg(long, value_parser = paper_sizes(), ignore_case = true, default_value = "fit")]
    pub page: PaperSize,
    #[arg(long, conflicts_with = "portrait")]
    pub landscape: bool,
    #[arg(long)]
    pub portrait: bool,
    /// Resolution of a PNG, 72–600
    #[arg(long, default_value_t = 150)]
    pub dpi: u32,
    /// Blank border on every page, in millimetres (0–50)
    #[arg(long, default_value_t = 10.0)]
    pub margin: f32,
    /// Print the page across sheets of this size (PDF), e.g. a4 or a3
    #[arg(long, value_parser = paper_sizes(), ignore_case = true)]
    pub tile: Option<PaperSize>,
    /// How much neighbouring sheets overlap, in millimetres
    #[arg(long, default_value_t = 10.0)]
    pub overlap: f32,
    /// A transparent background (PNG)
    #[arg(long)]
    pub transparent: bool,
    #[arg(long)]
    pub no_title_block: bool,
    #[arg(long)]
    pub no_legend: bool,
    /// After the map, pages with the channels' job descriptions and SMART goals and the
    /// passion points' KPIs (PDF)
    #[arg(long)]
    pub appendix: bool,
    /// The kickoff kit (PDF): the map as a poster (--page, A1 by default, or --tile), a
    /// handout per channel, the KPI sheet, the voting results and a worksheet per stage
    #[arg(long, conflicts_with = "appendix")]
    pub kit: bool,
    /// The workshop summary instead of the map: who took part, the notes per stage, the
    /// voting results and the tagged decisions, as Markdown or PDF by --out's extension
    #[arg(long, conflicts_with_all = ["kit", "appendix"])]
    pub summary: bool,
}

pub fn export(args: ExportArgs) -> Result<String, String> {
    if args.summary {
        return super::summary::cli(&args);
    }
    let format = match args.format {
        Some(f) => f,
        None => format_from_extension(&args.out)?,
    };
    let options = ExportOptions {
        format,
        page: args.page,
        orientation: if args.portrait {
            Orientation::Portrait
        } else {
            Orientation::Landscape
        },
        margin_mm: args.margin,
        background: if args.transparent {
            Background::Transparent
        } else {
            Background::White
        },
        dpi: args.dpi,
        title_block: !args.no_title_block,
        legend: !args.no_legend,
        tile: args.tile,
        tile_overlap_mm: args.overlap,
        appendix: args.appendix,
        kit: args.kit,
    };
    if options.tile.is_some() && format != ExportFormat::Pdf {
        return Err("--tile prints a poster across sheets and needs --format pdf".into());
    }
    if options.appendix && format != ExportFormat::Pdf {
        return Err("--appendix adds pages after the map and needs --format pdf".into());
    }
    if options.kit && format != ExportFormat::Pdf {
        return Err(format!(
            "--kit makes one PDF of many pages and cannot be written as {}: use --format pdf \
             or an --out ending in .pdf",
            format.extension().to_uppercase()
        ));
    }
    let doc = Store::read(&args.path).map_err(|e| e.to_string())?;
    let map_id = find_map(&doc, args.map.as_deref(), &args.path)?;
    let scene = Layouter::new()
        .layout(&doc, &map_id)
        .map_err(|e| e.to_string())?;
    let info = info_for(&doc, &scene, &super::author(), &today());
    let bytes = export_to_file(&doc, &scene, &options, &info, &args.out, &mut |_| true)
        .map_err(|e| e.to_string())?;
    let what = if options.kit {
        "the kickoff kit of "
    } else {
        ""
    };
    Ok(format!(
        "Exported {what}“{}” to {} ({}, {} bytes).\n",
        scene.map_name,
        args.out.display(),
        format.extension().to_uppercase(),
        bytes
    ))
}

/// Adds the map of an exported PNG/PDF/JSON to the document, as one undoable edit. A
/// write: refused, the file untouched, while another process (the app) has it open, with
/// a message naming the file and that process.
pub fn import(path: &Path, file: &Path) -> Result<String, String> {
    let mut store = Store::open(path).map_err(|e| e.to_string())?;
    let import = super::import::prepare(file, store.document()).map_err(|e| e.to_string())?;
    store.apply(&import.edit).map_err(|e| e.to_string())?;
    Ok(format!(
        "Added map “{}” ({} cards) from {} to {}.\n",
        import.map_name,
        import.cards,
        file.display(),
        path.display()
    ))
}

pub(super) fn find_map(
    doc: &Document,
    wanted: Option<&str>,
    path: &Path,
) -> Result<String, String> {
    let names = || {
        doc.maps
            .iter()
            .map(|m| format!("“{}”", m.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(wanted) = wanted else {
        return doc
            .maps
            .first()
            .map(|m| m.id.clone())
            .ok_or_else(|| format!("{} holds no map to export", path.display()));
    };
    if let Some(m) = doc.maps.iter().find(|m| m.id == wanted) {
        return Ok(m.id.clone());
    }
    let matching: Vec<_> = doc
        .maps
        .iter()
        .filter(|m| m.name.trim().eq_ignore_ascii_case(wanted.trim()))
        .collect();
    match matching.as_slice() {
        [m] => Ok(m.id.clone()),
        [] => Err(format!(
            "{} has no map named “{wanted}” (its maps: {})",
            path.display(),
            names()
        )),
        _ => Err(format!(
            "{} has {} maps named “{wanted}”; pass the map's id instead",
            path.display(),
            matching.len()
        )),
    }
}

fn format_from_extension(out: &Path) -> Result<ExportFormat, String> {
    let ext = out.extension().and_then(|e| e.to_str()).unwrap_or_default();
    parse_format(ext).map_err(|_| {
        format!(
            "cannot tell the format from {}: pass --format png, pdf, svg, json or csv",
            out.display()
        )
    })
}

fn parse_format(s: &str) -> Result<ExportFormat, String> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase()))
        .map_err(|_| format!("unknown format “{s}” (png, pdf, svg, json or csv)"))
}

/// `--page`'s and `--tile`'s values: the names of the one paper table (as the files and
/// the Export dialog name the sizes), listed by `--help` and in clap's error for another.
fn paper_sizes() -> impl clap::builder::TypedValueParser<Value = PaperSize> {
    use clap::builder::TypedValueParser;
    let names: Vec<clap::builder::PossibleValue> = PAPER_SIZES
        .iter()
        .filter_map(|p| serde_json::to_value(p.size).ok())
        .filter_map(|v| {
            v.as_str()
                .map(|name| clap::builder::PossibleValue::new(name.to_string()))
        })
        .collect();
    // `ignore_case` lets "A4" through as typed; the table's names are lower case.
    clap::builder::PossibleValuesParser::new(names).map(|name| {
        serde_json::from_value(serde_json::Value::String(name.to_ascii_lowercase()))
            .expect("a name from the paper table names a paper size")
    })
}
