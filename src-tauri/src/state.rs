//! Managed state: the open document, the layouter and the app-level settings.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{Manager, Runtime};
use ts_rs::TS;
use waymark_model::MapSummary;
use waymark_render::Layouter;
use waymark_store::Store;

use crate::error::{AppError, ErrorPayload};
use crate::settings::{AppDirs, Settings};

pub struct AppState {
    pub dirs: AppDirs,
    pub store: Mutex<Option<Store>>,
    pub layouter: Mutex<Layouter>,
    pub settings: Mutex<Settings>,
    /// Problems found before the window could show them (e.g. a bad file on the command
    /// line); the UI takes them once it is listening.
    pub startup_messages: Mutex<Vec<ErrorPayload>>,
}

impl AppState {
    pub fn new(dirs: AppDirs) -> AppState {
        let settings = Settings::load(&dirs);
        AppState {
            dirs,
            store: Mutex::new(None),
            layouter: Mutex::new(Layouter::new()),
            settings: Mutex::new(settings),
            startup_messages: Mutex::new(Vec::new()),
        }
    }

    /// Runs `f` with the open document.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = lock(&self.store);
        let store = guard.as_mut().ok_or(AppError::NoDocument)?;
        f(store)
    }

    pub fn document_state(&self) -> Result<DocumentState, AppError> {
        self.with_store(|store| Ok(DocumentState::of(store)))
    }
}

/// A poisoned lock only means another command panicked mid-way; the data behind these
/// locks is always left consistent (the store commits or not), so carry on.
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `app.waymark()` reaches the managed state from any handle.
pub trait WaymarkExt<R: Runtime> {
    fn waymark(&self) -> &AppState;
}

impl<R: Runtime, M: Manager<R>> WaymarkExt<R> for M {
    fn waymark(&self) -> &AppState {
        self.state::<AppState>().inner()
    }
}

/// What the UI needs to know about the open document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentState {
    pub path: String,
    /// The file name without `.waymark`, shown in the title bar.
    pub name: String,
    pub revision: u64,
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    pub maps: Vec<MapSummary>,
    pub schema_version: u32,
}

impl DocumentState {
    pub fn of(store: &Store) -> DocumentState {
        let history = store.history();
        DocumentState {
            path: store.path().display().to_string(),
            name: document_name(store.path()),
            revision: history.revision,
            undo_label: history.undo_label,
            redo_label: history.redo_label,
            maps: store.summaries(),
            schema_version: waymark_store::SCHEMA_VERSION,
        }
    }
}

pub fn document_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Untitled".into())
}

pub fn remembered_path(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}
