//! The native menu's shape: File (New, Open…, Open in New Window…, Open Recent, Save As…,
//! Export…, Export Workshop Summary…, Import Map…, Close Window, Quit), Edit (Undo, Redo),
//! View (Workshop) and Help (About), with the platform's usual shortcuts. Each window has
//! its own menu whose item ids carry the window's label (`file.open@document-2`), so an
//! item acts on the window it was chosen in. What each item does is in `actions.rs` (the
//! same functions the commands call), which also refreshes Open Recent here when the
//! recent files change.

use std::path::PathBuf;

use tauri::menu::{
    Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Manager, Runtime};

pub const NEW: &str = "file.new";
pub const OPEN: &str = "file.open";
pub const OPEN_IN_NEW_WINDOW: &str = "file.open_in_new_window";
pub const SAVE_AS: &str = "file.save_as";
pub const EXPORT: &str = "file.export";
pub const EXPORT_SUMMARY: &str = "file.export_summary";
pub const IMPORT: &str = "file.import";
pub const CLOSE_WINDOW: &str = "file.close_window";
pub const QUIT: &str = "file.quit";
pub const UNDO: &str = "edit.undo";
pub const REDO: &str = "edit.redo";
pub const WORKSHOP: &str = "view.workshop";
const FILE: &str = "file";
const RECENT: &str = "file.recent";
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
    let recent_menu = SubmenuBuilder::with_id(app, id(RECENT), "Open Recent").build()?;
    fill_recent(app, label, &recent_menu, recent)?;
    let file = SubmenuBuilder::with_id(app, id(FILE), "File")
        .item(&item(NEW, "New…", Some("CmdOrCtrl+N"))?)
        .item(&item(OPEN, "Open…", Some("CmdOrCtrl+O"))?)
        .item(&item(
            OPEN_IN_NEW_WINDOW,
            "Open in New Window…",
            Some("CmdOrCtrl+Shift+N"),
        )?)
        .item(&recent_menu)
        .separator()
        .item(&item(SAVE_AS, "Save As…", Some("CmdOrCtrl+Shift+S"))?)
        .separator()
        .item(&item(EXPORT, "Export…", Some("CmdOrCtrl+E"))?)
        .item(&item(
            EXPORT_SUMMARY,
            "Export Workshop Summary…",
            Some("CmdOrCtrl+Alt+E"),
        )?)
        .item(&item(IMPORT, "Import Map…", None)?)
        .separator()
        .item(&item(CLOSE_WINDOW, "Close Window", Some("CmdOrCtrl+W"))?)
        .item(&item(QUIT, "Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(UNDO, "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item(REDO, "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item(WORKSHOP, "Workshop", Some("CmdOrCtrl+8"))?)
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
        .item(&view)
        .item(&help)
        .build()
}

/// Lists `recent` in the Open Recent submenu of the window `label`.
fn fill_recent<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    menu: &Submenu<R>,
    recent: &[PathBuf],
) -> tauri::Result<()> {
    for item in menu.items()? {
        menu.remove(&item)?;
    }
    if recent.is_empty() {
        let none =
            MenuItemBuilder::with_id(format!("{RECENT_PREFIX}none@{label}"), "No recent files")
                .enabled(false)
                .build(app)?;
        menu.append(&none)?;
    }
    for (i, path) in recent.iter().enumerate() {
        let text = format!(
            "{}  —  {}",
            crate::state::document_name(path),
            path.parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
        let item =
            MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{i}@{label}"), text).build(app)?;
        menu.append(&item)?;
    }
    Ok(())
}

/// Lists the current recent files in every window's Open Recent submenu.
pub fn refresh_recent<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) {
    for (label, window) in app.webview_windows() {
        // No menu: the command tests' mock runtime.
        let Some(menu) = window.menu() else { continue };
        let submenu = menu
            .get(&format!("{FILE}@{label}"))
            .and_then(|file| file.as_submenu()?.get(&format!("{RECENT}@{label}")))
            .and_then(|recent| recent.as_submenu().cloned());
        let filled = match submenu {
            Some(submenu) => fill_recent(app, &label, &submenu, recent),
            None => Ok(()),
        };
        if let Err(e) = filled {
            eprintln!("waymark: cannot list the recent files in the menu: {e}");
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
