//! Reading a map back out of an exported file: the PNG's `waymark-map` text chunk or the
//! PDF's `map.waymark.json` attachment. Anything else (another program's PNG, a stripped
//! copy, a truncated download, random bytes) gives [`ExportError::NoEmbeddedMap`] with a
//! message a user can act on, never a panic.

use std::collections::HashSet;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::{Dictionary, Document, Object};

use super::pdf::MAP_ATTACHMENT;
use super::png::MAP_KEYWORD;
use super::ExportError;

mod inflation;
pub use inflation::MAX_PDF_INFLATED_BYTES;

/// The largest map (uncompressed JSON) read back from a file. Maps with photos are a few
/// MiB; anything beyond this is refused rather than inflated into memory.
pub const MAX_EMBEDDED_MAP_BYTES: usize = 64 << 20;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const PDF_MAGIC: &[u8] = b"%PDF-";

const NO_MAP_IN_PNG: &str =
    "this PNG has no Waymark map in it (it was not exported by Waymark, or the map was stripped)";
const NO_MAP_IN_PDF: &str =
    "this PDF has no Waymark map in it (it was not exported by Waymark, or the map was stripped)";
const NOT_PNG_OR_PDF: &str = "not a PNG or PDF file";

/// The map JSON stored in an exported PNG or PDF (as written by
/// [`write_png`](super::write_png) / [`write_pdf`](super::write_pdf) with a `map_json`).
///
/// The kind of file is recognised by its first bytes, not its name. The JSON is checked to
/// be well-formed (a damaged file is reported as such) but not interpreted.
pub fn read_embedded_map(bytes: &[u8]) -> Result<String, ExportError> {
    let json = if bytes.starts_with(PNG_MAGIC) {
        read_png(bytes)?
    } else if is_pdf(bytes) {
        read_pdf(bytes)?
    } else {
        return Err(ExportError::NoEmbeddedMap(NOT_PNG_OR_PDF.to_owned()));
    };
    if serde_json::from_str::<serde::de::IgnoredAny>(&json).is_err() {
        return Err(ExportError::NoEmbeddedMap(
            "the Waymark map in this file is damaged (its JSON is incomplete or invalid)"
                .to_owned(),
        ));
    }
    Ok(json)
}

/// A PDF header may follow up to 1 KiB of other bytes (PDF 1.7, annex H.3).
fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(PDF_MAGIC.len())
        .any(|w| w == PDF_MAGIC)
}

fn damaged(kind: &str, detail: impl std::fmt::Display) -> ExportError {
    ExportError::NoEmbeddedMap(format!(
        "this {kind} is damaged and its Waymark map cannot be read ({detail})"
    ))
}

fn too_large(kind: &str) -> ExportError {
    ExportError::NoEmbeddedMap(format!(
        "the Waymark map in this {kind} is larger than {} MiB and was not read",
        MAX_EMBEDDED_MAP_BYTES >> 20
    ))
}

// ---- PNG ------------------------------------------------------------------------------

fn read_png(bytes: &[u8]) -> Result<String, ExportError> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_ignore_text_chunk(false);
    let mut reader = decoder.read_info().map_err(|e| damaged("PNG", e))?;
    // Waymark writes the chunk before the image data, so it is usually known by now; other
    // tools that re-save a PNG may move text chunks after IDAT, which only `finish` reads.
    if let Some(json) = map_chunk(reader.info())? {
        return Ok(json);
    }
    reader.finish().map_err(|e| damaged("PNG", e))?;
    map_chunk(reader.info())?.ok_or_else(|| ExportError::NoEmbeddedMap(NO_MAP_IN_PNG.to_owned()))
}

fn map_chunk(info: &png::Info<'_>) -> Result<Option<String>, ExportError> {
    let text_error = |e: png::DecodingError| {
        if e.to_string().contains("decompression space") {
            too_large("PNG")
        } else {
            damaged("PNG", e)
        }
    };
    if let Some(chunk) = info.utf8_text.iter().find(|c| c.keyword == MAP_KEYWORD) {
        let mut chunk = chunk.clone();
        chunk
            .decompress_text_with_limit(MAX_EMBEDDED_MAP_BYTES)
            .map_err(text_error)?;
        return chunk.get_text().map(Some).map_err(text_error);
    }
    if let Some(chunk) = info
        .compressed_latin1_text
        .iter()
        .find(|c| c.keyword == MAP_KEYWORD)
    {
        let mut chunk = chunk.clone();
        chunk
            .decompress_text_with_limit(MAX_EMBEDDED_MAP_BYTES)
            .map_err(text_error)?;
        return chunk.get_text().map(Some).map_err(text_error);
    }
    Ok(info
        .uncompressed_latin1_text
        .iter()
        .find(|c| c.keyword == MAP_KEYWORD)
        .map(|c| c.text.clone()))
}

// ---- PDF ------------------------------------------------------------------------------

