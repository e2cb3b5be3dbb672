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
        0u8..46,
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
                    author: pick(&doc.participants, s.c)
                        .map(|p| p.id.clone())
                        .filter(|_| s.n > 3),
                    tags: Vec::new(),
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
        // Workshop mode: participants, card authors and tags, dot-voting rounds.
        31 => Edit::AddParticipant {
            participant: Participant {
                id: fresh("pt"),
                name: s.text.clone(),
                initials: if s.n % 2 == 0 {
                    String::new()
                } else {
                    "AB".into()
                },
                color: color.clone().unwrap_or_default(),
            },
            index: s.n,
        },
        32 => Edit::UpdateParticipant {
            participant_id: pick(&doc.participants, s.b)?.id.clone(),
            props: ParticipantPatch {
                name: Some(s.text.clone()),
                initials: (s.c % 3 == 0).then(String::new),
                color: color.clone().filter(|_| s.c % 2 == 0),
            },
        },
        33 => Edit::DeleteParticipant {
            participant_id: pick(&doc.participants, s.b)?.id.clone(),
        },
        34 => Edit::StartVoteRound {
            map_id: m,
            round: VoteRound {
                id: fresh("vr"),
                question: s.text.clone(),
                votes_per_participant: 1 + s.n,
                max_per_card: 1 + (s.c % 3) as u32,
                eligible: if s.b % 2 == 0 {
                    Eligibility::Lanes {
                        lane_ids: map
                            .lanes
                            .iter()
                            .skip(s.c % 3)
                            .take(1 + s.n as usize % 3)
                            .map(|l| l.id.clone())
                            .collect(),
                    }
                } else {
                    Eligibility::Cards {
                        card_ids: map
                            .cards
                            .iter()
                            .skip(s.c % 4)
                            .step_by(2)
                            .map(|c| c.id.clone())
                            .collect(),
                    }
                },
                anonymous: s.n == 1,
                state: RoundState::Open,
                votes: vec![],
            },
            index: s.n,
        },
        35 | 36 => {
            let round = pick(&map.vote_rounds, s.b)?;
            // Mostly eligible cards, sometimes any card (refused unless eligible).
            let card = if s.n == 5 {
                pick(&map.cards, s.c)?
            } else {
                *pick(&eligible_cards(map, round), s.c)?
            };
            Edit::CastVotes {
                map_id: m,
                round_id: round.id.clone(),
                participant_id: pick(&doc.participants, s.a / 5)?.id.clone(),
                card_id: card.id.clone(),
                count: s.n % 4,
            }
        }
        37 => {
            let round = pick(&map.vote_rounds, s.b)?;
            Edit::SetPaperDots {
                map_id: m,
                round_id: round.id.clone(),
                card_id: pick(&eligible_cards(map, round), s.c)?.id.clone(),
                count: s.n * 3,
            }
        }
        38 => Edit::EndVoteRound {
            map_id: m,
            round_id: pick(&map.vote_rounds, s.b)?.id.clone(),
        },
        39 => Edit::ReopenVoteRound {
            map_id: m,
            round_id: pick(&map.vote_rounds, s.b)?.id.clone(),
        },
        40 => Edit::ClearVoteRound {
            map_id: m,
            round_id: pick(&map.vote_rounds, s.b)?.id.clone(),
        },
        41 => Edit::DeleteVoteRound {
            map_id: m,
            round_id: pick(&map.vote_rounds, s.b)?.id.clone(),
        },
        42 => Edit::TagWinners {
            map_id: m,
            round_id: pick(&map.vote_rounds, s.b)?.id.clone(),
            top: s.n,
            tag: format!("top {}", s.c % 3),
        },
        43 => Edit::UpdateVoteRound {
            map_id: m,
            round_id: pick(&map.vote_rounds, s.b)?.id.clone(),
            props: VoteRoundPatch {
                question: Some(s.text.clone()),
                votes_per_participant: (s.c % 2 == 0).then_some(1 + s.n),
                max_per_card: (s.c % 3 == 0).then_some(1 + s.n % 2),
                anonymous: Some(s.n % 2 == 0),
                ..Default::default()
            },
        },
        44 => Edit::UpdateCard {
            map_id: m,
            card_id: pick(&map.cards, s.b)?.id.clone(),
            props: CardPatch {
                author: Some(pick(&doc.participants, s.c).map(|p| p.id.clone())),
                tags: (s.n % 2 == 0).then(|| vec![format!("t{}", s.n), s.text.clone()]),
                ..Default::default()
            },
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

/// The fixture with people in the room and an open round on the first map, so that the
/// generated votes have someone to cast them and something to vote on.
fn workshop_document() -> Document {
    let mut doc = fixture::document();
    let map = doc.maps[0].clone();
    let mut edits: Vec<Edit> = ["Ada Lovelace", "Grace Hopper", "Alan"]
        .iter()
        .enumerate()
        .map(|(i, name)| Edit::AddParticipant {
            participant: Participant {
                id: format!("pt{i}"),
                name: name.to_string(),
                initials: String::new(),
                color: String::new(),
            },
            index: i as u32,
        })
        .collect();
    edits.push(Edit::StartVoteRound {
        map_id: map.id.clone(),
        round: VoteRound {
            id: "vr-lanes".into(),
            question: "Which hurts most?".into(),
            votes_per_participant: 5,
            max_per_card: 2,
            eligible: Eligibility::Lanes {
                lane_ids: map.lanes.iter().map(|l| l.id.clone()).collect(),
            },
            anonymous: false,
            state: RoundState::Open,
            votes: vec![],
        },
        index: 0,
    });
    edits.push(Edit::StartVoteRound {
        map_id: map.id.clone(),
        round: VoteRound {
            id: "vr-cards".into(),
            question: "Which first?".into(),
            votes_per_participant: 3,
            max_per_card: 3,
            eligible: Eligibility::Cards {
                card_ids: map.cards.iter().take(3).map(|c| c.id.clone()).collect(),
            },
            anonymous: true,
            state: RoundState::Open,
            votes: vec![],
        },
        index: 1,
    });
    Edit::Batch { edits }.apply(&mut doc).unwrap();
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn inverses_restore_the_original(seeds in prop::collection::vec(seed(), 1..40)) {
        let original = workshop_document();
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
