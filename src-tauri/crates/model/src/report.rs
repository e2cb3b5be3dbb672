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
    /// The KPI itself (name, figures, unit), so an overview needs nothing else.
    pub kpi: Kpi,
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

/// The status of `actual` against `target` for a metric that should move `better`,
/// by [`STATUS_RULE`]. For `Up`: on track when `actual >= target`, at risk when it is
/// at least `target - 10 % of |target|`, off track below that; `Down` mirrors it.
///
/// The 10 % line is compared with a tolerance of a billionth of the target, so that an
/// actual of exactly 90 % (as typed: `27` against `30`) is at risk even where binary
/// floating point puts the computed line a hair above it.
pub fn status(actual: f64, target: f64, better: Better) -> Status {
    let margin = 0.1 * target.abs();
    let slack = 1e-9 * target.abs();
    match better {
        Better::Up if actual >= target => Status::OnTrack,
        Better::Up if actual >= target - margin - slack => Status::AtRisk,
        Better::Down if actual <= target => Status::OnTrack,
        Better::Down if actual <= target + margin + slack => Status::AtRisk,
        _ => Status::OffTrack,
    }
}

/// The SMART parts `goal` still lacks, in S-M-A-R-T order. Text that is only
/// whitespace counts as blank.
pub fn missing_parts(goal: &SmartGoal) -> Vec<SmartPart> {
    let blank = |s: &str| s.trim().is_empty();
    let mut parts = Vec::new();
    if blank(&goal.statement) {
        parts.push(SmartPart::Specific);
    }
    if blank(&goal.metric) || blank(&goal.unit) {
        parts.push(SmartPart::Measurable);
    }
    if goal.target.is_none() {
        parts.push(SmartPart::Achievable);
    }
    if goal.relevant_to.is_none() {
        parts.push(SmartPart::Relevant);
    }
    if blank(&goal.period) {
        parts.push(SmartPart::TimeBound);
    }
    parts
}

/// A KPI's status, when it has both a target and an actual.
pub fn kpi_status(kpi: &Kpi) -> Option<Status> {
    Some(status(kpi.actual?.get(), kpi.target?.get(), kpi.better))
}

/// The worst of some statuses (off track is the worst), or `None` when there are none.
fn worst(statuses: impl IntoIterator<Item = Option<Status>>) -> Option<Status> {
    statuses.into_iter().flatten().max()
}

/// The whole report of a document.
pub fn strategy_report(doc: &Document) -> StrategyReport {
    StrategyReport {
        rule: STATUS_RULE.to_string(),
        channels: doc
            .channels
            .iter()
            .map(|c| channel_report(doc, c))
            .collect(),
        passion_points: passion_points(doc),
        hand_offs: hand_offs(doc),
        loops: loops(doc),
        vulnerabilities: vulnerabilities(doc),
    }
}

fn channel_report(doc: &Document, channel: &Channel) -> ChannelReport {
    let plan = &channel.plan;
    // Edits keep reviews in month order; sorting again costs little and keeps the
    // report right for a document that was built some other way.
    let mut reviews: Vec<&MonthlyReview> = plan.reviews.iter().collect();
    reviews.sort_by(|a, b| a.month.cmp(&b.month));
    let goals: Vec<GoalReport> = plan
        .goals
        .iter()
        .map(|goal| {
            let months: Vec<GoalMonth> = reviews
                .iter()
                .map(|review| {
                    let actual = review
                        .actuals
                        .iter()
                        .find(|a| a.goal_id == goal.id)
                        .map(|a| a.value);
                    let status = match (actual, goal.target) {
                        (Some(a), Some(t)) => Some(status(a.get(), t.get(), goal.better)),
                        _ => None,
                    };
                    GoalMonth {
                        month: review.month.clone(),
                        actual,
                        status,
                    }
                })
                .collect();
            GoalReport {
                goal_id: goal.id.clone(),
                latest: months.last().and_then(|m| m.status),
                months,
                missing: missing_parts(goal),
            }
        })
        .collect();
    let card_count = doc
        .maps
        .iter()
        .flat_map(|m| &m.cards)
        .filter(|c| c.channel_id.as_deref() == Some(channel.id.as_str()))
        .count();
    ChannelReport {
        channel_id: channel.id.clone(),
        latest_month: reviews.last().map(|r| r.month.clone()),
        status: worst(goals.iter().map(|g| g.latest)),
        goals,
        card_count: card_count as u32,
    }
}

fn stage_name(map: &Map, stage_id: &str) -> String {
    map.stage(stage_id)
        .map_or_else(|| stage_id.to_string(), |s| s.name.clone())
}

