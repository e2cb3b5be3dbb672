//! The app opens no network connection. A whole session of use — the sample opened, a map
//! renamed, a plan view, an export through the native Save dialog, the page trying to reach
//! the internet — while a watcher reads, over and over (each reading walks /proc, about
//! 0.3 s on the test machine, then waits 50 ms), the sockets of every process of the app:
//! `waymark` and the WebKit processes it starts (WebKitWebProcess, WebKitNetworkProcess),
//! found by parenthood from the `waymark` process. Each socket
//! (`/proc/<pid>/fd` → `socket:[inode]`) is looked up in `/proc/<pid>/net/{tcp,udp,raw}{,6}`;
//! a socket found there is an internet socket.
//!
//! One kind is allowed, and named exactly: the test's own control channel. tauri-driver
//! starts WebKitWebDriver, which starts the app with `WEBKIT_INSPECTOR_SERVER=127.0.0.1:<port>`
//! in its environment: WebKit then serves automation on that loopback address, and
//! WebKitWebDriver (and WebKit's own web process, for the page's side of automation)
//! connect to it. So the app may hold, on loopback only, that listening socket, the
//! connections to and from that address (read from the app's environment), and
//! connections whose other end the WebKitWebDriver process holds (matched by address
//! pair). Anything else — another listening socket, UDP (a DNS lookup), a connection to
//! any other host or port — fails the test. Without WebKitWebDriver the variable is unset
//! and WebKit serves nothing.
//!
//! Why not run the app without a network (`unshare -n`)? WebKitWebDriver reaches the app
//! through that loopback connection, which a new network namespace would cut; and a namespace
//! would hide an attempt rather than show it. The watcher sees attempts while they are open;
//! the page's own attempts are also caught by the CSP (checked here from inside the page).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;

use super::editor::Editor;
use super::export::answer_file_dialog;
use super::save_screenshot;
use super::webdriver::{wait_for, CONTROL, ENTER};
use super::STEP;
use crate::common::waymark_bin;

/// One internet socket as the kernel lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Inet {
    table: &'static str,
    local: String,
    remote: String,
    /// TCP state in hex as /proc shows it (`01` established, `0A` listening).
    state: String,
}

const TABLES: &[&str] = &["tcp", "tcp6", "udp", "udp6", "raw", "raw6"];

/// `/proc/<pid>/net/*` by socket inode (the tables of the process's network namespace).
fn inet_table(pid: u32) -> HashMap<u64, Inet> {
    let mut all = HashMap::new();
    for &table in TABLES {
        let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/net/{table}")) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 10 {
                continue;
            }
            if let Ok(inode) = f[9].parse::<u64>() {
                all.insert(
                    inode,
                    Inet {
                        table,
                        local: address(f[1]),
                        remote: address(f[2]),
                        state: f[3].to_owned(),
                    },
                );
            }
        }
    }
    all
}

/// `0100007F:1F90` → `127.0.0.1:8080`; IPv6 as its eight groups.
fn address(hex: &str) -> String {
    let (ip, port) = hex.split_once(':').unwrap_or((hex, "0"));
    let port = u16::from_str_radix(port, 16).unwrap_or(0);
    let words: Vec<u32> = (0..ip.len() / 8)
        .map(|i| u32::from_str_radix(&ip[i * 8..i * 8 + 8], 16).unwrap_or(0))
        .collect();
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    let ip = if bytes.len() == 4 {
        std::net::IpAddr::from([bytes[0], bytes[1], bytes[2], bytes[3]])
    } else {
        let b: [u8; 16] = bytes.try_into().unwrap_or([0; 16]);
        std::net::IpAddr::from(b)
    };
    format!("{ip}:{port}")
}

fn is_loopback(addr: &str) -> bool {
    addr.starts_with("127.") || addr.starts_with("::1:") || addr.starts_with("::ffff:127.")
}

