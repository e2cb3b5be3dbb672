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
//! Nested plan values (a channel's `plan` with its goals and reviews, a card's `plan` with
//! its KPIs) are one field each: a patch replaces the whole plan it names, so an edit of
//! "the goals" carries the channel's plan and nothing else of the channel.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::plan::{CardPlan, ChannelPlan, Photo};
use crate::types::*;

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
}

/// `flags` (the three markers) and `plan` are one value each.
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub flags: Option<CardFlags>,
    /// KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub plan: Option<CardPlan>,
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
    /// Kind, job description, SMART goals and monthly reviews, as one value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub plan: Option<ChannelPlan>,
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

/// Sets `value` to the patch's value if the patch names the field; gives back the value
/// it replaced, which is that field of the inverse patch.
fn swap<T: Clone>(change: &Option<T>, value: &mut T) -> Option<T> {
    change
        .as_ref()
        .map(|new| std::mem::replace(value, new.clone()))
}

macro_rules! patch_of {
    ($patch:ident for $props:ident { $($field:ident),* $(,)? }) => {
        impl $patch {
            /// The record's fields with this patch applied, and the inverse patch: the old
            /// values of exactly the fields this patch names.
            pub(crate) fn applied_to(&self, props: &$props) -> ($props, $patch) {
                let mut next = props.clone();
                let inverse = $patch { $($field: swap(&self.$field, &mut next.$field)),* };
                (next, inverse)
            }

            /// True when the patch changes no field.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_none())*
            }
        }

        /// Every field set: replaces the whole record, as `Update*` edits did before they
        /// carried patches.
        impl From<$props> for $patch {
            fn from(props: $props) -> $patch {
                let $props { $($field),* } = props;
                $patch { $($field: Some($field)),* }
            }
        }
    };
}

patch_of!(MapPatch for MapProps { name, description, persona_ids });
patch_of!(StagePatch for StageProps { name, color, width, rung_id });
patch_of!(LanePatch for LaneProps { name, kind, color, collapsed, hidden });
patch_of!(CardPatch for CardProps { title, body, color, channel_id, persona_ids, flags, plan });
patch_of!(ConnectorPatch for ConnectorProps { kind, label });
patch_of!(ChannelPatch for ChannelProps { name, icon, color, plan });
patch_of!(PersonaPatch for PersonaProps { name, segment, color, goals, photo });

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
