use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use waymark_app::settings::AppDirs;
use waymark_app::state::lock;
use waymark_app::AppState;
use waymark_store::Store;

use crate::common::sqlite3;

pub struct Harness {
    dir: tempfile::TempDir,
    pub file: std::path::PathBuf,
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
}

impl Harness {
    /// The temporary folder holding the document.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }
}

/// The app with its real commands and capability, on the mock runtime, with the sample
/// document open.
pub fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let dirs = AppDirs {
        config: dir.path().join("config"),
        data: dir.path().join("data"),
    };
    let file = dir.path().join("sample.waymark");
    let doc = waymark_app::templates::template(waymark_app::templates::SAMPLE).unwrap();
    let state = AppState::new(dirs);
    *lock(&state.window(waymark_app::state::MAIN_WINDOW).store) =
        Some(Store::create(&file, &doc).unwrap());
    let app = waymark_app::builder(mock_builder())
        .manage(state)
        .build(tauri::generate_context!(test = true))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Harness {
        dir,
        file,
        app,
        window,
    }
}

pub fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux the app's origin is tauri://localhost.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

fn title_in_file(h: &Harness, card: &str) -> String {
    sqlite3(
        &h.file,
        &format!("select title from cards where id = '{card}';"),
    )
    .trim()
    .to_string()
}

fn rename_card(title: &str) -> Value {
    // A field-level edit: only the title, never a copy of the rest of the card.
    let props = json!({ "title": title });
    json!({ "edit": { "type": "UpdateCard", "mapId": "map-supporter", "cardId": "c-ten-dollar-gift", "props": props } })
}

#[test]
fn document_state_lists_the_maps() {
    let h = harness();
    let state = invoke(&h, "document_state", json!({})).unwrap();
    assert_eq!(state["name"], "sample");
    assert_eq!(state["maps"][0]["name"], "From $10 gift to major donor");
    assert_eq!(state["undoLabel"], Value::Null);
}

#[test]
fn map_scene_lays_out_the_stages() {
    let h = harness();
    let scene = invoke(&h, "map_scene", json!({ "mapId": "map-supporter" })).unwrap();
    let first = &scene["stages"][0]["name"][0]["text"];
    assert_eq!(first, "Discover");
    assert!(scene["cards"].as_array().unwrap().len() > 20);
}

#[test]
fn apply_edit_answers_with_the_shown_maps_scene_when_asked() {
    let h = harness();
    // Without a map: the DocumentState only.
    let plain = invoke(&h, "apply_edit", rename_card("Renamed once")).unwrap();
    assert_eq!(plain["undoLabel"], "Edit card");
    assert_eq!(plain["scene"], Value::Null);
    // With the map the UI shows: the state's fields, and the Scene after the edit.
    let mut args = rename_card("Renamed twice");
    args["mapId"] = json!("map-supporter");
    let first = invoke(&h, "apply_edit", args).unwrap();
    let revision = first["revision"].as_u64().unwrap();
    assert_eq!(first["scene"]["kind"], "full");
    assert_eq!(first["scene"]["revision"], revision);
    // Naming the Scene it holds, the UI gets only the changes: the one renamed card.
    let mut args = rename_card("Renamed thrice");
    args["mapId"] = json!("map-supporter");
    args["knownRevision"] = json!(revision);
    let next = invoke(&h, "apply_edit", args).unwrap();
    assert_eq!(next["scene"]["kind"], "patch");
    assert_eq!(next["scene"]["baseRevision"], revision);
    let cards = next["scene"]["patch"]["cards"]["upserted"]
        .as_array()
        .unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0]["id"], "c-ten-dollar-gift");
    assert_eq!(title_in_file(&h, "c-ten-dollar-gift"), "Renamed thrice");
}

