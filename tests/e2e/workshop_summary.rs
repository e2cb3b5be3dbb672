//! File › Export Workshop Summary… from the real window: Ctrl+Alt+E pressed as a person
//! does (xdotool, so GTK's menu accelerator sees it), the native Save dialog answered with
//! a Markdown name, and the file read back from disk.

use std::path::Path;
use std::time::Duration;

use super::export::answer_file_dialog;
use super::webdriver::{wait_for, Session};
use super::xdo::{focus, main_window, xdotool};
use super::{save_screenshot, texts, Desktop};

const STEP: Duration = Duration::from_secs(30);

/// Ctrl+Alt+E on the main window, the Save dialog answered with `out` (its extension
/// picks Markdown or PDF); waits for the toast that names a saved summary and returns it.
pub(super) fn export_summary(display: &str, s: &Session, out: &Path) -> String {
    focus(display, &main_window(display));
    assert!(xdotool(display, &["key", "--clearmodifiers", "ctrl+alt+e"])
        .status
        .success());
    answer_file_dialog(display, "Export workshop summary", out);
    let name = out.file_name().unwrap().to_string_lossy().into_owned();
    wait_for(STEP, "the toast saying where the summary went", || {
        let t = texts(s, "[data-testid=toast]").join(" ");
        (t.contains("Workshop summary saved") && t.contains(&name)).then_some(t)
    })
}

#[test]
fn ctrl_alt_e_saves_the_workshop_summary_of_the_map_on_screen() {
    let desktop = Desktop::start();
    let s = desktop.launch();
    let out = desktop
        .document
        .parent()
        .unwrap()
        .join("Workshop summary.md");

    let toast = export_summary(&desktop.display, &s, &out);
    assert!(toast.contains("Workshop summary.md"), "{toast}");
    s.wait_painted();
    save_screenshot(&s, "workshop-summary-saved.png");

    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.starts_with("# Workshop summary: From $10 gift to major donor\n"),
        "{md}"
    );
    for section in [
        "## Who took part",
        "## Notes by stage",
        "## Voting results",
        "## Decisions",
    ] {
        assert!(md.contains(section), "{section}:\n{md}");
    }
}
