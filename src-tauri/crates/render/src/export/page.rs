//! Pages: the map placed on paper (or on a page of its own size) with a title block and a
//! legend under it, as standalone SVG documents whose user unit is the PDF point.
//!
//! The *content block* is the map at its natural print size (one CSS px = 0.75 pt) with
//! the footer (title block + legend) under it. The footer is drawn in "block units" that
//! grow gently with the map (`footer_unit`), so a wall-sized map gets a title to match.
//! On a [`PaperSize::Fit`] page the block is drawn at scale 1 inside the margins; on paper
//! it is scaled (down or up) to fit inside the margins and centred.

use std::fmt::Write;

use super::legend::{self, Legend};
use super::svg::{self, colors, esc, fine, num, Bounds};
use super::{tile, Background, ExportError, ExportInfo, ExportOptions, Orientation};
use super::{ExportFormat, PageSvg, PaperSize, PT_PER_MM, PT_PER_PX};
use crate::fonts::{font_family, TextStyle};
use crate::scene::Scene;
use crate::text::Shaper;

/// The poster's map name.
const NAME: TextStyle = TextStyle {
    size: 22.0,
    line_height: 26.0,
    weight: 600,
};
/// Persona and date values.
const META: TextStyle = TextStyle {
    size: 9.0,
    line_height: 12.0,
    weight: 400,
};
/// The longest the map name and the persona line may be, in block units.
const NAME_MAX: f32 = 520.0;
const META_MAX: f32 = 380.0;
/// Between the map's bottom edge and the footer's rule.
const MAP_GAP: f32 = 16.0;
/// Between the rule and the footer's text.
const RULE_GAP: f32 = 18.0;
/// Between the title block and a legend beside it.
const BESIDE_GAP: f32 = 48.0;
/// Between the title block and a legend under it.
const UNDER_GAP: f32 = 22.0;
/// Where values start after their small label ("PERSONA", "DATE").
const META_INDENT: f32 = 54.0;

/// The accepted ranges of the numeric options.
pub const MARGIN_MM: (f32, f32) = (0.0, 50.0);
pub const DPI: (u32, u32) = (super::MIN_DPI, super::MAX_DPI);
pub const TILE_OVERLAP_MM: (f32, f32) = (0.0, 50.0);

/// One page's drawing before it becomes a document: what the tiler cuts into sheets.
pub(crate) struct Poster<'a> {
    pub width: f32,
    pub height: f32,
    /// The name printed in the title block (and on every sheet of a tiled poster).
    pub title: String,
    scene: &'a Scene,
    white: bool,
    /// Where the map goes: translation and scale from Scene units to page points.
    map: (f32, f32, f32),
    /// The title block and legend, placed.
    footer: String,
}

/// The largest PDF page side readers accept (PDF 1.7, Annex C), in points.
pub const PDF_MAX_PT: f32 = 14_400.0;

/// The pages of an export: one page, or for a tiled PDF poster an overview page ("sheet
/// index") followed by the sheets row by row. The tile option applies to PDF only (a
/// PNG or SVG is one picture); for other formats it is ignored.
pub fn compose(
    scene: &Scene,
    opts: &ExportOptions,
    info: &ExportInfo,
) -> Result<Vec<PageSvg>, ExportError> {
    validate(opts)?;
    let poster = poster(scene, opts, info);
    match opts.tile {
        Some(sheet) if opts.format == ExportFormat::Pdf => tile::tile(&poster, opts, sheet),
        _ => Ok(vec![PageSvg {
            svg: document(
                poster.width,
                poster.height,
                &poster.title,
                &poster.body(None),
            ),
            width_pt: poster.width,
            height_pt: poster.height,
            label: None,
        }]),
    }
}

/// Every page of an export of `doc`'s map: [`compose`]'s, then the appendix when the
/// options ask for one (PDF only, see [`appendix_pages`](super::appendix_pages)); or the
/// kickoff kit's pages when they ask for the kit (`kit.rs`).
pub fn compose_all(
    doc: &waymark_model::Document,
    scene: &Scene,
    opts: &ExportOptions,
    info: &ExportInfo,
) -> Result<Vec<PageSvg>, ExportError> {
    if opts.kit {
        validate(opts)?;
        return super::kit::kit_pages(doc, scene, opts, info);
    }
    let mut pages = compose(scene, opts, info)?;
    pages.extend(super::appendix_pages(doc, opts, info));
    Ok(pages)
}

