//! Workshop mode (issue 13): the people in the room, the cards they wrote, and
//! dot-voting rounds. Everything said and voted in the room is in the document, so it is
//! in the file and undoable like any other change.
//!
//! The rules of a round (who may vote, on what, how much) are checked when a vote is cast
//! ([`Edit::CastVotes`](crate::Edit::CastVotes), [`Edit::SetPaperDots`](crate::Edit::SetPaperDots));
//! the pure functions here ([`results`], [`is_eligible`], [`remaining_budget`]) answer
//! what the UI shows and what the shell exports, from the same rules.
//!
//! Only the facilitator — the app's operator — ends a round: Waymark is a single-operator
//! desktop app, so `EndVoteRound` is sent only by the operator's own window (the
//! participants vote through the facilitator or on paper; nobody else has a window).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::types::{Card, Id, Map};

pub mod summary;

/// Someone taking part in the document's workshop sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: Id,
    pub name: String,
    /// At most [`MAX_INITIALS`] characters, shown on the cards they wrote. When a
    /// participant is added or renamed with empty initials, they are derived from the name
    /// ([`derive_initials`]).
    pub initials: String,
    /// `#rrggbb`, from [`PARTICIPANT_PALETTE`]. When a participant is added with an empty
    /// colour, the palette's next colour is chosen ([`next_participant_color`]).
    pub color: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantProps {
    pub name: String,
    pub initials: String,
    pub color: String,
}

impl Participant {
    pub fn props(&self) -> ParticipantProps {
        ParticipantProps {
            name: self.name.clone(),
            initials: self.initials.clone(),
            color: self.color.clone(),
        }
    }
}

/// The most characters of a participant's initials.
pub const MAX_INITIALS: usize = 3;

/// Participants' colours, taken in turn. Each carries white initials with a contrast of
/// at least 4.5:1 (WCAG AA for text), on screen and on paper.
pub const PARTICIPANT_PALETTE: [&str; 10] = [
    "#1d4ed8", // blue
    "#b91c1c", // red
    "#047857", // green
    "#7e22ce", // purple
    "#c2410c", // orange
    "#0f766e", // teal
    "#be185d", // pink
    "#4d7c0f", // olive
    "#a16207", // ochre
    "#374151", // slate
];

/// Initials from a name: the first letter of the first and last words ("Ada Lovelace" →
/// "AL"), the first two letters of a single word ("Ada" → "AD"), upper case; "?" for a
/// name without letters or digits. At most [`MAX_INITIALS`] characters.
pub fn derive_initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let letters: Vec<char> = match words.as_slice() {
        [] => vec!['?'],
        [one] => one.chars().take(2).collect(),
        [first, .., last] => first.chars().take(1).chain(last.chars().take(1)).collect(),
    };
    letters
        .into_iter()
        .flat_map(char::to_uppercase)
        .take(MAX_INITIALS)
        .collect()
}

/// The palette colour a new participant gets: the first of those used by the fewest
/// participants, so colours go round in turn and repeat only when all are taken.
pub fn next_participant_color(participants: &[Participant]) -> String {
    let uses = |c: &str| {
        participants
            .iter()
            .filter(|p| p.color.eq_ignore_ascii_case(c))
            .count()
    };
    PARTICIPANT_PALETTE
        .iter()
        .min_by_key(|c| uses(c))
        .expect("the palette has colours")
        .to_string()
}

/// Which cards a round's votes may go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "by", rename_all = "camelCase")]
pub enum Eligibility {
    /// Every card in these lanes (cards added to them during the round included).
    #[serde(rename_all = "camelCase")]
    Lanes { lane_ids: Vec<Id> },
    /// Exactly these cards (a selection).
    #[serde(rename_all = "camelCase")]
    Cards { card_ids: Vec<Id> },
}

impl Eligibility {
    /// The stable name used in the file (`vote_rounds.eligible_by`).
    pub fn by(&self) -> &'static str {
        match self {
            Eligibility::Lanes { .. } => "lanes",
            Eligibility::Cards { .. } => "cards",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    /// Votes may be cast.
    Open,
    /// The facilitator ended the round; its votes are final (until it is reopened).
    Ended,
}

impl RoundState {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundState::Open => "open",
            RoundState::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<RoundState> {
        [RoundState::Open, RoundState::Ended]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Dots on one card: a participant's, or (`participant_id: None`) the dots on paper the
/// facilitator counted and entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Vote {
    pub participant_id: Option<Id>,
    pub card_id: Id,
    /// At least 1; a vote of 0 is no vote and is not kept.
    pub count: u32,
}

/// A dot-voting round on one map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteRound {
    pub id: Id,
    /// What the room votes on ("Which pain hurts most?").
    pub question: String,
    /// Each participant's budget of dots.
    pub votes_per_participant: u32,
    /// How many dots one participant may put on one card.
    pub max_per_card: u32,
    pub eligible: Eligibility,
    /// Results show totals only, never who voted for what.
    pub anonymous: bool,
    pub state: RoundState,
    /// In canonical order: paper dots first, then by participant id, then card id.
    pub votes: Vec<Vote>,
}

/// The editable settings of a round (everything but its state and votes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteRoundProps {
    pub question: String,
    pub votes_per_participant: u32,
    pub max_per_card: u32,
    pub eligible: Eligibility,
    pub anonymous: bool,
}

