//! File › Export Workshop Summary… from the real window: Ctrl+Alt+E pressed as a person
//! does (xdotool, so GTK's menu accelerator sees it), the native Save dialog answered with
//! a Markdown name, and the file read back from disk.

use std::time::Duration;

use super::export::answer_file_dialog;
use super::webdriver::wait_for;
use super::xdo::{focus, main_window, xdotool};
use super::{save_screenshot, texts, Desktop};

const STEP: Duration = Duration::from_secs(30);

#[test]
fn ctrl_alt_e_saves_the_workshop_summary_of_the_map_on_screen() {
    let desktop = Desktop::start();
    let s = desktop.launch();
    let out = desktop
        .document
        .parent()
        .unwrap()
        .join("Workshop summary.md");

    focus(&desktop.display, &main_window(&desktop.display));
    assert!(
        xdotool(&desktop.display, &["key", "--clearmodifiers", "ctrl+alt+e"])
            .status
            .success()
    );
    answer_file_dialog(&desktop.display, "Export workshop summary", &out);
    let toast = wait_for(STEP, "the toast saying where the summary went", || {
        let t = texts(&s, "[data-testid=toast]").join(" ");
        t.contains("Workshop summary saved").then_some(t)
    });
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