#[test]
fn apply_undo_redo_change_the_file() {
    let h = harness();
    let edited = invoke(&h, "apply_edit", rename_card("First gift of $10 — edited")).unwrap();
    assert_eq!(edited["undoLabel"], "Edit card");
    assert_eq!(
        title_in_file(&h, "c-ten-dollar-gift"),
        "First gift of $10 — edited"
    );

    let undone = invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(undone["redoLabel"], "Edit card");
    assert_eq!(title_in_file(&h, "c-ten-dollar-gift"), "$10 first gift");

    invoke(&h, "redo", json!({})).unwrap();
    assert_eq!(
        title_in_file(&h, "c-ten-dollar-gift"),
        "First gift of $10 — edited"
    );
}

#[test]
fn a_refused_edit_is_a_typed_error_and_changes_nothing() {
    let h = harness();
    let before = crate::common::sha256(&h.file);
    let err = invoke(&h, "apply_edit", json!({ "edit": { "type": "DeleteCard", "mapId": "map-supporter", "cardId": "no-such-card" } })).unwrap_err();
    assert_eq!(err["kind"], "edit_refused");
    assert!(
        err["message"].as_str().unwrap().contains("no-such-card"),
        "{err}"
    );
    assert_eq!(crate::common::sha256(&h.file), before);
}

#[test]
fn malformed_edits_are_rejected_before_reaching_the_store() {
    let h = harness();
    let err = invoke(&h, "apply_edit", json!({ "edit": { "type": "Explode" } })).unwrap_err();
    assert!(err.to_string().contains("Explode"), "{err}");
}

