//! The native file dialogs, shown the same way whether a command or the menu asks, each
//! over the window that asked. Each answers the chosen path, or `None` when the user
//! cancelled.

use std::path::PathBuf;

use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use crate::state::DocumentExt;

/// The Open dialog's title.
pub const OPEN_TITLE: &str = "Open";
/// The title of File > Open in New Window…'s dialog.
pub const OPEN_IN_NEW_WINDOW_TITLE: &str = "Open in New Window";

/// What File > Open accepts: documents, and exports that carry a map.
pub const OPENABLE: &[&str] = &["waymark", "png", "pdf", "json"];

/// File > Open…: a document, or an export whose map is added to the open document.
pub async fn document_to_open<R: Runtime>(window: &WebviewWindow<R>) -> Option<PathBuf> {
    let dialog = file_dialog(window)
        .set_title(OPEN_TITLE)
        .add_filter("Waymark document or export", OPENABLE)
        .add_filter("Waymark document", &["waymark"]);
    pick(dialog, false).await
}

/// File > Open in New Window…: a document.
pub async fn document_for_new_window<R: Runtime>(window: &WebviewWindow<R>) -> Option<PathBuf> {
    let dialog = file_dialog(window)
        .set_title(OPEN_IN_NEW_WINDOW_TITLE)
        .add_filter("Waymark document", &["waymark"]);
    pick(dialog, false).await
}

/// The title of the Save dialog that asks where a new document goes.
pub const NEW_DOCUMENT_TITLE: &str = "New Document";

/// File > New…: where to create the new document, suggesting `<name>.waymark`.
pub async fn new_document_path<R: Runtime>(
    window: &WebviewWindow<R>,
    name: &str,
) -> Option<PathBuf> {
    let dialog = file_dialog(window)
        .set_title(NEW_DOCUMENT_TITLE)
        .add_filter("Waymark document", &["waymark"])
        .set_file_name(format!("{name}.waymark"));
    pick(dialog, true).await.map(with_extension)
}

/// File > Save As…: where to copy the window's document, suggesting "<name> copy".
pub async fn save_as_path<R: Runtime>(window: &WebviewWindow<R>) -> Option<PathBuf> {
    let name = window
        .document()
        .document_state()
        .map(|s| format!("{} copy.waymark", s.name))
        .unwrap_or_default();
    let dialog = file_dialog(window)
        .add_filter("Waymark document", &["waymark"])
        .set_file_name(name);
    pick(dialog, true).await.map(with_extension)
}

/// File > Import Map…: an exported PNG, PDF or JSON.
pub async fn export_to_import<R: Runtime>(window: &WebviewWindow<R>) -> Option<PathBuf> {
    let dialog =
        file_dialog(window).add_filter("Waymark export (PNG, PDF, JSON)", &["png", "pdf", "json"]);
    pick(dialog, false).await
}

/// A file dialog over `window`.
pub fn file_dialog<R: Runtime>(window: &WebviewWindow<R>) -> FileDialogBuilder<R> {
    window.dialog().file().set_parent(window)
}

/// Shows a native open or save dialog without blocking the async runtime.
pub async fn pick<R: Runtime>(dialog: FileDialogBuilder<R>, save: bool) -> Option<PathBuf> {
    // The dialog answers once, on the main thread; a one-slot channel carries it here.
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    let send = move |p: Option<tauri_plugin_dialog::FilePath>| {
        let _ = tx.try_send(p.and_then(|p| p.into_path().ok()));
    };
    if save {
        dialog.save_file(send);
    } else {
        dialog.pick_file(send);
    }
    rx.recv().await.flatten()
}

/// "Save As… journey" without an extension gets `.waymark`, as users expect.
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("waymark")
    }
}
