//! `waymark export` / `waymark import` headless, checked with real readers: the png crate
//! decodes the PNG, poppler's pdfinfo/pdffonts/pdftotext read the PDF.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{sha256, waymark_bin};

/// A fixed date: two exports of the same map must be byte-identical.
const EPOCH: &str = "1763856000"; // 2025-11-23

fn waymark<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(waymark_bin())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap()
}

fn ok<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let out = waymark(args);
    assert!(
        out.status.success(),
        "waymark failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn fails<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let out = waymark(args);
    assert!(!out.status.success(), "expected a failure");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils, installed by scripts/test): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The map JSON with every id replaced by its place ("cards#3"), so a map imported
/// under fresh ids (they clashed with the document's) compares equal to its original.
fn without_ids(path: &Path) -> serde_json::Value {
    use serde_json::Value;
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut names = std::collections::HashMap::new();
    for (list, at) in [
        ("stages", &v["map"]),
        ("lanes", &v["map"]),
        ("cards", &v["map"]),
        ("connectors", &v["map"]),
        ("channels", &v),
        ("personas", &v),
    ] {
        for (i, item) in at[list].as_array().unwrap().iter().enumerate() {
            names.insert(
                item["id"].as_str().unwrap().to_string(),
                format!("{list}#{i}"),
            );
        }
    }
    fn walk(v: &mut Value, names: &std::collections::HashMap<String, String>) {
        match v {
            Value::String(s) => {
                if let Some(n) = names.get(s.as_str()) {
                    *s = n.clone();
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, names)),
            Value::Object(o) => o.values_mut().for_each(|x| walk(x, names)),
            _ => {}
        }
    }
    walk(&mut v, &names);
    v["map"]["id"] = Value::Null;
    v
}

struct Sample {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    doc: PathBuf,
}

/// The sample journey in a fresh document.
fn sample() -> Sample {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("journey.waymark");
    ok(&[
        "new".as_ref(),
        doc.as_os_str(),
        "--template".as_ref(),
        "nonprofit-supporter".as_ref(),
    ]);
    Sample {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        doc,
    }
}

fn export(s: &Sample, out: &str, extra: &[&str]) -> PathBuf {
    let path = s.dir.join(out);
    let mut args: Vec<&std::ffi::OsStr> = vec!["export".as_ref(), s.doc.as_os_str()];
    args.extend(["--out".as_ref(), path.as_os_str()]);
    args.extend(extra.iter().map(|a| std::ffi::OsStr::new(a)));
    ok(&args);
    path
}

fn decode_png(path: &Path) -> (png::OutputInfo, Vec<u8>, Option<(u32, u32)>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let phys = reader.info().pixel_dims.map(|d| (d.xppu, d.yppu));
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info, buf, phys)
}

