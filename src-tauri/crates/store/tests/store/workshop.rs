//! Workshop mode in the file: participants, authors, tags, vote rounds, votes and paper
//! dots are written by the diff writer, survive reopening, undo through the edit log, and
//! read plainly with SQL; a schema-2 file is upgraded to hold them.

use rusqlite::Connection;
use waymark_model::*;
use waymark_store::{Store, SCHEMA_VERSION};

use crate::common::*;

fn person(id: &str, name: &str) -> Edit {
    Edit::AddParticipant {
        participant: Participant {
            id: id.into(),
            name: name.into(),
            initials: String::new(),
            color: String::new(),
        },
        index: u32::MAX,
    }
}

fn cast(round: &str, who: &str, card: &str, count: u32) -> Edit {
    Edit::CastVotes {
        map_id: "m-buy".into(),
        round_id: round.into(),
        participant_id: who.into(),
        card_id: card.into(),
        count,
    }
}

/// A workshop on the sample's map, one edit at a time: people, an authored card, a
/// round by lanes with votes and paper dots that ends and tags its winner, and a round
/// on a selection of cards.
fn workshop_edits() -> Vec<Edit> {
    vec![
        person("pt-ada", "Ada Lovelace"),
        person("pt-grace", "Grace Hopper"),
        Edit::UpdateStage {
            map_id: "m-buy".into(),
            stage_id: "s-discover".into(),
            props: StagePatch {
                speaker_notes: Some("Start with the ad everyone saw.".into()),
                ..Default::default()
            },
        },
        Edit::UpdateCard {
            map_id: "m-buy".into(),
            card_id: "c-note".into(),
            props: CardPatch {
                author: Some(Some("pt-grace".into())),
                ..Default::default()
            },
        },
        Edit::StartVoteRound {
            map_id: "m-buy".into(),
            round: VoteRound {
                id: "vr-1".into(),
                question: "Where do we lose them?".into(),
                votes_per_participant: 3,
                max_per_card: 2,
                eligible: Eligibility::Lanes {
                    lane_ids: vec!["l-touch".into(), "l-pain".into()],
                },
                anonymous: false,
                state: RoundState::Open,
                votes: vec![],
            },
            index: 0,
        },
        cast("vr-1", "pt-ada", "c-stock", 2),
        cast("vr-1", "pt-grace", "c-stock", 1),
        cast("vr-1", "pt-grace", "c-ad", 2),
        Edit::SetPaperDots {
            map_id: "m-buy".into(),
            round_id: "vr-1".into(),
            card_id: "c-friend".into(),
            count: 1,
        },
        Edit::EndVoteRound {
            map_id: "m-buy".into(),
            round_id: "vr-1".into(),
        },
        Edit::TagWinners {
            map_id: "m-buy".into(),
            round_id: "vr-1".into(),
            top: 1,
            tag: "Top pain".into(),
        },
        Edit::StartVoteRound {
            map_id: "m-buy".into(),
            round: VoteRound {
                id: "vr-2".into(),
                question: "Fix first?".into(),
                votes_per_participant: 1,
                max_per_card: 1,
                eligible: Eligibility::Cards {
                    card_ids: vec!["c-compare".into(), "c-quote".into()],
                },
                anonymous: true,
                state: RoundState::Open,
                votes: vec![],
            },
            index: 1,
        },
        cast("vr-2", "pt-ada", "c-quote", 1),
    ]
}

/// Every edit is written as it is applied: a read-only look at the file after each one
/// finds exactly the store's document, and so does undoing each one through the log.
#[test]
fn each_workshop_edit_is_in_the_file_and_undoes_through_the_log() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    let mut states = vec![store.document().clone()];
    for edit in workshop_edits() {
        store
            .apply(&edit)
            .unwrap_or_else(|e| panic!("{}: {e}", edit.label()));
        assert_eq!(
            &Store::read(&path).unwrap(),
            store.document(),
            "after {}",
            edit.label()
        );
        states.push(store.document().clone());
    }
    let done = store.document().clone();
    let map = done.map("m-buy").unwrap();
    assert_eq!(map.card("c-stock").unwrap().tags, ["Top pain"]);
    assert_eq!(map.vote_round("vr-1").unwrap().state, RoundState::Ended);

    // Reopened (a new session), the log undoes every step and each lands on its state.
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.document(), &done);
    for expected in states.iter().rev().skip(1) {
        store.undo().unwrap().expect("an undo step");
        assert_eq!(store.document(), expected);
        assert_eq!(&Store::read(&path).unwrap(), expected);
    }
    assert!(store.undo().unwrap().is_none());
    for expected in states.iter().skip(1) {
        store.redo().unwrap().expect("a redo step");
        assert_eq!(store.document(), expected);
    }
    assert_eq!(&Store::read(&path).unwrap(), &done);
}

