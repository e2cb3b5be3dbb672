//! The direct route against the usvg route, on real pages (map, tiled poster with its
//! sheet index and crop marks, appendix, kickoff kit): every page the exporter writes is
//! read directly, and poppler draws both PDFs alike, pixel for pixel within antialiasing.

use std::path::Path;
use std::process::Command;

use waymark_model::{generate, Document, GenerateSpec};

use super::read::read;
use super::shape::Shaper;
use super::{write_pdf, write_pdf_phases};
use crate::export::{
    compose_all, ExportFormat, ExportInfo, ExportOptions, Orientation, PageSvg, PaperSize,
};
use crate::Layouter;

fn doc() -> Document {
    let mut doc = generate(GenerateSpec {
        stages: 8,
        lanes: 6,
        cards: 60,
        seed: 7,
    });
    // User text is data: markup in a name stays the characters typed.
    doc.maps[0].name = "Gifts <b>&amp; \"thanks\"</b>".into();
    doc
}

fn info() -> ExportInfo {
    ExportInfo {
        title: String::new(),
        author: String::new(),
        persona: "Regular donor".into(),
        date: "2026-12-06".into(),
    }
}

fn variants() -> Vec<(&'static str, ExportOptions)> {
    let base = ExportOptions {
        format: ExportFormat::Pdf,
        page: PaperSize::A3,
        orientation: Orientation::Landscape,
        ..ExportOptions::default()
    };
    vec![
        ("a3", base.clone()),
        (
            "fit",
            ExportOptions {
                page: PaperSize::Fit,
                ..base.clone()
            },
        ),
        (
            "tiled",
            ExportOptions {
                tile: Some(PaperSize::A4),
                ..base.clone()
            },
        ),
        (
            "appendix",
            ExportOptions {
                appendix: true,
                ..base.clone()
            },
        ),
        ("kit", ExportOptions { kit: true, ..base }),
    ]
}

fn pages(doc: &Document, opts: &ExportOptions) -> Vec<PageSvg> {
    let scene = Layouter::new().layout(doc, &doc.maps[0].id).unwrap();
    let mut info = info();
    info.title = scene.map_name.clone();
    compose_all(doc, &scene, opts, &info).unwrap()
}

#[test]
fn every_page_the_exporter_writes_is_read_directly() {
    let doc = doc();
    let mut shaper = Shaper::new().unwrap();
    for (name, opts) in variants() {
        for (i, page) in pages(&doc, &opts).iter().enumerate() {
            if let Err(e) = read(&page.svg, page.width_pt, page.height_pt, &mut shaper) {
                panic!("{name} page {}: {}", i + 1, e.0);
            }
        }
    }
}

#[test]
fn a_page_outside_the_subset_is_refused_not_misdrawn() {
    let mut shaper = Shaper::new().unwrap();
    for svg in [
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><ellipse rx="3" ry="2"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="3" height="2" style="fill:red"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0 A 3 3 0 0 1 5 5"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="1 2 3" y="5">abc</text></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">שלום</text></svg>"#,
        "not svg",
    ] {
        assert!(read(svg, 10.0, 10.0, &mut shaper).is_err(), "{svg}");
    }
}

/// Width, height and RGB pixels of a binary PPM.
fn ppm(path: &Path) -> (usize, usize, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let w: usize = fields[1].parse().unwrap();
    let h: usize = fields[2].parse().unwrap();
    (w, h, bytes[i + 1..].to_vec())
}

/// Every page of `pdf` drawn by poppler at `dpi`.
fn raster(pdf: &[u8], dir: &Path, name: &str, dpi: u32) -> Vec<(usize, usize, Vec<u8>)> {
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let prefix = dir.join(name);
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string()])
        .arg(&file)
        .arg(&prefix)
        .status()
        .expect("poppler's pdftoppm");
    assert!(status.success());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with(&format!("{name}-")) && n.ends_with(".ppm")
        })
        .collect();
    files.sort();
    files.iter().map(|p| ppm(p)).collect()
}

fn text_of(pdf: &[u8], dir: &Path, name: &str) -> String {
    let file = dir.join(format!("{name}.txt.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("poppler's pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_direct_route_draws_what_usvg_draws() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    for (name, opts) in variants() {
        let pages = pages(&doc, &opts);
        let info = info();
        let direct = write_pdf_phases(&pages, &info, None, false).unwrap().0;
        let usvg = write_pdf_phases(&pages, &info, None, true).unwrap().0;
        if let Some(look) = std::env::var_os("PDF_LOOK") {
            // To look at both: `PDF_LOOK=dir cargo test … the_direct_route`.
            std::fs::write(Path::new(&look).join(format!("{name}-direct.pdf")), &direct).unwrap();
            std::fs::write(Path::new(&look).join(format!("{name}-usvg.pdf")), &usvg).unwrap();
        }
        let a = raster(&direct, dir.path(), &format!("{name}-direct"), 40);
        let b = raster(&usvg, dir.path(), &format!("{name}-usvg"), 40);
        assert_eq!(a.len(), pages.len(), "{name}");
        assert_eq!(a.len(), b.len(), "{name}");
        for (i, ((w, h, pa), (wb, hb, pb))) in a.iter().zip(&b).enumerate() {
            assert_eq!((w, h), (wb, hb), "{name} page {}", i + 1);
            let off = pa
                .chunks_exact(3)
                .zip(pb.chunks_exact(3))
                .filter(|(p, q)| p.iter().zip(*q).any(|(x, y)| x.abs_diff(*y) > 48))
                .count();
            let share = off as f64 / (w * h) as f64;
            eprintln!("{name} page {}: {off} of {} pixels differ", i + 1, w * h);
            assert!(
                share < 0.002,
                "{name} page {}: {off} of {} pixels differ ({:.3} %)",
                i + 1,
                w * h,
                share * 100.0
            );
        }
        // The same words come out of both.
        let words = |s: String| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            words(text_of(&direct, dir.path(), &format!("{name}-direct"))),
            words(text_of(&usvg, dir.path(), &format!("{name}-usvg"))),
            "{name}"
        );
    }
    let text = text_of(
        &write_pdf(&pages(&doc, &variants()[0].1), &info(), None, &mut |_| true).unwrap(),
        dir.path(),
        "title",
    );
    assert!(text.contains("Gifts <b>&amp; \"thanks\"</b>"), "{text}");
}
