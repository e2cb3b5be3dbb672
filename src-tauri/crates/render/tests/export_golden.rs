//! Exports compared with reviewed golden images (in `tests/golden/`, looked at by a person
//! before they were committed), with a small tolerance for anti-aliasing.
//!
//! After a deliberate change of the drawing: `UPDATE_GOLDEN=1 cargo test -p waymark-render
//! --test export_golden`, then open the new PNGs and judge them before committing.

use std::path::PathBuf;

use waymark_model::*;
use waymark_render::export::*;
use waymark_render::*;

fn template() -> (Document, Scene) {
    let doc: Document = serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap();
    let scene = Layouter::new().layout(&doc, &doc.maps[0].id).unwrap();
    (doc, scene)
}

fn info() -> ExportInfo {
    ExportInfo {
        title: "From $10 gift to major donor".into(),
        author: String::new(),
        persona: "Maya, Robert".into(),
        date: "2025-03-14".into(),
    }
}

/// RGB pixels of a PNG, with its size.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.line_size / info.width as usize;
    let pixels = buf[..info.buffer_size()]
        .chunks(step)
        .map(|p| match step {
            1 | 2 => [p[0], p[0], p[0]],
            _ => [p[0], p[1], p[2]],
        })
        .collect();
    (info.width, info.height, pixels)
}

/// How far `actual` is from the golden image: the share of pixels off by more than
/// `level` in some channel.
fn share_off(golden: &[[u8; 3]], actual: &[[u8; 3]], level: u8) -> f64 {
    let off = golden
        .iter()
        .zip(actual)
        .filter(|(g, a)| g.iter().zip(a.iter()).any(|(x, y)| x.abs_diff(*y) > level))
        .count();
    off as f64 / golden.len() as f64
}

/// The image averaged over `n` × `n` blocks.
fn blocks(pixels: &[[u8; 3]], w: u32, h: u32, n: u32) -> Vec<[u8; 3]> {
    let mut out = Vec::new();
    for by in 0..h / n {
        for bx in 0..w / n {
            let mut sum = [0u32; 3];
            for y in by * n..(by + 1) * n {
                for x in bx * n..(bx + 1) * n {
                    let p = pixels[(y * w + x) as usize];
                    for c in 0..3 {
                        sum[c] += u32::from(p[c]);
                    }
                }
            }
            out.push(sum.map(|s| (s / (n * n)) as u8));
        }
    }
    out
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `png` with the golden image `name` (or rewrites it with UPDATE_GOLDEN=1).
fn check(name: &str, png: &[u8], level: u8, max_share: f64) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, png).unwrap();
        return;
    }
    let golden = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    let (gw, gh, g) = decode(&golden);
    let (w, h, a) = decode(png);
    assert_eq!((w, h), (gw, gh), "{name}: size");
    let share = share_off(&g, &a, level);
    if share > max_share {
        let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../target/golden-actual");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(name), png).unwrap();
        panic!(
            "{name}: {:.2} % of pixels differ from the golden image (allowed {:.2} %); \
             the render is in target/golden-actual/{name}",
            share * 100.0,
            max_share * 100.0
        );
    }
}

fn png_of(page: &PageSvg, dpi: u32) -> Vec<u8> {
    let mut out = Vec::new();
    write_png(page, dpi, Background::White, None, &mut out, &mut |_| true).unwrap();
    out
}

#[test]
fn the_sample_map_on_a4_landscape_matches_its_golden_image() {
    let (_, scene) = template();
    let opts = ExportOptions {
        format: ExportFormat::Png,
        page: PaperSize::A4,
        orientation: Orientation::Landscape,
        ..ExportOptions::default()
    };
    let page = &compose(&scene, &opts, &info()).unwrap()[0];
    check(
        "sample-a4-landscape-100dpi.png",
        &png_of(page, 100),
        8,
        0.002,
    );
}

#[test]
fn a_poster_sheet_and_the_sheet_index_match_their_golden_images() {
    let (_, scene) = template();
    let opts = ExportOptions {
        format: ExportFormat::Pdf,
        page: PaperSize::A1,
        orientation: Orientation::Landscape,
        tile: Some(PaperSize::A4),
        ..ExportOptions::default()
    };
    let pages = compose(&scene, &opts, &info()).unwrap();
    check(
        "poster-sheet-index-72dpi.png",
        &png_of(&pages[0], 72),
        8,
        0.002,
    );
    check(
        "poster-sheet-r2c2-72dpi.png",
        &png_of(&pages[7], 72),
        8,
        0.002,
    );
}

