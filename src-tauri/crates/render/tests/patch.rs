//! Incremental updates: the block cache gives the same Scene as a fresh layout, and
//! `apply(old, diff(old, new)) == new` for Scenes of edited maps.

use waymark_model::*;
use waymark_render::*;

fn generated(cards: u32, seed: u64) -> Document {
    let mut doc = generate(GenerateSpec {
        stages: 8,
        lanes: 6,
        cards,
        seed,
    });
    // An engagement ladder for the ladder lanes the edits make.
    doc.ladder = default_ladder();
    doc
}

/// A small linear congruential generator: the same "random" edits on every machine.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if n == 0 {
            0
        } else {
            ((self.0 >> 33) % n as u64) as usize
        }
    }
}

/// One random-ish change to the map, of the kinds edits make: text, moves, adds,
/// deletes, reorders, widths, collapsing and hiding lanes, emotions, connectors, ladder
/// lanes and rungs, points of vulnerability.
fn random_edit(doc: &mut Document, rng: &mut Lcg) {
    let channels: Vec<Id> = doc.channels.iter().map(|c| c.id.clone()).collect();
    let rungs: Vec<Id> = doc.ladder.iter().map(|r| r.id.clone()).collect();
    let map = &mut doc.maps[0];
    let n = map.cards.len();
    match rng.below(18) {
        0 if n > 0 => {
            let i = rng.below(n);
            map.cards[i].title = format!("Edited {} title", rng.below(1000));
        }
        1 if n > 0 => {
            let i = rng.below(n);
            map.cards[i].body = "A much longer body that wraps onto several lines of the card. "
                .repeat(rng.below(4));
        }
        2 if n > 0 => {
            let i = rng.below(n);
            let id = map.cards[i].id.clone();
            map.cards.remove(i);
            map.connectors
                .retain(|c| c.from_card_id != id && c.to_card_id != id);
        }
        3 => {
            let stage = map.stages[rng.below(map.stages.len())].id.clone();
            let lane = map.lanes[rng.below(map.lanes.len())].clone();
            let at = rng.below(n + 1);
            let id = format!("new{}", rng.below(1_000_000));
            if map.cards.iter().all(|c| c.id != id) {
                map.cards.insert(
                    at,
                    Card {
                        plan: Default::default(),
                        id,
                        stage_id: stage,
                        lane_id: lane.id,
                        kind: lane.kind,
                        title: "A new card".into(),
                        body: String::new(),
                        color: None,
                        channel_id: channels.first().cloned(),
                        persona_ids: vec![],
                        flags: CardFlags::default(),
                        author: None,
                        tags: Vec::new(),
                    },
                );
            }
        }
        4 if n > 0 => {
            // Move a card to another cell (a drop).
            let i = rng.below(n);
            map.cards[i].stage_id = map.stages[rng.below(map.stages.len())].id.clone();
            let card = map.cards.remove(i);
            map.cards.insert(rng.below(n), card);
        }
        5 if n > 1 => {
            // Reorder within the list (a reorder within a cell, or across).
            let i = rng.below(n);
            let card = map.cards.remove(i);
            map.cards.insert(rng.below(n), card);
        }
        6 => {
            let i = rng.below(map.stages.len());
            map.stages[i].width = 160 + rng.below(200) as u32;
        }
        7 if map.stages.len() > 1 => {
            let i = rng.below(map.stages.len());
            let stage = map.stages.remove(i);
            map.stages.insert(rng.below(map.stages.len() + 1), stage);
        }
        8 => {
            let i = rng.below(map.lanes.len());
            map.lanes[i].collapsed = !map.lanes[i].collapsed;
        }
        9 => {
            let i = rng.below(map.lanes.len());
            map.lanes[i].hidden = !map.lanes[i].hidden;
        }
        10 if !map.emotion_points.is_empty() => {
            let i = rng.below(map.emotion_points.len());
            map.emotion_points[i].value = rng.below(5) as i8 - 2;
        }
        11 if n > 1 => {
            let (a, b) = (rng.below(n), rng.below(n));
            let id = format!("k-new{}", rng.below(1_000_000));
            if map.connectors.iter().all(|c| c.id != id) {
                map.connectors.push(Connector {
                    id,
                    from_card_id: map.cards[a].id.clone(),
                    to_card_id: map.cards[b].id.clone(),
                    kind: ConnectorKind::Flow,
                    label: if rng.below(2) == 0 {
                        String::new()
                    } else {
                        "then".into()
                    },
                });
            }
        }
        12 if !map.connectors.is_empty() => {
            let i = rng.below(map.connectors.len());
            map.connectors.remove(i);
        }
        14 => {
            // A lane becomes the engagement ladder, or stops being it.
            let i = rng.below(map.lanes.len());
            map.lanes[i].kind = if map.lanes[i].kind == LaneKind::Ladder {
                LaneKind::Notes
            } else {
                LaneKind::Ladder
            };
        }
        15 => {
            // A stage reaches a rung, another one, or none.
            let i = rng.below(map.stages.len());
            let r = rng.below(rungs.len() + 1);
            map.stages[i].rung_id = rungs.get(r).cloned();
        }
        16 if n > 0 => {
            // A card is marked as a point of vulnerability, or its severity changes.
            let i = rng.below(n);
            map.cards[i].flags.point_of_vulnerability = rng.below(4) != 0;
            map.cards[i].plan.vulnerability.severity = 1 + rng.below(3) as u8;
        }
        17 if rng.below(3) == 0 && !doc.ladder.is_empty() => {
            // The ladder loses its top rung.
            doc.ladder.pop();
        }
        13 => {
            // A persona leaves the map: its emotion line goes.
            if !map.persona_ids.is_empty() {
                let gone = map.persona_ids.remove(0);
                map.emotion_points.retain(|p| p.persona_id != gone);
            }
            map.name = format!("Renamed {}", rng.below(100));
        }
        _ => {
            let i = rng.below(map.lanes.len());
            map.lanes[i].name = format!("Lane {}", rng.below(100));
        }
    }
}

