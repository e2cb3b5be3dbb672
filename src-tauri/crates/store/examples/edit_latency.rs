//! Times `Store::apply` (one edit = one transaction) on a generated map.
//! `cargo run --release -p waymark-store --example edit_latency [CARDS]`

use std::time::Instant;

use waymark_model::{generate, Edit, GenerateSpec};
use waymark_store::Store;

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
    let dir = std::env::temp_dir().join(format!("waymark-edit-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bench.waymark");
    let t = Instant::now();
    let mut store = Store::create(&path, &doc).unwrap();
    println!("create: {:?}", t.elapsed());
    let map = doc.maps[0].clone();
    let mut times = Vec::new();
    for i in 0..21 {
        let card = &map.cards[i * 37 % map.cards.len()];
        let stage = &map.stages[(i * 7) % map.stages.len()];
        let edit = Edit::MoveCard {
            map_id: map.id.clone(),
            card_id: card.id.clone(),
            stage_id: stage.id.clone(),
            lane_id: card.lane_id.clone(),
            index: 0,
        };
        let t = Instant::now();
        store.apply(&edit).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{cards} cards: apply(MoveCard) median {:?}, min {:?}, max {:?}",
        times[10], times[0], times[20]
    );
    let t = Instant::now();
    let mut clone = store.document().clone();
    let clone_time = t.elapsed();
    let t = Instant::now();
    let _ = Edit::MoveCard {
        map_id: map.id.clone(),
        card_id: map.cards[5].id.clone(),
        stage_id: map.stages[3].id.clone(),
        lane_id: map.cards[5].lane_id.clone(),
        index: 0,
    }
    .apply(&mut clone);
    println!(
        "document clone {:?}, model apply {:?}",
        clone_time,
        t.elapsed()
    );
    std::fs::remove_dir_all(&dir).ok();
}
