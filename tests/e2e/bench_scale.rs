//! The app at scale, in the real window: generated documents of 1k, 10k and 100k cards
//! (20 stages × 10 lanes, `waymark generate`) and one file of 100 maps × 100 cards. For
//! each: the cold start to the first painted map (the page's `waymark:scene` and
//! `waymark:first-paint` marks against the process's start in `/proc`), the memory (PSS
//! from `/proc/PID/smaps_rollup`, summed over the app and its WebKit processes) once the
//! map is painted, after the edits, after Save As and at the end, durable edits made with
//! the keyboard (Alt+→ / Alt+← on a selected card, timed from the key to the new revision
//! on the canvas, each checked in the file with sqlite3), undo (Ctrl+Z), File › Save As,
//! and PNG and PDF export through the Export dialog and the native Save dialog (an export
//! the app refuses is noted and the next one tried; one unfinished after 3 minutes is
//! noted, and the document's session ends there). A benchmark, not a test:
//! `#[ignore]`d, it prints figures and asserts only that the work happened
//! (docs/BENCHMARKS.md, "The app at scale"). Run it with `scripts/bench-scale`, which
//! builds what it needs.
//!
//! `WAYMARK_BIN` names the binary (the release build; default: the one cargo built for the
//! tests). `WAYMARK_BENCH_SIZES` picks documents (`1000,10000,100000,maps`, the default),
//! `WAYMARK_BENCH_EDITS` the edits per document (30; a third of that at 100k cards),
//! `WAYMARK_BENCH_RUNS` the cold starts per document (1). The Save dialogs are answered
//! with xdotool; the time of an export or a Save As runs from the Return that accepts the
//! dialog to the page showing the result.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;

use super::webdriver::{wait_for, Session, CONTROL};
use super::xdo::{find_titled_window, focus, xdotool};
use super::{screenshots_dir, wait_until_released, Desktop};
use crate::common::{sqlite3, waymark_bin};

const ALT: &str = "\u{E00A}";
const LEFT: &str = "\u{E012}";
const RIGHT: &str = "\u{E014}";

/// How long one step may take at 100k cards before the bench gives up on it.
const SLOW: Duration = Duration::from_secs(600);

/// How long an export may take before the bench notes it as unfinished and moves on.
const EXPORT_WAIT: Duration = Duration::from_secs(180);

/// The title of the Export dialog's native Save dialog, and of File › Save As's (GTK's).
const EXPORT_TITLE: &str = "Export map";
const SAVE_AS_TITLE: &str = "Save File";

fn binary() -> PathBuf {
    std::env::var_os("WAYMARK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(waymark_bin)
}

fn env_number(name: &str) -> Option<usize> {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
}

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

/// Every process: (pid, parent, name, utime + stime ticks, start ticks since boot).
fn processes() -> Vec<(u32, u32, String, u64, u64)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = stat[open + 1..close].to_string();
        // After the name: state, ppid (2nd), … utime, stime (12th, 13th), starttime (20th).
        let fields: Vec<&str> = stat[close + 2..].split(' ').collect();
        let num = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        out.push((pid, num(1) as u32, name, num(11) + num(12), num(19)));
    }
    out
}

/// The newest process whose command line names `file` (the app's), and when it started,
/// in ms since the epoch (10 ms steps: clock ticks since boot).
fn app_process(file: &Path) -> Option<(u32, f64)> {
    let file = file.as_os_str().as_encoded_bytes();
    let newest = processes()
        .into_iter()
        .filter(|(pid, ..)| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| c.split(|b| *b == 0).any(|arg| arg == file))
        })
        .max_by_key(|p| p.4)?;
    let uptime_s: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    Some((
        newest.0,
        epoch_ms() - (uptime_s * 1000.0 - newest.4 as f64 * 10.0),
    ))
}

/// The app and every process it started (WebKit's web and network processes).
fn family(pid: u32) -> Vec<(u32, String, u64)> {
    let all = processes();
    let mut ids = vec![pid];
    let mut i = 0;
    while i < ids.len() {
        let parent = ids[i];
        ids.extend(all.iter().filter(|p| p.1 == parent).map(|p| p.0));
        i += 1;
    }
    all.into_iter()
        .filter(|p| ids.contains(&p.0))
        .map(|p| (p.0, p.2, p.3))
        .collect()
}

