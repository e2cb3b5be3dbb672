//! Persona photos: any common image file, decoded under limits, downscaled to fit a
//! square of [`PHOTO_SIZE`] px and kept in the document as a small PNG.

use std::io::Cursor;
use std::path::Path;

use image::{ImageFormat, ImageReader, Limits};
use waymark_model::Photo;

use crate::error::AppError;

/// The longest side of a stored photo, in pixels.
pub const PHOTO_SIZE: u32 = 256;
/// Files larger than this are refused before reading them.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Pixel dimensions beyond which decoding is refused (a "decompression bomb").
pub const MAX_SIDE: u32 = 12_000;
/// Memory the decoded image may take (a 48-megapixel phone photo, 8000 × 6000 px, needs
/// 137 MiB as RGB, 183 MiB as RGBA). Checked from the decoder's own figure before decoding.
pub const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;

/// Reads `path` as an image and returns the photo to store, or a message naming the file.
pub fn read_photo(path: &Path) -> Result<Photo, AppError> {
    let name = path.display();
    let fail = |why: String| AppError::Input(format!("{name}: {why}"));
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot be read ({e})")))?;
    if meta.is_dir() {
        return Err(fail("is a folder, not an image".into()));
    }
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        return Err(fail(format!(
            "is {:.1} MiB; a photo may be at most {} MiB",
            size as f64 / 1024.0 / 1024.0,
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot be read ({e})")))?;
    photo_from_bytes(&bytes).map_err(fail)
}

/// Decodes, checks and downscales an image held in memory.
pub fn photo_from_bytes(bytes: &[u8]) -> Result<Photo, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot be read ({e})"))?;
    if reader.format().is_none() {
        return Err("is not an image Waymark can read (use PNG, JPEG, WebP, GIF or BMP)".into());
    }
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| format!("is not a readable image ({e})"))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "is {width} × {height} px; a photo may be at most {MAX_SIDE} px on each side"
        ));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    let reader = |limits: Limits| -> Result<ImageReader<Cursor<&[u8]>>, String> {
        let mut reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| format!("cannot be read ({e})"))?;
        reader.limits(limits);
        Ok(reader)
    };
    // What decoding would allocate, as the decoder reckons it from the header (pixel
    // format and bit depth included): refused with the figures before any pixel is read.
    // (The header alone is read here; the allocation limit applies to the decoding below.)
    let mut header_only = limits.clone();
    header_only.max_alloc = None;
    let decoded_bytes = reader(header_only)?
        .into_decoder()
        .map_err(|e| format!("is not a readable image ({e})"))
        .map(|d| image::ImageDecoder::total_bytes(&d))?;
    if decoded_bytes > MAX_DECODED_BYTES {
        return Err(format!(
            "is {width} × {height} px, which needs {} MiB to open; a photo may need at most {} MiB",
            decoded_bytes >> 20,
            MAX_DECODED_BYTES >> 20
        ));
    }
    let image = reader(limits)?
        .decode()
        .map_err(|e| format!("is damaged or not a supported image ({e})"))?;
    let image = if image.width() > PHOTO_SIZE || image.height() > PHOTO_SIZE {
        image.thumbnail(PHOTO_SIZE, PHOTO_SIZE)
    } else {
        image
    };
    let image = image.to_rgba8();
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| format!("could not be stored ({e})"))?;
    Ok(Photo {
        width: image.width(),
        height: image.height(),
        png,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb};

    fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        let img = ImageBuffer::from_fn(width, height, |x, y| Rgb([x as u8, y as u8, 128]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    #[test]
    fn a_large_jpeg_becomes_a_small_png_keeping_its_shape() {
        let photo = photo_from_bytes(&encoded(1200, 800, ImageFormat::Jpeg)).unwrap();
        assert_eq!((photo.width, photo.height), (256, 171));
        let back = image::load_from_memory_with_format(&photo.png, ImageFormat::Png).unwrap();
        assert_eq!((back.width(), back.height()), (256, 171));
    }

    #[test]
    fn a_small_image_keeps_its_size() {
        let photo = photo_from_bytes(&encoded(40, 60, ImageFormat::Png)).unwrap();
        assert_eq!((photo.width, photo.height), (40, 60));
    }

    #[test]
    fn text_is_not_an_image() {
        let err = photo_from_bytes(b"name,segment\nAda,donor\n").unwrap_err();
        assert!(err.contains("not an image"), "{err}");
    }

    #[test]
    fn a_truncated_png_is_refused() {
        let png = encoded(300, 300, ImageFormat::Png);
        let err = photo_from_bytes(&png[..png.len() / 2]).unwrap_err();
        assert!(err.contains("damaged"), "{err}");
    }

    /// PNG's CRC-32 (ISO 3309), for forging a header in the test above.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_huge_image_is_refused_before_decoding() {
        // A PNG header claiming 50,000 × 50,000 px (with a correct checksum): refused
        // from its dimensions, before any pixel is decoded.
        let mut png = encoded(1, 1, ImageFormat::Png);
        png[16..20].copy_from_slice(&50_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&50_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = photo_from_bytes(&png).unwrap_err();
        assert!(err.contains("50000 × 50000"), "{err}");
    }

    #[test]
    fn an_image_too_deep_to_open_is_refused_with_its_figures() {
        // 9,000 × 9,000 px is within the sides' limit, but as 16-bit RGBA it needs 617 MiB.
        let mut png = encoded(1, 1, ImageFormat::Png);
        png[16..20].copy_from_slice(&9_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&9_000u32.to_be_bytes());
        png[24] = 16; // bit depth
        png[25] = 6; // RGBA
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = photo_from_bytes(&png).unwrap_err();
        assert!(err.contains("9000 × 9000 px, which needs 617 MiB"), "{err}");
    }
}
