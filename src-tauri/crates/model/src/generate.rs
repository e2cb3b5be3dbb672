//! Synthetic journey maps of any size, for benchmarks and stress tests
//! (`waymark generate`). Deterministic: the same spec and seed give the same document,
//! so figures measured on it can be reproduced.

use crate::*;

/// How big a map to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSpec {
    pub stages: u32,
    pub lanes: u32,
    pub cards: u32,
    pub seed: u64,
}

const WORDS: [&str; 24] = [
    "donor",
    "gift",
    "event",
    "volunteer",
    "e-mail",
    "thank-you",
    "story",
    "impact",
    "friend",
    "invitation",
    "newsletter",
    "call",
    "page",
    "search",
    "review",
    "pledge",
    "monthly",
    "community",
    "share",
    "visit",
    "reminder",
    "survey",
    "badge",
    "welcome",
];
const STAGES: [&str; 8] = [
    "Discover", "Consider", "Convert", "Onboard", "Engage", "Retain", "Advocate", "Commit",
];
const KINDS: [LaneKind; 7] = [
    LaneKind::Touchpoints,
    LaneKind::Actions,
    LaneKind::Thoughts,
    LaneKind::PainPoints,
    LaneKind::Opportunities,
    LaneKind::Backstage,
    LaneKind::Notes,
];

/// A small linear congruential generator: no dependency, same numbers on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

fn sentence(rng: &mut Lcg, words: u64) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A document with one map of the given size: cards spread over the cells with varied
/// text lengths, an emotion lane with two personas, channels on touchpoints, and one
/// connector per ten cards (every fifth one a loop back to an earlier stage).
pub fn generate(spec: GenerateSpec) -> Document {
    let mut rng = Lcg(spec.seed ^ 0x5759_4d4b);
    let channels: Vec<Channel> = [
        "E-mail",
        "Events",
        "Website",
        "Social media",
        "Call centre",
        "Partners",
    ]
    .iter()
    .enumerate()
    .map(|(i, name)| Channel {
        plan: Default::default(),
        id: format!("ch{i}"),
        name: name.to_string(),
        icon: name[..2].to_uppercase(),
        color: None,
    })
    .collect();
    let personas = vec![
        Persona {
            goals: String::new(),
            photo: None,
            id: "p0".into(),
            name: "Maya".into(),
            segment: "First-time donor".into(),
            color: None,
        },
        Persona {
            goals: String::new(),
            photo: None,
            id: "p1".into(),
            name: "Robert".into(),
            segment: "Long-time supporter".into(),
            color: None,
        },
    ];
    let mut map = Map::new("generated", format!("Generated map ({} cards)", spec.cards));
    map.persona_ids = personas.iter().map(|p| p.id.clone()).collect();
    map.stages = (0..spec.stages.max(1))
        .map(|i| Stage {
            rung_id: None,
            id: format!("s{i}"),
            name: format!(
                "{} {}",
                STAGES[i as usize % STAGES.len()],
                i / STAGES.len() as u32 + 1
            ),
            color: None,
            width: 240,
            speaker_notes: String::new(),
        })
        .collect();
    map.lanes = (0..spec.lanes.max(1))
        .map(|i| {
            // The third lane is the emotion lane when there are at least three.
            let kind = if i == 2 {
                LaneKind::Emotions
            } else {
                KINDS[i as usize % KINDS.len()]
            };
            Lane {
                id: format!("l{i}"),
                name: format!("{} {i}", kind.label()),
                kind,
                color: None,
                collapsed: false,
                hidden: false,
                hidden_for_outsiders: false,
            }
        })
        .collect();
    let card_lanes: Vec<&Lane> = map
        .lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Emotions)
        .collect();
    let card_lanes = if card_lanes.is_empty() {
        map.lanes.iter().collect()
    } else {
        card_lanes
    };
    for n in 0..spec.cards {
        let stage = &map.stages[rng.below(map.stages.len() as u64) as usize];
        let lane = card_lanes[rng.below(card_lanes.len() as u64) as usize];
        let title_words = 2 + rng.below(5);
        let body_words = rng.below(18);
        map.cards.push(Card {
            plan: Default::default(),
            id: format!("c{n}"),
            stage_id: stage.id.clone(),
            lane_id: lane.id.clone(),
            kind: lane.kind,
            title: sentence(&mut rng, title_words),
            body: if body_words == 0 {
                String::new()
            } else {
                sentence(&mut rng, body_words)
            },
            color: None,
            channel_id: (lane.kind == LaneKind::Touchpoints).then(|| {
                channels[rng.below(channels.len() as u64) as usize]
                    .id
                    .clone()
            }),
            persona_ids: vec![],
            flags: CardFlags {
                passion_point: rng.below(40) == 0,
                shareable_moment: rng.below(30) == 0,
                point_of_vulnerability: rng.below(35) == 0,
            },
            author: None,
            tags: Vec::new(),
        });
    }
    canonicalize_cards(&mut map);
    let n = map.cards.len() as u64;
    for k in 0..spec.cards / 10 {
        let (from, to) = (rng.below(n) as usize, rng.below(n) as usize);
        if from == to {
            continue;
        }
        map.connectors.push(Connector {
            id: format!("k{k}"),
            from_card_id: map.cards[from].id.clone(),
            to_card_id: map.cards[to].id.clone(),
            kind: if k % 5 == 4 {
                ConnectorKind::LoopBack
            } else {
                ConnectorKind::Flow
            },
            label: String::new(),
        });
    }
    if map.lanes.iter().any(|l| l.kind == LaneKind::Emotions) {
        for p in &personas {
            for s in &map.stages {
                map.emotion_points.push(EmotionPoint {
                    persona_id: p.id.clone(),
                    stage_id: s.id.clone(),
                    value: rng.below(5) as i8 - 2,
                });
            }
        }
    }
    canonicalize(&mut map);
    Document {
        ladder: Vec::new(),
        maps: vec![map],
        channels,
        personas,
        participants: Vec::new(),
    }
}

