//! The kickoff kit: one PDF to print before a workshop. In order: the map as a poster (on
//! the chosen paper, A1 when the page would be fitted to the map, or tiled on A4/A3
//! sheets with crop marks and a sheet index), a handout per channel (job description and
//! SMART goals), the passion-point KPI sheet, the map's voting results (left out while it
//! has no round), and a blank worksheet per stage for paper sessions.

use waymark_model::Document;

use super::{compose, ExportError, ExportFormat, ExportInfo, ExportOptions, PageSvg, PaperSize};
use crate::Scene;

/// The poster's paper when the options would fit the page to the map.
pub const KIT_POSTER: PaperSize = PaperSize::A1;

/// Every page of the kit for `scene`'s map of `doc`.
pub(crate) fn kit_pages(
    doc: &Document,
    scene: &Scene,
    opts: &ExportOptions,
    info: &ExportInfo,
) -> Result<Vec<PageSvg>, ExportError> {
    if opts.format != ExportFormat::Pdf {
        return Err(kit_needs_pdf());
    }
    let map = doc
        .maps
        .iter()
        .find(|m| m.id == scene.map_id)
        .ok_or_else(|| ExportError::Map(format!("no map {} in the document", scene.map_id)))?;
    let poster = ExportOptions {
        page: if opts.page == PaperSize::Fit {
            KIT_POSTER
        } else {
            opts.page
        },
        appendix: false,
        kit: false,
        ..opts.clone()
    };
    let mut pages = compose(scene, &poster, info)?;
    pages.extend(super::appendix::kit_handouts(
        doc,
        map,
        info,
        opts.margin_mm,
    ));
    let sheet = opts.tile.unwrap_or(PaperSize::A4);
    pages.extend(super::worksheet::worksheet_pages(map, info, sheet));
    Ok(pages)
}

/// The message for a kit asked of anything but a PDF.
pub(crate) fn kit_needs_pdf() -> ExportError {
    ExportError::BadOptions(
        "the kickoff kit is one PDF of many pages: choose PDF (a PNG or SVG is one picture)"
            .to_owned(),
    )
}
