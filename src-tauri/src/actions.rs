//! What a user can do to a window's document from the native menu or the window: open,
//! create (from the gallery's template), save as, import, undo and redo, and open another window. The commands and the
//! menu call these same functions; the commands answer the result, the menu announces it
//! to the window it was chosen in through the contract's events (`document-changed`,
//! `map-imported`, `app-error`).

use std::path::Path;
use std::sync::atomic::Ordering;

use tauri::menu::MenuEvent;
use tauri::{AppHandle, Manager, Runtime, WebviewWindow};

use crate::contract::emit;
use crate::error::AppError;
use crate::export::ImportResult;
use crate::state::{lock, DocumentExt, DocumentState, WaymarkExt};
use crate::{dialogs, documents, menu, windows};

/// What File > Open did with the chosen file.
pub enum Opened {
    /// A document: it is now the window's document.
    Document(DocumentState),
    /// An exported PNG/PDF/JSON: its map was added to the window's document.
    Imported(ImportResult),
    /// The document is shown in another window, which came forward.
    Elsewhere,
}

/// File > Open…: asks for a file and opens or imports it; `None` if cancelled.
pub async fn open_dialog<R: Runtime>(
    window: &WebviewWindow<R>,
) -> Result<Option<Opened>, AppError> {
    match dialogs::document_to_open(window).await {
        Some(path) => open_or_import(window, &path).map(Some),
        None => Ok(None),
    }
}

/// A document is opened; an exported PNG/PDF/JSON adds its map to the window's document.
pub fn open_or_import<R: Runtime>(
    window: &WebviewWindow<R>,
    path: &Path,
) -> Result<Opened, AppError> {
    if crate::export::import::is_importable(path) {
        import(window, path).map(Opened::Imported)
    } else {
        open(window, path)
    }
}

/// Opens `path` in `window`, unless another window shows it: that one comes forward.
pub fn open<R: Runtime>(window: &WebviewWindow<R>, path: &Path) -> Result<Opened, AppError> {
    let app = window.app_handle();
    match app.waymark().window_showing(path) {
        Some(label) if label == window.label() => {
            Ok(Opened::Document(window.document().document_state()?))
        }
        Some(label) => {
            windows::bring_forward(app, &label);
            Ok(Opened::Elsewhere)
        }
        None => {
            recent_changed(app, documents::open(app, window.label(), path)).map(Opened::Document)
        }
    }
}

/// Creates `path` from `template` and shows it in `window`.
pub fn create<R: Runtime>(
    window: &WebviewWindow<R>,
    path: &Path,
    template: &str,
) -> Result<DocumentState, AppError> {
    let app = window.app_handle();
    recent_changed(app, documents::create(app, window.label(), path, template))
}

/// File > Open in New Window…: asks for a document and opens it in a window of its own.
pub async fn open_in_new_window<R: Runtime>(window: &WebviewWindow<R>) -> Result<(), AppError> {
    if let Some(path) = dialogs::document_for_new_window(window).await {
        windows::open_in_new_window(window.app_handle(), &path)?;
    }
    Ok(())
}

/// File > Save As…: asks where, then copies the document there and continues in it.
pub async fn save_as<R: Runtime>(
    window: &WebviewWindow<R>,
) -> Result<Option<DocumentState>, AppError> {
    match dialogs::save_as_path(window).await {
        Some(path) => {
            let app = window.app_handle();
            if app.waymark().window_showing(&path).is_some() {
                return Err(AppError::Input(format!(
                    "{} is open in another window; close it there first",
                    path.display()
                )));
            }
            recent_changed(app, documents::save_as(app, window.label(), &path)).map(Some)
        }
        None => Ok(None),
    }
}

/// Adds the map in an exported PNG/PDF/JSON to the window's document (one undo step).
pub fn import<R: Runtime>(
    window: &WebviewWindow<R>,
    path: &Path,
) -> Result<ImportResult, AppError> {
    import_into(window.app_handle(), window.label(), path)
}

/// As [`import`], into the document of the window `label` (which may not be built yet).
pub fn import_into<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    path: &Path,
) -> Result<ImportResult, AppError> {
    app.waymark().window(label).with_store(|store| {
        let import = crate::export::import::prepare(path, store.document())?;
        store.apply(&import.edit)?;
        Ok(ImportResult {
            map_id: import.map_id,
            map_name: import.map_name,
            cards: import.cards as u32,
            state: DocumentState::of(store),
        })
    })
}

