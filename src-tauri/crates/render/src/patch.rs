//! Scene patches: what changed between two Scenes of one map, so that after an edit the
//! UI is sent the few items that moved or changed instead of the whole drawing.
//!
//! Each entity list is patched by id: items that are new or differ in any field are sent
//! whole (`upserted`), items that are gone are named (`removed`), and the full id order
//! is sent only when the plain rule (kept items keep their order, new items go at the
//! end) would not give it. The small top-level fields are always sent.
//!
//! Ids are unique within each list, as layout guarantees for any valid document; an
//! emotion line is named by [`emotion_line_key`] (a persona has one line per emotion lane),
//! a ladder by its lane's id and a heat band by its stage's id.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_model::Id;

use crate::scene::*;

/// The changes to one of the Scene's lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListPatch<T> {
    /// New items and changed ones, whole, in their new order.
    pub upserted: Vec<T>,
    /// Ids of the items that are gone.
    pub removed: Vec<Id>,
    /// Every id in the new order; `null` when removing the removed items, replacing the
    /// upserted ones in place and appending the new ones (in `upserted` order) gives it.
    pub order: Option<Vec<Id>>,
}

impl<T> ListPatch<T> {
    pub fn is_empty(&self) -> bool {
        self.upserted.is_empty() && self.removed.is_empty() && self.order.is_none()
    }
}

/// What turns one Scene into another (see [`diff`] and [`apply`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenePatch {
    pub map_id: Id,
    pub map_name: String,
    pub width: f32,
    pub height: f32,
    pub header_height: f32,
    pub gutter_width: f32,
    pub fonts: SceneFonts,
    pub stages: ListPatch<SceneStage>,
    pub lanes: ListPatch<SceneLane>,
    pub cards: ListPatch<SceneCard>,
    pub connectors: ListPatch<SceneConnector>,
    pub emotion_lines: ListPatch<SceneEmotionLine>,
    pub ladder: ListPatch<SceneLadder>,
    pub heat: ListPatch<SceneHeat>,
}

impl ScenePatch {
    /// True when no list changes (the top-level fields may still differ).
    pub fn lists_unchanged(&self) -> bool {
        self.stages.is_empty()
            && self.lanes.is_empty()
            && self.cards.is_empty()
            && self.connectors.is_empty()
            && self.emotion_lines.is_empty()
            && self.ladder.is_empty()
            && self.heat.is_empty()
    }
}

/// The id an emotion line goes by in a [`ListPatch`]: its lane's id and its persona's id
/// joined by U+001F (a control character no sensible id holds).
pub fn emotion_line_key(lane_id: &str, persona_id: &str) -> String {
    format!("{lane_id}\u{1f}{persona_id}")
}

/// An item's id within its list.
trait Keyed {
    fn key(&self) -> Cow<'_, str>;
}

macro_rules! keyed_by_id {
    ($($t:ty),*) => {
        $(impl Keyed for $t {
            fn key(&self) -> Cow<'_, str> {
                Cow::Borrowed(&self.id)
            }
        })*
    };
}
keyed_by_id!(SceneStage, SceneLane, SceneCard, SceneConnector);

impl Keyed for SceneLadder {
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.lane_id)
    }
}

impl Keyed for SceneHeat {
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.stage_id)
    }
}

impl Keyed for SceneEmotionLine {
    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(emotion_line_key(&self.lane_id, &self.persona_id))
    }
}

/// What turns `old` into `new`: `apply(&mut old, &diff(&old, &new))` makes `old == new`.
pub fn diff(old: &Scene, new: &Scene) -> ScenePatch {
    ScenePatch {
        map_id: new.map_id.clone(),
        map_name: new.map_name.clone(),
        width: new.width,
        height: new.height,
        header_height: new.header_height,
        gutter_width: new.gutter_width,
        fonts: new.fonts.clone(),
        stages: diff_list(&old.stages, &new.stages),
        lanes: diff_list(&old.lanes, &new.lanes),
        cards: diff_list(&old.cards, &new.cards),
        connectors: diff_list(&old.connectors, &new.connectors),
        emotion_lines: diff_list(&old.emotion_lines, &new.emotion_lines),
        ladder: diff_list(&old.ladder, &new.ladder),
        heat: diff_list(&old.heat, &new.heat),
    }
}

