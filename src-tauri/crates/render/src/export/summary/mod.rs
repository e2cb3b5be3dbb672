//! The workshop summary export (issue 13, "after the workshop"): what
//! [`workshop_summary`] derives from a map, written as Markdown (`markdown.rs`) or as A4
//! PDF pages (`appendix/workshop_summary.rs`, on the appendix's page flow). Like every
//! export, the file is written beside its target and renamed over it when complete.

mod markdown;

use std::io::Write;
use std::path::Path;

use waymark_model::workshop::summary::workshop_summary;
use waymark_model::Document;

pub(super) use markdown::{counts, round_facts, winners_lead};
pub use markdown::{inline as markdown_inline, summary_markdown};

use super::{write_pdf, ExportError, ExportInfo};

/// The files a workshop summary is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    Markdown,
    Pdf,
}

impl SummaryFormat {
    /// The format a file name asks for: `.md` (or `.markdown`) or `.pdf`, in any case.
    pub fn from_path(path: &Path) -> Result<SummaryFormat, ExportError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Ok(SummaryFormat::Markdown),
            "pdf" => Ok(SummaryFormat::Pdf),
            _ => Err(ExportError::BadOptions(format!(
                "a workshop summary is written as Markdown (.md) or PDF (.pdf); {} is neither",
                path.display()
            ))),
        }
    }
}

/// The summary of map `map_id` of `doc` as the bytes of a `format` file. `info` gives the
/// date (and the PDF's author).
pub fn write_summary(
    doc: &Document,
    map_id: &str,
    format: SummaryFormat,
    info: &ExportInfo,
) -> Result<Vec<u8>, ExportError> {
    let summary = workshop_summary(doc, map_id)
        .ok_or_else(|| ExportError::Map(format!("the document has no map {map_id:?}")))?;
    match format {
        SummaryFormat::Markdown => Ok(summary_markdown(&summary, &info.date).into_bytes()),
        SummaryFormat::Pdf => {
            let pages = super::appendix::workshop_summary::summary_pages(&summary, info);
            let map = summary.map_name.trim();
            let info = ExportInfo {
                title: if map.is_empty() {
                    "Workshop summary".to_string()
                } else {
                    format!("Workshop summary: {map}")
                },
                ..info.clone()
            };
            write_pdf(&pages, &info, None, &mut |_| true)
        }
    }
}

/// [`write_summary`] into the file at `path`, its format from its extension, atomically:
/// nothing is written when the map or the extension is wrong, and a failed write leaves
/// no partial file. Returns the format and the file's size.
pub fn export_summary_to_file(
    doc: &Document,
    map_id: &str,
    info: &ExportInfo,
    path: &Path,
) -> Result<(SummaryFormat, u64), ExportError> {
    let format = SummaryFormat::from_path(path)?;
    let bytes = write_summary(doc, map_id, format, info)?;
    let io = |e: std::io::Error| ExportError::Io(format!("{}: {e}", path.display()));
    if path.is_dir() {
        return Err(ExportError::Io(format!("{} is a folder", path.display())));
    }
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            return Err(ExportError::Io(format!(
                "the folder {} does not exist",
                folder.display()
            )));
        }
    }
    let tmp = super::run::temporary_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp).map_err(io)?;
        file.write_all(&bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)?;
        Ok((format, bytes.len() as u64))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
