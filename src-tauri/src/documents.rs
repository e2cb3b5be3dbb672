//! Opening, creating and saving documents, for `actions.rs` and startup. Each flow swaps
//! the open `Store`, remembers the file among the recent ones and retitles the window
//! (`actions.rs` then rebuilds the Open Recent menu).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};
use waymark_store::Store;

use crate::error::AppError;
use crate::state::{document_name, lock, remembered_path, DocumentState, WaymarkExt};
use crate::templates;

/// Opens `path` as the current document.
pub fn open<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<DocumentState, AppError> {
    let store = Store::open(path)?;
    install(app, store)
}

/// Creates `path` from a template and opens it.
pub fn create<R: Runtime>(
    app: &AppHandle<R>,
    path: &Path,
    template: &str,
) -> Result<DocumentState, AppError> {
    let doc = templates::template(template)?;
    let store = Store::create(path, &doc)?;
    install(app, store)
}

/// Copies the open document to `dest` and continues there (like every desktop app's Save As).
pub fn save_as<R: Runtime>(app: &AppHandle<R>, dest: &Path) -> Result<DocumentState, AppError> {
    app.waymark().with_store(|store| Ok(store.save_as(dest)?))?;
    open(app, dest)
}

fn install<R: Runtime>(app: &AppHandle<R>, store: Store) -> Result<DocumentState, AppError> {
    let state = app.waymark();
    let path = remembered_path(store.path());
    let doc_state = DocumentState::of(&store);
    *lock(&state.store) = Some(store);
    {
        let mut settings = lock(&state.settings);
        settings.remember(&path);
        if let Err(e) = settings.save(&state.dirs) {
            eprintln!("waymark: {e}");
        }
    }
    retitle(app, &path);
    Ok(doc_state)
}

pub fn retitle<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    if let Some(window) = app.get_webview_window(crate::app::MAIN_WINDOW) {
        let _ = window.set_title(&format!("{} — Waymark", document_name(path)));
    }
}

/// Which document the window opens on: the file named on the command line, else the
/// last document used, else the default document (created from the sample on the first
/// launch). A file that fails to open is reported and the next choice is tried, so the
/// app always opens on a map.
pub fn open_at_startup<R: Runtime>(
    app: &AppHandle<R>,
    requested: Option<PathBuf>,
) -> Result<DocumentState, AppError> {
    let state = app.waymark();
    let mut problems = Vec::new();
    if let Some(path) = requested {
        match open(app, &path) {
            Ok(s) => return Ok(s),
            Err(e) => problems.push(e),
        }
    }
    let last = lock(&state.settings).last_document.clone();
    let result = (|| {
        if let Some(path) = last.filter(|p| p.exists()) {
            match open(app, &path) {
                Ok(s) => return Ok(s),
                Err(e) => problems.push(e),
            }
        }
        let default = state.dirs.default_document();
        if default.exists() {
            return open(app, &default);
        }
        std::fs::create_dir_all(&state.dirs.data).map_err(|e| {
            AppError::Settings(format!("cannot create {}: {e}", state.dirs.data.display()))
        })?;
        create(app, &default, templates::SAMPLE)
    })();
    lock(&state.startup_messages).extend(problems.iter().map(|e| {
        eprintln!("waymark: {e}");
        e.payload()
    }));
    result
}
