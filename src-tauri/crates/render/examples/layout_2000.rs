//! Times the layout of a generated 2,000-card map (the same generator as
//! `waymark generate`: 20 stages × 10 lanes). Prints the figures recorded in
//! docs/BENCHMARKS.md. Run with
//! `cargo run --release -p waymark-render --example layout_2000 [CARDS]`.

use std::time::{Duration, Instant};

use waymark_model::{generate, GenerateSpec};
use waymark_render::Layouter;

fn main() {
    let cards = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let doc = generate(GenerateSpec {
        stages: 20,
        lanes: 10,
        cards,
        seed: 1,
    });
    let map_id = doc.maps[0].id.clone();

    let t = Instant::now();
    let mut layouter = Layouter::new();
    let built = t.elapsed();
    let t = Instant::now();
    let scene = layouter.layout(&doc, &map_id).unwrap();
    let first = t.elapsed();
    let mut runs: Vec<Duration> = (0..9)
        .map(|_| {
            let t = Instant::now();
            let again = layouter.layout(&doc, &map_id).unwrap();
            let took = t.elapsed();
            assert_eq!(scene, again, "layout is deterministic");
            took
        })
        .collect();
    runs.sort();
    let json = serde_json::to_vec(&scene).unwrap();
    let lines: usize = scene
        .cards
        .iter()
        .map(|c| c.title.len() + c.body.len())
        .sum();
    println!(
        "{} cards, {} text lines, {} connectors, Scene JSON {} KiB: Layouter::new {:?}, first layout {:?}, \
         next 9 layouts median {:?} (min {:?}, max {:?})",
        scene.cards.len(),
        lines,
        scene.connectors.len(),
        json.len() / 1024,
        built,
        first,
        runs[4],
        runs[0],
        runs[8]
    );
}
