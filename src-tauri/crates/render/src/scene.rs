//! The Scene: a map laid out for drawing. The UI draws exactly this, and the exporters
//! serialize exactly this, so the screen and the exports cannot drift.
//!
//! All coordinates are in layout units (CSS pixels at 100 % zoom), origin top-left,
//! rounded to 0.01 so the same map always gives byte-identical JSON.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_model::{CardFlags, ConnectorKind, Id, LaneKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Scene {
    pub map_id: Id,
    pub map_name: String,
    /// The whole drawing's size.
    pub width: f32,
    pub height: f32,
    /// The band at the top holding the stage headers.
    pub header_height: f32,
    /// The column at the left holding the lane headers.
    pub gutter_width: f32,
    pub stages: Vec<SceneStage>,
    /// Visible lanes only (hidden lanes are left out), top to bottom.
    pub lanes: Vec<SceneLane>,
    pub cards: Vec<SceneCard>,
    pub connectors: Vec<SceneConnector>,
    pub emotion_lines: Vec<SceneEmotionLine>,
    /// One per visible (not collapsed) engagement-ladder lane, top to bottom.
    pub ladder: Vec<SceneLadder>,
    /// One per stage holding points of vulnerability, in stage order: a "heat band"
    /// the UI may lay over the stage's column.
    pub heat: Vec<SceneHeat>,
    pub fonts: SceneFonts,
}

/// The font sizes and family the text was shaped with; drawing must use the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneFonts {
    pub family: String,
    pub title_size: f32,
    pub title_weight: u16,
    pub body_size: f32,
    pub body_weight: u16,
    pub header_size: f32,
    pub header_weight: u16,
    pub line_height: f32,
}

/// One line of shaped text; `x`, `y` is the start of the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextLine {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneStage {
    pub id: Id,
    pub index: u32,
    pub x: f32,
    pub width: f32,
    /// `#rrggbb`, resolved from the stage or the palette.
    pub color: String,
    pub name: Vec<TextLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneLane {
    pub id: Id,
    pub index: u32,
    pub kind: LaneKind,
    pub y: f32,
    pub height: f32,
    pub color: String,
    pub collapsed: bool,
    /// How many cards the lane holds (shown on a collapsed lane, right-aligned at `count_x`).
    pub card_count: u32,
    pub count_x: f32,
    pub name: Vec<TextLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneCard {
    pub id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    pub kind: LaneKind,
    /// Position within its cell.
    pub index: u32,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub fill: String,
    pub stroke: String,
    pub title: Vec<TextLine>,
    pub body: Vec<TextLine>,
    /// The title as typed, not wrapped: what the card is called (its accessible name).
    /// Joining the wrapped lines would split words ("e- mail").
    pub title_text: String,
    /// The delivering channel's icon and name, if any.
    pub channel: Option<SceneChannelBadge>,
    pub flags: CardFlags,
    /// The vulnerability's severity, 1 (low) to 3 (high), when the card is flagged as a
    /// point of vulnerability; `None` otherwise.
    pub severity: Option<u8>,
    /// Who wrote the card in a workshop: their initials on a badge of their colour at
    /// the card's top-left corner. Absent for a card without an author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub author: Option<SceneAuthor>,
}

/// A card author's badge (workshop mode): a pill centred on (`x`, `y`), the card's top
/// edge, `width` × `height`, the initials in white on the participant's colour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneAuthor {
    pub id: Id,
    pub initials: String,
    /// The participant's name, for the badge's tooltip and accessible name.
    pub name: String,
    pub color: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneChannelBadge {
    pub id: Id,
    /// The badge row inside the card (top-left corner and size).
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub icon: String,
    pub name: String,
    pub color: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneConnector {
    pub id: Id,
    pub kind: ConnectorKind,
    pub from_card_id: Id,
    pub to_card_id: Id,
    /// An SVG path (`d` attribute) from the source card's edge to the target's.
    pub path: String,
    /// Where the arrow ends, and the direction it points (degrees, 0 = right).
    pub end_x: f32,
    pub end_y: f32,
    pub end_angle: f32,
    pub label: Option<TextLine>,
    /// A box holding everything drawn for the connector (its path, arrowhead and label),
    /// so a drawer can tell whether it is in view without reading the path: a detour
    /// may run far from both of its cards.
    pub bounds: SceneBounds,
}

/// An axis-aligned box in layout units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneBounds {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneEmotionLine {
    pub persona_id: Id,
    pub persona_name: String,
    pub color: String,
    /// The emotion lane it is drawn in.
    pub lane_id: Id,
    /// The persona's name in the lane's gutter, under the lane name; a colour swatch is
    /// drawn just left of it.
    pub legend: Option<TextLine>,
    pub points: Vec<SceneEmotionPoint>,
    /// A smooth SVG path through the points.
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneEmotionPoint {
    pub stage_id: Id,
    pub value: i8,
    pub x: f32,
    pub y: f32,
}

/// An engagement-ladder lane: the rungs as guide lines (lowest at the bottom) and the rung
/// each stage reaches as a stepped line with a marker per stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneLadder {
    /// The ladder lane it is drawn in (one `SceneLadder` per lane).
    pub lane_id: Id,
    /// `#rrggbb`: the stepped line and the markers.
    pub color: String,
    /// Lowest rung first.
    pub rungs: Vec<SceneRung>,
    /// In stage order, from the first stage that reaches a rung on.
    pub steps: Vec<SceneLadderStep>,
    /// The stepped line through the steps' markers (an SVG path of `M`, `H` and `V`;
    /// empty when no stage reaches a rung): level through each column, rising or falling
    /// at the border between two columns.
    pub path: String,
}

/// One rung of the ladder: a horizontal guide across the columns and its name in the gutter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneRung {
    pub rung_id: Id,
    /// 0 for the lowest rung.
    pub index: u32,
    /// The guide line runs from `x1` to `x2` at `y`.
    pub y: f32,
    pub x1: f32,
    pub x2: f32,
    /// The rung's name in the gutter, vertically centred on the guide (cut with "…").
    pub name: Option<TextLine>,
}

/// The rung a stage reaches, at its column's centre.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneLadderStep {
    pub stage_id: Id,
    pub rung_id: Id,
    pub x: f32,
    pub y: f32,
    /// True when the stage sets no rung of its own and keeps the previous stage's level
    /// (drawn as a small hollow marker without a label).
    pub inherited: bool,
    /// The rung's name centred above the marker (stages with their own rung only); draw
    /// it on a halo, as it may cross a guide line.
    pub label: Option<TextLine>,
}

/// How much is at risk in one stage: the points of vulnerability in its column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SceneHeat {
    pub stage_id: Id,
    /// The stage's column.
    pub x: f32,
    pub width: f32,
    /// The sum of the severities of the stage's points of vulnerability (cards in hidden
    /// lanes left out), capped at 9; always at least 1.
    pub level: u8,
    /// `#rrggbb` from a ramp, light red (1) to dark red (9).
    pub color: String,
}
