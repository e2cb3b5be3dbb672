//! What crosses the IPC boundary for export and import: the payloads of the
//! `export-progress` and `export-finished` events (named in `contract/list.rs`), the
//! preview and an import's result.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorPayload;
use crate::state::DocumentState;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub job_id: u32,
    /// 0 to 1.
    pub fraction: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportOutcome {
    Done,
    Cancelled,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportFinished {
    pub job_id: u32,
    pub outcome: ExportOutcome,
    /// Where the file was written (Done), or would have been.
    pub path: String,
    /// The file's size (Done), else 0.
    pub bytes: u64,
    /// Why it failed (Failed).
    pub error: Option<ErrorPayload>,
}

/// A small picture of the first page as the export would make it, for the dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPreview {
    /// `data:image/png;base64,…`
    pub data_url: String,
    /// How many pages (sheets, for a tiled poster) the export makes; 1 for PNG/SVG.
    pub pages: u32,
    /// The page as the user should read it, e.g. "A3 landscape · 420 × 297 mm" or
    /// "Fit to content · 2724 × 2557 px at 150 dpi": sizes are those of the page the
    /// export composes, a PNG's pixels those it will be written with.
    pub page_label: String,
}

/// What an import of an exported PNG/PDF/JSON added to the open document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    pub map_id: String,
    pub map_name: String,
    pub cards: u32,
    pub state: DocumentState,
}