/// A document of `count` maps, each `spec`'s one map with its ids made unique per map
/// (`m<i>-…`) and named "Map <i>": the "many maps in one file" case of the benchmarks.
pub fn generate_maps(spec: GenerateSpec, count: usize) -> Document {
    let mut out = generate(spec);
    let template = out.maps.remove(0);
    for i in 0..count {
        let p = |id: &str| format!("m{i}-{id}");
        let mut map = template.clone();
        map.id = p(&map.id);
        map.name = format!("Map {i}");
        map.stages.iter_mut().for_each(|s| s.id = p(&s.id));
        map.lanes.iter_mut().for_each(|l| l.id = p(&l.id));
        for c in &mut map.cards {
            c.id = p(&c.id);
            c.stage_id = p(&c.stage_id);
            c.lane_id = p(&c.lane_id);
        }
        for k in &mut map.connectors {
            k.id = p(&k.id);
            k.from_card_id = p(&k.from_card_id);
            k.to_card_id = p(&k.to_card_id);
        }
        map.emotion_points
            .iter_mut()
            .for_each(|e| e.stage_id = p(&e.stage_id));
        out.maps.push(map);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_maps_are_valid_and_reproducible() {
        let spec = GenerateSpec {
            stages: 20,
            lanes: 10,
            cards: 400,
            seed: 7,
        };
        let doc = generate(spec);
        assert_eq!(doc, generate(spec), "same seed, same document");
        assert_eq!(doc.maps[0].cards.len(), 400);
        // Valid by the model's own rules: adding it through edits succeeds.
        let mut rebuilt = Document::default();
        for (i, c) in doc.channels.iter().enumerate() {
            Edit::AddChannel {
                channel: c.clone(),
                index: i as u32,
            }
            .apply(&mut rebuilt)
            .unwrap();
        }
        for (i, p) in doc.personas.iter().enumerate() {
            Edit::AddPersona {
                persona: p.clone(),
                index: i as u32,
            }
            .apply(&mut rebuilt)
            .unwrap();
        }
        Edit::AddMap {
            map: doc.maps[0].clone(),
            index: 0,
        }
        .apply(&mut rebuilt)
        .unwrap();
        assert_eq!(rebuilt, doc);
    }

    #[test]
    fn many_maps_have_their_own_ids_and_pass_the_models_rules() {
        let spec = GenerateSpec {
            stages: 4,
            lanes: 3,
            cards: 30,
            seed: 1,
        };
        let doc = generate_maps(spec, 3);
        let names: Vec<&str> = doc.maps.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Map 0", "Map 1", "Map 2"]);
        assert!(doc.maps.iter().all(|m| m.cards.len() == 30));
        // Rebuilt map by map through `AddMap`, which refuses an id used twice.
        assert_eq!(doc.rebuilt().unwrap(), doc);
    }
}
