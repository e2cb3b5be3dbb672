//! Workshop mode: participants, card authors and the rules of a dot-voting round.
//!
//! The fixture's map: touchpoints c1, c2, c3, c5 in lane l1, the pain point c4 in l2.

mod fixture;

use waymark_model::*;

fn apply(doc: &mut Document, edit: Edit) -> Edit {
    edit.apply(doc).unwrap_or_else(|e| panic!("{e}"))
}

fn person(id: &str, name: &str) -> Participant {
    Participant {
        id: id.into(),
        name: name.into(),
        initials: String::new(),
        color: String::new(),
    }
}

fn round(id: &str, eligible: Eligibility) -> VoteRound {
    VoteRound {
        id: id.into(),
        question: "Which moment matters most?".into(),
        votes_per_participant: 5,
        max_per_card: 2,
        eligible,
        anonymous: false,
        state: RoundState::Open,
        votes: vec![],
    }
}

fn by_lanes(lanes: &[&str]) -> Eligibility {
    Eligibility::Lanes {
        lane_ids: lanes.iter().map(|l| l.to_string()).collect(),
    }
}

fn by_cards(cards: &[&str]) -> Eligibility {
    Eligibility::Cards {
        card_ids: cards.iter().map(|c| c.to_string()).collect(),
    }
}

/// The fixture with Ada, Grace and Alan, and `round` started on its map.
fn room(round: VoteRound) -> Document {
    let mut doc = fixture::document();
    for (i, (id, name)) in [
        ("ada", "Ada Lovelace"),
        ("grace", "Grace Hopper"),
        ("alan", "Alan"),
    ]
    .into_iter()
    .enumerate()
    {
        apply(
            &mut doc,
            Edit::AddParticipant {
                participant: person(id, name),
                index: i as u32,
            },
        );
    }
    apply(
        &mut doc,
        Edit::StartVoteRound {
            map_id: "m1".into(),
            round,
            index: 0,
        },
    );
    doc
}

fn cast(who: &str, card: &str, count: u32) -> Edit {
    Edit::CastVotes {
        map_id: "m1".into(),
        round_id: "r1".into(),
        participant_id: who.into(),
        card_id: card.into(),
        count,
    }
}

fn paper(card: &str, count: u32) -> Edit {
    Edit::SetPaperDots {
        map_id: "m1".into(),
        round_id: "r1".into(),
        card_id: card.into(),
        count,
    }
}

fn end() -> Edit {
    Edit::EndVoteRound {
        map_id: "m1".into(),
        round_id: "r1".into(),
    }
}

fn the_round(doc: &Document) -> &VoteRound {
    doc.maps[0].vote_round("r1").unwrap()
}

/// The rule a refused edit names, with the document unchanged.
fn refused(doc: &mut Document, edit: Edit) -> (VoteRule, String) {
    let before = doc.clone();
    let err = edit.apply(doc).expect_err("refused");
    assert_eq!(doc, &before, "a refused edit changes nothing");
    match err {
        EditError::Vote { rule, message } => (rule, message),
        other => panic!("not a voting rule: {other}"),
    }
}

fn ranked(doc: &Document) -> Vec<(String, u32, u32)> {
    results(&doc.maps[0], &doc.participants, the_round(doc))
        .into_iter()
        .map(|r| (r.card_id, r.rank, r.total))
        .collect()
}

