//! Times what `map_scene_update` does after an edit on a generated 2,000-card map (20
//! stages × 10 lanes, like `layout_2000`): a full first layout, a re-layout after a
//! one-card edit with the block cache warm, the diff, and the JSON sent either way. Run with
//! `cargo run --release -p waymark-render --example scene_update_2000 [CARDS]`.

use std::time::{Duration, Instant};

use waymark_model::{generate, Document, GenerateSpec};
use waymark_render::{diff, Layouter, Scene};

/// The median of `runs` timings of `f`, after a first call that is not counted.
fn median<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> (Duration, T) {
    let mut last = f(0);
    let mut times: Vec<Duration> = (1..=runs)
        .map(|i| {
            let t = Instant::now();
            last = f(i);
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], last)
}

fn report(what: &str, layouter: &mut Layouter, old: &Scene, doc: &Document, map_id: &str) {
    let t = Instant::now();
    let new = layouter.layout(doc, map_id).unwrap();
    let relayout = t.elapsed();
    let t = Instant::now();
    let patch = diff(old, &new);
    let diffed = t.elapsed();
    let t = Instant::now();
    let patch_json = serde_json::to_vec(&patch).unwrap();
    let patch_ser = t.elapsed();
    let t = Instant::now();
    let full_json = serde_json::to_vec(&new).unwrap();
    let full_ser = t.elapsed();
    println!(
        "{what}: re-layout (warm cache) {relayout:.2?}, diff {diffed:.2?}; \
         patch JSON {} B ({} cards, {} lanes, {} connectors, {} emotion lines upserted; \
         serialized in {patch_ser:.2?}) vs full Scene JSON {} B (serialized in {full_ser:.2?})",
        patch_json.len(),
        patch.cards.upserted.len(),
        patch.lanes.upserted.len(),
        patch.connectors.upserted.len(),
        patch.emotion_lines.upserted.len(),
        full_json.len(),
    );
}

fn main() {
    let cards = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let mut doc = generate(GenerateSpec {
        stages: 20,
        lanes: 10,
        cards,
        seed: 1,
    });
    let map_id = doc.maps[0].id.clone();

    // (a) A full layout: a new Layouter (cold caches) each time.
    let (cold, scene) = median(5, |_| Layouter::new().layout(&doc, &map_id).unwrap());
    let mut layouter = Layouter::new();
    layouter.layout(&doc, &map_id).unwrap();
    // The same map again with everything cached (no edit).
    let (warm_same, _) = median(9, |_| layouter.layout(&doc, &map_id).unwrap());
    println!(
        "{} cards: full layout, cold Layouter {cold:.2?} (median of 5, Layouter::new included); \
         re-layout of the unchanged map, warm {warm_same:.2?} (median of 9)",
        scene.cards.len()
    );

    // (b) A one-card edit, each run on a fresh title so its text is really shaped.
    let i = doc.maps[0].cards.len() / 2;
    let (warm_edit, _) = median(9, |n| {
        doc.maps[0].cards[i].title = format!("Edited title {n} of a card in the middle");
        layouter.layout(&doc, &map_id).unwrap()
    });
    println!("re-layout after a one-card title edit, warm cache: {warm_edit:.2?} (median of 9)");

    // (c) What is sent: one title edit that keeps the card's height, and a drop that moves
    // a card to another stage (cells change height, so lanes below it move).
    let old = layouter.layout(&doc, &map_id).unwrap();
    let card = &mut doc.maps[0].cards[i];
    card.title = card.title.replacen('E', "e", 1);
    report(
        "title edit (same height)",
        &mut layouter,
        &old,
        &doc,
        &map_id,
    );

    let old = layouter.layout(&doc, &map_id).unwrap();
    let stages: Vec<String> = doc.maps[0].stages.iter().map(|s| s.id.clone()).collect();
    let card = &mut doc.maps[0].cards[i];
    let to = stages
        .iter()
        .find(|s| **s != card.stage_id)
        .unwrap()
        .clone();
    card.stage_id = to;
    waymark_model::canonicalize(&mut doc.maps[0]);
    report(
        "drop into another stage",
        &mut layouter,
        &old,
        &doc,
        &map_id,
    );
}
