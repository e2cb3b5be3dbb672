//! What a user chooses in the Export dialog or on the command line. The same struct
//! crosses the IPC boundary, is remembered in the settings and is built from CLI flags.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The file kind an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Png,
    Pdf,
    Svg,
    /// The map as versioned JSON (reopens as an editable map).
    Json,
    /// The map's cards as a spreadsheet.
    Csv,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Svg => "svg",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        }
    }
}

/// A sheet of paper, or the drawing's own size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PaperSize {
    /// The page is the map's own size plus margins (no scaling).
    Fit,
    A4,
    A3,
    A2,
    A1,
    A0,
    Letter,
    Tabloid,
}

impl PaperSize {
    /// Width × height in millimetres, portrait; `None` for [`PaperSize::Fit`].
    pub fn portrait_mm(self) -> Option<(f32, f32)> {
        Some(match self {
            PaperSize::Fit => return None,
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::A3 => (297.0, 420.0),
            PaperSize::A2 => (420.0, 594.0),
            PaperSize::A1 => (594.0, 841.0),
            PaperSize::A0 => (841.0, 1189.0),
            PaperSize::Letter => (215.9, 279.4),
            PaperSize::Tabloid => (279.4, 431.8),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    Portrait,
    Landscape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Background {
    White,
    /// PNG only; a PDF page is always paper.
    Transparent,
}

/// Everything an export can be asked for. `Default` is what a first-time user gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExportOptions {
    pub format: ExportFormat,
    pub page: PaperSize,
    pub orientation: Orientation,
    /// Blank border around the content on every page, in millimetres.
    pub margin_mm: f32,
    pub background: Background,
    /// Raster resolution (PNG only), 72–600.
    pub dpi: u32,
    /// Map name, persona and date in a block under the map.
    pub title_block: bool,
    /// The lanes by name, channels with their icons, connector kinds and card markers.
    pub legend: bool,
    /// Print the page as a poster across several sheets of this size (PDF only).
    pub tile: Option<PaperSize>,
    /// How much neighbouring sheets overlap, in millimetres, for taping together.
    pub tile_overlap_mm: f32,
    /// After the map, pages with the channels' job descriptions and SMART goals and the
    /// passion points' KPIs (PDF only; a PNG or SVG is one picture).
    pub appendix: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            format: ExportFormat::Png,
            page: PaperSize::Fit,
            orientation: Orientation::Landscape,
            margin_mm: 10.0,
            background: Background::White,
            dpi: 150,
            title_block: true,
            legend: true,
            tile: None,
            tile_overlap_mm: 10.0,
            appendix: false,
        }
    }
}

/// Who and what the export is about: printed in the title block and written into the
/// PDF's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportInfo {
    /// The map's name; the PDF title.
    pub title: String,
    /// The PDF author (empty: none).
    pub author: String,
    /// The map's personas, joined for the title block (empty: none).
    pub persona: String,
    /// The export's date, `YYYY-MM-DD`: printed in the title block and the PDF's creation
    /// date. Day granularity keeps two exports of the same map on one day byte-identical.
    pub date: String,
}

/// One page ready for a backend: a standalone SVG document whose user unit is the PDF
/// point (1/72 inch), so `width_pt` × `height_pt` is the paper size.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSvg {
    pub svg: String,
    pub width_pt: f32,
    pub height_pt: f32,
    /// For tiled posters: the sheet index printed on it, e.g. "Row 1 · Column 2".
    pub label: Option<String>,
}

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// Points per layout unit: the Scene is in CSS pixels (1/96 inch).
pub const PT_PER_PX: f32 = 72.0 / 96.0;