#[test]
fn participants_get_initials_and_colours_in_turn() {
    let doc = room(round("r1", by_lanes(&["l1"])));
    let got: Vec<(&str, &str)> = doc
        .participants
        .iter()
        .map(|p| (p.initials.as_str(), p.color.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("AL", PARTICIPANT_PALETTE[0]),
            ("GH", PARTICIPANT_PALETTE[1]),
            ("AL", PARTICIPANT_PALETTE[2]),
        ]
    );
    // Given initials and colour are kept; initials longer than three are refused.
    let mut doc = doc;
    let mut given = person("lin", "Lin");
    given.initials = "L.".into();
    given.color = "#000000".into();
    apply(
        &mut doc,
        Edit::AddParticipant {
            participant: given,
            index: 9,
        },
    );
    assert_eq!(doc.participants[3].initials, "L.");
    assert_eq!(doc.participants[3].color, "#000000");
    let mut long = person("x", "X");
    long.initials = "ABCD".into();
    let err = Edit::AddParticipant {
        participant: long,
        index: 0,
    }
    .apply(&mut doc)
    .unwrap_err();
    assert!(
        matches!(
            err,
            EditError::Invalid {
                field: "participant.initials",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn renaming_with_empty_initials_derives_them_again_and_undo_restores_them() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    let before = doc.clone();
    let undo = apply(
        &mut doc,
        Edit::UpdateParticipant {
            participant_id: "alan".into(),
            props: ParticipantPatch {
                name: Some("Alan Turing".into()),
                initials: Some(String::new()),
                ..Default::default()
            },
        },
    );
    assert_eq!(doc.participants[2].initials, "AT");
    assert_eq!(doc.participants[2].color, before.participants[2].color);
    apply(&mut doc, undo);
    assert_eq!(doc, before);
}

#[test]
fn a_card_carries_its_author_who_must_be_in_the_room() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    let author = |doc: &mut Document, who: Option<&str>| {
        Edit::UpdateCard {
            map_id: "m1".into(),
            card_id: "c1".into(),
            props: CardPatch {
                author: Some(who.map(str::to_string)),
                ..Default::default()
            },
        }
        .apply(doc)
    };
    author(&mut doc, Some("grace")).unwrap();
    assert_eq!(
        doc.maps[0].card("c1").unwrap().author.as_deref(),
        Some("grace")
    );
    assert!(matches!(
        author(&mut doc, Some("nobody")),
        Err(EditError::NotFound {
            entity: "participant",
            ..
        })
    ));
}

#[test]
fn the_per_card_cap_limits_one_participant_on_one_card() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(&mut doc, cast("ada", "c1", 2));
    let (rule, message) = refused(&mut doc, cast("ada", "c1", 3));
    assert_eq!(rule, VoteRule::PerCardCap);
    assert!(message.contains("at most 2 dots on one card"), "{message}");
    // Another participant has their own cap on the same card.
    apply(&mut doc, cast("grace", "c1", 2));
    assert_eq!(ranked(&doc)[0], ("c1".to_string(), 1, 4));
}

#[test]
fn the_budget_limits_a_participant_across_cards() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(&mut doc, cast("ada", "c1", 2));
    apply(&mut doc, cast("ada", "c2", 2));
    assert_eq!(remaining_budget(the_round(&doc), "ada"), 1);
    let (rule, message) = refused(&mut doc, cast("ada", "c3", 2));
    assert_eq!(rule, VoteRule::Budget);
    assert!(
        message.contains("Ada Lovelace has 1 of 5 dots left"),
        "{message}"
    );
    apply(&mut doc, cast("ada", "c3", 1));
    assert_eq!(remaining_budget(the_round(&doc), "ada"), 0);
    // Moving dots: taking one off a card frees it for another.
    apply(&mut doc, cast("ada", "c1", 1));
    apply(&mut doc, cast("ada", "c5", 1));
    assert_eq!(remaining_budget(the_round(&doc), "ada"), 0);
    assert_eq!(remaining_budget(the_round(&doc), "grace"), 5);
}

#[test]
fn eligibility_by_lane_takes_every_card_of_the_lanes() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    let eligible: Vec<&str> = eligible_cards(&doc.maps[0], the_round(&doc))
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(eligible, ["c1", "c2", "c3", "c5"]);
    let (rule, message) = refused(&mut doc, cast("ada", "c4", 1));
    assert_eq!(rule, VoteRule::NotEligible);
    assert!(
        message.contains("Silence after the first gift"),
        "{message}"
    );
    // A card captured into the lane during the round can get votes.
    apply(
        &mut doc,
        Edit::AddCard {
            map_id: "m1".into(),
            card: fixture::card("c9", "s2", "l1", LaneKind::Touchpoints, "Late idea"),
            index: 0,
        },
    );
    apply(&mut doc, cast("ada", "c9", 1));
}

#[test]
fn eligibility_by_selection_takes_only_the_listed_cards() {
    let mut doc = room(round("r1", by_cards(&["c4", "c2"])));
    apply(&mut doc, cast("alan", "c4", 1));
    apply(&mut doc, paper("c2", 3));
    assert_eq!(
        refused(&mut doc, cast("alan", "c1", 1)).0,
        VoteRule::NotEligible
    );
    assert_eq!(refused(&mut doc, paper("c1", 1)).0, VoteRule::NotEligible);
    // Cards without dots are in the results too, after those with dots.
    assert_eq!(
        ranked(&doc),
        [("c2".to_string(), 1, 3), ("c4".to_string(), 2, 1)]
    );
}