fn passion_points(doc: &Document) -> Vec<PassionPointReport> {
    let mut out = Vec::new();
    for map in &doc.maps {
        for card in map.cards.iter().filter(|c| c.flags.passion_point) {
            let kpis: Vec<KpiReport> = card
                .plan
                .passion
                .kpis
                .iter()
                .map(|k| KpiReport {
                    kpi_id: k.id.clone(),
                    status: kpi_status(k),
                    kpi: k.clone(),
                })
                .collect();
            out.push(PassionPointReport {
                map_id: map.id.clone(),
                map_name: map.name.clone(),
                card_id: card.id.clone(),
                title: card.title.clone(),
                stage_name: stage_name(map, &card.stage_id),
                channel_id: card.channel_id.clone(),
                status: worst(kpis.iter().map(|k| k.status)),
                kpis,
            });
        }
    }
    out
}

/// A map's cards by id: connectors name cards, and a large map has thousands of both.
fn cards_by_id(map: &Map) -> std::collections::HashMap<&str, &Card> {
    map.cards.iter().map(|c| (c.id.as_str(), c)).collect()
}

/// Connectors (of any kind) between cards of two different channels, counted per
/// (sending, receiving) channel, plus the "works with" pairs no connector shows yet.
/// Channels a card names but the document lacks are left out: they cannot be ordered.
fn hand_offs(doc: &Document) -> Vec<HandOff> {
    let order = |id: &str| doc.channels.iter().position(|c| c.id == id);
    // (from index, to index) -> count
    let mut counts: std::collections::BTreeMap<(usize, usize), u32> = Default::default();
    for map in &doc.maps {
        let cards = cards_by_id(map);
        let channel_of = |card_id: &str| {
            cards
                .get(card_id)
                .and_then(|c| c.channel_id.as_deref())
                .and_then(order)
        };
        for connector in &map.connectors {
            if let (Some(from), Some(to)) = (
                channel_of(&connector.from_card_id),
                channel_of(&connector.to_card_id),
            ) {
                if from != to {
                    *counts.entry((from, to)).or_insert(0) += 1;
                }
            }
        }
    }
    for (from, channel) in doc.channels.iter().enumerate() {
        for to in channel
            .plan
            .job
            .works_with
            .iter()
            .filter_map(|id| order(id))
        {
            if to != from {
                counts.entry((from, to)).or_insert(0);
            }
        }
    }
    counts
        .into_iter()
        .map(|((from, to), count)| {
            let from = &doc.channels[from];
            let to = &doc.channels[to];
            HandOff {
                from_channel_id: from.id.clone(),
                to_channel_id: to.id.clone(),
                count,
                declared: from.plan.job.works_with.contains(&to.id),
            }
        })
        .collect()
}

/// Loop-back and word-of-mouth connectors, in map order, then connector order.
/// A connector whose card is missing (which edits do not allow) is left out.
fn loops(doc: &Document) -> Vec<LoopReport> {
    let mut out = Vec::new();
    for map in &doc.maps {
        let cards = cards_by_id(map);
        for connector in &map.connectors {
            if !matches!(
                connector.kind,
                ConnectorKind::LoopBack | ConnectorKind::WordOfMouth
            ) {
                continue;
            }
            let (Some(from), Some(to)) = (
                cards.get(connector.from_card_id.as_str()),
                cards.get(connector.to_card_id.as_str()),
            ) else {
                continue;
            };
            out.push(LoopReport {
                map_id: map.id.clone(),
                map_name: map.name.clone(),
                connector_id: connector.id.clone(),
                kind: connector.kind,
                label: connector.label.clone(),
                from_card_id: from.id.clone(),
                from_title: from.title.clone(),
                from_stage: stage_name(map, &from.stage_id),
                to_card_id: to.id.clone(),
                to_title: to.title.clone(),
                to_stage: stage_name(map, &to.stage_id),
            });
        }
    }
    out
}

/// Points of vulnerability, highest severity first, then in map and card order.
fn vulnerabilities(doc: &Document) -> Vec<VulnerabilityReport> {
    let mut out: Vec<VulnerabilityReport> = doc
        .maps
        .iter()
        .flat_map(|map| {
            map.cards
                .iter()
                .filter(|c| c.flags.point_of_vulnerability)
                .map(move |card| VulnerabilityReport {
                    map_id: map.id.clone(),
                    map_name: map.name.clone(),
                    card_id: card.id.clone(),
                    title: card.title.clone(),
                    stage_id: card.stage_id.clone(),
                    stage_name: stage_name(map, &card.stage_id),
                    vulnerability: card.plan.vulnerability.clone(),
                })
        })
        .collect();
    // Stable: equal severities keep map and card order.
    out.sort_by_key(|v| std::cmp::Reverse(v.vulnerability.severity));
    out
}
