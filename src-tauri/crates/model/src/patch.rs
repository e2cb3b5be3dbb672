//! Field-level changes to one record: what an `Update*` edit carries.
//!
//! A patch names only the fields that change; every other field of the record keeps the
//! value the document holds when the edit is applied. So two edits built at the same time
//! from what two people (or two views) changed do not overwrite each other's fields, and
//! the UI never needs a copy of the whole record to build one.
//!
//! Encoding (JSON and TypeScript): a field that is absent does not change. A nullable
//! field (`color`, `channelId`, `rungId`, `photo`) is `Option<Option<T>>`: absent = no
//! change, `null` = set to none, a value = set to that value.
//!
//! The field names are those of the `*Props` records the edits carried before, so an
//! edit-log row written with a whole record reads as a patch with every field set, and
//! applying it does exactly what it did then.
//!
//! Nested records are patches too (a card's `flags` and `plan`, a channel's `plan` and its
//! `job`), so a change to one marker or one KPI list carries nothing else of the card.
//! Lists stay whole values: a channel's goals, its reviews, a passion point's KPIs and
//! notes, a map's or card's persona ids are each one field, replaced as a whole list.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::plan::*;
use crate::types::*;
use crate::workshop::*;

/// A change to a map's own fields (not its contents).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub persona_ids: Option<Vec<Id>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StagePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<String>>", optional)]
    pub color: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<Id>>", optional)]
    pub rung_id: Option<Option<Id>>,
    /// The facilitator's notes for this stage while presenting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub speaker_notes: Option<String>,
}

/// Changing `kind` changes the kind of every card in the lane.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kind: Option<LaneKind>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<String>>", optional)]
    pub color: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub collapsed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hidden: Option<bool>,
    /// Left out while presenting for outsiders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hidden_for_outsiders: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<String>>", optional)]
    pub color: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<Id>>", optional)]
    pub channel_id: Option<Option<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub persona_ids: Option<Vec<Id>>,
    /// The markers, each on its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub flags: Option<CardFlagsPatch>,
    /// KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub plan: Option<CardPlanPatch>,
    /// The participant who wrote the card; `null` for nobody.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<Id>>", optional)]
    pub author: Option<Option<Id>>,
    /// The whole list of tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardFlagsPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub passion_point: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub shareable_moment: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub point_of_vulnerability: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardPlanPatch {
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<Id>>", optional)]
    pub rung_id: Option<Option<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub passion: Option<PassionDetailsPatch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub vulnerability: Option<VulnerabilityPatch>,
}

/// The KPI list and the note list are one value each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassionDetailsPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kpis: Option<Vec<Kpi>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub content_needed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<Vec<PassionNote>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VulnerabilityPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub risk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub severity: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub mitigation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kind: Option<ConnectorKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub icon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<String>>", optional)]
    pub color: Option<Option<String>>,
    /// Kind, job description, SMART goals and monthly reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub plan: Option<ChannelPlanPatch>,
}

/// The goal list and the review list are one value each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelPlanPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ownership: Option<Ownership>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reach: Option<Reach>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub job: Option<JobDescriptionPatch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub goals: Option<Vec<SmartGoal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reviews: Option<Vec<MonthlyReview>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobDescriptionPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub role_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub responsibilities: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub works_with: Option<Vec<Id>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub segment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<String>>", optional)]
    pub color: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub goals: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    #[ts(as = "Option<Option<Photo>>", optional)]
    pub photo: Option<Option<Photo>>,
}

/// Empty initials are derived again from the name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub initials: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub color: Option<String>,
}

/// A round's settings; its state and votes change through their own edits. The
/// eligibility is one value (the lane list or the card list, whole).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteRoundPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub votes_per_participant: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_per_card: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub eligible: Option<Eligibility>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub anonymous: Option<bool>,
}

/// How one field of a patch changes the record's value: a value replaces it, a nested
/// patch changes the fields it names. Gives back that field of the inverse patch.
trait FieldChange<T>: Sized {
    fn change(&self, value: &mut T) -> Self;
}

impl<T: Clone> FieldChange<T> for Option<T> {
    fn change(&self, value: &mut T) -> Option<T> {
        self.as_ref()
            .map(|new| std::mem::replace(value, new.clone()))
    }
}

macro_rules! patch_of {
    ($patch:ident for $props:ident { $($field:ident),* $(,)? }) => {
        impl $patch {
            /// The record's fields with this patch applied, and the inverse patch: the old
            /// values of exactly the fields this patch names.
            pub(crate) fn applied_to(&self, props: &$props) -> ($props, $patch) {
                let mut next = props.clone();
                let inverse = $patch { $($field: FieldChange::change(&self.$field, &mut next.$field)),* };
                (next, inverse)
            }

            /// True when the patch changes no field.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_none())*
            }
        }

        /// A nested patch changes only the fields it names inside the record's field.
        impl FieldChange<$props> for Option<$patch> {
            fn change(&self, value: &mut $props) -> Option<$patch> {
                self.as_ref().map(|patch| {
                    let (next, inverse) = patch.applied_to(value);
                    *value = next;
                    inverse
                })
            }
        }

        /// Every field set: replaces the whole record, as `Update*` edits did before they
        /// carried patches.
        impl From<$props> for $patch {
            fn from(props: $props) -> $patch {
                let $props { $($field),* } = props;
                $patch { $($field: Some($field.into())),* }
            }
        }
    };
}

patch_of!(MapPatch for MapProps { name, description, persona_ids });
patch_of!(StagePatch for StageProps { name, color, width, rung_id, speaker_notes });
patch_of!(LanePatch for LaneProps { name, kind, color, collapsed, hidden, hidden_for_outsiders });
patch_of!(CardPatch for CardProps { title, body, color, channel_id, persona_ids, flags, plan, author, tags });
patch_of!(CardFlagsPatch for CardFlags { passion_point, shareable_moment, point_of_vulnerability });
patch_of!(CardPlanPatch for CardPlan { rung_id, passion, vulnerability });
patch_of!(PassionDetailsPatch for PassionDetails { kpis, content_needed, notes });
patch_of!(VulnerabilityPatch for Vulnerability { risk, severity, owner, mitigation });
patch_of!(ConnectorPatch for ConnectorProps { kind, label });
patch_of!(ChannelPatch for ChannelProps { name, icon, color, plan });
patch_of!(ChannelPlanPatch for ChannelPlan { ownership, reach, job, goals, reviews });
patch_of!(JobDescriptionPatch for JobDescription { role_title, purpose, responsibilities, owner, works_with });
patch_of!(PersonaPatch for PersonaProps { name, segment, color, goals, photo });
patch_of!(ParticipantPatch for ParticipantProps { name, initials, color });
patch_of!(VoteRoundPatch for VoteRoundProps { question, votes_per_participant, max_per_card, eligible, anonymous });

impl ChannelPatch {
    /// A change to a channel's hand-offs (`plan.job.worksWith`) and nothing else.
    pub fn hand_offs(works_with: Vec<Id>) -> ChannelPatch {
        ChannelPatch {
            plan: Some(ChannelPlanPatch {
                job: Some(JobDescriptionPatch {
                    works_with: Some(works_with),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// `Option<Option<T>>` as JSON: `null` is `Some(None)` (set to none); a missing field is
/// `None` through `#[serde(default)]` and is skipped when written.
mod nullable {
    use super::*;

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}