#[test]
fn an_unknown_map_is_a_typed_error() {
    let h = harness();
    let err = invoke(&h, "map_scene", json!({ "mapId": "nope" })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
}

#[test]
fn startup_messages_are_taken_once() {
    let h = harness();
    lock(
        &h.window
            .app_handle()
            .state::<AppState>()
            .window("main")
            .startup_messages,
    )
    .push(waymark_app::error::ErrorPayload {
        kind: "not_found".into(),
        message: "x.waymark does not exist".into(),
    });
    let first = invoke(&h, "take_startup_messages", json!({})).unwrap();
    assert_eq!(first.as_array().unwrap().len(), 1);
    let second = invoke(&h, "take_startup_messages", json!({})).unwrap();
    assert_eq!(second, json!([]));
}

#[test]
fn roster_lists_the_documents_channels_and_personas() {
    let h = harness();
    let roster = invoke(&h, "roster", json!({})).unwrap();
    let channels: Vec<&str> = roster["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        channels.contains(&"E-mail") && channels.contains(&"Events"),
        "{channels:?}"
    );
    assert_eq!(roster["personas"][0]["name"], "Maya");
}

fn scene_update(h: &Harness, map: &str, known: Option<u64>) -> Value {
    invoke(
        h,
        "map_scene_update",
        json!({ "mapId": map, "knownRevision": known }),
    )
    .unwrap()
}

#[test]
fn map_scene_update_sends_the_whole_scene_first_then_a_one_card_patch() {
    let h = harness();
    let first = scene_update(&h, "map-supporter", None);
    assert_eq!(first["kind"], "full");
    let revision = first["revision"].as_u64().unwrap();
    assert_eq!(
        first["scene"],
        invoke(&h, "map_scene", json!({ "mapId": "map-supporter" })).unwrap()
    );

    // Same length, one letter changed: the card keeps its height, nothing else moves.
    let edited = invoke(&h, "apply_edit", rename_card("$10 first gifT")).unwrap();
    assert_eq!(edited["revision"].as_u64().unwrap(), revision + 1);
    let update = scene_update(&h, "map-supporter", Some(revision));
    assert_eq!(update["kind"], "patch", "{update}");
    assert_eq!(update["baseRevision"].as_u64(), Some(revision));
    assert_eq!(update["revision"].as_u64(), Some(revision + 1));
    let patch: waymark_render::ScenePatch =
        serde_json::from_value(update["patch"].clone()).unwrap();
    assert_eq!(patch.cards.upserted.len(), 1);
    assert_eq!(patch.cards.upserted[0].id, "c-ten-dollar-gift");
    assert!(patch.cards.removed.is_empty() && patch.cards.order.is_none());
    assert!(patch.stages.is_empty() && patch.lanes.is_empty());
    assert!(patch.connectors.is_empty() && patch.emotion_lines.is_empty());

    let mut scene: waymark_render::Scene = serde_json::from_value(first["scene"].clone()).unwrap();
    waymark_render::apply(&mut scene, &patch);
    let fresh: waymark_render::Scene = serde_json::from_value(
        invoke(&h, "map_scene", json!({ "mapId": "map-supporter" })).unwrap(),
    )
    .unwrap();
    assert_eq!(scene, fresh);
    let full_size = first["scene"].to_string().len();
    let patch_size = update["patch"].to_string().len();
    assert!(patch_size * 10 < full_size, "{patch_size} vs {full_size}");
}

#[test]
fn map_scene_update_is_whole_when_the_ui_scene_is_not_the_one_kept() {
    let h = harness();
    let first = scene_update(&h, "map-supporter", None);
    let revision = first["revision"].as_u64().unwrap();
    // A revision this map was never sent at.
    assert_eq!(
        scene_update(&h, "map-supporter", Some(revision + 5))["kind"],
        "full"
    );
    // Nothing changed since the revision the UI names: an empty patch.
    let same = scene_update(&h, "map-supporter", Some(revision));
    assert_eq!(same["kind"], "patch");
    let patch: waymark_render::ScenePatch = serde_json::from_value(same["patch"].clone()).unwrap();
    assert!(patch.lists_unchanged(), "{patch:?}");

    // Another map: whole the first time, even at a revision another map was sent at.
    let other = invoke(&h, "document_state", json!({})).unwrap()["maps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .find(|id| id != "map-supporter");
    if let Some(other) = other {
        assert_eq!(scene_update(&h, &other, Some(revision))["kind"], "full");
    }

    // Another document (here the same content in another file): whole again.
    let doc = waymark_app::templates::template(waymark_app::templates::SAMPLE).unwrap();
    let copy = h.file.with_file_name("copy.waymark");
    *lock(
        &h.window
            .app_handle()
            .state::<AppState>()
            .window("main")
            .store,
    ) = Some(Store::create(&copy, &doc).unwrap());
    assert_eq!(
        scene_update(&h, "map-supporter", Some(revision))["kind"],
        "full"
    );
    assert_eq!(
        scene_update(&h, "map-supporter", Some(revision))["kind"],
        "patch"
    );
    let err = invoke(
        &h,
        "map_scene_update",
        json!({ "mapId": "nope", "knownRevision": null }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
}

#[test]
fn a_maps_view_is_kept_for_the_open_document_and_a_late_one_for_another_is_dropped() {
    let h = harness();
    let path = h.file.display().to_string();
    assert_eq!(invoke(&h, "map_views", json!({})).unwrap(), json!({}));
    let view = json!({ "x": -24.0, "y": 310.5, "zoom": 0.9 });
    invoke(
        &h,
        "remember_map_view",
        json!({ "path": path, "mapId": "map-1", "view": view }),
    )
    .unwrap();
    // A view written after another document was opened belongs to that one: dropped.
    invoke(
        &h,
        "remember_map_view",
        json!({ "path": "/elsewhere/other.waymark", "mapId": "map-2", "view": view }),
    )
    .unwrap();
    assert_eq!(
        invoke(&h, "map_views", json!({})).unwrap(),
        json!({ "map-1": view })
    );
    // The settings file on disk holds it, under the document's path.
    let settings = std::fs::read_to_string(h.dir().join("config/settings.json")).unwrap();
    let settings: Value = serde_json::from_str(&settings).unwrap();
    let kept = settings["views"].as_object().unwrap();
    assert_eq!(kept.len(), 1, "{settings}");
    assert_eq!(kept.values().next().unwrap()["map-1"], view);

    let err = invoke(
        &h,
        "remember_map_view",
        json!({ "path": path, "mapId": "map-1", "view": { "x": 0.0, "y": 0.0, "zoom": 0.0 } }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "settings", "{err}");
    assert!(err["message"].as_str().unwrap().contains("map-1"), "{err}");
}
