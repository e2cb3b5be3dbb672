//! Reads the tables back into a [`Document`] and checks it with the model's own rules.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, Row};
use waymark_model::{
    Card, CardFlags, Channel, Connector, ConnectorKind, Document, Edit, EditError, EmotionPoint,
    Lane, LaneKind, Map, Persona, Stage,
};

use crate::StoreError;

/// Loads the whole document. A file whose rows break the model's rules (possible after
/// hand editing with `sqlite3`) is reported as damaged rather than half loaded.
pub(crate) fn load(conn: &Connection, path: &Path) -> Result<Document, StoreError> {
    let raw = read(conn, path)?;
    rebuild(&raw).map_err(|e| {
        StoreError::corrupt(path, format!("its data breaks a rule of the document: {e}"))
    })
}

/// Builds the document again through the model's edits, so it is checked by exactly the
/// rules the editor enforces and comes out in canonical order.
pub(crate) fn rebuild(doc: &Document) -> Result<Document, EditError> {
    let mut out = Document::default();
    let adds = doc
        .channels
        .iter()
        .map(|c| Edit::AddChannel {
            channel: c.clone(),
            index: u32::MAX,
        })
        .chain(doc.personas.iter().map(|p| Edit::AddPersona {
            persona: p.clone(),
            index: u32::MAX,
        }))
        .chain(doc.maps.iter().map(|m| Edit::AddMap {
            map: m.clone(),
            index: u32::MAX,
        }));
    for edit in adds {
        edit.apply(&mut out)?;
    }
    Ok(out)
}

fn read(conn: &Connection, path: &Path) -> Result<Document, StoreError> {
    let sql = StoreError::sql(path);
    let bad =
        |what: &str, value: &str| StoreError::corrupt(path, format!("unknown {what} {value:?}"));

    let channels = all(
        conn,
        "SELECT id, name, icon, color FROM channels ORDER BY position",
        |r| {
            Ok(Channel {
                plan: Default::default(),
                id: r.get(0)?,
                name: r.get(1)?,
                icon: r.get(2)?,
                color: r.get(3)?,
            })
        },
    )
    .map_err(&sql)?;
    let personas = all(
        conn,
        "SELECT id, name, segment, color FROM personas ORDER BY position",
        |r| {
            Ok(Persona {
                goals: String::new(),
                photo: None,
                id: r.get(0)?,
                name: r.get(1)?,
                segment: r.get(2)?,
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
        "SELECT map_id, id, name, color, width FROM stages ORDER BY position",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                Stage {
                    rung_id: None,
                    id: r.get(1)?,
                    name: r.get(2)?,
                    color: r.get(3)?,
                    width: r.get(4)?,
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
        "SELECT map_id, id, name, kind, color, collapsed, hidden FROM lanes ORDER BY position",
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
    // Ordered by position within the cell; canonical order (by stage, then lane) is a
    // stable sort done by the rebuild, which keeps this order inside each cell.
    let cards = all(
        conn,
        "SELECT map_id, id, stage_id, lane_id, kind, title, body, color, channel_id,
                passion_point, shareable_moment, point_of_vulnerability
         FROM cards ORDER BY position, rowid",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(4)?,
                Card {
                    plan: Default::default(),
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
                },
            ))
        },
    )
    .map_err(&sql)?;
    for (map_id, kind, mut card) in cards {
        card.kind = LaneKind::parse(&kind).ok_or_else(|| bad("card kind", &kind))?;
        card.persona_ids = card_personas.remove(&card.id).unwrap_or_default();
        maps[owner(&map_id)?].cards.push(card);
    }
    if let Some(card_id) = card_personas.keys().next() {
        return Err(StoreError::corrupt(
            path,
            format!("card_personas names a missing card {card_id:?}"),
        ));
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

    Ok(Document {
        ladder: Vec::new(),
        maps,
        channels,
        personas,
    })
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
