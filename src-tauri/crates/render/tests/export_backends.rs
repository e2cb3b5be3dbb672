//! The PNG and PDF backends checked with real readers: the `png` decoder for pixels and
//! chunks, poppler (`pdfinfo`, `pdffonts`, `pdftotext`) for the PDF, and reading the map
//! back with `read_embedded_map`.
//!
//! Pages here are small hand-written SVGs (not the Scene exporter's), so these tests only
//! depend on the backends. They need poppler-utils (`apt-get install poppler-utils`).

use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::process::Command;

use waymark_render::export::{
    parse_svg, png_pixel_size, read_embedded_map, write_pdf, write_png, write_png_in_bands,
    Background, ExportError, ExportInfo, PageSvg,
};

/// User text as the SVG exporter must write it: escaped once.
const SCRIPT_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;";
/// …and as a reader of the PDF must see it.
const SCRIPT_TEXT: &str = r#"<script>alert(1)</script> & "quotes""#;

/// A 400 × 300 pt page: a dark card, a blue triangle, two lines of Inter; the right-hand
/// strip x > 330 and the bottom y > 180 are empty.
fn sample_page() -> PageSvg {
    page_of_size(400.0, 300.0)
}

fn page_of_size(w: f32, h: f32) -> PageSvg {
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">
  <rect x="20" y="20" width="160" height="60" rx="6" fill="#1f2937"/>
  <rect x="28" y="30" width="100" height="12" fill="#fbbf24" opacity="0.8"/>
  <path d="M 200 20 L 260 80 L 200 80 Z" fill="#2563eb" stroke="#111827" stroke-width="2"/>
  <text x="20" y="120" font-family="Inter" font-size="18" fill="#111827">Café Crème</text>
  <text x="20" y="150" font-family="Inter" font-size="12" font-weight="600" fill="#111827">{SCRIPT_ESCAPED}</text>
</svg>"##
    );
    PageSvg {
        svg,
        width_pt: w,
        height_pt: h,
        label: None,
    }
}

fn info() -> ExportInfo {
    ExportInfo {
        title: "Supporter journey — Café".into(),
        author: "Ada Lovelace".into(),
        persona: "Donor".into(),
        date: "2025-03-07".into(),
    }
}

const MAP_JSON: &str = r#"{"version":1,"name":"Supporter journey — Café Crème ☕ 東京","cards":[{"text":"<script>alert(1)</script> & \"quotes\""}]}"#;

fn no_progress() -> impl FnMut(f32) -> bool {
    |_| true
}

fn png_bytes(page: &PageSvg, dpi: u32, bg: Background, map: Option<&str>) -> Vec<u8> {
    let mut out = Vec::new();
    write_png(page, dpi, bg, map, &mut out, &mut no_progress()).unwrap();
    out
}

struct Decoded {
    width: u32,
    height: u32,
    color: png::ColorType,
    pixels: Vec<u8>,
    pixel_dims: Option<png::PixelDimensions>,
}

impl Decoded {
    fn channels(&self) -> usize {
        match self.color {
            png::ColorType::Rgb => 3,
            png::ColorType::Rgba => 4,
            c => panic!("unexpected colour type {c:?}"),
        }
    }

    /// RGBA of the pixel at (x, y), alpha 255 for an RGB image.
    fn at(&self, x: u32, y: u32) -> [u8; 4] {
        let c = self.channels();
        let i = (y as usize * self.width as usize + x as usize) * c;
        let p = &self.pixels[i..i + c];
        [p[0], p[1], p[2], if c == 4 { p[3] } else { 255 }]
    }
}

