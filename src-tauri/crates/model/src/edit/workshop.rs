//! Workshop mode: participants and dot-voting rounds (see `workshop.rs` for the rules).
//!
//! The rules of a round are checked where a vote changes: `CastVotes` and `SetPaperDots`
//! need an open round and an eligible card, and a participant's dots stay within the
//! round's budget and per-card cap. A vote's inverse is the vote with the old count, cast
//! in the state the vote left, so it always passes the same rules. Budget and cap hold at
//! all times (`UpdateVoteRound` cannot lower them below what was given); eligibility holds
//! when a vote is cast — a card moved out of the round's lanes keeps its dots, but they
//! can change only once it is back. Restoring a round whole (`StartVoteRound` as the undo
//! of a delete, `SetRoundVotes` as the undo of a clear) checks what always holds: the ids,
//! the budget and the cap.

use std::collections::HashMap;

use super::util::*;
use super::{apply_batch, with_cleanup};
use crate::error::{invalid, not_found, vote_refused};
use crate::validate::*;
use crate::workshop::canonicalize_votes;
use crate::*;

/// The most dots a round may give each participant, or put on a card.
pub const MAX_DOTS: u32 = 1000;
/// The most paper dots one card may get.
pub const MAX_PAPER_DOTS: u32 = 100_000;
/// The most tags a card carries, and the longest tag.
const MAX_TAGS: usize = 50;
const MAX_TAG: usize = 80;

pub(crate) fn add_participant(
    doc: &mut Document,
    participant: &Participant,
    index: u32,
) -> Result<Edit, EditError> {
    ensure_new_id(doc, Kind::Participant, &participant.id)?;
    let mut p = participant.clone();
    if p.initials.trim().is_empty() {
        p.initials = derive_initials(&p.name);
    }
    if p.color.is_empty() {
        p.color = next_participant_color(&doc.participants);
    }
    check_participant(&p.props())?;
    insert_clamped(&mut doc.participants, index, p);
    Ok(Edit::DeleteParticipant {
        participant_id: participant.id.clone(),
    })
}

pub(crate) fn update_participant(
    doc: &mut Document,
    id: &str,
    patch: &ParticipantPatch,
) -> Result<Edit, EditError> {
    let p = doc
        .participants
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| not_found("participant", id))?;
    let (mut props, inverse) = patch.applied_to(&p.props());
    if props.initials.trim().is_empty() {
        props.initials = derive_initials(&props.name);
    }
    check_participant(&props)?;
    p.name = props.name;
    p.initials = props.initials;
    p.color = props.color;
    Ok(Edit::UpdateParticipant {
        participant_id: id.to_string(),
        props: inverse,
    })
}

/// Removing a participant removes their votes and leaves the cards they wrote without
/// an author; undo brings all of it back.
pub(crate) fn delete_participant(doc: &mut Document, id: &str) -> Result<Edit, EditError> {
    position(&doc.participants, "participant", id, |p| &p.id)?;
    let mut steps = Vec::new();
    for map in &doc.maps {
        for card in map.cards.iter().filter(|c| c.author.as_deref() == Some(id)) {
            steps.push(Edit::UpdateCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                props: CardPatch {
                    author: Some(None),
                    ..Default::default()
                },
            });
        }
        for round in &map.vote_rounds {
            if round
                .votes
                .iter()
                .any(|v| v.participant_id.as_deref() == Some(id))
            {
                steps.push(Edit::SetRoundVotes {
                    map_id: map.id.clone(),
                    round_id: round.id.clone(),
                    votes: round
                        .votes
                        .iter()
                        .filter(|v| v.participant_id.as_deref() != Some(id))
                        .cloned()
                        .collect(),
                });
            }
        }
    }
    with_cleanup(doc, steps, |doc| {
        let at = position(&doc.participants, "participant", id, |p| &p.id)?;
        let participant = doc.participants.remove(at);
        Ok(Edit::AddParticipant {
            participant,
            index: at as u32,
        })
    })
}

fn check_participant(props: &ParticipantProps) -> Result<(), EditError> {
    check_name("participant.name", &props.name)?;
    let n = props.initials.chars().count();
    if n == 0 || n > MAX_INITIALS || props.initials.chars().any(char::is_control) {
        return Err(invalid(
            "participant.initials",
            format!(
                "{:?} are not initials (1–{MAX_INITIALS} characters)",
                props.initials
            ),
        ));
    }
    check_color("participant.color", &Some(props.color.clone()))
}

pub(crate) fn check_tags(tags: &[String]) -> Result<(), EditError> {
    if tags.len() > MAX_TAGS {
        return Err(invalid(
            "card.tags",
            format!("{} tags; at most {MAX_TAGS} are allowed", tags.len()),
        ));
    }
    for tag in tags {
        if tag.trim().is_empty() || tag.chars().any(char::is_control) {
            return Err(invalid("card.tags", format!("{tag:?} is not a tag")));
        }
        check_len("card.tags", tag, MAX_TAG)?;
    }
    check_unique_ids("card.tags", tags)
}

