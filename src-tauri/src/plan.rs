//! The strategist's commands: the report behind the Channels, Passion points, Loops and
//! Vulnerabilities views, monthly performance data from CSV, and persona photos. Every
//! change is one `Edit` through the store, so each is one undo step.

use std::path::{Path, PathBuf};

use tauri::{Runtime, WebviewWindow};
use waymark_model::{read_performance_csv, Edit, PerformanceImport, PersonaPatch, StrategyReport};

use crate::error::AppError;
use crate::state::{DocumentExt, DocumentState};

/// A performance CSV larger than this is not monthly figures.
const MAX_CSV_BYTES: u64 = 10 * 1024 * 1024;

/// Statuses, hand-offs, loops and vulnerabilities of the open document.
#[tauri::command]
pub async fn strategy_report<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<StrategyReport, AppError> {
    window
        .document()
        .with_store(|store| Ok(waymark_model::strategy_report(store.document())))
}

/// What importing `path` would do: the rows (with the values they replace) or every
/// problem by line and column. Changes nothing.
#[tauri::command]
pub async fn preview_performance_csv<R: Runtime>(
    window: WebviewWindow<R>,
    path: String,
) -> Result<PerformanceImport, AppError> {
    let bytes = read_csv(Path::new(&path))?;
    window
        .document()
        .with_store(|store| Ok(read_performance_csv(store.document(), &bytes)))
}

/// Imports `path` as one undo step, read again now so that the figures match the file
/// and the document as they are. Refused, with nothing changed, when any row is wrong.
#[tauri::command]
pub async fn import_performance_csv<R: Runtime>(
    window: WebviewWindow<R>,
    path: String,
) -> Result<DocumentState, AppError> {
    let bytes = read_csv(Path::new(&path))?;
    window.document().with_store(|store| {
        let import = read_performance_csv(store.document(), &bytes);
        let edit = checked_edit(&path, import)?;
        store.apply(&edit)?;
        Ok(DocumentState::of(store))
    })
}

/// The import's edit, or an error naming the file and its first problems.
pub fn checked_edit(path: &str, import: PerformanceImport) -> Result<Edit, AppError> {
    if let Some(first) = import.problems.first() {
        let more = match import.problems.len() {
            1 => String::new(),
            n => format!(" (and {} more problems)", n - 1),
        };
        let column = if first.column.is_empty() {
            String::new()
        } else {
            format!(", column {}", first.column)
        };
        return Err(AppError::Input(format!(
            "{path}: line {}{column}: {}{more}; nothing was imported",
            first.line, first.message
        )));
    }
    import
        .edit
        .ok_or_else(|| AppError::Input(format!("{path}: has no rows to import")))
}

/// The file's bytes, as they are: the reader decodes them, so that a UTF-16 file or one
/// in a legacy encoding is named as such, by line, with how to save it as UTF-8.
fn read_csv(path: &Path) -> Result<Vec<u8>, AppError> {
    let name = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| AppError::Input(format!("{name}: cannot be read ({e})")))?;
    if meta.is_dir() {
        return Err(AppError::Input(format!(
            "{name}: is a folder, not a CSV file"
        )));
    }
    if meta.len() > MAX_CSV_BYTES {
        return Err(AppError::Input(format!(
            "{name}: is {:.1} MiB; a performance CSV may be at most {} MiB",
            meta.len() as f64 / 1024.0 / 1024.0,
            MAX_CSV_BYTES / 1024 / 1024
        )));
    }
    std::fs::read(path).map_err(|e| AppError::Input(format!("{name}: cannot be read ({e})")))
}

/// Sets a persona's photo from an image file, as one undo step.
#[tauri::command]
pub async fn set_persona_photo<R: Runtime>(
    window: WebviewWindow<R>,
    persona_id: String,
    path: String,
) -> Result<DocumentState, AppError> {
    // Decoding happens before the store is locked: a large photo does not block edits.
    let photo = crate::photo::read_photo(Path::new(&path))?;
    window.document().with_store(|store| {
        store
            .document()
            .personas
            .iter()
            .find(|p| p.id == persona_id)
            .ok_or_else(|| {
                AppError::Input(format!("there is no persona with id {persona_id:?}"))
            })?;
        // Only the photo: a field-level edit never carries what it does not change.
        let props = PersonaPatch {
            photo: Some(Some(photo)),
            ..Default::default()
        };
        store.apply(&Edit::UpdatePersona { persona_id, props })?;
        Ok(DocumentState::of(store))
    })
}

/// The native Open dialog for a file of the given kind (`csv` or `image`).
#[tauri::command]
pub async fn choose_input_file<R: Runtime>(
    window: WebviewWindow<R>,
    kind: String,
) -> Result<Option<String>, AppError> {
    let (title, label, exts): (&str, &str, &[&str]) = match kind.as_str() {
        "csv" => ("Import performance data", "CSV", &["csv", "txt"]),
        "image" => (
            "Choose a photo",
            "Images",
            &["png", "jpg", "jpeg", "webp", "gif", "bmp"],
        ),
        other => return Err(AppError::Input(format!("unknown kind of file {other:?}"))),
    };
    let dialog = crate::dialogs::file_dialog(&window)
        .add_filter(label, exts)
        .set_title(title);
    Ok(crate::dialogs::pick(dialog, false)
        .await
        .map(|p: PathBuf| p.display().to_string()))
}
