//! What a user can do to the document from the native menu or the window: open, create,
//! save as, import, undo and redo. The commands and the menu call these same functions;
//! the commands answer the result, the menu announces it through the contract's events
//! (`document-changed`, `map-imported`, `app-error`).

use std::path::Path;

use tauri::menu::MenuEvent;
use tauri::{AppHandle, Runtime};

use crate::contract::emit;
use crate::error::AppError;
use crate::export::ImportResult;
use crate::state::{lock, DocumentState, WaymarkExt};
use crate::{dialogs, documents, menu, templates};

/// What File > Open did with the chosen file.
pub enum Opened {
    /// A document: it is now the open one.
    Document(DocumentState),
    /// An exported PNG/PDF/JSON: its map was added to the open document.
    Imported(ImportResult),
}

/// File > Open…: asks for a file and opens or imports it; `None` if cancelled.
pub async fn open_dialog<R: Runtime>(app: &AppHandle<R>) -> Result<Option<Opened>, AppError> {
    match dialogs::document_to_open(app).await {
        Some(path) => open_or_import(app, &path).map(Some),
        None => Ok(None),
    }
}

/// A document is opened; an exported PNG/PDF/JSON adds its map to the open document.
pub fn open_or_import<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<Opened, AppError> {
    if crate::export::import::is_importable(path) {
        import(app, path).map(Opened::Imported)
    } else {
        open(app, path).map(Opened::Document)
    }
}

/// Opens `path` as the current document.
pub fn open<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<DocumentState, AppError> {
    recent_changed(app, documents::open(app, path))
}

/// File > New…: asks where, then creates a blank document there.
pub async fn new_document<R: Runtime>(
    app: &AppHandle<R>,
) -> Result<Option<DocumentState>, AppError> {
    match dialogs::new_document_path(app).await {
        Some(path) => {
            recent_changed(app, documents::create(app, &path, templates::BLANK)).map(Some)
        }
        None => Ok(None),
    }
}

/// File > Save As…: asks where, then copies the document there and continues in it.
pub async fn save_as<R: Runtime>(app: &AppHandle<R>) -> Result<Option<DocumentState>, AppError> {
    match dialogs::save_as_path(app).await {
        Some(path) => recent_changed(app, documents::save_as(app, &path)).map(Some),
        None => Ok(None),
    }
}

/// Adds the map in an exported PNG/PDF/JSON to the open document (one undo step).
pub fn import<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<ImportResult, AppError> {
    app.waymark().with_store(|store| {
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

pub fn undo<R: Runtime>(app: &AppHandle<R>) -> Result<DocumentState, AppError> {
    app.waymark().with_store(|store| {
        store.undo()?;
        Ok(DocumentState::of(store))
    })
}

pub fn redo<R: Runtime>(app: &AppHandle<R>) -> Result<DocumentState, AppError> {
    app.waymark().with_store(|store| {
        store.redo()?;
        Ok(DocumentState::of(store))
    })
}

/// The native menu's items, each running its action and telling the window.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    // The dialogs answer on the main thread, which runs this handler: wait elsewhere.
    let app2 = app.clone();
    match id {
        menu::NEW => {
            tauri::async_runtime::spawn(async move { announce(&app2, new_document(&app2).await) });
        }
        menu::OPEN => {
            tauri::async_runtime::spawn(
                async move { announce_opened(&app2, open_dialog(&app2).await) },
            );
        }
        menu::IMPORT => {
            tauri::async_runtime::spawn(async move {
                if let Some(path) = dialogs::export_to_import(&app2).await {
                    let imported = import(&app2, &path).map(|r| Some(Opened::Imported(r)));
                    announce_opened(&app2, imported);
                }
            });
        }
        menu::SAVE_AS => {
            tauri::async_runtime::spawn(async move { announce(&app2, save_as(&app2).await) });
        }
        menu::EXPORT => emit::open_export_dialog(app, ()),
        menu::QUIT => app.exit(0),
        menu::UNDO => announce(app, undo(app).map(Some)),
        menu::REDO => announce(app, redo(app).map(Some)),
        _ => {
            if let Some(i) = menu::recent_index(id) {
                let path = lock(&app.waymark().settings).recent.get(i).cloned();
                if let Some(path) = path {
                    announce(app, open(app, &path).map(Some));
                }
            }
        }
    }
}

/// Tells the window the document changed behind its back (a menu action); nothing when
/// the user cancelled.
pub fn announce<R: Runtime>(app: &AppHandle<R>, result: Result<Option<DocumentState>, AppError>) {
    match result {
        Ok(Some(state)) => emit::document_changed(app, state),
        Ok(None) => {}
        Err(e) => report(app, &e),
    }
}

/// As [`announce`], for File > Open and Import Map…, which may add a map instead.
pub fn announce_opened<R: Runtime>(app: &AppHandle<R>, result: Result<Option<Opened>, AppError>) {
    match result {
        Ok(Some(Opened::Document(state))) => emit::document_changed(app, state),
        Ok(Some(Opened::Imported(result))) => emit::map_imported(app, result),
        Ok(None) => {}
        Err(e) => report(app, &e),
    }
}

/// A problem outside of a command's answer: logged, and shown by the window.
pub fn report<R: Runtime>(app: &AppHandle<R>, e: &AppError) {
    eprintln!("waymark: {e}");
    emit::app_error(app, e.payload());
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
