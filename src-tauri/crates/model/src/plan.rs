//! The strategist's model (DOMAIN.md, seed 004): channels as members of the team with job
//! descriptions, SMART goals and monthly reviews; passion points measured with KPIs;
//! points of vulnerability; the engagement ladder; persona photos.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::Id;

/// A measured number. Always finite: edits refuse NaN and infinities, which is why it
/// may claim `Eq`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(type = "number")]
pub struct Num(pub f64);

impl Eq for Num {}

impl Num {
    pub fn get(self) -> f64 {
        self.0
    }
}

/// Who controls the channel's message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    #[default]
    Owned,
    Earned,
    Paid,
}

impl Ownership {
    pub const ALL: [Ownership; 3] = [Ownership::Owned, Ownership::Earned, Ownership::Paid];
    pub fn as_str(self) -> &'static str {
        match self {
            Ownership::Owned => "owned",
            Ownership::Earned => "earned",
            Ownership::Paid => "paid",
        }
    }
    pub fn parse(s: &str) -> Option<Ownership> {
        Ownership::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where the channel meets the customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    #[default]
    Online,
    Offline,
}

impl Reach {
    pub const ALL: [Reach; 2] = [Reach::Online, Reach::Offline];
    pub fn as_str(self) -> &'static str {
        match self {
            Reach::Online => "online",
            Reach::Offline => "offline",
        }
    }
    pub fn parse(s: &str) -> Option<Reach> {
        Reach::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Which way a metric should move.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// More is better (visits, sign-ups, revenue).
    #[default]
    Up,
    /// Less is better (cost per lead, churn, waiting time).
    Down,
}

impl Better {
    pub const ALL: [Better; 2] = [Better::Up, Better::Down];
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Up => "up",
            Better::Down => "down",
        }
    }
    pub fn parse(s: &str) -> Option<Better> {
        Better::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The channel's job description: what it is hired to do, and with whom.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct JobDescription {
    /// E.g. "Community host", "Front desk".
    pub role_title: String,
    pub purpose: String,
    /// One responsibility per line.
    pub responsibilities: String,
    /// The person on the team who looks after this channel.
    pub owner: String,
    /// Channels it hands customers to (and works with), by id.
    pub works_with: Vec<Id>,
}

/// A goal that is Specific, Measurable, Achievable, Relevant and Time-bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SmartGoal {
    pub id: Id,
    /// Specific: what will happen, in a sentence.
    pub statement: String,
    /// Measurable: the metric's name, matched by the performance CSV's `metric` column.
    pub metric: String,
    /// Achievable: the number to reach each month.
    pub target: Option<Num>,
    pub unit: String,
    /// Where the metric stands today.
    pub baseline: Option<Num>,
    pub better: Better,
    /// Time-bound: a period or deadline ("monthly", "by 2027-03").
    pub period: String,
    /// Relevant: the stage or passion-point card this goal serves.
    pub relevant_to: Option<Id>,
}

/// One goal's actual figure in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalActual {
    pub goal_id: Id,
    pub value: Num,
}

/// The channel "brings its performance data" to the monthly review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyReview {
    /// `YYYY-MM`.
    pub month: String,
    pub actuals: Vec<GoalActual>,
    /// How the channel supported the other channels this month.
    pub support_note: String,
}

/// Everything a channel carries beyond its name and icon.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ChannelPlan {
    pub ownership: Ownership,
    pub reach: Reach,
    pub job: JobDescription,
    pub goals: Vec<SmartGoal>,
    /// In month order, at most one per month.
    pub reviews: Vec<MonthlyReview>,
}

/// One measured value of a KPI in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    /// `YYYY-MM` (or any label the strategist uses for a period).
    pub period: String,
    pub value: Num,
}

/// A key performance indicator of a passion point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub id: Id,
    pub name: String,
    pub metric: String,
    pub target: Option<Num>,
    pub actual: Option<Num>,
    pub unit: String,
    pub better: Better,
    pub history: Vec<Reading>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    #[default]
    Observation,
    Quote,
    Idea,
}

impl NoteKind {
    pub const ALL: [NoteKind; 3] = [NoteKind::Observation, NoteKind::Quote, NoteKind::Idea];
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Observation => "observation",
            NoteKind::Quote => "quote",
            NoteKind::Idea => "idea",
        }
    }
    pub fn parse(s: &str) -> Option<NoteKind> {
        NoteKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A passion-point note: an observation, a customer's quote or an idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassionNote {
    pub id: Id,
    pub kind: NoteKind,
    pub text: String,
}