/// Checks the options' ranges; the message names the option.
pub fn validate(opts: &ExportOptions) -> Result<(), ExportError> {
    let bad = |s: String| Err(ExportError::BadOptions(s));
    let m = opts.margin_mm;
    if !(m.is_finite() && m >= MARGIN_MM.0 && m <= MARGIN_MM.1) {
        return bad(format!(
            "margin_mm must be between {} and {} mm (got {m})",
            MARGIN_MM.0, MARGIN_MM.1
        ));
    }
    if !(DPI.0..=DPI.1).contains(&opts.dpi) {
        return bad(format!(
            "dpi must be between {} and {} (got {})",
            DPI.0, DPI.1, opts.dpi
        ));
    }
    if opts.kit && opts.format != ExportFormat::Pdf {
        return Err(super::kit::kit_needs_pdf());
    }
    if let Some(sheet) = opts.tile {
        if sheet == PaperSize::Fit {
            return bad("tile must be a paper size such as A4 or A3, not fit".to_string());
        }
        let o = opts.tile_overlap_mm;
        if !(o.is_finite() && o >= TILE_OVERLAP_MM.0 && o <= TILE_OVERLAP_MM.1) {
            return bad(format!(
                "tile_overlap_mm must be between {} and {} mm (got {o})",
                TILE_OVERLAP_MM.0, TILE_OVERLAP_MM.1
            ));
        }
    }
    Ok(())
}

/// The paper's width × height in points for an orientation; `None` for `Fit`.
pub(crate) fn paper_pt(paper: PaperSize, orientation: Orientation) -> Option<(f32, f32)> {
    let (w, h) = paper.portrait_mm()?;
    let (w, h) = (round2(w * PT_PER_MM), round2(h * PT_PER_MM));
    Some(match orientation {
        Orientation::Portrait => (w, h),
        Orientation::Landscape => (h, w),
    })
}

pub(crate) fn round2(v: f32) -> f32 {
    ((v as f64 * 100.0).round() / 100.0) as f32
}

/// A standalone SVG document in points.
pub(crate) fn document(width: f32, height: f32, title: &str, body: &str) -> String {
    let (w, h) = (num(width), num(height));
    let mut out = String::with_capacity(body.len() + 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{}\" text-rendering=\"geometricPrecision\">",
        font_family()
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    out.push_str(body);
    out.push_str("</svg>\n");
    out
}

/// How big a block unit is for this map: 1 for an ordinary map, more for a large one.
fn footer_unit(map_w: f32, map_h: f32) -> f32 {
    ((map_w.max(0.0) * map_h.max(0.0)).sqrt() / 1200.0).clamp(1.0, 8.0)
}

/// The single page (the poster, when tiled) for `opts.page`.
pub(crate) fn poster<'a>(scene: &'a Scene, opts: &ExportOptions, info: &ExportInfo) -> Poster<'a> {
    let title = if info.title.trim().is_empty() {
        scene.map_name.clone()
    } else {
        info.title.clone()
    };
    // The map's drawing: the grid (not the Scene's room for loops around it), or more
    // where a loop swings out of it.
    let (bx0, by0, bx1, by1) = svg::drawing_bounds(scene);
    let map_w = (bx1 - bx0) * PT_PER_PX;
    let map_h = (by1 - by0) * PT_PER_PX;
    let u = footer_unit(map_w, map_h);

    let footer = if opts.title_block || opts.legend {
        let mut shaper = Shaper::new();
        let title_block = opts
            .title_block
            .then(|| TitleBlock::new(&mut shaper, &title, info));
        let legend = if opts.legend {
            Legend::new(scene, &mut shaper)
        } else {
            None
        };
        Footer::new(title_block, legend, map_w / u)
    } else {
        None
    };

    // The content block, in points at natural scale.
    let (content_w, content_h) = match &footer {
        Some(f) => (map_w.max(f.width * u), map_h + (MAP_GAP + f.height) * u),
        None => (map_w, map_h),
    };
    let content_w = content_w.max(1.0);
    let content_h = content_h.max(1.0);

    let margin = opts.margin_mm * PT_PER_MM;
    let (page_w, page_h, scale, ox, oy) = match paper_pt(opts.page, opts.orientation) {
        None => {
            // PDF 1.7 pages are at most 14,400 pt (200 in) a side: a huge map is scaled
            // down to fit (it stays vector); other formats keep the natural size.
            let s = if opts.format == super::ExportFormat::Pdf {
                ((PDF_MAX_PT - 2.0 * margin) / content_w.max(content_h)).min(1.0)
            } else {
                1.0
            };
            (
                round2(content_w * s + 2.0 * margin),
                round2(content_h * s + 2.0 * margin),
                s,
                margin,
                margin,
            )
        }
        Some((pw, ph)) => {
            let (aw, ah) = ((pw - 2.0 * margin).max(1.0), (ph - 2.0 * margin).max(1.0));
            let s = (aw / content_w).min(ah / content_h);
            (
                pw,
                ph,
                s,
                margin + (aw - content_w * s) / 2.0,
                margin + (ah - content_h * s) / 2.0,
            )
        }
    };

    // The map, centred over the footer when the footer is the wider.
    let map_scale = scale * PT_PER_PX;
    let map_x = ox + (content_w - map_w) / 2.0 * scale - bx0 * map_scale;
    let map_y = oy - by0 * map_scale;
    let mut footer_svg = String::new();
    if let Some(f) = &footer {
        let _ = writeln!(
            footer_svg,
            "<g class=\"footer\" transform=\"translate({} {}) scale({})\">",
            fine(ox),
            fine(oy + (map_h + MAP_GAP * u) * scale),
            fine(scale * u)
        );
        f.write(&mut footer_svg, content_w / u);
        footer_svg.push_str("</g>\n");
    }
    Poster {
        width: page_w,
        height: page_h,
        title,
        scene,
        white: opts.background == Background::White,
        map: (map_x, map_y, map_scale),
        footer: footer_svg,
    }
}

