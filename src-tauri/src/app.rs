//! Building and running the Tauri app.

use std::path::PathBuf;

use tauri::{Manager, Runtime, WindowEvent};

use crate::error::AppError;
use crate::settings::AppDirs;
use crate::state::AppState;
use crate::{actions, documents, export, windows};

/// Adds the app's plugins and commands to `base`, for any runtime: the real one in
/// `run`, the mock runtime (`tauri::test::mock_builder()`) in the command tests.
pub fn builder<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.plugin(tauri_plugin_dialog::init())
        // Exactly the commands of the contract (src-tauri/src/contract/list.rs).
        .invoke_handler(crate::contract::handler())
        .manage(export::ExportJobs::default())
}

/// Opens the windows on `path`, or on the documents open when the app last quit, or on
/// the last or default document.
pub fn run(mut path: Option<PathBuf>) -> Result<(), AppError> {
    let state = AppState::new(AppDirs::from_platform()?);
    // First: a second launch hands its command line to the running app and exits before
    // anything else starts (without a D-Bus session bus, each launch runs on its own).
    let first = tauri::Builder::default().plugin(tauri_plugin_single_instance::init(
        windows::on_second_launch,
    ));
    builder(first)
        // Each window opens where and as large as the user left it (first launch: the
        // size in `windows::build`). Only the real app: the command tests have none.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .setup(move |app| {
            let handle = app.handle().clone();
            for (label, doc) in documents::open_at_startup(&handle, path.take())? {
                windows::build(&handle, &label, &doc)?;
            }
            app.on_menu_event(actions::on_menu_event);
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::Destroyed = event {
                windows::on_destroyed(window.app_handle(), window.label());
            }
        })
        .run(tauri::generate_context!())?;
    Ok(())
}