/// What a passion point needs: KPIs, the content to serve there, and notes.
/// (The channel that delivers it is the card's `channelId`.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PassionDetails {
    pub kpis: Vec<Kpi>,
    pub content_needed: String,
    pub notes: Vec<PassionNote>,
}

/// Why a point of vulnerability is one, how bad it is, and who does what about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Vulnerability {
    pub risk: String,
    /// 1 (low) to 3 (high).
    pub severity: u8,
    pub owner: String,
    pub mitigation: String,
}

impl Default for Vulnerability {
    fn default() -> Self {
        Vulnerability {
            risk: String::new(),
            severity: 2,
            owner: String::new(),
            mitigation: String::new(),
        }
    }
}

/// What a card carries for the strategist. The markers themselves are `CardFlags`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CardPlan {
    /// The engagement-ladder rung this card belongs to.
    pub rung_id: Option<Id>,
    /// Used when `flags.passionPoint` is set.
    pub passion: PassionDetails,
    /// Used when `flags.pointOfVulnerability` is set.
    pub vulnerability: Vulnerability,
}

/// A rung of the engagement ladder, from a $10 first gift to a $1,000,000 commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rung {
    pub id: Id,
    pub name: String,
    /// What climbing to this rung means, e.g. "$10 first gift".
    pub commitment: String,
}

/// A persona's photo: a PNG, already downscaled, as the file keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub width: u32,
    pub height: u32,
    /// The PNG bytes, base64 in JSON.
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    #[ts(type = "string")]
    pub png: Vec<u8>,
}

/// Standard base64 (RFC 4648), written with padding. Reading also takes it without
/// padding or with stray low bits, as the decoder the model had before did, so no photo
/// an earlier version wrote is refused.
const PHOTO_BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

fn to_base64<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    use base64::Engine;
    s.serialize_str(&PHOTO_BASE64.encode(bytes))
}

fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    use base64::Engine;
    let text = String::deserialize(d)?;
    PHOTO_BASE64
        .decode(text.as_bytes())
        .map_err(|e| serde::de::Error::custom(format!("not base64: {e}")))
}

/// The default ladder (DOMAIN.md): from a small first gift to a life-changing commitment.
pub fn default_ladder() -> Vec<Rung> {
    [
        ("rung-donor", "Donor", "$10 first gift"),
        ("rung-participant", "Participant", "Takes part in an event"),
        ("rung-volunteer", "Volunteer", "Gives time every month"),
        (
            "rung-advocate",
            "Advocate",
            "Brings friends and shares the cause",
        ),
        ("rung-major-donor", "Major donor", "$1,000,000 commitment"),
    ]
    .into_iter()
    .map(|(id, name, commitment)| Rung {
        id: id.into(),
        name: name.into(),
        commitment: commitment.into(),
    })
    .collect()
}

/// `YYYY-MM` with a month from 01 to 12.
pub fn is_month(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(text[5..].parse::<u8>(), Ok(1..=12))
}

#[cfg(test)]
mod photo_tests {
    use super::*;

    fn photo_json(png: &[u8]) -> serde_json::Value {
        serde_json::to_value(Photo {
            width: 1,
            height: 1,
            png: png.to_vec(),
        })
        .unwrap()
    }

    #[test]
    fn photo_bytes_round_trip_as_padded_base64() {
        let data: Vec<u8> = (0..=255u8).collect();
        for n in 0..data.len() {
            let back: Photo = serde_json::from_value(photo_json(&data[..n])).unwrap();
            assert_eq!(back.png, &data[..n]);
        }
        assert_eq!(photo_json(b"Man")["png"], "TWFu");
        assert_eq!(photo_json(b"Ma")["png"], "TWE=");
        let read = |png: &str| {
            serde_json::from_value::<Photo>(
                serde_json::json!({"width": 1, "height": 1, "png": png}),
            )
            .map(|p| p.png)
        };
        assert_eq!(
            read("TWE").unwrap(),
            b"Ma",
            "unpadded, as the old decoder read it"
        );
        assert!(read("TW!u").is_err());
    }
}
