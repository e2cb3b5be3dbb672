//! Renders export pages of the nonprofit template to PNG for looking at them:
//! `cargo run -p waymark-render --example export_look` → `target/export-look/*.png`.
//! (A designer's check, not a test: open the files.)

use std::path::{Path, PathBuf};

use waymark_render::export::{
    compose, parse_svg, scene_svg, ExportFormat, ExportInfo, ExportOptions, Orientation, PaperSize,
};

fn rasterise(svg: &str, width_pt: f32, height_pt: f32, dpi: f32, path: &Path) {
    let tree = parse_svg(svg).expect("page parses");
    let scale = dpi / 72.0;
    let (w, h) = (
        (width_pt * scale).ceil() as u32,
        (height_pt * scale).ceil() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).unwrap();
    // A grey desk under the page, so the page's own edge and background show.
    pixmap.fill(resvg::tiny_skia::Color::from_rgba8(200, 200, 200, 255));
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.save_png(path).unwrap();
    println!("{} ({w}×{h})", path.display());
}

/// A part of a drawing at a larger scale: (x, y) is the top-left in the drawing's units.
fn zoom(svg: &str, x: f32, y: f32, w: u32, h: u32, scale: f32, path: &Path) {
    let tree = parse_svg(svg).expect("page parses");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::from_rgba8(200, 200, 200, 255));
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, -x * scale, -y * scale),
        &mut pixmap.as_mut(),
    );
    pixmap.save_png(path).unwrap();
    println!("{} ({w}×{h})", path.display());
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let doc: waymark_model::Document = serde_json::from_str(
        &std::fs::read_to_string(root.join("assets/templates/nonprofit-supporter.json")).unwrap(),
    )
    .unwrap();
    let map_id = doc.maps[0].id.clone();
    let scene = waymark_render::Layouter::new()
        .layout(&doc, &map_id)
        .unwrap();
    let out: PathBuf = root.join("target/export-look");
    std::fs::create_dir_all(&out).unwrap();

    let info = ExportInfo {
        title: scene.map_name.clone(),
        author: String::new(),
        persona: "Maya, Robert".into(),
        date: "2025-03-14".into(),
    };

    let svg = scene_svg(&scene);
    std::fs::write(out.join("scene.svg"), &svg).unwrap();
    rasterise(
        &svg,
        scene.width,
        scene.height,
        72.0,
        &out.join("scene.png"),
    );
    zoom(
        &svg,
        180.0,
        40.0,
        1400,
        700,
        2.5,
        &out.join("scene-zoom.png"),
    );

    let a3 = ExportOptions {
        format: ExportFormat::Pdf,
        page: PaperSize::A3,
        orientation: Orientation::Landscape,
        ..ExportOptions::default()
    };
    let pages = compose(&scene, &a3, &info).unwrap();
    std::fs::write(out.join("a3.svg"), &pages[0].svg).unwrap();
    let pdf = waymark_render::export::write_pdf(&pages, &info, None, &mut |_| true).unwrap();
    std::fs::write(out.join("a3.pdf"), pdf).unwrap();
    rasterise(
        &pages[0].svg,
        pages[0].width_pt,
        pages[0].height_pt,
        110.0,
        &out.join("a3.png"),
    );
    zoom(
        &pages[0].svg,
        0.0,
        600.0,
        1600,
        700,
        1.5,
        &out.join("a3-footer.png"),
    );

    let fit = ExportOptions::default();
    let pages = compose(&scene, &fit, &info).unwrap();
    rasterise(
        &pages[0].svg,
        pages[0].width_pt,
        pages[0].height_pt,
        96.0,
        &out.join("fit.png"),
    );

    let a4_portrait = ExportOptions {
        page: PaperSize::A4,
        orientation: Orientation::Portrait,
        ..a3.clone()
    };
    let pages = compose(&scene, &a4_portrait, &info).unwrap();
    rasterise(
        &pages[0].svg,
        pages[0].width_pt,
        pages[0].height_pt,
        110.0,
        &out.join("a4-portrait.png"),
    );

    let poster = ExportOptions {
        page: PaperSize::A1,
        orientation: Orientation::Landscape,
        tile: Some(PaperSize::A4),
        ..a3.clone()
    };
    let pages = compose(&scene, &poster, &info).unwrap();
    // The PDF too (for `pdftoppm` / `pdffonts`), through the real PDF backend.
    let pdf = waymark_render::export::write_pdf(&pages, &info, None, &mut |_| true).unwrap();
    std::fs::write(out.join("poster.pdf"), pdf).unwrap();
    for (i, page) in pages.iter().enumerate() {
        let name = format!("tile-{i:02}.png");
        rasterise(
            &page.svg,
            page.width_pt,
            page.height_pt,
            60.0,
            &out.join(name),
        );
        if i == 7 {
            zoom(
                &page.svg,
                0.0,
                0.0,
                1400,
                1000,
                2.5,
                &out.join("tile-07-zoom.png"),
            );
            zoom(
                &page.svg,
                0.0,
                700.0,
                1400,
                900,
                2.5,
                &out.join("tile-07-bottom.png"),
            );
        }
    }
    // A tiny map: the footer is wider than the map.
    let mut small = doc.clone();
    small.maps[0].stages.truncate(1);
    let keep: Vec<String> = small.maps[0].stages.iter().map(|s| s.id.clone()).collect();
    small.maps[0].cards.retain(|c| keep.contains(&c.stage_id));
    let cards: Vec<String> = small.maps[0].cards.iter().map(|c| c.id.clone()).collect();
    small.maps[0]
        .connectors
        .retain(|c| cards.contains(&c.from_card_id) && cards.contains(&c.to_card_id));
    small.maps[0]
        .emotion_points
        .retain(|p| keep.contains(&p.stage_id));
    let tiny = waymark_render::Layouter::new()
        .layout(&small, &map_id)
        .unwrap();
    let pages = compose(&tiny, &fit, &info).unwrap();
    rasterise(
        &pages[0].svg,
        pages[0].width_pt,
        pages[0].height_pt,
        96.0,
        &out.join("tiny-fit.png"),
    );

    let generated = waymark_model::generate(waymark_model::GenerateSpec {
        stages: 14,
        lanes: 8,
        cards: 400,
        seed: 7,
    });
    let big = waymark_render::Layouter::new()
        .layout(&generated, "generated")
        .unwrap();
    let pages = compose(&big, &a3, &info).unwrap();
    rasterise(
        &pages[0].svg,
        pages[0].width_pt,
        pages[0].height_pt,
        110.0,
        &out.join("big-a3.png"),
    );
}