#[test]
fn paper_dots_count_in_the_total_without_a_participant() {
    let mut doc = room(round("r1", by_lanes(&["l1", "l2"])));
    apply(&mut doc, cast("ada", "c3", 2));
    apply(&mut doc, paper("c3", 7));
    apply(&mut doc, paper("c4", 9));
    let results = results(&doc.maps[0], &doc.participants, the_round(&doc));
    assert_eq!((results[0].card_id.as_str(), results[0].total), ("c3", 9));
    assert_eq!(results[0].paper, 7);
    assert_eq!(
        results[0].by_participant,
        [ParticipantCount {
            participant_id: "ada".into(),
            count: 2
        }]
    );
    // Ties share a rank; the next rank skips. Paper dots use nobody's budget.
    assert_eq!(results[1].rank, 1);
    assert_eq!(results[2].rank, 3);
    assert_eq!(remaining_budget(the_round(&doc), "ada"), 3);
    // Setting 0 takes the paper dots off.
    apply(&mut doc, paper("c4", 0));
    assert_eq!(the_round(&doc).count(None, "c4"), 0);
}

#[test]
fn an_anonymous_round_shows_totals_but_not_who_voted() {
    let mut r = round("r1", by_lanes(&["l1"]));
    r.anonymous = true;
    let mut doc = room(r);
    apply(&mut doc, cast("ada", "c1", 2));
    apply(&mut doc, cast("grace", "c1", 1));
    let results = results(&doc.maps[0], &doc.participants, the_round(&doc));
    assert_eq!(results[0].total, 3);
    assert!(results.iter().all(|r| r.by_participant.is_empty()));
}

#[test]
fn an_ended_round_refuses_votes_until_reopened() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(&mut doc, cast("ada", "c1", 1));
    let reopen = apply(&mut doc, end());
    assert_eq!(
        reopen,
        Edit::ReopenVoteRound {
            map_id: "m1".into(),
            round_id: "r1".into()
        }
    );
    assert_eq!(the_round(&doc).state, RoundState::Ended);
    for edit in [cast("ada", "c1", 0), cast("grace", "c2", 1), paper("c2", 4)] {
        let (rule, message) = refused(&mut doc, edit);
        assert_eq!(rule, VoteRule::RoundEnded);
        assert!(message.contains("has ended"), "{message}");
    }
    assert_eq!(refused(&mut doc, end()).0, VoteRule::RoundEnded);
    apply(&mut doc, reopen);
    apply(&mut doc, cast("grace", "c2", 1));
}

#[test]
fn every_voting_step_is_undone_exactly() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    let start = doc.clone();
    let mut undo = Vec::new();
    for edit in [
        cast("ada", "c1", 2),
        cast("grace", "c1", 1),
        paper("c2", 4),
        cast("ada", "c1", 1),
        end(),
        Edit::TagWinners {
            map_id: "m1".into(),
            round_id: "r1".into(),
            top: 1,
            tag: "Top pick".into(),
        },
        Edit::ClearVoteRound {
            map_id: "m1".into(),
            round_id: "r1".into(),
        },
        Edit::DeleteVoteRound {
            map_id: "m1".into(),
            round_id: "r1".into(),
        },
    ] {
        let before = doc.clone();
        let inverse = apply(&mut doc, edit);
        undo.push((inverse, before));
    }
    assert!(doc.maps[0].vote_rounds.is_empty());
    for (inverse, before) in undo.into_iter().rev() {
        apply(&mut doc, inverse);
        assert_eq!(doc, before);
    }
    assert_eq!(doc, start);
}

#[test]
fn tag_winners_tags_the_top_cards_of_an_ended_round_ties_included() {
    let mut doc = room(round("r1", by_lanes(&["l1", "l2"])));
    apply(&mut doc, paper("c3", 5));
    apply(&mut doc, paper("c1", 3));
    apply(&mut doc, paper("c5", 3));
    apply(&mut doc, paper("c2", 1));
    let tag = |top| Edit::TagWinners {
        map_id: "m1".into(),
        round_id: "r1".into(),
        top,
        tag: "Workshop pick".into(),
    };
    assert_eq!(refused(&mut doc, tag(2)).0, VoteRule::RoundOpen);
    apply(&mut doc, end());
    let before = doc.clone();
    let undo = apply(&mut doc, tag(2));
    let tagged: Vec<&str> = doc.maps[0]
        .cards
        .iter()
        .filter(|c| c.tags.iter().any(|t| t == "Workshop pick"))
        .map(|c| c.id.as_str())
        .collect();
    // c3 first; c1 and c5 tie for second; c2 is fourth; c4 has no dots.
    assert_eq!(tagged, ["c1", "c3", "c5"]);
    apply(&mut doc, undo);
    assert_eq!(doc, before);
}