fn decode(bytes: &[u8]) -> Decoded {
    let decoder = png::Decoder::new(Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(frame.buffer_size());
    reader.finish().unwrap();
    assert_eq!(frame.bit_depth, png::BitDepth::Eight);
    Decoded {
        width: frame.width,
        height: frame.height,
        color: frame.color_type,
        pixels,
        pixel_dims: reader.info().pixel_dims,
    }
}

// ---- PNG ------------------------------------------------------------------------------

#[test]
fn png_has_the_page_size_at_the_resolution_and_says_so() {
    let png = decode(&png_bytes(&sample_page(), 144, Background::White, None));
    assert_eq!((png.width, png.height), (800, 600));
    assert_eq!(
        png.color,
        png::ColorType::Rgb,
        "a white page needs no alpha"
    );
    let dims = png.pixel_dims.expect("a pHYs chunk");
    assert_eq!(dims.unit, png::Unit::Meter);
    assert_eq!((dims.xppu, dims.yppu), (5669, 5669), "144 dpi = 5669 px/m");

    // Rounding: 400 pt at 100 dpi = 555.56 → 556; 300 pt → 416.67 → 417.
    let png = decode(&png_bytes(&sample_page(), 100, Background::White, None));
    assert_eq!((png.width, png.height), (556, 417));
    assert_eq!(png.pixel_dims.unwrap().xppu, 3937);
}

#[test]
fn png_shows_shapes_and_text_on_white() {
    let png = decode(&png_bytes(&sample_page(), 144, Background::White, None));
    let scale = 2; // 144 dpi = 2 px per pt
                   // Inside the dark card (below the yellow bar).
    assert_eq!(png.at(150 * scale, 70 * scale), [0x1f, 0x29, 0x37, 255]);
    // Inside the blue triangle.
    assert_eq!(png.at(210 * scale, 70 * scale), [0x25, 0x63, 0xeb, 255]);
    // The text lines have dark pixels (anti-aliased glyphs), the empty strip has none.
    let dark_in = |x0: u32, y0: u32, x1: u32, y1: u32| {
        let mut n = 0;
        for y in y0 * scale..y1 * scale {
            for x in x0 * scale..x1 * scale {
                let [r, g, b, _] = png.at(x, y);
                if (r as u32 + g as u32 + b as u32) < 3 * 100 {
                    n += 1;
                }
            }
        }
        n
    };
    assert!(
        dark_in(20, 100, 130, 125) > 200,
        "the first line of text is drawn"
    );
    assert!(
        dark_in(20, 138, 300, 155) > 200,
        "the second line of text is drawn"
    );
    for y in (0..png.height).step_by(7) {
        for x in (331 * scale..png.width).step_by(5) {
            assert_eq!(png.at(x, y), [255, 255, 255, 255], "({x}, {y}) is paper");
        }
    }
    for y in (181 * scale..png.height).step_by(3) {
        for x in (0..png.width).step_by(3) {
            assert_eq!(png.at(x, y), [255, 255, 255, 255], "({x}, {y}) is paper");
        }
    }
}

#[test]
fn transparent_png_is_clear_where_nothing_is_drawn() {
    let png = decode(&png_bytes(
        &sample_page(),
        72,
        Background::Transparent,
        None,
    ));
    assert_eq!(png.color, png::ColorType::Rgba);
    assert_eq!(png.at(380, 290)[3], 0);
    assert_eq!(png.at(350, 10)[3], 0);
    assert_eq!(png.at(150, 70), [0x1f, 0x29, 0x37, 255]);
    // Straight (not premultiplied) alpha: the 80 % yellow bar over the dark card is
    // opaque; glyph edges are partly transparent with their full colour.
    let bar = png.at(60, 36);
    assert_eq!(bar[3], 255);
    assert!(bar[0] > 150 && bar[2] < 100, "yellow over dark: {bar:?}");
    let edge = (100..125)
        .flat_map(|y| (20..130).map(move |x| (x, y)))
        .map(|(x, y)| png.at(x, y))
        .find(|p| p[3] > 20 && p[3] < 235)
        .expect("anti-aliased glyph edges");
    assert!(
        edge[0] < 40 && edge[1] < 50 && edge[2] < 70,
        "edge colour is the text colour, not darkened towards black: {edge:?}"
    );
}

/// Renders `page` in one resvg pass over the whole image and in bands of each height in
/// `band_heights`; returns, per band height, the largest difference of a channel
/// (premultiplied) and how many pixels differ by more than one level.
fn banded_vs_single_pass(
    page: &PageSvg,
    dpi: u32,
    background: Background,
    band_heights: &[u32],
) -> Vec<(u32, i32, usize)> {
    let tree = parse_svg(&page.svg).unwrap();
    let (w, h) = png_pixel_size(page, dpi).unwrap();
    let mut single = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
    if background == Background::White {
        single.fill(resvg::tiny_skia::Color::WHITE);
    }
    let t = resvg::tiny_skia::Transform::from_scale(
        w as f32 / tree.size().width(),
        h as f32 / tree.size().height(),
    );
    resvg::render(&tree, t, &mut single.as_mut());

    let mut results = Vec::new();
    for &band_rows in band_heights {
        let mut out = Vec::new();
        write_png_in_bands(
            page,
            dpi,
            background,
            None,
            &mut out,
            &mut no_progress(),
            Some(band_rows),
        )
        .unwrap();
        let banded = decode(&out);
        assert_eq!((banded.width, banded.height), (w, h));
        let (mut worst, mut differing) = (0, 0);
        for y in 0..h {
            for x in 0..w {
                // Compared premultiplied: the colour of a barely visible pixel hardly
                // matters, and a fully transparent one has none.
                let p = single.pixel(x, y).unwrap();
                let want = [p.red(), p.green(), p.blue(), p.alpha()];
                let [r, g, b, a] = banded.at(x, y);
                let pm = |c: u8| ((c as u32 * a as u32 + 127) / 255) as u8;
                let got = [pm(r), pm(g), pm(b), a];
                let d = (0..4)
                    .map(|c| (want[c] as i32 - got[c] as i32).abs())
                    .max()
                    .unwrap();
                worst = worst.max(d);
                if d > 1 {
                    differing += 1;
                }
            }
        }
        eprintln!(
            "{background:?}, {band_rows}-row bands: worst {worst} levels, {differing} of {} \
             pixels differ by more than 1",
            w * h
        );
        results.push((band_rows, worst, differing));
    }
    results
}

/// Axis-aligned edges (cards, lanes, bars, group opacity) cut by band boundaries come out
/// exactly as in a single pass.
#[test]
fn bands_join_without_seams() {
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
  <rect x="10.3" y="10.7" width="120.2" height="50.9" fill="#1f2937"/>
  <rect x="20" y="20" width="80" height="13.3" fill="#fbbf24" opacity="0.6"/>
  <g opacity="0.5"><rect x="50" y="40.1" width="100" height="100.35" fill="#dc2626"/></g>
  <path d="M 160 10.2 H 290.4 V 190.6 H 160 Z M 170 20.5 H 280 V 180.2 H 170 Z" fill="#2563eb" fill-rule="evenodd"/>
  <path d="M 10 170.3 H 280" stroke="#111827" stroke-width="1.3" fill="none"/>
</svg>"##;
    let page = PageSvg {
        svg: svg.into(),
        width_pt: 300.0,
        height_pt: 200.0,
        label: None,
    };
    for background in [Background::White, Background::Transparent] {
        for (rows, worst, _) in banded_vs_single_pass(&page, 150, background, &[1, 7, 64]) {
            assert!(
                worst <= 1,
                "{background:?}, {rows}-row bands differ by {worst} levels"
            );
        }
    }
}

/// Slanted edges and curves (glyphs, rounded corners, connectors) cut by a band boundary
/// are clipped and flattened by tiny-skia piece by piece, so some anti-aliased edge pixels
/// differ from a single pass by a few 1/16 coverage steps (≤ 0.2 px of edge position;
/// tiny-skia does the same at its own 8191-px tiles in a single pass). Invisible, but
/// bounded here so that a real seam (a shifted or missing row) fails.
#[test]
fn slanted_edges_cut_by_bands_stay_within_antialiasing_tolerance() {
    let slanted = PageSvg {
        svg: r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
  <path d="M 150 10 L 290 190 L 140 150 Z" fill="#2563eb"/>
  <path d="M 10 190 L 280 30" stroke="#111827" stroke-width="1.3" fill="none"/>
  <polyline points="10,100 40,130 70,95 100,160" stroke="#16a34a" stroke-width="3" fill="none"/>
  <circle cx="60" cy="50" r="35" fill="#dc2626" opacity="0.7"/>
</svg>"##
            .into(),
        width_pt: 300.0,
        height_pt: 200.0,
        label: None,
    };
    for page in [sample_page(), slanted] {
        let (w, h) = png_pixel_size(&page, 150).unwrap();
        for background in [Background::White, Background::Transparent] {
            for (rows, worst, differing) in banded_vs_single_pass(&page, 150, background, &[7, 64])
            {
                assert!(
                    worst <= 64,
                    "{background:?}, {rows}-row bands differ by {worst} levels"
                );
                assert!(
                    differing * 100 < (w * h) as usize,
                    "{background:?}, {rows}-row bands: {differing} of {} pixels differ",
                    w * h
                );
            }
        }
    }
}

#[test]
fn png_output_is_deterministic() {
    let a = png_bytes(&sample_page(), 96, Background::White, Some(MAP_JSON));
    let b = png_bytes(&sample_page(), 96, Background::White, Some(MAP_JSON));
    assert!(a == b, "same page, same bytes");
    let c = png_bytes(&sample_page(), 96, Background::Transparent, None);
    let d = png_bytes(&sample_page(), 96, Background::Transparent, None);
    assert!(c == d);
}

#[test]
fn resolution_outside_72_to_600_is_refused() {
    for dpi in [0, 71, 601, 10_000] {
        let mut out = Vec::new();
        let err = write_png(
            &sample_page(),
            dpi,
            Background::White,
            None,
            &mut out,
            &mut no_progress(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            ExportError::BadOptions(format!("dpi must be between 72 and 600 (got {dpi})"))
        );
        assert!(out.is_empty());
    }
    for dpi in [72, 600] {
        let mut out = Vec::new();
        let page = page_of_size(20.0, 10.0);
        write_png(
            &page,
            dpi,
            Background::White,
            None,
            &mut out,
            &mut no_progress(),
        )
        .unwrap();
    }
}

#[test]
fn png_progress_rises_to_one_per_band() {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    write_png_in_bands(
        &sample_page(),
        72,
        Background::White,
        None,
        &mut out,
        &mut |f| {
            seen.push(f);
            true
        },
        Some(100),
    )
    .unwrap();
    assert_eq!(seen, vec![0.0, 100.0 / 300.0, 200.0 / 300.0, 1.0]);
}

#[test]
fn cancelled_png_stops_and_leaves_no_image() {
    // Cancelled before anything is rendered: nothing at all is written.
    let mut out = Vec::new();
    let err = write_png(
        &sample_page(),
        150,
        Background::White,
        Some(MAP_JSON),
        &mut out,
        &mut |_| false,
    )
    .unwrap_err();
    assert_eq!(err, ExportError::Cancelled);
    assert!(out.is_empty());

    // Cancelled after the first band: what was written is no complete PNG.
    let mut out = Vec::new();
    let mut calls = 0;
    let err = write_png_in_bands(
        &sample_page(),
        150,
        Background::White,
        None,
        &mut out,
        &mut |_| {
            calls += 1;
            calls < 2
        },
        Some(50),
    )
    .unwrap_err();
    assert_eq!(err, ExportError::Cancelled);
    assert_eq!(calls, 2, "stopped right after the band that was cancelled");
    assert!(
        !out.windows(4).any(|w| w == b"IEND"),
        "no end-of-image marker"
    );
    let decoded = png::Decoder::new(Cursor::new(&out[..]))
        .read_info()
        .and_then(|mut r| {
            let mut buf = vec![0; r.output_buffer_size().unwrap()];
            r.next_frame(&mut buf).map(|_| ())
        });
    assert!(decoded.is_err(), "a cancelled PNG does not decode");
}

/// Writes go to a sink that only counts bytes, failing after `fail_after` of them.
struct Counting {
    bytes: usize,
    fail_after: usize,
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes + buf.len() > self.fail_after {
            return Err(std::io::Error::other("disk full"));
        }
        self.bytes += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_writer_is_an_error_not_a_panic() {
    let mut sink = Counting {
        bytes: 0,
        fail_after: 5000,
    };
    let err = write_png(
        &sample_page(),
        150,
        Background::White,
        None,
        &mut sink,
        &mut no_progress(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, ExportError::Png(m) if m.contains("disk full")),
        "{err:?}"
    );
}

#[test]
fn svg_that_does_not_parse_is_an_svg_error() {
    let page = PageSvg {
        svg: "<svg".into(),
        width_pt: 10.0,
        height_pt: 10.0,
        label: None,
    };
    let mut out = Vec::new();
    let err = write_png(
        &page,
        72,
        Background::White,
        None,
        &mut out,
        &mut no_progress(),
    );
    assert!(matches!(err, Err(ExportError::Svg(_))));
    let err = write_pdf(&[page], &info(), None, &mut no_progress());
    assert!(matches!(err, Err(ExportError::Svg(_))));
}

// ---- the map inside the file ----------------------------------------------------------

#[test]
fn map_round_trips_through_png() {
    for bg in [Background::White, Background::Transparent] {
        let png = png_bytes(&sample_page(), 72, bg, Some(MAP_JSON));
        assert!(png.windows(4).any(|w| w == b"iTXt"));
        assert_eq!(read_embedded_map(&png).unwrap(), MAP_JSON);
    }
    // A big map is compressed in the file.
    let big = format!(
        "[{}]",
        (0..5000)
            .map(|i| format!(r#"{{"id":"card-{i}","text":"Café Crème {i}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let png = png_bytes(&sample_page(), 72, Background::White, Some(&big));
    assert!(png.len() < big.len() / 3, "{} vs {}", png.len(), big.len());
    assert_eq!(read_embedded_map(&png).unwrap(), big);
}

#[test]
fn png_without_a_map_says_so() {
    let png = png_bytes(&sample_page(), 72, Background::White, None);
    assert_eq!(
        read_embedded_map(&png),
        Err(ExportError::NoEmbeddedMap(
            "this PNG has no Waymark map in it (it was not exported by Waymark, or the map \
             was stripped)"
                .into()
        ))
    );
}

/// Other tools may move text chunks after the image data or re-save them as zTXt/tEXt.
#[test]
fn map_is_found_after_the_image_data_and_in_any_text_chunk() {
    type AddChunk = fn(&mut png::Writer<&mut Vec<u8>>, &str);
    let kinds: [(&str, AddChunk); 3] = [
        ("iTXt", |w, t| {
            let mut c = png::text_metadata::ITXtChunk::new("waymark-map", t);
            c.compressed = true;
            w.write_text_chunk(&c).unwrap();
        }),
        ("zTXt", |w, t| {
            w.write_text_chunk(&png::text_metadata::ZTXtChunk::new("waymark-map", t))
                .unwrap();
        }),
        ("tEXt", |w, t| {
            w.write_text_chunk(&png::text_metadata::TEXtChunk::new("waymark-map", t))
                .unwrap();
        }),
    ];
    let json = r#"{"name":"Crème brûlée"}"#; // Latin-1, so tEXt/zTXt can hold it
    for (name, add) in kinds {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, 4, 4);
            enc.set_color(png::ColorType::Rgb);
            let mut w = enc.write_header().unwrap();
            // Another text chunk first, then the image, then ours.
            w.write_text_chunk(&png::text_metadata::TEXtChunk::new("Software", "other"))
                .unwrap();
            w.write_image_data(&[128; 48]).unwrap();
            add(&mut w, json);
            w.finish().unwrap();
        }
        let idat = out.windows(4).position(|w| w == b"IDAT").unwrap();
        let chunk = out.windows(4).rposition(|w| w == name.as_bytes()).unwrap();
        assert!(chunk > idat, "{name} after IDAT");
        assert_eq!(read_embedded_map(&out).unwrap(), json, "{name}");
    }
}

#[test]
fn map_round_trips_through_pdf() {
    let pdf = write_pdf(
        &[sample_page()],
        &info(),
        Some(MAP_JSON),
        &mut no_progress(),
    )
    .unwrap();
    assert_eq!(read_embedded_map(&pdf).unwrap(), MAP_JSON);

    let without = write_pdf(&[sample_page()], &info(), None, &mut no_progress()).unwrap();
    assert_eq!(
        read_embedded_map(&without),
        Err(ExportError::NoEmbeddedMap(
            "this PDF has no Waymark map in it (it was not exported by Waymark, or the map \
             was stripped)"
                .into()
        ))
    );
}

/// Truncated, bit-flipped and random input: always an error, never a panic or a wrong map.
#[test]
fn damaged_files_give_errors_not_panics() {
    let png = png_bytes(&sample_page(), 72, Background::White, Some(MAP_JSON));
    let pdf = write_pdf(
        &[sample_page()],
        &info(),
        Some(MAP_JSON),
        &mut no_progress(),
    )
    .unwrap();

    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for (kind, file) in [("PNG", &png), ("PDF", &pdf)] {
        // Every truncation in the first 1000 bytes, then a spread over the rest.
        let cuts = (0..file.len().min(1000))
            .chain((1000..file.len()).step_by(37))
            .collect::<Vec<_>>();
        for cut in cuts {
            match read_embedded_map(&file[..cut]) {
                Ok(json) => assert_eq!(json, MAP_JSON, "{kind} cut at {cut}"),
                Err(ExportError::NoEmbeddedMap(m)) => assert!(!m.is_empty()),
                Err(e) => panic!("{kind} cut at {cut}: unexpected error kind {e:?}"),
            }
        }
        for _ in 0..300 {
            let mut bad = file.clone();
            for _ in 0..1 + next() % 8 {
                let i = (next() % bad.len() as u64) as usize;
                bad[i] ^= 1 << (next() % 8);
            }
            match read_embedded_map(&bad) {
                // A flip in the image data or a font does not touch the map.
                Ok(json) => assert_eq!(json, MAP_JSON, "{kind} bit flips"),
                Err(ExportError::NoEmbeddedMap(m)) => assert!(!m.is_empty()),
                Err(e) => panic!("{kind} bit flips: unexpected error kind {e:?}"),
            }
        }
    }
    // A PNG cut before its map chunk names the damage, not the absence.
    let err = read_embedded_map(&png[..40]).unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");

    for len in [0, 1, 7, 8, 100, 5000] {
        let garbage: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        assert_eq!(
            read_embedded_map(&garbage),
            Err(ExportError::NoEmbeddedMap("not a PNG or PDF file".into()))
        );
        let mut fake_png = b"\x89PNG\r\n\x1a\n".to_vec();
        fake_png.extend(&garbage);
        assert!(matches!(
            read_embedded_map(&fake_png),
            Err(ExportError::NoEmbeddedMap(_))
        ));
        let mut fake_pdf = b"%PDF-1.7\n".to_vec();
        fake_pdf.extend(&garbage);
        assert!(matches!(
            read_embedded_map(&fake_pdf),
            Err(ExportError::NoEmbeddedMap(_))
        ));
    }
}

// ---- PDF ------------------------------------------------------------------------------

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is missing ({e}): apt-get install poppler-utils"));
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export_backends");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn two_page_pdf() -> Vec<u8> {
    let a4_landscape = page_of_size(841.89, 595.28);
    write_pdf(
        &[sample_page(), a4_landscape],
        &info(),
        Some(MAP_JSON),
        &mut no_progress(),
    )
    .unwrap()
}

#[test]
fn pdf_pages_and_metadata_per_pdfinfo() {
    let path = temp_file("info.pdf", &two_page_pdf());
    let p = path.to_str().unwrap();
    let out = tool("pdfinfo", &["-isodates", "-f", "1", "-l", "2", p]);
    let field = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{name}:")))
            .map(|l| l[name.len() + 1..].trim().to_owned())
            .unwrap_or_else(|| panic!("no {name} in\n{out}"))
    };
    assert_eq!(field("Pages"), "2");
    assert_eq!(field("Page    1 size"), "400 x 300 pts");
    assert_eq!(field("Page    2 size"), "841.89 x 595.28 pts (A4)");
    assert_eq!(field("Title"), "Supporter journey — Café");
    assert_eq!(field("Author"), "Ada Lovelace");
    assert_eq!(field("Creator"), "Waymark");
    assert_eq!(field("CreationDate"), "2025-03-07T00:00:00Z");

    // No author: no Author entry at all.
    let mut anonymous = info();
    anonymous.author.clear();
    let pdf = write_pdf(&[sample_page()], &anonymous, None, &mut no_progress()).unwrap();
    let path = temp_file("anonymous.pdf", &pdf);
    let out = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(!out.contains("Author:"), "{out}");
}

#[test]
fn pdf_embeds_a_subset_of_inter() {
    let path = temp_file("fonts.pdf", &two_page_pdf());
    let out = tool("pdffonts", &[path.to_str().unwrap()]);
    // name  type  encoding  emb sub uni  object ID
    let fonts: Vec<Vec<&str>> = out
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(!fonts.is_empty(), "{out}");
    for f in &fonts {
        let name = f[0];
        let (prefix, family) = name.split_once('+').unwrap_or(("", name));
        assert!(family.starts_with("Inter"), "only Inter: {out}");
        assert!(
            prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase()),
            "subset tag: {out}"
        );
        let n = f.len();
        assert_eq!(
            &f[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "emb sub uni: {out}"
        );
    }
    assert!(
        fonts.iter().any(|f| f[0].contains("SemiBold")),
        "the 600-weight line uses Inter SemiBold: {out}"
    );
}

#[test]
fn pdf_text_is_real_text() {
    let path = temp_file("text.pdf", &two_page_pdf());
    let text = tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    assert!(text.contains("Café Crème"), "{text}");
    assert!(text.contains(SCRIPT_TEXT), "{text}");
    assert!(
        !text.contains("&lt;") && !text.contains("&amp;"),
        "escaped once: {text}"
    );
}

#[test]
fn pdf_output_is_deterministic() {
    assert!(two_page_pdf() == two_page_pdf(), "same pages, same bytes");
}

#[test]
fn pdf_progress_and_cancel() {
    let pages = [sample_page(), sample_page(), sample_page()];
    let mut seen = Vec::new();
    write_pdf(&pages, &info(), None, &mut |f| {
        seen.push(f);
        true
    })
    .unwrap();
    assert_eq!(seen, vec![0.0, 0.25, 0.5, 0.75, 1.0]);

    for stop_at in 0..5 {
        let mut calls = 0;
        let err = write_pdf(&pages, &info(), Some(MAP_JSON), &mut |_| {
            calls += 1;
            calls <= stop_at
        })
        .unwrap_err();
        assert_eq!(err, ExportError::Cancelled);
        assert_eq!(calls, stop_at + 1);
    }
}

#[test]
fn pdf_options_are_checked() {
    assert!(matches!(
        write_pdf(&[], &info(), None, &mut no_progress()),
        Err(ExportError::BadOptions(_))
    ));
    let mut bad_date = info();
    bad_date.date = "7 March".into();
    assert!(matches!(
        write_pdf(&[sample_page()], &bad_date, None, &mut no_progress()),
        Err(ExportError::BadOptions(_))
    ));
    let mut no_date = info();
    no_date.date.clear();
    write_pdf(&[sample_page()], &no_date, None, &mut no_progress()).unwrap();
}

/// Keeps the first bytes written (the signature and IHDR) and counts the rest.
struct Head {
    head: Vec<u8>,
    bytes: u64,
}

impl Write for Head {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let keep = buf.len().min(64usize.saturating_sub(self.head.len()));
        self.head.extend_from_slice(&buf[..keep]);
        self.bytes += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A0 portrait at 300 DPI: 9933 × 14043 px streamed in bands, never held whole.
#[test]
fn a0_at_300_dpi_streams_in_bands() {
    let (w, h) = (2383.94f32, 3370.39f32);
    let mut body = String::new();
    for row in 0..12 {
        for col in 0..8 {
            let (x, y) = (60.0 + col as f32 * 285.0, 60.0 + row as f32 * 270.0);
            body.push_str(&format!(
                r##"<rect x="{x}" y="{y}" width="250" height="220" rx="8" fill="#e0e7ff" stroke="#4338ca"/><text x="{}" y="{}" font-family="Inter" font-size="16">Card {row}·{col} Café</text>"##,
                x + 12.0,
                y + 30.0
            ));
        }
    }
    let page = PageSvg {
        svg: format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">{body}</svg>"#
        ),
        width_pt: w,
        height_pt: h,
        label: None,
    };
    let mut sink = Head {
        head: Vec::new(),
        bytes: 0,
    };
    let mut bands = 0;
    let started = std::time::Instant::now();
    write_png(
        &page,
        300,
        Background::White,
        Some(MAP_JSON),
        &mut sink,
        &mut |_| {
            bands += 1;
            true
        },
    )
    .unwrap();
    eprintln!(
        "A0 at 300 DPI: {} bytes in {:?}, {} progress calls",
        sink.bytes,
        started.elapsed(),
        bands
    );
    assert_eq!(&sink.head[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&sink.head[12..16], b"IHDR");
    let width = u32::from_be_bytes(sink.head[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(sink.head[20..24].try_into().unwrap());
    assert_eq!((width, height), (9933, 14043));
    assert!(bands > 10, "rendered in many bands, not at once ({bands})");
}

/// Writes the sample page as PNG (white and transparent) and PDF into Cargo's temporary
/// directory for tests (`target/tmp/export_backends/`), to be opened and looked at.
#[test]
fn sample_files_for_a_look() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export_backends");
    std::fs::create_dir_all(&dir).unwrap();
    let page = sample_page();
    for (name, bg) in [
        ("sample.png", Background::White),
        ("sample-transparent.png", Background::Transparent),
    ] {
        std::fs::write(dir.join(name), png_bytes(&page, 200, bg, Some(MAP_JSON))).unwrap();
    }
    std::fs::write(dir.join("sample.pdf"), two_page_pdf()).unwrap();
}
