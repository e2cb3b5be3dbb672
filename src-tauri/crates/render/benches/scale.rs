//! The scale goals (issue "Prove it holds"): generated documents of 1k, 10k and 100k
//! cards (20 stages × 10 lanes, `waymark generate`'s generator) and one file of 100 maps ×
//! 100 cards, as real `.waymark` files in a temporary folder, made once per run.
//!
//! - open: file → Document (`Store::open`: checks, loads, rebuilds by the model's rules)
//! - layout: Document → Scene with a new `Layouter` (what the first paint waits for)
//! - file → Scene: the two together
//! - relayout after a one-card edit: a warm `Layouter`, one card's title changed
//! - edit: one durable `MoveCard` through the store (one fsync'd transaction)
//! - undo: the same edit undone
//! - save-as: the whole file copied (SQLite's backup API, synced)
//!
//! Criterion reports means and medians; the edit's and undo's p50 / p99 (the goal is a
//! p99) are printed first from a plain loop of single timings. Run with
//! `cargo bench -p waymark-render --bench scale` (results in docs/BENCHMARKS.md).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use waymark_model::{generate, Document, Edit, GenerateSpec};
use waymark_render::Layouter;
use waymark_store::Store;

const SIZES: [u32; 3] = [1_000, 10_000, 100_000];

fn generated(cards: u32) -> Document {
    generate(GenerateSpec {
        stages: 20,
        lanes: 10,
        cards,
        seed: 1,
    })
}

/// `count` maps of `cards` cards each in one document (ids made unique per map).
fn many_maps(count: usize, cards: u32) -> Document {
    let spec = GenerateSpec {
        stages: 20,
        lanes: 10,
        cards,
        seed: 1,
    };
    waymark_model::generate_maps(spec, count)
}

struct Files {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    /// (cards, file) for each of `SIZES`.
    sizes: Vec<(u32, PathBuf)>,
    maps100: PathBuf,
}

fn files() -> Files {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().to_path_buf();
    let sizes = SIZES
        .iter()
        .map(|&n| {
            let file = path.join(format!("g{n}.waymark"));
            Store::create(&file, &generated(n)).expect("the generated file");
            (n, file)
        })
        .collect();
    let maps100 = path.join("maps100.waymark");
    Store::create(&maps100, &many_maps(100, 100)).expect("the 100-map file");
    Files {
        _dir: dir,
        dir: path,
        sizes,
        maps100,
    }
}

/// The i-th move of a run: cards and stages taken in a fixed stride.
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

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

/// p50 / p99 of single edits and undos, from a plain loop: criterion gives no p99.
fn print_edit_percentiles(files: &Files) {
    for (cards, file) in &files.sizes {
        let copy = files.dir.join(format!("edits-{cards}.waymark"));
        std::fs::copy(file, &copy).unwrap();
        let mut store = Store::open(&copy).unwrap();
        let runs = if *cards >= 100_000 { 50 } else { 200 };
        let (mut edits, mut undos) = (Vec::new(), Vec::new());
        for i in 0..runs {
            let edit = a_move(store.document(), i);
            let t = Instant::now();
            store.apply(&edit).unwrap();
            edits.push(t.elapsed());
            let t = Instant::now();
            store.undo().unwrap().expect("an edit to undo");
            undos.push(t.elapsed());
        }
        let (e50, e99) = percentiles(edits);
        let (u50, u99) = percentiles(undos);
        println!(
            "{cards} cards, {runs} runs: edit (MoveCard) p50 {e50:.2?} p99 {e99:.2?}; \
             undo p50 {u50:.2?} p99 {u99:.2?}"
        );
    }
}

fn benches(c: &mut Criterion, files: &Files) {
    let mut open = c.benchmark_group("open");
    for (cards, file) in &files.sizes {
        open.bench_with_input(
            BenchmarkId::new("file → Document", cards),
            file,
            |b, f| b.iter(|| Store::open(f).unwrap()),
        );
    }
    open.bench_function("file → Document/100 maps × 100 cards", |b| {
        b.iter(|| Store::open(&files.maps100).unwrap())
    });
    open.finish();

    let mut layout = c.benchmark_group("layout");
    for (cards, file) in &files.sizes {
        let doc = Store::read(file).unwrap();
        let map_id = doc.maps[0].id.clone();
        layout.bench_with_input(
            BenchmarkId::new("Document → Scene, new Layouter", cards),
            &doc,
            |b, doc| b.iter(|| Layouter::new().layout(doc, &map_id).unwrap()),
        );
        layout.bench_with_input(BenchmarkId::new("file → Scene", cards), file, |b, f| {
            b.iter(|| {
                let store = Store::open(f).unwrap();
                Layouter::new().layout(store.document(), &map_id).unwrap()
            })
        });
        // Two versions of the map, one card's title apart, laid out in turn by one
        // Layouter: each layout follows a one-card edit.
        let mut edited = doc.clone();
        let card = &mut edited.maps[0].cards[doc.maps[0].cards.len() / 2];
        card.title.push_str(" (edited)");
        let versions = [doc, edited];
        let mut layouter = Layouter::new();
        layouter.layout(&versions[0], &map_id).unwrap();
        let mut turn = 0;
        layout.bench_function(
            BenchmarkId::new("relayout after a one-card edit", cards),
            |b| {
                b.iter(|| {
                    turn += 1;
                    layouter.layout(&versions[turn % 2], &map_id).unwrap()
                })
            },
        );
    }
    layout.finish();

    let mut edit = c.benchmark_group("edit");
    for (cards, file) in &files.sizes {
        let copy = files.dir.join(format!("bench-{cards}.waymark"));
        std::fs::copy(file, &copy).unwrap();
        let mut store = Store::open(&copy).unwrap();
        let mut i = 0;
        edit.bench_function(BenchmarkId::new("durable MoveCard", cards), |b| {
            b.iter(|| {
                i += 1;
                let e = a_move(store.document(), i);
                store.apply(&e).unwrap()
            })
        });
        edit.bench_function(BenchmarkId::new("undo", cards), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    i += 1;
                    let e = a_move(store.document(), i);
                    store.apply(&e).unwrap();
                    let t = Instant::now();
                    store.undo().unwrap().expect("an edit to undo");
                    total += t.elapsed();
                }
                total
            })
        });
        let dest = files.dir.join(format!("saved-{cards}.waymark"));
        edit.bench_function(BenchmarkId::new("save-as", cards), |b| {
            b.iter(|| store.save_as(&dest).unwrap())
        });
    }
    edit.finish();
}

fn main() {
    let t = Instant::now();
    let files = files();
    println!(
        "generated {} files in {:.1?} ({})",
        files.sizes.len() + 1,
        t.elapsed(),
        files.dir.display()
    );
    print_edit_percentiles(&files);
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benches(&mut c, &files);
    c.final_summary();
}
