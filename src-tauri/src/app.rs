//! Building and running the Tauri app.

use std::path::PathBuf;

use tauri::{Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::error::AppError;
use crate::settings::AppDirs;
use crate::state::{lock, AppState, WaymarkExt};
use crate::{actions, documents, export, menu};

pub const MAIN_WINDOW: &str = "main";

/// Adds the app's plugins and commands to `base`, for any runtime: the real one in
/// `run`, the mock runtime (`tauri::test::mock_builder()`) in the command tests.
pub fn builder<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.plugin(tauri_plugin_dialog::init())
        // Exactly the commands of the contract (src-tauri/src/contract/list.rs).
        .invoke_handler(crate::contract::handler())
        .manage(export::ExportJobs::default())
}

/// Opens the window on `path`, or on the last or default document.
pub fn run(mut path: Option<PathBuf>) -> Result<(), AppError> {
    let state = AppState::new(AppDirs::from_platform()?);
    builder(tauri::Builder::default())
        // The window opens where and as large as the user left it (first launch: the
        // size below). Only the real app: the command tests have no window to keep.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .setup(move |app| {
            let handle = app.handle().clone();
            let doc = documents::open_at_startup(&handle, path.take())?;
            // Built once the document is open, so Open Recent already lists it.
            let recent = lock(&handle.waymark().settings).recent.clone();
            app.set_menu(menu::build(&handle, &recent)?)?;
            app.on_menu_event(|app, event| actions::on_menu_event(app, event));
            WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("index.html".into()))
                .title(format!("{} — Waymark", doc.name))
                .inner_size(1440.0, 900.0)
                .min_inner_size(720.0, 480.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())?;
    Ok(())
}
