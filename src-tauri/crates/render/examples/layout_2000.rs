//! Times the layout of a synthetic 2,000-card map (8 stages × 10 lanes × 25 cards).
//! Run with `cargo run --release -p waymark-render --example layout_2000`.

use std::time::Instant;

use waymark_model::*;
use waymark_render::Layouter;

fn main() {
    let mut map = Map::new("big", "Big map");
    map.stages = (0..8)
        .map(|i| Stage {
            id: format!("s{i}"),
            name: format!("Stage {i}"),
            color: None,
            width: 260,
        })
        .collect();
    let kinds = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
    ];
    map.lanes = (0..10)
        .map(|i| Lane {
            id: format!("l{i}"),
            name: format!("Lane number {i}"),
            kind: kinds[i % kinds.len()],
            color: None,
            collapsed: false,
            hidden: false,
        })
        .collect();
    let words = [
        "donor",
        "gift",
        "event",
        "volunteer",
        "story",
        "share",
        "e-mail",
        "thank",
        "campaign",
        "coûte",
        "merci",
    ];
    let mut n = 0;
    for s in 0..8 {
        for l in 0..10 {
            for k in 0..25 {
                let body: Vec<&str> = (0..(8 + (n % 30)))
                    .map(|w| words[(n * 7 + w * 3) % words.len()])
                    .collect();
                map.cards.push(Card {
                    id: format!("c{n}"),
                    stage_id: format!("s{s}"),
                    lane_id: format!("l{l}"),
                    kind: kinds[l % kinds.len()],
                    title: format!("Card {n}: {}", words[k % words.len()]),
                    body: body.join(" "),
                    color: None,
                    channel_id: None,
                    persona_ids: vec![],
                    flags: CardFlags::default(),
                });
                n += 1;
            }
        }
    }
    for i in 0..400 {
        let (a, b) = ((i * 37) % n, (i * 101 + 13) % n);
        map.connectors.push(Connector {
            id: format!("k{i}"),
            from_card_id: format!("c{a}"),
            to_card_id: format!("c{b}"),
            kind: ConnectorKind::Flow,
            label: if i % 3 == 0 {
                "next".into()
            } else {
                String::new()
            },
        });
    }
    let doc = Document {
        maps: vec![map],
        ..Default::default()
    };

    let t = Instant::now();
    let mut layouter = Layouter::new();
    let built = t.elapsed();
    let t = Instant::now();
    let scene = layouter.layout(&doc, "big").unwrap();
    let first = t.elapsed();
    let t = Instant::now();
    let again = layouter.layout(&doc, "big").unwrap();
    let second = t.elapsed();
    assert_eq!(scene, again);
    let lines: usize = scene
        .cards
        .iter()
        .map(|c| c.title.len() + c.body.len())
        .sum();
    println!(
        "{} cards, {} text lines, {} connectors: Layouter::new {:?}, first layout {:?}, second layout {:?}",
        scene.cards.len(),
        lines,
        scene.connectors.len(),
        built,
        first,
        second
    );
}