/// CPU time (user + system, ms, 10 ms steps) the app and its WebKit processes have used
/// so far: what the work cost the machine, which the load of a shared machine changes
/// less than the wall time (also the cold-start bench's).
pub(super) fn cpu_ms(pid: u32) -> f64 {
    family(pid).iter().map(|p| p.2).sum::<u64>() as f64 * 10.0
}

/// Proportional set size (MB) of each process of the app's family, by process name, and
/// the sum: shared libraries count once across the family, split between its members.
fn pss_mb(pid: u32) -> (f64, String) {
    let mut by_name: HashMap<String, f64> = HashMap::new();
    for (p, name, _) in family(pid) {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")) else {
            continue;
        };
        let kb: f64 = rollup
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0.0);
        *by_name.entry(name).or_default() += kb / 1024.0;
    }
    let total: f64 = by_name.values().sum();
    let mut parts: Vec<_> = by_name.into_iter().collect();
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    let parts = parts
        .iter()
        .map(|(n, mb)| format!("{n} {mb:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    (total, parts)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// `count` maps of 100 cards each in one document (ids made unique per map), as the
/// criterion benchmark makes it.
fn hundred_maps_file(path: &Path) {
    use waymark_model::{generate_maps, GenerateSpec};
    let spec = GenerateSpec {
        stages: 20,
        lanes: 10,
        cards: 100,
        seed: 1,
    };
    waymark_store::Store::create(path, &generate_maps(spec, 100)).expect("the 100-map file");
}

fn generated_file(dir: &Path, what: &str) -> PathBuf {
    let file = dir.join(format!("scale-{what}.waymark"));
    if what == "maps" {
        hundred_maps_file(&file);
        return file;
    }
    let out = std::process::Command::new(binary())
        .args(["generate".as_ref(), file.as_os_str()])
        .args(["--stages", "20", "--lanes", "10", "--cards", what])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    file
}

/// Times the next change of the canvas's revision: from the next key (not a modifier) to
/// the revision on the canvas (the backend has answered: the store has committed), and to
/// the frame after; and the backend calls made meanwhile (start → answered).
const ARM: &str = r#"
const svg = document.querySelector('[data-testid=canvas]');
const rev = svg.dataset.revision;
const m = { t0: null, drawn: null, painted: null, calls: [] };
window.__m = m;
if (!window.__fetchWrapped) {
  window.__fetchWrapped = true;
  const inner = window.fetch;
  window.fetch = (input, init) => {
    const entry = { url: String(input.url ?? input), start: performance.now(), end: null };
    window.__m.calls.push(entry);
    const answer = inner(input, init);
    answer.then((r) => r.clone().arrayBuffer()).then(() => { entry.end = performance.now(); }, () => {});
    return answer;
  };
}
const key = (e) => {
  if (['Alt', 'Control', 'Shift', 'Meta'].includes(e.key)) return;
  removeEventListener('keydown', key, true);
  m.t0 = performance.now();
};
addEventListener('keydown', key, true);
const mo = new MutationObserver(() => {
  if (svg.dataset.revision !== rev) {
    mo.disconnect();
    m.drawn = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { m.painted = performance.now(); }));
  }
});
mo.observe(svg, { attributes: true, attributeFilter: ['data-revision'] });
"#;

/// The timing `ARM` took: key → revision on the canvas, key → painted, and the backend's
/// edit/undo call (ms), once painted.
fn armed_result(session: &Session) -> (f64, f64, f64) {
    let v = wait_for(SLOW, "the new revision painted", || {
        let v = session.execute(
            "const m = window.__m; if (m.painted === null) return null;\
             const c = m.calls.filter((c) => /apply_edit|undo|redo/.test(c.url) && c.end !== null)[0];\
             return [m.drawn - m.t0, m.painted - m.t0, c ? c.end - c.start : -1];",
            json!([]),
        );
        (!v.is_null()).then_some(v)
    });
    let f = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    (f(0), f(1), f(2))
}

