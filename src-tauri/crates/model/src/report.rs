//! What the strategist reads off the document: each channel's goals against their targets
//! month by month, the passion points' KPI status, hand-offs between channels, the loops
//! and the points of vulnerability. Derived, never stored; the UI's views and the PDF
//! appendix both read this one report, so they cannot disagree.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::*;

/// How far an actual is from its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OnTrack,
    AtRisk,
    OffTrack,
}

/// The rule behind [`Status`], shown in the UI and the PDF next to every status.
pub const STATUS_RULE: &str = "On track: the actual meets or beats the target. At risk: it misses by 10 % of the target or less. Off track: it misses by more.";

/// The five parts of a SMART goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SmartPart {
    /// A statement of what will happen.
    Specific,
    /// A metric and a unit.
    Measurable,
    /// A target number.
    Achievable,
    /// A stage or passion point it serves.
    Relevant,
    /// A period or deadline.
    TimeBound,
}

/// One goal in one reviewed month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalMonth {
    pub month: String,
    pub actual: Option<Num>,
    pub status: Option<Status>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalReport {
    pub goal_id: Id,
    /// One entry per reviewed month of the channel, in month order.
    pub months: Vec<GoalMonth>,
    /// The status in the channel's latest reviewed month.
    pub latest: Option<Status>,
    /// The SMART parts this goal still lacks.
    pub missing: Vec<SmartPart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelReport {
    pub channel_id: Id,
    pub goals: Vec<GoalReport>,
    pub latest_month: Option<String>,
    /// The worst of the goals' latest statuses.
    pub status: Option<Status>,
    /// Touchpoint cards, across all maps, delivered through this channel.
    pub card_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiReport {
    pub kpi_id: Id,
    pub status: Option<Status>,
}

/// A card marked as a passion point, wherever it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassionPointReport {
    pub map_id: Id,
    pub map_name: String,
    pub card_id: Id,
    pub title: String,
    pub stage_name: String,
    pub channel_id: Option<Id>,
    pub kpis: Vec<KpiReport>,
    /// The worst KPI status.
    pub status: Option<Status>,
}

/// Customers passed from one channel to another, counted from connectors between cards
/// of different channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HandOff {
    pub from_channel_id: Id,
    pub to_channel_id: Id,
    pub count: u32,
    /// The sending channel's job description lists the receiver in "works with".
    pub declared: bool,
}

/// A connector that loops: a re-marketing loop-back or the word-of-mouth loop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoopReport {
    pub map_id: Id,
    pub map_name: String,
    pub connector_id: Id,
    pub kind: ConnectorKind,
    pub label: String,
    pub from_card_id: Id,
    pub from_title: String,
    pub from_stage: String,
    pub to_card_id: Id,
    pub to_title: String,
    pub to_stage: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VulnerabilityReport {
    pub map_id: Id,
    pub map_name: String,
    pub card_id: Id,
    pub title: String,
    pub stage_id: Id,
    pub stage_name: String,
    pub vulnerability: Vulnerability,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StrategyReport {
    /// [`STATUS_RULE`], for display.
    pub rule: String,
    /// In the document's channel order.
    pub channels: Vec<ChannelReport>,
    /// In map order, then card order.
    pub passion_points: Vec<PassionPointReport>,
    /// Sorted by sending channel's order, then receiving channel's.
    pub hand_offs: Vec<HandOff>,
    pub loops: Vec<LoopReport>,
    /// Highest severity first, then map and card order.
    pub vulnerabilities: Vec<VulnerabilityReport>,
}

/// The whole report of a document. (Being implemented.)
pub fn strategy_report(doc: &Document) -> StrategyReport {
    let _ = doc;
    unimplemented!("strategy_report")
}
