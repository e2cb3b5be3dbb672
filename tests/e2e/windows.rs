//! One app, several documents: a second launch with another file reaches the running app
//! (through its session bus), which opens the file in a window of its own, with its own
//! title and document; Quit then a plain launch reopens both windows. An exported PNG
//! opened with Waymark adds its map to the running app's document.

use std::path::{Path, PathBuf};

use super::processes::SessionBus;
use super::webdriver::{wait_for, Session};
use super::xdo::{focus, xdotool, APP_CLASS};
use super::{texts, wait_for_sample_map, Desktop, STEP};
use crate::common::{sqlite3, waymark_bin};

/// The titles of Waymark's visible windows, sorted.
fn window_titles(display: &str) -> Vec<String> {
    let out = xdotool(
        display,
        &[
            "search",
            "--onlyvisible",
            "--classname",
            &format!("^{APP_CLASS}$"),
        ],
    );
    let mut titles: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|id| {
            let name = xdotool(display, &["getwindowname", id.trim()]);
            String::from_utf8_lossy(&name.stdout).trim().to_string()
        })
        .collect();
    titles.sort();
    titles
}

fn window_named(display: &str, title: &str) -> String {
    let out = xdotool(
        display,
        &[
            "search",
            "--onlyvisible",
            "--classname",
            &format!("^{APP_CLASS}$"),
        ],
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|id| id.trim().to_string())
        .find(|id| {
            let name = xdotool(display, &["getwindowname", id]);
            String::from_utf8_lossy(&name.stdout).trim() == title
        })
        .unwrap_or_else(|| panic!("no window titled {title:?}"))
}

/// The processes running the `waymark` binary under test.
fn waymark_processes() -> Vec<u32> {
    let bin = std::fs::canonicalize(waymark_bin()).unwrap();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == bin))
        .collect()
}

/// Whether the process `pid` has `home` as its HOME (this test's app, not another test's).
fn runs_in(pid: u32, home: &Path) -> bool {
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
    let want = format!("HOME={}", home.display());
    environ.split(|b| *b == 0).any(|v| v == want.as_bytes())
}

fn stage_names(file: &Path) -> Vec<String> {
    sqlite3(
        file,
        "select s.name from stages s join maps m on m.id = s.map_id \
         where m.position = (select min(position) from maps) order by s.position;",
    )
    .lines()
    .map(str::to_string)
    .collect()
}

#[test]
fn a_second_launch_opens_its_file_in_a_window_of_the_running_app_and_both_reopen() {
    let desktop = Desktop::start();
    let _bus = SessionBus::start(&desktop.home().join("runtime"));
    let display = desktop.display.clone();
    let session = desktop.launch();
    let first_title = "My journeys — Waymark".to_string();
    wait_for(STEP, "the first window", || {
        (window_titles(&display) == vec![first_title.clone()]).then_some(())
    });

    // A second document, made as a user would (the CLI), then "double-clicked".
    let second: PathBuf = desktop.home().join("Kickoff.waymark");
    let made = desktop.run_waymark(&["new".as_ref(), second.as_os_str()]);
    assert!(made.status.success(), "{made:?}");
    let second_stages = stage_names(&second);
    assert!(!second_stages.is_empty());
    let handed = desktop.run_waymark(&[second.as_os_str()]);
    assert!(
        handed.status.success(),
        "the second launch failed: {}",
        String::from_utf8_lossy(&handed.stderr)
    );

    // The running app opened it in a new window; the second process is gone.
    let second_title = "Kickoff — Waymark".to_string();
    let mut both = vec![first_title.clone(), second_title.clone()];
    both.sort();
    wait_for(STEP, "a second window titled Kickoff", || {
        (window_titles(&display) == both).then_some(())
    });
    let ours: Vec<u32> = waymark_processes()
        .into_iter()
        .filter(|pid| runs_in(*pid, desktop.home()))
        .collect();
    assert_eq!(ours.len(), 1, "one Waymark process, not {ours:?}");

    // The new window shows the second document: find its page among the session's.
    let handles = session.window_handles();
    assert_eq!(handles.len(), 2, "two windows in the session: {handles:?}");
    let original = session.current_window_handle();
    let other = handles.iter().find(|h| **h != original).unwrap().clone();
    session.switch_to_window(&other);
    let shown = wait_for(STEP, "the second document's stages", || {
        let names = texts(&session, "[data-testid=stage-header]");
        (!names.is_empty()).then_some(names)
    });
    for stage in &second_stages {
        assert!(
            shown.iter().any(|s| s.contains(stage.as_str())),
            "stage {stage:?} of Kickoff not shown in its window: {shown:?}"
        );
    }
    session.switch_to_window(&original);
    wait_for_sample_map(&session);

    // Opening the same file again brings its window forward instead of a second store
    // on the file: still two windows, one process.
    let again = desktop.run_waymark(&[second.as_os_str()]);
    assert!(again.status.success(), "{again:?}");
    assert_eq!(session.window_handles().len(), 2);
    assert_eq!(window_titles(&display), both);

    // Quit, then a plain launch: both documents come back, each in its window.
    let window = window_named(&display, &first_title);
    focus(&display, &window);
    assert!(xdotool(&display, &["key", "--clearmodifiers", "ctrl+q"])
        .status
        .success());
    wait_for(STEP, "Ctrl+Q to close every window", || {
        window_titles(&display).is_empty().then_some(())
    });
    session.end_quietly();
    let session = Session::start(&desktop.driver.url, &waymark_bin(), &[]);
    wait_for_sample_map(&session);
    wait_for(STEP, "both windows after the restart", || {
        (window_titles(&display) == both).then_some(())
    });
    session.end();
}

#[test]
fn an_exported_png_opened_with_waymark_adds_its_map_to_the_running_apps_document() {
    let desktop = Desktop::start();
    let _bus = SessionBus::start(&desktop.home().join("runtime"));
    let session = desktop.launch();
    let maps = |file: &Path| {
        sqlite3(file, "select count(*) from maps;")
            .trim()
            .to_string()
    };
    let before = maps(&desktop.document);

    // A colleague's PNG of a map, opened with Waymark from the file manager.
    let other = desktop.home().join("Colleague.waymark");
    let made = desktop.run_waymark(&["new".as_ref(), other.as_os_str()]);
    assert!(made.status.success(), "{made:?}");
    let png = desktop.home().join("Colleague.png");
    let exported = desktop.run_waymark(&[
        "export".as_ref(),
        other.as_os_str(),
        "--out".as_ref(),
        png.as_os_str(),
    ]);
    assert!(exported.status.success(), "{exported:?}");
    let handed = desktop.run_waymark(&[png.as_os_str()]);
    assert!(handed.status.success(), "{handed:?}");

    // The running app added the map to the document it shows, in its one window.
    let after = wait_for(STEP, "the PNG's map in the open document", || {
        let n = maps(&desktop.document);
        (n != before).then_some(n)
    });
    assert_eq!(
        after.parse::<u32>().unwrap(),
        before.parse::<u32>().unwrap() + 1
    );
    assert_eq!(session.window_handles().len(), 1);
    session.end();
}
