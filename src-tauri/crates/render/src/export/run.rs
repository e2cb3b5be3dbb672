//! The one front door for an export, shared by the app and the command line: a Scene (and
//! its document) in, a finished file out. Files are written to a temporary file beside
//! the target and renamed over it only when complete, so a failed or cancelled export
//! never leaves a half-written file or destroys an older one.

use std::io::Write;
use std::path::{Path, PathBuf};

use waymark_model::{cards_csv, map_to_json, Document};

use super::{
    compose, compose_all, png_pixel_size, write_pdf, write_png, ExportError, ExportFormat,
    ExportInfo, ExportOptions, PageSvg,
};
use crate::Scene;

/// Writes `scene`'s map of `doc` in `options.format` to `out`. PNG and PDF carry the map
/// as JSON so that Waymark can reopen them. `progress` gets 0..1 and may cancel by
/// returning false.
pub fn export<W: Write>(
    doc: &Document,
    scene: &Scene,
    options: &ExportOptions,
    info: &ExportInfo,
    mut out: W,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(), ExportError> {
    let io = |e: std::io::Error| ExportError::Io(e.to_string());
    if options.kit && options.format != ExportFormat::Pdf {
        return Err(super::kit::kit_needs_pdf());
    }
    match options.format {
        ExportFormat::Json => out.write_all(map_json(doc, scene)?.as_bytes()).map_err(io),
        ExportFormat::Csv => {
            let csv = cards_csv(doc, &scene.map_id).map_err(|e| ExportError::Map(e.to_string()))?;
            out.write_all(csv.as_bytes()).map_err(io)
        }
        ExportFormat::Svg => {
            let page = single_page(scene, options, info)?;
            out.write_all(page.svg.as_bytes()).map_err(io)
        }
        ExportFormat::Png => {
            let page = single_page(scene, options, info)?;
            let json = map_json(doc, scene)?;
            write_png(
                &page,
                options.dpi,
                options.background,
                Some(&json),
                out,
                progress,
            )
        }
        ExportFormat::Pdf => {
            let pages = compose_all(doc, scene, options, info)?;
            let json = map_json(doc, scene)?;
            let bytes = write_pdf(&pages, info, Some(&json), progress)?;
            out.write_all(&bytes).map_err(io)
        }
    }
}

/// [`export`] into the file at `path`, atomically. Returns the file's size.
pub fn export_to_file(
    doc: &Document,
    scene: &Scene,
    options: &ExportOptions,
    info: &ExportInfo,
    path: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<u64, ExportError> {
    let io = |e: std::io::Error| ExportError::Io(format!("{}: {e}", path.display()));
    let tmp = temporary_path(path);
    let result = (|| {
        let file = std::fs::File::create(&tmp).map_err(io)?;
        let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
        export(doc, scene, options, info, &mut writer, progress)?;
        let file = writer.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        std::fs::rename(&tmp, path).map_err(io)?;
        Ok(size)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// What the Export dialog shows before anything is written, taken from the very pages the
/// export composes, so what it announces is what the file will be.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// A small PNG of the first page (the sheet index for a tiled poster).
    pub png: Vec<u8>,
    /// How many pages the export makes (sheets and appendix included).
    pub pages: u32,
    /// The first page's size in points: the paper, or for "fit to content" the map with
    /// its title block, legend and margins.
    pub width_pt: f32,
    pub height_pt: f32,
    /// For a PNG, its width × height in pixels at the chosen resolution, as `write_png`
    /// will write it.
    pub pixels: Option<(u32, u32)>,
}

/// The [`Preview`] of an export: its first page drawn at most `max_px` on its longer side.
/// `doc` is needed for the appendix only (its pages are counted): without one, pass an
/// empty document. Fails, naming the problem, when the options are out of range or the
/// page is too large for a PNG at the chosen resolution.
pub fn preview(
    doc: &Document,
    scene: &Scene,
    options: &ExportOptions,
    info: &ExportInfo,
    max_px: u32,
) -> Result<Preview, ExportError> {
    let pages = match options.format {
        ExportFormat::Pdf => compose_all(doc, scene, options, info)?,
        _ => vec![single_page(scene, options, info)?],
    };
    let page = &pages[0];
    let pixels = match options.format {
        ExportFormat::Png => Some(png_pixel_size(page, options.dpi)?),
        _ => None,
    };
    let tree = super::parse_svg(&page.svg)?;
    let longer = page.width_pt.max(page.height_pt).max(1.0);
    let scale = (max_px as f32 / longer).min(4.0);
    let w = ((page.width_pt * scale).round() as u32).max(1);
    let h = ((page.height_pt * scale).round() as u32).max(1);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Png(format!("preview of {w} × {h} px")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))?;
    Ok(Preview {
        png,
        pages: pages.len() as u32,
        width_pt: page.width_pt,
        height_pt: page.height_pt,
        pixels,
    })
}

/// The title block's and PDF metadata's facts for a map.
pub fn info_for(doc: &Document, scene: &Scene, author: &str, date: &str) -> ExportInfo {
    let persona = doc
        .maps
        .iter()
        .find(|m| m.id == scene.map_id)
        .map(|map| {
            map.persona_ids
                .iter()
                .filter_map(|id| doc.personas.iter().find(|p| &p.id == id))
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    ExportInfo {
        title: scene.map_name.clone(),
        author: author.to_owned(),
        persona,
        date: date.to_owned(),
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, or the date of `SOURCE_DATE_EPOCH` when set, the
/// reproducible-builds convention, so scripted exports can be byte-identical.
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's
/// algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn map_json(doc: &Document, scene: &Scene) -> Result<String, ExportError> {
    map_to_json(doc, &scene.map_id).map_err(|e| ExportError::Map(e.to_string()))
}

/// PNG and SVG are one picture: a poster tiling applies to PDF only.
fn single_page(
    scene: &Scene,
    options: &ExportOptions,
    info: &ExportInfo,
) -> Result<PageSvg, ExportError> {
    let options = ExportOptions {
        tile: None,
        ..options.clone()
    };
    let mut pages = compose(scene, &options, info)?;
    Ok(pages.swap_remove(0))
}

pub(super) fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    path.with_file_name(format!(".{name}.waymark-partial"))
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