fn round_ref<'a>(map: &'a Map, round_id: &str) -> Result<&'a VoteRound, EditError> {
    map.vote_round(round_id)
        .ok_or_else(|| not_found("vote round", round_id))
}

fn round_mut<'a>(
    doc: &'a mut Document,
    map_id: &str,
    round_id: &str,
) -> Result<&'a mut VoteRound, EditError> {
    map_mut(doc, map_id)?
        .vote_rounds
        .iter_mut()
        .find(|r| r.id == round_id)
        .ok_or_else(|| not_found("vote round", round_id))
}

/// What always holds for a round: its settings, that what it names exists, and that no
/// participant's dots exceed the budget or the per-card cap.
pub(crate) fn check_round(doc: &Document, map: &Map, round: &VoteRound) -> Result<(), EditError> {
    check_id("voteRound.id", &round.id)?;
    check_round_props(map, &round.props())?;
    check_votes(doc, map, &round.props(), &round.votes)
}

fn check_round_props(map: &Map, props: &VoteRoundProps) -> Result<(), EditError> {
    check_len("voteRound.question", &props.question, MAX_NAME * 5)?;
    for (field, n) in [
        ("voteRound.votesPerParticipant", props.votes_per_participant),
        ("voteRound.maxPerCard", props.max_per_card),
    ] {
        if !(1..=MAX_DOTS).contains(&n) {
            return Err(invalid(field, format!("{n} is outside 1–{MAX_DOTS}")));
        }
    }
    match &props.eligible {
        Eligibility::Lanes { lane_ids } => {
            check_unique_ids("voteRound.eligible.laneIds", lane_ids)?;
            for id in lane_ids {
                map.lane(id).ok_or_else(|| not_found("lane", id))?;
            }
        }
        Eligibility::Cards { card_ids } => {
            check_unique_ids("voteRound.eligible.cardIds", card_ids)?;
            for id in card_ids {
                map.card(id).ok_or_else(|| not_found("card", id))?;
            }
        }
    }
    Ok(())
}

fn check_votes(
    doc: &Document,
    map: &Map,
    props: &VoteRoundProps,
    votes: &[Vote],
) -> Result<(), EditError> {
    let mut used: HashMap<&str, u32> = HashMap::new();
    for (i, v) in votes.iter().enumerate() {
        map.card(&v.card_id)
            .ok_or_else(|| not_found("card", &v.card_id))?;
        if v.count == 0 {
            return Err(invalid("vote.count", "a vote has at least one dot"));
        }
        if votes[..i]
            .iter()
            .any(|o| o.participant_id == v.participant_id && o.card_id == v.card_id)
        {
            return Err(invalid(
                "voteRound.votes",
                format!("two votes of the same voter on card {:?}", v.card_id),
            ));
        }
        let Some(pid) = &v.participant_id else {
            if v.count > MAX_PAPER_DOTS {
                return Err(invalid(
                    "vote.count",
                    format!("{} paper dots; at most {MAX_PAPER_DOTS}", v.count),
                ));
            }
            continue;
        };
        let who = participant(doc, pid)?;
        if v.count > props.max_per_card {
            return Err(over_cap(who, v.count, props.max_per_card));
        }
        let total = used.entry(pid).or_default();
        *total += v.count;
        if *total > props.votes_per_participant {
            return Err(vote_refused(
                VoteRule::Budget,
                format!(
                    "{} has given {}; each participant has {} in this round",
                    who.name,
                    dots(*total),
                    dots(props.votes_per_participant)
                ),
            ));
        }
    }
    Ok(())
}

fn participant<'a>(doc: &'a Document, id: &str) -> Result<&'a Participant, EditError> {
    doc.participants
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| not_found("participant", id))
}

/// "1 dot", "3 dots".
fn dots(n: u32) -> String {
    if n == 1 {
        "1 dot".into()
    } else {
        format!("{n} dots")
    }
}

fn over_cap(who: &Participant, count: u32, cap: u32) -> EditError {
    vote_refused(
        VoteRule::PerCardCap,
        format!(
            "{} may put at most {} on one card in this round, not {count}",
            who.name,
            dots(cap)
        ),
    )
}

pub(crate) fn start_vote_round(
    doc: &mut Document,
    map_id: &str,
    round: &VoteRound,
    index: u32,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    ensure_new_id(doc, Kind::VoteRound, &round.id)?;
    check_round(doc, map, round)?;
    let mut round = round.clone();
    canonicalize_votes(&mut round.votes);
    let id = round.id.clone();
    insert_clamped(&mut map_mut(doc, map_id)?.vote_rounds, index, round);
    Ok(Edit::DeleteVoteRound {
        map_id: map_id.to_string(),
        round_id: id,
    })
}

