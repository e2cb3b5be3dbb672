//! What a workshop left behind on one map, as the summary sent round after it (issue 13,
//! "after the workshop"): who took part, the notes captured per stage, each vote round's
//! results with its winning cards, and the decisions (cards carrying tags).
//!
//! A pure function of the document; the Markdown and PDF writers (render crate) print
//! exactly what [`workshop_summary`] derives, in the same order.

use crate::types::{Card, Document, Map};
use crate::workshop::{vote_results, RoundState, VoteResultRow};

/// A round's winners are its cards ranked within this many places (ties at the last
/// place included), with at least one dot.
pub const SUMMARY_TOP: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopSummary {
    pub map_id: String,
    pub map_name: String,
    /// Every participant of the document, in the document's order.
    pub participants: Vec<SummaryParticipant>,
    /// The stages with captured notes, in the map's order.
    pub stages: Vec<StageNotes>,
    /// The map's vote rounds, oldest first.
    pub rounds: Vec<RoundSummary>,
    /// One group per tag, in the order the tags first appear on the map's cards.
    pub decisions: Vec<TagDecisions>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryParticipant {
    pub name: String,
    pub initials: String,
    /// `#rrggbb`.
    pub color: String,
    /// How many cards of the map they wrote.
    pub notes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageNotes {
    pub stage: String,
    /// The lanes with notes in this stage, in the map's order.
    pub lanes: Vec<LaneNotes>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneNotes {
    pub lane: String,
    /// In the map's order of cards within the cell.
    pub notes: Vec<Note>,
}

/// A card written by a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub title: String,
    pub body: String,
    /// The author's initials and name; empty when the author is no longer a participant.
    pub initials: String,
    pub author: String,
    /// The author's colour (`#rrggbb`); empty as the initials are.
    pub color: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundSummary {
    pub question: String,
    pub state: RoundState,
    pub anonymous: bool,
    /// All dots given, the participants' and the paper's.
    pub dots: u32,
    /// Every card that was eligible or got dots, the most dots first (see
    /// [`crate::results`]).
    pub results: Vec<VoteResultRow>,
    /// The rows of `results` that won: ranked within [`SUMMARY_TOP`], with a dot.
    pub winners: Vec<VoteResultRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagDecisions {
    pub tag: String,
    pub cards: Vec<DecidedCard>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidedCard {
    pub title: String,
    pub stage: String,
    pub lane: String,
}

impl WorkshopSummary {
    /// Whether the workshop left nothing on the map to report.
    pub fn is_empty(&self) -> bool {
        self.stages.is_empty() && self.rounds.is_empty() && self.decisions.is_empty()
    }

    /// How many notes were captured in all.
    pub fn note_count(&self) -> usize {
        self.stages
            .iter()
            .flat_map(|s| &s.lanes)
            .map(|l| l.notes.len())
            .sum()
    }
}

/// The summary of map `map_id` of `doc`; `None` when the document has no such map.
pub fn workshop_summary(doc: &Document, map_id: &str) -> Option<WorkshopSummary> {
    let map = doc.map(map_id)?;
    let participants = doc
        .participants
        .iter()
        .map(|p| SummaryParticipant {
            name: p.name.clone(),
            initials: p.initials.clone(),
            color: p.color.clone(),
            notes: map
                .cards
                .iter()
                .filter(|c| c.author.as_deref() == Some(p.id.as_str()))
                .count() as u32,
        })
        .collect();
    let rounds = map
        .vote_rounds
        .iter()
        .map(|round| {
            let results = vote_results(doc, map, round);
            let winners = results
                .rows
                .iter()
                .filter(|r| r.total > 0 && r.rank <= SUMMARY_TOP)
                .cloned()
                .collect();
            RoundSummary {
                question: round.question.clone(),
                state: round.state,
                anonymous: round.anonymous,
                dots: results.dots,
                results: results.rows,
                winners,
            }
        })
        .collect();
    Some(WorkshopSummary {
        map_id: map.id.clone(),
        map_name: map.name.clone(),
        participants,
        stages: stage_notes(doc, map),
        rounds,
        decisions: decisions(map),
    })
}

fn stage_notes(doc: &Document, map: &Map) -> Vec<StageNotes> {
    map.stages
        .iter()
        .filter_map(|stage| {
            let lanes: Vec<LaneNotes> = map
                .lanes
                .iter()
                .filter_map(|lane| {
                    let notes: Vec<Note> = map
                        .cards
                        .iter()
                        .filter(|c| c.stage_id == stage.id && c.lane_id == lane.id)
                        .filter_map(|c| note(doc, c))
                        .collect();
                    (!notes.is_empty()).then(|| LaneNotes {
                        lane: lane.name.clone(),
                        notes,
                    })
                })
                .collect();
            (!lanes.is_empty()).then(|| StageNotes {
                stage: stage.name.clone(),
                lanes,
            })
        })
        .collect()
}

fn note(doc: &Document, card: &Card) -> Option<Note> {
    let author = card.author.as_deref()?;
    let who = doc.participants.iter().find(|p| p.id == author);
    Some(Note {
        title: card.title.clone(),
        body: card.body.clone(),
        initials: who.map(|p| p.initials.clone()).unwrap_or_default(),
        author: who.map(|p| p.name.clone()).unwrap_or_default(),
        color: who.map(|p| p.color.clone()).unwrap_or_default(),
    })
}

fn decisions(map: &Map) -> Vec<TagDecisions> {
    let mut groups: Vec<TagDecisions> = Vec::new();
    for card in &map.cards {
        for tag in &card.tags {
            let tag = tag.trim();
            if tag.is_empty() {
                continue;
            }
            let decided = DecidedCard {
                title: card.title.clone(),
                stage: map
                    .stage(&card.stage_id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                lane: map
                    .lane(&card.lane_id)
                    .map(|l| l.name.clone())
                    .unwrap_or_default(),
            };
            match groups.iter_mut().find(|g| g.tag == tag) {
                Some(g) => {
                    if !g.cards.contains(&decided) {
                        g.cards.push(decided)
                    }
                }
                None => groups.push(TagDecisions {
                    tag: tag.to_string(),
                    cards: vec![decided],
                }),
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::*;
    use crate::workshop::*;
    use crate::CardPlan;

    fn card(id: &str, stage: &str, lane: &str, title: &str, author: Option<&str>) -> Card {
        Card {
            id: id.into(),
            stage_id: stage.into(),
            lane_id: lane.into(),
            kind: LaneKind::Touchpoints,
            title: title.into(),
            body: String::new(),
            color: None,
            channel_id: None,
            persona_ids: vec![],
            flags: CardFlags::default(),
            plan: CardPlan::default(),
            author: author.map(Into::into),
            tags: vec![],
        }
    }

    fn stage(id: &str, name: &str) -> Stage {
        Stage {
            id: id.into(),
            name: name.into(),
            color: None,
            width: 240,
            rung_id: None,
            speaker_notes: String::new(),
        }
    }

    fn lane(id: &str, name: &str) -> Lane {
        Lane {
            id: id.into(),
            name: name.into(),
            kind: LaneKind::Touchpoints,
            color: None,
            collapsed: false,
            hidden: false,
            hidden_for_outsiders: false,
        }
    }

    fn person(id: &str, name: &str, initials: &str) -> Participant {
        Participant {
            id: id.into(),
            name: name.into(),
            initials: initials.into(),
            color: "#1d4ed8".into(),
        }
    }

    /// Two stages × two lanes; Ada wrote three cards, Bo one; one card has no author.
    fn workshop() -> Document {
        let mut cards = vec![
            card("c1", "s1", "l1", "Slow sign-up", Some("pa")),
            card("c2", "s1", "l2", "Form asks too much", Some("pb")),
            card("c3", "s2", "l1", "Receipt is late", Some("pa")),
            card("c4", "s2", "l1", "Thank-you call", Some("pa")),
            card("c5", "s2", "l2", "Planned before", None),
        ];
        cards[1].body = "Twelve fields".into();
        cards[0].tags = vec!["Top 3: What hurts?".into()];
        cards[2].tags = vec!["Top 3: What hurts?".into(), "Decision".into()];
        cards[4].tags = vec!["Decision".into(), "  ".into()];
        let round = VoteRound {
            id: "r1".into(),
            question: "What hurts?".into(),
            votes_per_participant: 5,
            max_per_card: 3,
            eligible: Eligibility::Lanes {
                lane_ids: vec!["l1".into()],
            },
            anonymous: false,
            state: RoundState::Ended,
            votes: vec![
                Vote {
                    participant_id: None,
                    card_id: "c3".into(),
                    count: 4,
                },
                Vote {
                    participant_id: Some("pa".into()),
                    card_id: "c1".into(),
                    count: 2,
                },
                Vote {
                    participant_id: Some("pb".into()),
                    card_id: "c1".into(),
                    count: 2,
                },
            ],
        };
        let map = Map {
            id: "m1".into(),
            name: "Donor journey".into(),
            description: String::new(),
            persona_ids: vec![],
            stages: vec![
                stage("s1", "Discover"),
                stage("s2", "Give"),
                stage("s3", "Stay"),
            ],
            lanes: vec![lane("l1", "Touchpoints"), lane("l2", "Pains")],
            cards,
            connectors: vec![],
            emotion_points: vec![],
            vote_rounds: vec![round],
        };
        Document {
            maps: vec![map],
            participants: vec![
                person("pa", "Ada Lovelace", "AL"),
                person("pb", "Bo Diddley", "BD"),
                person("pc", "Cy Twombly", "CT"),
            ],
            ..Document::default()
        }
    }

    #[test]
    fn participants_come_with_how_many_notes_they_wrote() {
        let s = workshop_summary(&workshop(), "m1").unwrap();
        let got: Vec<(&str, &str, u32)> = s
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.initials.as_str(), p.notes))
            .collect();
        assert_eq!(
            got,
            [
                ("Ada Lovelace", "AL", 3),
                ("Bo Diddley", "BD", 1),
                ("Cy Twombly", "CT", 0)
            ]
        );
        assert_eq!(s.map_name, "Donor journey");
        assert_eq!(s.note_count(), 4);
    }

    #[test]
    fn notes_are_grouped_by_stage_then_lane_and_only_authored_cards_count() {
        let s = workshop_summary(&workshop(), "m1").unwrap();
        let shape: Vec<(&str, Vec<(&str, Vec<(&str, &str)>)>)> = s
            .stages
            .iter()
            .map(|st| {
                (
                    st.stage.as_str(),
                    st.lanes
                        .iter()
                        .map(|l| {
                            (
                                l.lane.as_str(),
                                l.notes
                                    .iter()
                                    .map(|n| (n.title.as_str(), n.initials.as_str()))
                                    .collect(),
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (
                    "Discover",
                    vec![
                        ("Touchpoints", vec![("Slow sign-up", "AL")]),
                        ("Pains", vec![("Form asks too much", "BD")]),
                    ]
                ),
                (
                    "Give",
                    vec![(
                        "Touchpoints",
                        vec![("Receipt is late", "AL"), ("Thank-you call", "AL")]
                    )]
                ),
            ],
            "the stage without notes (Stay) and the unauthored card are left out"
        );
        assert_eq!(s.stages[0].lanes[1].notes[0].body, "Twelve fields");
        assert_eq!(s.stages[0].lanes[1].notes[0].author, "Bo Diddley");
    }

    #[test]
    fn a_round_comes_ranked_with_its_winners() {
        let s = workshop_summary(&workshop(), "m1").unwrap();
        let r = &s.rounds[0];
        assert_eq!(r.question, "What hurts?");
        assert_eq!(r.state, RoundState::Ended);
        assert_eq!(r.dots, 8);
        let ranked: Vec<(u32, &str, u32)> = r
            .results
            .iter()
            .map(|x| (x.rank, x.title.as_str(), x.total))
            .collect();
        assert_eq!(
            ranked,
            [
                (1, "Slow sign-up", 4),
                (1, "Receipt is late", 4),
                (3, "Thank-you call", 0)
            ]
        );
        let winners: Vec<&str> = r.winners.iter().map(|w| w.title.as_str()).collect();
        assert_eq!(
            winners,
            ["Slow sign-up", "Receipt is late"],
            "no dot, no win"
        );
    }

    #[test]
    fn decisions_are_the_tagged_cards_grouped_by_tag() {
        let s = workshop_summary(&workshop(), "m1").unwrap();
        let got: Vec<(&str, Vec<(&str, &str)>)> = s
            .decisions
            .iter()
            .map(|d| {
                (
                    d.tag.as_str(),
                    d.cards
                        .iter()
                        .map(|c| (c.title.as_str(), c.stage.as_str()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Top 3: What hurts?",
                    vec![("Slow sign-up", "Discover"), ("Receipt is late", "Give")]
                ),
                (
                    "Decision",
                    vec![("Receipt is late", "Give"), ("Planned before", "Give")]
                ),
            ]
        );
        assert_eq!(s.decisions[1].cards[1].lane, "Pains");
    }

    #[test]
    fn a_map_without_a_workshop_is_empty_and_an_unknown_map_is_none() {
        let mut doc = workshop();
        assert!(workshop_summary(&doc, "nope").is_none());
        let map = &mut doc.maps[0];
        map.vote_rounds.clear();
        for c in &mut map.cards {
            c.author = None;
            c.tags.clear();
        }
        let s = workshop_summary(&doc, "m1").unwrap();
        assert!(s.is_empty());
        assert_eq!(s.participants.len(), 3);
        assert!(s.participants.iter().all(|p| p.notes == 0));
    }

    #[test]
    fn a_note_by_someone_no_longer_in_the_room_keeps_its_place_without_initials() {
        let mut doc = workshop();
        doc.participants.remove(1);
        let s = workshop_summary(&doc, "m1").unwrap();
        let n = &s.stages[0].lanes[1].notes[0];
        assert_eq!(
            (n.title.as_str(), n.initials.as_str()),
            ("Form asks too much", "")
        );
    }
}
