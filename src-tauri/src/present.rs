//! Presenting a map to a room: the Scene presenting shows (`presentation_scene`: the map
//! laid out again without the lanes marked hidden for outsiders, so it closes up instead of
//! showing gaps), and the presenter view's second window, the audience's, which shows the
//! same document on another screen (`open_audience_window`) and follows the operator's
//! step, switch and timer (`present_step` → the `presentation-step` event).
//!
//! An audience window shares its opener's document slot (`AppState::share_window`), so
//! its commands read the same document; it is never a document window of its own (it is
//! neither reopened at the next launch nor closes the document, `windows::on_destroyed`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindow, WebviewWindowBuilder};
use ts_rs::TS;
use waymark_model::Document;
use waymark_render::{Layouter, Scene};

use crate::contract::emit;
use crate::error::AppError;
use crate::state::{lock, DocumentExt, WaymarkExt};

/// An audience window's label starts with this (`audience-1`, …); the capability names it.
pub const AUDIENCE_PREFIX: &str = "audience-";

/// Where the operator is, as the audience window follows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresentationStep {
    pub map_id: String,
    /// 0 is the opening overview, 1 … N the stages, N + 1 the closing overview.
    pub step: u32,
    /// The lanes marked hidden for outsiders are left out.
    pub for_outsiders: bool,
    pub timer: PresentationTimer,
}

/// The operator's countdown as the audience shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresentationTimer {
    pub remaining_ms: f64,
    pub duration_ms: f64,
    pub running: bool,
}

/// The layouter presenting lays its copies out with: its own, so the window's text cache
/// and the Scenes it last sent (which patches are made against) are never touched.
fn layouter() -> &'static Mutex<Layouter> {
    static LAYOUTER: OnceLock<Mutex<Layouter>> = OnceLock::new();
    LAYOUTER.get_or_init(|| Mutex::new(Layouter::new()))
}

/// The map as presented: for outsiders, without the lanes marked hidden for them (their
/// cards and the connectors to them go with them, and the lanes below move up).
pub fn presented_scene(
    doc: &Document,
    map_id: &str,
    for_outsiders: bool,
) -> Result<Scene, AppError> {
    let mut layouter = lock(layouter());
    if !for_outsiders {
        return Ok(layouter.layout(doc, map_id)?);
    }
    let mut copy = doc.clone();
    if let Some(map) = copy.maps.iter_mut().find(|m| m.id == map_id) {
        for lane in &mut map.lanes {
            lane.hidden |= lane.hidden_for_outsiders;
        }
    }
    Ok(layouter.layout(&copy, map_id)?)
}

/// The Scene presenting draws: the map, or for outsiders the map without the lanes marked
/// hidden for them.
#[tauri::command]
pub async fn presentation_scene<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
    for_outsiders: bool,
) -> Result<Scene, AppError> {
    let document = window.document();
    tauri::async_runtime::spawn_blocking(move || {
        document.with_store(|store| presented_scene(store.document(), &map_id, for_outsiders))
    })
    .await
    .map_err(|e| AppError::Export(e.to_string()))?
}

/// Presenting starts (`on`) or ends in the calling window: full screen without the menu
/// bar (a projector shows the map, not the File menu), then the window as it was.
#[tauri::command]
pub async fn set_presenting<R: Runtime>(
    window: WebviewWindow<R>,
    on: bool,
) -> Result<(), AppError> {
    if on {
        let _ = window.hide_menu();
        window.set_fullscreen(true)?;
    } else {
        window.set_fullscreen(false)?;
        let _ = window.show_menu();
    }
    Ok(())
}

/// The last step each operator sent, by the operator window's label: an audience window
/// that opens (or reloads) starts there.
fn last_steps() -> &'static Mutex<HashMap<String, PresentationStep>> {
    static STEPS: OnceLock<Mutex<HashMap<String, PresentationStep>>> = OnceLock::new();
    STEPS.get_or_init(Default::default)
}

/// Opens the audience's window on the calling window's document (or brings forward the
/// one already open): full screen on another display when there is one, else a window on
/// this one. Answers its label.
#[tauri::command]
pub async fn open_audience_window<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<String, AppError> {
    let app = window.app_handle().clone();
    let state = app.waymark();
    if let Some(label) = state.sharing(window.label()).into_iter().next() {
        crate::windows::bring_forward(&app, &label);
        return Ok(label);
    }
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let label = format!("{AUDIENCE_PREFIX}{}", NEXT.fetch_add(1, Ordering::Relaxed));
    state.share_window(window.label(), &label);
    build_audience(&app, &window, &label).inspect_err(|_| {
        state.forget_window(&label);
    })?;
    Ok(label)
}

fn build_audience<R: Runtime>(
    app: &AppHandle<R>,
    opener: &WebviewWindow<R>,
    label: &str,
) -> Result<WebviewWindow<R>, AppError> {
    let here = opener.current_monitor()?;
    let same = |m: &tauri::Monitor| {
        here.as_ref()
            .is_some_and(|h| h.position() == m.position() && h.size() == m.size())
    };
    let other = app.available_monitors()?.into_iter().find(|m| !same(m));
    let title = format!(
        "{} — audience",
        opener.title().unwrap_or_else(|_| "Waymark".into())
    );
    // The page knows it is the audience's by its label (ui/src/main.ts).
    let builder = WebviewWindowBuilder::new(app, label, WebviewUrl::App("index.html".into()))
        .title(title)
        .min_inner_size(480.0, 320.0);
    let window = match &other {
        Some(monitor) => {
            // Placed on that display and as large as it, then full screen there (a desktop
            // without a window manager honours the first; one with, the second).
            let scale = monitor.scale_factor();
            let at = monitor.position().to_logical::<f64>(scale);
            let size = monitor.size().to_logical::<f64>(scale);
            let window = builder
                .position(at.x, at.y)
                .inner_size(size.width, size.height)
                .decorations(false)
                .build()?;
            window.set_fullscreen(true)?;
            window
        }
        None => builder.inner_size(1280.0, 800.0).build()?,
    };
    Ok(window)
}

/// The operator moved (a step, the switch, the timer): its audience windows follow.
#[tauri::command]
pub async fn present_step<R: Runtime>(
    window: WebviewWindow<R>,
    step: PresentationStep,
) -> Result<(), AppError> {
    let app = window.app_handle();
    lock(last_steps()).insert(window.label().to_string(), step.clone());
    for label in app.waymark().sharing(window.label()) {
        if let Some(audience) = app.get_webview_window(&label) {
            emit::presentation_step(&audience, step.clone());
        }
    }
    Ok(())
}

/// Where the operator whose document this window shows is (the audience window asks when
/// it opens); `None` before the first step.
#[tauri::command]
pub async fn presentation_state<R: Runtime>(
    window: WebviewWindow<R>,
) -> Result<Option<PresentationStep>, AppError> {
    let opener = window.waymark().shown_by(window.label());
    let label = opener.as_deref().unwrap_or(window.label());
    Ok(lock(last_steps()).get(label).cloned())
}

/// Presenting ended: the calling window's audience windows close.
#[tauri::command]
pub async fn close_audience_window<R: Runtime>(window: WebviewWindow<R>) -> Result<(), AppError> {
    lock(last_steps()).remove(window.label());
    close_audiences(window.app_handle(), window.label());
    Ok(())
}

/// Closes every audience window showing the document of window `label`.
pub fn close_audiences<R: Runtime>(app: &AppHandle<R>, label: &str) {
    for audience in app.waymark().sharing(label) {
        if let Some(w) = app.get_webview_window(&audience) {
            let _ = w.close();
        }
    }
}
