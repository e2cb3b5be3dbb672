//! Times the PNG and PDF backends on a synthetic A1 landscape page (20 stages × 20 lanes,
//! 400 cards with a title and two lines of text, connectors and an emotion curve) at
//! 300 DPI, phase by phase, and writes the files for a look. Prints the figures recorded in
//! docs/BENCHMARKS.md. Run with
//! `cargo run --release -p waymark-render --example export_big [OUT_DIR] [--compare]`
//! (`--compare` also encodes the whole image at every PNG compression level; it holds the
//! full image in memory, which the exporter itself never does).

use std::fmt::Write as _;
use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use resvg::tiny_skia::{Color, Pixmap, Transform};
use waymark_render::export::{
    parse_svg, png_pixel_size, write_pdf, write_png, Background, ExportInfo, PageSvg, PT_PER_MM,
};

const DPI: u32 = 300;
const STAGES: usize = 20;
const LANES: usize = 20;

fn main() {
    let mut out_dir = std::env::temp_dir().join("waymark-export-big");
    let mut compare = false;
    for arg in std::env::args().skip(1) {
        if arg == "--compare" {
            compare = true;
        } else {
            out_dir = PathBuf::from(arg);
        }
    }
    std::fs::create_dir_all(&out_dir).unwrap();

    let page = synthetic_page();
    let map_json = synthetic_map_json();
    let (w, h) = png_pixel_size(&page, DPI).unwrap();
    println!(
        "A1 landscape {:.2} × {:.2} pt, {} cards, SVG {} KiB; PNG at {DPI} DPI = {w} × {h} px",
        page.width_pt,
        page.height_pt,
        STAGES * LANES,
        page.svg.len() >> 10
    );

    // Parse (usvg, text shaped and converted to glyph outlines).
    let parse = best_of(3, || {
        parse_svg(&page.svg).unwrap();
    });
    let tree = parse_svg(&page.svg).unwrap();

    // Raster and encode timed apart, in the exporter's bands (16 MiB of RGBA each) with its
    // encoder settings; the pixels go to a sink.
    let band_rows = ((16usize << 20) / (w as usize * 4)).min(h as usize) as u32;
    let (mut raster, mut encode) = (Duration::MAX, Duration::MAX);
    for _ in 0..2 {
        let (mut r, mut e) = (Duration::ZERO, Duration::ZERO);
        let mut enc = png::Encoder::new(std::io::sink(), w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_deflate_compression(png::DeflateCompression::Level(1));
        enc.set_filter(png::Filter::Up);
        let mut writer = enc.write_header().unwrap();
        let mut stream = writer.stream_writer_with_size(1 << 20).unwrap();
        let mut pixmap = Pixmap::new(w, band_rows).unwrap();
        let (sx, sy) = (
            w as f32 / tree.size().width(),
            h as f32 / tree.size().height(),
        );
        let mut row = vec![0u8; w as usize * 3];
        let mut y0 = 0;
        while y0 < h {
            let t0 = Instant::now();
            pixmap.fill(Color::WHITE);
            let t = Transform::from_row(sx, 0.0, 0.0, sy, 0.0, -(y0 as f32));
            resvg::render(&tree, t, &mut pixmap.as_mut());
            let t1 = Instant::now();
            let rows = band_rows.min(h - y0) as usize;
            for line in pixmap.pixels().chunks_exact(w as usize).take(rows) {
                for (d, p) in row.chunks_exact_mut(3).zip(line) {
                    d.copy_from_slice(&[p.red(), p.green(), p.blue()]);
                }
                std::io::Write::write_all(&mut stream, &row).unwrap();
            }
            r += t1 - t0;
            e += t1.elapsed();
            y0 += band_rows;
        }
        stream.finish().unwrap();
        writer.finish().unwrap();
        raster = raster.min(r);
        encode = encode.min(e);
    }

    // The whole PNG export: parse + raster + encode + write, with the map inside.
    let png_path = out_dir.join("export_big.png");
    let mut png_size = 0;
    let png_total = best_of(2, || {
        let file = BufWriter::new(File::create(&png_path).unwrap());
        write_png(
            &page,
            DPI,
            Background::White,
            Some(&map_json),
            file,
            &mut |_| true,
        )
        .unwrap();
        png_size = std::fs::metadata(&png_path).unwrap().len();
    });

    // The PDF export: parse + krilla (vector shapes, embedded subset font) + map attached.
    let info = ExportInfo {
        title: "Synthetic 400-card map".into(),
        author: "Waymark benchmark".into(),
        persona: String::new(),
        date: "2025-01-01".into(),
    };
    let mut pdf = Vec::new();
    let pdf_total = best_of(3, || {
        pdf = write_pdf(
            std::slice::from_ref(&page),
            &info,
            Some(&map_json),
            &mut |_| true,
        )
        .unwrap();
    });
    let pdf_path = out_dir.join("export_big.pdf");
    std::fs::write(&pdf_path, &pdf).unwrap();

    println!(
        "band height        {band_rows} rows ({} bands)",
        h.div_ceil(band_rows)
    );
    println!("parse              {}", ms(parse));
    println!("raster (bands)     {}", ms(raster));
    println!("encode             {}", ms(encode));
    println!("PNG total          {}", ms(png_total));
    println!(
        "PNG size           {:.1} MiB ({})",
        png_size as f64 / 1048576.0,
        png_path.display()
    );
    println!("PDF after parse    {}", ms(pdf_total.saturating_sub(parse)));
    println!("PDF total          {}", ms(pdf_total));
    println!(
        "PDF size           {:.0} KiB ({})",
        pdf.len() as f64 / 1024.0,
        pdf_path.display()
    );
    println!(
        "map JSON           {} KiB (inside both files)",
        map_json.len() >> 10
    );

    let (preview, crop) = preview(&png_path);
    println!(
        "to look at         {} and {}",
        preview.display(),
        crop.display()
    );

    if compare {
        compare_compression(&tree, w, h);
    }
}

/// Reads the exported PNG back row by row and writes a 1/8-scale preview (box filter) and
/// the top-left 1400 × 900 px at full size next to it.
fn preview(path: &std::path::Path) -> (PathBuf, PathBuf) {
    const F: usize = 8;
    let file = std::io::BufReader::new(File::open(path).unwrap());
    let mut reader = png::Decoder::new(file).read_info().unwrap();
    let (w, h) = (reader.info().width as usize, reader.info().height as usize);
    assert_eq!(reader.info().color_type, png::ColorType::Rgb);
    let (pw, ph) = (w / F, h / F);
    let (cw, ch) = (w.min(1400), h.min(900));
    let mut sums = vec![0u32; pw * 3];
    let mut small = Vec::with_capacity(pw * ph * 3);
    let mut crop = Vec::with_capacity(cw * ch * 3);
    let mut y = 0;
    while let Some(row) = reader.next_row().unwrap() {
        let data = row.data();
        if y < ch {
            crop.extend_from_slice(&data[..cw * 3]);
        }
        if y / F < ph {
            for x in 0..pw * F {
                for c in 0..3 {
                    sums[x / F * 3 + c] += data[x * 3 + c] as u32;
                }
            }
            if y % F == F - 1 {
                small.extend(sums.iter().map(|s| (s / (F * F) as u32) as u8));
                sums.iter_mut().for_each(|s| *s = 0);
            }
        }
        y += 1;
    }
    let save = |name: &str, w: usize, h: usize, data: &[u8]| {
        let out = path.with_file_name(name);
        let mut enc = png::Encoder::new(
            BufWriter::new(File::create(&out).unwrap()),
            w as u32,
            h as u32,
        );
        enc.set_color(png::ColorType::Rgb);
        enc.write_header().unwrap().write_image_data(data).unwrap();
        out
    };
    (
        save("export_big-preview.png", pw, ph, &small),
        save("export_big-crop.png", cw, ch, &crop),
    )
}

/// Encodes the whole image (held in memory here) at each compression level.
fn compare_compression(tree: &usvg::Tree, w: u32, h: u32) {
    let mut pixmap = Pixmap::new(w, h).unwrap();
    pixmap.fill(Color::WHITE);
    let t = Transform::from_scale(
        w as f32 / tree.size().width(),
        h as f32 / tree.size().height(),
    );
    resvg::render(tree, t, &mut pixmap.as_mut());
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    drop(pixmap);
    println!("PNG compression (whole {w} × {h} RGB image, encode only):");
    use png::{Compression as C, DeflateCompression as D, Filter as F};
    let settings: [(&str, D, F); 12] = [
        ("NoCompression", D::NoCompression, F::NoFilter),
        ("Fastest (fdeflate, Up)", D::FdeflateUltraFast, F::Up),
        (
            "Fast (fdeflate, Adaptive)",
            D::FdeflateUltraFast,
            F::Adaptive,
        ),
        ("fdeflate, Paeth", D::FdeflateUltraFast, F::Paeth),
        ("fdeflate, Sub", D::FdeflateUltraFast, F::Sub),
        ("zlib 1, Adaptive", D::Level(1), F::Adaptive),
        ("zlib 1, Up", D::Level(1), F::Up),
        ("zlib 2, Adaptive", D::Level(2), F::Adaptive),
        ("zlib 3, Adaptive", D::Level(3), F::Adaptive),
        ("zlib 4, Adaptive", D::Level(4), F::Adaptive),
        ("Balanced (zlib 6, Adaptive)", D::Level(6), F::Adaptive),
        ("High (zlib 9, Adaptive)", D::Level(9), F::Adaptive),
    ];
    let _ = C::Fast;
    for (name, deflate, filter) in settings {
        let mut out = Vec::with_capacity(64 << 20);
        let started = Instant::now();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_deflate_compression(deflate);
        enc.set_filter(filter);
        let mut writer = enc.write_header().unwrap();
        writer.write_image_data(&rgb).unwrap();
        writer.finish().unwrap();
        let took = started.elapsed();
        println!(
            "  {name:<28} {:>9}  {:>7.1} MiB",
            ms(took),
            out.len() as f64 / 1048576.0
        );
    }
}

fn best_of(n: usize, mut f: impl FnMut()) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

const WORDS: [&str; 16] = [
    "Supporter",
    "reads",
    "the",
    "welcome",
    "email",
    "and",
    "clicks",
    "through",
    "to",
    "the",
    "donation",
    "page",
    "Café",
    "Crème",
    "signs",
    "up",
];

/// An A1 landscape page drawn like a journey map: stage headers, lane bands, cards with
/// a coloured bar, a SemiBold title and two lines of text, connectors, an emotion curve.
fn synthetic_page() -> PageSvg {
    let (w, h) = (841.0 * PT_PER_MM, 594.0 * PT_PER_MM);
    let (left, top) = (90.0f32, 60.0f32);
    let col_w = (w - left - 20.0) / STAGES as f32;
    let row_h = (h - top - 20.0) / LANES as f32;
    let colours = ["#2563eb", "#16a34a", "#dc2626", "#d97706", "#7c3aed"];
    let mut svg = String::new();
    write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="#ffffff"/>"##
    )
    .unwrap();
    for lane in 0..LANES {
        let y = top + lane as f32 * row_h;
        let fill = if lane % 2 == 0 { "#f8fafc" } else { "#f1f5f9" };
        write!(
            svg,
            r##"<rect x="10" y="{y}" width="{}" height="{row_h}" fill="{fill}"/><text x="16" y="{}" font-family="Inter" font-size="9" font-weight="600" fill="#334155">Lane {}</text>"##,
            w - 30.0,
            y + 14.0,
            lane + 1
        )
        .unwrap();
    }
    for stage in 0..STAGES {
        let x = left + stage as f32 * col_w;
        write!(
            svg,
            r##"<text x="{}" y="40" font-family="Inter" font-size="12" font-weight="600" fill="#0f172a">Stage {} · Discover</text><path d="M {x} 50 V {}" stroke="#cbd5e1" stroke-width="0.5"/>"##,
            x + 4.0,
            stage + 1,
            h - 20.0
        )
        .unwrap();
    }
    let mut n = 0;
    for lane in 0..LANES {
        for stage in 0..STAGES {
            let x = left + stage as f32 * col_w + 4.0;
            let y = top + lane as f32 * row_h + 4.0;
            let (cw, ch) = (col_w - 8.0, row_h - 8.0);
            let colour = colours[n % colours.len()];
            let word = |i: usize| WORDS[(n * 7 + i * 3) % WORDS.len()];
            write!(
                svg,
                r##"<g><rect x="{x}" y="{y}" width="{cw}" height="{ch}" rx="4" fill="#ffffff" stroke="#94a3b8" stroke-width="0.75"/><rect x="{x}" y="{y}" width="4" height="{ch}" fill="{colour}"/><text font-family="Inter" font-size="8" fill="#0f172a"><tspan x="{}" y="{}" font-weight="600">Card {} — {} {}</tspan><tspan x="{}" y="{}">{} {} {} {} {}</tspan><tspan x="{}" y="{}">{} {} {} &amp; {}</tspan></text></g>"##,
                x + 8.0, y + 11.0, n + 1, word(0), word(1),
                x + 8.0, y + 21.0, word(2), word(3), word(4), word(5), word(6),
                x + 8.0, y + 30.0, word(7), word(8), word(9), word(10),
            )
            .unwrap();
            if stage + 1 < STAGES && n % 3 == 0 {
                let (x1, y1) = (x + cw, y + ch / 2.0);
                let x2 = x1 + 8.0;
                let y2 = top + ((lane + 1) % LANES) as f32 * row_h + 4.0 + ch / 2.0;
                write!(
                    svg,
                    r##"<path d="M {x1} {y1} C {} {y1} {} {y2} {x2} {y2}" fill="none" stroke="#475569" stroke-width="1" stroke-dasharray="3 2"/>"##,
                    x1 + 6.0,
                    x2 - 6.0
                )
                .unwrap();
            }
            n += 1;
        }
    }
    // The emotion curve across the map.
    let mut d = format!("M {left} {}", top + 2.0 * row_h);
    for stage in 0..STAGES {
        let x = left + (stage as f32 + 0.5) * col_w;
        let y = top + row_h * (1.0 + (stage as f32 * 0.9).sin().abs() * 2.0);
        write!(d, " S {} {y} {x} {y}", x - col_w * 0.3).unwrap();
    }
    write!(
        svg,
        r##"<path d="{d}" fill="none" stroke="#e11d48" stroke-width="2.5" stroke-linecap="round"/></svg>"##
    )
    .unwrap();
    PageSvg {
        svg,
        width_pt: w,
        height_pt: h,
        label: None,
    }
}

/// Roughly what the JSON export of a 400-card map weighs.
fn synthetic_map_json() -> String {
    let cards: Vec<String> = (0..STAGES * LANES)
        .map(|i| {
            format!(
                r#"{{"id":"card-{i:04}","stage":{},"lane":{},"title":"Card {i}","text":"Supporter reads the welcome email and clicks through"}}"#,
                i % STAGES,
                i / STAGES
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"name":"Synthetic 400-card map","cards":[{}]}}"#,
        cards.join(",")
    )
}
