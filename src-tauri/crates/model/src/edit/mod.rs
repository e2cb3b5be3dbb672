//! The closed set of edits. Each `apply` returns the edit's exact inverse.

mod card;
mod connector;
mod map;
pub(crate) use map::{add_indexed as add_map_indexed, MapIds};
mod people;
mod plan;
mod structure;
mod util;
mod workshop;

pub use workshop::{MAX_DOTS, MAX_PAPER_DOTS};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::*;

/// Every change to a document. Indices are positions in the relevant list (for cards:
/// within their cell) and are clamped to the list's length. `Update*` edits carry a patch
/// of only the fields that change (see `patch.rs`); their inverse carries the old values
/// of exactly those fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type")]
pub enum Edit {
    #[serde(rename_all = "camelCase")]
    AddMap { map: Map, index: u32 },
    #[serde(rename_all = "camelCase")]
    UpdateMap { map_id: Id, props: MapPatch },
    #[serde(rename_all = "camelCase")]
    ReorderMap { map_id: Id, index: u32 },
    #[serde(rename_all = "camelCase")]
    DeleteMap { map_id: Id },

    #[serde(rename_all = "camelCase")]
    AddStage {
        map_id: Id,
        stage: Stage,
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    UpdateStage {
        map_id: Id,
        stage_id: Id,
        props: StagePatch,
    },
    #[serde(rename_all = "camelCase")]
    ReorderStage {
        map_id: Id,
        stage_id: Id,
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    DeleteStage { map_id: Id, stage_id: Id },

    #[serde(rename_all = "camelCase")]
    AddLane { map_id: Id, lane: Lane, index: u32 },
    #[serde(rename_all = "camelCase")]
    UpdateLane {
        map_id: Id,
        lane_id: Id,
        props: LanePatch,
    },
    #[serde(rename_all = "camelCase")]
    ReorderLane { map_id: Id, lane_id: Id, index: u32 },
    #[serde(rename_all = "camelCase")]
    DeleteLane { map_id: Id, lane_id: Id },

    #[serde(rename_all = "camelCase")]
    AddCard { map_id: Id, card: Card, index: u32 },
    #[serde(rename_all = "camelCase")]
    UpdateCard {
        map_id: Id,
        card_id: Id,
        props: CardPatch,
    },
    /// Moves a card to a cell (possibly its own) at a position within that cell.
    #[serde(rename_all = "camelCase")]
    MoveCard {
        map_id: Id,
        card_id: Id,
        stage_id: Id,
        lane_id: Id,
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    DeleteCard { map_id: Id, card_id: Id },

    #[serde(rename_all = "camelCase")]
    AddConnector {
        map_id: Id,
        connector: Connector,
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    UpdateConnector {
        map_id: Id,
        connector_id: Id,
        props: ConnectorPatch,
    },
    /// Re-attaches a connector's ends.
    #[serde(rename_all = "camelCase")]
    MoveConnector {
        map_id: Id,
        connector_id: Id,
        from_card_id: Id,
        to_card_id: Id,
    },
    #[serde(rename_all = "camelCase")]
    ReorderConnector {
        map_id: Id,
        connector_id: Id,
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    DeleteConnector { map_id: Id, connector_id: Id },

    #[serde(rename_all = "camelCase")]
    AddChannel { channel: Channel, index: u32 },
    #[serde(rename_all = "camelCase")]
    UpdateChannel { channel_id: Id, props: ChannelPatch },
    #[serde(rename_all = "camelCase")]
    ReorderChannel { channel_id: Id, index: u32 },
    #[serde(rename_all = "camelCase")]
    DeleteChannel { channel_id: Id },

    #[serde(rename_all = "camelCase")]
    AddPersona { persona: Persona, index: u32 },
    #[serde(rename_all = "camelCase")]
    UpdatePersona { persona_id: Id, props: PersonaPatch },
    #[serde(rename_all = "camelCase")]
    ReorderPersona { persona_id: Id, index: u32 },
    #[serde(rename_all = "camelCase")]
    DeletePersona { persona_id: Id },

    /// Sets (or with `None` clears) how a persona feels at a stage.
    #[serde(rename_all = "camelCase")]
    SetEmotion {
        map_id: Id,
        persona_id: Id,
        stage_id: Id,
        value: Option<i8>,
    },

    /// Replaces the engagement ladder's rungs (in order, lowest first).
    #[serde(rename_all = "camelCase")]
    SetLadder { rungs: Vec<Rung> },

    /// Adds someone in the room. Empty `initials` are derived from the name, an empty
    /// `color` is the palette's next one (see `workshop.rs`).
    #[serde(rename_all = "camelCase")]
    AddParticipant {
        participant: Participant,
        index: u32,
    },
    #[serde(rename_all = "camelCase")]
    UpdateParticipant {
        participant_id: Id,
        props: ParticipantPatch,
    },
    /// Also removes their votes and unlinks the cards they wrote.
    #[serde(rename_all = "camelCase")]
    DeleteParticipant { participant_id: Id },

    /// Adds a round to a map (normally open and without votes; the undo of a delete
    /// brings a round back whole, with its state and votes).
    #[serde(rename_all = "camelCase")]
    StartVoteRound {
        map_id: Id,
        round: VoteRound,
        index: u32,
    },
    /// Changes a round's settings; refused if a participant already gave more dots than
    /// a lowered budget or cap allows.
    #[serde(rename_all = "camelCase")]
    UpdateVoteRound {
        map_id: Id,
        round_id: Id,
        props: VoteRoundPatch,
    },
    /// Sets how many dots a participant puts on a card (0 takes them off). Refused, with
    /// `EditError::Vote` naming the rule, when the round has ended, the card is not one
    /// of the round's, or the count breaks the per-card cap or the participant's budget.
    #[serde(rename_all = "camelCase")]
    CastVotes {
        map_id: Id,
        round_id: Id,
        participant_id: Id,
        card_id: Id,
        count: u32,
    },
    /// Sets the dots counted on paper for a card (no participant, no budget or cap; the
    /// round must be open and the card one of its cards).
    #[serde(rename_all = "camelCase")]
    SetPaperDots {
        map_id: Id,
        round_id: Id,
        card_id: Id,
        count: u32,
    },
    /// Ends an open round. Sent only by the facilitator, the app's operator.
    #[serde(rename_all = "camelCase")]
    EndVoteRound { map_id: Id, round_id: Id },
    /// Opens an ended round again (the undo of `EndVoteRound`).
    #[serde(rename_all = "camelCase")]
    ReopenVoteRound { map_id: Id, round_id: Id },
    /// Removes every vote of a round, paper dots included.
    #[serde(rename_all = "camelCase")]
    ClearVoteRound { map_id: Id, round_id: Id },
    /// Replaces a round's votes whole (the undo of a clear, and the clean-up when a card
    /// or participant is deleted). Checks ids, budget and cap, not the round's state.
    #[serde(rename_all = "camelCase")]
    SetRoundVotes {
        map_id: Id,
        round_id: Id,
        votes: Vec<Vote>,
    },
    #[serde(rename_all = "camelCase")]
    DeleteVoteRound { map_id: Id, round_id: Id },
    /// Adds `tag` to the cards ranked within the top `top` of an ended round (cards tied
    /// at the last place included, cards without dots never).
    #[serde(rename_all = "camelCase")]
    TagWinners {
        map_id: Id,
        round_id: Id,
        top: u32,
        tag: String,
    },

    /// Several edits as one undo step (a drag of many cards, a paste). All or nothing.
    #[serde(rename_all = "camelCase")]
    Batch { edits: Vec<Edit> },
}

impl Edit {
    /// Applies the edit and returns its exact inverse. On error the document is unchanged.
    pub fn apply(&self, doc: &mut Document) -> Result<Edit, EditError> {
        use Edit::*;
        match self {
            AddMap { map, index } => map::add(doc, map, *index),
            UpdateMap { map_id, props } => map::update(doc, map_id, props),
            ReorderMap { map_id, index } => map::reorder(doc, map_id, *index),
            DeleteMap { map_id } => map::delete(doc, map_id),

            AddStage {
                map_id,
                stage,
                index,
            } => structure::add_stage(doc, map_id, stage, *index),
            UpdateStage {
                map_id,
                stage_id,
                props,
            } => structure::update_stage(doc, map_id, stage_id, props),
            ReorderStage {
                map_id,
                stage_id,
                index,
            } => structure::reorder_stage(doc, map_id, stage_id, *index),
            DeleteStage { map_id, stage_id } => structure::delete_stage(doc, map_id, stage_id),

            AddLane {
                map_id,
                lane,
                index,
            } => structure::add_lane(doc, map_id, lane, *index),
            UpdateLane {
                map_id,
                lane_id,
                props,
            } => structure::update_lane(doc, map_id, lane_id, props),
            ReorderLane {
                map_id,
                lane_id,
                index,
            } => structure::reorder_lane(doc, map_id, lane_id, *index),
            DeleteLane { map_id, lane_id } => structure::delete_lane(doc, map_id, lane_id),

            AddCard {
                map_id,
                card,
                index,
            } => card::add(doc, map_id, card, *index),
            UpdateCard {
                map_id,
                card_id,
                props,
            } => card::update(doc, map_id, card_id, props),
            MoveCard {
                map_id,
                card_id,
                stage_id,
                lane_id,
                index,
            } => card::move_to(doc, map_id, card_id, stage_id, lane_id, *index),
            DeleteCard { map_id, card_id } => card::delete(doc, map_id, card_id),

            AddConnector {
                map_id,
                connector,
                index,
            } => connector::add(doc, map_id, connector, *index),
            UpdateConnector {
                map_id,
                connector_id,
                props,
            } => connector::update(doc, map_id, connector_id, props),
            MoveConnector {
                map_id,
                connector_id,
                from_card_id,
                to_card_id,
            } => connector::move_ends(doc, map_id, connector_id, from_card_id, to_card_id),
            ReorderConnector {
                map_id,
                connector_id,
                index,
            } => connector::reorder(doc, map_id, connector_id, *index),
            DeleteConnector {
                map_id,
                connector_id,
            } => connector::delete(doc, map_id, connector_id),

            AddChannel { channel, index } => people::add_channel(doc, channel, *index),
            UpdateChannel { channel_id, props } => people::update_channel(doc, channel_id, props),
            ReorderChannel { channel_id, index } => {
                people::reorder_channel(doc, channel_id, *index)
            }
            DeleteChannel { channel_id } => people::delete_channel(doc, channel_id),

            AddPersona { persona, index } => people::add_persona(doc, persona, *index),
            UpdatePersona { persona_id, props } => people::update_persona(doc, persona_id, props),
            ReorderPersona { persona_id, index } => {
                people::reorder_persona(doc, persona_id, *index)
            }
            DeletePersona { persona_id } => people::delete_persona(doc, persona_id),

            SetEmotion {
                map_id,
                persona_id,
                stage_id,
                value,
            } => structure::set_emotion(doc, map_id, persona_id, stage_id, *value),

            SetLadder { rungs } => plan::set_ladder(doc, rungs),

            AddParticipant { participant, index } => {
                workshop::add_participant(doc, participant, *index)
            }
            UpdateParticipant {
                participant_id,
                props,
            } => workshop::update_participant(doc, participant_id, props),
            DeleteParticipant { participant_id } => {
                workshop::delete_participant(doc, participant_id)
            }
            StartVoteRound {
                map_id,
                round,
                index,
            } => workshop::start_vote_round(doc, map_id, round, *index),
            UpdateVoteRound {
                map_id,
                round_id,
                props,
            } => workshop::update_vote_round(doc, map_id, round_id, props),
            CastVotes {
                map_id,
                round_id,
                participant_id,
                card_id,
                count,
            } => workshop::cast_votes(doc, map_id, round_id, participant_id, card_id, *count),
            SetPaperDots {
                map_id,
                round_id,
                card_id,
                count,
            } => workshop::set_paper_dots(doc, map_id, round_id, card_id, *count),
            EndVoteRound { map_id, round_id } => {
                workshop::set_state(doc, map_id, round_id, RoundState::Ended)
            }
            ReopenVoteRound { map_id, round_id } => {
                workshop::set_state(doc, map_id, round_id, RoundState::Open)
            }
            ClearVoteRound { map_id, round_id } => {
                workshop::clear_vote_round(doc, map_id, round_id)
            }
            SetRoundVotes {
                map_id,
                round_id,
                votes,
            } => workshop::set_round_votes(doc, map_id, round_id, votes),
            DeleteVoteRound { map_id, round_id } => {
                workshop::delete_vote_round(doc, map_id, round_id)
            }
            TagWinners {
                map_id,
                round_id,
                top,
                tag,
            } => workshop::tag_winners(doc, map_id, round_id, *top, tag),
            Batch { edits } => apply_batch(doc, edits),
        }
    }

    /// A short human description, shown in the Edit menu ("Undo Move card").
    pub fn label(&self) -> &'static str {
        use Edit::*;
        match self {
            AddMap { .. } => "Add map",
            UpdateMap { .. } => "Edit map",
            ReorderMap { .. } => "Reorder maps",
            DeleteMap { .. } => "Delete map",
            AddStage { .. } => "Add stage",
            UpdateStage { .. } => "Edit stage",
            ReorderStage { .. } => "Reorder stages",
            DeleteStage { .. } => "Delete stage",
            AddLane { .. } => "Add lane",
            UpdateLane { .. } => "Edit lane",
            ReorderLane { .. } => "Reorder lanes",
            DeleteLane { .. } => "Delete lane",
            AddCard { .. } => "Add card",
            UpdateCard { .. } => "Edit card",
            MoveCard { .. } => "Move card",
            DeleteCard { .. } => "Delete card",
            AddConnector { .. } => "Add connector",
            UpdateConnector { .. } => "Edit connector",
            MoveConnector { .. } => "Reconnect connector",
            ReorderConnector { .. } => "Reorder connectors",
            DeleteConnector { .. } => "Delete connector",
            AddChannel { .. } => "Add channel",
            UpdateChannel { .. } => "Edit channel",
            ReorderChannel { .. } => "Reorder channels",
            DeleteChannel { .. } => "Delete channel",
            AddPersona { .. } => "Add persona",
            UpdatePersona { .. } => "Edit persona",
            ReorderPersona { .. } => "Reorder personas",
            DeletePersona { .. } => "Delete persona",
            SetEmotion { .. } => "Set emotion",
            SetLadder { .. } => "Edit engagement ladder",
            AddParticipant { .. } => "Add participant",
            UpdateParticipant { .. } => "Edit participant",
            DeleteParticipant { .. } => "Delete participant",
            StartVoteRound { .. } => "Start vote",
            UpdateVoteRound { .. } => "Edit vote",
            CastVotes { .. } => "Vote",
            SetPaperDots { .. } => "Enter paper dots",
            EndVoteRound { .. } => "End vote",
            ReopenVoteRound { .. } => "Reopen vote",
            ClearVoteRound { .. } => "Clear votes",
            SetRoundVotes { .. } => "Change votes",
            DeleteVoteRound { .. } => "Delete vote",
            TagWinners { .. } => "Tag winners",
            Batch { .. } => "Edit",
        }
    }

    /// The map this edit changes, if it changes exactly one.
    pub fn map_id(&self) -> Option<&str> {
        use Edit::*;
        match self {
            AddMap { map, .. } => Some(&map.id),
            UpdateMap { map_id, .. }
            | ReorderMap { map_id, .. }
            | DeleteMap { map_id }
            | AddStage { map_id, .. }
            | UpdateStage { map_id, .. }
            | ReorderStage { map_id, .. }
            | DeleteStage { map_id, .. }
            | AddLane { map_id, .. }
            | UpdateLane { map_id, .. }
            | ReorderLane { map_id, .. }
            | DeleteLane { map_id, .. }
            | AddCard { map_id, .. }
            | UpdateCard { map_id, .. }
            | MoveCard { map_id, .. }
            | DeleteCard { map_id, .. }
            | AddConnector { map_id, .. }
            | UpdateConnector { map_id, .. }
            | MoveConnector { map_id, .. }
            | ReorderConnector { map_id, .. }
            | DeleteConnector { map_id, .. }
            | SetEmotion { map_id, .. }
            | StartVoteRound { map_id, .. }
            | UpdateVoteRound { map_id, .. }
            | CastVotes { map_id, .. }
            | SetPaperDots { map_id, .. }
            | EndVoteRound { map_id, .. }
            | ReopenVoteRound { map_id, .. }
            | ClearVoteRound { map_id, .. }
            | SetRoundVotes { map_id, .. }
            | DeleteVoteRound { map_id, .. }
            | TagWinners { map_id, .. } => Some(map_id),
            Batch { edits } => {
                let first = edits.first()?.map_id()?;
                edits
                    .iter()
                    .all(|e| e.map_id() == Some(first))
                    .then_some(first)
            }
            _ => None,
        }
    }
}

/// Applies edits in order; if one fails, the ones already applied are undone.
pub(crate) fn apply_batch(doc: &mut Document, edits: &[Edit]) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(doc) {
            Ok(inverse) => inverses.push(inverse),
            Err(err) => {
                for inverse in inverses.iter().rev() {
                    // The inverse of an edit that just applied always applies.
                    let _ = inverse.apply(doc);
                }
                return Err(err);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch { edits: inverses })
}

/// Runs `steps` (dependent clean-ups such as deleting a card's connectors), then `last`;
/// the inverse undoes `last` first, then the clean-ups. Keeps inverses small when
/// there is nothing to clean up.
pub(crate) fn with_cleanup(
    doc: &mut Document,
    steps: Vec<Edit>,
    last: impl FnOnce(&mut Document) -> Result<Edit, EditError>,
) -> Result<Edit, EditError> {
    if steps.is_empty() {
        return last(doc);
    }
    let cleanup_inverse = apply_batch(doc, &steps)?;
    match last(doc) {
        Ok(inverse) => Ok(Edit::Batch {
            edits: vec![inverse, cleanup_inverse],
        }),
        Err(err) => {
            let _ = cleanup_inverse.apply(doc);
            Err(err)
        }
    }
}
