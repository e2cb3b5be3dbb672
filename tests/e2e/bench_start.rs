//! Cold start of the app as installed: from the moment the process starts to the first
//! painted map (the page's `waymark:first-paint` mark) on the sample document, a few
//! times in a row. A benchmark, not a test: it is `#[ignore]`d, prints figures and
//! asserts only that the map was painted. Run it on the release binary, or on the one a
//! package installs (see docs/BENCHMARKS.md):
//! `cargo test --release --test tests e2e::bench_start -- --ignored --nocapture`, with
//! `WAYMARK_BIN=/usr/bin/waymark` (or the binary extracted from the .deb) to time that one.
//!
//! The app is started by tauri-driver (WebKitWebDriver), which is the only way to read the
//! page's performance marks; the process's own start time is read from `/proc`, so the
//! driver's part (session set-up, spawning) is not counted in "process → paint" but is in
//! "request → paint".

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;

use super::webdriver::{wait_for, Session};
use super::Desktop;
use crate::common::waymark_bin;

const RUNS: usize = 5;

/// Where the page's part went: the navigation's milestones and every resource the page
/// loaded (the UI's files and the backend calls over `ipc:`), in ms from page start.
const BREAKDOWN: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const ms = (t) => t.toFixed(0);
const res = performance.getEntriesByType('resource')
  .map((r) => `${r.name.replace(/^[a-z]+:\/\/localhost\//, '').replace(/^assets\//, '')} ${ms(r.startTime)}→${ms(r.responseEnd)}`);
return `response ${nav ? ms(nav.responseEnd) : '?'}, DOMContentLoaded ${nav ? ms(nav.domContentLoadedEventEnd) : '?'}, load ${nav ? ms(nav.loadEventEnd) : '?'}; ` + res.join(', ');
"#;

/// The backend's share of the page's part: the two calls the page makes before it draws,
/// timed again once the app is up (warm).
const BACKEND: &str = r#"
const done = arguments[arguments.length - 1];
const invoke = window.__TAURI_INTERNALS__.invoke;
(async () => {
  const t0 = performance.now();
  const state = await invoke('document_state');
  const t1 = performance.now();
  await invoke('map_scene_update', { mapId: state.maps[0].id, knownRevision: null });
  const t2 = performance.now();
  done(`document_state ${(t1 - t0).toFixed(0)} ms, map_scene_update (the whole Scene) ${(t2 - t1).toFixed(0)} ms`);
})().catch((e) => done(String(e)));
"#;

/// The binary to time: `WAYMARK_BIN`, else the one cargo built for this test run.
fn binary() -> PathBuf {
    std::env::var_os("WAYMARK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(waymark_bin)
}

fn epoch_ms(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_secs_f64() * 1000.0
}

/// When the newest process running `exe` started, in ms since the epoch (10 ms steps:
/// `/proc/PID/stat` counts clock ticks since boot, 100 per second on Linux).
fn process_start_ms(exe: &Path) -> Option<(u32, f64)> {
    let exe = exe.canonicalize().ok()?;
    let mut newest: Option<(u32, u64)> = None;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if std::fs::read_link(entry.path().join("exe")).ok().as_deref() != Some(exe.as_path()) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The fields after the command name (which may hold spaces) in parentheses;
        // `starttime` is field 22 of the whole line, the 20th after the name.
        let after_name = &stat[stat.rfind(')')? + 2..];
        let ticks: u64 = after_name.split(' ').nth(19)?.parse().ok()?;
        if newest.is_none_or(|(_, t)| ticks > t) {
            newest = Some((pid, ticks));
        }
    }
    let (pid, ticks) = newest?;
    let now = epoch_ms(SystemTime::now());
    let uptime_s: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    let age_ms = uptime_s * 1000.0 - ticks as f64 * 10.0;
    Some((pid, now - age_ms))
}

#[test]
#[ignore = "benchmark: run with --ignored on a release build"]
fn bench_cold_start_to_first_paint() {
    let bin = binary();
    assert!(bin.exists(), "no binary at {}", bin.display());
    let size = std::fs::metadata(&bin).unwrap().len();
    println!("binary: {} ({size} bytes)", bin.display());

    let desktop = Desktop::as_shipped();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.waymark");
    let out = std::process::Command::new(&bin)
        .arg("new")
        .arg(&file)
        .args(["--template", "nonprofit-supporter"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut to_paint = Vec::new();
    for run in 1..=RUNS {
        let requested = epoch_ms(SystemTime::now());
        let session = Session::start(&desktop.driver.url, &bin, &[file.to_str().unwrap()]);
        let (pid, started) = process_start_ms(&bin).expect("the app's process in /proc");
        let marks = wait_for(Duration::from_secs(60), "the first paint mark", || {
            let v = session.execute(
                "const m = performance.getEntriesByName('waymark:first-paint')[0]; return m ? [performance.timeOrigin, m.startTime] : null;",
                json!([]),
            );
            Some((v.get(0)?.as_f64()?, v.get(1)?.as_f64()?))
        });
        let (origin, paint) = marks;
        let painted = origin + paint;
        let cards = session.find_all("[data-testid=card]").len();
        assert!(cards > 0, "the sample map shows no cards");
        println!(
            "run {run}: process → first paint {:.0} ms (process → page start {:.0} ms, page start → first paint {paint:.0} ms); request → first paint {:.0} ms; pid {pid}, {cards} cards",
            painted - started,
            origin - started,
            painted - requested,
        );
        if run == RUNS {
            let breakdown = session.execute(BREAKDOWN, json!([]));
            println!("  page (ms): {}", breakdown.as_str().unwrap_or(""));
            let backend = session.execute_async(BACKEND, json!([]));
            println!("  backend, warm: {}", backend.as_str().unwrap_or(""));
        }
        to_paint.push(painted - started);
        session.end();
        // Let the process go before the next run (its window-state is saved on exit).
        std::thread::sleep(Duration::from_millis(500));
    }
    to_paint.sort_by(f64::total_cmp);
    println!(
        "process → first paint over {RUNS} runs: min {:.0} ms, median {:.0} ms, max {:.0} ms",
        to_paint[0],
        to_paint[RUNS / 2],
        to_paint[RUNS - 1]
    );
}
