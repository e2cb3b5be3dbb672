//! The workshop summary (issue 13, "after the workshop"): File › Export Workshop
//! Summary… asks the window for its map, which chooses a file (`choose_summary_path`) and
//! writes it (`export_workshop_summary`); and `waymark export --summary` does the same
//! with no display. The format comes from the file's extension: `.md` or `.pdf`.

use std::path::{Path, PathBuf};

use tauri::{Runtime, WebviewWindow};
use waymark_model::Document;
use waymark_render::export::{export_summary_to_file, today, ExportInfo, SummaryFormat};
use waymark_store::Store;

use super::cli::ExportArgs;
use crate::error::AppError;
use crate::state::DocumentExt;

/// The Save dialog's title (the end-to-end test finds the window by it).
pub const SAVE_DIALOG_TITLE: &str = "Export workshop summary";

/// Writes the workshop summary of map `map_id` to `path`, as Markdown or PDF by its
/// extension. Nothing is written when the map or the extension is wrong; the file is
/// written beside `path` and renamed into place when complete.
#[tauri::command]
pub async fn export_workshop_summary<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
    path: String,
) -> Result<(), AppError> {
    if path.trim().is_empty() {
        return Err(AppError::Export(
            "no file was chosen for the workshop summary".into(),
        ));
    }
    let path = PathBuf::from(path);
    // Refused before anything is read or written.
    SummaryFormat::from_path(&path).map_err(|e| AppError::Export(e.to_string()))?;
    let doc = window.document().with_store(|store| {
        let doc = store.document();
        if doc.map(&map_id).is_none() {
            return Err(AppError::Input(format!(
                "the document has no map {map_id:?}"
            )));
        }
        Ok(doc.clone())
    })?;
    tauri::async_runtime::spawn_blocking(move || write(&doc, &map_id, &path).map(|_| ()))
        .await
        .map_err(|e| AppError::Export(e.to_string()))?
}

/// The native Save dialog for the summary, suggesting `suggested_name`; PDF unless the
/// name chosen ends in `.md`. `None` if the user cancelled.
#[tauri::command]
pub async fn choose_summary_path<R: Runtime>(
    window: WebviewWindow<R>,
    suggested_name: String,
) -> Result<Option<String>, AppError> {
    let dialog = crate::dialogs::file_dialog(&window)
        .add_filter("PDF", &["pdf"])
        .add_filter("Markdown", &["md"])
        .set_title(SAVE_DIALOG_TITLE)
        .set_file_name(suggested_name);
    let picked = crate::dialogs::pick(dialog, true).await;
    Ok(picked.map(|p| with_summary_extension(p).display().to_string()))
}

/// A name without `.pdf` or `.md` gets `.pdf`.
fn with_summary_extension(path: PathBuf) -> PathBuf {
    if SummaryFormat::from_path(&path).is_ok() {
        return path;
    }
    let mut s = path.into_os_string();
    s.push(".pdf");
    PathBuf::from(s)
}

/// `waymark export --summary FILE -o summary.md|summary.pdf [--map NAME]`.
pub fn cli(args: &ExportArgs) -> Result<String, String> {
    if args.format.is_some() {
        return Err(
            "--summary takes its format from --out's extension (.md or .pdf); leave out --format"
                .into(),
        );
    }
    let format = SummaryFormat::from_path(&args.out).map_err(|e| e.to_string())?;
    let doc = Store::read(&args.path).map_err(|e| e.to_string())?;
    let map_id = super::cli::find_map(&doc, args.map.as_deref(), &args.path)?;
    let bytes = write(&doc, &map_id, &args.out).map_err(|e| e.to_string())?;
    let name = doc.map(&map_id).map(|m| m.name.clone()).unwrap_or_default();
    Ok(format!(
        "Exported the workshop summary of “{name}” to {} ({}, {bytes} bytes).\n",
        args.out.display(),
        match format {
            SummaryFormat::Markdown => "Markdown",
            SummaryFormat::Pdf => "PDF",
        },
    ))
}

fn write(doc: &Document, map_id: &str, path: &Path) -> Result<u64, AppError> {
    let info = ExportInfo {
        title: String::new(),
        author: super::author(),
        persona: String::new(),
        date: today(),
    };
    export_summary_to_file(doc, map_id, &info, path)
        .map(|(_, bytes)| bytes)
        .map_err(|e| AppError::Export(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_name_gets_pdf_unless_it_says_markdown() {
        let p = |s: &str| {
            with_summary_extension(PathBuf::from(s))
                .display()
                .to_string()
        };
        assert_eq!(p("/tmp/summary"), "/tmp/summary.pdf");
        assert_eq!(p("/tmp/summary.md"), "/tmp/summary.md");
        assert_eq!(p("/tmp/Summary.PDF"), "/tmp/Summary.PDF");
        assert_eq!(p("/tmp/summary.txt"), "/tmp/summary.txt.pdf");
    }
}