#[test]
fn lowering_a_budget_or_cap_below_what_was_given_is_refused() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(&mut doc, cast("ada", "c1", 2));
    apply(&mut doc, cast("ada", "c2", 2));
    let update = |props| Edit::UpdateVoteRound {
        map_id: "m1".into(),
        round_id: "r1".into(),
        props,
    };
    let (rule, _) = refused(
        &mut doc,
        update(VoteRoundPatch {
            votes_per_participant: Some(3),
            ..Default::default()
        }),
    );
    assert_eq!(rule, VoteRule::Budget);
    let (rule, _) = refused(
        &mut doc,
        update(VoteRoundPatch {
            max_per_card: Some(1),
            ..Default::default()
        }),
    );
    assert_eq!(rule, VoteRule::PerCardCap);
    apply(
        &mut doc,
        update(VoteRoundPatch {
            votes_per_participant: Some(4),
            question: Some("Which first?".into()),
            ..Default::default()
        }),
    );
    assert_eq!(the_round(&doc).question, "Which first?");
}

#[test]
fn deleting_a_participant_takes_their_votes_and_authorship_and_undo_brings_them_back() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(
        &mut doc,
        Edit::UpdateCard {
            map_id: "m1".into(),
            card_id: "c2".into(),
            props: CardPatch {
                author: Some(Some("ada".into())),
                ..Default::default()
            },
        },
    );
    apply(&mut doc, cast("ada", "c1", 2));
    apply(&mut doc, cast("grace", "c1", 1));
    apply(&mut doc, end());
    let before = doc.clone();
    // Works on an ended round too: the clean-up is not a vote.
    let undo = apply(
        &mut doc,
        Edit::DeleteParticipant {
            participant_id: "ada".into(),
        },
    );
    assert_eq!(doc.maps[0].card("c2").unwrap().author, None);
    assert_eq!(
        the_round(&doc).votes,
        [Vote {
            participant_id: Some("grace".into()),
            card_id: "c1".into(),
            count: 1
        }]
    );
    apply(&mut doc, undo);
    assert_eq!(doc, before);
}

#[test]
fn deleting_cards_and_lanes_cleans_the_rounds_and_undo_restores_them() {
    let mut doc = room(round("r1", by_cards(&["c1", "c4"])));
    apply(
        &mut doc,
        Edit::StartVoteRound {
            map_id: "m1".into(),
            round: VoteRound {
                id: "r2".into(),
                ..round("r2", by_lanes(&["l1", "l2"]))
            },
            index: 1,
        },
    );
    apply(&mut doc, cast("ada", "c4", 1));
    let before = doc.clone();
    let undo = apply(
        &mut doc,
        Edit::DeleteLane {
            map_id: "m1".into(),
            lane_id: "l2".into(),
        },
    );
    let map = &doc.maps[0];
    assert_eq!(map.vote_round("r1").unwrap().eligible, by_cards(&["c1"]));
    assert!(map.vote_round("r1").unwrap().votes.is_empty());
    assert_eq!(map.vote_round("r2").unwrap().eligible, by_lanes(&["l1"]));
    apply(&mut doc, undo);
    assert_eq!(doc, before);
}

#[test]
fn a_document_with_a_workshop_is_rebuilt_the_same() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(&mut doc, cast("ada", "c1", 2));
    apply(&mut doc, paper("c3", 2));
    apply(&mut doc, end());
    assert_eq!(doc.rebuilt().unwrap(), doc);
    // And it crosses JSON unchanged.
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
    assert!(
        json.contains(r#""eligible":{"by":"lanes","laneIds":["l1"]}"#),
        "{json}"
    );
}

#[test]
fn a_map_imported_from_json_leaves_the_workshop_behind_but_keeps_its_tags() {
    let mut doc = room(round("r1", by_lanes(&["l1"])));
    apply(
        &mut doc,
        Edit::UpdateCard {
            map_id: "m1".into(),
            card_id: "c1".into(),
            props: CardPatch {
                author: Some(Some("ada".into())),
                tags: Some(vec!["Top pick".into()]),
                ..Default::default()
            },
        },
    );
    apply(&mut doc, cast("ada", "c1", 2));
    let json = map_to_json(&doc, "m1").unwrap();
    // Into a document without those participants: the import still applies.
    let mut other = fixture::document();
    let import = map_from_json(&json, "journey.json", &other).unwrap();
    apply(&mut other, import.edit);
    let map = other.map(&import.map_id).unwrap();
    assert!(map.vote_rounds.is_empty());
    assert!(map.cards.iter().all(|c| c.author.is_none()));
    assert!(map
        .cards
        .iter()
        .any(|c| c.title == "Friend's invitation" && c.tags == ["Top pick"]));
}
