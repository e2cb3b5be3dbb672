//! End-to-end: the real Waymark window under Xvfb, driven through tauri-driver and
//! WebKitWebDriver, with a fresh HOME and XDG folders. Every step that changes the
//! document is checked in the file on disk (with the sqlite3 tool), not only on screen.

mod processes;
mod webdriver;
mod xdo;

/// The first sight of a map, and the window and view kept across a restart.
mod opening;

/// The canvas editor: cards, stages, connectors and emotions, each checked in the file.
mod editor;

/// axe-core inside the real window: no serious or critical violations.
mod accessibility;

/// Keyboard travel (the map one Tab stop, arrows inside, F6 regions) and a click then drag.
mod keyboard;

/// Export from the dialog through the native Save dialog, and reopening the PDF.
mod export;

/// File › New's template gallery: every template drawn, the kickoff board created.
mod gallery;

/// The strategist's model: channels, CSV performance data, passion points, loops, risks.
mod plan;

/// Several documents in one app: a second launch hands its file over; all reopen.
mod windows;

/// One writer per file: the app holds its document, `waymark import` is refused meanwhile.
mod writer;

/// Crash consistency: the app killed mid-edit (SIGKILL), relaunched on the same file.
mod crash_app;

/// Presenting: a clicker's keys, the notes, the audience's window on a second display.
mod present;

/// Workshop mode: participants, capture into a cell, a dot-voting round, all in the file.
mod workshop;

/// File › Export Workshop Summary… (Ctrl+Alt+E) through the native Save dialog.
mod workshop_summary;

/// A mini workshop in one session: kickoff board, presenting, capture, a capped round,
/// the kit and the summary exported, all checked with poppler and sqlite3.
mod workshop_flow;

/// User text with HTML, SVG and script payloads shows as text everywhere, escaped in SVG.
mod hostile_text;

/// No network: every socket of the app's processes read through a whole session.
mod offline;

/// Speed on a 2,000-card map (ignored: a benchmark, run on a release build).
mod bench;
/// The app at 1k, 10k and 100k cards and 100 maps (ignored: run scripts/bench-scale).
mod bench_scale;
mod bench_start;

use std::path::{Path, PathBuf};
use std::time::Duration;

use processes::{TauriDriver, Xvfb};
use webdriver::{wait_for, Session};

use crate::common::{sqlite3, waymark_bin};

const LAUNCH: Duration = Duration::from_secs(90);
pub const STEP: Duration = Duration::from_secs(20);
use webdriver::ENTER;

fn screenshots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn save_screenshot(session: &Session, name: &str) -> PathBuf {
    let png = session.screenshot_png();
    assert!(png.starts_with(b"\x89PNG"), "screenshot is not a PNG");
    let path = screenshots_dir().join(name);
    std::fs::write(&path, png).unwrap();
    path
}

pub fn texts(session: &Session, css: &str) -> Vec<String> {
    session
        .find_all(css)
        .iter()
        .map(|e| session.text(e))
        .collect()
}

/// Waits until no app holds `document` any more. A session's end closes the window, but
/// the app may still be exiting with the writer's lock (an flock) on its document; a launch
/// meanwhile would find the file "open in Waymark".
pub(super) fn wait_until_released(document: &Path) {
    wait_for(STEP, "the app to let go of its document", || {
        let file = std::fs::File::open(document).ok()?;
        file.try_lock().ok()
    });
}

fn map_name_in_file(file: &Path) -> String {
    sqlite3(file, "select name from maps order by position limit 1;")
        .trim()
        .to_string()
}

/// Waits until the sample map is drawn and returns its stage header texts.
pub fn wait_for_sample_map(session: &Session) -> Vec<String> {
    wait_for(LAUNCH, "the sample map's stage headers", || {
        let names = texts(session, "[data-testid=stage-header]");
        names
            .iter()
            .any(|n| n.contains("Discover"))
            .then_some(names)
    })
}

/// A private display, HOME and tauri-driver for one test; the app's default document
/// lives in `document`. Dropping it stops everything.
pub struct Desktop {
    pub document: PathBuf,
    /// The X display the app draws on (for xdotool, which answers native dialogs).
    pub display: String,
    // Fields drop in order: the driver goes before the display it draws on.
    pub driver: TauriDriver,
    _xvfb: Xvfb,
    _home: tempfile::TempDir,
}

impl Desktop {
    /// A display and a driver for the tests: WebKit composites (see [`TauriDriver::start`]).
    pub fn start() -> Desktop {
        Desktop::with_painting(true)
    }

    /// The app painting as it ships (without compositing when there is no GPU): for the
    /// benchmark, which takes no screenshots.
    pub fn as_shipped() -> Desktop {
        Desktop::with_painting(false)
    }

    fn with_painting(composited: bool) -> Desktop {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join("runtime")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o700);
            std::fs::set_permissions(home.path().join("runtime"), private).unwrap();
        }
        let document = home.path().join(".local/share/waymark/My journeys.waymark");
        let xvfb = Xvfb::start();
        let driver = TauriDriver::start(&xvfb.display, home.path(), composited);
        let display = xvfb.display.clone();
        Desktop {
            document,
            display,
            driver,
            _xvfb: xvfb,
            _home: home,
        }
    }

    /// The test's home folder (its XDG folders are inside).
    pub fn home(&self) -> &Path {
        self._home.path()
    }

    /// Runs `waymark` with `args` as the desktop would start it (same display, home and
    /// XDG folders as the app under test), and waits for it to exit.
    pub fn run_waymark(&self, args: &[&std::ffi::OsStr]) -> std::process::Output {
        let home = self.home();
        std::process::Command::new(waymark_bin())
            .args(args)
            .env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("XDG_RUNTIME_DIR", home.join("runtime"))
            .output()
            .expect("run waymark")
    }

    /// Launches the app (on the last or default document) and waits for the sample map.
    pub fn launch(&self) -> Session {
        let session = Session::start(&self.driver.url, &waymark_bin(), &[]);
        wait_for_sample_map(&session);
        session
    }
}

