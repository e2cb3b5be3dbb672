//! The Export dialog's commands through Tauri's mock runtime: preview, a background export
//! that reports progress and its end as events, cancel, remembered choices, and import.

use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};
use tauri::Listener;

use crate::commands::{harness, invoke, Harness};
use crate::common::sqlite3;

/// Collects the export events, in order.
fn events(h: &Harness) -> mpsc::Receiver<(String, Value)> {
    let (tx, rx) = mpsc::channel();
    for name in ["export-progress", "export-finished"] {
        let tx = tx.clone();
        h.app.listen_any(name, move |e| {
            let _ = tx.send((name.to_string(), serde_json::from_str(e.payload()).unwrap()));
        });
    }
    rx
}

/// Waits for the job's `export-finished` event; returns it and how many progress events
/// came before it.
fn finished(rx: &mpsc::Receiver<(String, Value)>, job: &Value) -> (Value, usize) {
    let mut progress = 0;
    loop {
        let (name, payload) = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the export ends within two minutes");
        if &payload["jobId"] != job {
            continue;
        }
        if name == "export-finished" {
            return (payload, progress);
        }
        progress += 1;
    }
}

#[test]
fn the_preview_is_a_png_of_the_first_page_and_counts_the_sheets() {
    let h = harness();
    let options =
        json!({ "format": "pdf", "page": "a1", "orientation": "landscape", "tile": "a4" });
    let preview = invoke(
        &h,
        "export_preview",
        json!({ "mapId": "map-supporter", "options": options }),
    )
    .unwrap();
    assert!(preview["dataUrl"]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,iVBOR"));
    assert!(preview["pages"].as_u64().unwrap() > 8, "{preview}");
    assert_eq!(preview["pageLabel"], "A1 landscape · 841 × 594 mm");
}

#[test]
fn an_export_runs_in_the_background_reports_progress_and_is_remembered() {
    let h = harness();
    let rx = events(&h);
    let out = h.dir().join("poster.pdf");
    let options =
        json!({ "format": "pdf", "page": "a3", "orientation": "landscape", "legend": false });
    let job = invoke(
        &h,
        "export_start",
        json!({ "mapId": "map-supporter", "options": options, "path": out }),
    )
    .unwrap();
    let (end, progress) = finished(&rx, &job);
    assert_eq!(end["outcome"], "done", "{end}");
    assert!(progress >= 1, "progress was reported");
    assert_eq!(
        end["bytes"].as_u64().unwrap(),
        std::fs::metadata(&out).unwrap().len()
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    // The dialog opens next time with these choices.
    let remembered = invoke(&h, "export_settings", json!({})).unwrap();
    assert_eq!(remembered["page"], "a3");
    assert_eq!(remembered["legend"], false);
}

#[test]
fn cancel_stops_an_export_and_leaves_no_file() {
    let h = harness();
    let rx = events(&h);
    let out = h.dir().join("huge.png");
    // A0 at 600 dpi: about 28 000 × 20 000 px, far longer than the cancel takes to arrive.
    let options = json!({ "format": "png", "page": "a0", "dpi": 600 });
    let job = invoke(
        &h,
        "export_start",
        json!({ "mapId": "map-supporter", "options": options, "path": out }),
    )
    .unwrap();
    invoke(&h, "export_cancel", json!({ "jobId": job })).unwrap();
    let (end, _) = finished(&rx, &job);
    assert_eq!(end["outcome"], "cancelled", "{end}");
    assert!(!out.exists());
    let left: Vec<_> = std::fs::read_dir(h.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !left.iter().any(|n| n.to_string_lossy().contains("partial")),
        "{left:?}"
    );
}

#[test]
fn a_failed_export_says_why() {
    let h = harness();
    let rx = events(&h);
    let out = h.dir().join("no-such-folder").join("map.png");
    let job = invoke(
        &h,
        "export_start",
        json!({ "mapId": "map-supporter", "options": { "format": "png" }, "path": out }),
    )
    .unwrap();
    let (end, _) = finished(&rx, &job);
    assert_eq!(end["outcome"], "failed");
    assert_eq!(end["error"]["kind"], "export");
    assert!(
        end["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-folder"),
        "{end}"
    );
}

#[test]
fn an_exported_png_imports_as_a_new_map_in_one_undo_step() {
    let h = harness();
    let rx = events(&h);
    let png = h.dir().join("shared.png");
    let job = invoke(
        &h,
        "export_start",
        json!({ "mapId": "map-supporter", "options": { "format": "png", "dpi": 72 }, "path": png }),
    )
    .unwrap();
    assert_eq!(finished(&rx, &job).0["outcome"], "done");

    let maps = |h: &Harness| {
        sqlite3(&h.file, "select count(*) from maps;")
            .trim()
            .to_string()
    };
    assert_eq!(maps(&h), "1");
    let result = invoke(&h, "import_file", json!({ "path": png })).unwrap();
    assert_eq!(result["mapName"], "From $10 gift to major donor (2)");
    assert_eq!(result["cards"], 33);
    assert_eq!(result["state"]["maps"].as_array().unwrap().len(), 2);
    assert_eq!(maps(&h), "2", "the imported map is in the file");
    let cards = sqlite3(
        &h.file,
        &format!(
            "select count(*) from cards where map_id = '{}';",
            result["mapId"].as_str().unwrap()
        ),
    );
    assert_eq!(cards.trim(), "33");
    invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(maps(&h), "1", "one undo removes the whole import");

    // A file that is not an export: a clear message, nothing added.
    let text = h.dir().join("notes.json");
    std::fs::write(&text, "{\"hello\": 1}").unwrap();
    let err = invoke(&h, "import_file", json!({ "path": text })).unwrap_err();
    assert_eq!(err["kind"], "import");
    assert!(
        err["message"].as_str().unwrap().contains("notes.json"),
        "{err}"
    );
    assert_eq!(maps(&h), "1");
}

/// The "W × H px" the dialog's page label announces (read with or without an "about").
fn announced_pixels(label: &str) -> (u32, u32) {
    let px = label
        .find(" px")
        .unwrap_or_else(|| panic!("no pixel size in {label:?}"));
    let mut sides = label[..px]
        .rsplit(" · ")
        .next()
        .unwrap()
        .trim_start_matches("about ")
        .split(" × ")
        .map(|s| {
            s.trim()
                .parse::<u32>()
                .unwrap_or_else(|_| panic!("{label:?}"))
        });
    (sides.next().unwrap(), sides.next().unwrap())
}

#[test]
fn the_dialog_announces_the_pixel_size_the_png_is_written_at() {
    let h = harness();
    let rx = events(&h);
    for (i, options) in [
        // The sample with title block and legend on, as a first-time user gets it.
        json!({ "format": "png" }),
        json!({ "format": "png", "titleBlock": false, "legend": false, "dpi": 72 }),
        json!({ "format": "png", "legend": false, "dpi": 100, "marginMm": 0 }),
        json!({ "format": "png", "titleBlock": false, "dpi": 120 }),
        json!({ "format": "png", "page": "a4", "orientation": "landscape", "dpi": 100 }),
        json!({ "format": "png", "page": "letter", "orientation": "portrait", "dpi": 96 }),
    ]
    .into_iter()
    .enumerate()
    {
        let preview = invoke(
            &h,
            "export_preview",
            json!({ "mapId": "map-supporter", "options": options }),
        )
        .unwrap();
        let label = preview["pageLabel"].as_str().unwrap();
        let out = h.dir().join(format!("size-{i}.png"));
        let job = invoke(
            &h,
            "export_start",
            json!({ "mapId": "map-supporter", "options": options, "path": out }),
        )
        .unwrap();
        assert_eq!(finished(&rx, &job).0["outcome"], "done");
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
        let written = decoder.read_info().unwrap();
        let size = (written.info().width, written.info().height);
        assert_eq!(announced_pixels(label), size, "{options}: {label}");
        let dpi = options["dpi"].as_u64().unwrap_or(150);
        assert!(label.ends_with(&format!(" px at {dpi} dpi")), "{label}");
    }
}

#[test]
fn a_fit_to_content_pdf_announces_its_page_size() {
    let h = harness();
    let label = |options: Value| {
        invoke(
            &h,
            "export_preview",
            json!({ "mapId": "map-supporter", "options": options }),
        )
        .unwrap()["pageLabel"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let with = label(json!({ "format": "pdf" }));
    let without = label(json!({ "format": "pdf", "titleBlock": false, "legend": false }));
    assert!(
        with.starts_with("Fit to content · ") && with.ends_with(" mm"),
        "{with}"
    );
    // The title block and legend make the page taller.
    let mm = |l: &str| -> Vec<f32> {
        l.trim_start_matches("Fit to content · ")
            .trim_end_matches(" mm")
            .split(" × ")
            .map(|v| v.parse().unwrap())
            .collect()
    };
    assert_eq!(mm(&with)[0], mm(&without)[0], "{with} / {without}");
    assert!(mm(&with)[1] > mm(&without)[1] + 20.0, "{with} / {without}");
}