/// Answers the native Save dialog titled `title` by typing `path` and pressing Return, as
/// `export::answer_file_dialog` does; answers when (ms since the epoch) the Return that
/// closed it was pressed.
fn answer_save_dialog(display: &str, title: &str, path: &Path) -> f64 {
    let path = path.to_str().unwrap();
    let open = || find_titled_window(display, title).is_some();
    for _ in 0..4 {
        let window = wait_for(SLOW, &format!("the window {title:?}"), || {
            find_titled_window(display, title)
        });
        focus(display, &window);
        xdotool(display, &["key", "--clearmodifiers", "ctrl+a"]);
        assert!(xdotool(display, &["type", "--delay", "20", path])
            .status
            .success());
        for _ in 0..2 {
            let pressed = epoch_ms();
            assert!(xdotool(display, &["key", "Return"]).status.success());
            for _ in 0..20 {
                std::thread::sleep(Duration::from_millis(100));
                if !open() {
                    return pressed;
                }
            }
        }
    }
    panic!("the dialog {title:?} did not accept {path}");
}

/// What the Export dialog says, on one line.
fn dialog_text(s: &Session) -> String {
    let v = s.execute(
        "return document.querySelector('[data-testid=export-dialog]')?.innerText ?? '';",
        json!([]),
    );
    v.as_str().unwrap_or("").replace('\n', " / ")
}

fn click(s: &Session, css: &str) {
    let e = wait_for(SLOW, css, || s.find_all(css).into_iter().next());
    s.click(&e);
}

