//! Reopening an exported map: a PNG (text chunk), PDF (attached file) or JSON export is
//! added to the open document as a new editable map, in one undoable edit.

use std::path::Path;

use waymark_model::{map_from_json, Document, MapImport};
use waymark_render::export::{read_embedded_map, MAX_EMBEDDED_MAP_BYTES};

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
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            fail(format!("{}: the file does not exist", path.display()))
        }
        _ => fail(format!("{}: {e}", path.display())),
    })?;
    if meta.is_dir() {
        return Err(fail(format!(
            "{} is a folder, not a Waymark export",
            path.display()
        )));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(fail(format!(
            "{name} is {} MB, too large to be a Waymark export",
            meta.len() >> 20
        )));
    }
    let image = |bytes: &[u8]| bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"%PDF");
    // A JSON map file is only the map, which an export embeds up to the same limit; a
    // larger one is refused before it is read into memory.
    if meta.len() > MAX_EMBEDDED_MAP_BYTES as u64 && !image(&first_bytes(path)) {
        return Err(fail(format!(
            "{name} is {} MiB, larger than any Waymark map file ({} MiB at most); it was not read",
            meta.len() >> 20,
            MAX_EMBEDDED_MAP_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    let text = if image(&bytes) {
        read_embedded_map(&bytes).map_err(|e| fail(format!("{name}: {e}")))?
    } else {
        map_text(bytes, &name).map_err(fail)?
    };
    map_from_json(&text, &name, doc).map_err(|e| fail(e.to_string()))
}

fn first_bytes(path: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut head = Vec::with_capacity(8);
    let _ = std::fs::File::open(path).and_then(|f| f.take(8).read_to_end(&mut head));
    head
}

/// The text of a JSON map file, or why the bytes cannot be one.
fn map_text(bytes: Vec<u8>, name: &str) -> Result<String, String> {
    let not_an_export = || format!("{name} is not a Waymark export (not a PNG, PDF or JSON file)");
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(format!(
            "{name} is UTF-16 text; a Waymark map file is UTF-8 (save it as UTF-8 and import it again)"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| not_an_export())?;
    // Text that cannot start a JSON document is some other file (a CSV, notes…).
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        None | Some('{' | '[') => Ok(text),
        Some(_) => Err(not_an_export()),
    }
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
