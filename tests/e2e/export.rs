//! Export from the real window: open the Export dialog with Ctrl+E, pick PDF on A3,
//! export through the native Save dialog (answered with xdotool, typing a path as a person
//! does), check the file with poppler, then reopen it with File > Open as a new map.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::webdriver::{wait_for, Session, CONTROL};
use super::xdo::{find_titled_window, focus, main_window, xdotool};
use super::{save_screenshot, texts, Desktop};
use crate::common::sqlite3;

const STEP: Duration = Duration::from_secs(30);

/// Gives the keyboard to the visible dialog titled `title`.
fn focus_window(display: &str, title: &str) {
    let window = wait_for(STEP, &format!("the window {title:?}"), || {
        find_titled_window(display, title)
    });
    focus(display, &window);
}

/// The Export dialog's native Save dialog; every other file dialog the app shows opens a file.
const SAVE_TITLE: &str = "Export map";

/// Answers the native file dialog titled `title` on `display` by typing `path` + Enter.
pub(super) fn answer_file_dialog(display: &str, title: &str, path: &Path) {
    let xdotool = |args: &[&str]| xdotool(display, args);
    let path = path.to_str().unwrap();
    let open = || find_titled_window(display, title).is_some();
    let closes = || {
        std::iter::repeat_with(|| {
            std::thread::sleep(Duration::from_millis(100));
            !open()
        })
        .take(20)
        .any(|closed| closed)
    };
    // A person types the path and presses Enter; on a loaded machine GTK may drop keys
    // typed while its location field appears, or take an Enter for the completion popup.
    // So: if the dialog is still there, select the field's text and type it again.
    for _ in 0..4 {
        focus_window(display, title);
        if title != SAVE_TITLE {
            // Ctrl+L shows and focuses the location field of an Open dialog.
            xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
        }
        // The Save dialog's name field (or the location field) has focus: replace it.
        xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
        assert!(xdotool(&["type", "--delay", "20", path]).status.success());
        for _ in 0..2 {
            assert!(xdotool(&["key", "Return"]).status.success());
            if closes() {
                return;
            }
        }
    }
    panic!("the dialog {title:?} did not accept {path}");
}

fn click(s: &Session, css: &str) {
    let e = wait_for(STEP, css, || s.find_all(css).into_iter().next());
    s.click(&e);
}

