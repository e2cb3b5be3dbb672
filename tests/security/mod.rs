//! Security: what the built app's web page may do (CSP, capability), and the memory a
//! file from anyone may make it use (decompression bombs as photos, PNGs, PDFs).
//! What the window does with hostile text, and that it opens no network connection, is
//! tested in the real app: `e2e::hostile_text`, `e2e::offline`.

/// `tauri.conf.json`'s CSP and the capability, read as built: any widening fails.
mod config;

/// Decompression bombs refused quickly, each in a child process whose peak memory is read.
mod bombs;
