//! Waymark's windows: each shows one document with its own undo history, title and menu.
//! File > Open in New Window… and a second launch of the app (handed over by the
//! single-instance plugin) open one; a document already shown in a window brings that
//! window forward instead, so one process never holds two stores on one file. Closing the
//! last window quits, and the documents open then are reopened at the next launch.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::actions;
use crate::error::AppError;
use crate::state::{lock, DocumentState, WaymarkExt, MAIN_WINDOW};
use crate::{documents, menu};

/// Builds the window `label` for the document it already holds.
pub fn build<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    doc: &DocumentState,
) -> Result<WebviewWindow<R>, AppError> {
    let recent = lock(&app.waymark().settings).recent.clone();
    let window = WebviewWindowBuilder::new(app, label, WebviewUrl::App("index.html".into()))
        .title(documents::title(Path::new(&doc.path)))
        .inner_size(1440.0, 900.0)
        .min_inner_size(720.0, 480.0)
        .menu(menu::build(app, label, &recent)?)
        .build()?;
    Ok(window)
}

/// Opens `path` in a new window, or brings forward the window that already shows it.
/// Answers that window's label.
pub fn open_in_new_window<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<String, AppError> {
    let state = app.waymark();
    if let Some(label) = state.window_showing(path) {
        bring_forward(app, &label);
        return Ok(label);
    }
    let label = state.new_window_label();
    let doc = documents::open(app, &label, path).inspect_err(|_| {
        state.forget_window(&label);
    })?;
    build(app, &label, &doc).inspect_err(|_| {
        state.forget_window(&label);
        state.remember_open_documents();
    })?;
    menu::refresh_recent(app, &lock(&state.settings).recent.clone());
    Ok(label)
}

/// Shows the window `label` in front, restored if it was minimized.
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>, label: &str) {
    if let Some(window) = app.get_webview_window(label) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The window the user works in: the focused one, else the first.
pub fn current<R: Runtime>(app: &AppHandle<R>) -> Option<WebviewWindow<R>> {
    let windows = app.webview_windows();
    windows
        .values()
        .find(|w| w.is_focused().unwrap_or(false))
        .or_else(|| windows.get(MAIN_WINDOW))
        .or_else(|| windows.values().next())
        .cloned()
}

/// Waymark was started again while running (a double-click on a file, `waymark file`):
/// the second process handed its command line over and exited. A document opens in a
/// window of its own (or its window comes forward); an exported PNG/PDF/JSON adds its map
/// to the current window's document; no file brings the current window forward.
pub fn on_second_launch<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    use clap::Parser;
    let path = match crate::cli::Cli::try_parse_from(&argv) {
        Ok(cli) if cli.command.is_none() => cli.path,
        // A headless subcommand never reaches here (it runs without the window); a
        // command line the parser refuses is reported by the second process itself.
        _ => None,
    };
    let Some(window) = current(app) else { return };
    let Some(path) = path else {
        bring_forward(app, window.label());
        return;
    };
    let path = PathBuf::from(cwd).join(path);
    if crate::export::import::is_importable(&path) {
        bring_forward(app, window.label());
        let imported = actions::import(&window, &path).map(|r| Some(actions::Opened::Imported(r)));
        actions::announce_opened(&window, imported);
    } else if let Err(e) = open_in_new_window(app, &path) {
        bring_forward(app, window.label());
        actions::report(&window, &e);
    }
}

/// A window was closed: its document is closed (once no command still uses it). Unless
/// the app is quitting or this was the last window, it is no longer among the documents
/// to reopen.
pub fn on_destroyed<R: Runtime>(app: &AppHandle<R>, label: &str) {
    let state = app.waymark();
    // An audience window (presenting) only shows its opener's document: closing it
    // closes nothing else, and it is never among the documents to reopen.
    if state.shown_by(label).is_some() {
        state.forget_window(label);
        return;
    }
    crate::present::close_audiences(app, label);
    let quitting = state.quitting.load(std::sync::atomic::Ordering::Relaxed);
    let last = state.open_documents().len() <= 1;
    state.forget_window(label);
    if !quitting && !last {
        state.remember_open_documents();
    }
}