/// Ctrl+E, the format, Export, the Save dialog answered with `out`; answers the time
/// (ms) from the Return in the dialog to "Saved" in the Export dialog, and the CPU the
/// app's processes used meanwhile.
fn export(
    s: &Session,
    display: &str,
    pid: u32,
    format: &str,
    out: &Path,
) -> Result<(f64, f64), String> {
    s.chord(CONTROL, "e");
    click(s, &format!("[data-testid=export-format-{format}]"));
    let waited = std::time::Instant::now();
    let start = loop {
        let button = s.find_all("[data-testid=export-start]").into_iter().next();
        if let Some(b) = button.filter(|b| s.attribute(b, "disabled").is_none()) {
            break b;
        }
        if waited.elapsed() > Duration::from_secs(30) {
            let shown = dialog_text(s);
            click(s, "[data-testid=export-cancel]");
            return Err(format!("Export stays disabled; the dialog shows: {shown}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    s.execute(
        "window.__saved = null; window.__exportError = null; const iv = setInterval(() => {\
           const e = document.querySelector('[data-testid=export-status]');\
           if (e && e.textContent.includes('Saved')) { window.__saved = performance.timeOrigin + performance.now(); clearInterval(iv); }\
           const m = document.querySelector('[data-testid=export-message].error');\
           if (m) { window.__exportError = [performance.timeOrigin + performance.now(), m.textContent.trim()]; clearInterval(iv); }\
         }, 5);",
        json!([]),
    );
    s.click(&start);
    let cpu_before = cpu_ms(pid);
    let pressed = answer_save_dialog(display, EXPORT_TITLE, out);
    let waited = std::time::Instant::now();
    let saved = loop {
        if let Some(t) = s.execute("return window.__saved;", json!([])).as_f64() {
            break t;
        }
        let failed = s.execute("return window.__exportError;", json!([]));
        if let (Some(t), Some(why)) = (failed[0].as_f64(), failed[1].as_str()) {
            let why = format!("refused {:.0} ms after the dialog: {why}", t - pressed);
            click(s, "[data-testid=export-cancel]");
            return Err(why);
        }
        if waited.elapsed() > EXPORT_WAIT {
            let shown = dialog_text(s);
            return Err(format!(
                "not saved {} s after the dialog (CPU {:.0} ms meanwhile); the Export dialog showed: {}",
                EXPORT_WAIT.as_secs(),
                cpu_ms(pid) - cpu_before,
                shown
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let cpu = cpu_ms(pid) - cpu_before;
    let head = std::fs::read(out).unwrap();
    let magic: &[u8] = if format == "png" { b"\x89PNG" } else { b"%PDF" };
    assert!(head.starts_with(magic), "{} is no {format}", out.display());
    click(s, "[data-testid=export-done]");
    Ok((saved - pressed, cpu))
}

/// One document's figures, printed as they come and kept for the summary.
#[derive(Default)]
struct Figures {
    rows: Vec<(String, String)>,
}

impl Figures {
    fn add(&mut self, what: &str, value: String) {
        println!("  {what}: {value}");
        self.rows.push((what.to_string(), value));
    }
}

fn bench_document(desktop: &Desktop, dir: &Path, what: &str) -> Figures {
    let bin = binary();
    let mut figures = Figures::default();
    let made = std::time::Instant::now();
    let file = generated_file(dir, what);
    println!(
        "{what}: {} ({} bytes, made in {:.1} s)",
        file.display(),
        std::fs::metadata(&file).unwrap().len(),
        made.elapsed().as_secs_f64()
    );
    let runs = env_number("WAYMARK_BENCH_RUNS").unwrap_or(1);
    let big = what == "100000";
    let edits = env_number("WAYMARK_BENCH_EDITS").unwrap_or(30);
    let edits = if big { edits.div_ceil(3) } else { edits };

    for run in 1..=runs {
        let session = Session::start(&desktop.driver.url, &bin, &[file.to_str().unwrap()]);
        let (pid, started) = app_process(&file).expect("the app's process in /proc");
        let marks = wait_for(SLOW, "the first paint mark", || {
            let v = session.execute(
                "const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;\
                 const p = m('waymark:first-paint'); return p === null ? null : [performance.timeOrigin, m('waymark:scene'), p];",
                json!([]),
            );
            Some((
                v.get(0)?.as_f64()?,
                v.get(1)?.as_f64()?,
                v.get(2)?.as_f64()?,
            ))
        });
        let (origin, scene, paint) = marks;
        let cpu = cpu_ms(pid);
        let in_dom = session.find_all("[data-testid=card]").len();
        assert!(in_dom > 0, "the map shows no cards");
        figures.add(
            &format!("cold start {run}"),
            format!(
                "process → Scene on the page {:.0} ms, → first paint {:.0} ms (page start {:.0} ms); CPU {cpu:.0} ms; {in_dom} cards in the DOM",
                origin + scene - started,
                origin + paint - started,
                origin - started
            ),
        );
        // What a person leaves open: the painted map, settled.
        std::thread::sleep(Duration::from_secs(3));
        let (pss, parts) = pss_mb(pid);
        figures.add(
            &format!("PSS, map painted {run}"),
            format!("{pss:.0} MB ({parts})"),
        );
        if run < runs {
            session.end();
            wait_until_released(&file);
            continue;
        }

        let shot = screenshots_dir().join(format!("bench-scale-{what}.png"));
        let grabbed = std::process::Command::new("import")
            .args(["-display", &desktop.display, "-window", "root"])
            .arg(&shot)
            .output();
        if grabbed.is_ok_and(|o| o.status.success()) {
            println!("  screenshot: {}", shot.display());
        }

        // A card in the middle of the screen, selected with a click.
        let target = session.execute(
            "const w = innerWidth, h = innerHeight; for (const c of document.querySelectorAll('[data-testid=card]')) { const r = c.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2; if (x > 300 && x < w - 500 && y > 160 && y < h - 120) return [c.dataset.cardId, x, y]; } return null;",
            json!([]),
        );
        let id = target[0].as_str().expect("a card on screen").to_string();
        let at = (target[1].as_f64().unwrap(), target[2].as_f64().unwrap());
        session.click_at(at, None);
        wait_for(SLOW, "the card selected", || {
            session
                .execute(
                    "return document.querySelector(`[data-testid=card][data-card-id=\"${arguments[0]}\"]`)?.getAttribute('aria-selected') === 'true';",
                    json!([id]),
                )
                .as_bool()
                .filter(|s| *s)
        });
        let stage = || {
            sqlite3(
                &file,
                &format!("select stage_id from cards where id = '{id}';"),
            )
            .trim()
            .to_string()
        };

        let mut drawn = Vec::new();
        let mut painted = Vec::new();
        let mut backend = Vec::new();
        let cpu_before = cpu_ms(pid);
        let mut before = stage();
        for i in 0..edits {
            session.execute(ARM, json!([]));
            session.chord(ALT, if i % 2 == 0 { RIGHT } else { LEFT });
            let (d, p, b) = armed_result(&session);
            let after = stage();
            assert_ne!(before, after, "edit {i} did not move {id} in the file");
            before = after;
            drawn.push(d);
            painted.push(p);
            backend.push(b);
        }
        let cpu_edits = (cpu_ms(pid) - cpu_before) / edits as f64;
        let stats = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            format!(
                "p50 {:.0} / p99 {:.0}",
                percentile(v, 0.5),
                percentile(v, 0.99)
            )
        };
        figures.add(
            "edit (Alt+→/←, one card to the next stage)",
            format!(
                "{edits} edits: key → stored and on the canvas {} ms, → painted {} ms; backend call {} ms; CPU {cpu_edits:.0} ms per edit",
                stats(&mut drawn),
                stats(&mut painted),
                stats(&mut backend)
            ),
        );

        let (pss, parts) = pss_mb(pid);
        figures.add("PSS after the edits", format!("{pss:.0} MB ({parts})"));

        let undos = edits.min(5);
        let mut undone = Vec::new();
        let mut undo_painted = Vec::new();
        let mut undo_backend = Vec::new();
        for _ in 0..undos {
            session.execute(ARM, json!([]));
            session.chord(CONTROL, "z");
            let (d, p, b) = armed_result(&session);
            undone.push(d);
            undo_painted.push(p);
            undo_backend.push(b);
        }
        // An even number of edits leaves the card where it was after an even number of undos.
        let back = stage();
        assert!(!back.is_empty(), "the card is gone from the file");
        figures.add(
            "undo (Ctrl+Z)",
            format!(
                "{undos} undos: key → stored and on the canvas {} ms, → painted {} ms; backend call {} ms",
                stats(&mut undone),
                stats(&mut undo_painted),
                stats(&mut undo_backend)
            ),
        );

        // File › Save As… (Ctrl+Shift+S, the native menu's accelerator, so a real key).
        let copy = dir.join(format!("{what} copy.waymark"));
        session.execute(
            "window.__savedAs = null; const iv = setInterval(() => {\
               const n = document.querySelector('[data-testid=document-name]');\
               if (n && n.textContent.includes(' copy')) { window.__savedAs = performance.timeOrigin + performance.now(); clearInterval(iv); }\
             }, 5);",
            json!([]),
        );
        let main = super::xdo::main_window(&desktop.display);
        focus(&desktop.display, &main);
        xdotool(
            &desktop.display,
            &["key", "--clearmodifiers", "ctrl+shift+s"],
        );
        let cpu_before = cpu_ms(pid);
        let pressed = answer_save_dialog(&desktop.display, SAVE_AS_TITLE, &copy);
        let shown = wait_for(SLOW, "the copy open in the window", || {
            session
                .execute("return window.__savedAs;", json!([]))
                .as_f64()
        });
        let cpu = cpu_ms(pid) - cpu_before;
        let cards = |f: &Path| sqlite3(f, "select count(*) from cards;").trim().to_string();
        assert_eq!(cards(&copy), cards(&file), "the copy holds every card");
        figures.add(
            "save as",
            format!(
                "{:.0} ms from the dialog's Return to the copy open in the window ({} bytes); CPU {cpu:.0} ms",
                shown - pressed,
                std::fs::metadata(&copy).unwrap().len()
            ),
        );

        let (pss, parts) = pss_mb(pid);
        figures.add("PSS after Save As", format!("{pss:.0} MB ({parts})"));

        for format in ["png", "pdf"] {
            let out = dir.join(format!("{what}.{format}"));
            match export(&session, &desktop.display, pid, format, &out) {
                Ok((ms, cpu)) => figures.add(
                    &format!("export {}", format.to_uppercase()),
                    format!(
                        "{ms:.0} ms from the dialog's Return to \"Saved\" ({} bytes); CPU {cpu:.0} ms",
                        std::fs::metadata(&out).unwrap().len()
                    ),
                ),
                Err(why) => {
                    // A refusal closes the dialog; an export still running ends the session.
                    let refused = why.starts_with("refused");
                    figures.add(&format!("export {}", format.to_uppercase()), why);
                    if !refused {
                        break;
                    }
                }
            }
        }

        let (pss, parts) = pss_mb(pid);
        figures.add("PSS at the end", format!("{pss:.0} MB ({parts})"));
        session.end();
        wait_until_released(&copy);
    }
    figures
}

#[test]
#[ignore = "benchmark: run scripts/bench-scale"]
fn bench_the_app_at_scale() {
    let bin = binary();
    assert!(bin.exists(), "no binary at {}", bin.display());
    println!("binary: {}", bin.display());
    let sizes = std::env::var("WAYMARK_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000,maps".to_string());
    let desktop = Desktop::as_shipped();
    let dir = tempfile::tempdir().unwrap();
    let mut all = Vec::new();
    for what in sizes.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        all.push((what.to_string(), bench_document(&desktop, dir.path(), what)));
    }
    println!("\nsummary");
    for (what, figures) in &all {
        for (row, value) in &figures.rows {
            println!("{what} | {row} | {value}");
        }
    }
}
