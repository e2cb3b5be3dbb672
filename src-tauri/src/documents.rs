//! Opening, creating and saving documents, for `actions.rs`, `windows.rs` and startup.
//! Each flow puts a `Store` in one window's slot, remembers the file among the recent and
//! the open ones and retitles that window (`actions.rs` then rebuilds the Open Recent
//! menu).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};
use waymark_store::Store;

use crate::error::AppError;
use crate::state::{document_name, lock, remembered_path, DocumentState, WaymarkExt, MAIN_WINDOW};
use crate::templates;

/// Opens `path` in the window `label`, replacing what it showed.
pub fn open<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    path: &Path,
) -> Result<DocumentState, AppError> {
    let store = Store::open(path)?;
    crate::memory::give_back_when_idle();
    install(app, label, store)
}

/// Creates `path` from a template and opens it in the window `label`.
pub fn create<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    path: &Path,
    template: &str,
) -> Result<DocumentState, AppError> {
    let doc = templates::template(template)?;
    let store = Store::create(path, &doc)?;
    install(app, label, store)
}

/// Copies the window's document to `dest` and continues there (like every desktop app's
/// Save As).
pub fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    dest: &Path,
) -> Result<DocumentState, AppError> {
    let window = app.waymark().window(label);
    window.with_store(|store| Ok(store.save_as(dest)?))?;
    // The old file's store is closed before the copy is opened.
    *lock(&window.store) = None;
    open(app, label, dest)
}

fn install<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    store: Store,
) -> Result<DocumentState, AppError> {
    let state = app.waymark();
    let path = remembered_path(store.path());
    let doc_state = DocumentState::of(&store);
    let window = state.window(label);
    *lock(&window.store) = Some(store);
    // Scenes sent for the window's previous document are of no use any more.
    *lock(&window.scenes) = Default::default();
    {
        let mut settings = lock(&state.settings);
        settings.remember(&path);
        if let Err(e) = settings.save(&state.dirs) {
            eprintln!("waymark: {e}");
        }
    }
    state.remember_open_documents();
    retitle(app, label, &path);
    Ok(doc_state)
}

pub fn title(path: &Path) -> String {
    format!("{} — Waymark", document_name(path))
}

fn retitle<R: Runtime>(app: &AppHandle<R>, label: &str, path: &Path) {
    if let Some(window) = app.get_webview_window(label) {
        let _ = window.set_title(&title(path));
    }
}

/// The documents the app opens on: the file named on the command line (an exported
/// PNG/PDF/JSON is added to the last document), else the documents open when it last quit,
/// else the last document used, else the default document (created from the sample on the
/// first launch). A file that fails to open is reported and the next choice is tried, so
/// the app always opens on a map. Answers each window's label and document, `main` first.
pub fn open_at_startup<R: Runtime>(
    app: &AppHandle<R>,
    requested: Option<PathBuf>,
) -> Result<Vec<(String, DocumentState)>, AppError> {
    let state = app.waymark();
    let mut problems = Vec::new();
    let mut opened: Vec<(String, DocumentState)> = Vec::new();
    let mut try_open = |path: &Path, opened: &mut Vec<(String, DocumentState)>| {
        let label = if opened.is_empty() {
            MAIN_WINDOW.to_string()
        } else {
            state.new_window_label()
        };
        match open(app, &label, path) {
            Ok(s) => opened.push((label, s)),
            Err(e) => {
                if label != MAIN_WINDOW {
                    state.forget_window(&label);
                }
                problems.push(e)
            }
        }
    };
    let import = match requested {
        Some(path) if crate::export::import::is_importable(&path) => Some(path),
        Some(path) => {
            // Tried even if missing, so that its problem is shown.
            try_open(&path, &mut opened);
            None
        }
        None => None,
    };
    if opened.is_empty() {
        let (open_documents, last) = {
            let settings = lock(&state.settings);
            (
                settings.open_documents.clone(),
                settings.last_document.clone(),
            )
        };
        let mut seen = Vec::new();
        for path in open_documents.into_iter().chain(last) {
            let key = remembered_path(&path);
            if path.exists() && !seen.contains(&key) {
                seen.push(key);
                try_open(&path, &mut opened);
            }
        }
    }
    if opened.is_empty() {
        let result = (|| {
            let default = state.dirs.default_document();
            if default.exists() {
                return open(app, MAIN_WINDOW, &default);
            }
            std::fs::create_dir_all(&state.dirs.data).map_err(|e| {
                AppError::Settings(format!("cannot create {}: {e}", state.dirs.data.display()))
            })?;
            create(app, MAIN_WINDOW, &default, templates::SAMPLE)
        })();
        opened.push((MAIN_WINDOW.to_string(), result?));
    }
    if let Some(path) = import {
        match crate::actions::import_into(app, MAIN_WINDOW, &path) {
            Ok(result) => opened[0].1 = result.state,
            Err(e) => problems.push(e),
        }
    }
    lock(&state.window(MAIN_WINDOW).startup_messages).extend(problems.iter().map(|e| {
        eprintln!("waymark: {e}");
        e.payload()
    }));
    Ok(opened)
}
