//! Managed state: the app-level settings and, per window, its document, the layouter that
//! keeps its text shaped and the Scenes last sent to it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tauri::{Manager, Runtime, WebviewWindow};
use ts_rs::TS;
use waymark_model::MapSummary;
use waymark_render::{Layouter, Scene, ScenePatch};
use waymark_store::Store;

use crate::error::{AppError, ErrorPayload};
use crate::settings::{AppDirs, Settings};

pub struct AppState {
    pub dirs: AppDirs,
    pub settings: Mutex<Settings>,
    /// Each window's document, by window label. A document is open in at most one
    /// window (opening it again brings that window forward), so one process never holds
    /// two stores on one file.
    windows: Mutex<HashMap<String, Arc<WindowDocument>>>,
    /// Windows that show another window's document (the audience's window while
    /// presenting, `present.rs`): their label → the label of the window they share with.
    /// Never counted among the document windows.
    shared: Mutex<HashMap<String, String>>,
    /// Set by Quit: the windows closed after it stay among the documents to reopen.
    pub quitting: AtomicBool,
    next_window: AtomicU32,
}

/// What one window holds: its document, the layouter that keeps its text shaped, the
/// Scenes last sent to it and the problems it has not yet shown.
#[derive(Default)]
pub struct WindowDocument {
    pub store: Mutex<Option<Store>>,
    pub layouter: Mutex<Layouter>,
    /// The last Scene sent for each map of this window's document (see `map_scene_update`).
    pub scenes: Mutex<SceneCache>,
    /// Problems found before the window could show them (e.g. a bad file on the command
    /// line); the UI takes them once it is listening.
    pub startup_messages: Mutex<Vec<ErrorPayload>>,
}

impl WindowDocument {
    /// Runs `f` with the window's document.
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

    /// The file this window shows, as remembered (canonical), if any.
    pub fn path(&self) -> Option<PathBuf> {
        lock(&self.store)
            .as_ref()
            .map(|s| remembered_path(s.path()))
    }
}

impl AppState {
    pub fn new(dirs: AppDirs) -> AppState {
        let settings = Settings::load(&dirs);
        AppState {
            dirs,
            settings: Mutex::new(settings),
            windows: Mutex::new(HashMap::new()),
            shared: Mutex::new(HashMap::new()),
            quitting: AtomicBool::new(false),
            next_window: AtomicU32::new(2),
        }
    }

    /// The document of the window `label` (an empty one for a window not seen before);
    /// for a window sharing another's, that one's.
    pub fn window(&self, label: &str) -> Arc<WindowDocument> {
        let label = self.shown_by(label).unwrap_or_else(|| label.to_string());
        lock(&self.windows).entry(label).or_default().clone()
    }

    /// Forgets a closed window; its store is closed once no command still uses it. A
    /// window sharing another's document only stops sharing it.
    pub fn forget_window(&self, label: &str) -> Option<Arc<WindowDocument>> {
        if lock(&self.shared).remove(label).is_some() {
            return None;
        }
        lock(&self.windows).remove(label)
    }

    /// The window `to` shows the document of window `from` (the same slot: the same
    /// store, undo history and layouter), without being a document window itself.
    pub fn share_window(&self, from: &str, to: &str) {
        lock(&self.shared).insert(to.to_string(), from.to_string());
    }

    /// The window whose document the window `label` shares, if it shares one.
    pub fn shown_by(&self, label: &str) -> Option<String> {
        lock(&self.shared).get(label).cloned()
    }

    /// The windows sharing the document of window `label`.
    pub fn sharing(&self, label: &str) -> Vec<String> {
        let mut labels: Vec<String> = lock(&self.shared)
            .iter()
            .filter(|(_, from)| from.as_str() == label)
            .map(|(to, _)| to.clone())
            .collect();
        labels.sort();
        labels
    }

    /// The window showing the document at `path`, if one does.
    pub fn window_showing(&self, path: &Path) -> Option<String> {
        let path = remembered_path(path);
        let windows: Vec<(String, Arc<WindowDocument>)> = lock(&self.windows)
            .iter()
            .map(|(l, d)| (l.clone(), d.clone()))
            .collect();
        windows
            .into_iter()
            .find(|(_, doc)| doc.path().as_deref() == Some(path.as_path()))
            .map(|(label, _)| label)
    }

    /// The documents open in any window, in the order their windows were opened.
    pub fn open_documents(&self) -> Vec<PathBuf> {
        let mut windows: Vec<(String, Arc<WindowDocument>)> = lock(&self.windows)
            .iter()
            .map(|(l, d)| (l.clone(), d.clone()))
            .collect();
        windows.sort_by_key(|(label, _)| window_order(label));
        windows.iter().filter_map(|(_, d)| d.path()).collect()
    }

    /// A label for a new window: `main` first, then `document-2`, `document-3`, …
    pub fn new_window_label(&self) -> String {
        let n = self.next_window.fetch_add(1, Ordering::Relaxed);
        format!("{WINDOW_PREFIX}{n}")
    }

    /// Keeps which documents are open, for the next launch to reopen them all.
    pub fn remember_open_documents(&self) {
        let open = self.open_documents();
        let mut settings = lock(&self.settings);
        if settings.open_documents != open {
            settings.open_documents = open;
            if let Err(e) = settings.save(&self.dirs) {
                eprintln!("waymark: {e}");
            }
        }
    }
}

/// The first window's label; the others are `document-<n>`.
pub const MAIN_WINDOW: &str = "main";
const WINDOW_PREFIX: &str = "document-";

fn window_order(label: &str) -> u32 {
    label
        .strip_prefix(WINDOW_PREFIX)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
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

/// `window.document()` reaches the document a window shows.
pub trait DocumentExt {
    fn document(&self) -> Arc<WindowDocument>;
}

impl<R: Runtime> DocumentExt for WebviewWindow<R> {
    fn document(&self) -> Arc<WindowDocument> {
        self.waymark().window(self.label())
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
/// one window's document only. A document's content is fixed by its path and revision (the
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