impl Poster<'_> {
    /// The page's drawing (background, map, footer) in page points. With `visible` (a
    /// rectangle of the page), cards and connectors wholly outside it are left out: a
    /// sheet of a tiled poster then holds only what it shows.
    pub fn body(&self, visible: Option<Bounds>) -> String {
        let scene = self.scene;
        let mut body = String::with_capacity(4096 + scene.cards.len() * 900);
        if self.white {
            let _ = writeln!(
                body,
                "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
                num(self.width),
                num(self.height)
            );
        }
        let (tx, ty, s) = self.map;
        let _ = writeln!(
            body,
            "<g transform=\"translate({} {}) scale({})\">",
            fine(tx),
            fine(ty),
            fine(s)
        );
        // The visible rectangle in Scene units.
        let within = visible
            .map(|(x0, y0, x1, y1)| ((x0 - tx) / s, (y0 - ty) / s, (x1 - tx) / s, (y1 - ty) / s));
        svg::write_map_body_within(scene, within, &mut body);
        body.push_str("</g>\n");
        body.push_str(&self.footer);
        body
    }
}

/// Map name, persona and date, and the wordmark.
struct TitleBlock {
    name: String,
    /// (label, value) rows.
    meta: Vec<(&'static str, String)>,
    width: f32,
}

impl TitleBlock {
    fn new(shaper: &mut Shaper, title: &str, info: &ExportInfo) -> TitleBlock {
        let mut fit = |text: &str, style: TextStyle, max: f32| {
            shaper
                .fit_one_line(text, style, max)
                .lines
                .first()
                .map(|l| (l.text.clone(), l.width))
                .unwrap_or_default()
        };
        let (name, name_w) = fit(title, NAME, NAME_MAX);
        let mut width = name_w.max(140.0);
        let mut meta = Vec::new();
        for (label, value) in [("PERSONA", &info.persona), ("DATE", &info.date)] {
            if value.trim().is_empty() {
                continue;
            }
            let (text, w) = fit(value, META, META_MAX);
            width = width.max(META_INDENT + w);
            meta.push((label, text));
        }
        TitleBlock { name, meta, width }
    }

    /// The name and a row per meta value.
    fn text_height(&self) -> f32 {
        26.0 + self.meta.len() as f32 * 15.0
    }

    /// With the wordmark under the text.
    fn height(&self) -> f32 {
        self.text_height() + WORDMARK_HEIGHT
    }

    fn write(&self, out: &mut String, with_wordmark: bool) {
        out.push_str("<g class=\"title-block\">");
        let _ = write!(
            out,
            "<text x=\"0\" y=\"17\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
            num(NAME.size),
            NAME.weight,
            colors::TEXT,
            esc(&self.name)
        );
        let mut y = 22.0 + 15.0;
        for (label, value) in &self.meta {
            legend::heading(out, label, 0.0, y);
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" xml:space=\"preserve\">{}</text>",
                num(META_INDENT),
                num(y),
                num(META.size),
                META.weight,
                colors::TEXT_MUTED,
                esc(value)
            );
            y += 15.0;
        }
        if with_wordmark {
            wordmark(out, 0.0, self.text_height() + WORDMARK_HEIGHT - 1.0);
        }
        out.push_str("</g>\n");
    }
}

/// Room for the wordmark under a block: a gap and the line.
const WORDMARK_HEIGHT: f32 = 26.0;

/// The small "Waymark" signature: a waypoint mark and the name, baseline at `y`.
fn wordmark(out: &mut String, x: f32, y: f32) {
    let (cx, cy) = (x + 4.5, y - 3.0);
    let _ = write!(
        out,
        "<g class=\"wordmark\"><path d=\"M{} {} l4.5 -4.5 l4.5 4.5 l-4.5 4.5 Z\" fill=\"#3b5bdb\"/><circle cx=\"{}\" cy=\"{}\" r=\"1.4\" fill=\"#ffffff\"/><text x=\"{}\" y=\"{}\" font-size=\"8\" font-weight=\"600\" letter-spacing=\"0.3\" fill=\"{}\">Waymark</text></g>",
        num(cx - 4.5),
        num(cy),
        num(cx),
        num(cy),
        num(x + 13.0),
        num(y),
        colors::TEXT_FAINT
    );
}

