//! The strategist's plan (channel jobs, goals and reviews; KPIs, notes and
//! vulnerabilities; the ladder; persona goals and photos) is in the file and comes back.

use rusqlite::Connection;
use waymark_model::*;
use waymark_store::Store;

use crate::common::*;

fn n(x: f64) -> Num {
    Num(x)
}

/// The PNG signature and a few more bytes, NULs and high bytes included.
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    // The header says 64 × 48 px, as the photo does; then bytes that are not UTF-8.
    bytes.extend([
        0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 64, 0, 0, 0, 48,
    ]);
    bytes.extend([0xff, 0x00, 0x7f, 0x80]);
    bytes
}

fn goal(id: &str, statement: &str) -> SmartGoal {
    SmartGoal {
        id: id.into(),
        statement: statement.into(),
        metric: format!("{id} metric"),
        target: Some(n(1500.5)),
        unit: "visits".into(),
        baseline: Some(n(-2.25)),
        better: Better::Down,
        period: "monthly".into(),
        relevant_to: Some("s-consider".into()),
    }
}

fn kpi(id: &str) -> Kpi {
    Kpi {
        id: id.into(),
        name: format!("KPI {id}"),
        metric: "shares".into(),
        target: Some(n(0.1 + 0.2)),
        actual: Some(n(1e-300)),
        unit: "%".into(),
        better: Better::Down,
        history: vec![
            Reading {
                period: "2026-03".into(),
                value: n(3.0),
            },
            Reading {
                period: "2026-01".into(),
                value: n(-7.5),
            },
            // A period may repeat: readings are a list.
            Reading {
                period: "2026-03".into(),
                value: n(1e15),
            },
        ],
    }
}

/// [`sample`] with every plan field set to something other than its default.
pub fn plan_sample() -> Document {
    let mut doc = sample();
    doc.ladder = vec![
        Rung {
            id: "r-gift".into(),
            name: "First gift".into(),
            commitment: "$10".into(),
        },
        Rung {
            id: "r-major".into(),
            name: "Major donor".into(),
            commitment: "$1,000,000".into(),
        },
    ];
    // Channel ids are not in document order on purpose (hand-offs keep their order).
    let web = &mut doc.channels[0];
    web.plan = ChannelPlan {
        ownership: Ownership::Paid,
        reach: Reach::Offline,
        job: JobDescription {
            role_title: "Front desk".into(),
            purpose: "Welcome every visitor".into(),
            responsibilities: "Answer\nRoute".into(),
            owner: "Dana".into(),
            works_with: vec!["ch-shop".into(), "ch-mail".into()],
        },
        goals: vec![goal("g2", "Fewer drop-offs"), goal("g1", "More visits")],
        reviews: vec![
            MonthlyReview {
                month: "2026-01".into(),
                actuals: vec![
                    GoalActual {
                        goal_id: "g2".into(),
                        value: n(12.0),
                    },
                    GoalActual {
                        goal_id: "g1".into(),
                        value: n(0.5),
                    },
                ],
                support_note: "Sent people to the shop".into(),
            },
            MonthlyReview {
                month: "2026-02".into(),
                actuals: vec![GoalActual {
                    goal_id: "g1".into(),
                    value: n(-1.0),
                }],
                support_note: String::new(),
            },
        ],
    };
    // The same goal id on another channel: ids are unique within their channel only.
    let mail = &mut doc.channels[1];
    mail.plan.ownership = Ownership::Earned;
    mail.plan.goals = vec![SmartGoal {
        target: None,
        baseline: None,
        relevant_to: None,
        better: Better::Up,
        ..goal("g1", "Open rate")
    }];
    mail.plan.job.works_with = vec!["ch-web".into()];

    doc.personas[0].goals = "Find a bike that fits".into();
    doc.personas[0].photo = Some(Photo {
        width: 64,
        height: 48,
        png: png(),
    });
    doc.personas[1].goals = "Keep commuting".into();

    let buy = &mut doc.maps[0];
    buy.stages[0].rung_id = Some("r-gift".into());
    buy.stages[4].rung_id = Some("r-major".into());
    buy.lanes.push(Lane {
        id: "l-ladder".into(),
        name: "Ladder".into(),
        kind: LaneKind::Ladder,
        color: None,
        collapsed: false,
        hidden: false,
        hidden_for_outsiders: false,
    });
    buy.cards.push(Card {
        plan: CardPlan {
            rung_id: Some("r-major".into()),
            ..Default::default()
        },
        id: "c-rung".into(),
        stage_id: "s-advocate".into(),
        lane_id: "l-ladder".into(),
        kind: LaneKind::Ladder,
        title: "Becomes a major donor".into(),
        body: String::new(),
        color: None,
        channel_id: None,
        persona_ids: Vec::new(),
        flags: CardFlags::default(),
        author: None,
        tags: Vec::new(),
    });
    let ad = buy.cards.iter_mut().find(|c| c.id == "c-ad").unwrap();
    ad.plan = CardPlan {
        rung_id: Some("r-gift".into()),
        passion: PassionDetails {
            kpis: vec![kpi("k2"), kpi("k1")],
            content_needed: "A short video".into(),
            notes: vec![
                PassionNote {
                    id: "n2".into(),
                    kind: NoteKind::Quote,
                    text: "\"I want that one\"".into(),
                },
                PassionNote {
                    id: "n1".into(),
                    kind: NoteKind::Idea,
                    text: "Test drive".into(),
                },
                PassionNote {
                    id: "n3".into(),
                    kind: NoteKind::Observation,
                    text: "Watched twice".into(),
                },
            ],
        },
        vulnerability: Vulnerability {
            risk: "Loses interest".into(),
            severity: 3,
            owner: "Sam".into(),
            mitigation: "Follow up in a day".into(),
        },
    };
    // The same KPI and note ids on another card.
    let stock = buy.cards.iter_mut().find(|c| c.id == "c-stock").unwrap();
    stock.plan.passion.kpis = vec![Kpi {
        target: None,
        actual: None,
        history: Vec::new(),
        better: Better::Up,
        ..kpi("k1")
    }];
    stock.plan.passion.notes = vec![PassionNote {
        id: "n1".into(),
        kind: NoteKind::Observation,
        text: String::new(),
    }];
    stock.plan.vulnerability = Vulnerability {
        risk: "Goes elsewhere".into(),
        severity: 1,
        owner: "Lee".into(),
        mitigation: String::new(),
    };
    canonicalize(buy);
    doc
}