/// The socket inodes among a process's open files.
fn socket_inodes(pid: u32) -> Vec<u64> {
    let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return Vec::new();
    };
    dir.filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter_map(|target| {
            let t = target.to_string_lossy().into_owned();
            t.strip_prefix("socket:[")?.strip_suffix(']')?.parse().ok()
        })
        .collect()
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ppid …`; comm may hold spaces, so read after the last ')'.
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn name_of(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn env_of(pid: u32, key: &str) -> Option<String> {
    let env = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
    let prefix = format!("{key}=");
    env.split(|&b| b == 0)
        .find_map(|kv| kv.strip_prefix(prefix.as_bytes()))
        .map(|v| String::from_utf8_lossy(v).into_owned())
}

fn home_of(pid: u32) -> Option<PathBuf> {
    env_of(pid, "HOME").map(PathBuf::from)
}

fn all_pids() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}

/// This test's processes (by their HOME): the app's tree and its WebKitWebDriver.
struct Tree {
    app: Vec<(u32, String)>,
    driver: Option<u32>,
    /// Where WebKitWebDriver told the app to serve automation (`WEBKIT_INSPECTOR_SERVER`).
    automation: HashSet<String>,
}

fn tree(home: &Path) -> Tree {
    let ours: Vec<u32> = all_pids()
        .into_iter()
        .filter(|&p| home_of(p).as_deref() == Some(home))
        .collect();
    let bin = std::fs::canonicalize(waymark_bin()).unwrap();
    let roots: HashSet<u32> = ours
        .iter()
        .copied()
        .filter(|&p| std::fs::read_link(format!("/proc/{p}/exe")).ok().as_deref() == Some(&bin))
        .collect();
    // Everything whose parent chain reaches a `waymark` process is the app.
    let in_app = |mut p: u32| {
        for _ in 0..16 {
            if roots.contains(&p) {
                return true;
            }
            match parent_of(p) {
                Some(parent) if parent > 1 => p = parent,
                _ => return false,
            }
        }
        false
    };
    let all = all_pids();
    Tree {
        app: all
            .into_iter()
            .filter(|&p| in_app(p))
            .map(|p| (p, name_of(p)))
            .collect(),
        driver: ours.into_iter().find(|&p| name_of(p) == "WebKitWebDriver"),
        automation: roots
            .iter()
            .filter_map(|&p| env_of(p, "WEBKIT_INSPECTOR_SERVER"))
            .collect(),
    }
}

/// The app's internet sockets that are not the test's control connection.
/// `driver_ends` keeps every (local, remote) pair WebKitWebDriver has held, so a
/// connection the driver has already closed (left in CLOSE_WAIT on the app's side) is
/// still known as the control channel.
fn forbidden(
    home: &Path,
    seen_processes: &mut HashSet<String>,
    driver_ends: &mut HashSet<(String, String)>,
) -> Vec<(String, Inet)> {
    let t = tree(home);
    if let Some(d) = t.driver {
        let table = inet_table(d);
        driver_ends.extend(
            socket_inodes(d)
                .into_iter()
                .filter_map(|i| table.get(&i))
                .map(|s| (s.local.clone(), s.remote.clone())),
        );
    }
    let mut bad = Vec::new();
    for (pid, name) in t.app.clone() {
        seen_processes.insert(name.clone());
        let table = inet_table(pid);
        for inode in socket_inodes(pid) {
            let Some(s) = table.get(&inode) else {
                continue; // a Unix socket (X11, D-Bus, WebKit's own IPC)
            };
            // The automation server (listening, or a connection to or from it) on loopback,
            // or a connection whose other end WebKitWebDriver holds or held — in any state
            // of its life, since a connection the driver closes lingers in CLOSE_WAIT.
            let control = s.table.starts_with("tcp")
                && is_loopback(&s.local)
                && (t.automation.contains(&s.local)
                    || (is_loopback(&s.remote)
                        && (t.automation.contains(&s.remote)
                            || driver_ends.contains(&(s.remote.clone(), s.local.clone())))));
            if !control {
                bad.push((
                    format!("{name} ({pid}), automation served at {:?}", t.automation),
                    s.clone(),
                ));
            }
        }
    }
    bad
}

/// Reads the app's sockets over and over until finished; remembers every forbidden one.
struct Watcher {
    stop: Arc<AtomicBool>,
    found: Arc<Mutex<Vec<(String, Inet)>>>,
    processes: Arc<Mutex<HashSet<String>>>,
    rounds: Arc<Mutex<u32>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watcher {
    fn start(home: PathBuf) -> Watcher {
        let stop = Arc::new(AtomicBool::new(false));
        let found = Arc::new(Mutex::new(Vec::new()));
        let processes = Arc::new(Mutex::new(HashSet::new()));
        let rounds = Arc::new(Mutex::new(0));
        let thread = {
            let (stop, found, processes, rounds) = (
                stop.clone(),
                found.clone(),
                processes.clone(),
                rounds.clone(),
            );
            std::thread::spawn(move || {
                let mut driver_ends = HashSet::new();
                while !stop.load(Ordering::Relaxed) {
                    let mut names = HashSet::new();
                    let bad = forbidden(&home, &mut names, &mut driver_ends);
                    let mut f = found.lock().unwrap();
                    for b in bad {
                        if !f.contains(&b) {
                            f.push(b);
                        }
                    }
                    processes.lock().unwrap().extend(names);
                    *rounds.lock().unwrap() += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
            })
        };
        Watcher {
            stop,
            found,
            processes,
            rounds,
            thread: Some(thread),
        }
    }

    fn finish(mut self) -> (Vec<(String, Inet)>, HashSet<String>, u32) {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.take().unwrap().join().unwrap();
        let found = self.found.lock().unwrap().clone();
        let processes = self.processes.lock().unwrap().clone();
        let rounds = *self.rounds.lock().unwrap();
        (found, processes, rounds)
    }
}

/// The page tries the internet three ways; the CSP refuses each (reported as violations).
const TRY_THE_INTERNET: &str = r#"
const done = arguments[arguments.length - 1];
const violations = [];
document.addEventListener('securitypolicyviolation', e =>
  violations.push(e.violatedDirective + ' ' + e.blockedURI));
const results = {};
try { await fetch('https://example.com/'); results.fetch = 'loaded'; }
catch (e) { results.fetch = 'refused'; }
await new Promise(resolve => {
  const img = new Image();
  img.onload = () => { results.image = 'loaded'; resolve(); };
  img.onerror = () => { results.image = 'refused'; resolve(); };
  img.src = 'https://example.com/pixel.png';
});
try { new Function('return 1')(); results.eval = 'ran'; } catch (e) { results.eval = 'refused'; }
await new Promise(r => setTimeout(r, 300));
done({ results, violations });
"#;

#[test]
fn a_whole_session_opens_no_network_connection() {
    let mut d = Editor::start("offline");
    let home = d.desktop().home().to_path_buf();
    let watcher = Watcher::start(home.clone());
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session(&mut d)));
    if let Err(panic) = outcome {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            save_screenshot(d.s(), "offline-failed.png")
        }));
        std::panic::resume_unwind(panic);
    }
    let (found, processes, rounds) = watcher.finish();
    eprintln!("offline: {rounds} readings of the sockets of {processes:?}");
    assert!(
        found.is_empty(),
        "the app opened internet sockets: {found:#?}"
    );
    assert!(rounds > 20, "the watcher read the sockets {rounds} times");
    assert!(
        processes.contains("waymark") && processes.iter().any(|p| p.starts_with("WebKitWebProces")),
        "the watcher saw the app and its web process: {processes:?}"
    );
    d.end();
}

fn session(d: &mut Editor) {
    let s = d.s();
    // The page's own attempts: refused by the CSP of the built app.
    let tried = s.execute_async(TRY_THE_INTERNET, json!([]));
    assert_eq!(
        tried["results"],
        json!({ "fetch": "refused", "image": "refused", "eval": "refused" }),
        "{tried}"
    );
    let violations = tried["violations"].to_string();
    for directive in ["connect-src", "img-src"] {
        assert!(violations.contains(directive), "{violations}");
    }

    // An edit: rename the map in the sidebar.
    let rename = d.one("[data-testid=map-rename]");
    s.click(&rename);
    let input = d.one("[data-testid=map-name-input]");
    s.type_text(&input, &format!("Offline journey{ENTER}"));
    d.wait_file(
        "the new name in the file",
        "select name from maps order by position limit 1;",
        "Offline journey",
    );

    // A plan view.
    let tab = d.one("[data-testid=view-tab-channels]");
    s.click(&tab);
    d.one("[data-testid=channel-card]");
    let tab = d.one("[data-testid=view-tab-map]");
    s.click(&tab);

    // An export through the dialog and the native Save dialog.
    s.chord(CONTROL, "e");
    d.one("[data-testid=export-preview-img]");
    let pdf = d.one("[data-testid=export-format-pdf]");
    s.click(&pdf);
    let start = d.one("[data-testid=export-start]");
    s.click(&start);
    let out = d.desktop().document.with_file_name("Offline.pdf");
    answer_file_dialog(&d.desktop().display, "Export map", &out);
    wait_for(Duration::from_secs(60), "the export to be saved", || {
        super::texts(s, "[data-testid=export-status]")
            .join(" ")
            .contains("Saved")
            .then_some(())
    });
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    // The next launch of the session's document, as a person comes back to it.
    d.relaunch();
    d.one("[data-testid=canvas]");
    std::thread::sleep(STEP / 10);
}
