//! Cold start of the app as installed: from the moment the process starts to the first
//! painted map (the page's `waymark:first-paint` mark) on the sample document, a few
//! times in a row. A benchmark, not a test: it is `#[ignore]`d, prints figures and
//! asserts only that the map was painted. Run it on the release binary, or on the one a
//! package installs (see docs/BENCHMARKS.md):
//! `cargo test --release --test tests e2e::bench_start -- --ignored --nocapture`, with
//! `WAYMARK_BIN=/usr/bin/waymark` (or the binary extracted from the .deb) to time that one.
//!
//! `WAYMARK_BENCH_RUNS` sets the number of launches (5 by default). `WAYMARK_BIN_B` names
//! a second binary (or a script that `exec`s one, e.g. with an environment variable set)
//! to compare with: the two then take turns, launch by launch, so the machine's load falls
//! on both alike, and the medians of each and their ratio are printed.
//!
//! The app is started by tauri-driver (WebKitWebDriver), which is the only way to read the
//! page's performance marks; the process's own start time is read from `/proc`, so the
//! driver's part (session set-up, spawning) is not counted in "process → paint" but is in
//! "request → paint".

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;

use super::bench_scale::cpu_ms;
use super::webdriver::{wait_for, Session};
use super::Desktop;
use crate::common::waymark_bin;

/// Launches per binary unless `WAYMARK_BENCH_RUNS` says otherwise.
const RUNS: usize = 5;

/// Where the page's part went: the navigation's milestones, the page's own marks (the
/// bundle has run, the app is mounted, the document state and the first Scene have come)
/// and every resource the page loaded that WebKit times, in ms from page start.
const BREAKDOWN: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const ms = (t) => t.toFixed(0);
const res = performance.getEntriesByType('resource')
  .map((r) => `${r.name.replace(/^[a-z]+:\/\/localhost\//, '').replace(/^assets\//, '')} ${ms(r.startTime)}→${ms(r.responseEnd)}`);
const marks = performance.getEntriesByType('mark')
  .filter((m) => m.name.startsWith('waymark:'))
  .map((m) => `${m.name.slice(8)} ${ms(m.startTime)}`);
return `response ${nav ? ms(nav.responseEnd) : '?'}, DOMContentLoaded ${nav ? ms(nav.domContentLoadedEventEnd) : '?'}, load ${nav ? ms(nav.loadEventEnd) : '?'}; marks: ${marks.join(', ')}; ` + res.join(', ');
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

/// When the newest process whose command line names `file` (the app's, its launcher
/// script's before it `exec`s the app) started, in ms since the epoch (10 ms steps:
/// `/proc/PID/stat` counts clock ticks since boot, 100 per second on Linux).
fn process_start_ms(file: &Path) -> Option<(u32, f64)> {
    let file = file.as_os_str().as_encoded_bytes();
    let mut newest: Option<(u32, u64)> = None;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if !cmdline.split(|b| *b == 0).any(|arg| arg == file) {
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

/// min / median / max of some launches, in ms.
fn summary(times: &[f64]) -> (f64, f64, f64) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    (sorted[0], median, sorted[n - 1])
}

#[test]
#[ignore = "benchmark: run with --ignored on a release build"]
fn bench_cold_start_to_first_paint() {
    let mut binaries = vec![("A", binary())];
    if let Some(b) = std::env::var_os("WAYMARK_BIN_B") {
        binaries.push(("B", PathBuf::from(b)));
    }
    for (name, bin) in &binaries {
        assert!(bin.exists(), "no binary at {}", bin.display());
        let size = std::fs::metadata(bin).unwrap().len();
        println!("binary {name}: {} ({size} bytes)", bin.display());
    }
    let runs: usize = std::env::var("WAYMARK_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(RUNS);

    let desktop = Desktop::as_shipped();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.waymark");
    let out = std::process::Command::new(&binaries[0].1)
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

    let mut to_paint = vec![Vec::new(); binaries.len()];
    let mut cpu_used = vec![Vec::new(); binaries.len()];
    for run in 1..=runs {
        for (which, (name, bin)) in binaries.iter().enumerate() {
            let requested = epoch_ms(SystemTime::now());
            let session = Session::start(&desktop.driver.url, bin, &[file.to_str().unwrap()]);
            let (pid, started) = process_start_ms(&file).expect("the app's process in /proc");
            let marks = wait_for(Duration::from_secs(60), "the first paint mark", || {
                let v = session.execute(
                    "const m = performance.getEntriesByName('waymark:first-paint')[0]; return m ? [performance.timeOrigin, m.startTime] : null;",
                    json!([]),
                );
                Some((v.get(0)?.as_f64()?, v.get(1)?.as_f64()?))
            });
            let (origin, paint) = marks;
            let painted = origin + paint;
            let cpu = cpu_ms(pid);
            let cards = session.find_all("[data-testid=card]").len();
            assert!(cards > 0, "the sample map shows no cards");
            println!(
                "run {run}{name}: process → first paint {:.0} ms (process → page start {:.0} ms, page start → first paint {paint:.0} ms); request → first paint {:.0} ms; CPU {cpu:.0} ms; pid {pid}, {cards} cards",
                painted - started,
                origin - started,
                painted - requested,
            );
            let breakdown = session.execute(BREAKDOWN, json!([]));
            println!("  page (ms): {}", breakdown.as_str().unwrap_or(""));
            if run == runs {
                let backend = session.execute_async(BACKEND, json!([]));
                println!("  backend, warm: {}", backend.as_str().unwrap_or(""));
            }
            to_paint[which].push(painted - started);
            cpu_used[which].push(cpu);
            session.end();
            // Let the process go before the next run (its window-state is saved on exit).
            std::thread::sleep(Duration::from_millis(500));
        }
    }
    let mut medians = Vec::new();
    let mut cpu_medians = Vec::new();
    for (((name, _), times), cpu) in binaries.iter().zip(&to_paint).zip(&cpu_used) {
        let (min, median, max) = summary(times);
        let (_, cpu_median, _) = summary(cpu);
        println!(
            "{name}: process → first paint over {runs} runs: min {min:.0} ms, median {median:.0} ms, max {max:.0} ms; CPU until then: median {cpu_median:.0} ms"
        );
        medians.push(median);
        cpu_medians.push(cpu_median);
    }
    if let ([a, b], [cpu_a, cpu_b]) = (&medians[..], &cpu_medians[..]) {
        println!(
            "B / A (medians): first paint {:.3}, CPU {:.3}",
            b / a,
            cpu_b / cpu_a
        );
    }
}
