//! Times `Store::apply(MoveCard)` and `Store::undo` (one fsync'd transaction each) on
//! generated maps, with the thread's CPU time beside the wall time, and the floor: a
//! one-row transaction on a file of the same size with the store's settings.
//! `cargo run --release -p waymark-store --example edit_latency [CARDS...]`

use std::time::{Duration, Instant};

use rusqlite::Connection;
use waymark_model::{generate, Document, Edit, GenerateSpec};
use waymark_store::Store;

fn main() {
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![1000, 10_000];
    }
    let dir = std::env::temp_dir().join(format!("waymark-edit-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for cards in sizes {
        run(&dir, cards);
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn run(dir: &std::path::Path, cards: usize) {
    let doc = generate(GenerateSpec {
        stages: 20,
        lanes: 10,
        cards: cards as u32,
        seed: 1,
    });
    let path = dir.join(format!("bench-{cards}.waymark"));
    let mut store = Store::create(&path, &doc).unwrap();
    let runs = if cards >= 100_000 { 50 } else { 200 };
    for i in 0..5 {
        store.apply(&a_move(store.document(), i)).unwrap();
        store.undo().unwrap();
    }
    let (mut edits, mut undos) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let edit = a_move(store.document(), i);
        edits.push(timed(|| {
            store.apply(&edit).unwrap();
        }));
        undos.push(timed(|| {
            store.undo().unwrap().expect("an edit to undo");
        }));
    }
    drop(store);
    let floor: Vec<_> = {
        let conn = Connection::open(&path).unwrap();
        conn.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "synchronous", "EXTRA").unwrap();
        (0..runs)
            .map(|i| {
                timed(|| {
                    conn.execute(
                        "UPDATE document_info SET value = ?1 WHERE key = 'revision'",
                        [i.to_string()],
                    )
                    .unwrap();
                })
            })
            .collect()
    };
    println!("{cards} cards, {runs} runs: wall p50 / p99 (CPU p50 / p99)");
    println!("  edit (MoveCard)          {}", summary(edits));
    println!("  undo                     {}", summary(undos));
    println!("  floor: one-row commit    {}", summary(floor));
}

/// The same moves as the scale bench: a card to the top of a cell of another stage.
fn a_move(doc: &Document, i: usize) -> Edit {
    let map = &doc.maps[0];
    let card = &map.cards[i * 37 % map.cards.len()];
    Edit::MoveCard {
        map_id: map.id.clone(),
        card_id: card.id.clone(),
        stage_id: map.stages[i * 7 % map.stages.len()].id.clone(),
        lane_id: card.lane_id.clone(),
        index: 0,
    }
}

/// Wall and thread CPU time of `f`.
fn timed(f: impl FnOnce()) -> (Duration, Duration) {
    let (t, c) = (Instant::now(), cpu());
    f();
    (t.elapsed(), cpu() - c)
}

fn cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn summary(times: Vec<(Duration, Duration)>) -> String {
    let at = |mut v: Vec<Duration>, q: f64| {
        v.sort();
        v[((v.len() - 1) as f64 * q).round() as usize]
    };
    let wall: Vec<_> = times.iter().map(|t| t.0).collect();
    let cpu: Vec<_> = times.iter().map(|t| t.1).collect();
    format!(
        "{:>9.2?} / {:>9.2?}  ({:>9.2?} / {:>9.2?})",
        at(wall.clone(), 0.5),
        at(wall, 0.99),
        at(cpu.clone(), 0.5),
        at(cpu, 0.99)
    )
}
