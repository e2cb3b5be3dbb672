//! Decompression bombs: a few kilobytes or megabytes that stand for gigabytes once
//! inflated or decoded, given to the app where it reads files from anyone — a PNG or PDF to
//! import a map from (`waymark import`, the same code as File › Open), and a persona
//! photo. Each is refused with a message naming the problem, in seconds, and the process's
//! peak memory (GNU time's maximum resident set) stays far below what the bomb declares.
//! The limits are stated in docs/RELIABILITY.md ("Security").

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::waymark_bin;

/// Far below any bomb here (each stands for 4 GiB or more), above the CLI's own ~70 MiB.
const PEAK_KIB: u64 = 400 * 1024;
/// A debug build on a busy 2-core machine; the refusals themselves take well under a second.
const QUICKLY: Duration = Duration::from_secs(20);

/// Runs `program args` under GNU time: (exit success, stderr without time's line, peak KiB).
fn measured(
    program: &Path,
    args: &[&std::ffi::OsStr],
    env: &[(&str, &Path)],
) -> (bool, String, u64, Duration) {
    let started = Instant::now();
    let mut cmd = Command::new("/usr/bin/time");
    cmd.args(["-f", "peak-kib=%M"]).arg(program).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("GNU time is installed by scripts/test");
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kib="))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak from GNU time in {stderr}"));
    (out.status.success(), stdout + &stderr, peak, elapsed)
}

/// A zlib stream that inflates to `len` zero bytes, made without compressing them: one
/// fully flushed (so self-contained) deflate run of 16 MiB of zeros, repeated, then an
/// empty final block and the Adler-32 of `len` zeros.
fn zlib_zeros(len: u64) -> Vec<u8> {
    const RUN: u64 = 16 << 20;
    assert_eq!(len % RUN, 0);
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let zeros = vec![0u8; RUN as usize];
    let mut run = Vec::with_capacity(64 << 10);
    c.compress_vec(&zeros, &mut run, flate2::FlushCompress::Full)
        .unwrap();
    assert_eq!(c.total_in(), RUN, "one call takes the whole run");
    let mut out = vec![0x78, 0xda];
    for _ in 0..len / RUN {
        out.extend(&run);
    }
    out.extend([0x03, 0x00]); // final block, fixed codes, just the end-of-block code
    let adler = (((len % 65521) as u32) << 16) | 1;
    out.extend(adler.to_be_bytes());
    out
}

#[test]
fn the_bomb_maker_makes_what_it_says() {
    use std::io::Read;
    let z = zlib_zeros(32 << 20);
    let mut inflated = Vec::new();
    flate2::read::ZlibDecoder::new(&z[..])
        .read_to_end(&mut inflated)
        .expect("a valid zlib stream, checksum included");
    assert_eq!(inflated.len(), 32 << 20);
    assert!(inflated.iter().all(|&b| b == 0));
    assert!(z.len() < 100_000, "{}", z.len());
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    out.extend(kind);
    out.extend(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend(crc.sum().to_be_bytes());
}

/// A PNG header of `w` × `h` px, 8-bit RGB (or 16-bit RGBA with `deep`).
fn png_header(w: u32, h: u32, deep: bool) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend(if deep {
        [16, 6, 0, 0, 0]
    } else {
        [8, 2, 0, 0, 0]
    });
    png_chunk(&mut png, b"IHDR", &ihdr);
    png
}

/// A PDF whose attached `map.waymark.json` (where Waymark looks for the map) is
/// `stream` under `filter`, with no declared size: a well-formed file lopdf loads.
fn pdf_with_attachment(stream: &[u8], filter: &str) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(map.waymark.json) 3 0 R] >> >> >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        b"<< /Type /Filespec /F (map.waymark.json) /UF (map.waymark.json) /EF << /F 4 0 R >> >>".to_vec(),
        {
            let mut s = format!("<< /Type /EmbeddedFile /Filter {filter} /Length {} >>\nstream\n", stream.len()).into_bytes();
            s.extend(stream);
            s.extend(b"\nendstream");
            s
        },
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// `waymark import` of `bytes` into a new document: refused, quickly, with little memory.
fn import_is_refused(name: &str, bytes: &[u8], message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("Bombs.waymark");
    let made = Command::new(waymark_bin())
        .arg("new")
        .arg(&doc)
        .output()
        .unwrap();
    assert!(made.status.success());
    let file = dir.path().join(name);
    std::fs::File::create(&file)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    let (ok, out, peak, took) = measured(
        &waymark_bin(),
        &["import".as_ref(), doc.as_os_str(), file.as_os_str()],
        &[],
    );
    assert!(!ok, "{name} was imported: {out}");
    assert!(out.contains(name) && out.contains(message), "{name}: {out}");
    assert!(!out.contains("panicked"), "{out}");
    assert!(peak < PEAK_KIB, "{name}: peak {} MiB", peak / 1024);
    assert!(took < QUICKLY, "{name}: took {took:?}");
    eprintln!(
        "{name}: {} KiB file refused in {took:?}, peak {} MiB",
        bytes.len() / 1024,
        peak / 1024
    );
}

