//! Checks a file's first 100 bytes before SQLite sees it.
//!
//! SQLite turns an empty file into a fresh database, opens a newer schema without
//! complaint and only notices truncation when it reads a missing page. Reading the
//! header ourselves lets every bad file be refused with its own message, and without a
//! single byte written.

use std::path::Path;

use crate::{StoreError, APPLICATION_ID, SCHEMA_VERSION};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// What the header says about a file that passed the checks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Header {
    pub user_version: u32,
}

/// Refuses anything that is not a complete Waymark file this version can read.
pub(crate) fn check(path: &Path) -> Result<Header, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: path.to_path_buf(),
        },
        _ => StoreError::Io {
            path: path.to_path_buf(),
            action: "read the file's details",
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let len = meta.len();
    if len == 0 {
        return Err(StoreError::EmptyFile {
            path: path.to_path_buf(),
        });
    }

    // Through SQLite's file layer and under its shared lock: a descriptor of our own,
    // closed again, would drop the locks of any connection this process has on the
    // file, and a writer could be caught half-way (see `vfs.rs`).
    let start = crate::vfs::read_start(path, HEADER_LEN).map_err(|e| match e.kind() {
        std::io::ErrorKind::WouldBlock => StoreError::Locked {
            path: path.to_path_buf(),
        },
        _ => StoreError::io(path, "read the file")(e),
    })?;
    let (bytes, len) = (start.bytes, start.len);

    if !bytes.starts_with(SQLITE_MAGIC) {
        if SQLITE_MAGIC.starts_with(&bytes) {
            return Err(StoreError::corrupt(
                path,
                format!("the file is cut short ({len} bytes)"),
            ));
        }
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
            what: describe_other(&bytes),
        });
    }
    if bytes.len() < HEADER_LEN {
        return Err(StoreError::corrupt(
            path,
            format!("the file is cut short ({len} bytes)"),
        ));
    }

    let be32 =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    if page_size < 512 || !page_size.is_power_of_two() {
        return Err(StoreError::corrupt(
            path,
            format!("its header gives an impossible page size ({page_size})"),
        ));
    }
    // The page count is only trustworthy when "version-valid-for" matches the change
    // counter (older writers did not maintain it); the length must be whole pages anyway.
    let counted = (be32(92) == be32(24)).then(|| u64::from(be32(28)) * page_size);
    let truncated = match counted {
        Some(expected) if expected > 0 => len < expected,
        _ => len % page_size != 0,
    };
    // A crashed writer's file is made whole again from its journal when SQLite opens
    // it; until then its length may not match its header.
    if (truncated || len < page_size) && !start.hot_journal {
        let expected = counted.map_or(String::new(), |n| format!(" of the {n} it should have"));
        return Err(StoreError::corrupt(
            path,
            format!("the file is cut short: it holds {len} bytes{expected}"),
        ));
    }

    let application_id = be32(68);
    if application_id != APPLICATION_ID as u32 {
        return Err(StoreError::NotWaymark {
            path: path.to_path_buf(),
            application_id,
        });
    }
    let user_version = be32(60);
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: user_version,
            supported: SCHEMA_VERSION,
            // Filled in by `file::check_header`, which may ask SQLite (read-only).
            written_by: None,
            this: crate::writer().to_string(),
        });
    }
    Ok(Header { user_version })
}

/// Names common files people open by mistake, so the message says what went wrong.
fn describe_other(bytes: &[u8]) -> String {
    let known: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "it is a PNG image"),
        (b"\xff\xd8\xff", "it is a JPEG image"),
        (b"GIF8", "it is a GIF image"),
        (b"%PDF", "it is a PDF document"),
        (b"PK\x03\x04", "it is a ZIP archive (or an Office document)"),
        (b"<svg", "it is an SVG image"),
        (b"<?xml", "it is an XML file"),
    ];
    if let Some((_, what)) = known.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return what.to_string();
    }
    // A map exported as JSON (or any JSON) renamed: say how to bring it in instead.
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => {
            "it is a JSON file (a map exported as JSON is added with File › Import…, or `waymark import`)"
                .to_string()
        }
        _ => "it is not an SQLite database".to_string(),
    }
}
