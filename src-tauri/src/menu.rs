//! The native menu: File (New, Open…, Open Recent, Save As…, Export…, Import Map…, Quit) and Edit (Undo, Redo),
//! with the platform's usual shortcuts. Menu actions run the same flows as the commands
//! and tell the UI through the `document-changed` event.

use std::path::PathBuf;

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::documents;
use crate::export::commands::import_and_announce;
use crate::state::{lock, DocumentState, WaymarkExt};

const NEW: &str = "file.new";
const OPEN: &str = "file.open";
const SAVE_AS: &str = "file.save_as";
const EXPORT: &str = "file.export";
const IMPORT: &str = "file.import";
const QUIT: &str = "file.quit";
const UNDO: &str = "edit.undo";
const REDO: &str = "edit.redo";
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

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    match id {
        NEW => {
            let app2 = app.clone();
            app.dialog()
                .file()
                .add_filter("Waymark document", &["waymark"])
                .set_file_name("Untitled.waymark")
                .save_file(move |p| {
                    if let Some(path) = p.and_then(|p| p.into_path().ok()) {
                        let path = crate::commands::with_extension(path);
                        documents::announce(
                            &app2,
                            documents::create(&app2, &path, crate::templates::BLANK),
                        );
                    }
                });
        }
        OPEN => {
            let app2 = app.clone();
            app.dialog()
                .file()
                .set_title(OPEN_TITLE)
                .add_filter("Waymark document or export", OPENABLE)
                .add_filter("Waymark document", &["waymark"])
                .pick_file(move |p| {
                    if let Some(path) = p.and_then(|p| p.into_path().ok()) {
                        open_or_import(&app2, &path);
                    }
                });
        }
        IMPORT => {
            let app2 = app.clone();
            app.dialog()
                .file()
                .add_filter("Waymark export (PNG, PDF, JSON)", &["png", "pdf", "json"])
                .pick_file(move |p| {
                    if let Some(path) = p.and_then(|p| p.into_path().ok()) {
                        import_and_announce(&app2, &path);
                    }
                });
        }
        EXPORT => {
            let _ = app.emit(crate::export::OPEN_DIALOG_EVENT, ());
        }
        SAVE_AS => {
            let app2 = app.clone();
            let name = app
                .waymark()
                .document_state()
                .map(|s| format!("{} copy.waymark", s.name))
                .unwrap_or_default();
            app.dialog()
                .file()
                .add_filter("Waymark document", &["waymark"])
                .set_file_name(name)
                .save_file(move |p| {
                    if let Some(path) = p.and_then(|p| p.into_path().ok()) {
                        let path = crate::commands::with_extension(path);
                        documents::announce(&app2, documents::save_as(&app2, &path));
                    }
                });
        }
        QUIT => app.exit(0),
        UNDO => documents::announce(app, history(app, true)),
        REDO => documents::announce(app, history(app, false)),
        _ => {
            if let Some(i) = id
                .strip_prefix(RECENT_PREFIX)
                .and_then(|i| i.parse::<usize>().ok())
            {
                let path = lock(&app.waymark().settings).recent.get(i).cloned();
                if let Some(path) = path {
                    documents::announce(app, documents::open(app, &path));
                }
            }
        }
    }
}

/// The Open dialog's title.
pub const OPEN_TITLE: &str = "Open";

/// What File > Open accepts: documents, and exports that carry a map.
pub const OPENABLE: &[&str] = &["waymark", "png", "pdf", "json"];

/// A document is opened; an exported PNG/PDF/JSON adds its map to the open document.
pub fn open_or_import<R: Runtime>(app: &AppHandle<R>, path: &std::path::Path) {
    if crate::export::import::is_importable(path) {
        import_and_announce(app, path);
    } else {
        documents::announce(app, documents::open(app, path));
    }
}

fn history<R: Runtime>(app: &AppHandle<R>, undo: bool) -> Result<DocumentState, crate::AppError> {
    app.waymark().with_store(|store| {
        if undo {
            store.undo()?;
        } else {
            store.redo()?;
        }
        Ok(DocumentState::of(store))
    })
}