/// The diff writer removes what a clean-up removes: clearing a round empties its rows,
/// deleting a participant takes their votes and authorship.
#[test]
fn clearing_and_deleting_remove_their_rows() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    for edit in workshop_edits() {
        store.apply(&edit).unwrap();
    }
    let rows = |sql: &str| -> i64 {
        Connection::open(&path)
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        rows("SELECT count(*) FROM votes WHERE round_id = 'vr-1'"),
        3
    );
    assert_eq!(rows("SELECT count(*) FROM paper_dots"), 1);
    store
        .apply(&Edit::ClearVoteRound {
            map_id: "m-buy".into(),
            round_id: "vr-1".into(),
        })
        .unwrap();
    assert_eq!(
        rows("SELECT count(*) FROM votes WHERE round_id = 'vr-1'"),
        0
    );
    assert_eq!(rows("SELECT count(*) FROM paper_dots"), 0);
    store
        .apply(&Edit::DeleteParticipant {
            participant_id: "pt-ada".into(),
        })
        .unwrap();
    assert_eq!(rows("SELECT count(*) FROM votes"), 0);
    assert_eq!(rows("SELECT count(*) FROM participants"), 1);
    store
        .apply(&Edit::DeleteParticipant {
            participant_id: "pt-grace".into(),
        })
        .unwrap();
    assert_eq!(
        rows("SELECT count(*) FROM cards WHERE author_id IS NOT NULL"),
        0
    );
    store
        .apply(&Edit::DeleteVoteRound {
            map_id: "m-buy".into(),
            round_id: "vr-2".into(),
        })
        .unwrap();
    assert_eq!(rows("SELECT count(*) FROM vote_round_cards"), 0);
    assert_eq!(&Store::read(&path).unwrap(), store.document());
}

/// What `sqlite3 journey.waymark` shows: plain tables and words, no JSON to decode.
#[test]
fn the_workshop_reads_plainly_with_sql() {
    let (_dir, path) = sample_file();
    let mut store = Store::open(&path).unwrap();
    for edit in workshop_edits() {
        store.apply(&edit).unwrap();
    }
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let all = |sql: &str| -> Vec<String> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(
        all("SELECT name || ' ' || initials || ' ' || color FROM participants ORDER BY position"),
        [
            format!("Ada Lovelace AL {}", PARTICIPANT_PALETTE[0]),
            format!("Grace Hopper GH {}", PARTICIPANT_PALETTE[1]),
        ]
    );
    assert_eq!(
        all("SELECT p.name || ' → ' || c.title || ': ' || v.count
             FROM votes v JOIN participants p ON p.id = v.participant_id
                          JOIN cards c ON c.id = v.card_id
             ORDER BY p.name, c.title"),
        [
            "Ada Lovelace → \"Will it be serviced?\": 1",
            "Ada Lovelace → Size out of stock: 2",
            "Grace Hopper → Instagram ad: 2",
            "Grace Hopper → Size out of stock: 1",
        ]
    );
    assert_eq!(
        all("SELECT c.title || ': ' || d.count FROM paper_dots d JOIN cards c ON c.id = d.card_id"),
        ["A friend's post: 1"]
    );
    assert_eq!(
        all(
            "SELECT question || ' ' || state || ' ' || eligible_by || ' ' || anonymous
             FROM vote_rounds ORDER BY position"
        ),
        [
            "Where do we lose them? ended lanes 0",
            "Fix first? open cards 1"
        ]
    );
    assert_eq!(
        all(
            "SELECT name || ': ' || speaker_notes FROM stages WHERE speaker_notes != ''
             ORDER BY position"
        ),
        [
            "Discover: Start with the ad everyone saw.",
            "Consider: Ask who compared prices.\nThen show the quote.",
        ]
    );
    assert_eq!(
        all("SELECT c.title || ' by ' || p.initials FROM cards c JOIN participants p ON p.id = c.author_id"),
        ["Ask sales by GH"]
    );
    assert_eq!(
        all("SELECT c.title || ': ' || t.tag FROM card_tags t JOIN cards c ON c.id = t.card_id"),
        ["Size out of stock: Top pain"]
    );
}

/// `tests/fixtures/whole-record-updates.waymark` was written at schema 2. Opened, it is
/// upgraded in place: the workshop's columns take their defaults, its tables are empty,
/// and a workshop edit on it survives reopening.
#[test]
fn a_schema_2_file_is_upgraded_and_takes_a_workshop() {
    let (_dir, path) = place("schema-2.waymark");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/whole-record-updates.waymark"
        ),
        &path,
    )
    .unwrap();
    let version = |path: &std::path::Path| -> u32 {
        Connection::open(path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&path), 2);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(version(&path), SCHEMA_VERSION);
    let doc = store.document().clone();
    assert!(doc.participants.is_empty());
    for map in &doc.maps {
        assert!(map.vote_rounds.is_empty());
        assert!(map.stages.iter().all(|s| s.speaker_notes.is_empty()));
        assert!(map.lanes.iter().all(|l| !l.hidden_for_outsiders));
        assert!(map
            .cards
            .iter()
            .all(|c| c.author.is_none() && c.tags.is_empty()));
    }
    let map = &doc.maps[0];
    let lane = map.lanes[0].id.clone();
    let card = map
        .cards
        .iter()
        .find(|c| c.lane_id == lane)
        .unwrap()
        .id
        .clone();
    for edit in [
        person("pt-1", "Lin"),
        Edit::UpdateLane {
            map_id: map.id.clone(),
            lane_id: lane.clone(),
            props: LanePatch {
                hidden_for_outsiders: Some(true),
                ..Default::default()
            },
        },
        Edit::StartVoteRound {
            map_id: map.id.clone(),
            round: VoteRound {
                id: "vr".into(),
                question: "Which?".into(),
                votes_per_participant: 2,
                max_per_card: 2,
                eligible: Eligibility::Lanes {
                    lane_ids: vec![lane],
                },
                anonymous: false,
                state: RoundState::Open,
                votes: vec![],
            },
            index: 0,
        },
        Edit::CastVotes {
            map_id: map.id.clone(),
            round_id: "vr".into(),
            participant_id: "pt-1".into(),
            card_id: card,
            count: 2,
        },
    ] {
        store.apply(&edit).unwrap();
    }
    let after = store.document().clone();
    drop(store);
    assert_eq!(Store::open(&path).unwrap().document(), &after);
}
