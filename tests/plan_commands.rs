//! The strategist's commands through Tauri's mock runtime: the report's statuses, monthly
//! performance data from CSV (preview, import as one undo step, re-import updates, bad
//! files change nothing) and persona photos — each checked in the file with sqlite3.

use std::io::Cursor;

use serde_json::{json, Value};

use crate::commands::{harness, invoke, Harness};
use crate::common::sqlite3;

fn report(h: &Harness) -> Value {
    invoke(h, "strategy_report", json!({})).unwrap()
}

fn channel_status(report: &Value, channel: &str) -> Value {
    report["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channelId"] == channel)
        .unwrap_or_else(|| panic!("{channel} is in the report"))["status"]
        .clone()
}

fn revision(h: &Harness) -> u64 {
    invoke(h, "document_state", json!({})).unwrap()["revision"]
        .as_u64()
        .unwrap()
}

fn write(h: &Harness, name: &str, text: &str) -> String {
    let path = h.dir().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn actuals_in_file(h: &Harness, month: &str) -> String {
    sqlite3(
        &h.file,
        &format!(
            "select channel_id, goal_id, value from review_actuals where month = '{month}' \
             order by channel_id, goal_id;"
        ),
    )
}

const NOVEMBER: &str = "month,channel,metric,value\n\
    2026-11,E-mail,Open rate,38\n\
    2026-11,E-mail,Second gifts,41\n\
    2026-11,Call centre,Calls within 48 h,91\n";

#[test]
fn the_sample_reports_the_call_centre_off_target_and_its_passion_point_kpi() {
    let h = harness();
    let r = report(&h);
    // 72 % against a 90 % target misses by more than 10 % of it.
    assert_eq!(channel_status(&r, "ch-call-centre"), "off_track", "{r}");
    // E-mail: 36.5 ≥ 35 on track, 37 of 40 gifts within 10 % → at risk; the worst counts.
    assert_eq!(channel_status(&r, "ch-email"), "at_risk", "{r}");
    let thank_you = r["passionPoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["cardId"] == "c-thank-you-call")
        .unwrap();
    assert_eq!(thank_you["status"], "off_track", "{thank_you}");
    assert!(r["rule"].as_str().unwrap().contains("10 %"));
}

#[test]
fn a_month_of_csv_is_previewed_then_imported_as_one_undo_step_and_reimport_updates() {
    let h = harness();
    let path = write(&h, "november.csv", NOVEMBER);
    let before = revision(&h);

    let preview = invoke(&h, "preview_performance_csv", json!({ "path": path })).unwrap();
    assert_eq!(preview["problems"], json!([]), "{preview}");
    assert_eq!(preview["rows"].as_array().unwrap().len(), 3);
    assert_eq!(revision(&h), before, "a preview changes nothing");
    assert_eq!(actuals_in_file(&h, "2026-11"), "");

    invoke(&h, "import_performance_csv", json!({ "path": path })).unwrap();
    assert_eq!(
        actuals_in_file(&h, "2026-11"),
        "ch-call-centre|g-call-48h|91.0\nch-email|g-email-open|38.0\nch-email|g-email-second-gift|41.0\n"
    );
    // 91 % meets the 90 % target: the call centre is back on track.
    assert_eq!(channel_status(&report(&h), "ch-call-centre"), "on_track");

    // The same month again, one figure corrected: updated in place, nothing doubled.
    let corrected = write(
        &h,
        "november-corrected.csv",
        "month,channel,metric,value\n2026-11,Call centre,Calls within 48 h,70\n",
    );
    let preview = invoke(&h, "preview_performance_csv", json!({ "path": corrected })).unwrap();
    assert_eq!(preview["rows"][0]["previous"], json!(91.0), "{preview}");
    invoke(&h, "import_performance_csv", json!({ "path": corrected })).unwrap();
    assert_eq!(
        actuals_in_file(&h, "2026-11"),
        "ch-call-centre|g-call-48h|70.0\nch-email|g-email-open|38.0\nch-email|g-email-second-gift|41.0\n"
    );
    assert_eq!(
        sqlite3(
            &h.file,
            "select count(*) from channel_reviews where month = '2026-11';"
        )
        .trim(),
        "2"
    );
    assert_eq!(channel_status(&report(&h), "ch-call-centre"), "off_track");

    // Each import is one undo step.
    invoke(&h, "undo", json!({})).unwrap();
    assert!(actuals_in_file(&h, "2026-11").starts_with("ch-call-centre|g-call-48h|91.0\n"));
    invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(actuals_in_file(&h, "2026-11"), "");
    assert_eq!(revision(&h), before + 4, "two imports and two undos");
}

/// `text` as a spreadsheet's "Unicode text" saves it: UTF-16 LE, with or without the
/// byte-order mark.
fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let bom = if bom { "\u{feff}" } else { "" };
    format!("{bom}{text}")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

fn write_bytes(h: &Harness, name: &str, bytes: &[u8]) -> String {
    let path = h.dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn a_spreadsheets_unicode_text_with_formatted_numbers_imports() {
    let h = harness();
    // Tab-separated, CRLF, a thousands separator and a % for goals measured in %.
    let path = write_bytes(
        &h,
        "november.txt",
        &utf16le(
            "month\tchannel\tmetric\tvalue\r\n\
             2026-11\tE-mail\tOpen rate\t38%\r\n\
             2026-11\tE-mail\tSecond gifts\t1,041\r\n\
             2026-11\tCall centre\tCalls within 48 h\t91 %\r\n",
            true,
        ),
    );
    let preview = invoke(&h, "preview_performance_csv", json!({ "path": path })).unwrap();
    assert_eq!(preview["problems"], json!([]), "{preview}");
    invoke(&h, "import_performance_csv", json!({ "path": path })).unwrap();
    assert_eq!(
        actuals_in_file(&h, "2026-11"),
        "ch-call-centre|g-call-48h|91.0\nch-email|g-email-open|38.0\nch-email|g-email-second-gift|1041.0\n"
    );
}

#[test]
fn a_utf16_file_without_a_byte_order_mark_is_named_with_how_to_save_it_as_utf8() {
    let h = harness();
    let path = write_bytes(&h, "unicode.txt", &utf16le(NOVEMBER, false));
    let before = revision(&h);
    let preview = invoke(&h, "preview_performance_csv", json!({ "path": path })).unwrap();
    let problem = &preview["problems"][0];
    assert_eq!(problem["line"], 1, "{preview}");
    let message = problem["message"].as_str().unwrap();
    assert!(message.contains("is UTF-16 LE text"), "{message}");
    assert!(message.contains("save it as \"CSV UTF-8\""), "{message}");

    let err = invoke(&h, "import_performance_csv", json!({ "path": path })).unwrap_err();
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("unicode.txt: line 1: the file is UTF-16 LE text"),
        "{message}"
    );
    assert!(message.contains("nothing was imported"), "{message}");
    assert_eq!(revision(&h), before);
    assert_eq!(actuals_in_file(&h, "2026-11"), "");
}

#[test]
fn a_csv_with_a_bad_line_names_line_and_column_and_imports_nothing() {
    let h = harness();
    let path = write(
        &h,
        "bad.csv",
        "month,channel,metric,value\n2026-11,E-mail,Open rate,38\n2026-11,E-mail,Click rate,4\n",
    );
    let before = revision(&h);
    let preview = invoke(&h, "preview_performance_csv", json!({ "path": path })).unwrap();
    let problem = &preview["problems"][0];
    assert_eq!(problem["line"], 3, "{preview}");
    assert_eq!(problem["column"], "metric", "{preview}");
    assert_eq!(preview["edit"], Value::Null);

    let err = invoke(&h, "import_performance_csv", json!({ "path": path })).unwrap_err();
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("bad.csv") && message.contains("line 3") && message.contains("metric"),
        "{message}"
    );
    assert!(message.contains("nothing was imported"), "{message}");
    assert_eq!(revision(&h), before);
    assert_eq!(actuals_in_file(&h, "2026-11"), "");
}

#[test]
fn a_photo_is_downscaled_into_the_file_and_a_damaged_one_changes_nothing() {
    let h = harness();
    let img = image::RgbImage::from_fn(900, 600, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut jpeg = Vec::new();
    img.write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    let path = h.dir().join("maya.jpg");
    std::fs::write(&path, &jpeg).unwrap();

    invoke(
        &h,
        "set_persona_photo",
        json!({ "personaId": "p-maya", "path": path }),
    )
    .unwrap();
    let stored = sqlite3(
        &h.file,
        "select photo_width, photo_height, hex(substr(photo, 1, 4)) from personas where id = 'p-maya';",
    );
    assert_eq!(stored.trim(), "256|171|89504E47", "a 256 × 171 PNG");

    let mut png = Vec::new();
    img.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let broken = h.dir().join("broken.png");
    std::fs::write(&broken, &png[..png.len() / 3]).unwrap();
    let before = revision(&h);
    let err = invoke(
        &h,
        "set_persona_photo",
        json!({ "personaId": "p-robert", "path": broken }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("broken.png"),
        "{err}"
    );
    assert_eq!(revision(&h), before);
    assert_eq!(
        sqlite3(
            &h.file,
            "select photo is null from personas where id = 'p-robert';"
        )
        .trim(),
        "1"
    );
}
