//! Reopening an exported map: a PNG (text chunk), PDF (attached file) or JSON export is
//! added to the open document as a new editable map, in one undoable edit.

use std::path::Path;

use waymark_model::{map_from_json, Document, MapImport};
use waymark_render::export::read_embedded_map;

use crate::error::AppError;

/// Larger than any real export; a guard against reading a huge unrelated file.
const MAX_IMPORT_BYTES: u64 = 1 << 30;

/// Reads `path` and builds the edit that adds its map to `doc`. Changes nothing.
pub fn prepare(path: &Path, doc: &Document) -> Result<MapImport, AppError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let fail = |message: String| AppError::Import(message);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(fail(format!(
            "{name} is {} MB, too large to be a Waymark export",
            meta.len() >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    let text = if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"%PDF") {
        read_embedded_map(&bytes).map_err(|e| fail(format!("{name}: {e}")))?
    } else {
        String::from_utf8(bytes).map_err(|_| {
            fail(format!(
                "{name} is not a Waymark export (not a PNG, PDF or JSON file)"
            ))
        })?
    };
    map_from_json(&text, &name, doc).map_err(|e| fail(e.to_string()))
}

/// The file kinds File > Open and a drop on the window import rather than open.
pub fn is_importable(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("png" | "pdf" | "json")
    )
}
