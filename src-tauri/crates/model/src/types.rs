//! The document's entities. Field names follow DOMAIN.md; they cross to the UI as
//! camelCase JSON and as generated TypeScript types.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::{CardPlan, ChannelPlan, Photo, Rung};
use crate::workshop::{Participant, VoteRound};

/// Entity ids are opaque strings chosen by whoever creates the entity (the UI uses
/// random UUIDs, the templates use readable ids), so the model needs no randomness.
pub type Id = String;

/// Everything one `.waymark` file holds: its maps plus the channels and personas they share.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub maps: Vec<Map>,
    pub channels: Vec<Channel>,
    pub personas: Vec<Persona>,
    /// The engagement ladder's rungs, lowest first.
    #[serde(default)]
    pub ladder: Vec<Rung>,
    /// The people in the room of the document's workshop sessions.
    #[serde(default)]
    pub participants: Vec<Participant>,
}

/// One journey: ordered stages (columns) × ordered lanes (rows), with cards in the cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Map {
    pub id: Id,
    pub name: String,
    pub description: String,
    /// Whose journey this is; the emotion lane draws one line per persona.
    pub persona_ids: Vec<Id>,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    /// In canonical order: by stage, then lane, then position within the cell.
    pub cards: Vec<Card>,
    pub connectors: Vec<Connector>,
    /// In canonical order: by persona id, then stage.
    pub emotion_points: Vec<EmotionPoint>,
    /// The map's dot-voting rounds, oldest first.
    #[serde(default)]
    pub vote_rounds: Vec<VoteRound>,
}

/// The editable properties of a map (everything but its contents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapProps {
    pub name: String,
    pub description: String,
    pub persona_ids: Vec<Id>,
}

/// A column of the journey, e.g. Discover, Consider, Convert, Retain, Advocate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub id: Id,
    pub name: String,
    /// `#rrggbb`, or `None` for the theme's stage colour.
    pub color: Option<String>,
    /// Column width in layout units (pixels at 100 %).
    pub width: u32,
    /// The engagement-ladder rung a customer reaches in this stage.
    #[serde(default)]
    pub rung_id: Option<Id>,
    /// What the facilitator says while presenting this stage (shown to them only).
    #[serde(default)]
    pub speaker_notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StageProps {
    pub name: String,
    pub color: Option<String>,
    pub width: u32,
    #[serde(default)]
    pub rung_id: Option<Id>,
    #[serde(default)]
    pub speaker_notes: String,
}

/// What a lane holds; a card takes the kind of the lane it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Touchpoints,
    Actions,
    Thoughts,
    Emotions,
    PainPoints,
    Opportunities,
    PassionPoints,
    Channels,
    Kpis,
    Backstage,
    Notes,
    Custom,
    /// Draws the engagement ladder: the rung each stage reaches.
    Ladder,
}