pub fn undo<R: Runtime>(window: &WebviewWindow<R>) -> Result<DocumentState, AppError> {
    window.document().with_store(|store| {
        store.undo()?;
        crate::memory::give_back_when_idle();
        Ok(DocumentState::of(store))
    })
}

pub fn redo<R: Runtime>(window: &WebviewWindow<R>) -> Result<DocumentState, AppError> {
    window.document().with_store(|store| {
        store.redo()?;
        crate::memory::give_back_when_idle();
        Ok(DocumentState::of(store))
    })
}

/// The native menu's items, each running its action on the window it was chosen in.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let Some((action, label)) = menu::parse(event.id().as_ref()) else {
        return;
    };
    let Some(window) = app.get_webview_window(label) else {
        return;
    };
    // The dialogs answer on the main thread, which runs this handler: wait elsewhere.
    let w = window.clone();
    match action {
        // The window shows its template gallery, which creates the document.
        menu::NEW => emit::open_template_gallery(&window, ()),
        menu::OPEN => {
            tauri::async_runtime::spawn(async move { announce_opened(&w, open_dialog(&w).await) });
        }
        menu::OPEN_IN_NEW_WINDOW => {
            tauri::async_runtime::spawn(async move {
                if let Err(e) = open_in_new_window(&w).await {
                    report(&w, &e);
                }
            });
        }
        menu::IMPORT => {
            tauri::async_runtime::spawn(async move {
                if let Some(path) = dialogs::export_to_import(&w).await {
                    let imported = import(&w, &path).map(|r| Some(Opened::Imported(r)));
                    announce_opened(&w, imported);
                }
            });
        }
        menu::SAVE_AS => {
            tauri::async_runtime::spawn(async move { announce(&w, save_as(&w).await) });
        }
        menu::EXPORT => emit::open_export_dialog(&window, ()),
        menu::EXPORT_SUMMARY => emit::open_workshop_summary(&window, ()),
        menu::WORKSHOP => emit::open_workshop(&window, ()),
        menu::CLOSE_WINDOW => {
            let _ = window.close();
        }
        menu::QUIT => {
            app.waymark().quitting.store(true, Ordering::Relaxed);
            app.exit(0)
        }
        menu::UNDO => announce(&window, undo(&window).map(Some)),
        menu::REDO => announce(&window, redo(&window).map(Some)),
        _ => {
            if let Some(i) = menu::recent_index(action) {
                let path = lock(&app.waymark().settings).recent.get(i).cloned();
                if let Some(path) = path {
                    announce_opened(&window, open(&window, &path).map(Some));
                }
            }
        }
    }
}

/// Tells the window its document changed behind its back (a menu action); nothing when
/// the user cancelled.
pub fn announce<R: Runtime>(
    window: &WebviewWindow<R>,
    result: Result<Option<DocumentState>, AppError>,
) {
    match result {
        Ok(Some(state)) => emit::document_changed(window, state),
        Ok(None) => {}
        Err(e) => report(window, &e),
    }
}

/// As [`announce`], for File > Open and Import Map…, which may add a map instead.
pub fn announce_opened<R: Runtime>(
    window: &WebviewWindow<R>,
    result: Result<Option<Opened>, AppError>,
) {
    match result {
        Ok(Some(Opened::Document(state))) => emit::document_changed(window, state),
        Ok(Some(Opened::Imported(result))) => emit::map_imported(window, result),
        Ok(Some(Opened::Elsewhere)) | Ok(None) => {}
        Err(e) => report(window, &e),
    }
}

/// A problem outside of a command's answer: logged, and shown by the window.
pub fn report<R: Runtime>(window: &WebviewWindow<R>, e: &AppError) {
    eprintln!("waymark: {e}");
    emit::app_error(window, e.payload());
}

/// After a document was opened, created or saved as: Open Recent lists it.
fn recent_changed<R: Runtime>(
    app: &AppHandle<R>,
    result: Result<DocumentState, AppError>,
) -> Result<DocumentState, AppError> {
    if result.is_ok() {
        let recent = lock(&app.waymark().settings).recent.clone();
        menu::refresh_recent(app, &recent);
    }
    result
}
