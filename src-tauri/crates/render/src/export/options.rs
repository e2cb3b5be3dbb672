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
        self.spec().portrait_mm
    }

    /// How the Export dialog and the page label name it ("A4", "US Letter").
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    fn spec(self) -> &'static PaperSpec {
        PAPER_SIZES
            .iter()
            .find(|p| p.size == self)
            .expect("every paper size is in PAPER_SIZES")
    }
}

/// A paper size as people know it. The one table of sizes: the exports, the CLI and
/// (generated into `ui/src/lib/generated/drawing.ts`) the Export dialog read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaperSpec {
    pub size: PaperSize,
    pub label: &'static str,
    /// Width × height in millimetres, portrait; `None` for fit to content.
    pub portrait_mm: Option<(f32, f32)>,
    /// Sizes people know in inches (US Letter, Tabloid) are labelled in inches.
    pub inches: bool,
}

/// Every paper size, in the order the Export dialog offers them.
pub const PAPER_SIZES: [PaperSpec; 8] = [
    paper(PaperSize::Fit, "Fit to content", None, false),
    paper(PaperSize::A4, "A4", Some((210.0, 297.0)), false),
    paper(PaperSize::A3, "A3", Some((297.0, 420.0)), false),
    paper(PaperSize::A2, "A2", Some((420.0, 594.0)), false),
    paper(PaperSize::A1, "A1", Some((594.0, 841.0)), false),
    paper(PaperSize::A0, "A0", Some((841.0, 1189.0)), false),
    paper(PaperSize::Letter, "US Letter", Some((215.9, 279.4)), true),
    paper(PaperSize::Tabloid, "Tabloid", Some((279.4, 431.8)), true),
];

const fn paper(
    size: PaperSize,
    label: &'static str,
    portrait_mm: Option<(f32, f32)>,
    inches: bool,
) -> PaperSpec {
    PaperSpec {
        size,
        label,
        portrait_mm,
        inches,
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
    /// The kickoff kit (PDF only): the map as a poster (on `page`, A1 when fitted, or
    /// tiled on `tile`), then a handout per channel, the passion-point KPI sheet, the
    /// map's voting results and a blank worksheet per stage for paper sessions.
    pub kit: bool,
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
            kit: false,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paper_table_holds_every_size_once() {
        for spec in PAPER_SIZES {
            let same = PAPER_SIZES.iter().filter(|p| p.size == spec.size).count();
            assert_eq!(same, 1, "{:?}", spec.size);
            assert_eq!(spec.portrait_mm.is_none(), spec.size == PaperSize::Fit);
        }
        assert_eq!(PaperSize::A3.portrait_mm(), Some((297.0, 420.0)));
        assert_eq!(PaperSize::Letter.label(), "US Letter");
    }
}