pub(crate) fn update_vote_round(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
    patch: &VoteRoundPatch,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    let round = round_ref(map, round_id)?;
    let (props, inverse) = patch.applied_to(&round.props());
    check_round_props(map, &props)?;
    check_votes(doc, map, &props, &round.votes)?;
    let round = round_mut(doc, map_id, round_id)?;
    round.question = props.question;
    round.votes_per_participant = props.votes_per_participant;
    round.max_per_card = props.max_per_card;
    round.eligible = props.eligible;
    round.anonymous = props.anonymous;
    Ok(Edit::UpdateVoteRound {
        map_id: map_id.to_string(),
        round_id: round_id.to_string(),
        props: inverse,
    })
}

/// The checks every change of a vote passes: the round is open and the card is one of
/// its cards.
fn check_open_and_eligible<'a>(
    doc: &'a Document,
    map_id: &str,
    round_id: &str,
    card_id: &str,
) -> Result<(&'a VoteRound, &'a Card), EditError> {
    let map = map_ref(doc, map_id)?;
    let round = round_ref(map, round_id)?;
    let card = map
        .card(card_id)
        .ok_or_else(|| not_found("card", card_id))?;
    if round.state == RoundState::Ended {
        return Err(vote_refused(
            VoteRule::RoundEnded,
            format!(
                "the round {:?} has ended; its votes no longer change",
                round.question
            ),
        ));
    }
    if !is_eligible(round, card) {
        return Err(vote_refused(
            VoteRule::NotEligible,
            format!(
                "the card {:?} is not one of the cards of the round {:?}",
                card.title, round.question
            ),
        ));
    }
    Ok((round, card))
}

/// Sets the dots of one voter (a participant, or `None` for the paper) on one card.
fn set_count(round: &mut VoteRound, participant_id: Option<&str>, card_id: &str, count: u32) {
    let at = round
        .votes
        .iter()
        .position(|v| v.participant_id.as_deref() == participant_id && v.card_id == card_id);
    match (at, count) {
        (Some(i), 0) => {
            round.votes.remove(i);
        }
        (Some(i), n) => round.votes[i].count = n,
        (None, 0) => {}
        (None, n) => {
            round.votes.push(Vote {
                participant_id: participant_id.map(str::to_string),
                card_id: card_id.to_string(),
                count: n,
            });
            canonicalize_votes(&mut round.votes);
        }
    }
}

pub(crate) fn cast_votes(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
    participant_id: &str,
    card_id: &str,
    count: u32,
) -> Result<Edit, EditError> {
    let who = participant(doc, participant_id)?;
    let (round, _) = check_open_and_eligible(doc, map_id, round_id, card_id)?;
    if count > round.max_per_card {
        return Err(over_cap(who, count, round.max_per_card));
    }
    let old = round.count(Some(participant_id), card_id);
    let total = round.used_by(participant_id) - old + count;
    if total > round.votes_per_participant {
        return Err(vote_refused(
            VoteRule::Budget,
            format!(
                "{} has {} of {} left in this round, so cannot put {count} on this card",
                who.name,
                remaining_budget(round, participant_id) + old,
                dots(round.votes_per_participant),
            ),
        ));
    }
    set_count(
        round_mut(doc, map_id, round_id)?,
        Some(participant_id),
        card_id,
        count,
    );
    Ok(Edit::CastVotes {
        map_id: map_id.to_string(),
        round_id: round_id.to_string(),
        participant_id: participant_id.to_string(),
        card_id: card_id.to_string(),
        count: old,
    })
}

pub(crate) fn set_paper_dots(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
    card_id: &str,
    count: u32,
) -> Result<Edit, EditError> {
    let (round, _) = check_open_and_eligible(doc, map_id, round_id, card_id)?;
    if count > MAX_PAPER_DOTS {
        return Err(invalid(
            "vote.count",
            format!("{count} paper dots; at most {MAX_PAPER_DOTS}"),
        ));
    }
    let old = round.count(None, card_id);
    set_count(round_mut(doc, map_id, round_id)?, None, card_id, count);
    Ok(Edit::SetPaperDots {
        map_id: map_id.to_string(),
        round_id: round_id.to_string(),
        card_id: card_id.to_string(),
        count: old,
    })
}

/// Ends (`Ended`) or reopens (`Open`) a round; the inverse does the other.
pub(crate) fn set_state(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
    state: RoundState,
) -> Result<Edit, EditError> {
    let round = round_mut(doc, map_id, round_id)?;
    if round.state == state {
        return Err(match state {
            RoundState::Ended => vote_refused(
                VoteRule::RoundEnded,
                format!("the round {:?} has already ended", round.question),
            ),
            RoundState::Open => vote_refused(
                VoteRule::RoundOpen,
                format!("the round {:?} is already open", round.question),
            ),
        });
    }
    round.state = state;
    let (map_id, round_id) = (map_id.to_string(), round_id.to_string());
    Ok(match state {
        RoundState::Ended => Edit::ReopenVoteRound { map_id, round_id },
        RoundState::Open => Edit::EndVoteRound { map_id, round_id },
    })
}

