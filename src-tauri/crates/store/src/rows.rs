//! The document as table rows: the one description of how model fields map to columns,
//! used to write (whole files and diffs). `load.rs` reads the same columns back.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::Value;
use waymark_model::{Document, Map};

/// One table: its key columns (all text ids) and its other columns.
pub(crate) struct Table {
    pub name: &'static str,
    pub key: &'static [&'static str],
    pub cols: &'static [&'static str],
}

/// Parents before children, so a reader of the SQL (and a full write) sees a natural order.
pub(crate) const TABLES: [Table; 10] = [
    Table {
        name: "channels",
        key: &["id"],
        cols: &["position", "name", "icon", "color"],
    },
    Table {
        name: "personas",
        key: &["id"],
        cols: &["position", "name", "segment", "color"],
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
        cols: &["map_id", "position", "name", "color", "width"],
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
        ],
    },
    Table {
        name: "card_personas",
        key: &["card_id", "persona_id"],
        cols: &["position"],
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
];

/// A table's rows by key; the values follow `Table::cols`.
pub(crate) type Rows = BTreeMap<Vec<String>, Vec<Value>>;

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

/// Every row the document needs, one `Rows` per entry of [`TABLES`].
pub(crate) fn rows(doc: &Document) -> Vec<Rows> {
    let mut out: Vec<Rows> = (0..TABLES.len()).map(|_| Rows::new()).collect();
    let [channels, personas, maps, map_personas, stages, lanes, cards, card_personas, connectors, emotions] =
        out.as_mut_slice()
    else {
        unreachable!("one Rows per table")
    };
    for (i, c) in doc.channels.iter().enumerate() {
        channels.insert(
            vec![c.id.clone()],
            vec![pos(i), text(&c.name), text(&c.icon), opt(&c.color)],
        );
    }
    for (i, p) in doc.personas.iter().enumerate() {
        personas.insert(
            vec![p.id.clone()],
            vec![pos(i), text(&p.name), text(&p.segment), opt(&p.color)],
        );
    }
    for (i, m) in doc.maps.iter().enumerate() {
        maps.insert(
            vec![m.id.clone()],
            vec![pos(i), text(&m.name), text(&m.description)],
        );
        for (j, p) in m.persona_ids.iter().enumerate() {
            map_personas.insert(vec![m.id.clone(), p.clone()], vec![pos(j)]);
        }
        for (j, s) in m.stages.iter().enumerate() {
            stages.insert(
                vec![s.id.clone()],
                vec![
                    text(&m.id),
                    pos(j),
                    text(&s.name),
                    opt(&s.color),
                    int(s.width),
                ],
            );
        }
        for (j, l) in m.lanes.iter().enumerate() {
            lanes.insert(
                vec![l.id.clone()],
                vec![
                    text(&m.id),
                    pos(j),
                    text(&l.name),
                    text(l.kind.as_str()),
                    opt(&l.color),
                    int(l.collapsed),
                    int(l.hidden),
                ],
            );
        }
        card_rows(m, cards, card_personas);
        for (j, c) in m.connectors.iter().enumerate() {
            connectors.insert(
                vec![c.id.clone()],
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
        for e in &m.emotion_points {
            emotions.insert(
                vec![m.id.clone(), e.persona_id.clone(), e.stage_id.clone()],
                vec![int(e.value)],
            );
        }
    }
    out
}

/// A card's position counts only the cards before it in its own cell: the map's card
/// list is in canonical order, and only the order within a cell carries meaning.
fn card_rows(m: &Map, cards: &mut Rows, card_personas: &mut Rows) {
    let mut in_cell: HashMap<(&str, &str), usize> = HashMap::new();
    for c in &m.cards {
        let n = in_cell
            .entry((c.stage_id.as_str(), c.lane_id.as_str()))
            .or_insert(0);
        cards.insert(
            vec![c.id.clone()],
            vec![
                text(&m.id),
                text(&c.stage_id),
                text(&c.lane_id),
                pos(*n),
                text(c.kind.as_str()),
                text(&c.title),
                text(&c.body),
                opt(&c.color),
                opt(&c.channel_id),
                int(c.flags.passion_point),
                int(c.flags.shareable_moment),
                int(c.flags.point_of_vulnerability),
            ],
        );
        *n += 1;
        for (j, p) in c.persona_ids.iter().enumerate() {
            card_personas.insert(vec![c.id.clone(), p.clone()], vec![pos(j)]);
        }
    }
}