fn read_pdf(bytes: &[u8]) -> Result<String, ExportError> {
    // Measured first: lopdf inflates some streams while loading, without a limit.
    inflation::check(bytes).map_err(|refusal| match refusal {
        inflation::Refusal::TooLarge => ExportError::NoEmbeddedMap(format!(
            "this PDF's compressed contents inflate to more than {} MiB; it was not read \
             (a Waymark PDF inflates to a few MiB)",
            MAX_PDF_INFLATED_BYTES >> 20
        )),
        inflation::Refusal::Filter(name) => ExportError::NoEmbeddedMap(format!(
            "this PDF uses /{name} compression, which Waymark's PDFs never use; it was not read"
        )),
    })?;
    // lopdf reports malformed input as errors, but it is a large parser fed with untrusted
    // bytes: a panic deep inside it must still end as an error, not bring the app down.
    let document = catch_unwind(AssertUnwindSafe(|| Document::load_mem(bytes)))
        .map_err(|_| damaged("PDF", "the file structure could not be parsed"))?
        .map_err(|e| damaged("PDF", e))?;
    catch_unwind(AssertUnwindSafe(|| find_map_in_pdf(&document)))
        .map_err(|_| damaged("PDF", "the attachment could not be parsed"))?
}

fn find_map_in_pdf(doc: &Document) -> Result<String, ExportError> {
    let catalog = doc.catalog().map_err(|e| damaged("PDF", e))?;
    let mut specs: Vec<&Dictionary> = Vec::new();

    // The document's attachments: /Names → /EmbeddedFiles (a name tree of file specs).
    if let Some(tree) = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| deref_dict(doc, n))
        .and_then(|names| names.get(b"EmbeddedFiles").ok())
        .and_then(|t| deref_dict(doc, t))
    {
        collect_name_tree(doc, tree, &mut specs, &mut HashSet::new(), 0);
    }
    // PDF 2.0 and PDF/A-3 also list them as the catalog's associated files (/AF).
    if let Some(af) = catalog.get(b"AF").ok().and_then(|a| deref(doc, a)) {
        if let Ok(array) = af.as_array() {
            specs.extend(array.iter().filter_map(|s| deref_dict(doc, s)));
        }
    }

    let spec = specs
        .into_iter()
        .find(|spec| file_name(spec).as_deref() == Some(MAP_ATTACHMENT))
        .ok_or_else(|| ExportError::NoEmbeddedMap(NO_MAP_IN_PDF.to_owned()))?;
    let ef = spec
        .get(b"EF")
        .ok()
        .and_then(|e| deref_dict(doc, e))
        .ok_or_else(|| damaged("PDF", "the map attachment has no contents"))?;
    let stream = ef
        .get(b"UF")
        .or_else(|_| ef.get(b"F"))
        .ok()
        .and_then(|s| deref(doc, s))
        .and_then(|s| s.as_stream().ok())
        .ok_or_else(|| damaged("PDF", "the map attachment has no contents"))?;

    // Refuse what would inflate to more than the limit, as far as it can be known up front.
    let declared_size = stream
        .dict
        .get(b"Params")
        .ok()
        .and_then(|p| deref_dict(doc, p))
        .and_then(|p| p.get(b"Size").ok())
        .and_then(|s| s.as_i64().ok());
    if declared_size.is_some_and(|s| s as u64 > MAX_EMBEDDED_MAP_BYTES as u64)
        || stream.content.len() > MAX_EMBEDDED_MAP_BYTES
    {
        return Err(too_large("PDF"));
    }
    let data = if stream.dict.get(b"Filter").is_ok() {
        stream
            .decompressed_content()
            .map_err(|e| damaged("PDF", e))?
    } else {
        stream.content.clone()
    };
    if data.len() > MAX_EMBEDDED_MAP_BYTES {
        return Err(too_large("PDF"));
    }
    if declared_size.is_some_and(|s| s as u64 != data.len() as u64) {
        return Err(damaged(
            "PDF",
            "the map attachment is shorter or longer than it says",
        ));
    }
    String::from_utf8(data).map_err(|_| damaged("PDF", "the map attachment is not UTF-8 text"))
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn deref_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    deref(doc, object).and_then(|o| o.as_dict().ok())
}

/// Adds the values of a name tree (leaf `/Names [key value …]`, inner `/Kids`) to `out`.
fn collect_name_tree<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    out: &mut Vec<&'a Dictionary>,
    seen: &mut HashSet<lopdf::ObjectId>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    if let Some(names) = node
        .get(b"Names")
        .ok()
        .and_then(|n| deref(doc, n))
        .and_then(|n| n.as_array().ok())
    {
        out.extend(
            names
                .iter()
                .skip(1)
                .step_by(2)
                .filter_map(|v| deref_dict(doc, v)),
        );
    }
    if let Some(kids) = node
        .get(b"Kids")
        .ok()
        .and_then(|k| deref(doc, k))
        .and_then(|k| k.as_array().ok())
    {
        for kid in kids {
            if let Ok(id) = kid.as_reference() {
                if !seen.insert(id) {
                    continue; // a cycle
                }
            }
            if let Some(kid) = deref_dict(doc, kid) {
                collect_name_tree(doc, kid, out, seen, depth + 1);
            }
        }
    }
}

/// A file specification's name: the Unicode `/UF`, else `/F`.
fn file_name(spec: &Dictionary) -> Option<String> {
    spec.get(b"UF")
        .or_else(|_| spec.get(b"F"))
        .ok()
        .and_then(|n| lopdf::decode_text_string(n).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_bytes_are_neither_png_nor_pdf() {
        for bytes in [&b""[..], b"GIF89a", b"{\"map\":1}", &[0u8; 100]] {
            assert_eq!(
                read_embedded_map(bytes),
                Err(ExportError::NoEmbeddedMap(NOT_PNG_OR_PDF.to_owned()))
            );
        }
    }

    #[test]
    fn a_pdf_header_may_follow_other_bytes() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"junk\n%PDF-1.7\n"));
        assert!(!is_pdf(b"%PD"));
    }
}