pub(super) fn poppler(tool: &str, file: &Path) -> String {
    let out = Command::new(tool).arg(file).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn export_an_a3_pdf_from_the_dialog_and_reopen_it_as_a_map() {
    let desktop = Desktop::start();
    let s = desktop.launch();
    let out = desktop
        .document
        .parent()
        .unwrap()
        .join("Workshop poster.pdf");

    s.chord(CONTROL, "e");
    wait_for(STEP, "the Export dialog", || {
        (!s.find_all("[data-testid=export-dialog]").is_empty()).then_some(())
    });
    click(&s, "[data-testid=export-format-pdf]");
    click(&s, "[data-testid=export-page] option[value=a3]");
    wait_for(STEP, "the A3 preview", || {
        let label = texts(&s, "[data-testid=export-page-label]").join(" ");
        (label.contains("A3") && !s.find_all("[data-testid=export-preview-img]").is_empty())
            .then_some(())
    });
    s.wait_painted();
    save_screenshot(&s, "export-dialog.png");

    click(&s, "[data-testid=export-start]");
    answer_file_dialog(&desktop.display, SAVE_TITLE, &out);
    let status = wait_for(STEP, "the export to be saved", || {
        let t = texts(&s, "[data-testid=export-status]").join(" ");
        t.contains("Saved").then_some(t)
    });
    assert!(status.contains("Workshop poster.pdf"), "{status}");
    s.wait_painted();
    save_screenshot(&s, "export-dialog-saved.png");

    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(
        info.contains("1190.55 x 841.89 pts"),
        "A3 landscape: {info}"
    );
    let text = poppler("pdftotext", &out);
    assert!(text.contains("$10 first gift"), "{text}");
    // The dialog remembers the choices for next time (the settings file).
    click(&s, "[data-testid=export-done]");

    // File > Open on the PDF adds its map to the open document, as one undo step.
    let maps = || {
        sqlite3(&desktop.document, "select count(*) from maps;")
            .trim()
            .to_string()
    };
    assert_eq!(maps(), "1");
    // A real key press on the window, so GTK's File menu accelerator sees it.
    focus(&desktop.display, &main_window(&desktop.display));
    assert!(
        xdotool(&desktop.display, &["key", "--clearmodifiers", "ctrl+o"])
            .status
            .success()
    );
    answer_file_dialog(&desktop.display, "Open", &out);
    wait_for(STEP, "the imported map in the file", || {
        let toasts = texts(&s, "[data-testid=toast]");
        assert!(toasts.iter().all(|t| !t.contains("rror")), "{toasts:?}");
        (maps() == "2").then_some(())
    });
    let cards = sqlite3(
        &desktop.document,
        "select count(*) from cards join maps on maps.id = cards.map_id \
         where maps.name = 'From $10 gift to major donor (2)';",
    );
    assert_eq!(cards.trim(), "33");
    wait_for(STEP, "the imported map to be listed", || {
        texts(&s, "[data-testid=map-list] li")
            .iter()
            .any(|t| t.contains("(2)"))
            .then_some(())
    });
    s.wait_painted();
    save_screenshot(&s, "export-reopened.png");
    s.end();
}

/// Ctrl+E, PDF, the kickoff kit: waits for the preview to count `sheets` pages with an A1
/// poster (a page fitted to the map prints as the kit's A1 poster), saves a screenshot
/// of the dialog as `screenshot`, exports through the native Save dialog to `out` and
/// waits for "Saved". The dialog stays open; returns the preview's page label and count.
pub(super) fn export_kit(
    s: &Session,
    display: &str,
    out: &Path,
    sheets: usize,
    screenshot: &str,
) -> String {
    s.chord(CONTROL, "e");
    wait_for(STEP, "the Export dialog", || {
        (!s.find_all("[data-testid=export-dialog]").is_empty()).then_some(())
    });
    click(s, "[data-testid=export-format-pdf]");
    click(s, "[data-testid=export-contents-kit]");
    let start = std::time::Instant::now();
    let label = loop {
        let label = texts(s, "[data-testid=export-page-label]").join(" ");
        let counted = texts(s, "[data-testid=export-sheets]").join(" ");
        let seen = format!("{label} · {counted}");
        if label.contains("A1") && counted.starts_with(&format!("{sheets} sheet")) {
            break seen;
        }
        assert!(
            start.elapsed() < STEP,
            "the kit's preview shows {seen:?}, not an A1 poster and {sheets} sheets"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    s.wait_painted();
    save_screenshot(s, screenshot);

    click(s, "[data-testid=export-start]");
    answer_file_dialog(display, SAVE_TITLE, out);
    wait_for(STEP, "the kit to be saved", || {
        let t = texts(s, "[data-testid=export-status]").join(" ");
        t.contains("Saved").then_some(t)
    });
    label
}

/// Closes the Export dialog (Done).
pub(super) fn close_export(s: &Session) {
    click(s, "[data-testid=export-done]");
    wait_for(STEP, "the Export dialog to close", || {
        s.find_all("[data-testid=export-dialog]")
            .is_empty()
            .then_some(())
    });
}

#[test]
fn export_the_kickoff_kit_from_the_dialog() {
    let desktop = Desktop::start();
    let s = desktop.launch();
    let out = desktop.document.parent().unwrap().join("Kickoff kit.pdf");

    let label = export_kit(&s, &desktop.display, &out, 15, "export-dialog-kit.png");
    assert!(label.contains("landscape"), "{label}");
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    // The poster, seven channel handouts, the KPI sheet and six stage worksheets.
    assert!(info.contains("Pages:           15"), "{info}");
    assert!(
        info.contains("2383.94 x 1683.78 pts"),
        "A1 landscape: {info}"
    );
    let text = poppler("pdftotext", &out);
    for needle in ["Relationship keeper", "Passion points", "Stage 6 of 6"] {
        assert!(text.contains(needle), "{needle:?} in {text}");
    }
    s.end();
}
