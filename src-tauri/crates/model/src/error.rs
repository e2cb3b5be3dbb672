use crate::Id;

/// Why an edit was refused. A refused edit leaves the document unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    #[error("there is no {entity} with id {id:?}")]
    NotFound { entity: &'static str, id: Id },
    #[error("a {entity} with id {id:?} already exists")]
    DuplicateId { entity: &'static str, id: Id },
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// A dot-voting rule refused a vote; `rule` names which.
    #[error("{message}")]
    Vote { rule: VoteRule, message: String },
}

/// The rules of a dot-voting round (see `workshop.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteRule {
    /// Votes are cast only while the round is open.
    RoundEnded,
    /// Winners are tagged only once the facilitator has ended the round.
    RoundOpen,
    /// Only the round's cards (by lane or by selection) get votes.
    NotEligible,
    /// A participant gives at most the round's votes per participant.
    Budget,
    /// A participant puts at most the round's maximum per card on one card.
    PerCardCap,
}

impl VoteRule {
    pub fn as_str(self) -> &'static str {
        match self {
            VoteRule::RoundEnded => "round_ended",
            VoteRule::RoundOpen => "round_open",
            VoteRule::NotEligible => "not_eligible",
            VoteRule::Budget => "budget",
            VoteRule::PerCardCap => "per_card_cap",
        }
    }

    /// The error kind the app reports for a vote this rule refused (`vote_budget`, …).
    pub fn kind(self) -> &'static str {
        match self {
            VoteRule::RoundEnded => "vote_round_ended",
            VoteRule::RoundOpen => "vote_round_open",
            VoteRule::NotEligible => "vote_not_eligible",
            VoteRule::Budget => "vote_budget",
            VoteRule::PerCardCap => "vote_per_card_cap",
        }
    }
}

pub(crate) fn vote_refused(rule: VoteRule, message: impl Into<String>) -> EditError {
    EditError::Vote {
        rule,
        message: message.into(),
    }
}

pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> EditError {
    EditError::Invalid {
        field,
        message: message.into(),
    }
}

pub(crate) fn not_found(entity: &'static str, id: &str) -> EditError {
    EditError::NotFound {
        entity,
        id: id.to_string(),
    }
}
