use thiserror::Error;

/// Why a map could not be laid out.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The document holds no map with this id.
    #[error("no map with id {0:?} in the document")]
    MapNotFound(String),
}
