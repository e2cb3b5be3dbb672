//! Property: any sequence of edits, undone by applying the returned inverses in reverse
//! order, gives back the original document exactly; refused edits change nothing; and
//! re-applying the undone edits (redo) gives the same document as the first time.

mod fixture;

use proptest::prelude::*;
use waymark_model::*;

/// An edit described by numbers; `concrete` turns it into a real edit against the
/// current document, picking existing ids by index, so most generated edits are valid.
#[derive(Debug, Clone)]
struct Seed {
    op: u8,
    a: usize,
    b: usize,
    c: usize,
    n: u32,
    text: String,
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        0u8..31,
        any::<usize>(),
        any::<usize>(),
        any::<usize>(),
        0u32..6,
        "[a-zé ]{0,12}",
    )
        .prop_map(|(op, a, b, c, n, text)| Seed {
            op,
            a,
            b,
            c,
            n,
            text,
        })
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

fn concrete(doc: &Document, s: &Seed, serial: usize) -> Option<Edit> {
    let map = pick(&doc.maps, s.a)?;
    let m = map.id.clone();
    let fresh = |p: &str| format!("{p}-{serial}");
    let color = if s.n.is_multiple_of(2) {
        None
    } else {
        Some(format!("#{:06x}", s.b.wrapping_mul(7919) % 0xffffff))
    };
    let kind = LaneKind::ALL[s.c % LaneKind::ALL.len()];
    Some(match s.op {
        0 => Edit::AddMap {
            map: Map::new(fresh("map"), s.text.clone()),
            index: s.n,
        },
        1 => Edit::UpdateMap {
            map_id: m,
            props: MapProps {
                name: s.text.clone(),
                description: s.text.repeat(2),
                persona_ids: doc
                    .personas
                    .iter()
                    .take(s.b % 3)
                    .map(|p| p.id.clone())
                    .collect(),
            }
            .into(),
        },
        2 => Edit::ReorderMap {
            map_id: m,
            index: s.n,
        },
        3 => Edit::DeleteMap { map_id: m },
        4 => Edit::AddStage {
            map_id: m,
            stage: Stage {
                rung_id: None,
                id: fresh("st"),
                name: s.text.clone(),
                color,
                width: 160 + s.n * 40,
                speaker_notes: String::new(),
            },
            index: s.n,
        },
        5 => Edit::UpdateStage {
            map_id: m,
            stage_id: pick(&map.stages, s.b)?.id.clone(),
            props: StageProps {
                rung_id: None,
                name: s.text.clone(),
                color,
                width: 200 + s.n,
                speaker_notes: s.text.repeat(3),
            }
            .into(),
        },
        6 => Edit::ReorderStage {
            map_id: m,
            stage_id: pick(&map.stages, s.b)?.id.clone(),
            index: s.n,
        },
        7 => Edit::DeleteStage {
            map_id: m,
            stage_id: pick(&map.stages, s.b)?.id.clone(),
        },
        8 => Edit::AddLane {
            map_id: m,
            lane: Lane {
                id: fresh("ln"),
                name: s.text.clone(),
                kind,
                color,
                collapsed: s.n == 1,
                hidden: s.n == 2,
                hidden_for_outsiders: s.n == 3,
            },
            index: s.n,
        },
        9 => Edit::UpdateLane {
            map_id: m,
            lane_id: pick(&map.lanes, s.b)?.id.clone(),
            props: LaneProps {
                name: s.text.clone(),
                kind,
                color,
                collapsed: s.n == 3,
                hidden: s.n == 4,
                hidden_for_outsiders: s.n == 5,
            }
            .into(),
        },
        10 => Edit::ReorderLane {
            map_id: m,
            lane_id: pick(&map.lanes, s.b)?.id.clone(),
            index: s.n,
        },
        11 => Edit::DeleteLane {
            map_id: m,
            lane_id: pick(&map.lanes, s.b)?.id.clone(),
        },
        12 | 13 => {
            let stage = pick(&map.stages, s.b)?;
            let lane = pick(&map.lanes, s.c)?;
            Edit::AddCard {
                map_id: m,
                card: Card {
                    plan: Default::default(),
                    id: fresh("card"),
                    stage_id: stage.id.clone(),
                    lane_id: lane.id.clone(),
                    kind: lane.kind,
                    title: s.text.clone(),
                    body: String::new(),
                    color,
                    channel_id: pick(&doc.channels, s.c)
                        .map(|c| c.id.clone())
                        .filter(|_| s.n > 2),
                    persona_ids: vec![],
                    flags: CardFlags {
                        passion_point: s.n == 1,
                        ..Default::default()
                    },
                },
                index: s.n,
            }
        }
        14 => {
            // A field-level patch: only what it names changes.
            let card = pick(&map.cards, s.b)?;
            Edit::UpdateCard {
                map_id: m,
                card_id: card.id.clone(),
                props: CardPatch {
                    title: Some(s.text.clone()),
                    flags: (s.c % 2 == 0).then(|| CardFlagsPatch {
                        point_of_vulnerability: Some(!card.flags.point_of_vulnerability),
                        ..Default::default()
                    }),
                    color: (s.c % 3 == 0).then_some(color),
                    persona_ids: (s.n % 2 == 1).then(|| {
                        doc.personas
                            .iter()
                            .take(s.n as usize % 3)
                            .map(|p| p.id.clone())
                            .collect()
                    }),
                    plan: (s.c % 5 == 0).then(|| CardPlanPatch {
                        vulnerability: Some(VulnerabilityPatch {
                            severity: Some(1 + (s.n % 3) as u8),
                            ..Default::default()
                        }),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            }
        }
        15 | 16 => Edit::MoveCard {
            map_id: m,
            card_id: pick(&map.cards, s.b)?.id.clone(),
            stage_id: pick(&map.stages, s.c)?.id.clone(),
            lane_id: pick(&map.lanes, s.a / 7)?.id.clone(),
            index: s.n,
        },
        17 => Edit::DeleteCard {
            map_id: m,
            card_id: pick(&map.cards, s.b)?.id.clone(),
        },
        18 => Edit::AddConnector {
            map_id: m,
            connector: Connector {
                id: fresh("k"),
                from_card_id: pick(&map.cards, s.b)?.id.clone(),
                to_card_id: pick(&map.cards, s.c)?.id.clone(),
                kind: ConnectorKind::ALL[s.n as usize % 4],
                label: s.text.clone(),
            },
            index: s.n,
        },
        19 => Edit::UpdateConnector {
            map_id: m,
            connector_id: pick(&map.connectors, s.b)?.id.clone(),
            props: ConnectorPatch {
                kind: (s.c % 2 == 0).then_some(ConnectorKind::ALL[s.n as usize % 4]),
                label: Some(s.text.clone()),
            },
        },
        20 => Edit::MoveConnector {
            map_id: m,
            connector_id: pick(&map.connectors, s.b)?.id.clone(),
            from_card_id: pick(&map.cards, s.c)?.id.clone(),
            to_card_id: pick(&map.cards, s.a / 3)?.id.clone(),
        },
        21 => Edit::ReorderConnector {
            map_id: m,
            connector_id: pick(&map.connectors, s.b)?.id.clone(),
            index: s.n,
        },
        22 => Edit::DeleteConnector {
            map_id: m,
            connector_id: pick(&map.connectors, s.b)?.id.clone(),
        },
        23 => Edit::AddChannel {
            channel: Channel {
                plan: Default::default(),
                id: fresh("ch"),
                name: s.text.clone(),
                icon: "EM".into(),
                color,
            },
            index: s.n,
        },
        // A whole record (as older edit-log rows hold), or a patch of a nested field.
        24 if s.c % 2 == 0 => Edit::UpdateChannel {
            channel_id: pick(&doc.channels, s.b)?.id.clone(),
            props: ChannelProps {
                plan: Default::default(),
                name: s.text.clone(),
                icon: "X".into(),
                color,
            }
            .into(),
        },
        24 => Edit::UpdateChannel {
            channel_id: pick(&doc.channels, s.b)?.id.clone(),
            props: ChannelPatch {
                color: Some(color),
                plan: Some(ChannelPlanPatch {
                    job: Some(JobDescriptionPatch {
                        owner: Some(s.text.clone()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            },
        },
        25 => Edit::DeleteChannel {
            channel_id: pick(&doc.channels, s.b)?.id.clone(),
        },
        26 => Edit::AddPersona {
            persona: Persona {
                goals: String::new(),
                photo: None,
                id: fresh("p"),
                name: s.text.clone(),
                segment: String::new(),
                color,
            },
            index: s.n,
        },
        27 => Edit::DeletePersona {
            persona_id: pick(&doc.personas, s.b)?.id.clone(),
        },
        28 => Edit::ReorderPersona {
            persona_id: pick(&doc.personas, s.b)?.id.clone(),
            index: s.n,
        },
        29 => Edit::SetEmotion {
            map_id: m,
            persona_id: pick(&doc.personas, s.b)?.id.clone(),
            stage_id: pick(&map.stages, s.c)?.id.clone(),
            value: (s.n < 5).then_some(s.n as i8 - 2),
        },
        _ => Edit::Batch {
            edits: vec![
                Edit::DeleteCard {
                    map_id: m.clone(),
                    card_id: pick(&map.cards, s.b)?.id.clone(),
                },
                Edit::UpdateMap {
                    map_id: m,
                    props: MapProps {
                        name: s.text.clone(),
                        description: String::new(),
                        persona_ids: vec![],
                    }
                    .into(),
                },
            ],
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn inverses_restore_the_original(seeds in prop::collection::vec(seed(), 1..40)) {
        let original = fixture::document();
        let mut doc = original.clone();
        let mut applied = Vec::new();
        for (i, s) in seeds.iter().enumerate() {
            let Some(edit) = concrete(&doc, s, i) else { continue };
            // Edits cross the IPC boundary and the edit log as JSON.
            let json = serde_json::to_string(&edit).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Edit>(&json).unwrap(), &edit);
            let before = doc.clone();
            match edit.apply(&mut doc) {
                Ok(inverse) => applied.push((edit, inverse, before, doc.clone())),
                Err(_) => prop_assert_eq!(&doc, &before, "a refused edit changed the document"),
            }
        }
        // Undo everything, checking each step lands exactly on the state before it.
        for (_, inverse, before, _) in applied.iter().rev() {
            inverse.apply(&mut doc).expect("an inverse always applies");
            prop_assert_eq!(&doc, before);
        }
        prop_assert_eq!(&doc, &original);
        // Redo everything: the same edits give the same documents again.
        for (edit, _, _, after) in &applied {
            edit.apply(&mut doc).expect("redo applies");
            prop_assert_eq!(&doc, after);
        }
    }
}
