//! The X side of the desktop, through xdotool: what WebDriver cannot reach (GTK's menu
//! accelerators, native file dialogs, the window's size).
//!
//! The app's window is found by its class, never by its title: in the POSIX locale (a
//! fresh Debian with LANG unset) GTK sets only the UTF-8 `_NET_WM_NAME`, no legacy
//! `WM_NAME`, because the title's dash has no encoding there, and a search by name finds
//! nothing.

use std::process::{Command, Output};
use std::time::Duration;

use super::webdriver::wait_for;

const STEP: Duration = Duration::from_secs(30);

/// The WM_CLASS GTK gives Waymark's windows (the program's name).
pub const APP_CLASS: &str = "waymark";

pub fn xdotool(display: &str, args: &[&str]) -> Output {
    Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("xdotool is installed by scripts/test")
}

fn first_id(out: &Output) -> Option<String> {
    let id = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()?
        .trim()
        .to_string();
    (!id.is_empty()).then_some(id)
}

/// The app's main window, if it is shown.
pub fn find_main_window(display: &str) -> Option<String> {
    first_id(&xdotool(
        display,
        &[
            "search",
            "--onlyvisible",
            "--classname",
            &format!("^{APP_CLASS}$"),
        ],
    ))
}

/// Waits for the app's main window.
pub fn main_window(display: &str) -> String {
    wait_for(STEP, "Waymark's main window", || find_main_window(display))
}

/// A visible window whose title is exactly `title` (the app's native dialogs, whose
/// titles are plain ASCII and so readable in every locale).
pub fn find_titled_window(display: &str, title: &str) -> Option<String> {
    first_id(&xdotool(
        display,
        &["search", "--onlyvisible", "--name", &format!("^{title}$")],
    ))
}

/// Gives the keyboard to `window`.
pub fn focus(display: &str, window: &str) {
    assert!(xdotool(display, &["windowfocus", "--sync", window])
        .status
        .success());
}

/// A window's size in pixels.
pub fn window_size(display: &str, window: &str) -> (u32, u32) {
    let out = xdotool(display, &["getwindowgeometry", "--shell", window]);
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in xdotool's answer: {text}"))
    };
    (field("WIDTH"), field("HEIGHT"))
}
