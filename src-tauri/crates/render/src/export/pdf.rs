//! PDF backend: every page drawn with krilla as vector shapes and real, selectable text in
//! the bundled Inter (embedded and subset by krilla), with the map's metadata and,
//! optionally, the map itself attached as `map.waymark.json`.
//!
//! A page's SVG is read directly into krilla operations (`pdf/read.rs`: text shaped once
//! per span into glyph runs); a page using SVG outside the exporter's own subset goes
//! through usvg and krilla-svg instead, which draw the same picture more slowly.
//!
//! The output is deterministic: the only date is the export's day from [`ExportInfo`] and
//! krilla derives the document ids from the content, so the same pages give the same bytes.

use std::time::{Duration, Instant};

use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::Size;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::{ExportError, ExportInfo, PageSvg};

mod draw;
mod path_data;
mod read;
mod shape;
mod style;

/// The name of the map attached to an exported PDF.
pub const MAP_ATTACHMENT: &str = "map.waymark.json";
/// The attachment's description, shown by PDF viewers in their attachments panel.
pub const MAP_ATTACHMENT_DESCRIPTION: &str = "Waymark map";
/// The PDF's creator (the application that made the document).
pub const CREATOR: &str = "Waymark";

/// Writes `pages` as one PDF document, one PDF page per [`PageSvg`] at its size in points.
///
/// `info` gives the title, author and creation date (`YYYY-MM-DD`, empty for none);
/// `map_json`, when given, is attached as `map.waymark.json` (`application/json`).
/// `progress` is called with the fraction done after each page and once more when the file
/// is complete; returning `false` stops with [`ExportError::Cancelled`].
pub fn write_pdf(
    pages: &[PageSvg],
    info: &ExportInfo,
    map_json: Option<&str>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<u8>, ExportError> {
    let mut phases = PdfPhases::default();
    write(pages, info, map_json, progress, Route::Direct, &mut phases)
}

/// Where [`write_pdf`]'s time goes (for the benchmark `examples/export_pdf.rs`).
#[doc(hidden)]
#[derive(Debug, Default, Clone, Copy)]
pub struct PdfPhases {
    /// Reading the pages' SVG: into krilla operations, or usvg parsing it.
    pub read: Duration,
    /// Drawing onto krilla's pages.
    pub draw: Duration,
    /// krilla writing the file: fonts subset, streams compressed.
    pub finish: Duration,
    /// How many pages were read directly (the others went through usvg).
    pub direct_pages: usize,
}

/// [`write_pdf`] with its phases timed; `through_usvg` draws every page the general way,
/// as the exporter did before pages were read directly.
#[doc(hidden)]
pub fn write_pdf_phases(
    pages: &[PageSvg],
    info: &ExportInfo,
    map_json: Option<&str>,
    through_usvg: bool,
) -> Result<(Vec<u8>, PdfPhases), ExportError> {
    let mut phases = PdfPhases::default();
    let route = if through_usvg {
        Route::Usvg
    } else {
        Route::Direct
    };
    let bytes = write(pages, info, map_json, &mut |_| true, route, &mut phases)?;
    Ok((bytes, phases))
}

/// How pages are drawn: read directly where they can be, or all through usvg.
#[derive(Clone, Copy, PartialEq)]
enum Route {
    Direct,
    Usvg,
}

fn write(
    pages: &[PageSvg],
    info: &ExportInfo,
    map_json: Option<&str>,
    progress: &mut dyn FnMut(f32) -> bool,
    route: Route,
    phases: &mut PdfPhases,
) -> Result<Vec<u8>, ExportError> {
    if pages.is_empty() {
        return Err(ExportError::BadOptions(
            "a PDF needs at least one page".to_owned(),
        ));
    }
    let date = parse_date(&info.date)?;
    let steps = pages.len() as f32 + 1.0;
    if !progress(0.0) {
        return Err(ExportError::Cancelled);
    }

    let settings = SerializeSettings {
        // Tags would need a structure tree built from the Scene; without one krilla would
        // only write an empty one.
        enable_tagging: false,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);

    let mut metadata = Metadata::new()
        .title(info.title.clone())
        .creator(CREATOR.to_owned());
    if !info.author.trim().is_empty() {
        metadata = metadata.authors(vec![info.author.clone()]);
    }
    if let Some(date) = date {
        metadata = metadata.creation_date(date);
    }
    document.set_metadata(metadata);

    let svg_settings = SvgSettings {
        // Real glyphs (selectable, searchable, crisp at any zoom), never outlines.
        embed_text: true,
        ..SvgSettings::default()
    };
    let mut shaper = match route {
        Route::Direct => shape::Shaper::new(),
        Route::Usvg => None,
    };
    for (index, page) in pages.iter().enumerate() {
        let size = Size::from_wh(page.width_pt, page.height_pt).ok_or_else(|| {
            ExportError::BadOptions(format!(
                "page {} has no size ({} × {} pt)",
                index + 1,
                page.width_pt,
                page.height_pt
            ))
        })?;
        let start = Instant::now();
        let direct = shaper
            .as_mut()
            .and_then(|s| read::read(&page.svg, page.width_pt, page.height_pt, s).ok());
        let tree = match direct {
            Some(_) => None,
            None => Some(super::parse_svg(&page.svg)?),
        };
        let read = Instant::now();
        phases.read += read - start;
        phases.direct_pages += usize::from(direct.is_some());
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        let mut surface = pdf_page.surface();
        if let Some(ops) = &direct {
            draw::draw(ops, &mut surface);
        } else if let Some(tree) = &tree {
            surface.draw_svg(tree, size, svg_settings);
        }
        surface.finish();
        pdf_page.finish();
        phases.draw += read.elapsed();
        if !progress((index + 1) as f32 / steps) {
            return Err(ExportError::Cancelled);
        }
    }

    if let Some(json) = map_json {
        let file = EmbeddedFile {
            path: MAP_ATTACHMENT.to_owned(),
            mime_type: MimeType::new("application/json"),
            description: Some(MAP_ATTACHMENT_DESCRIPTION.to_owned()),
            association_kind: AssociationKind::Source,
            data: json.as_bytes().to_vec().into(),
            modification_date: date,
            compress: Some(true),
            location: None,
        };
        document
            .embed_file(file)
            .ok_or_else(|| ExportError::Pdf("the map was attached twice".to_owned()))?;
    }

    let start = Instant::now();
    let bytes = document
        .finish()
        .map_err(|e| ExportError::Pdf(e.to_string()))?;
    phases.finish = start.elapsed();
    if !progress(1.0) {
        return Err(ExportError::Cancelled);
    }
    Ok(bytes)
}

/// `YYYY-MM-DD` → a day-precision date (midnight UTC); empty → none.
fn parse_date(date: &str) -> Result<Option<DateTime>, ExportError> {
    let date = date.trim();
    if date.is_empty() {
        return Ok(None);
    }
    let bad = || ExportError::BadOptions(format!("the date must be YYYY-MM-DD (got {date:?})"));
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let year: u16 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    let day: u8 = d.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(bad());
    }
    Ok(Some(
        DateTime::new(year)
            .month(month)
            .day(day)
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0)
            .utc_offset_minute(0),
    ))
}

#[cfg(test)]
mod compare;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_days() {
        assert!(parse_date("").unwrap().is_none());
        assert!(parse_date("2025-03-07").unwrap().is_some());
        for bad in [
            "2025-3-7",
            "2025-13-01",
            "2025-01-32",
            "yesterday",
            "2025-01-01-01",
        ] {
            assert!(
                matches!(parse_date(bad), Err(ExportError::BadOptions(_))),
                "{bad}"
            );
        }
    }
}
