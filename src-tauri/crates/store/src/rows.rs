//! The document as table rows: the one description of how model fields map to columns,
//! used to write (whole files and diffs). `load.rs` reads the same columns back.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::types::Value;
use waymark_model::{Card, Channel, Document, Eligibility, Map, Num, Persona};

/// One table: its key columns (ids, and for list items without an id their place) and its
/// other columns.
pub(crate) struct Table {
    pub name: &'static str,
    pub key: &'static [&'static str],
    pub cols: &'static [&'static str],
}

/// Parents before children, so a reader of the SQL (and a full write) sees a natural order.
pub(crate) const TABLES: [Table; 25] = [
    Table {
        name: "rungs",
        key: &["id"],
        cols: &["position", "name", "commitment"],
    },
    Table {
        name: "channels",
        key: &["id"],
        cols: &[
            "position",
            "name",
            "icon",
            "color",
            "ownership",
            "reach",
            "role_title",
            "purpose",
            "responsibilities",
            "owner",
        ],
    },
    Table {
        name: "channel_hand_offs",
        key: &["channel_id", "to_channel_id"],
        cols: &["position"],
    },
    Table {
        name: "smart_goals",
        key: &["channel_id", "id"],
        cols: &[
            "position",
            "statement",
            "metric",
            "target",
            "unit",
            "baseline",
            "better",
            "period",
            "relevant_to",
        ],
    },
    Table {
        name: "channel_reviews",
        key: &["channel_id", "month"],
        cols: &["support_note"],
    },
    Table {
        name: "review_actuals",
        key: &["channel_id", "month", "goal_id"],
        cols: &["position", "value"],
    },
    Table {
        name: "personas",
        key: &["id"],
        cols: &[
            "position",
            "name",
            "segment",
            "color",
            "goals",
            "photo",
            "photo_width",
            "photo_height",
        ],
    },
    Table {
        name: "participants",
        key: &["id"],
        cols: &["position", "name", "initials", "color"],
    },
    Table {
        name: "maps",
        key: &["id"],
        cols: &["position", "name", "description"],
    },
    Table {
        name: "map_personas",
        key: &["map_id", "persona_id"],
        cols: &["position"],
    },
    Table {
        name: "stages",
        key: &["id"],
        cols: &[
            "map_id",
            "position",
            "name",
            "color",
            "width",
            "rung_id",
            "speaker_notes",
        ],
    },
    Table {
        name: "lanes",
        key: &["id"],
        cols: &[
            "map_id",
            "position",
            "name",
            "kind",
            "color",
            "collapsed",
            "hidden",
            "hidden_for_outsiders",
        ],
    },
    Table {
        name: "cards",
        key: &["id"],
        cols: &[
            "map_id",
            "stage_id",
            "lane_id",
            "position",
            "kind",
            "title",
            "body",
            "color",
            "channel_id",
            "passion_point",
            "shareable_moment",
            "point_of_vulnerability",
            "rung_id",
            "content_needed",
            "vuln_risk",
            "vuln_severity",
            "vuln_owner",
            "vuln_mitigation",
            "author_id",
        ],
    },
    Table {
        name: "card_personas",
        key: &["card_id", "persona_id"],
        cols: &["position"],
    },
    Table {
        name: "card_tags",
        key: &["card_id", "tag"],
        cols: &["position"],
    },
    Table {
        name: "kpis",
        key: &["card_id", "id"],
        cols: &[
            "position", "name", "metric", "target", "actual", "unit", "better",
        ],
    },
    // A KPI's readings are a plain list (a period may repeat), so their key is the place.
    Table {
        name: "kpi_readings",
        key: &["card_id", "kpi_id", "position"],
        cols: &["period", "value"],
    },
    Table {
        name: "passion_notes",
        key: &["card_id", "id"],
        cols: &["position", "kind", "text"],
    },
    Table {
        name: "connectors",
        key: &["id"],
        cols: &[
            "map_id",
            "position",
            "from_card_id",
            "to_card_id",
            "kind",
            "label",
        ],
    },
    Table {
        name: "emotion_points",
        key: &["map_id", "persona_id", "stage_id"],
        cols: &["value"],
    },
    Table {
        name: "vote_rounds",
        key: &["id"],
        cols: &[
            "map_id",
            "position",
            "question",
            "votes_per_participant",
            "max_per_card",
            "eligible_by",
            "anonymous",
            "state",
        ],
    },
    Table {
        name: "vote_round_lanes",
        key: &["round_id", "lane_id"],
        cols: &["position"],
    },
    Table {
        name: "vote_round_cards",
        key: &["round_id", "card_id"],
        cols: &["position"],
    },
    Table {
        name: "votes",
        key: &["round_id", "participant_id", "card_id"],
        cols: &["count"],
    },
    Table {
        name: "paper_dots",
        key: &["round_id", "card_id"],
        cols: &["count"],
    },
];