impl LaneKind {
    pub const ALL: [LaneKind; 13] = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Emotions,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::PassionPoints,
        LaneKind::Channels,
        LaneKind::Kpis,
        LaneKind::Backstage,
        LaneKind::Notes,
        LaneKind::Custom,
        LaneKind::Ladder,
    ];

    /// The stable name used in the file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Actions => "actions",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Emotions => "emotions",
            LaneKind::PainPoints => "pain_points",
            LaneKind::Opportunities => "opportunities",
            LaneKind::PassionPoints => "passion_points",
            LaneKind::Channels => "channels",
            LaneKind::Kpis => "kpis",
            LaneKind::Backstage => "backstage",
            LaneKind::Notes => "notes",
            LaneKind::Custom => "custom",
            LaneKind::Ladder => "ladder",
        }
    }

    /// The name a person reads in the UI.
    pub fn label(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::Actions => "Customer actions",
            LaneKind::Thoughts => "Thoughts & quotes",
            LaneKind::Emotions => "Emotions",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::PassionPoints => "Passion points",
            LaneKind::Channels => "Channels",
            LaneKind::Kpis => "KPIs",
            LaneKind::Backstage => "Backstage",
            LaneKind::Notes => "Notes",
            LaneKind::Custom => "Custom",
            LaneKind::Ladder => "Engagement ladder",
        }
    }

    pub fn parse(s: &str) -> Option<LaneKind> {
        LaneKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A row of the journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lane {
    pub id: Id,
    pub name: String,
    pub kind: LaneKind,
    pub color: Option<String>,
    pub collapsed: bool,
    pub hidden: bool,
    /// Left out while presenting "for outsiders" (backstage, KPIs, risks); still shown
    /// while editing and in exports.
    #[serde(default)]
    pub hidden_for_outsiders: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaneProps {
    pub name: String,
    pub kind: LaneKind,
    pub color: Option<String>,
    pub collapsed: bool,
    pub hidden: bool,
    #[serde(default)]
    pub hidden_for_outsiders: bool,
}

/// Markers a strategist sets on a card (DOMAIN.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardFlags {
    /// A micro-moment where the customer is most engaged and must be served or lost.
    pub passion_point: bool,
    /// An experience customers will share, good or bad.
    pub shareable_moment: bool,
    /// A critical moment where the customer may lapse or churn.
    pub point_of_vulnerability: bool,
}

/// A sticky note in a cell: a touchpoint, a thought, a pain point…
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    pub id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    /// Always the kind of the lane the card sits in.
    pub kind: LaneKind,
    pub title: String,
    pub body: String,
    pub color: Option<String>,
    /// The channel that delivers this touchpoint.
    pub channel_id: Option<Id>,
    pub persona_ids: Vec<Id>,
    pub flags: CardFlags,
    /// KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
    #[serde(default)]
    pub plan: CardPlan,
    /// The participant who wrote the card in a workshop.
    #[serde(default)]
    pub author: Option<Id>,
    /// Short labels, in order ("Top 3: Which pain hurts most?" for a round's winners).
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardProps {
    pub title: String,
    pub body: String,
    pub color: Option<String>,
    pub channel_id: Option<Id>,
    pub persona_ids: Vec<Id>,
    pub flags: CardFlags,
    /// KPIs and notes of a passion point, a vulnerability's details, the ladder rung.
    #[serde(default)]
    pub plan: CardPlan,
    #[serde(default)]
    pub author: Option<Id>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A marketing channel, treated as a member of the team (seed 004).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub id: Id,
    pub name: String,
    /// A short glyph shown on touchpoint cards (an emoji or one or two letters).
    pub icon: String,
    pub color: Option<String>,
    /// Kind, job description, SMART goals and monthly reviews.
    #[serde(default)]
    pub plan: ChannelPlan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelProps {
    pub name: String,
    pub icon: String,
    pub color: Option<String>,
    /// Kind, job description, SMART goals and monthly reviews.
    #[serde(default)]
    pub plan: ChannelPlan,
}

/// Whose journey a path is: customers enact their own versions of the journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Persona {
    pub id: Id,
    pub name: String,
    pub segment: String,
    pub color: Option<String>,
    /// What this persona wants from the journey.
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub photo: Option<Photo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaProps {
    pub name: String,
    pub segment: String,
    pub color: Option<String>,
    /// What this persona wants from the journey.
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub photo: Option<Photo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConnectorKind {
    /// The ordinary next step.
    Flow,
    /// Back to an earlier card: re-marketing brings people back.
    LoopBack,
    /// An advocate's shared experience reaches a new customer's awareness.
    WordOfMouth,
    /// One channel passes the customer to another.
    HandOff,
}

impl ConnectorKind {
    pub const ALL: [ConnectorKind; 4] = [
        ConnectorKind::Flow,
        ConnectorKind::LoopBack,
        ConnectorKind::WordOfMouth,
        ConnectorKind::HandOff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConnectorKind::Flow => "flow",
            ConnectorKind::LoopBack => "loop_back",
            ConnectorKind::WordOfMouth => "word_of_mouth",
            ConnectorKind::HandOff => "hand_off",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConnectorKind::Flow => "Flow",
            ConnectorKind::LoopBack => "Loop-back",
            ConnectorKind::WordOfMouth => "Word of mouth",
            ConnectorKind::HandOff => "Hand-off",
        }
    }

    pub fn parse(s: &str) -> Option<ConnectorKind> {
        ConnectorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// An arrow from one card to another. Journeys loop: a connector may point backwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Connector {
    pub id: Id,
    pub from_card_id: Id,
    pub to_card_id: Id,
    pub kind: ConnectorKind,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorProps {
    pub kind: ConnectorKind,
    pub label: String,
}

/// How one persona feels at one stage, from −2 (upset) to +2 (delighted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmotionPoint {
    pub persona_id: Id,
    pub stage_id: Id,
    pub value: i8,
}

impl Document {
    pub fn map(&self, id: &str) -> Option<&Map> {
        self.maps.iter().find(|m| m.id == id)
    }
}

impl Map {
    /// An empty map with the given id and name.
    pub fn new(id: impl Into<Id>, name: impl Into<String>) -> Map {
        Map {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            persona_ids: Vec::new(),
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            connectors: Vec::new(),
            emotion_points: Vec::new(),
            vote_rounds: Vec::new(),
        }
    }

    pub fn props(&self) -> MapProps {
        MapProps {
            name: self.name.clone(),
            description: self.description.clone(),
            persona_ids: self.persona_ids.clone(),
        }
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn lane(&self, id: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The cards of one cell, in their order within the cell.
    pub fn cell_cards<'a>(
        &'a self,
        stage_id: &'a str,
        lane_id: &'a str,
    ) -> impl Iterator<Item = &'a Card> + 'a {
        self.cards
            .iter()
            .filter(move |c| c.stage_id == stage_id && c.lane_id == lane_id)
    }
}

impl Stage {
    pub fn props(&self) -> StageProps {
        StageProps {
            name: self.name.clone(),
            color: self.color.clone(),
            width: self.width,
            rung_id: self.rung_id.clone(),
            speaker_notes: self.speaker_notes.clone(),
        }
    }
}

impl Lane {
    pub fn props(&self) -> LaneProps {
        LaneProps {
            name: self.name.clone(),
            kind: self.kind,
            color: self.color.clone(),
            collapsed: self.collapsed,
            hidden: self.hidden,
            hidden_for_outsiders: self.hidden_for_outsiders,
        }
    }
}

impl Card {
    pub fn props(&self) -> CardProps {
        CardProps {
            title: self.title.clone(),
            body: self.body.clone(),
            color: self.color.clone(),
            channel_id: self.channel_id.clone(),
            persona_ids: self.persona_ids.clone(),
            flags: self.flags,
            plan: self.plan.clone(),
            author: self.author.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl Channel {
    pub fn props(&self) -> ChannelProps {
        ChannelProps {
            name: self.name.clone(),
            icon: self.icon.clone(),
            color: self.color.clone(),
            plan: self.plan.clone(),
        }
    }
}

impl Persona {
    pub fn props(&self) -> PersonaProps {
        PersonaProps {
            name: self.name.clone(),
            segment: self.segment.clone(),
            color: self.color.clone(),
            goals: self.goals.clone(),
            photo: self.photo.clone(),
        }
    }
}

impl Connector {
    pub fn props(&self) -> ConnectorProps {
        ConnectorProps {
            kind: self.kind,
            label: self.label.clone(),
        }
    }
}

/// What the sidebar and `waymark info` show for a map without loading its contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapSummary {
    pub id: Id,
    pub name: String,
    pub stage_count: u32,
    pub lane_count: u32,
    pub card_count: u32,
    pub connector_count: u32,
}

impl Map {
    pub fn summary(&self) -> MapSummary {
        MapSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            stage_count: self.stages.len() as u32,
            lane_count: self.lanes.len() as u32,
            card_count: self.cards.len() as u32,
            connector_count: self.connectors.len() as u32,
        }
    }
}
