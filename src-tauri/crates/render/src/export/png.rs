//! PNG backend: one page raster-rendered with resvg and streamed into a PNG in horizontal
//! bands, so an A0 poster at 300 DPI (9933 × 14043 px, 558 MB of RGBA) never sits in memory
//! whole: a few bands of pixels (≤ [`BAND_BYTES`] each, rendered on worker threads while
//! the calling thread compresses them in order) plus the encoder's small buffers.
//!
//! The file carries its resolution (`pHYs`) and, optionally, the map itself as JSON in a
//! compressed `iTXt` chunk with the keyword [`MAP_KEYWORD`] (read back by
//! [`read_embedded_map`](super::read_embedded_map)). Nothing time- or machine-dependent is
//! written: the same page gives the same bytes.

use std::cell::Cell;
use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use resvg::tiny_skia::{Color, Pixmap, Transform};

use super::{Background, ExportError, PageSvg};

/// The lowest resolution the exporter accepts (one pixel per point).
pub const MIN_DPI: u32 = 72;
/// The highest resolution the exporter accepts.
pub const MAX_DPI: u32 = 600;
/// The keyword of the PNG text chunk that holds the map's JSON.
pub const MAP_KEYWORD: &str = "waymark-map";

/// At most this many bytes of RGBA pixels are rendered at once. resvg may allocate layers
/// (group opacity, filters) up to a few times the band's size, so this stays well below
/// what the 32 MiB budget would allow.
const BAND_BYTES: usize = 16 << 20;
/// Size of the IDAT chunks the encoder writes.
const IDAT_CHUNK: usize = 1 << 20;
/// One dimension of the PNG may not exceed this (about 3.4 m at 600 DPI). Beyond this the
/// PNG would be impractical to open anyway; the user is asked for a lower resolution.
const MAX_SIDE_PX: u32 = 100_000;

/// The pixel size of `page` rendered at `dpi`: `round(width_pt × dpi / 72)` ×
/// `round(height_pt × dpi / 72)`. Fails for a dpi outside 72–600 or a page too big to raster.
pub fn png_pixel_size(page: &PageSvg, dpi: u32) -> Result<(u32, u32), ExportError> {
    if !(MIN_DPI..=MAX_DPI).contains(&dpi) {
        return Err(ExportError::BadOptions(format!(
            "dpi must be between {MIN_DPI} and {MAX_DPI} (got {dpi})"
        )));
    }
    let side = |pt: f32, what: &str| -> Result<u32, ExportError> {
        if !pt.is_finite() || pt <= 0.0 {
            return Err(ExportError::BadOptions(format!(
                "the page {what} must be positive (got {pt} pt)"
            )));
        }
        let px = (f64::from(pt) * f64::from(dpi) / 72.0).round();
        if px > f64::from(MAX_SIDE_PX) {
            return Err(ExportError::BadOptions(format!(
                "the page is too large for a PNG at {dpi} DPI ({px} pixels {what}, at most \
                 {MAX_SIDE_PX}); choose a lower resolution or export a PDF"
            )));
        }
        Ok((px as u32).max(1))
    };
    Ok((side(page.width_pt, "wide")?, side(page.height_pt, "high")?))
}

