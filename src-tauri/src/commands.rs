//! The commands the UI invokes. Each is thin: take the calling window's document, call a
//! crate, map the error.
//! They are `async` so SQLite writes and layout run off the window's main thread.

use tauri::{Runtime, WebviewWindow};
use waymark_model::{Edit, Map};
use waymark_render::Scene;

use crate::actions::{self, Opened};
use crate::contract::emit;
use crate::error::{AppError, ErrorPayload};
use crate::state::{lock, DocumentExt, DocumentState, SceneUpdate};

#[tauri::command]
pub async fn document_state<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<DocumentState, AppError> {
    window.document().document_state()
}

#[tauri::command]
pub async fn map_scene<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
) -> Result<Scene, AppError> {
    let state = window.document();
    state.with_store(|store| {
        let mut layouter = lock(&state.layouter);
        Ok(layouter.layout(store.document(), &map_id)?)
    })
}

/// The map's Scene after a change, as a patch from the Scene the UI holds (the one sent
/// for `known_revision`) when that is the last one sent for this map, else whole. Laying
/// out reuses the text of the last layouts, so a one-card edit reshapes one card.
#[tauri::command]
pub async fn map_scene_update<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
    known_revision: Option<u64>,
) -> Result<SceneUpdate, AppError> {
    let state = window.document();
    state.with_store(|store| {
        let revision = store.history().revision;
        let scene = lock(&state.layouter).layout(store.document(), &map_id)?;
        Ok(lock(&state.scenes).update(store.path(), &map_id, revision, known_revision, scene))
    })
}

#[tauri::command]
pub async fn map_data<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
) -> Result<Map, AppError> {
    window
        .document()
        .with_store(|store| Ok(store.map(&map_id)?.clone()))
}

/// The document's channels and personas, for pickers in the inspector.
#[tauri::command]
pub async fn roster<R: Runtime>(window: WebviewWindow<R>) -> Result<Roster, AppError> {
    window.document().with_store(|store| {
        let doc = store.document();
        Ok(Roster {
            channels: doc.channels.clone(),
            personas: doc.personas.clone(),
            ladder: doc.ladder.clone(),
            participants: doc.participants.clone(),
        })
    })
}

/// The channels, personas and ladder rungs shared by every map of the document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Roster {
    pub channels: Vec<waymark_model::Channel>,
    pub personas: Vec<waymark_model::Persona>,
    /// The engagement ladder's rungs, lowest first.
    pub ladder: Vec<waymark_model::Rung>,
    /// The people in the room of the document's workshops (workshop mode).
    pub participants: Vec<waymark_model::Participant>,
}

/// Applies an edit. When the UI names the map it shows (`map_id`, and `known_revision` as
/// for `map_scene_update`), the answer also carries that map's Scene after the edit, so a
/// drop is redrawn after one round trip instead of two.
#[tauri::command]
pub async fn apply_edit<R: Runtime>(
    window: WebviewWindow<R>,
    edit: Edit,
    map_id: Option<String>,
    known_revision: Option<u64>,
) -> Result<AppliedEdit, AppError> {
    let state = window.document();
    state.with_store(|store| {
        // The shown map is laid out while the edit is written to the file. A map that
        // cannot be laid out (one the edit removed) only means the UI fetches what to
        // show itself.
        let (_, scene) = store.apply_while(&edit, |document| {
            let map_id = map_id.as_deref()?;
            lock(&state.layouter).layout(document, map_id).ok()
        })?;
        let document = DocumentState::of(store);
        let scene = map_id.zip(scene).map(|(map_id, scene)| {
            lock(&state.scenes).update(
                store.path(),
                &map_id,
                document.revision,
                known_revision,
                scene,
            )
        });
        crate::memory::give_back_when_idle();
        Ok(AppliedEdit {
            state: document,
            scene,
        })
    })
}

/// The answer to `apply_edit`: the DocumentState (its fields at the top level, so the
/// answer reads as a DocumentState) and, when asked for, the shown map's Scene update.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct AppliedEdit {
    #[serde(flatten)]
    pub state: DocumentState,
    pub scene: Option<SceneUpdate>,
}

#[tauri::command]
pub async fn undo<R: Runtime>(window: WebviewWindow<R>) -> Result<DocumentState, AppError> {
    actions::undo(&window)
}

#[tauri::command]
pub async fn redo<R: Runtime>(window: WebviewWindow<R>) -> Result<DocumentState, AppError> {
    actions::redo(&window)
}

/// Problems from startup (a bad file on the command line) that the UI should show.
#[tauri::command]
pub async fn take_startup_messages<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<Vec<ErrorPayload>, AppError> {
    Ok(std::mem::take(&mut *lock(
        &window.document().startup_messages,
    )))
}

/// File > Open… from the window. An exported PNG/PDF/JSON adds its map, and
/// `map-imported` tells the window which; the answer is the document either way.
#[tauri::command]
pub async fn show_open_dialog<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<Option<DocumentState>, AppError> {
    Ok(match actions::open_dialog(&window).await? {
        Some(Opened::Imported(result)) => {
            let state = result.state.clone();
            emit::map_imported(&window, result);
            Some(state)
        }
        Some(Opened::Document(state)) => Some(state),
        // Shown in another window, which came forward: this one is unchanged.
        Some(Opened::Elsewhere) | None => None,
    })
}

#[tauri::command]
pub async fn show_save_as_dialog<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<Option<DocumentState>, AppError> {
    actions::save_as(&window).await
}
