//! Reads the tables back into a [`Document`] and checks it with the model's own rules.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, Row};
use waymark_model::{
    Better, Card, CardFlags, CardPlan, Channel, ChannelPlan, Connector, ConnectorKind, Document,
    Eligibility, EmotionPoint, GoalActual, JobDescription, Kpi, Lane, LaneKind, Map, MonthlyReview,
    NoteKind, Num, Ownership, Participant, PassionDetails, PassionNote, Persona, Photo, Reach,
    Reading, RoundState, Rung, SmartGoal, Stage, Vote, VoteRound, Vulnerability,
};

use crate::StoreError;

/// Loads the whole document. A file whose rows break the model's rules (possible after
/// hand editing with `sqlite3`) is reported as damaged rather than half loaded.
pub(crate) fn load(conn: &Connection, path: &Path) -> Result<Document, StoreError> {
    let raw = read(conn, path)?;
    raw.rebuilt().map_err(|e| {
        StoreError::corrupt(path, format!("its data breaks a rule of the document: {e}"))
    })
}

/// An optional number column.
fn num(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Num>> {
    Ok(r.get::<_, Option<f64>>(i)?.map(Num))
}

fn read(conn: &Connection, path: &Path) -> Result<Document, StoreError> {
    let sql = StoreError::sql(path);
    let bad =
        |what: &str, value: &str| StoreError::corrupt(path, format!("unknown {what} {value:?}"));
    let missing = |table: &str, what: &str, id: &str| {
        StoreError::corrupt(path, format!("{table} names a missing {what} {id:?}"))
    };

    let ladder = all(
        conn,
        "SELECT id, name, commitment FROM rungs ORDER BY position",
        |r| {
            Ok(Rung {
                id: r.get(0)?,
                name: r.get(1)?,
                commitment: r.get(2)?,
            })
        },
    )
    .map_err(&sql)?;

    let rows = all(
        conn,
        "SELECT id, name, icon, color, ownership, reach, role_title, purpose, responsibilities,
                owner
         FROM channels ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                Channel {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    icon: r.get(2)?,
                    color: r.get(3)?,
                    plan: ChannelPlan {
                        job: JobDescription {
                            role_title: r.get(6)?,
                            purpose: r.get(7)?,
                            responsibilities: r.get(8)?,
                            owner: r.get(9)?,
                            works_with: Vec::new(),
                        },
                        ..Default::default()
                    },
                },
            ))
        },
    )
    .map_err(&sql)?;
    let mut channels = Vec::with_capacity(rows.len());
    for (ownership, reach, mut channel) in rows {
        channel.plan.ownership =
            Ownership::parse(&ownership).ok_or_else(|| bad("channel ownership", &ownership))?;
        channel.plan.reach = Reach::parse(&reach).ok_or_else(|| bad("channel reach", &reach))?;
        channels.push(channel);
    }
    let channel_index: HashMap<String, usize> = channels
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let channel_of = |table: &str, id: &str| {
        channel_index
            .get(id)
            .copied()
            .ok_or_else(|| missing(table, "channel", id))
    };

    for (channel_id, to) in pairs(
        conn,
        "SELECT channel_id, to_channel_id FROM channel_hand_offs ORDER BY position",
    )
    .map_err(&sql)?
    {
        let c = channel_of("channel_hand_offs", &channel_id)?;
        channels[c].plan.job.works_with.push(to);
    }

    let goals = all(
        conn,
        "SELECT channel_id, id, statement, metric, target, unit, baseline, better, period,
                relevant_to
         FROM smart_goals ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(7)?,
                SmartGoal {
                    id: r.get(1)?,
                    statement: r.get(2)?,
                    metric: r.get(3)?,
                    target: num(r, 4)?,
                    unit: r.get(5)?,
                    baseline: num(r, 6)?,
                    better: Better::Up,
                    period: r.get(8)?,
                    relevant_to: r.get(9)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (channel_id, better, mut goal) in goals {
        goal.better = Better::parse(&better).ok_or_else(|| bad("goal direction", &better))?;
        let c = channel_of("smart_goals", &channel_id)?;
        channels[c].plan.goals.push(goal);
    }

    let mut actuals: HashMap<(String, String), Vec<GoalActual>> = HashMap::new();
    let rows = all(
        conn,
        "SELECT channel_id, month, goal_id, value FROM review_actuals ORDER BY position",
        |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
                GoalActual {
                    goal_id: r.get(2)?,
                    value: Num(r.get(3)?),
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (review, actual) in rows {
        actuals.entry(review).or_default().push(actual);
    }
    let reviews = all(
        conn,
        "SELECT channel_id, month, support_note FROM channel_reviews ORDER BY month",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                MonthlyReview {
                    month: r.get(1)?,
                    support_note: r.get(2)?,
                    actuals: Vec::new(),
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (channel_id, mut review) in reviews {
        let key = (channel_id, review.month.clone());
        review.actuals = actuals.remove(&key).unwrap_or_default();
        let c = channel_of("channel_reviews", &key.0)?;
        channels[c].plan.reviews.push(review);
    }
    if let Some((channel_id, month)) = actuals.keys().next() {
        return Err(missing(
            "review_actuals",
            "review",
            &format!("{channel_id} {month}"),
        ));
    }

    let personas = all(
        conn,
        "SELECT id, name, segment, color, goals, photo, photo_width, photo_height
         FROM personas ORDER BY position",
        |r| {
            Ok((
                r.get::<_, Option<Vec<u8>>>(5)?,
                r.get::<_, Option<u32>>(6)?,
                r.get::<_, Option<u32>>(7)?,
                Persona {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    segment: r.get(2)?,
                    color: r.get(3)?,
                    goals: r.get(4)?,
                    photo: None,
                },
            ))
        },
    )
    .map_err(&sql)?
    .into_iter()
    .map(|(png, width, height, mut persona)| {
        persona.photo = match (png, width, height) {
            (None, _, _) => None,
            (Some(png), Some(width), Some(height)) => Some(Photo { width, height, png }),
            (Some(_), _, _) => {
                return Err(StoreError::corrupt(
                    path,
                    format!("the photo of persona {:?} has no size", persona.id),
                ))
            }
        };
        Ok(persona)
    })
    .collect::<Result<Vec<_>, _>>()?;

    let participants = all(
        conn,
        "SELECT id, name, initials, color FROM participants ORDER BY position",
        |r| {
            Ok(Participant {
                id: r.get(0)?,
                name: r.get(1)?,
                initials: r.get(2)?,
                color: r.get(3)?,
            })
        },
    )
    .map_err(&sql)?;

    let mut maps = all(
        conn,
        "SELECT id, name, description FROM maps ORDER BY position",
        |r| {
            let mut m = Map::new(r.get::<_, String>(0)?, r.get::<_, String>(1)?);
            m.description = r.get(2)?;
            Ok(m)
        },
    )
    .map_err(&sql)?;
    let index: HashMap<String, usize> = maps
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.clone(), i))
        .collect();
    let owner = |map_id: &str| {
        index.get(map_id).copied().ok_or_else(|| {
            StoreError::corrupt(path, format!("a row names a missing map {map_id:?}"))
        })
    };

    for (map_id, persona_id) in pairs(
        conn,
        "SELECT map_id, persona_id FROM map_personas ORDER BY position",
    )
    .map_err(&sql)?
    {
        maps[owner(&map_id)?].persona_ids.push(persona_id);
    }

    let stages = all(
        conn,
        "SELECT map_id, id, name, color, width, rung_id, speaker_notes
         FROM stages ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                Stage {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    color: r.get(3)?,
                    width: r.get(4)?,
                    rung_id: r.get(5)?,
                    speaker_notes: r.get(6)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (map_id, stage) in stages {
        maps[owner(&map_id)?].stages.push(stage);
    }

    let lanes = all(
        conn,
        "SELECT map_id, id, name, kind, color, collapsed, hidden, hidden_for_outsiders
         FROM lanes ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(3)?,
                Lane {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    kind: LaneKind::Custom,
                    color: r.get(4)?,
                    collapsed: r.get(5)?,
                    hidden: r.get(6)?,
                    hidden_for_outsiders: r.get(7)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (map_id, kind, mut lane) in lanes {
        lane.kind = LaneKind::parse(&kind).ok_or_else(|| bad("lane kind", &kind))?;
        maps[owner(&map_id)?].lanes.push(lane);
    }

    let mut card_personas: HashMap<String, Vec<String>> = HashMap::new();
    for (card_id, persona_id) in pairs(
        conn,
        "SELECT card_id, persona_id FROM card_personas ORDER BY position",
    )
    .map_err(&sql)?
    {
        card_personas.entry(card_id).or_default().push(persona_id);
    }
    let mut card_tags: HashMap<String, Vec<String>> = HashMap::new();
    for (card_id, tag) in
        pairs(conn, "SELECT card_id, tag FROM card_tags ORDER BY position").map_err(&sql)?
    {
        card_tags.entry(card_id).or_default().push(tag);
    }
    let mut passions = read_passions(conn, path)?;
    // Ordered by position within the cell; canonical order (by stage, then lane) is a
    // stable sort done by the rebuild, which keeps this order inside each cell.
    let cards = all(
        conn,
        "SELECT map_id, id, stage_id, lane_id, kind, title, body, color, channel_id,
                passion_point, shareable_moment, point_of_vulnerability, rung_id,
                content_needed, vuln_risk, vuln_severity, vuln_owner, vuln_mitigation, author_id
         FROM cards ORDER BY position, rowid",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(4)?,
                Card {
                    id: r.get(1)?,
                    stage_id: r.get(2)?,
                    lane_id: r.get(3)?,
                    kind: LaneKind::Custom,
                    title: r.get(5)?,
                    body: r.get(6)?,
                    color: r.get(7)?,
                    channel_id: r.get(8)?,
                    persona_ids: Vec::new(),
                    flags: CardFlags {
                        passion_point: r.get(9)?,
                        shareable_moment: r.get(10)?,
                        point_of_vulnerability: r.get(11)?,
                    },
                    plan: CardPlan {
                        rung_id: r.get(12)?,
                        passion: PassionDetails {
                            content_needed: r.get(13)?,
                            ..Default::default()
                        },
                        vulnerability: Vulnerability {
                            risk: r.get(14)?,
                            severity: r.get(15)?,
                            owner: r.get(16)?,
                            mitigation: r.get(17)?,
                        },
                    },
                    author: r.get(18)?,
                    tags: Vec::new(),
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (map_id, kind, mut card) in cards {
        card.kind = LaneKind::parse(&kind).ok_or_else(|| bad("card kind", &kind))?;
        card.persona_ids = card_personas.remove(&card.id).unwrap_or_default();
        card.tags = card_tags.remove(&card.id).unwrap_or_default();
        if let Some((kpis, notes)) = passions.remove(&card.id) {
            card.plan.passion.kpis = kpis;
            card.plan.passion.notes = notes;
        }
        maps[owner(&map_id)?].cards.push(card);
    }
    if let Some(card_id) = card_personas.keys().next() {
        return Err(missing("card_personas", "card", card_id));
    }
    if let Some(card_id) = card_tags.keys().next() {
        return Err(missing("card_tags", "card", card_id));
    }
    if let Some(card_id) = passions.keys().next() {
        return Err(missing("kpis or passion_notes", "card", card_id));
    }

    let connectors = all(
        conn,
        "SELECT map_id, id, from_card_id, to_card_id, kind, label FROM connectors ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(4)?,
                Connector {
                    id: r.get(1)?,
                    from_card_id: r.get(2)?,
                    to_card_id: r.get(3)?,
                    kind: ConnectorKind::Flow,
                    label: r.get(5)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (map_id, kind, mut connector) in connectors {
        connector.kind = ConnectorKind::parse(&kind).ok_or_else(|| bad("connector kind", &kind))?;
        maps[owner(&map_id)?].connectors.push(connector);
    }

    let points = all(
        conn,
        "SELECT map_id, persona_id, stage_id, value FROM emotion_points",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                EmotionPoint {
                    persona_id: r.get(1)?,
                    stage_id: r.get(2)?,
                    value: r.get(3)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (map_id, point) in points {
        maps[owner(&map_id)?].emotion_points.push(point);
    }

    for (map_id, round) in read_rounds(conn, path)? {
        maps[owner(&map_id)?].vote_rounds.push(round);
    }

    Ok(Document {
        ladder,
        maps,
        channels,
        personas,
        participants,
    })
}

/// The dot-voting rounds with their map's id, in their order, each with its eligible
/// lanes or cards and its votes (the participants' and the paper's).
fn read_rounds(conn: &Connection, path: &Path) -> Result<Vec<(String, VoteRound)>, StoreError> {
    let sql = StoreError::sql(path);
    let bad =
        |what: &str, value: &str| StoreError::corrupt(path, format!("unknown {what} {value:?}"));
    let mut lanes: HashMap<String, Vec<String>> = HashMap::new();
    for (round, lane) in pairs(
        conn,
        "SELECT round_id, lane_id FROM vote_round_lanes ORDER BY position",
    )
    .map_err(&sql)?
    {
        lanes.entry(round).or_default().push(lane);
    }
    let mut cards: HashMap<String, Vec<String>> = HashMap::new();
    for (round, card) in pairs(
        conn,
        "SELECT round_id, card_id FROM vote_round_cards ORDER BY position",
    )
    .map_err(&sql)?
    {
        cards.entry(round).or_default().push(card);
    }
    let mut votes: HashMap<String, Vec<Vote>> = HashMap::new();
    let rows = all(
        conn,
        "SELECT round_id, participant_id, card_id, count FROM votes
         UNION ALL SELECT round_id, NULL, card_id, count FROM paper_dots",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                Vote {
                    participant_id: r.get(1)?,
                    card_id: r.get(2)?,
                    count: r.get(3)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (round, vote) in rows {
        votes.entry(round).or_default().push(vote);
    }
    let rows = all(
        conn,
        "SELECT map_id, id, question, votes_per_participant, max_per_card, eligible_by,
                anonymous, state
         FROM vote_rounds ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(7)?,
                VoteRound {
                    id: r.get(1)?,
                    question: r.get(2)?,
                    votes_per_participant: r.get(3)?,
                    max_per_card: r.get(4)?,
                    eligible: Eligibility::Cards {
                        card_ids: Vec::new(),
                    },
                    anonymous: r.get(6)?,
                    state: RoundState::Open,
                    votes: Vec::new(),
                },
            ))
        },
    )
    .map_err(&sql)?;
    let mut out = Vec::with_capacity(rows.len());
    for (map_id, by, state, mut round) in rows {
        round.state = RoundState::parse(&state).ok_or_else(|| bad("round state", &state))?;
        round.eligible = match by.as_str() {
            "lanes" => Eligibility::Lanes {
                lane_ids: lanes.remove(&round.id).unwrap_or_default(),
            },
            "cards" => Eligibility::Cards {
                card_ids: cards.remove(&round.id).unwrap_or_default(),
            },
            other => return Err(bad("eligibility", other)),
        };
        round.votes = votes.remove(&round.id).unwrap_or_default();
        out.push((map_id, round));
    }
    let stray = lanes.keys().chain(cards.keys()).chain(votes.keys()).next();
    if let Some(round_id) = stray {
        return Err(StoreError::corrupt(
            path,
            format!("a row names a missing vote round {round_id:?} (or one of another kind)"),
        ));
    }
    Ok(out)
}

/// Each card's passion-point KPIs (with their readings) and notes, by card id.
type Passions = HashMap<String, (Vec<Kpi>, Vec<PassionNote>)>;

fn read_passions(conn: &Connection, path: &Path) -> Result<Passions, StoreError> {
    let sql = StoreError::sql(path);
    let bad =
        |what: &str, value: &str| StoreError::corrupt(path, format!("unknown {what} {value:?}"));

    let mut readings: HashMap<(String, String), Vec<Reading>> = HashMap::new();
    let rows = all(
        conn,
        "SELECT card_id, kpi_id, period, value FROM kpi_readings ORDER BY position",
        |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
                Reading {
                    period: r.get(2)?,
                    value: Num(r.get(3)?),
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (kpi, reading) in rows {
        readings.entry(kpi).or_default().push(reading);
    }

    let mut out = Passions::new();
    let kpis = all(
        conn,
        "SELECT card_id, id, name, metric, target, actual, unit, better
         FROM kpis ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(7)?,
                Kpi {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    metric: r.get(3)?,
                    target: num(r, 4)?,
                    actual: num(r, 5)?,
                    unit: r.get(6)?,
                    better: Better::Up,
                    history: Vec::new(),
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (card_id, better, mut kpi) in kpis {
        kpi.better = Better::parse(&better).ok_or_else(|| bad("KPI direction", &better))?;
        let key = (card_id, kpi.id.clone());
        kpi.history = readings.remove(&key).unwrap_or_default();
        out.entry(key.0).or_default().0.push(kpi);
    }
    if let Some((card_id, kpi_id)) = readings.keys().next() {
        return Err(StoreError::corrupt(
            path,
            format!("kpi_readings names a missing KPI {kpi_id:?} of card {card_id:?}"),
        ));
    }

    let notes = all(
        conn,
        "SELECT card_id, id, kind, text FROM passion_notes ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?,
                PassionNote {
                    id: r.get(1)?,
                    kind: NoteKind::Observation,
                    text: r.get(3)?,
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (card_id, kind, mut note) in notes {
        note.kind = NoteKind::parse(&kind).ok_or_else(|| bad("note kind", &kind))?;
        out.entry(card_id).or_default().1.push(note);
    }
    Ok(out)
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    conn.prepare(sql)?.query_map([], f)?.collect()
}

fn pairs(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<(String, String)>> {
    all(conn, sql, |r| Ok((r.get(0)?, r.get(1)?)))
}
