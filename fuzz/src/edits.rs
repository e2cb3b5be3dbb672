//! Fuzz bytes to edits: each edit picks its kind and then existing ids of the current
//! document by index, so most edits are ones the editor could send (better coverage than
//! edits with made-up ids, which are refused at the first lookup). Numbers and text are
//! the fuzzer's own, so indices past the end, empty and odd text, and out-of-range
//! values all occur.

use arbitrary::{Result, Unstructured};
use waymark_model::*;

fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> Result<Option<&'a T>> {
    if items.is_empty() {
        return Ok(None);
    }
    Ok(Some(&items[u.choose_index(items.len())?]))
}

fn id<T>(u: &mut Unstructured, items: &[T], get: impl Fn(&T) -> &Id) -> Result<Option<Id>> {
    // Now and then an id that names nothing (or something of another kind).
    if u.ratio(1, 16)? {
        return Ok(Some(u.arbitrary::<String>()?));
    }
    Ok(pick(u, items)?.map(|x| get(x).clone()))
}

fn text(u: &mut Unstructured) -> Result<String> {
    let s: String = u.arbitrary()?;
    Ok(s.chars().take(40).collect())
}

fn index(u: &mut Unstructured) -> Result<u32> {
    Ok(if u.ratio(1, 8)? {
        u.arbitrary()?
    } else {
        u.int_in_range(0..=8)?
    })
}

fn color(u: &mut Unstructured) -> Result<Option<String>> {
    Ok(match u.int_in_range(0..=3)? {
        0 => None,
        1 => Some(format!("#{:06x}", u.int_in_range(0..=0xffffffu32)?)),
        2 => Some(text(u)?),
        _ => Some("#abc".into()),
    })
}

macro_rules! or_none {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Ok(None),
        }
    };
}

/// The next edit for `doc`, or `None` when the bytes chose something the document does
/// not have (no cards to move…). `serial` makes new ids unique within a sequence.
pub fn next_edit(u: &mut Unstructured, doc: &Document, serial: usize) -> Result<Option<Edit>> {
    edit(u, doc, &format!("{serial}"), 0)
}

