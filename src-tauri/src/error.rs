//! The shell's one error type. It wraps each crate's error and reaches the UI as
//! `{kind, message}`, so the UI can tell a missing file from a refused edit.

use serde::{Serialize, Serializer};
use ts_rs::TS;
use waymark_render::RenderError;
use waymark_store::StoreError;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("template {name:?}: {message}")]
    Template { name: String, message: String },
    #[error("no document is open")]
    NoDocument,
    #[error("settings: {0}")]
    Settings(String),
    /// An export failed or was refused; the message names the option or the file.
    #[error("{0}")]
    Export(String),
    /// A file could not be imported as a map; the message names the file and the field.
    #[error("{0}")]
    Import(String),
    /// A file the user chose (a photo, a performance CSV) cannot be used; the message
    /// names the file and the problem.
    #[error("{0}")]
    Input(String),
    #[error("window: {0}")]
    Tauri(#[from] tauri::Error),
}

impl AppError {
    /// A stable, snake_case name for the kind of failure.
    pub fn kind(&self) -> String {
        match self {
            AppError::Store(e) => e.kind().to_string(),
            AppError::Render(_) => "render".into(),
            AppError::Template { .. } => "template".into(),
            AppError::NoDocument => "no_document".into(),
            AppError::Settings(_) => "settings".into(),
            AppError::Export(_) => "export".into(),
            AppError::Import(_) => "import".into(),
            AppError::Input(_) => "input".into(),
            AppError::Tauri(_) => "window".into(),
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
        }
    }
}

/// What the UI receives for every failed command or background failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(rename = "AppError")]
pub struct ErrorPayload {
    pub kind: String,
    pub message: String,
}

impl From<waymark_render::export::ExportError> for AppError {
    fn from(e: waymark_render::export::ExportError) -> Self {
        AppError::Export(e.to_string())
    }
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