fn plan_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = place("plan.waymark");
    Store::create(&path, &plan_sample()).expect("create plan file");
    (dir, path)
}

/// The document as the file holds it, read while the store still holds the file.
fn reopened(path: &std::path::Path) -> Document {
    Store::read(path).unwrap()
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn count(path: &std::path::Path, table: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn fk_problems(path: &std::path::Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn every_plan_field_round_trips() {
    let doc = plan_sample();
    assert_ne!(doc.channels[0].plan, ChannelPlan::default());
    let (_dir, path) = plan_file();
    assert_eq!(reopened(&path), doc);
    assert_eq!(Store::read(&path).unwrap(), doc);
    assert_eq!(fk_problems(&path), 0);
}

#[test]
fn plan_tables_are_readable_by_people() {
    let (_dir, path) = plan_file();
    let conn = Connection::open(&path).unwrap();
    assert_eq!(
        strings(
            &conn,
            "SELECT channel_id || ':' || id || ':' || better || ':' || ifnull(target, '-')
             FROM smart_goals ORDER BY channel_id, position"
        ),
        [
            "ch-mail:g1:up:-",
            "ch-web:g2:down:1500.5",
            "ch-web:g1:down:1500.5"
        ]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT to_channel_id FROM channel_hand_offs WHERE channel_id = 'ch-web'
             ORDER BY position"
        ),
        ["ch-shop", "ch-mail"]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT month || ' ' || goal_id || '=' || value FROM review_actuals
             ORDER BY month, position"
        ),
        ["2026-01 g2=12.0", "2026-01 g1=0.5", "2026-02 g1=-1.0"]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT ownership || '/' || reach || '/' || role_title FROM channels
             ORDER BY position"
        ),
        ["paid/offline/Front desk", "earned/online/", "owned/online/"]
    );
    assert_eq!(
        strings(&conn, "SELECT id FROM rungs ORDER BY position"),
        ["r-gift", "r-major"]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT kind || ' ' || ifnull(rung_id, '-') FROM cards WHERE id IN ('c-rung', 'c-ad')
             ORDER BY id"
        ),
        ["touchpoints r-gift", "ladder r-major"]
    );
    let (risk, severity, content): (String, i64, String) = conn
        .query_row(
            "SELECT vuln_risk, vuln_severity, content_needed FROM cards WHERE id = 'c-ad'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (risk.as_str(), severity, content.as_str()),
        ("Loses interest", 3, "A short video")
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT card_id || ' ' || kpi_id || ' ' || period FROM kpi_readings
             ORDER BY card_id, kpi_id, position"
        ),
        [
            "c-ad k1 2026-03",
            "c-ad k1 2026-01",
            "c-ad k1 2026-03",
            "c-ad k2 2026-03",
            "c-ad k2 2026-01",
            "c-ad k2 2026-03"
        ]
    );
    assert_eq!(
        strings(
            &conn,
            "SELECT card_id || ' ' || id || ' ' || kind FROM passion_notes
             ORDER BY card_id, position"
        ),
        [
            "c-ad n2 quote",
            "c-ad n1 idea",
            "c-ad n3 observation",
            "c-stock n1 observation"
        ]
    );
    let (photo, width, height, goals): (Vec<u8>, u32, u32, String) = conn
        .query_row(
            "SELECT photo, photo_width, photo_height, goals FROM personas WHERE id = 'p-ana'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (photo, width, height, goals.as_str()),
        (png(), 64, 48, "Find a bike that fits")
    );
    let typeof_photo: String = conn
        .query_row(
            "SELECT typeof(photo) FROM personas WHERE id = 'p-ana'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(typeof_photo, "blob");
}