/// The PDF, drawn by poppler, looks like the reviewed PNG (up to the two rasterisers'
/// anti-aliasing).
#[test]
fn the_pdf_drawn_by_poppler_matches_the_golden_png() {
    let (doc, scene) = template();
    let opts = ExportOptions {
        format: ExportFormat::Pdf,
        page: PaperSize::A4,
        orientation: Orientation::Landscape,
        ..ExportOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sample.pdf");
    export_to_file(&doc, &scene, &opts, &info(), &pdf, &mut |_| true).unwrap();
    let golden = std::fs::read(golden_path("sample-a4-landscape-100dpi.png")).unwrap();
    let (gw, gh, g) = decode(&golden);
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-singlefile", "-scale-to-x", &gw.to_string()])
        .args(["-scale-to-y", &gh.to_string()])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils, installed by scripts/test)");
    assert!(status.success());
    let rendered = std::fs::read(dir.path().join("page.png")).unwrap();
    let (w, h, a) = decode(&rendered);
    assert_eq!((w, h), (gw, gh));
    // Text edges are anti-aliased differently by poppler and resvg; shapes, colours and
    // the placement of every word must agree.
    // Compared in 4 × 4 blocks: the rasterisers' anti-aliasing averages out, while a
    // shape, colour or word out of place still shows.
    let (g, a) = (blocks(&g, w, h, 4), blocks(&a, w, h, 4));
    let share = share_off(&g, &a, 24);
    // The measure must be able to tell a wrong page: a blank one is far off.
    let blank = share_off(&g, &vec![[255; 3]; g.len()], 24);
    assert!(blank > 0.15, "the golden page is nearly blank");
    // Measured: poppler 0.9 % against a blank page's 25 %.
    assert!(
        share < 0.03,
        "{:.2} % of blocks differ (a blank page: {:.2} %)",
        share * 100.0,
        blank * 100.0
    );
}

/// `page` cut down to a window of it (`x`, `y`, `w`, `h` in points): the same drawing, a
/// smaller picture, so a golden image can show one detail at a readable size.
fn window(page: &PageSvg, x: f32, y: f32, w: f32, h: f32) -> PageSvg {
    let mut svg = page.svg.clone();
    let start = svg.find(" width=\"").unwrap();
    let end = svg.find(" font-family=").unwrap();
    svg.replace_range(
        start..end,
        &format!(" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\""),
    );
    PageSvg {
        svg,
        width_pt: w,
        height_pt: h,
        label: None,
    }
}

/// The sample as a PNG page of its own size, and where its grid's right and bottom edges
/// fall on the page (points).
fn fit_page(title_block: bool, legend: bool) -> (PageSvg, f32, f32) {
    let (_, scene) = template();
    let opts = ExportOptions {
        title_block,
        legend,
        ..ExportOptions::default()
    };
    let page = compose(&scene, &opts, &info()).unwrap().remove(0);
    let margin = opts.margin_mm * PT_PER_MM;
    let stage = scene.stages.last().unwrap();
    let lane = scene.lanes.last().unwrap();
    let right = margin + (stage.x + stage.width) * PT_PER_PX;
    let bottom = margin + (lane.y + lane.height) * PT_PER_PX;
    (page, right, bottom)
}

#[test]
fn the_map_frame_ends_at_the_last_column_and_the_last_lane() {
    let (page, right, bottom) = fit_page(false, false);
    // The last stage's header, tinted to the map's right edge.
    let corner = window(
        &page,
        right - 240.0,
        0.0,
        page.width_pt - right + 240.0,
        90.0,
    );
    check(
        "sample-top-right-144dpi.png",
        &png_of(&corner, 144),
        8,
        0.002,
    );
    // The last lane's band down to the map's bottom edge, then the margin: no blank band.
    let corner = window(
        &page,
        right - 240.0,
        bottom - 90.0,
        page.width_pt - right + 240.0,
        page.height_pt - bottom + 90.0,
    );
    check(
        "sample-bottom-right-144dpi.png",
        &png_of(&corner, 144),
        8,
        0.002,
    );
}

#[test]
fn the_legend_matches_its_golden_image() {
    let (page, right, bottom) = fit_page(true, true);
    // The legend sits at the right, under the map: lanes by name, channels, connectors and
    // markers.
    let x = right - 680.0;
    let legend = window(&page, x, bottom, page.width_pt - x, page.height_pt - bottom);
    check("sample-legend-144dpi.png", &png_of(&legend, 144), 8, 0.002);
}
