//! The app's integration tests: one test binary (ripgrep's layout). Crate-level tests
//! live in each crate under `src-tauri/crates/*/tests`.

/// Shared helpers: temporary app folders, file hashes.
mod common;

/// The generated files (`ui/src/lib/generated/*.ts`, the capability) match the Rust types,
/// the contract's list and the drawing constants; the list matches the commands' functions.
mod bindings;

/// `waymark new` / `waymark info` run headless and fail clearly on bad input.
mod cli;

/// `waymark export` / `waymark import` headless, checked with PNG and PDF readers.
mod export;

/// `waymark export --kit`: the kickoff kit read back with poppler; bad input refused.
mod export_kit;

/// The IPC commands through Tauri's mock runtime, checked against the file on disk.
mod commands;

/// The Export dialog's commands and import, through the mock runtime.
mod export_commands;

/// File › New's template gallery (thumbnails) and creating a document from a template.
mod gallery_commands;

/// The strategist's commands (report, performance CSV, persona photos), mock runtime.
mod plan_commands;

/// Presenting: the map for outsiders, the audience window sharing its opener's document.
mod present_commands;

/// Workshop mode: participants, votes and their results (and CSV), checked with sqlite3.
mod workshop_commands;

/// The workshop summary as Markdown and PDF, from the app's command and the CLI.
mod workshop_summary;

/// The bad-input corpus (tests/fixtures/bad): every file refused clearly, or loaded, and
/// left as it was.
mod bad_input;

/// Security: the CSP and capability as built, and decompression bombs refused.
mod security;

/// GLib asking a document's type (as GTK's file chooser does) keeps the store's locks.
mod file_locks;

/// The real app in a real window (Xvfb + tauri-driver + WebKitWebDriver).
mod e2e;
