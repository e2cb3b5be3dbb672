//! Workshop mode through the mock runtime: participants, an authored card, speaker notes
//! and a dot-voting round sent as edits, the round's results, the results as CSV (read
//! back), and the file checked with `sqlite3`.

use serde_json::{json, Value};

use crate::commands::{harness, invoke, Harness};
use crate::common::sqlite3;

const MAP: &str = "map-supporter";

fn edit(h: &Harness, edit: Value) -> Result<Value, Value> {
    invoke(h, "apply_edit", json!({ "edit": edit }))
}

fn add_participant(h: &Harness, id: &str, name: &str) {
    edit(
        h,
        json!({ "type": "AddParticipant", "index": 99,
                "participant": { "id": id, "name": name, "initials": "", "color": "" } }),
    )
    .unwrap();
}

fn cast(round: &str, who: &str, card: &str, count: u32) -> Value {
    json!({ "type": "CastVotes", "mapId": MAP, "roundId": round, "participantId": who,
            "cardId": card, "count": count })
}

/// A lane of the sample map with at least two cards, and its first two cards.
fn lane_with_two_cards(h: &Harness) -> (String, String, String) {
    let map = invoke(h, "map_data", json!({ "mapId": MAP })).unwrap();
    let cards = map["cards"].as_array().unwrap();
    for lane in map["lanes"].as_array().unwrap() {
        let lane_id = lane["id"].as_str().unwrap();
        let in_lane: Vec<&str> = cards
            .iter()
            .filter(|c| c["laneId"] == lane_id)
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        if in_lane.len() >= 2 {
            return (lane_id.into(), in_lane[0].into(), in_lane[1].into());
        }
    }
    panic!("the sample map has a lane with two cards");
}

fn start_round(h: &Harness, id: &str, lane: &str, anonymous: bool) {
    edit(
        h,
        json!({ "type": "StartVoteRound", "mapId": MAP, "index": 0, "round": {
            "id": id, "question": "Where do we lose supporters?", "votesPerParticipant": 3,
            "maxPerCard": 2, "eligible": { "by": "lanes", "laneIds": [lane] },
            "anonymous": anonymous, "state": "open", "votes": [] } }),
    )
    .unwrap();
}