fn edit(u: &mut Unstructured, doc: &Document, serial: &str, depth: u32) -> Result<Option<Edit>> {
    let map = or_none!(pick(u, &doc.maps)?);
    let m = map.id.clone();
    let fresh = |p: &str| format!("{p}-{serial}");
    let stage_id = |u: &mut Unstructured| id(u, &map.stages, |s| &s.id);
    let lane_id = |u: &mut Unstructured| id(u, &map.lanes, |l| &l.id);
    let card_id = |u: &mut Unstructured| id(u, &map.cards, |c| &c.id);
    let connector_id = |u: &mut Unstructured| id(u, &map.connectors, |c| &c.id);
    let round_id = |u: &mut Unstructured| id(u, &map.vote_rounds, |r| &r.id);
    let channel_id = |u: &mut Unstructured| id(u, &doc.channels, |c| &c.id);
    let persona_id = |u: &mut Unstructured| id(u, &doc.personas, |p| &p.id);
    let participant_id = |u: &mut Unstructured| id(u, &doc.participants, |p| &p.id);
    let rung_id = |u: &mut Unstructured| -> Result<Option<Id>> {
        Ok(if u.arbitrary()? {
            id(u, &doc.ladder, |r| &r.id)?
        } else {
            None
        })
    };
    let kind = LaneKind::ALL[u.choose_index(LaneKind::ALL.len())?];
    let edit = match u.int_in_range(0..=47u8)? {
        0 => Edit::AddMap {
            map: Map::new(fresh("map"), text(u)?),
            index: index(u)?,
        },
        1 => Edit::UpdateMap {
            map_id: m,
            props: MapProps {
                name: text(u)?,
                description: text(u)?,
                persona_ids: doc
                    .personas
                    .iter()
                    .take(u.int_in_range(0..=3)?)
                    .map(|p| p.id.clone())
                    .collect(),
            }
            .into(),
        },
        2 => Edit::ReorderMap {
            map_id: m,
            index: index(u)?,
        },
        3 => Edit::DeleteMap { map_id: m },
        4 => Edit::AddStage {
            map_id: m,
            stage: Stage {
                rung_id: rung_id(u)?,
                id: fresh("st"),
                name: text(u)?,
                color: color(u)?,
                width: u.arbitrary()?,
                speaker_notes: text(u)?,
            },
            index: index(u)?,
        },
        5 => Edit::UpdateStage {
            map_id: m,
            stage_id: or_none!(stage_id(u)?),
            props: StageProps {
                rung_id: rung_id(u)?,
                name: text(u)?,
                color: color(u)?,
                width: u.arbitrary()?,
                speaker_notes: text(u)?,
            }
            .into(),
        },
        6 => Edit::ReorderStage {
            map_id: m,
            stage_id: or_none!(stage_id(u)?),
            index: index(u)?,
        },
        7 => Edit::DeleteStage {
            map_id: m,
            stage_id: or_none!(stage_id(u)?),
        },
        8 => Edit::AddLane {
            map_id: m,
            lane: Lane {
                id: fresh("ln"),
                name: text(u)?,
                kind,
                color: color(u)?,
                collapsed: u.arbitrary()?,
                hidden: u.arbitrary()?,
                hidden_for_outsiders: u.arbitrary()?,
            },
            index: index(u)?,
        },
        9 => Edit::UpdateLane {
            map_id: m,
            lane_id: or_none!(lane_id(u)?),
            props: LaneProps {
                name: text(u)?,
                kind,
                color: color(u)?,
                collapsed: u.arbitrary()?,
                hidden: u.arbitrary()?,
                hidden_for_outsiders: u.arbitrary()?,
            }
            .into(),
        },
        10 => Edit::ReorderLane {
            map_id: m,
            lane_id: or_none!(lane_id(u)?),
            index: index(u)?,
        },
        11 => Edit::DeleteLane {
            map_id: m,
            lane_id: or_none!(lane_id(u)?),
        },
        12..=14 => {
            let lane = or_none!(pick(u, &map.lanes)?);
            Edit::AddCard {
                map_id: m,
                card: Card {
                    plan: Default::default(),
                    id: fresh("card"),
                    stage_id: or_none!(stage_id(u)?),
                    lane_id: lane.id.clone(),
                    kind: if u.ratio(1, 8)? { kind } else { lane.kind },
                    title: text(u)?,
                    body: text(u)?,
                    color: color(u)?,
                    channel_id: if u.arbitrary()? { channel_id(u)? } else { None },
                    persona_ids: doc
                        .personas
                        .iter()
                        .take(u.int_in_range(0..=2)?)
                        .map(|p| p.id.clone())
                        .collect(),
                    flags: CardFlags {
                        passion_point: u.arbitrary()?,
                        point_of_vulnerability: u.arbitrary()?,
                        ..Default::default()
                    },
                    author: if u.arbitrary()? {
                        participant_id(u)?
                    } else {
                        None
                    },
                    tags: if u.arbitrary()? {
                        vec![text(u)?]
                    } else {
                        Vec::new()
                    },
                },
                index: index(u)?,
            }
        }
        15 | 16 => {
            let card = or_none!(pick(u, &map.cards)?);
            let persona_ids = if u.arbitrary()? {
                Some(
                    doc.personas
                        .iter()
                        .take(u.int_in_range(0..=3)?)
                        .map(|p| p.id.clone())
                        .collect(),
                )
            } else {
                None
            };
            Edit::UpdateCard {
                map_id: m,
                card_id: card.id.clone(),
                props: CardPatch {
                    title: if u.arbitrary()? { Some(text(u)?) } else { None },
                    body: if u.arbitrary()? { Some(text(u)?) } else { None },
                    flags: if u.arbitrary()? {
                        Some(CardFlagsPatch {
                            point_of_vulnerability: Some(!card.flags.point_of_vulnerability),
                            passion_point: u.arbitrary()?,
                            ..Default::default()
                        })
                    } else {
                        None
                    },
                    color: if u.arbitrary()? {
                        Some(color(u)?)
                    } else {
                        None
                    },
                    channel_id: if u.arbitrary()? {
                        Some(channel_id(u)?)
                    } else {
                        None
                    },
                    persona_ids,
                    author: if u.arbitrary()? {
                        Some(participant_id(u)?)
                    } else {
                        None
                    },
                    tags: if u.arbitrary()? {
                        Some(vec![text(u)?, text(u)?])
                    } else {
                        None
                    },
                    plan: if u.arbitrary()? {
                        Some(CardPlanPatch {
                            vulnerability: Some(VulnerabilityPatch {
                                severity: Some(u.arbitrary()?),
                                ..Default::default()
                            }),
                            ..Default::default()
                        })
                    } else {
                        None
                    },
                    ..Default::default()
                },
            }
        }
        17 | 18 => Edit::MoveCard {
            map_id: m,
            card_id: or_none!(card_id(u)?),
            stage_id: or_none!(stage_id(u)?),
            lane_id: or_none!(lane_id(u)?),
            index: index(u)?,
        },
        19 => Edit::DeleteCard {
            map_id: m,
            card_id: or_none!(card_id(u)?),
        },
        20 | 21 => Edit::AddConnector {
            map_id: m,
            connector: Connector {
                id: fresh("k"),
                from_card_id: or_none!(card_id(u)?),
                to_card_id: or_none!(card_id(u)?),
                kind: ConnectorKind::ALL[u.choose_index(ConnectorKind::ALL.len())?],
                label: text(u)?,
            },
            index: index(u)?,
        },
        22 => Edit::UpdateConnector {
            map_id: m,
            connector_id: or_none!(connector_id(u)?),
            props: ConnectorPatch {
                kind: if u.arbitrary()? {
                    Some(ConnectorKind::ALL[u.choose_index(ConnectorKind::ALL.len())?])
                } else {
                    None
                },
                label: if u.arbitrary()? { Some(text(u)?) } else { None },
            },
        },
        23 => Edit::MoveConnector {
            map_id: m,
            connector_id: or_none!(connector_id(u)?),
            from_card_id: or_none!(card_id(u)?),
            to_card_id: or_none!(card_id(u)?),
        },
        24 => Edit::ReorderConnector {
            map_id: m,
            connector_id: or_none!(connector_id(u)?),
            index: index(u)?,
        },
        25 => Edit::DeleteConnector {
            map_id: m,
            connector_id: or_none!(connector_id(u)?),
        },
        26 => Edit::AddChannel {
            channel: Channel {
                plan: Default::default(),
                id: fresh("ch"),
                name: text(u)?,
                icon: text(u)?,
                color: color(u)?,
            },
            index: index(u)?,
        },
        27 => Edit::UpdateChannel {
            channel_id: or_none!(channel_id(u)?),
            props: ChannelPatch {
                name: if u.arbitrary()? { Some(text(u)?) } else { None },
                color: if u.arbitrary()? {
                    Some(color(u)?)
                } else {
                    None
                },
                plan: if u.arbitrary()? {
                    Some(ChannelPlanPatch {
                        job: Some(JobDescriptionPatch {
                            owner: Some(text(u)?),
                            ..Default::default()
                        }),
                        ..Default::default()
                    })
                } else {
                    None
                },
                ..Default::default()
            },
        },
        28 => {
            let channel = or_none!(channel_id(u)?);
            let others = doc
                .channels
                .iter()
                .filter(|_| u.arbitrary().unwrap_or(false))
                .map(|c| c.id.clone())
                .collect();
            Edit::UpdateChannel {
                channel_id: channel,
                props: ChannelPatch::hand_offs(others),
            }
        }
        29 => Edit::ReorderChannel {
            channel_id: or_none!(channel_id(u)?),
            index: index(u)?,
        },
        30 => Edit::DeleteChannel {
            channel_id: or_none!(channel_id(u)?),
        },
        31 => Edit::AddPersona {
            persona: Persona {
                goals: text(u)?,
                photo: None,
                id: fresh("p"),
                name: text(u)?,
                segment: text(u)?,
                color: color(u)?,
            },
            index: index(u)?,
        },
        32 => Edit::UpdatePersona {
            persona_id: or_none!(persona_id(u)?),
            props: PersonaPatch {
                name: if u.arbitrary()? { Some(text(u)?) } else { None },
                segment: if u.arbitrary()? { Some(text(u)?) } else { None },
                color: if u.arbitrary()? {
                    Some(color(u)?)
                } else {
                    None
                },
                ..Default::default()
            },
        },
        33 => Edit::ReorderPersona {
            persona_id: or_none!(persona_id(u)?),
            index: index(u)?,
        },
        34 => Edit::DeletePersona {
            persona_id: or_none!(persona_id(u)?),
        },
        35 => Edit::SetEmotion {
            map_id: m,
            persona_id: or_none!(persona_id(u)?),
            stage_id: or_none!(stage_id(u)?),
            value: u.arbitrary::<Option<i8>>()?.map(|v| {
                if u.ratio(7, 8).unwrap_or(true) {
                    v % 3
                } else {
                    v
                }
            }),
        },
        36 => {
            let mut rungs = doc.ladder.clone();
            match u.int_in_range(0..=3)? {
                0 => {
                    rungs.pop();
                }
                1 => rungs.push(Rung {
                    id: fresh("r"),
                    name: text(u)?,
                    commitment: text(u)?,
                }),
                2 => rungs.reverse(),
                _ => rungs.clear(),
            }
            Edit::SetLadder { rungs }
        }
        37 => Edit::AddParticipant {
            participant: Participant {
                id: fresh("pt"),
                name: text(u)?,
                initials: if u.arbitrary()? {
                    String::new()
                } else {
                    text(u)?
                },
                color: color(u)?.unwrap_or_default(),
            },
            index: index(u)?,
        },
        38 => Edit::UpdateParticipant {
            participant_id: or_none!(participant_id(u)?),
            props: ParticipantPatch {
                name: if u.arbitrary()? { Some(text(u)?) } else { None },
                initials: if u.arbitrary()? { Some(text(u)?) } else { None },
                color: if u.arbitrary()? { color(u)? } else { None },
            },
        },
        39 => Edit::DeleteParticipant {
            participant_id: or_none!(participant_id(u)?),
        },
        40 => Edit::StartVoteRound {
            map_id: m,
            round: VoteRound {
                id: fresh("vr"),
                question: text(u)?,
                votes_per_participant: u.int_in_range(0..=12)?,
                max_per_card: u.int_in_range(0..=4)?,
                eligible: if u.arbitrary()? {
                    Eligibility::Lanes {
                        lane_ids: map
                            .lanes
                            .iter()
                            .filter(|_| u.arbitrary().unwrap_or(false))
                            .map(|l| l.id.clone())
                            .collect(),
                    }
                } else {
                    Eligibility::Cards {
                        card_ids: map
                            .cards
                            .iter()
                            .filter(|_| u.arbitrary().unwrap_or(false))
                            .map(|c| c.id.clone())
                            .collect(),
                    }
                },
                anonymous: u.arbitrary()?,
                state: RoundState::Open,
                votes: vec![],
            },
            index: index(u)?,
        },
        41 | 42 => Edit::CastVotes {
            map_id: m,
            round_id: or_none!(round_id(u)?),
            participant_id: or_none!(participant_id(u)?),
            card_id: or_none!(card_id(u)?),
            count: if u.ratio(1, 16)? {
                u.arbitrary()?
            } else {
                u.int_in_range(0..=4)?
            },
        },
        43 => Edit::SetPaperDots {
            map_id: m,
            round_id: or_none!(round_id(u)?),
            card_id: or_none!(card_id(u)?),
            count: if u.ratio(1, 16)? {
                u.arbitrary()?
            } else {
                u.int_in_range(0..=20)?
            },
        },
        44 => match u.int_in_range(0..=3)? {
            0 => Edit::EndVoteRound {
                map_id: m,
                round_id: or_none!(round_id(u)?),
            },
            1 => Edit::ReopenVoteRound {
                map_id: m,
                round_id: or_none!(round_id(u)?),
            },
            2 => Edit::ClearVoteRound {
                map_id: m,
                round_id: or_none!(round_id(u)?),
            },
            _ => Edit::DeleteVoteRound {
                map_id: m,
                round_id: or_none!(round_id(u)?),
            },
        },
        45 => Edit::TagWinners {
            map_id: m,
            round_id: or_none!(round_id(u)?),
            top: u.int_in_range(0..=5)?,
            tag: text(u)?,
        },
        46 => Edit::UpdateVoteRound {
            map_id: m,
            round_id: or_none!(round_id(u)?),
            props: VoteRoundPatch {
                question: if u.arbitrary()? { Some(text(u)?) } else { None },
                votes_per_participant: if u.arbitrary()? {
                    Some(u.int_in_range(0..=12)?)
                } else {
                    None
                },
                max_per_card: if u.arbitrary()? {
                    Some(u.int_in_range(0..=4)?)
                } else {
                    None
                },
                anonymous: u.arbitrary()?,
                ..Default::default()
            },
        },
        _ => {
            // A batch of a few edits (batches nest, a little): one undo step, all or
            // nothing.
            if depth >= 3 {
                return Ok(None);
            }
            let mut edits = Vec::new();
            for i in 0..u.int_in_range(0..=3)? {
                if let Some(e) = edit(u, doc, &format!("{serial}.{i}"), depth + 1)? {
                    edits.push(e);
                }
            }
            Edit::Batch { edits }
        }
    };
    Ok(Some(edit))
}
