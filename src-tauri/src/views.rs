//! Where the user left each map: its zoom and scroll, kept per document in the settings
//! (not in the document: a view is not content, and changing it is not an edit to undo).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tauri::{Runtime, WebviewWindow};
use ts_rs::TS;

use crate::error::AppError;
use crate::state::{lock, DocumentExt, WaymarkExt};

/// The scene point at the view's top-left corner and the zoom (screen pixels per layout
/// unit), as the canvas keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct MapView {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl MapView {
    /// A view the canvas can use: finite numbers and a zoom within the canvas's range
    /// (a hand-edited settings file must not open a map at zoom 0 or NaN).
    pub fn is_usable(&self) -> bool {
        self.x.is_finite()
            && self.y.is_finite()
            && self.zoom.is_finite()
            && (0.05..=8.0).contains(&self.zoom)
    }
}

/// The views of the open document's maps, by map id.
#[tauri::command]
pub async fn map_views<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<BTreeMap<String, MapView>, AppError> {
    let state = window.waymark();
    let path = window
        .document()
        .with_store(|store| Ok(store.path().to_path_buf()))?;
    let settings = lock(&state.settings);
    Ok(settings.views_of(&path))
}

/// Keeps where the user left map `map_id` of the document at `path`. The UI names the
/// document because it writes a view a moment after the last scroll: a view that arrives
/// after another document was opened belongs to the closed one and is dropped.
#[tauri::command]
pub async fn remember_map_view<R: Runtime>(
    window: WebviewWindow<R>,
    path: String,
    map_id: String,
    view: MapView,
) -> Result<(), AppError> {
    if !view.is_usable() {
        return Err(AppError::Settings(format!(
            "not a usable view of map {map_id}: {view:?}"
        )));
    }
    let state = window.waymark();
    let open = window
        .document()
        .with_store(|store| Ok(store.path().to_path_buf()))?;
    if open.display().to_string() != path {
        return Ok(());
    }
    let mut settings = lock(&state.settings);
    settings.remember_view(&open, &map_id, view);
    settings.save(&state.dirs)
}