#[test]
fn applying_the_diff_of_two_scenes_gives_the_new_one() {
    let mut layouter = Layouter::new();
    let (mut saw_steps, mut saw_heat_change) = (false, false);
    for seed in 0..4 {
        let mut doc = generated(120, seed);
        let mut rng = Lcg(seed);
        let mut old = layouter.layout(&doc, "generated").unwrap();
        for step in 0..40 {
            // Sometimes two edits land between redraws.
            for _ in 0..1 + rng.below(2) {
                random_edit(&mut doc, &mut rng);
            }
            let new = layouter.layout(&doc, "generated").unwrap();
            let patch = diff(&old, &new);
            let mut patched = old.clone();
            apply(&mut patched, &patch);
            assert_eq!(patched, new, "seed {seed}, step {step}");
            // And through JSON, as the UI gets it.
            let json = serde_json::to_string(&patch).unwrap();
            let mut patched = old.clone();
            apply(&mut patched, &serde_json::from_str(&json).unwrap());
            assert_eq!(patched, new, "seed {seed}, step {step} (JSON)");
            saw_steps |= new.ladder.iter().any(|l| !l.steps.is_empty());
            saw_heat_change |= !patch.heat.is_empty();
            old = new;
        }
    }
    assert!(
        saw_steps && saw_heat_change,
        "the edits reach ladders and heat"
    );
}

