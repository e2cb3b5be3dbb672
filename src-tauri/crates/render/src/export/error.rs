use thiserror::Error;

/// Why an export (or reading a map back from an exported file) failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The options ask for something impossible; the message names the option.
    #[error("{0}")]
    BadOptions(String),
    /// The SVG built from the Scene did not parse (a bug, never the user's fault).
    #[error("could not build the drawing: {0}")]
    Svg(String),
    #[error("could not write the PNG: {0}")]
    Png(String),
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// The user cancelled; nothing was written.
    #[error("the export was cancelled")]
    Cancelled,
    /// Reading or writing a file failed; the message names the file.
    #[error("{0}")]
    Io(String),
    /// The map could not be turned into JSON or CSV.
    #[error("{0}")]
    Map(String),
    /// A PNG or PDF that Waymark did not write, or that lost its map on the way.
    #[error("{0}")]
    NoEmbeddedMap(String),
}
