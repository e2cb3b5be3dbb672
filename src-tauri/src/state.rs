//! Managed state: the open document, the layouter and the app-level settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{Manager, Runtime};
use ts_rs::TS;
use waymark_model::MapSummary;
use waymark_render::{Layouter, Scene, ScenePatch};
use waymark_store::Store;

use crate::error::{AppError, ErrorPayload};
use crate::settings::{AppDirs, Settings};

pub struct AppState {
    pub dirs: AppDirs,
    pub store: Mutex<Option<Store>>,
    pub layouter: Mutex<Layouter>,
    /// The last Scene sent for each map of the open document (see `map_scene_update`).
    pub scenes: Mutex<SceneCache>,
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
            scenes: Mutex::new(SceneCache::default()),
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

/// A map's Scene as the UI gets it after a change: whole, or as the changes from the Scene
/// it was last sent (which the UI names by its revision).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SceneUpdate {
    /// The whole Scene: the first time, or when the UI's Scene is not the one kept here.
    Full { revision: u64, scene: Scene },
    /// Apply `patch` to the Scene of revision `base_revision` to get that of `revision`.
    Patch {
        #[serde(rename = "baseRevision")]
        base_revision: u64,
        revision: u64,
        patch: ScenePatch,
    },
}

/// The last Scene sent for each map, with the document revision it was laid out at, for
/// the open document only. A document's content is fixed by its path and revision (the
/// revision counts every change and lives in the file; a new document or a Save As
/// never reuses an existing path), so a UI that names a revision holds exactly the
/// Scene kept for it.
#[derive(Default)]
pub struct SceneCache {
    path: PathBuf,
    maps: HashMap<String, (u64, Scene)>,
}

impl SceneCache {
    /// Keeps `scene` (map `map_id` of the document at `path`, at `revision`) as the last
    /// one sent, and says what to send: a patch from the UI's Scene at `known` if this
    /// cache holds that one, else the whole Scene.
    pub fn update(
        &mut self,
        path: &Path,
        map_id: &str,
        revision: u64,
        known: Option<u64>,
        scene: Scene,
    ) -> SceneUpdate {
        if self.path != path {
            // Another document: nothing kept belongs to it.
            self.path = path.to_path_buf();
            self.maps.clear();
        }
        let update = match (known, self.maps.get(map_id)) {
            (Some(known), Some((kept, old))) if *kept == known => SceneUpdate::Patch {
                base_revision: known,
                revision,
                patch: waymark_render::diff(old, &scene),
            },
            _ => SceneUpdate::Full {
                revision,
                scene: scene.clone(),
            },
        };
        self.maps.insert(map_id.to_string(), (revision, scene));
        update
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