#[test]
fn a_pdf_whose_attached_map_inflates_to_4_gib_is_refused_before_it_is_inflated() {
    let pdf = pdf_with_attachment(&zlib_zeros(4 << 30), "/FlateDecode");
    import_is_refused("bomb.pdf", &pdf, "inflate to more than 256 MiB");
}

#[test]
fn a_pdf_bomb_inside_a_bomb_is_refused() {
    // [/FlateDecode /FlateDecode]: 16 GiB behind a few kilobytes.
    let inner = zlib_zeros(16 << 30);
    let mut outer = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    outer.write_all(&inner).unwrap();
    let outer = outer.finish().unwrap();
    let pdf = pdf_with_attachment(&outer, "[/FlateDecode /FlateDecode]");
    import_is_refused("nested.pdf", &pdf, "inflate to more than 256 MiB");
}

#[test]
fn a_png_whose_map_chunk_inflates_to_4_gib_is_refused() {
    let mut png = png_header(1, 1, false);
    let mut ztxt = b"waymark-map\0\0".to_vec();
    ztxt.extend(zlib_zeros(4 << 30));
    png_chunk(&mut png, b"zTXt", &ztxt);
    png_chunk(&mut png, b"IDAT", &zlib_zeros(16 << 20)[..]);
    png_chunk(&mut png, b"IEND", b"");
    import_is_refused("map-bomb.png", &png, "larger than 64 MiB");
}

#[test]
fn a_png_declaring_50000_px_square_with_4_gib_of_pixels_is_refused() {
    let mut png = png_header(50_000, 50_000, false);
    png_chunk(&mut png, b"IDAT", &zlib_zeros(4 << 30));
    png_chunk(&mut png, b"IEND", b"");
    import_is_refused("pixel-bomb.png", &png, "no Waymark map");
}

/// Not a test on its own: the photo bombs' child process (see below).
#[test]
#[ignore = "run by a_photo_bomb_is_refused_from_its_header in a child process"]
fn photo_bomb_child() {
    let Some(path) = std::env::var_os("WAYMARK_PHOTO_BOMB") else {
        return;
    };
    let err = waymark_app::photo::read_photo(Path::new(&path)).expect_err("a bomb was read");
    println!("refused: {err}");
}

#[test]
fn a_photo_bomb_is_refused_from_its_header() {
    let dir = tempfile::tempdir().unwrap();
    for (name, header, message) in [
        (
            "wide.png",
            png_header(50_000, 50_000, false),
            "50000 × 50000 px; a photo may be at most 12000",
        ),
        (
            "deep.png",
            png_header(9_000, 9_000, true),
            "9000 × 9000 px, which needs 617 MiB to open",
        ),
    ] {
        let mut png = header;
        png_chunk(&mut png, b"IDAT", &zlib_zeros(1 << 30));
        png_chunk(&mut png, b"IEND", b"");
        let file = dir.path().join(name);
        std::fs::write(&file, &png).unwrap();
        let test_binary = std::env::current_exe().unwrap();
        let (_, out, peak, took) = measured(
            &test_binary,
            &[
                "security::bombs::photo_bomb_child".as_ref(),
                "--exact".as_ref(),
                "--ignored".as_ref(),
                "--nocapture".as_ref(),
            ],
            &[("WAYMARK_PHOTO_BOMB", &file)],
        );
        assert!(
            out.contains("refused: ") && out.contains(message),
            "{name}: {out}"
        );
        assert!(out.contains(name), "the message names the file: {out}");
        assert!(peak < PEAK_KIB, "{name}: peak {} MiB", peak / 1024);
        assert!(took < QUICKLY, "{name}: took {took:?}");
        eprintln!(
            "photo {name}: refused in {took:?}, peak {} MiB",
            peak / 1024
        );
    }
}
