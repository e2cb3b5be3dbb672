//! Presenting's commands through the mock runtime: the map as presented for outsiders
//! (the lanes marked hidden for them gone with their cards and connectors, the others
//! kept and closed up), and the audience window sharing its opener's document.

use serde_json::{json, Value};
use waymark_app::state::{lock, WaymarkExt};

use crate::commands::{harness, invoke, Harness};

const MAP: &str = "map-supporter";

fn scene(h: &Harness, for_outsiders: bool) -> Value {
    invoke(
        h,
        "presentation_scene",
        json!({ "mapId": MAP, "forOutsiders": for_outsiders }),
    )
    .unwrap()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

/// Marks a lane of the sample map hidden for outsiders, as the lane's form does.
fn hide_for_outsiders(h: &Harness, lane: &str) {
    invoke(
        h,
        "apply_edit",
        json!({ "edit": { "type": "UpdateLane", "mapId": MAP, "laneId": lane, "props": { "hiddenForOutsiders": true } } }),
    )
    .unwrap();
}

#[test]
fn for_outsiders_the_lanes_hidden_for_them_are_gone_with_their_cards_and_the_rest_closes_up() {
    let h = harness();
    let everyone = scene(&h, false);
    let lanes = ids(&everyone["lanes"]);
    assert!(lanes.len() >= 3, "{lanes:?}");
    // The lane with the most cards, not the last one: the lanes below it must move up.
    let card_lane = |c: &Value| c["laneId"].as_str().unwrap().to_string();
    let cards: Vec<Value> = everyone["cards"].as_array().unwrap().clone();
    let hidden = lanes[..lanes.len() - 1]
        .iter()
        .max_by_key(|l| cards.iter().filter(|c| card_lane(c) == **l).count())
        .unwrap()
        .clone();
    let hidden_cards: Vec<String> = cards
        .iter()
        .filter(|c| card_lane(c) == hidden)
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!hidden_cards.is_empty(), "lane {hidden} holds cards");

    // Not marked yet: for outsiders is the same map.
    assert_eq!(scene(&h, true), everyone);

    hide_for_outsiders(&h, &hidden);
    let outsiders = scene(&h, true);
    let shown = ids(&outsiders["lanes"]);
    let kept: Vec<String> = lanes.iter().filter(|l| **l != hidden).cloned().collect();
    assert_eq!(shown, kept, "only the marked lane is left out");
    let shown_cards = ids(&outsiders["cards"]);
    for card in &hidden_cards {
        assert!(
            !shown_cards.contains(card),
            "{card} of the hidden lane is shown"
        );
    }
    let others: Vec<String> = ids(&everyone["cards"])
        .into_iter()
        .filter(|c| !hidden_cards.contains(c))
        .collect();
    assert_eq!(shown_cards, others, "every other card is kept");
    for connector in outsiders["connectors"].as_array().unwrap() {
        for end in ["fromCardId", "toCardId"] {
            let card = connector[end].as_str().unwrap().to_string();
            assert!(
                !hidden_cards.contains(&card),
                "connector {connector} to a hidden card"
            );
        }
    }
    // Closed up: the lanes run one after another without a gap, and the map is shorter.
    let rows = outsiders["lanes"].as_array().unwrap();
    for pair in rows.windows(2) {
        let bottom = pair[0]["y"].as_f64().unwrap() + pair[0]["height"].as_f64().unwrap();
        assert!(
            (pair[1]["y"].as_f64().unwrap() - bottom).abs() < 0.5,
            "{pair:?}"
        );
    }
    assert!(outsiders["height"].as_f64() < everyone["height"].as_f64());
    assert_eq!(
        outsiders["stages"], everyone["stages"],
        "every stage is presented"
    );

    // Presenting for everyone still shows it, and the editor's Scene is untouched by
    // either (presenting lays out with a layouter of its own).
    assert_eq!(ids(&scene(&h, false)["lanes"]), lanes);
    let edited = invoke(&h, "map_scene", json!({ "mapId": MAP })).unwrap();
    assert_eq!(ids(&edited["lanes"]), lanes);
}

#[test]
fn an_unknown_map_is_refused() {
    let h = harness();
    let err = invoke(
        &h,
        "presentation_scene",
        json!({ "mapId": "nope", "forOutsiders": true }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("nope"), "{err}");
}

#[test]
fn a_shared_window_sees_its_openers_document_and_closing_it_closes_nothing_else() {
    let h = harness();
    let state = h.app.waymark();
    state.share_window("main", "audience-1");
    let main = state.window("main");
    let shared = state.window("audience-1");
    assert!(std::sync::Arc::ptr_eq(&main, &shared));
    assert_eq!(state.sharing("main"), ["audience-1"]);
    assert_eq!(state.shown_by("audience-1").as_deref(), Some("main"));
    // Never among the documents to reopen, and forgetting it keeps the document open.
    assert_eq!(state.open_documents().len(), 1);
    assert!(state.forget_window("audience-1").is_none());
    assert!(lock(&state.window("main").store).is_some());
    assert!(state.sharing("main").is_empty());
}

#[test]
fn the_last_step_is_kept_for_an_audience_window_that_opens_later() {
    let h = harness();
    assert_eq!(
        invoke(&h, "presentation_state", json!({})).unwrap(),
        Value::Null
    );
    let step = json!({
        "mapId": MAP, "step": 3, "forOutsiders": true,
        "timer": { "remainingMs": 120000.0, "durationMs": 300000.0, "running": true }
    });
    invoke(&h, "present_step", json!({ "step": step })).unwrap();
    assert_eq!(invoke(&h, "presentation_state", json!({})).unwrap(), step);
    invoke(&h, "close_audience_window", json!({})).unwrap();
    assert_eq!(
        invoke(&h, "presentation_state", json!({})).unwrap(),
        Value::Null
    );
}