#[test]
fn the_schema_refuses_impossible_plan_values() {
    let (_dir, path) = plan_file();
    let conn = Connection::open(&path).unwrap();
    for sql in [
        "UPDATE cards SET vuln_severity = 4 WHERE id = 'c-ad'",
        "UPDATE channels SET ownership = 'rented' WHERE id = 'ch-web'",
        "UPDATE smart_goals SET better = 'sideways'",
        "UPDATE passion_notes SET kind = 'rumour'",
        "UPDATE lanes SET kind = 'bogus' WHERE id = 'l-ladder'",
    ] {
        assert!(conn.execute(sql, []).is_err(), "accepted: {sql}");
    }
}

/// Applies `edit`, checks the file and a reopened copy match the store, then undoes and
/// checks the same against the document before the edit.
fn apply_and_undo(path: &std::path::Path, edit: Edit, check: impl Fn(&Document)) {
    let mut store = Store::open(path).unwrap();
    let before = store.document().clone();
    store.apply(&edit).unwrap();
    let after = store.document().clone();
    check(&after);
    assert_eq!(fk_problems(path), 0);
    assert_eq!(reopened(path), after);
    store.undo().unwrap().expect("an undo step");
    assert_eq!(store.document(), &before);
    assert_eq!(reopened(path), before);
    assert_eq!(fk_problems(path), 0);
    store.redo().unwrap().expect("a redo step");
    assert_eq!(reopened(path), after);
    store.undo().unwrap();
}

#[test]
fn removing_a_goal_deletes_its_rows_and_undo_restores_them() {
    let (_dir, path) = plan_file();
    let doc = plan_sample();
    let mut props = doc.channels[0].props();
    props.plan.goals.retain(|g| g.id != "g2");
    for review in &mut props.plan.reviews {
        review.actuals.retain(|a| a.goal_id != "g2");
    }
    props.plan.reviews.pop();
    props.plan.job.works_with.reverse();
    let goals = |p: &std::path::Path| {
        strings(
            &Connection::open(p).unwrap(),
            "SELECT channel_id || ':' || id || '@' || position FROM smart_goals
             ORDER BY channel_id, position",
        )
    };
    assert_eq!(goals(&path), ["ch-mail:g1@0", "ch-web:g2@0", "ch-web:g1@1"]);
    apply_and_undo(
        &path,
        Edit::UpdateChannel {
            channel_id: "ch-web".into(),
            props: props.into(),
        },
        |_| {
            assert_eq!(goals(&path), ["ch-mail:g1@0", "ch-web:g1@0"]);
            assert_eq!(count(&path, "review_actuals"), 1);
            assert_eq!(count(&path, "channel_reviews"), 1);
            assert_eq!(
                strings(
                    &Connection::open(&path).unwrap(),
                    "SELECT to_channel_id FROM channel_hand_offs WHERE channel_id = 'ch-web'
                     ORDER BY position"
                ),
                ["ch-mail", "ch-shop"]
            );
        },
    );
    assert_eq!(goals(&path), ["ch-mail:g1@0", "ch-web:g2@0", "ch-web:g1@1"]);
    assert_eq!(count(&path, "review_actuals"), 3);
}

