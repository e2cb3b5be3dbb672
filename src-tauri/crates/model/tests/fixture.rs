//! A small but complete document shared by the model's tests.

use waymark_model::*;

fn stage(id: &str, name: &str) -> Stage {
    Stage {
        rung_id: None,
        id: id.into(),
        name: name.into(),
        color: None,
        width: 240,
        speaker_notes: String::new(),
    }
}

fn lane(id: &str, kind: LaneKind) -> Lane {
    Lane {
        id: id.into(),
        name: kind.label().into(),
        kind,
        color: None,
        collapsed: false,
        hidden: false,
        hidden_for_outsiders: false,
    }
}

pub fn card(id: &str, stage: &str, lane: &str, kind: LaneKind, title: &str) -> Card {
    Card {
        plan: Default::default(),
        id: id.into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        kind,
        title: title.into(),
        body: String::new(),
        color: None,
        channel_id: None,
        persona_ids: vec![],
        flags: CardFlags::default(),
        author: None,
        tags: Vec::new(),
    }
}

pub fn document() -> Document {
    use LaneKind::*;
    let mut cards = vec![
        card("c1", "s1", "l1", Touchpoints, "Friend's invitation"),
        card("c2", "s1", "l1", Touchpoints, "Local search"),
        card("c3", "s2", "l1", Touchpoints, "Donation page"),
        card("c4", "s3", "l2", PainPoints, "Silence after the first gift"),
        card("c5", "s3", "l1", Touchpoints, "$10 first gift"),
    ];
    cards[0].channel_id = Some("ch1".into());
    cards[0].persona_ids = vec!["p1".into()];
    cards[4].flags.passion_point = true;
    let mut map = Map::new("m1", "Supporter journey");
    map.persona_ids = vec!["p1".into(), "p2".into()];
    map.stages = vec![
        stage("s1", "Discover"),
        stage("s2", "Consider"),
        stage("s3", "Convert"),
    ];
    map.lanes = vec![
        lane("l1", Touchpoints),
        lane("l2", PainPoints),
        lane("l3", Emotions),
    ];
    map.cards = cards;
    map.connectors = vec![
        Connector {
            id: "k1".into(),
            from_card_id: "c1".into(),
            to_card_id: "c3".into(),
            kind: ConnectorKind::Flow,
            label: String::new(),
        },
        Connector {
            id: "k2".into(),
            from_card_id: "c5".into(),
            to_card_id: "c1".into(),
            kind: ConnectorKind::WordOfMouth,
            label: "word of mouth".into(),
        },
    ];
    map.emotion_points = vec![
        EmotionPoint {
            persona_id: "p1".into(),
            stage_id: "s1".into(),
            value: 0,
        },
        EmotionPoint {
            persona_id: "p1".into(),
            stage_id: "s2".into(),
            value: -1,
        },
    ];
    let mut doc = Document {
        ladder: Vec::new(),
        maps: vec![],
        channels: vec![
            Channel {
                plan: Default::default(),
                id: "ch1".into(),
                name: "Social".into(),
                icon: "SO".into(),
                color: None,
            },
            Channel {
                plan: Default::default(),
                id: "ch2".into(),
                name: "E-mail".into(),
                icon: "EM".into(),
                color: Some("#8b5cf6".into()),
            },
        ],
        personas: vec![
            Persona {
                goals: String::new(),
                photo: None,
                id: "p1".into(),
                name: "Maya".into(),
                segment: "First-time donor".into(),
                color: None,
            },
            Persona {
                goals: String::new(),
                photo: None,
                id: "p2".into(),
                name: "Robert".into(),
                segment: "Long-time supporter".into(),
                color: None,
            },
        ],
        participants: Vec::new(),
    };
    Edit::AddMap { map, index: 0 }
        .apply(&mut doc)
        .expect("fixture is valid");
    doc
}
