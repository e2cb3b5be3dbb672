//! Export: the Scene drawn as SVG, then PNG (resvg) and PDF (krilla), with pages, posters
//! tiled on small paper, a title block and a legend; and reading a map back out of an
//! exported PNG or PDF.
//!
//! Pipeline: [`Scene`](crate::Scene) → `svg` (every user string escaped) → pages
//! (`page`, `tile`, `legend`) as [`PageSvg`]s in points → `tree` (usvg with the bundled
//! font only) → `png` / `pdf`.

mod error;
mod options;

pub use error::ExportError;
pub use options::*;
mod tree;

pub use tree::parse as parse_svg;
mod appendix;
mod kit;
mod legend;
mod page;
mod style;
mod summary;
mod svg;
mod tile;
mod worksheet;

pub use appendix::appendix_pages;
pub use kit::KIT_POSTER;
pub use page::{compose, compose_all, validate, DPI, MARGIN_MM, PDF_MAX_PT, TILE_OVERLAP_MM};
pub use style::{colors, connector_style, ConnectorStyle, ARROWHEAD, CONNECTOR_KINDS, MAP_COLORS};
pub use summary::{
    export_summary_to_file, markdown_inline, summary_markdown, write_summary, SummaryFormat,
};
pub use svg::scene_svg;
pub use tile::{sheet_label, SHEET_MARGIN_MM};
mod embed;
mod pdf;
mod png;

pub use embed::{read_embedded_map, MAX_EMBEDDED_MAP_BYTES};
pub use pdf::{write_pdf, write_pdf_phases, PdfPhases, MAP_ATTACHMENT};
pub use png::{png_pixel_size, write_png, write_png_in_bands, MAP_KEYWORD, MAX_DPI, MIN_DPI};
mod run;

pub use run::{export, export_to_file, info_for, preview, today, Preview};
