// tauri-build reads tauri.conf.json from the root package (this manifest's dir) and
// the capabilities from src-tauri/capabilities, and generates the permission for the
// app's own commands so the capability can grant exactly those.
fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(waymark_commands()));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}

/// Every command the UI may invoke; the capability grants exactly these.
fn waymark_commands() -> &'static [&'static str] {
    &[
        "document_state",
        "map_scene",
        "map_scene_update",
        "map_data",
        "roster",
        "apply_edit",
        "undo",
        "redo",
        "show_open_dialog",
        "show_save_as_dialog",
        "new_document_dialog",
        "take_startup_messages",
        "export_settings",
        "export_preview",
        "export_start",
        "export_cancel",
        "choose_export_path",
        "reveal_in_folder",
        "import_file",
        "strategy_report",
        "preview_performance_csv",
        "import_performance_csv",
        "set_persona_photo",
        "choose_input_file",
        "map_views",
        "remember_map_view",
    ]
}