/// One key column's value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key {
    Text(String),
    Int(i64),
}

impl From<&Key> for Value {
    fn from(k: &Key) -> Value {
        match k {
            Key::Text(s) => Value::Text(s.clone()),
            Key::Int(n) => Value::Integer(*n),
        }
    }
}

/// A table's rows by key; the values follow `Table::cols`.
pub(crate) type Rows = BTreeMap<Vec<Key>, Vec<Value>>;

fn id(s: &str) -> Key {
    Key::Text(s.to_string())
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Null, text)
}

fn int(n: impl Into<i64>) -> Value {
    Value::Integer(n.into())
}

fn pos(i: usize) -> Value {
    Value::Integer(i as i64)
}

fn real(n: Num) -> Value {
    Value::Real(n.0)
}

fn opt_real(n: Option<Num>) -> Value {
    n.map_or(Value::Null, real)
}

/// Maps and cards that are the same in two documents (same content, same place): their
/// rows are the same on both sides, so the diff writer need not build them at all. On a
/// 2,000-card map a one-card edit then builds the rows of one card, not of all.
#[derive(Default)]
pub(crate) struct Same<'a> {
    maps: HashSet<&'a str>,
    cards: HashSet<&'a str>,
}

impl<'a> Same<'a> {
    pub(crate) fn between(old: &Document, new: &'a Document) -> Same<'a> {
        let mut same = Same::default();
        for m in &new.maps {
            let Some(before) = old.maps.iter().find(|o| o.id == m.id) else {
                continue;
            };
            if before == m {
                same.maps.insert(&m.id);
                continue;
            }
            let placed = card_places(before);
            for (c, place) in m.cards.iter().zip(cell_positions(m)) {
                if placed
                    .get(c.id.as_str())
                    .is_some_and(|(o, p)| *o == c && *p == place)
                {
                    same.cards.insert(&c.id);
                }
            }
        }
        same
    }
}

/// Each card of a map with its position in its cell.
fn card_places(m: &Map) -> HashMap<&str, (&Card, usize)> {
    m.cards
        .iter()
        .zip(cell_positions(m))
        .map(|(c, p)| (c.id.as_str(), (c, p)))
        .collect()
}

/// The position of each card (in the map's order) within its cell.
fn cell_positions(m: &Map) -> Vec<usize> {
    let mut in_cell: HashMap<(&str, &str), usize> = HashMap::new();
    m.cards
        .iter()
        .map(|c| {
            let n = in_cell
                .entry((c.stage_id.as_str(), c.lane_id.as_str()))
                .or_insert(0);
            *n += 1;
            *n - 1
        })
        .collect()
}

/// Every row the document needs, one `Rows` per entry of [`TABLES`], leaving out those of
/// the maps and cards in `same`.
pub(crate) fn rows_except(doc: &Document, same: &Same<'_>) -> Vec<Rows> {
    let mut out = no_rows();
    let [rungs, channels, hand_offs, goals, reviews, actuals, personas, participants, maps, map_personas, stages, lanes, cards, card_personas, card_tags, kpis, readings, notes, connectors, emotions, rounds, round_lanes, round_cards, votes, paper_dots] =
        out.as_mut_slice()
    else {
        unreachable!("one Rows per table")
    };
    for (i, r) in doc.ladder.iter().enumerate() {
        rungs.insert(
            vec![id(&r.id)],
            vec![pos(i), text(&r.name), text(&r.commitment)],
        );
    }
    for (i, c) in doc.channels.iter().enumerate() {
        channel_rows(i, c, channels, hand_offs, goals, reviews, actuals);
    }
    for (i, p) in doc.personas.iter().enumerate() {
        personas.insert(vec![id(&p.id)], persona_row(i, p));
    }
    for (i, p) in doc.participants.iter().enumerate() {
        participants.insert(
            vec![id(&p.id)],
            vec![pos(i), text(&p.name), text(&p.initials), text(&p.color)],
        );
    }
    for (i, m) in doc.maps.iter().enumerate() {
        maps.insert(
            vec![id(&m.id)],
            vec![pos(i), text(&m.name), text(&m.description)],
        );
        if same.maps.contains(m.id.as_str()) {
            continue;
        }
        for (j, p) in m.persona_ids.iter().enumerate() {
            map_personas.insert(vec![id(&m.id), id(p)], vec![pos(j)]);
        }
        for (j, s) in m.stages.iter().enumerate() {
            stages.insert(
                vec![id(&s.id)],
                vec![
                    text(&m.id),
                    pos(j),
                    text(&s.name),
                    opt(&s.color),
                    int(s.width),
                    opt(&s.rung_id),
                    text(&s.speaker_notes),
                ],
            );
        }
        for (j, l) in m.lanes.iter().enumerate() {
            lanes.insert(
                vec![id(&l.id)],
                vec![
                    text(&m.id),
                    pos(j),
                    text(&l.name),
                    text(l.kind.as_str()),
                    opt(&l.color),
                    int(l.collapsed),
                    int(l.hidden),
                    int(l.hidden_for_outsiders),
                ],
            );
        }
        card_rows(m, &same.cards, cards, card_personas, card_tags);
        for c in m
            .cards
            .iter()
            .filter(|c| !same.cards.contains(c.id.as_str()))
        {
            card_plan_rows(c, kpis, readings, notes);
        }
        map_connector_rows(m, connectors);
        for e in &m.emotion_points {
            emotions.insert(
                vec![id(&m.id), id(&e.persona_id), id(&e.stage_id)],
                vec![int(e.value)],
            );
        }
        for (j, r) in m.vote_rounds.iter().enumerate() {
            rounds.insert(
                vec![id(&r.id)],
                vec![
                    text(&m.id),
                    pos(j),
                    text(&r.question),
                    int(r.votes_per_participant),
                    int(r.max_per_card),
                    text(r.eligible.by()),
                    int(r.anonymous),
                    text(r.state.as_str()),
                ],
            );
            match &r.eligible {
                Eligibility::Lanes { lane_ids } => {
                    for (k, l) in lane_ids.iter().enumerate() {
                        round_lanes.insert(vec![id(&r.id), id(l)], vec![pos(k)]);
                    }
                }
                Eligibility::Cards { card_ids } => {
                    for (k, c) in card_ids.iter().enumerate() {
                        round_cards.insert(vec![id(&r.id), id(c)], vec![pos(k)]);
                    }
                }
            }
            for v in &r.votes {
                match &v.participant_id {
                    Some(p) => {
                        votes.insert(vec![id(&r.id), id(p), id(&v.card_id)], vec![int(v.count)])
                    }
                    None => paper_dots.insert(vec![id(&r.id), id(&v.card_id)], vec![int(v.count)]),
                };
            }
        }
    }
    out
}

fn no_rows() -> Vec<Rows> {
    (0..TABLES.len()).map(|_| Rows::new()).collect()
}

/// The rows of the cards in `cells` (stage id, lane id) of one map, with their own lists;
/// none when the map is missing. The same rows [`rows_except`] builds for those cards.
pub(crate) fn cell_rows(doc: &Document, map_id: &str, cells: &[(String, String)]) -> Vec<Rows> {
    let mut out = no_rows();
    let Some(m) = doc.map(map_id) else {
        return out;
    };
    let [cards, card_personas, card_tags, kpis, readings, notes] = &mut out[CARDS..CARDS + 6]
    else {
        unreachable!("one Rows per table")
    };
    let mut in_cell = vec![0; cells.len()];
    for c in &m.cards {
        let cell = cells
            .iter()
            .position(|(s, l)| *s == c.stage_id && *l == c.lane_id);
        let Some(cell) = cell else { continue };
        card_row(m, c, in_cell[cell], cards, card_personas, card_tags);
        in_cell[cell] += 1;
        card_plan_rows(c, kpis, readings, notes);
    }
    out
}

/// The rows of every connector of one map; none when the map is missing.
pub(crate) fn connector_rows(doc: &Document, map_id: &str) -> Vec<Rows> {
    let mut out = no_rows();
    if let Some(m) = doc.map(map_id) {
        map_connector_rows(m, &mut out[CONNECTORS]);
    }
    out
}

/// The places in [`TABLES`] of the cards table (its five child tables follow it) and of
/// the connectors table.
pub(crate) const CARDS: usize = 12;
pub(crate) const CONNECTORS: usize = 18;

fn map_connector_rows(m: &Map, connectors: &mut Rows) {
    for (j, c) in m.connectors.iter().enumerate() {
        connectors.insert(
            vec![id(&c.id)],
            vec![
                text(&m.id),
                pos(j),
                text(&c.from_card_id),
                text(&c.to_card_id),
                text(c.kind.as_str()),
                text(&c.label),
            ],
        );
    }
}

fn channel_rows(
    i: usize,
    c: &Channel,
    channels: &mut Rows,
    hand_offs: &mut Rows,
    goals: &mut Rows,
    reviews: &mut Rows,
    actuals: &mut Rows,
) {
    let (plan, job) = (&c.plan, &c.plan.job);
    channels.insert(
        vec![id(&c.id)],
        vec![
            pos(i),
            text(&c.name),
            text(&c.icon),
            opt(&c.color),
            text(plan.ownership.as_str()),
            text(plan.reach.as_str()),
            text(&job.role_title),
            text(&job.purpose),
            text(&job.responsibilities),
            text(&job.owner),
        ],
    );
    for (j, to) in job.works_with.iter().enumerate() {
        hand_offs.insert(vec![id(&c.id), id(to)], vec![pos(j)]);
    }
    for (j, g) in plan.goals.iter().enumerate() {
        goals.insert(
            vec![id(&c.id), id(&g.id)],
            vec![
                pos(j),
                text(&g.statement),
                text(&g.metric),
                opt_real(g.target),
                text(&g.unit),
                opt_real(g.baseline),
                text(g.better.as_str()),
                text(&g.period),
                opt(&g.relevant_to),
            ],
        );
    }
    for r in &plan.reviews {
        reviews.insert(vec![id(&c.id), id(&r.month)], vec![text(&r.support_note)]);
        for (j, a) in r.actuals.iter().enumerate() {
            actuals.insert(
                vec![id(&c.id), id(&r.month), id(&a.goal_id)],
                vec![pos(j), real(a.value)],
            );
        }
    }
}

fn persona_row(i: usize, p: &Persona) -> Vec<Value> {
    let photo = p.photo.as_ref();
    vec![
        pos(i),
        text(&p.name),
        text(&p.segment),
        opt(&p.color),
        text(&p.goals),
        photo.map_or(Value::Null, |ph| Value::Blob(ph.png.clone())),
        photo.map_or(Value::Null, |ph| int(ph.width)),
        photo.map_or(Value::Null, |ph| int(ph.height)),
    ]
}

/// A card's position counts only the cards before it in its own cell: the map's card
/// list is in canonical order, and only the order within a cell carries meaning.
fn card_rows(
    m: &Map,
    same: &HashSet<&str>,
    cards: &mut Rows,
    card_personas: &mut Rows,
    card_tags: &mut Rows,
) {
    for (c, n) in m.cards.iter().zip(cell_positions(m)) {
        if !same.contains(c.id.as_str()) {
            card_row(m, c, n, cards, card_personas, card_tags);
        }
    }
}

/// One card's row, `n` its position in its cell, with its personas and tags.
fn card_row(
    m: &Map,
    c: &Card,
    n: usize,
    cards: &mut Rows,
    card_personas: &mut Rows,
    card_tags: &mut Rows,
) {
    let (plan, vuln) = (&c.plan, &c.plan.vulnerability);
    cards.insert(
        vec![id(&c.id)],
        vec![
            text(&m.id),
            text(&c.stage_id),
            text(&c.lane_id),
            pos(n),
            text(c.kind.as_str()),
            text(&c.title),
            text(&c.body),
            opt(&c.color),
            opt(&c.channel_id),
            int(c.flags.passion_point),
            int(c.flags.shareable_moment),
            int(c.flags.point_of_vulnerability),
            opt(&plan.rung_id),
            text(&plan.passion.content_needed),
            text(&vuln.risk),
            int(vuln.severity),
            text(&vuln.owner),
            text(&vuln.mitigation),
            opt(&c.author),
        ],
    );
    for (j, p) in c.persona_ids.iter().enumerate() {
        card_personas.insert(vec![id(&c.id), id(p)], vec![pos(j)]);
    }
    for (j, t) in c.tags.iter().enumerate() {
        card_tags.insert(vec![id(&c.id), id(t)], vec![pos(j)]);
    }
}

fn card_plan_rows(c: &Card, kpis: &mut Rows, readings: &mut Rows, notes: &mut Rows) {
    let passion = &c.plan.passion;
    for (j, k) in passion.kpis.iter().enumerate() {
        kpis.insert(
            vec![id(&c.id), id(&k.id)],
            vec![
                pos(j),
                text(&k.name),
                text(&k.metric),
                opt_real(k.target),
                opt_real(k.actual),
                text(&k.unit),
                text(k.better.as_str()),
            ],
        );
        for (n, r) in k.history.iter().enumerate() {
            readings.insert(
                vec![id(&c.id), id(&k.id), Key::Int(n as i64)],
                vec![text(&r.period), real(r.value)],
            );
        }
    }
    for (j, note) in passion.notes.iter().enumerate() {
        notes.insert(
            vec![id(&c.id), id(&note.id)],
            vec![pos(j), text(note.kind.as_str()), text(&note.text)],
        );
    }
}
