//! The canvas editor's speed on a large map, in the real window: time to open and first
//! paint, the frame after cards move, frame times during a drag, and drop-to-repaint. A benchmark, not a test: it
//! is `#[ignore]`d, prints figures and asserts only that the work happened. Run it on a
//! release build (see docs/BENCHMARKS.md):
//! `cargo test --release --test tests bench -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use serde_json::json;

use super::webdriver::{wait_for, Session};
use super::Desktop;
use crate::common::{sqlite3, waymark_bin};

const CARDS: u32 = 2000;

/// Records every animation frame's timestamp, and the time from the next pointer-up to
/// the frame after the canvas shows a new document revision.
const RECORD: &str = r#"
window.__run = (window.__run || 0) + 1; window.__frames = []; window.__drop = null; window.__t0 = Infinity;
const run = window.__run;
const tick = (t) => { if (run !== window.__run) return; window.__frames.push(t); requestAnimationFrame(tick); };
requestAnimationFrame(tick);
window.__calls = [];
if (!window.__fetchWrapped) {
  window.__fetchWrapped = true;
  const inner = window.fetch;
  window.fetch = (input, init) => {
    const entry = { url: String(input.url ?? input), start: performance.now(), end: null };
    window.__calls.push(entry);
    const answer = inner(input, init);
    answer.then((r) => r.clone().arrayBuffer()).then(() => { entry.end = performance.now(); }, () => {});
    return answer;
  };
}
addEventListener('pointerup', () => {
  const t0 = performance.now();
  window.__t0 = t0;
  const svg = document.querySelector('[data-testid=canvas]');
  const rev = svg.dataset.revision;
  const mo = new MutationObserver(() => {
    if (svg.dataset.revision !== rev) {
      mo.disconnect();
      window.__dom = performance.now() - t0;
      requestAnimationFrame(() => { window.__drop = performance.now() - t0; });
    }
  });
  mo.observe(svg, { attributes: true, attributeFilter: ['data-revision'] });
}, { capture: true, once: true });
"#;

/// The backend calls since `RECORD` (start → answered, ms from the pointer-up) and when
/// the canvas showed the new revision.
const CALLS: &str = r#"
const t0 = window.__t0;
const ms = (t) => (t === null ? '…' : (t - t0).toFixed(0));
return window.__calls
  .filter((c) => c.url.startsWith('ipc:'))
  .map((c) => `${c.url.replace(/^ipc:\/\/localhost\//, '')} ${ms(c.start)}→${ms(c.end)}`)
  .join(', ') + `; DOM +${window.__dom.toFixed(0)}`;
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The sorted times between the animation frames recorded since `RECORD` up to the
/// pointer-up (the drop's frames are timed on their own); stops recording.
fn frame_times(session: &Session) -> Vec<f64> {
    let frames: Vec<f64> = serde_json::from_value(session.execute(
        "window.__run += 1; return window.__frames.filter((t) => t <= window.__t0);",
        json!([]),
    ))
    .unwrap();
    let mut deltas: Vec<f64> = frames.windows(2).map(|w| w[1] - w[0]).collect();
    deltas.sort_by(f64::total_cmp);
    deltas
}

#[test]
#[ignore = "benchmark: run with --ignored on a release build"]
fn bench_editor_on_a_2000_card_map() {
    let desktop = Desktop::as_shipped();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.waymark");
    let out = std::process::Command::new(waymark_bin())
        .args([
            "generate".as_ref(),
            file.as_os_str(),
            "--stages".as_ref(),
            "20".as_ref(),
            "--lanes".as_ref(),
            "10".as_ref(),
        ])
        .args(["--cards", &CARDS.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let started = Instant::now();
    let session = Session::start(
        &desktop.driver.url,
        &waymark_bin(),
        &[file.to_str().unwrap()],
    );
    let first_paint = wait_for(Duration::from_secs(60), "the first paint mark", || {
        session.execute("const m = performance.getEntriesByName('waymark:first-paint')[0]; return m ? m.startTime : null;", json!([])).as_f64()
    });
    let launch = started.elapsed();
    // Only the cards near the screen are in the DOM; the rest are a scroll away.
    let in_dom = session.find_all("[data-testid=card]").len();
    assert!(
        in_dom > 20 && in_dom < CARDS as usize,
        "{in_dom} cards in the DOM"
    );
    println!(
        "open: {CARDS} cards ({in_dom} near the screen in the DOM); page start → first paint {first_paint:.0} ms; launch (process + page + paint) {:.0} ms",
        launch.as_secs_f64() * 1000.0
    );

    // What one frame costs when cards move: the transform of 1, then of 34 card groups
    // (a drop that shifts a column) is changed, and the next frame is timed.
    for count in [1, 34, 1, 34] {
        let next_frame = session.execute_async(
            r#"const done = arguments[arguments.length - 1];
const cards = [...document.querySelectorAll('[data-testid=card]')].slice(0, arguments[0]);
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  const t0 = performance.now();
  for (const c of cards) {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(c.getAttribute('transform'));
    c.setAttribute('transform', `translate(${+m[1] + 0.5} ${m[2]})`);
  }
  requestAnimationFrame(() => done([cards.length, performance.now() - t0]));
}, 0)));"#,
            json!([count]),
        );
        println!(
            "move {} card groups: next frame after {:.0} ms",
            next_frame[0],
            next_frame[1].as_f64().unwrap_or(f64::NAN)
        );
    }
    // (The half-pixel shifts stay until the next Scene redraws those cards; nothing reads them.)

    // The floor: frame times of this window with nothing happening on the page.
    session.execute(RECORD, json!([]));
    std::thread::sleep(Duration::from_millis(1000));
    let idle = frame_times(&session);
    println!(
        "idle: {} frames in 1 s, frame time p50 {:.1} ms, p95 {:.1} ms",
        idle.len(),
        percentile(&idle, 0.5),
        percentile(&idle, 0.95)
    );

    for run in 1..=3 {
        // The first card whose centre is on screen, dragged one stage to the right.
        let target = session.execute(
            "const w = innerWidth, h = innerHeight; for (const c of document.querySelectorAll('[data-testid=card]')) { const r = c.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2; if (x > 300 && x < w - 500 && y > 120 && y < h - 120) return [c.dataset.cardId, x, y, r.width]; } return null;",
            json!([]),
        );
        let id = target[0].as_str().expect("a card on screen").to_string();
        let (x, y, w) = (
            target[1].as_f64().unwrap(),
            target[2].as_f64().unwrap(),
            target[3].as_f64().unwrap(),
        );
        let stage_before = sqlite3(
            &file,
            &format!("select stage_id from cards where id = '{id}';"),
        );
        session.execute(RECORD, json!([]));
        session.drag((x, y), (x + w * 1.1, y), 60, 16);
        let drop_ms = wait_for(
            Duration::from_secs(30),
            "the repaint after the drop",
            || session.execute("return window.__drop;", json!([])).as_f64(),
        );
        let deltas = frame_times(&session);
        let calls = session.execute(CALLS, json!([]));
        let stage_after = sqlite3(
            &file,
            &format!("select stage_id from cards where id = '{id}';"),
        );
        assert_ne!(stage_before, stage_after, "the drag moved the card");
        println!(
            "drag {run}: {} frames, frame time p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms; drop → repainted {:.0} ms",
            deltas.len(),
            percentile(&deltas, 0.5),
            percentile(&deltas, 0.95),
            deltas.last().copied().unwrap_or(0.0),
            drop_ms
        );
        println!("  after the drop (ms): {}", calls.as_str().unwrap_or(""));
    }
    session.end();
}