/// RFC 4180 records (quoted fields with doubled quotes, CRLF), as a spreadsheet reads them.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn a_workshop_sent_as_edits_is_in_the_file_and_its_results_export_as_csv() {
    let h = harness();
    add_participant(&h, "pt-ada", "Ada Lovelace");
    add_participant(&h, "pt-grace", "Grace Hopper");
    let (lane, a, b) = lane_with_two_cards(&h);
    let stage = invoke(&h, "map_data", json!({ "mapId": MAP })).unwrap()["stages"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    edit(
        &h,
        json!({ "type": "UpdateStage", "mapId": MAP, "stageId": stage,
                "props": { "speakerNotes": "Ask who gave first online." } }),
    )
    .unwrap();
    edit(
        &h,
        json!({ "type": "UpdateCard", "mapId": MAP, "cardId": a, "props": { "author": "pt-ada" } }),
    )
    .unwrap();
    start_round(&h, "vr-1", &lane, false);
    for e in [
        cast("vr-1", "pt-ada", &a, 2),
        cast("vr-1", "pt-grace", &b, 1),
        cast("vr-1", "pt-grace", &a, 1),
        json!({ "type": "SetPaperDots", "mapId": MAP, "roundId": "vr-1", "cardId": b, "count": 3 }),
    ] {
        edit(&h, e).unwrap();
    }

    // Ada has one dot left: the budget refuses two, names its rule, and writes nothing.
    let before = crate::common::sha256(&h.file);
    let err = edit(&h, cast("vr-1", "pt-ada", &b, 2)).unwrap_err();
    assert_eq!(err["kind"], "vote_budget", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Ada Lovelace has 1 of 3 dots left"),
        "{err}"
    );
    assert_eq!(crate::common::sha256(&h.file), before);

    // The participants come with the roster, initials and colours chosen.
    let roster = invoke(&h, "roster", json!({})).unwrap();
    assert_eq!(roster["participants"][0]["initials"], "AL");
    assert_eq!(roster["participants"][1]["initials"], "GH");

    let results = invoke(
        &h,
        "vote_results",
        json!({ "mapId": MAP, "roundId": "vr-1" }),
    )
    .unwrap();
    let rows = results["rows"].as_array().unwrap();
    assert_eq!(rows[0]["cardId"], b.as_str());
    assert_eq!(
        (rows[0]["rank"].as_u64(), rows[0]["total"].as_u64()),
        (Some(1), Some(4))
    );
    assert_eq!(rows[0]["paper"], 3);
    assert_eq!(rows[1]["cardId"], a.as_str());
    assert_eq!(rows[1]["total"], 3);
    assert_eq!(
        rows[1]["byParticipant"],
        json!([{ "participantId": "pt-ada", "count": 2 }, { "participantId": "pt-grace", "count": 1 }])
    );
    assert_eq!(
        results["remaining"],
        json!([{ "participantId": "pt-ada", "count": 1 }, { "participantId": "pt-grace", "count": 1 }])
    );

    // The facilitator ends the round; votes are refused from then on.
    edit(
        &h,
        json!({ "type": "EndVoteRound", "mapId": MAP, "roundId": "vr-1" }),
    )
    .unwrap();
    let err = edit(&h, cast("vr-1", "pt-grace", &b, 2)).unwrap_err();
    assert_eq!(err["kind"], "vote_round_ended", "{err}");

    // sqlite3 reads the room plainly.
    assert_eq!(
        sqlite3(
            &h.file,
            "select name || '|' || initials from participants order by position;"
        ),
        "Ada Lovelace|AL\nGrace Hopper|GH\n"
    );
    assert_eq!(
        sqlite3(
            &h.file,
            &format!(
                "select p.initials || '|' || v.count from votes v join participants p \
                 on p.id = v.participant_id where v.card_id = '{a}' order by p.position;"
            )
        ),
        "AL|2\nGH|1\n"
    );
    assert_eq!(
        sqlite3(
            &h.file,
            "select count from paper_dots where round_id = 'vr-1';"
        ),
        "3\n"
    );
    assert_eq!(
        sqlite3(&h.file, "select state from vote_rounds where id = 'vr-1';"),
        "ended\n"
    );
    assert_eq!(
        sqlite3(
            &h.file,
            &format!("select speaker_notes from stages where id = '{stage}';")
        ),
        "Ask who gave first online.\n"
    );
    assert_eq!(
        sqlite3(
            &h.file,
            &format!("select author_id from cards where id = '{a}';")
        ),
        "pt-ada\n"
    );

    // The CSV: ranked rows with the card's stage and lane, one column per participant.
    let path = h.dir().join("results.csv");
    invoke(
        &h,
        "export_vote_results_csv",
        json!({ "roundId": "vr-1", "path": path.display().to_string() }),
    )
    .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let csv = read_csv(&text);
    assert_eq!(
        csv[0],
        [
            "rank",
            "card",
            "stage",
            "lane",
            "total",
            "paper",
            "Ada Lovelace",
            "Grace Hopper"
        ]
    );
    let map = invoke(&h, "map_data", json!({ "mapId": MAP })).unwrap();
    let card = |id: &str| {
        map["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    let name_of = |list: &str, id: &Value| {
        map[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| &x["id"] == id)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let first = card(&b);
    assert_eq!(
        csv[1],
        [
            "1".to_string(),
            first["title"].as_str().unwrap().to_string(),
            name_of("stages", &first["stageId"]),
            name_of("lanes", &first["laneId"]),
            "4".into(),
            "3".into(),
            "0".into(),
            "1".into(),
        ]
    );
    assert_eq!(csv[2][0], "2");
    assert_eq!(csv[2][4..], ["3", "0", "2", "1"]);
    assert_eq!(csv.len(), results["rows"].as_array().unwrap().len() + 1);
    assert!(!h.dir().join(".results.csv.part").exists());
}

#[test]
fn an_anonymous_round_names_nobody_in_its_results_or_its_csv() {
    let h = harness();
    add_participant(&h, "pt-ada", "Ada Lovelace");
    let (lane, a, _) = lane_with_two_cards(&h);
    start_round(&h, "vr-anon", &lane, true);
    edit(&h, cast("vr-anon", "pt-ada", &a, 2)).unwrap();
    let results = invoke(
        &h,
        "vote_results",
        json!({ "mapId": MAP, "roundId": "vr-anon" }),
    )
    .unwrap();
    assert_eq!(results["participants"], json!([]));
    assert_eq!(results["rows"][0]["total"], 2);
    assert_eq!(results["rows"][0]["byParticipant"], json!([]));
    let path = h.dir().join("anon.csv");
    invoke(
        &h,
        "export_vote_results_csv",
        json!({ "roundId": "vr-anon", "path": path.display().to_string() }),
    )
    .unwrap();
    let csv = read_csv(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(csv[0], ["rank", "card", "stage", "lane", "total", "paper"]);
    assert!(!std::fs::read_to_string(&path).unwrap().contains("Ada"));
}

#[test]
fn clearing_a_round_is_one_undo_step_and_an_unknown_round_is_an_error() {
    let h = harness();
    add_participant(&h, "pt-ada", "Ada Lovelace");
    let (lane, a, b) = lane_with_two_cards(&h);
    start_round(&h, "vr-1", &lane, false);
    edit(&h, cast("vr-1", "pt-ada", &a, 1)).unwrap();
    edit(&h, cast("vr-1", "pt-ada", &b, 2)).unwrap();
    edit(
        &h,
        json!({ "type": "ClearVoteRound", "mapId": MAP, "roundId": "vr-1" }),
    )
    .unwrap();
    assert_eq!(sqlite3(&h.file, "select count(*) from votes;"), "0\n");
    invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(sqlite3(&h.file, "select count(*) from votes;"), "2\n");

    let err = invoke(
        &h,
        "vote_results",
        json!({ "mapId": MAP, "roundId": "nope" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
    let err = invoke(
        &h,
        "export_vote_results_csv",
        json!({ "roundId": "nope", "path": h.dir().join("x.csv").display().to_string() }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
    assert!(!h.dir().join("x.csv").exists());
}