/// Applies a patch made by [`diff`] (the UI does the same in `scenePatch.ts`).
pub fn apply(scene: &mut Scene, patch: &ScenePatch) {
    scene.map_id = patch.map_id.clone();
    scene.map_name = patch.map_name.clone();
    scene.width = patch.width;
    scene.height = patch.height;
    scene.header_height = patch.header_height;
    scene.gutter_width = patch.gutter_width;
    scene.fonts = patch.fonts.clone();
    apply_list(&mut scene.stages, &patch.stages);
    apply_list(&mut scene.lanes, &patch.lanes);
    apply_list(&mut scene.cards, &patch.cards);
    apply_list(&mut scene.connectors, &patch.connectors);
    apply_list(&mut scene.emotion_lines, &patch.emotion_lines);
    apply_list(&mut scene.ladder, &patch.ladder);
    apply_list(&mut scene.heat, &patch.heat);
}

fn diff_list<T: Keyed + PartialEq + Clone>(old: &[T], new: &[T]) -> ListPatch<T> {
    let old_by_key: HashMap<Cow<'_, str>, &T> = old.iter().map(|t| (t.key(), t)).collect();
    let new_keys: Vec<Cow<'_, str>> = new.iter().map(Keyed::key).collect();
    let in_new: HashSet<&str> = new_keys.iter().map(|k| k.as_ref()).collect();

    let upserted: Vec<T> = new
        .iter()
        .zip(&new_keys)
        .filter(|(item, key)| old_by_key.get(key.as_ref()) != Some(item))
        .map(|(item, _)| item.clone())
        .collect();
    let old_keys: Vec<Cow<'_, str>> = old.iter().map(Keyed::key).collect();
    let removed: Vec<Id> = old_keys
        .iter()
        .filter(|k| !in_new.contains(k.as_ref()))
        .map(|k| k.to_string())
        .collect();
    // The order `apply` gives without being told: kept items in their old order, then
    // the new ones in the order they come in `new` (which is `upserted`'s order).
    let implied = old_keys
        .iter()
        .filter(|k| in_new.contains(k.as_ref()))
        .chain(
            new_keys
                .iter()
                .filter(|k| !old_by_key.contains_key(k.as_ref())),
        );
    let order = if implied.eq(new_keys.iter()) {
        None
    } else {
        Some(new_keys.iter().map(|k| k.to_string()).collect())
    };
    ListPatch {
        upserted,
        removed,
        order,
    }
}

fn apply_list<T: Keyed + Clone>(list: &mut Vec<T>, patch: &ListPatch<T>) {
    let removed: HashSet<&str> = patch.removed.iter().map(String::as_str).collect();
    let mut pending: HashMap<String, &T> = patch
        .upserted
        .iter()
        .map(|t| (t.key().into_owned(), t))
        .collect();
    let mut next: Vec<T> = Vec::with_capacity(list.len() + pending.len());
    for item in list.drain(..) {
        let key = item.key().into_owned();
        if removed.contains(key.as_str()) {
            continue;
        }
        match pending.remove(&key) {
            Some(changed) => next.push(changed.clone()),
            None => next.push(item),
        }
    }
    for item in &patch.upserted {
        if pending.remove(item.key().as_ref()).is_some() {
            next.push(item.clone());
        }
    }
    if let Some(order) = &patch.order {
        let mut by_key: HashMap<String, T> = next
            .into_iter()
            .map(|t| (t.key().into_owned(), t))
            .collect();
        next = order.iter().filter_map(|k| by_key.remove(k)).collect();
    }
    *list = next;
}