/// Renders `page` at `dpi` and writes it as a PNG to `out`.
///
/// With [`Background::White`] the PNG is opaque RGB; with [`Background::Transparent`] it is
/// RGBA (straight alpha). `map_json`, when given, is stored in a compressed `iTXt` chunk
/// `waymark-map` before the image data. `progress` is called with the fraction done (0 at
/// the start, then after every band); returning `false` stops the export with
/// [`ExportError::Cancelled`] and nothing more is written to `out` (the caller discards the
/// partial file).
pub fn write_png<W: Write>(
    page: &PageSvg,
    dpi: u32,
    background: Background,
    map_json: Option<&str>,
    out: W,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(), ExportError> {
    write_png_in_bands(page, dpi, background, map_json, out, progress, None)
}

/// [`write_png`] with the band height chosen by the caller (`None`: as many rows as fit in
/// the band budget). For tests of band joins and for benchmarks.
#[doc(hidden)]
pub fn write_png_in_bands<W: Write>(
    page: &PageSvg,
    dpi: u32,
    background: Background,
    map_json: Option<&str>,
    out: W,
    progress: &mut dyn FnMut(f32) -> bool,
    band_rows: Option<u32>,
) -> Result<(), ExportError> {
    let (width, height) = png_pixel_size(page, dpi)?;
    if !progress(0.0) {
        return Err(ExportError::Cancelled);
    }
    let tree = super::parse_svg(&page.svg)?;

    // Once cancelled (or failed) the gate swallows whatever the encoder still writes when
    // it is dropped (it would otherwise append an IEND to the half-written file).
    let open = Cell::new(true);
    let band_rows = band_rows
        .unwrap_or((BAND_BYTES / (width as usize * 4)) as u32)
        .clamp(1, height);
    let result = encode(
        &tree,
        (width, height, band_rows),
        dpi,
        background,
        map_json,
        Gate {
            inner: out,
            open: &open,
        },
        progress,
        &open,
    );
    open.set(false);
    result
}

#[allow(clippy::too_many_arguments)]
fn encode<W: Write>(
    tree: &usvg::Tree,
    (width, height, band_rows): (u32, u32, u32),
    dpi: u32,
    background: Background,
    map_json: Option<&str>,
    out: Gate<'_, W>,
    progress: &mut dyn FnMut(f32) -> bool,
    open: &Cell<bool>,
) -> Result<(), ExportError> {
    let opaque = background == Background::White;
    let channels: usize = if opaque { 3 } else { 4 };
    // Every failure closes the gate first, so the encoder's clean-up on drop (an IEND after
    // half the image data) never reaches `out`.
    let png_error = |e: png::EncodingError| {
        open.set(false);
        ExportError::Png(e.to_string())
    };
    let io_error = |e: io::Error| {
        open.set(false);
        ExportError::Png(e.to_string())
    };

    let mut encoder = png::Encoder::new(BufWriter::with_capacity(1 << 16, out), width, height);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    // Measured on a 400-card A1 map at 300 DPI (9933 × 7016 px, `examples/export_big`):
    // zlib level 1 with the Up filter encodes as fast as `Compression::Fast` (fdeflate,
    // ~0.2 s) into a file 44 % smaller (7.0 vs 12.5 MiB); the default level takes 1.4 s for
    // 3.9 MiB.
    encoder.set_deflate_compression(png::DeflateCompression::Level(1));
    encoder.set_filter(png::Filter::Up);
    encoder.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    let ppm = (f64::from(dpi) / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));

    let mut writer = encoder.write_header().map_err(png_error)?;
    if let Some(json) = map_json {
        let mut chunk = png::text_metadata::ITXtChunk::new(MAP_KEYWORD, json);
        chunk.compressed = true;
        writer.write_text_chunk(&chunk).map_err(png_error)?;
    }

    let sx = width as f32 / tree.size().width();
    let sy = height as f32 / tree.size().height();
    let bands = height.div_ceil(band_rows);
    // Bands are rendered on worker threads (band i on worker i mod n) while this thread
    // compresses them in order: on two cores the raster, the larger share, runs in
    // parallel and overlaps the encoding. Each worker has at most one finished band
    // waiting, so memory stays at a few bands whatever the page size.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(bands as usize);
    let stop = AtomicBool::new(false);
    let render_band = |band: u32| -> Result<Vec<u8>, ExportError> {
        let y0 = band * band_rows;
        let rows = band_rows.min(height - y0);
        let mut pixmap = Pixmap::new(width, rows)
            .ok_or_else(|| ExportError::Png(format!("cannot allocate a {width} × {rows} band")))?;
        if opaque {
            pixmap.fill(Color::WHITE);
        }
        // Page points → pixels, shifted up by a whole number of pixels so that row `y0`
        // is the band's row 0. Axis-aligned edges (cards, lanes) come out exactly as in
        // one pass; slanted edges and curves crossing a band boundary are clipped and
        // flattened per band by tiny-skia, so a few of their anti-aliased pixels may
        // differ by a few 1/16 coverage steps (as at tiny-skia's own 8191-px tiles in a
        // single pass): no visible seam (tests/export_backends.rs measures both).
        let transform = Transform::from_row(sx, 0.0, 0.0, sy, 0.0, -(y0 as f32));
        resvg::render(tree, transform, &mut pixmap.as_mut());
        let mut bytes = Vec::with_capacity(pixmap.pixels().len() * channels);
        for p in pixmap.pixels() {
            if opaque {
                // Every pixel is opaque (drawn over white): premultiplied = straight.
                bytes.extend_from_slice(&[p.red(), p.green(), p.blue()]);
            } else {
                let c = p.demultiply();
                bytes.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
            }
        }
        Ok(bytes)
    };

    std::thread::scope(|scope| -> Result<(), ExportError> {
        let mut queues = Vec::with_capacity(workers);
        for w in 0..workers {
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            let (render_band, stop) = (&render_band, &stop);
            scope.spawn(move || {
                for band in (w as u32..bands).step_by(workers) {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = render_band(band);
                    let failed = result.is_err();
                    if tx.send(result).is_err() || failed {
                        break; // the encoder stopped (cancel or error)
                    }
                }
            });
            queues.push(rx);
        }
        // Whatever happens below, tell the workers to stop before the scope joins them.
        let mut stream = writer
            .stream_writer_with_size(IDAT_CHUNK)
            .map_err(png_error)?;
        let result = (|| {
            let mut done = 0u32;
            for band in 0..bands {
                let bytes = queues[band as usize % workers]
                    .recv()
                    .map_err(|_| ExportError::Png("a raster worker stopped".into()))??;
                stream.write_all(&bytes).map_err(io_error)?;
                done += band_rows.min(height - band * band_rows);
                if !progress(done as f32 / height as f32) {
                    return Err(ExportError::Cancelled);
                }
            }
            Ok(())
        })();
        stop.store(true, Ordering::Relaxed);
        drop(queues);
        match result {
            Ok(()) => stream.finish().map_err(png_error),
            Err(e) => {
                // Closed before the stream is dropped: its clean-up must not reach `out`.
                open.set(false);
                drop(stream);
                Err(e)
            }
        }
    })?;
    writer.finish().map_err(png_error)?;
    Ok(())
}

