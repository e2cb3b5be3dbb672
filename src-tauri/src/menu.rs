//! The native menu's shape: File (New, Open…, Open in New Window…, Open Recent, Save As…,
//! Export…, Import Map…, Close Window, Quit), Edit (Undo, Redo) and Help (About), with the
//! platform's usual shortcuts. Each window has its own menu whose item ids carry the
//! window's label (`file.open@document-2`), so an item acts on the window it was chosen
//! in. What each item does is in `actions.rs` (the same functions the commands call), which
//! also rebuilds Open Recent here when the recent files change.

use std::path::PathBuf;

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime};

pub const NEW: &str = "file.new";
pub const OPEN: &str = "file.open";
pub const OPEN_IN_NEW_WINDOW: &str = "file.open_in_new_window";
pub const SAVE_AS: &str = "file.save_as";
pub const EXPORT: &str = "file.export";
pub const IMPORT: &str = "file.import";
pub const CLOSE_WINDOW: &str = "file.close_window";
pub const QUIT: &str = "file.quit";
pub const UNDO: &str = "edit.undo";
pub const REDO: &str = "edit.redo";
const RECENT_PREFIX: &str = "file.recent.";

/// The menu of the window `label`.
pub fn build<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    recent: &[PathBuf],
) -> tauri::Result<Menu<R>> {
    let id = |item: &str| format!("{item}@{label}");
    let item = |item: &str, text: &str, keys: Option<&str>| {
        let mut builder = MenuItemBuilder::with_id(id(item), text);
        if let Some(keys) = keys {
            builder = builder.accelerator(keys);
        }
        builder.build(app)
    };
    let mut recent_menu = SubmenuBuilder::new(app, "Open Recent");
    if recent.is_empty() {
        recent_menu = recent_menu.item(
            &MenuItemBuilder::with_id(id("file.recent.none"), "No recent files")
                .enabled(false)
                .build(app)?,
        );
    }
    for (i, path) in recent.iter().enumerate() {
        let text = format!(
            "{}  —  {}",
            crate::state::document_name(path),
            path.parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
        recent_menu = recent_menu.item(&item(&format!("{RECENT_PREFIX}{i}"), &text, None)?);
    }
    let file = SubmenuBuilder::new(app, "File")
        .item(&item(NEW, "New…", Some("CmdOrCtrl+N"))?)
        .item(&item(OPEN, "Open…", Some("CmdOrCtrl+O"))?)
        .item(&item(
            OPEN_IN_NEW_WINDOW,
            "Open in New Window…",
            Some("CmdOrCtrl+Shift+N"),
        )?)
        .item(&recent_menu.build()?)
        .separator()
        .item(&item(SAVE_AS, "Save As…", Some("CmdOrCtrl+Shift+S"))?)
        .separator()
        .item(&item(EXPORT, "Export…", Some("CmdOrCtrl+E"))?)
        .item(&item(IMPORT, "Import Map…", None)?)
        .separator()
        .item(&item(CLOSE_WINDOW, "Close Window", Some("CmdOrCtrl+W"))?)
        .item(&item(QUIT, "Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(UNDO, "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item(REDO, "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&PredefinedMenuItem::about(
            app,
            Some("About Waymark"),
            Some(crate::about::metadata()),
        )?)
        .build()?;
    MenuBuilder::new(app)
        .item(&file)
        .item(&edit)
        .item(&help)
        .build()
}

/// Rebuilds every window's menu so Open Recent lists the current recent files.
pub fn refresh_recent<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) {
    for (label, window) in app.webview_windows() {
        if window.menu().is_none() {
            continue; // no menu (tests with the mock runtime)
        }
        match build(app, &label, recent) {
            Ok(menu) => {
                let _ = window.set_menu(menu);
            }
            Err(e) => eprintln!("waymark: cannot rebuild the menu: {e}"),
        }
    }
}

/// An item's id split into what it does and the label of the window it was chosen in.
pub fn parse(id: &str) -> Option<(&str, &str)> {
    id.split_once('@')
}

/// The index into the recent files of an Open Recent item's action.
pub fn recent_index(action: &str) -> Option<usize> {
    action.strip_prefix(RECENT_PREFIX)?.parse().ok()
}