impl VoteRound {
    pub fn props(&self) -> VoteRoundProps {
        VoteRoundProps {
            question: self.question.clone(),
            votes_per_participant: self.votes_per_participant,
            max_per_card: self.max_per_card,
            eligible: self.eligible.clone(),
            anonymous: self.anonymous,
        }
    }

    /// The dots `participant_id` (or the paper, for `None`) put on `card_id`; 0 if none.
    pub fn count(&self, participant_id: Option<&str>, card_id: &str) -> u32 {
        self.votes
            .iter()
            .find(|v| v.participant_id.as_deref() == participant_id && v.card_id == card_id)
            .map_or(0, |v| v.count)
    }

    /// How many dots a participant has put on cards in this round.
    pub fn used_by(&self, participant_id: &str) -> u32 {
        self.votes
            .iter()
            .filter(|v| v.participant_id.as_deref() == Some(participant_id))
            .map(|v| v.count)
            .sum()
    }
}

impl Map {
    pub fn vote_round(&self, id: &str) -> Option<&VoteRound> {
        self.vote_rounds.iter().find(|r| r.id == id)
    }
}

/// Whether a card may get votes in a round (its lane is one of the round's lanes, or it
/// is one of the round's cards).
pub fn is_eligible(round: &VoteRound, card: &Card) -> bool {
    match &round.eligible {
        Eligibility::Lanes { lane_ids } => lane_ids.contains(&card.lane_id),
        Eligibility::Cards { card_ids } => card_ids.contains(&card.id),
    }
}

/// The map's cards that may get votes in the round, in the map's order.
pub fn eligible_cards<'a>(map: &'a Map, round: &VoteRound) -> Vec<&'a Card> {
    map.cards.iter().filter(|c| is_eligible(round, c)).collect()
}

/// The dots a participant has left to give in the round.
pub fn remaining_budget(round: &VoteRound, participant_id: &str) -> u32 {
    round
        .votes_per_participant
        .saturating_sub(round.used_by(participant_id))
}

/// One participant's dots on a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantCount {
    pub participant_id: Id,
    pub count: u32,
}

/// One card's line in a round's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardResult {
    pub card_id: Id,
    /// 1 for the most dots; cards with as many dots share a rank and the next rank skips
    /// (1, 2, 2, 4).
    pub rank: u32,
    /// Every dot on the card: the participants' and the paper's.
    pub total: u32,
    /// The dots on paper, entered by the facilitator.
    pub paper: u32,
    /// Each participant's dots on the card, in the document's order of participants;
    /// empty when the round is anonymous.
    pub by_participant: Vec<ParticipantCount>,
}

/// A round's results: every card that is eligible or has dots, the most dots first (ties
/// in the map's order of cards). A card no longer on the map keeps no line.
pub fn results(
    map: &Map,
    participants: &[crate::Participant],
    round: &VoteRound,
) -> Vec<CardResult> {
    let mut rows: Vec<CardResult> = map
        .cards
        .iter()
        .filter(|c| is_eligible(round, c) || round.votes.iter().any(|v| v.card_id == c.id))
        .map(|c| {
            let on_card = || round.votes.iter().filter(|v| v.card_id == c.id);
            let by_participant = if round.anonymous {
                Vec::new()
            } else {
                participants
                    .iter()
                    .filter_map(|p| {
                        let count = round.count(Some(&p.id), &c.id);
                        (count > 0).then(|| ParticipantCount {
                            participant_id: p.id.clone(),
                            count,
                        })
                    })
                    .collect()
            };
            CardResult {
                card_id: c.id.clone(),
                rank: 0,
                total: on_card().map(|v| v.count).sum(),
                paper: round.count(None, &c.id),
                by_participant,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total)); // stable: ties keep the map's order
    for i in 0..rows.len() {
        rows[i].rank = if i > 0 && rows[i - 1].total == rows[i].total {
            rows[i - 1].rank
        } else {
            i as u32 + 1
        };
    }
    rows
}

/// The cards `TagWinners` tags: those with at least one dot ranked within the top `top`
/// (so cards tied at the last place are all winners).
pub fn winners(results: &[CardResult], top: u32) -> Vec<&CardResult> {
    results
        .iter()
        .filter(|r| r.total > 0 && r.rank <= top)
        .collect()
}

/// One line of a round's results as a person reads it (the UI's table, the CSV).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteResultRow {
    pub card_id: Id,
    pub rank: u32,
    pub title: String,
    /// The names of the card's stage and lane.
    pub stage: String,
    pub lane: String,
    pub total: u32,
    pub paper: u32,
    /// Empty when the round is anonymous.
    pub by_participant: Vec<ParticipantCount>,
}