/// Forwards writes while `open`; afterwards accepts and drops them.
struct Gate<'a, W: Write> {
    inner: W,
    open: &'a Cell<bool>,
}

impl<W: Write> Write for Gate<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.open.get() {
            self.inner.write(buf)
        } else {
            Ok(buf.len())
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.open.get() {
            self.inner.flush()
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(w: f32, h: f32) -> PageSvg {
        PageSvg {
            svg: format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"/>"#
            ),
            width_pt: w,
            height_pt: h,
            label: None,
        }
    }

    #[test]
    fn pixel_size_rounds_points_at_the_resolution() {
        // A0 at 300 DPI.
        assert_eq!(
            png_pixel_size(&page(2383.94, 3370.39), 300).unwrap(),
            (9933, 14043)
        );
        assert_eq!(png_pixel_size(&page(100.0, 50.0), 72).unwrap(), (100, 50));
        assert_eq!(png_pixel_size(&page(100.0, 50.0), 144).unwrap(), (200, 100));
    }

    #[test]
    fn resolution_and_page_are_checked() {
        let e = png_pixel_size(&page(100.0, 50.0), 71).unwrap_err();
        assert_eq!(
            e,
            ExportError::BadOptions("dpi must be between 72 and 600 (got 71)".into())
        );
        assert!(png_pixel_size(&page(100.0, 50.0), 601).is_err());
        assert!(png_pixel_size(&page(0.0, 50.0), 150).is_err());
        assert!(png_pixel_size(&page(f32::NAN, 50.0), 150).is_err());
        assert!(png_pixel_size(&page(20_000.0, 50.0), 600).is_err());
    }

    #[test]
    fn gate_drops_writes_once_closed() {
        let open = Cell::new(true);
        let mut buf = Vec::new();
        {
            let mut gate = Gate {
                inner: &mut buf,
                open: &open,
            };
            gate.write_all(b"ab").unwrap();
            open.set(false);
            gate.write_all(b"cd").unwrap();
        }
        assert_eq!(buf, b"ab");
    }
}
