//! The processes an end-to-end test needs: a private X display (Xvfb) and tauri-driver
//! (which drives the app through WebKitWebDriver), both stopped when dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::webdriver::wait_for;

pub struct Xvfb {
    child: Child,
    pub display: String,
}

impl Xvfb {
    /// Lets Xvfb pick a free display and tell us which (`-displayfd`).
    pub fn start() -> Xvfb {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed by scripts/test");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let n = line.trim();
        assert!(!n.is_empty(), "Xvfb did not report a display");
        Xvfb {
            child,
            display: format!(":{n}"),
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A private D-Bus session bus at `<runtime>/bus`, where the app's single-instance
/// plugin looks for a running Waymark (`$XDG_RUNTIME_DIR/bus`).
pub struct SessionBus {
    child: Child,
}

impl SessionBus {
    pub fn start(runtime: &Path) -> SessionBus {
        let socket = runtime.join("bus");
        let child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile"])
            .arg(format!("--address=unix:path={}", socket.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon is installed by scripts/test");
        wait_for(Duration::from_secs(10), "the session bus's socket", || {
            socket.exists().then_some(())
        });
        SessionBus { child }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct TauriDriver {
    child: Child,
    pub url: String,
}

impl TauriDriver {
    /// Starts tauri-driver with the test's own HOME and XDG folders, so the app under
    /// test never touches the user's real documents.
    ///
    /// `composited`: WebKit composites the page even without a GPU (the app's own choice,
    /// `src-tauri/src/rendering.rs`, is overridden). WebKitWebDriver's screenshots never
    /// finish (a "timeout: global" after 60 s) when WebKitGTK 2.50 paints without
    /// compositing, and the tests save screenshots; the benchmark measures the app as it
    /// ships.
    pub fn start(display: &str, home: &Path, composited: bool) -> TauriDriver {
        let port = free_port();
        let native_port = free_port();
        let bin = which("tauri-driver")
            .expect("tauri-driver 2.1.0 is installed by scripts/test (cargo install)");
        let mut cmd = Command::new(bin);
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_RUNTIME_DIR", home.join("runtime"))
        // The app finds other instances on the session bus at $XDG_RUNTIME_DIR/bus: never
        // the user's own, only a test's private bus (`SessionBus`) when it starts one.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
        if composited {
            cmd.env("WEBKIT_DISABLE_COMPOSITING_MODE", "0");
        } else {
            cmd.env_remove("WEBKIT_DISABLE_COMPOSITING_MODE");
        }
        let child = cmd.spawn().expect("start tauri-driver");
        let url = format!("http://127.0.0.1:{port}");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        wait_for(Duration::from_secs(30), "tauri-driver to listen", || {
            agent.get(format!("{url}/status")).call().ok()
        });
        TauriDriver { child, url }
    }
}

impl Drop for TauriDriver {
    /// SIGTERM, not SIGKILL: tauri-driver then stops WebKitWebDriver too.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn which(name: &str) -> Option<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> =
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin"));
    }
    if let Some(cargo_home) = std::env::var_os("CARGO_HOME") {
        dirs.push(Path::new(&cargo_home).join("bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}
