//! A file with an older schema is brought up to date on open, and only then.

use rusqlite::Connection;
use waymark_model::*;
use waymark_store::{Store, APPLICATION_ID, SCHEMA_VERSION};

use crate::common::*;

/// A Waymark file at schema 0: the application id is set, no tables yet.
fn schema_zero_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = place("old.waymark");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    drop(conn);
    (dir, path)
}

#[test]
fn an_older_schema_is_migrated_on_open() {
    let (_dir, path) = schema_zero_file();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &Document::default());
    drop(store);
    let version: u32 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn inspect_reads_an_older_schema_without_migrating_the_file() {
    let (_dir, path) = schema_zero_file();
    let before = hash(&path);
    let info = Store::inspect(&path).unwrap();
    assert_eq!((info.schema_version, info.maps.len()), (0, 0));
    assert_eq!(hash(&path), before);
}

/// `tests/fixtures/v1-sample.waymark`, written by Waymark at schema 1 (see the README),
/// copied into a fresh folder.
fn v1_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = place("v1-sample.waymark");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1-sample.waymark"
    );
    std::fs::copy(fixture, &path).unwrap();
    (dir, path)
}

fn user_version(path: &std::path::Path) -> u32 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// Every row of the V1 tables, as text, by table: what a migration must keep.
fn v1_rows(path: &std::path::Path) -> Vec<(&'static str, Vec<String>)> {
    let conn = Connection::open(path).unwrap();
    [
        (
            "maps",
            "id || '|' || position || '|' || name || '|' || description",
        ),
        (
            "map_personas",
            "map_id || '|' || persona_id || '|' || position",
        ),
        (
            "stages",
            "id || '|' || map_id || '|' || position || '|' || name || '|' || ifnull(color, '-') \
             || '|' || width",
        ),
        (
            "lanes",
            "rowid || '|' || id || '|' || map_id || '|' || position || '|' || name || '|' || kind \
             || '|' || ifnull(color, '-') || '|' || collapsed || '|' || hidden",
        ),
        (
            "cards",
            "rowid || '|' || id || '|' || map_id || '|' || stage_id || '|' || lane_id || '|' \
             || position || '|' || kind || '|' || title || '|' || body || '|' \
             || ifnull(color, '-') || '|' || ifnull(channel_id, '-') || '|' || passion_point \
             || shareable_moment || point_of_vulnerability",
        ),
        (
            "card_personas",
            "card_id || '|' || persona_id || '|' || position",
        ),
        (
            "connectors",
            "id || '|' || map_id || '|' || position || '|' || from_card_id || '|' \
             || to_card_id || '|' || kind || '|' || label",
        ),
        (
            "channels",
            "id || '|' || position || '|' || name || '|' || icon || '|' || ifnull(color, '-')",
        ),
        (
            "personas",
            "id || '|' || position || '|' || name || '|' || segment || '|' || ifnull(color, '-')",
        ),
        (
            "emotion_points",
            "map_id || '|' || persona_id || '|' || stage_id || '|' || value",
        ),
        (
            "edit_log",
            "seq || '|' || label || '|' || undone || '|' || edit",
        ),
        ("document_info", "key || '|' || value"),
    ]
    .into_iter()
    .map(|(table, row)| {
        let rows = conn
            .prepare(&format!("SELECT {row} FROM {table} ORDER BY 1"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<Vec<String>, _>>()
            .unwrap();
        (table, rows)
    })
    .collect()
}

fn count(rows: &[(&str, Vec<String>)], table: &str) -> usize {
    rows.iter().find(|(t, _)| *t == table).unwrap().1.len()
}

/// The file's schema as SQLite keeps it, by name.
fn schema(path: &std::path::Path) -> Vec<(String, String, String, Option<String>)> {
    Connection::open(path)
        .unwrap()
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn integrity(path: &std::path::Path) -> (String, i64) {
    let conn = Connection::open(path).unwrap();
    let ok = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let fk = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    (ok, fk)
}

#[test]
fn the_v1_fixture_is_what_the_tests_expect() {
    let (_dir, path) = v1_file();
    assert_eq!(user_version(&path), 1);
    let rows = v1_rows(&path);
    let counts: Vec<(&str, usize)> = rows.iter().map(|(t, r)| (*t, r.len())).collect();
    assert_eq!(
        counts,
        [
            ("maps", 2),
            ("map_personas", 2),
            ("stages", 11),
            ("lanes", 12),
            ("cards", 34),
            ("card_personas", 16),
            ("connectors", 10),
            ("channels", 7),
            ("personas", 2),
            ("emotion_points", 12),
            ("edit_log", 3),
            ("document_info", 2),
        ]
    );
}

#[test]
fn a_v1_file_is_upgraded_in_place_and_keeps_every_row() {
    let (dir, path) = v1_file();
    let before = v1_rows(&path);
    let store = Store::open(&path).unwrap();
    let doc = store.document().clone();
    drop(store);
    assert_eq!(user_version(&path), 3);
    assert_eq!(SCHEMA_VERSION, 3);
    // The upgrade is this version's write, so the file now names it; nothing else changed.
    let mut after = v1_rows(&path);
    let info = &mut after
        .iter_mut()
        .find(|(t, _)| *t == "document_info")
        .unwrap()
        .1;
    let signed = format!("written_by|{}", waymark_store::writer());
    assert!(info.contains(&signed), "{info:?}");
    info.retain(|row| *row != signed);
    assert_eq!(after, before, "every V1 row, rowids included");
    assert_eq!(integrity(&path), ("ok".to_string(), 0));
    assert_eq!(files_in(dir.path()), ["v1-sample.waymark"]);

    // The loaded document holds the same entities.
    let ids = |table: &str, f: &dyn Fn(&Document) -> Vec<String>| {
        // lanes and cards rows start with their rowid, the others with their id.
        let skip = usize::from(matches!(table, "lanes" | "cards"));
        let rows = &before.iter().find(|(t, _)| *t == table).unwrap().1;
        let mut from_file: Vec<String> = rows
            .iter()
            .map(|row| row.split('|').nth(skip).unwrap().to_string())
            .collect();
        let mut from_doc = f(&doc);
        from_file.sort();
        from_doc.sort();
        assert_eq!(from_doc, from_file, "{table}");
    };
    let all = |f: fn(&Map) -> Vec<String>| move |d: &Document| d.maps.iter().flat_map(f).collect();
    ids("maps", &|d| d.maps.iter().map(|m| m.id.clone()).collect());
    ids(
        "stages",
        &all(|m| m.stages.iter().map(|s| s.id.clone()).collect()),
    );
    ids(
        "lanes",
        &all(|m| m.lanes.iter().map(|l| l.id.clone()).collect()),
    );
    ids(
        "cards",
        &all(|m| m.cards.iter().map(|c| c.id.clone()).collect()),
    );
    ids(
        "connectors",
        &all(|m| m.connectors.iter().map(|c| c.id.clone()).collect()),
    );
    ids("channels", &|d| {
        d.channels.iter().map(|c| c.id.clone()).collect()
    });
    ids("personas", &|d| {
        d.personas.iter().map(|p| p.id.clone()).collect()
    });
    let points: usize = doc.maps.iter().map(|m| m.emotion_points.len()).sum();
    assert_eq!(points, count(&before, "emotion_points"));
    let links: usize = doc
        .maps
        .iter()
        .flat_map(|m| &m.cards)
        .map(|c| c.persona_ids.len())
        .sum();
    assert_eq!(links, count(&before, "card_personas"));

    // The plan takes its defaults.
    assert!(doc.ladder.is_empty());
    assert!(doc
        .channels
        .iter()
        .all(|c| c.plan == ChannelPlan::default()));
    assert!(doc
        .personas
        .iter()
        .all(|p| p.goals.is_empty() && p.photo.is_none()));
    for map in &doc.maps {
        assert!(map.stages.iter().all(|s| s.rung_id.is_none()));
        assert!(map.cards.iter().all(|c| c.plan == CardPlan::default()));
    }
    let conn = Connection::open(&path).unwrap();
    let defaults: (String, String, String, String, i64) = conn
        .query_row(
            "SELECT (SELECT group_concat(DISTINCT ownership || reach || role_title) FROM channels),
                    (SELECT group_concat(DISTINCT ifnull(photo, 'none') || goals) FROM personas),
                    (SELECT group_concat(DISTINCT content_needed || vuln_risk || vuln_owner
                        || vuln_mitigation || ifnull(rung_id, '-')) FROM cards),
                    (SELECT count(DISTINCT vuln_severity) || '/' || max(vuln_severity) FROM cards),
                    (SELECT count(*) FROM stages WHERE rung_id IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        defaults,
        (
            "ownedonline".to_string(),
            "none".to_string(),
            "-".to_string(),
            "1/2".to_string(),
            0
        )
    );
}

#[test]
fn a_migrated_file_has_the_schema_of_a_new_one() {
    let (_dir, path) = v1_file();
    drop(Store::open(&path).unwrap());
    let (_new_dir, new) = place("new.waymark");
    drop(Store::create(&new, &Document::default()).unwrap());
    let migrated = schema(&path);
    assert_eq!(migrated, schema(&new));
    for table in ["lanes", "cards", "card_personas", "connectors"] {
        let sql = &migrated.iter().find(|(_, n, _, _)| n == table).unwrap().3;
        assert!(sql.is_some(), "{table}");
    }
    let names: Vec<&str> = migrated.iter().map(|(_, n, _, _)| n.as_str()).collect();
    for index in [
        "lanes_by_map",
        "cards_by_map",
        "cards_by_stage",
        "cards_by_lane",
        "cards_by_channel",
        "cards_by_rung",
        "connectors_by_from",
        "connectors_by_to",
        "card_personas_by_persona",
    ] {
        assert!(names.contains(&index), "{index} is missing: {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.starts_with("v1_")),
        "the copies are gone: {names:?}"
    );
    // The references into the rebuilt tables still name them.
    let conn = Connection::open(&path).unwrap();
    let parents: Vec<String> = conn
        .prepare(
            "SELECT DISTINCT m.name || '.' || f.\"from\" || '->' || f.\"table\"
             FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
             WHERE f.\"table\" IN ('cards', 'lanes') ORDER BY 1",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        parents,
        [
            "card_personas.card_id->cards",
            "card_tags.card_id->cards",
            "cards.lane_id->lanes",
            "connectors.from_card_id->cards",
            "connectors.to_card_id->cards",
            "kpis.card_id->cards",
            "paper_dots.card_id->cards",
            "passion_notes.card_id->cards",
            "vote_round_cards.card_id->cards",
            "vote_round_lanes.lane_id->lanes",
            "votes.card_id->cards",
        ]
    );
}

#[test]
fn a_plan_edit_on_an_upgraded_file_survives_reopening() {
    let (_dir, path) = v1_file();
    let mut store = Store::open(&path).unwrap();
    let map = store
        .document()
        .maps
        .iter()
        .find(|m| m.id == "map-supporter")
        .unwrap()
        .clone();
    let card = map
        .cards
        .iter()
        .find(|c| c.flags.passion_point)
        .unwrap()
        .clone();
    let channel = store.document().channels[0].clone();
    let rungs = waymark_model::default_ladder();
    let mut channel_props = channel.props();
    channel_props.plan.ownership = Ownership::Earned;
    channel_props.plan.job.role_title = "Host".into();
    channel_props.plan.job.works_with = vec![store.document().channels[1].id.clone()];
    channel_props.plan.goals = vec![SmartGoal {
        id: "g1".into(),
        statement: "More first gifts".into(),
        metric: "gifts".into(),
        target: Some(Num(120.0)),
        unit: "gifts".into(),
        baseline: Some(Num(80.0)),
        better: Better::Up,
        period: "monthly".into(),
        relevant_to: Some(card.id.clone()),
    }];
    channel_props.plan.reviews = vec![MonthlyReview {
        month: "2026-10".into(),
        actuals: vec![GoalActual {
            goal_id: "g1".into(),
            value: Num(97.0),
        }],
        support_note: "Shared the gala".into(),
    }];
    let mut card_props = card.props();
    card_props.plan.rung_id = Some(rungs[0].id.clone());
    card_props.plan.passion.content_needed = "Thank-you video".into();
    card_props.plan.passion.kpis = vec![Kpi {
        id: "k1".into(),
        name: "Shares".into(),
        metric: "shares".into(),
        target: Some(Num(50.0)),
        actual: Some(Num(12.0)),
        unit: "shares".into(),
        better: Better::Up,
        history: vec![Reading {
            period: "2026-10".into(),
            value: Num(12.0),
        }],
    }];
    let mut stage_props = map.stages[0].props();
    stage_props.rung_id = Some(rungs[0].id.clone());
    store
        .apply(&Edit::Batch {
            edits: vec![
                Edit::SetLadder {
                    rungs: rungs.clone(),
                },
                Edit::UpdateChannel {
                    channel_id: channel.id.clone(),
                    props: channel_props.into(),
                },
                Edit::UpdateCard {
                    map_id: map.id.clone(),
                    card_id: card.id.clone(),
                    props: card_props.into(),
                },
                Edit::UpdateStage {
                    map_id: map.id.clone(),
                    stage_id: map.stages[0].id.clone(),
                    props: stage_props.into(),
                },
                // The rebuilt tables take the new kind.
                Edit::AddLane {
                    map_id: map.id.clone(),
                    lane: Lane {
                        id: "ln-ladder".into(),
                        name: "Engagement ladder".into(),
                        kind: LaneKind::Ladder,
                        color: None,
                        collapsed: false,
                        hidden: false,
                        hidden_for_outsiders: false,
                    },
                    index: 0,
                },
                Edit::AddCard {
                    map_id: map.id.clone(),
                    card: Card {
                        plan: CardPlan {
                            rung_id: Some(rungs[1].id.clone()),
                            ..Default::default()
                        },
                        id: "card-rung".into(),
                        stage_id: map.stages[1].id.clone(),
                        lane_id: "ln-ladder".into(),
                        kind: LaneKind::Ladder,
                        title: "Takes part".into(),
                        body: String::new(),
                        color: None,
                        channel_id: None,
                        persona_ids: Vec::new(),
                        flags: CardFlags::default(),
                        author: None,
                        tags: Vec::new(),
                    },
                    index: 0,
                },
            ],
        })
        .unwrap();
    let edited = store.document().clone();
    assert_eq!(edited.ladder, rungs);
    drop(store);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &edited);
    assert_eq!(integrity(&path), ("ok".to_string(), 0));
    let conn = Connection::open(&path).unwrap();
    let kinds: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM lanes WHERE kind = 'ladder')
                  + (SELECT count(*) FROM cards WHERE kind = 'ladder')
                  + (SELECT count(*) FROM smart_goals) + (SELECT count(*) FROM kpi_readings)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kinds, 4);
    drop(conn);

    // The V1 undo log still works after the upgrade: undo the plan edit, then the V1
    // fixture's own "Set emotion".
    store.undo().unwrap().unwrap();
    assert_eq!(store.history().undo_label.as_deref(), Some("Set emotion"));
    store.undo().unwrap().unwrap();
    assert_eq!(store.history().undo_label.as_deref(), Some("Add card"));
    let undone = store.document().clone();
    drop(store);
    assert_eq!(Store::open(&path).unwrap().document(), &undone);
    assert_eq!(integrity(&path), ("ok".to_string(), 0));
}

#[test]
fn inspect_reads_the_v1_fixture_without_changing_it() {
    let (_dir, path) = v1_file();
    let before = hash(&path);
    let info = Store::inspect(&path).unwrap();
    assert_eq!(info.schema_version, 1);
    assert_eq!(
        (info.maps.len(), info.channel_count, info.persona_count),
        (2, 7, 2)
    );
    assert_eq!(Store::read(&path).unwrap().maps.len(), 2);
    assert_eq!(hash(&path), before);
}

#[test]
fn a_file_newer_than_this_schema_is_refused_unchanged() {
    let (_dir, path) = v1_file();
    drop(Store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = hash(&path);
    let err = Store::open(&path).unwrap_err();
    assert_error(err, "too_new", &path);
    assert_eq!(Store::inspect(&path).unwrap_err().kind(), "too_new");
    assert_eq!(hash(&path), before);
    assert_eq!(user_version(&path), SCHEMA_VERSION + 1);
}