/// The band under the map: a rule, the title block and the legend beside or under it.
struct Footer {
    title: Option<TitleBlock>,
    legend: Option<Legend>,
    /// The legend beside the title block (right-aligned) rather than under it.
    beside: bool,
    /// The narrowest this footer can be, and its height (block units).
    width: f32,
    height: f32,
}

impl Footer {
    /// `None` when there is nothing to show. `room` is the map's width in block units.
    fn new(title: Option<TitleBlock>, legend: Option<Legend>, room: f32) -> Option<Footer> {
        let (width, height, beside) = match (&title, &legend) {
            (None, None) => return None,
            (Some(t), None) => (t.width, t.height(), false),
            (None, Some(l)) => (l.width(), l.height(), false),
            (Some(t), Some(l)) => {
                let side = t.width + BESIDE_GAP + l.width();
                if side <= room {
                    (side, t.height().max(l.height()), true)
                } else {
                    // Name, then the legend, then the wordmark closing the footer.
                    (
                        t.width.max(l.width()),
                        t.text_height() + UNDER_GAP + l.height() + WORDMARK_HEIGHT,
                        false,
                    )
                }
            }
        };
        Some(Footer {
            title,
            legend,
            beside,
            width,
            height: RULE_GAP + height,
        })
    }

    /// Draws the footer `width` block units wide, its rule at y = 0.
    fn write(&self, out: &mut String, width: f32) {
        let _ = writeln!(
            out,
            "<line x1=\"0\" y1=\"0\" x2=\"{}\" y2=\"0\" stroke=\"{}\" stroke-width=\"0.75\"/>",
            num(width),
            colors::GRID_STRONG
        );
        let mut y = RULE_GAP;
        let stacked = self.title.is_some() && self.legend.is_some() && !self.beside;
        if let Some(t) = &self.title {
            let _ = write!(out, "<g transform=\"translate(0 {})\">", num(y));
            t.write(out, !stacked);
            out.push_str("</g>\n");
            if stacked {
                y += t.text_height() + UNDER_GAP;
            }
        }
        if let Some(l) = &self.legend {
            let x = if self.beside { width - l.width() } else { 0.0 };
            l.write(out, x, y);
            if stacked {
                wordmark(out, 0.0, y + l.height() + WORDMARK_HEIGHT - 1.0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_in_points() {
        assert_eq!(
            paper_pt(PaperSize::A4, Orientation::Portrait),
            Some((595.28, 841.89))
        );
        assert_eq!(
            paper_pt(PaperSize::A1, Orientation::Landscape),
            Some((2383.94, 1683.78))
        );
        assert_eq!(
            paper_pt(PaperSize::Letter, Orientation::Portrait),
            Some((612.0, 792.0))
        );
        assert_eq!(paper_pt(PaperSize::Fit, Orientation::Portrait), None);
    }

    #[test]
    fn option_ranges_include_their_ends() {
        let ok = |o: ExportOptions| validate(&o).is_ok();
        let base = ExportOptions::default();
        assert!(ok(ExportOptions {
            margin_mm: 0.0,
            dpi: 72,
            ..base.clone()
        }));
        assert!(ok(ExportOptions {
            margin_mm: 50.0,
            dpi: 600,
            ..base.clone()
        }));
        assert!(!ok(ExportOptions {
            margin_mm: 50.5,
            ..base.clone()
        }));
        assert!(!ok(ExportOptions {
            dpi: 601,
            ..base.clone()
        }));
        assert!(!ok(ExportOptions {
            margin_mm: f32::INFINITY,
            ..base.clone()
        }));
        // The overlap only matters when tiling.
        assert!(ok(ExportOptions {
            tile_overlap_mm: -3.0,
            ..base.clone()
        }));
        assert!(!ok(ExportOptions {
            tile: Some(PaperSize::A4),
            tile_overlap_mm: -3.0,
            ..base
        }));
    }

    #[test]
    fn the_footer_unit_grows_gently_with_the_map() {
        assert_eq!(footer_unit(800.0, 600.0), 1.0);
        assert_eq!(footer_unit(0.0, 0.0), 1.0);
        let big = footer_unit(7450.0, 2734.0);
        assert!(big > 3.0 && big < 5.0, "{big}");
        assert_eq!(footer_unit(1e6, 1e6), 8.0);
    }
}