#[test]
fn deleting_a_card_deletes_its_kpis_readings_and_notes() {
    let (_dir, path) = plan_file();
    let rows = |p: &std::path::Path| {
        (
            count(p, "kpis WHERE card_id = 'c-ad'"),
            count(p, "kpi_readings WHERE card_id = 'c-ad'"),
            count(p, "passion_notes WHERE card_id = 'c-ad'"),
        )
    };
    assert_eq!(rows(&path), (2, 6, 3));
    apply_and_undo(
        &path,
        Edit::DeleteCard {
            map_id: "m-buy".into(),
            card_id: "c-ad".into(),
        },
        |doc| {
            assert!(doc.maps[0].card("c-ad").is_none());
            assert_eq!(rows(&path), (0, 0, 0));
            assert_eq!(count(&path, "kpis"), 1, "c-stock keeps its KPI");
        },
    );
    assert_eq!(rows(&path), (2, 6, 3));
}

#[test]
fn editing_kpis_and_notes_writes_only_what_changed() {
    let (_dir, path) = plan_file();
    let doc = plan_sample();
    let mut props = doc.maps[0].card("c-ad").unwrap().props();
    let passion = &mut props.plan.passion;
    passion.kpis[0].history.remove(0);
    passion.kpis[1].target = None;
    passion.kpis.swap(0, 1);
    passion.notes.retain(|n| n.id != "n1");
    passion.notes[0].kind = NoteKind::Idea;
    props.plan.vulnerability.severity = 1;
    props.plan.rung_id = None;
    apply_and_undo(
        &path,
        Edit::UpdateCard {
            map_id: "m-buy".into(),
            card_id: "c-ad".into(),
            props: props.into(),
        },
        |_| {
            assert_eq!(count(&path, "kpi_readings WHERE card_id = 'c-ad'"), 5);
            assert_eq!(count(&path, "passion_notes WHERE card_id = 'c-ad'"), 2);
            assert_eq!(
                count(
                    &path,
                    "cards WHERE id = 'c-ad' AND rung_id IS NULL AND vuln_severity = 1"
                ),
                1
            );
        },
    );
}

#[test]
fn deleting_a_channel_deletes_its_plan_and_the_hand_offs_to_it() {
    let (_dir, path) = plan_file();
    apply_and_undo(
        &path,
        Edit::DeleteChannel {
            channel_id: "ch-web".into(),
        },
        |doc| {
            assert!(doc.channels.iter().all(|c| c.id != "ch-web"));
            assert_eq!(count(&path, "channel_hand_offs"), 0);
            assert_eq!(count(&path, "smart_goals"), 1);
            assert_eq!(count(&path, "channel_reviews"), 0);
            assert_eq!(count(&path, "review_actuals"), 0);
        },
    );
    assert_eq!(count(&path, "channel_hand_offs"), 3);
}

#[test]
fn shrinking_the_ladder_takes_stages_and_cards_off_the_rung() {
    let (_dir, path) = plan_file();
    apply_and_undo(
        &path,
        Edit::SetLadder {
            rungs: vec![Rung {
                id: "r-gift".into(),
                name: "First gift".into(),
                commitment: "$25".into(),
            }],
        },
        |_| {
            assert_eq!(count(&path, "rungs"), 1);
            assert_eq!(count(&path, "stages WHERE rung_id = 'r-major'"), 0);
            assert_eq!(count(&path, "cards WHERE rung_id = 'r-major'"), 0);
        },
    );
    assert_eq!(count(&path, "stages WHERE rung_id = 'r-major'"), 1);
}

#[test]
fn a_persona_photo_is_replaced_and_removed() {
    let (_dir, path) = plan_file();
    let mut props = plan_sample().personas[0].props();
    props.photo = None;
    apply_and_undo(
        &path,
        Edit::UpdatePersona {
            persona_id: "p-ana".into(),
            props: props.into(),
        },
        |_| assert_eq!(count(&path, "personas WHERE photo IS NOT NULL"), 0),
    );
    assert_eq!(count(&path, "personas WHERE photo IS NOT NULL"), 1);
}

#[test]
fn a_photo_without_its_size_is_reported_as_damage() {
    let (_dir, path) = plan_file();
    let conn = Connection::open(&path).unwrap();
    assert!(
        conn.execute("UPDATE personas SET photo_width = NULL", [])
            .is_ok(),
        "the size is a separate column"
    );
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert_error(err, "corrupt", &path);
}