#[test]
fn diff_handles_order_changes_adds_and_removals_in_any_list() {
    let mut layouter = Layouter::new();
    let doc = generated(60, 9);
    let old = layouter.layout(&doc, "generated").unwrap();
    // Scenes need not come from layout: shuffle, drop and duplicate-with-new-id directly.
    let mut new = old.clone();
    new.cards.reverse();
    new.cards.remove(3);
    let mut extra = new.cards[0].clone();
    extra.id = "extra".into();
    new.cards.insert(10, extra);
    new.stages.swap(0, 1);
    new.emotion_lines.reverse();
    new.connectors.clear();
    new.heat.push(SceneHeat {
        stage_id: "s-extra".into(),
        x: 0.0,
        width: 10.0,
        level: 3,
        color: "#ff0000".into(),
    });
    new.heat.reverse();
    new.ladder.push(SceneLadder {
        lane_id: "l-extra".into(),
        color: "#000000".into(),
        rungs: vec![],
        steps: vec![],
        path: String::new(),
    });
    let patch = diff(&old, &new);
    assert_eq!(patch.heat.upserted.len(), 1);
    assert_eq!(patch.ladder.upserted.len(), 1);
    assert!(patch.cards.order.is_some());
    assert_eq!(patch.cards.upserted.len(), 1);
    assert_eq!(patch.cards.removed.len(), 1);
    assert_eq!(patch.connectors.removed.len(), old.connectors.len());
    let mut patched = old.clone();
    apply(&mut patched, &patch);
    assert_eq!(patched, new);
    // Nothing changed: nothing but the top-level fields.
    let same = diff(&new, &new);
    assert!(same.lists_unchanged(), "{same:?}");
    // Appending a new item needs no order.
    let mut appended = old.clone();
    let mut extra = appended.cards[0].clone();
    extra.id = "last".into();
    appended.cards.push(extra);
    let patch = diff(&old, &appended);
    assert_eq!(patch.cards.order, None);
    let mut patched = old.clone();
    apply(&mut patched, &patch);
    assert_eq!(patched, appended);
}

#[test]
fn a_title_edit_that_keeps_the_height_patches_exactly_one_card() {
    let mut layouter = Layouter::new();
    let mut doc = generated(500, 3);
    let old = layouter.layout(&doc, "generated").unwrap();
    let card = &mut doc.maps[0].cards[17];
    let id = card.id.clone();
    // Same length, same words but one: wraps the same way.
    card.title = card
        .title
        .replacen(|c: char| c.is_ascii_lowercase(), "X", 1);
    let new = layouter.layout(&doc, "generated").unwrap();
    let before = old.cards.iter().find(|c| c.id == id).unwrap();
    let after = new.cards.iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        before.height, after.height,
        "the test needs an edit that keeps the height"
    );
    assert_ne!(before.title, after.title);

    let patch = diff(&old, &new);
    assert_eq!(patch.cards.upserted, vec![after.clone()]);
    assert!(patch.cards.removed.is_empty() && patch.cards.order.is_none());
    assert!(patch.stages.is_empty());
    assert!(patch.lanes.is_empty());
    assert!(patch.connectors.is_empty());
    assert!(patch.emotion_lines.is_empty());
    assert!(patch.ladder.is_empty() && patch.heat.is_empty());
    let full = serde_json::to_vec(&new).unwrap().len();
    let small = serde_json::to_vec(&patch).unwrap().len();
    assert!(small * 50 < full, "patch {small} B vs full {full} B");
}

#[test]
fn a_warm_layouter_gives_the_same_scene_as_a_fresh_one_after_edits() {
    let mut warm = Layouter::new();
    let mut doc = generated(300, 5);
    warm.layout(&doc, "generated").unwrap();
    let mut rng = Lcg(77);
    for step in 0..12 {
        // A title change (which may rewrap), then any other edit every other step.
        let n = doc.maps[0].cards.len();
        let i = rng.below(n);
        doc.maps[0].cards[i].title =
            format!("Changed title number {step} that is long enough to wrap onto a second line");
        if step % 2 == 1 {
            random_edit(&mut doc, &mut rng);
        }
        let again = warm.layout(&doc, "generated").unwrap();
        let fresh = Layouter::new().layout(&doc, "generated").unwrap();
        assert_eq!(again, fresh, "step {step}");
        // Back and forth: a block dropped from the cache and shaped again is the same.
        if step == 6 {
            let old_title = doc.maps[0].cards[i].title.clone();
            doc.maps[0].cards[i].title = "Short".into();
            warm.layout(&doc, "generated").unwrap();
            warm.layout(&doc, "generated").unwrap();
            warm.layout(&doc, "generated").unwrap();
            doc.maps[0].cards[i].title = old_title;
            assert_eq!(
                warm.layout(&doc, "generated").unwrap(),
                Layouter::new().layout(&doc, "generated").unwrap()
            );
        }
    }
}

#[test]
fn emotion_lines_are_keyed_by_lane_and_persona() {
    assert_eq!(emotion_line_key("l2", "p0"), "l2\u{1f}p0");
}
