//! The Export dialog's commands, and importing exported files.

use std::path::PathBuf;

use base64::Engine;
use tauri::{Manager, Runtime, WebviewWindow};
use waymark_render::export::{
    info_for, preview, today, ExportFormat, ExportOptions, PaperSize, Preview,
};

use super::jobs::{ExportJobs, Snapshot};
use super::types::{ExportPreview, ImportResult};
use crate::error::AppError;
use crate::state::{lock, DocumentExt, WaymarkExt};

/// The native Save dialog's title (the end-to-end test finds the window by it).
pub const SAVE_DIALOG_TITLE: &str = "Export map";

/// The preview's longer side, in pixels (the dialog shows it at half that on HiDPI).
const PREVIEW_PX: u32 = 480;

/// The dialog's last choices, or the defaults.
#[tauri::command]
pub async fn export_settings<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<ExportOptions, AppError> {
    Ok(lock(&window.waymark().settings)
        .export
        .clone()
        .unwrap_or_default())
}

#[tauri::command]
pub async fn export_preview<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
    options: ExportOptions,
) -> Result<ExportPreview, AppError> {
    // The appendix's and the kickoff kit's pages are counted from the document's
    // channels, passion points and (the kit's) voting rounds.
    let appendix = (options.appendix || options.kit) && options.format == ExportFormat::Pdf;
    let snapshot = snapshot(&window, &map_id, appendix)?;
    let shown = tauri::async_runtime::spawn_blocking(move || {
        let shown = preview(
            &snapshot.doc,
            &snapshot.scene,
            &options,
            &snapshot.info,
            PREVIEW_PX,
        )?;
        Ok::<_, waymark_render::export::ExportError>((page_label(&options, &shown), shown))
    })
    .await
    .map_err(|e| AppError::Export(e.to_string()))?;
    let (label, shown) = shown?;
    Ok(ExportPreview {
        data_url: format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&shown.png)
        ),
        pages: shown.pages,
        page_label: label,
    })
}

/// Starts the export in the background; progress and the end arrive as events.
#[tauri::command]
pub async fn export_start<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
    options: ExportOptions,
    path: String,
) -> Result<u32, AppError> {
    if path.trim().is_empty() {
        return Err(AppError::Export("no file was chosen to export to".into()));
    }
    let snapshot = snapshot(&window, &map_id, true)?;
    remember(&window, &options);
    Ok(window
        .state::<ExportJobs>()
        .start(&window, snapshot, options, PathBuf::from(path)))
}

#[tauri::command]
pub async fn export_cancel<R: Runtime>(
    window: WebviewWindow<R>,
    job_id: u32,
) -> Result<(), AppError> {
    window.state::<ExportJobs>().cancel(job_id);
    Ok(())
}

/// The native Save dialog for an export; `None` if the user cancelled.
#[tauri::command]
pub async fn choose_export_path<R: Runtime>(
    window: WebviewWindow<R>,
    format: ExportFormat,
    suggested_name: String,
) -> Result<Option<String>, AppError> {
    let ext = format.extension();
    let dialog = crate::dialogs::file_dialog(&window)
        .add_filter(ext.to_uppercase(), &[ext])
        .set_title(SAVE_DIALOG_TITLE)
        .set_file_name(suggested_name);
    let picked = crate::dialogs::pick(dialog, true).await;
    Ok(picked.map(|p| {
        let p = if p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
            p
        } else {
            let mut s = p.into_os_string();
            s.push(format!(".{ext}"));
            PathBuf::from(s)
        };
        p.display().to_string()
    }))
}

/// Opens the file manager on the folder holding `path`. (`window` is unused: every command
/// takes the window first, as the contract's signature check expects.)
#[tauri::command]
pub async fn reveal_in_folder<R: Runtime>(
    _window: WebviewWindow<R>,
    path: String,
) -> Result<(), AppError> {
    let path = PathBuf::from(path);
    if !path.exists() {
        return Err(AppError::Export(format!(
            "{} no longer exists",
            path.display()
        )));
    }
    let spawned = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
            .arg("-R")
            .arg(&path)
            .spawn()
    } else if cfg!(windows) {
        std::process::Command::new("explorer")
            .arg(format!("/select,{}", path.display()))
            .spawn()
    } else {
        let folder = path.parent().unwrap_or(&path).to_path_buf();
        std::process::Command::new("xdg-open").arg(folder).spawn()
    };
    spawned
        .map(|_| ())
        .map_err(|e| AppError::Export(format!("cannot open the file manager: {e}")))
}

/// Adds the map in an exported PNG/PDF/JSON to the open document (one undo step).
#[tauri::command]
pub async fn import_file<R: Runtime>(
    window: WebviewWindow<R>,
    path: String,
) -> Result<ImportResult, AppError> {
    crate::actions::import(&window, &PathBuf::from(path))
}

/// The document and the map's Scene as they are now.
fn snapshot<R: Runtime>(
    window: &WebviewWindow<R>,
    map_id: &str,
    whole_document: bool,
) -> Result<Snapshot, AppError> {
    let state = window.document();
    state.with_store(|store| {
        let doc = store.document();
        let scene = lock(&state.layouter).layout(doc, map_id)?;
        let info = info_for(doc, &scene, &super::author(), &today());
        let doc = if whole_document {
            doc.clone()
        } else {
            waymark_model::Document::default()
        };
        Ok(Snapshot { doc, scene, info })
    })
}

fn remember<R: Runtime>(window: &WebviewWindow<R>, options: &ExportOptions) {
    let state = window.waymark();
    let mut settings = lock(&state.settings);
    settings.export = Some(options.clone());
    if let Err(e) = settings.save(&state.dirs) {
        eprintln!("waymark: {e}");
    }
}

/// The page as the dialog names it. Sizes come from the composed first page (`shown`), so a
/// "fit to content" page counts the title block, legend and margins, and a PNG's pixels
/// are the ones `write_png` will write.
fn page_label(options: &ExportOptions, shown: &Preview) -> String {
    use waymark_render::export::{Orientation, PT_PER_MM};
    let pixels = shown
        .pixels
        .map(|(w, h)| format!("{w} × {h} px at {} dpi", options.dpi));
    let name = match options.page {
        PaperSize::Fit => {
            let mm = |pt: f32| (pt / PT_PER_MM).round();
            return match pixels {
                Some(px) => format!("Fit to content · {px}"),
                None => format!(
                    "Fit to content · {} × {} mm",
                    mm(shown.width_pt),
                    mm(shown.height_pt)
                ),
            };
        }
        page => page.label(),
    };
    let (w, h) = options.page.portrait_mm().unwrap_or((0.0, 0.0));
    let (w, h, o) = match options.orientation {
        Orientation::Portrait => (w, h, "portrait"),
        Orientation::Landscape => (h, w, "landscape"),
    };
    let mut label = format!("{name} {o} · {w:.0} × {h:.0} mm");
    if let Some(px) = pixels {
        label.push_str(&format!(" · {px}"));
    }
    label
}