pub(crate) fn set_round_votes(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
    votes: &[Vote],
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    let round = round_ref(map, round_id)?;
    let mut votes = votes.to_vec();
    canonicalize_votes(&mut votes);
    check_votes(doc, map, &round.props(), &votes)?;
    let round = round_mut(doc, map_id, round_id)?;
    let old = std::mem::replace(&mut round.votes, votes);
    Ok(Edit::SetRoundVotes {
        map_id: map_id.to_string(),
        round_id: round_id.to_string(),
        votes: old,
    })
}

pub(crate) fn clear_vote_round(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
) -> Result<Edit, EditError> {
    set_round_votes(doc, map_id, round_id, &[])
}

pub(crate) fn delete_vote_round(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
) -> Result<Edit, EditError> {
    let map = map_mut(doc, map_id)?;
    let at = position(&map.vote_rounds, "vote round", round_id, |r| &r.id)?;
    let round = map.vote_rounds.remove(at);
    Ok(Edit::StartVoteRound {
        map_id: map_id.to_string(),
        round,
        index: at as u32,
    })
}

/// Adds `tag` to the cards of the round's top `top` (see [`winners`]) that lack it; the
/// inverse takes it off exactly those cards. Only an ended round has winners.
pub(crate) fn tag_winners(
    doc: &mut Document,
    map_id: &str,
    round_id: &str,
    top: u32,
    tag: &str,
) -> Result<Edit, EditError> {
    let map = map_ref(doc, map_id)?;
    let round = round_ref(map, round_id)?;
    if round.state == RoundState::Open {
        return Err(vote_refused(
            VoteRule::RoundOpen,
            format!(
                "the round {:?} is still open; the facilitator ends it before its winners are tagged",
                round.question
            ),
        ));
    }
    if top == 0 {
        return Err(invalid("tagWinners.top", "tag at least the first card"));
    }
    check_tags(&[tag.to_string()])?;
    let ranked = results(map, &doc.participants, round);
    let steps: Vec<Edit> = winners(&ranked, top)
        .into_iter()
        .filter_map(|r| map.card(&r.card_id))
        .filter(|c| !c.tags.iter().any(|t| t == tag))
        .map(|c| Edit::UpdateCard {
            map_id: map_id.to_string(),
            card_id: c.id.clone(),
            props: CardPatch {
                tags: Some(c.tags.iter().cloned().chain([tag.to_string()]).collect()),
                ..Default::default()
            },
        })
        .collect();
    apply_batch(doc, &steps)
}

/// The clean-up before a card is deleted: its votes go, and rounds that list it no
/// longer do.
pub(crate) fn forget_card(map: &Map, card_id: &str) -> Vec<Edit> {
    let mut steps = Vec::new();
    for round in &map.vote_rounds {
        if round.votes.iter().any(|v| v.card_id == card_id) {
            steps.push(Edit::SetRoundVotes {
                map_id: map.id.clone(),
                round_id: round.id.clone(),
                votes: round
                    .votes
                    .iter()
                    .filter(|v| v.card_id != card_id)
                    .cloned()
                    .collect(),
            });
        }
        if let Eligibility::Cards { card_ids } = &round.eligible {
            if card_ids.iter().any(|c| c == card_id) {
                steps.push(Edit::UpdateVoteRound {
                    map_id: map.id.clone(),
                    round_id: round.id.clone(),
                    props: VoteRoundPatch {
                        eligible: Some(Eligibility::Cards {
                            card_ids: card_ids.iter().filter(|c| *c != card_id).cloned().collect(),
                        }),
                        ..Default::default()
                    },
                });
            }
        }
    }
    steps
}

/// The clean-up before a lane is deleted (after its cards): rounds that name it no
/// longer do.
pub(crate) fn forget_lane(map: &Map, lane_id: &str) -> Vec<Edit> {
    map.vote_rounds
        .iter()
        .filter_map(|round| match &round.eligible {
            Eligibility::Lanes { lane_ids } if lane_ids.iter().any(|l| l == lane_id) => {
                Some(Edit::UpdateVoteRound {
                    map_id: map.id.clone(),
                    round_id: round.id.clone(),
                    props: VoteRoundPatch {
                        eligible: Some(Eligibility::Lanes {
                            lane_ids: lane_ids.iter().filter(|l| *l != lane_id).cloned().collect(),
                        }),
                        ..Default::default()
                    },
                })
            }
            _ => None,
        })
        .collect()
}