/// A round's settings, its ranked results and each participant's dots left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteResults {
    pub map_id: Id,
    pub round_id: Id,
    pub question: String,
    pub state: RoundState,
    pub anonymous: bool,
    pub votes_per_participant: u32,
    pub max_per_card: u32,
    pub rows: Vec<VoteResultRow>,
    /// The participants the results name, one column each: every participant of the
    /// document, in order; none when the round is anonymous.
    pub participants: Vec<Participant>,
    /// Each participant's dots left to give (how many, never where: also when anonymous).
    pub remaining: Vec<ParticipantCount>,
    /// The participants' dots and the paper's, all together.
    pub dots: u32,
}

/// The results of `round` on `map` for the UI and the CSV (see [`results`]).
pub fn vote_results(doc: &crate::Document, map: &Map, round: &VoteRound) -> VoteResults {
    let name = |id: &str, of: &[(&str, &str)]| {
        of.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.to_string())
            .unwrap_or_default()
    };
    let stages: Vec<(&str, &str)> = map
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let lanes: Vec<(&str, &str)> = map
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str()))
        .collect();
    let rows = results(map, &doc.participants, round)
        .into_iter()
        .filter_map(|r| {
            let card = map.card(&r.card_id)?;
            Some(VoteResultRow {
                card_id: r.card_id,
                rank: r.rank,
                title: card.title.clone(),
                stage: name(&card.stage_id, &stages),
                lane: name(&card.lane_id, &lanes),
                total: r.total,
                paper: r.paper,
                by_participant: r.by_participant,
            })
        })
        .collect();
    VoteResults {
        map_id: map.id.clone(),
        round_id: round.id.clone(),
        question: round.question.clone(),
        state: round.state,
        anonymous: round.anonymous,
        votes_per_participant: round.votes_per_participant,
        max_per_card: round.max_per_card,
        rows,
        participants: if round.anonymous {
            Vec::new()
        } else {
            doc.participants.clone()
        },
        remaining: doc
            .participants
            .iter()
            .map(|p| ParticipantCount {
                participant_id: p.id.clone(),
                count: remaining_budget(round, &p.id),
            })
            .collect(),
        dots: round.votes.iter().map(|v| v.count).sum(),
    }
}

/// The map and round of a round id (round ids are unique in the document).
pub fn find_vote_round<'a>(
    doc: &'a crate::Document,
    round_id: &str,
) -> Option<(&'a Map, &'a VoteRound)> {
    doc.maps
        .iter()
        .find_map(|m| m.vote_round(round_id).map(|r| (m, r)))
}

/// Puts a round's votes in canonical order (paper first, then participant id, card id).
pub(crate) fn canonicalize_votes(votes: &mut [Vote]) {
    votes.sort_by(|a, b| (&a.participant_id, &a.card_id).cmp(&(&b.participant_id, &b.card_id)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_come_from_the_first_and_last_words() {
        assert_eq!(derive_initials("Ada Lovelace"), "AL");
        assert_eq!(derive_initials("  jean-luc  picard "), "JP");
        assert_eq!(derive_initials("Ada"), "AD");
        assert_eq!(derive_initials("Z"), "Z");
        assert_eq!(derive_initials("Ørjan Ås"), "ØÅ");
        assert_eq!(derive_initials("— !"), "?");
        assert!(derive_initials("ß ß").chars().count() <= MAX_INITIALS);
    }

    /// WCAG relative luminance and contrast with white.
    fn contrast_with_white(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        1.05 / (l + 0.05)
    }

    #[test]
    fn every_palette_colour_carries_white_initials_legibly() {
        for c in PARTICIPANT_PALETTE {
            let ratio = contrast_with_white(c);
            assert!(ratio >= 4.5, "{c} has contrast {ratio:.2}");
        }
        let mut unique = PARTICIPANT_PALETTE.to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), PARTICIPANT_PALETTE.len());
    }

    #[test]
    fn colours_go_round_in_turn() {
        let mut people = Vec::new();
        for i in 0..PARTICIPANT_PALETTE.len() + 2 {
            let color = next_participant_color(&people);
            assert_eq!(color, PARTICIPANT_PALETTE[i % PARTICIPANT_PALETTE.len()]);
            people.push(Participant {
                id: format!("p{i}"),
                name: String::new(),
                initials: "X".into(),
                color,
            });
        }
        // A colour freed by a removed participant is the next one given.
        people.remove(3);
        assert_eq!(next_participant_color(&people), PARTICIPANT_PALETTE[3]);
    }
}