#[test]
fn first_launch_shows_the_sample_map_and_keeps_an_undone_redone_edit_across_restart() {
    let desktop = Desktop::start();
    let document = desktop.document.clone();
    let driver = &desktop.driver;

    // First launch: the default document is created from the sample and shown.
    let session = Session::start(&driver.url, &waymark_bin(), &[]);
    let stages = wait_for_sample_map(&session);
    for stage in [
        "Discover",
        "Consider",
        "First gift ($10)",
        "Get involved",
        "Advocate",
        "Major commitment",
    ] {
        assert!(
            stages.iter().any(|s| s.contains(stage)),
            "stage {stage:?} not visible in {stages:?}"
        );
    }
    assert!(
        document.exists(),
        "the default document was not created at {}",
        document.display()
    );
    save_screenshot(&session, "foundation-sample-map.png");
    wait_for(STEP, "the document name in the top bar", || {
        (texts(&session, "[data-testid=document-name]") == ["My journeys"]).then_some(())
    });

    // An edit through the UI: rename the map in the sidebar.
    let original = map_name_in_file(&document);
    assert_eq!(original, "From $10 gift to major donor");
    let rename = wait_for(STEP, "the rename button", || {
        session
            .find_all("[data-testid=map-rename]")
            .into_iter()
            .next()
    });
    session.click(&rename);
    let input = wait_for(STEP, "the map name field", || {
        session
            .find_all("[data-testid=map-name-input]")
            .into_iter()
            .next()
    });
    // The field opens with the old name selected, so typing replaces it. (WebDriver's
    // Element Clear would blur the field, and blur commits.)
    session.type_text(&input, &format!("Maya's path to major donor{ENTER}"));
    wait_for(STEP, "the new name in the file", || {
        (map_name_in_file(&document) == "Maya's path to major donor").then_some(())
    });
    wait_for(STEP, "the new name in the sidebar", || {
        texts(&session, "[data-testid=map-item]")
            .iter()
            .any(|t| t.contains("Maya's path"))
            .then_some(())
    });

    // Undo and Redo from the toolbar change the file.
    let undo = session.find_all("[data-testid=undo]").remove(0);
    session.click(&undo);
    wait_for(STEP, "undo to restore the name in the file", || {
        (map_name_in_file(&document) == original).then_some(())
    });
    let redo = session.find_all("[data-testid=redo]").remove(0);
    wait_for(STEP, "the Redo button to be enabled", || {
        session.attribute(&redo, "disabled").is_none().then_some(())
    });
    session.click(&redo);
    wait_for(STEP, "redo to bring the new name back", || {
        (map_name_in_file(&document) == "Maya's path to major donor").then_some(())
    });
    wait_for(STEP, "the sidebar to show the redone name", || {
        texts(&session, "[data-testid=map-item]")
            .iter()
            .any(|t| t.contains("Maya's path"))
            .then_some(())
    });
    session.end();

    // Restart: the app reopens the last document with the edit kept.
    let session = Session::start(&driver.url, &waymark_bin(), &[]);
    wait_for_sample_map(&session);
    wait_for(STEP, "the kept edit after restart", || {
        texts(&session, "[data-testid=map-item]")
            .iter()
            .any(|t| t.contains("Maya's path"))
            .then_some(())
    });
    let shot = save_screenshot(&session, "foundation-after-restart.png");
    // An empty window (chrome only) compresses to under 10 kB; a drawn map to far more.
    assert!(
        std::fs::metadata(shot).unwrap().len() > 50_000,
        "the screenshot looks empty"
    );
    session.end();

    // `waymark FILE` opens that file; a bad file is reported in the window and the app
    // falls back to the last document instead of failing to start.
    let other = desktop.document.with_file_name("Workshop.waymark");
    let made = std::process::Command::new(waymark_bin())
        .arg("new")
        .arg(&other)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let session = Session::start(&driver.url, &waymark_bin(), &[other.to_str().unwrap()]);
    wait_for(LAUNCH, "the file named on the command line", || {
        (texts(&session, "[data-testid=document-name]") == ["Workshop"]).then_some(())
    });
    wait_for(STEP, "the blank template's map", || {
        texts(&session, "[data-testid=map-item]")
            .iter()
            .any(|t| t.contains("Untitled journey"))
            .then_some(())
    });
    session.end();
    // The bad file below falls back to this one, which must be free by then.
    wait_until_released(&other);
    let png = desktop.document.with_file_name("photo.waymark");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n not really").unwrap();
    let session = Session::start(&driver.url, &waymark_bin(), &[png.to_str().unwrap()]);
    wait_for(LAUNCH, "a message naming the bad file", || {
        texts(&session, "[data-testid=toast]")
            .iter()
            .any(|t| t.contains("photo.waymark") && t.contains("PNG"))
            .then_some(())
    });
    assert_eq!(
        texts(&session, "[data-testid=document-name]"),
        ["Workshop"],
        "falls back to the last document"
    );
    save_screenshot(&session, "foundation-bad-file-message.png");
    session.end();

    // Integrity of the file the user would copy or e-mail now.
    assert_eq!(sqlite3(&document, "pragma integrity_check;").trim(), "ok");
    assert!(!document.with_extension("waymark-journal").exists());
}
