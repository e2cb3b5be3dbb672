//! The native menu's shape: File (New, Open…, Open Recent, Save As…, Export…, Import
//! Map…, Quit) and Edit (Undo, Redo), with the platform's usual shortcuts. What each item
//! does is in `actions.rs` (the same functions the commands call), which also rebuilds
//! Open Recent here when the recent files change.

use std::path::PathBuf;

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

pub const NEW: &str = "file.new";
pub const OPEN: &str = "file.open";
pub const SAVE_AS: &str = "file.save_as";
pub const EXPORT: &str = "file.export";
pub const IMPORT: &str = "file.import";
pub const QUIT: &str = "file.quit";
pub const UNDO: &str = "edit.undo";
pub const REDO: &str = "edit.redo";
const RECENT_PREFIX: &str = "file.recent.";

pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let mut recent_menu = SubmenuBuilder::new(app, "Open Recent");
    if recent.is_empty() {
        recent_menu = recent_menu.item(
            &MenuItemBuilder::with_id("file.recent.none", "No recent files")
                .enabled(false)
                .build(app)?,
        );
    }
    for (i, path) in recent.iter().enumerate() {
        let label = format!(
            "{}  —  {}",
            crate::state::document_name(path),
            path.parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
        recent_menu = recent_menu
            .item(&MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{i}"), label).build(app)?);
    }
    let file = SubmenuBuilder::new(app, "File")
        .item(
            &MenuItemBuilder::with_id(NEW, "New…")
                .accelerator("CmdOrCtrl+N")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id(OPEN, "Open…")
                .accelerator("CmdOrCtrl+O")
                .build(app)?,
        )
        .item(&recent_menu.build()?)
        .separator()
        .item(
            &MenuItemBuilder::with_id(SAVE_AS, "Save As…")
                .accelerator("CmdOrCtrl+Shift+S")
                .build(app)?,
        )
        .separator()
        .item(
            &MenuItemBuilder::with_id(EXPORT, "Export…")
                .accelerator("CmdOrCtrl+E")
                .build(app)?,
        )
        .item(&MenuItemBuilder::with_id(IMPORT, "Import Map…").build(app)?)
        .separator()
        .item(
            &MenuItemBuilder::with_id(QUIT, "Quit")
                .accelerator("CmdOrCtrl+Q")
                .build(app)?,
        )
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(
            &MenuItemBuilder::with_id(UNDO, "Undo")
                .accelerator("CmdOrCtrl+Z")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id(REDO, "Redo")
                .accelerator("CmdOrCtrl+Shift+Z")
                .build(app)?,
        )
        .build()?;
    MenuBuilder::new(app).item(&file).item(&edit).build()
}

/// Rebuilds the menu so Open Recent lists the current recent files.
pub fn refresh_recent<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) {
    if app.menu().is_none() {
        return; // no menu (tests with the mock runtime)
    }
    match build(app, recent) {
        Ok(menu) => {
            let _ = app.set_menu(menu);
        }
        Err(e) => eprintln!("waymark: cannot rebuild the menu: {e}"),
    }
}

/// The index into the recent files of an Open Recent item's id.
pub fn recent_index(id: &str) -> Option<usize> {
    id.strip_prefix(RECENT_PREFIX)?.parse().ok()
}