fn page_size(pdfinfo: &str) -> String {
    pdfinfo
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_a1_poster_pdf_is_vector_with_the_font_embedded_and_the_cards_as_text() {
    let s = sample();
    let pdf = export(&s, "poster.pdf", &["--page", "a1", "--landscape"]);
    let info = tool("pdfinfo", &[pdf.as_os_str()]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(page_size(&info).contains("2383.94 x 1683.78 pts"), "{info}");
    assert!(
        info.contains("Title:           From $10 gift to major donor"),
        "{info}"
    );
    let fonts = tool("pdffonts", &[pdf.as_os_str()]);
    let inter: Vec<&str> = fonts.lines().filter(|l| l.contains("Inter")).collect();
    assert!(!inter.is_empty(), "{fonts}");
    for line in inter {
        // name: ABCDEF+Inter-…; columns emb sub uni are "yes yes …"
        assert!(
            line.split('+').next().unwrap().len() == 6,
            "not subset: {line}"
        );
        assert!(
            line.contains(" yes yes "),
            "not embedded and subset: {line}"
        );
    }
    let text = tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    for title in ["$10 first gift", "Story-led donation page", "Discover"] {
        assert!(text.contains(title), "{title:?} missing from the PDF text");
    }
}

#[test]
fn a_poster_tiled_on_a4_is_one_pdf_of_labelled_sheets() {
    let s = sample();
    let pdf = export(
        &s,
        "tiled.pdf",
        &["--page", "a1", "--landscape", "--tile", "a4"],
    );
    let info = tool("pdfinfo", &[pdf.as_os_str()]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        pages >= 9,
        "an A1 poster needs at least 8 A4 sheets + the index: {info}"
    );
    // Every sheet is A4 in one orientation or the other.
    let sizes = tool(
        "pdfinfo",
        &[
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "99".as_ref(),
            pdf.as_os_str(),
        ],
    );
    for line in sizes
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
    {
        assert!(
            line.contains("595.28 x 841.89") || line.contains("841.89 x 595.28"),
            "{line}"
        );
    }
    let text = tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    assert!(
        text.contains("Row 1"),
        "sheets carry their row/column index"
    );
}

#[test]
fn a_png_has_the_size_of_page_times_dpi_and_carries_its_dpi_and_its_map() {
    let s = sample();
    let png = export(
        &s,
        "map.png",
        &["--page", "a4", "--landscape", "--dpi", "150"],
    );
    let (info, pixels, phys) = decode_png(&png);
    // A4 landscape at 150 dpi: 297 × 210 mm → 1754 × 1240 px.
    assert_eq!((info.width, info.height), (1754, 1240));
    assert_eq!(
        phys,
        Some((5906, 5906)),
        "pHYs: 150 dpi in pixels per metre"
    );
    let dark = pixels
        .chunks(info.line_size / info.width as usize)
        .filter(|p| p[0] < 100)
        .count();
    assert!(dark > 1000, "the map is drawn (not blank)");

    // It reopens: the map in the PNG imports into another document as an equal map.
    let other = s.dir.join("other.waymark");
    ok(&["new".as_ref(), other.as_os_str()]);
    let said = ok(&["import".as_ref(), other.as_os_str(), png.as_os_str()]);
    assert!(said.contains("From $10 gift to major donor"), "{said}");
    let original = export(&s, "original.json", &[]);
    let back = s.dir.join("back.json");
    ok(&[
        "export".as_ref(),
        other.as_os_str(),
        "--map".as_ref(),
        "From $10 gift to major donor".as_ref(),
        "--out".as_ref(),
        back.as_os_str(),
    ]);
    assert_eq!(
        without_ids(&original),
        without_ids(&back),
        "PNG → import → JSON equals the original map"
    );
}

#[test]
fn a_pdf_reopens_as_the_same_map() {
    let s = sample();
    let pdf = export(&s, "map.pdf", &["--page", "a3"]);
    let other = s.dir.join("other.waymark");
    ok(&["new".as_ref(), other.as_os_str()]);
    ok(&["import".as_ref(), other.as_os_str(), pdf.as_os_str()]);
    let original = export(&s, "original.json", &[]);
    let back = s.dir.join("back.json");
    ok(&[
        "export".as_ref(),
        other.as_os_str(),
        "--map".as_ref(),
        "From $10 gift to major donor".as_ref(),
        "--out".as_ref(),
        back.as_os_str(),
    ]);
    assert_eq!(without_ids(&original), without_ids(&back));
}

#[test]
fn user_text_is_escaped_in_svg_and_verbatim_in_pdf_text() {
    let s = sample();
    // Put hostile text on a card through the JSON round trip: export, edit, import.
    let json = export(&s, "map.json", &[]);
    let nasty = r#"<script>alert(1)</script> & "quotes" Café Crème"#;
    let text = std::fs::read_to_string(&json).unwrap().replacen(
        "$10 first gift",
        &nasty.replace('"', "\\\""),
        1,
    );
    std::fs::write(&json, text).unwrap();
    let doc = s.dir.join("nasty.waymark");
    ok(&["new".as_ref(), doc.as_os_str()]);
    ok(&["import".as_ref(), doc.as_os_str(), json.as_os_str()]);
    let t = Sample {
        _dir: tempfile::tempdir().unwrap(),
        dir: s.dir.clone(),
        doc,
    };
    let map = ["--map", "From $10 gift to major donor"];
    let svg = std::fs::read_to_string(export(&t, "nasty.svg", &map)).unwrap();
    assert!(!svg.contains("<script"), "raw markup in the SVG");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "escaped text"
    );
    let pdf = export(&t, "nasty.pdf", &map);
    let text = tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    // The card wraps, so compare without line breaks.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(nasty), "PDF text: {flat}");
}

#[test]
fn the_same_map_exported_twice_gives_identical_bytes() {
    let s = sample();
    for (a, b, extra) in [
        ("a.png", "b.png", &["--dpi", "96"][..]),
        ("a.pdf", "b.pdf", &["--page", "a3"][..]),
        ("a.svg", "b.svg", &[][..]),
        ("a.csv", "b.csv", &[][..]),
    ] {
        let a = export(&s, a, extra);
        let b = export(&s, b, extra);
        assert_eq!(
            sha256(&a),
            sha256(&b),
            "{} differs between runs",
            a.display()
        );
    }
}

#[test]
fn bad_input_fails_clearly_and_writes_nothing() {
    let s = sample();
    let out = s.dir.join("out.png");
    let missing = s.dir.join("missing.waymark");
    let err = fails(&[
        "export".as_ref(),
        missing.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(err.contains("missing.waymark"), "{err}");
    let err = fails(&[
        "export".as_ref(),
        s.doc.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--dpi".as_ref(),
        "1200".as_ref(),
    ]);
    assert!(err.contains("dpi") && err.contains("1200"), "{err}");
    let err = fails(&[
        "export".as_ref(),
        s.doc.as_os_str(),
        "--map".as_ref(),
        "Nope".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(err.contains("no map named “Nope”"), "{err}");
    let err = fails(&[
        "export".as_ref(),
        s.doc.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--tile".as_ref(),
        "a4".as_ref(),
    ]);
    assert!(err.contains("--tile"), "{err}");
    assert!(!out.exists(), "a failed export leaves no file");
    let leftovers: Vec<_> = std::fs::read_dir(&s.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A PNG that Waymark did not write cannot be imported, and the document is untouched.
    let foreign = s.dir.join("photo.png");
    std::fs::write(&foreign, include_bytes!("../assets/icons/icon.png")).unwrap();
    let before = sha256(&s.doc);
    let err = fails(&["import".as_ref(), s.doc.as_os_str(), foreign.as_os_str()]);
    assert!(
        err.contains("photo.png") && err.contains("no Waymark map"),
        "{err}"
    );
    assert_eq!(sha256(&s.doc), before);
}

#[test]
fn a_pdf_with_the_appendix_carries_the_job_descriptions_and_the_kpi_table() {
    let s = sample();
    let pdf = export(&s, "plan.pdf", &["--format", "pdf", "--appendix"]);
    let plain = export(&s, "plain.pdf", &["--format", "pdf"]);
    let pages = |p: &Path| -> u32 {
        let info = tool("pdfinfo", &[p.as_os_str()]);
        let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
        line.split_whitespace().last().unwrap().parse().unwrap()
    };
    assert!(pages(&pdf) > pages(&plain), "appendix pages follow the map");
    let text = tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    for expected in [
        "Relationship keeper",
        "Welcome host",
        "Call every first-time donor within 48 hours",
        "Calls within 48 h",
        "Second-gift rate",
        "Off track",
        "At risk",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // The appendix is a PDF's: asking for it with a PNG is refused, naming the option.
    let png = s.dir.join("plan.png");
    let err = fails(&[
        "export".as_ref(),
        s.doc.as_os_str(),
        "--out".as_ref(),
        png.as_os_str(),
        "--format".as_ref(),
        "png".as_ref(),
        "--appendix".as_ref(),
    ]);
    assert!(err.contains("--appendix"), "{err}");
    assert!(!png.exists());
}
