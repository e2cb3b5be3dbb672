//! A non-trivial document and the helpers the tests share.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use waymark_model::*;
use waymark_store::{Store, StoreError};

/// Two maps with stages, lanes of several kinds, cards with channels, personas and
/// flags, connectors of every kind, and emotion points.
pub fn sample() -> Document {
    let channels = vec![
        Channel {
            plan: Default::default(),
            id: "ch-web".into(),
            name: "Website".into(),
            icon: "🌐".into(),
            color: None,
        },
        Channel {
            plan: Default::default(),
            id: "ch-mail".into(),
            name: "E-mail".into(),
            icon: "@".into(),
            color: Some("#336699".into()),
        },
        Channel {
            plan: Default::default(),
            id: "ch-shop".into(),
            name: "Shop".into(),
            icon: "S".into(),
            color: Some("#aa7700".into()),
        },
    ];
    let personas = vec![
        Persona {
            goals: String::new(),
            photo: None,
            id: "p-ana".into(),
            name: "Ana".into(),
            segment: "First-time buyer".into(),
            color: Some("#aa3366".into()),
        },
        Persona {
            goals: String::new(),
            photo: None,
            id: "p-ben".into(),
            name: "Ben".into(),
            segment: "Returning commuter".into(),
            color: None,
        },
    ];

    let mut buy = Map::new("m-buy", "Buying a bike");
    buy.description =
        "From first ad to telling friends.\nTwo lines, \"quotes\" and ünïcode.".into();
    buy.persona_ids = vec!["p-ben".into(), "p-ana".into()];
    buy.stages = ["Discover", "Consider", "Convert", "Retain", "Advocate"]
        .iter()
        .enumerate()
        .map(|(i, name)| Stage {
            rung_id: None,
            id: format!("s-{}", name.to_lowercase()),
            name: name.to_string(),
            color: (i == 2).then(|| "#228844".to_string()),
            width: 200 + 40 * i as u32,
            speaker_notes: if i == 1 {
                "Ask who compared prices.\nThen show the quote.".into()
            } else {
                String::new()
            },
        })
        .collect();
    let lane = |id: &str, name: &str, kind: LaneKind, collapsed: bool, hidden: bool| Lane {
        id: id.into(),
        name: name.into(),
        kind,
        color: None,
        collapsed,
        hidden,
        hidden_for_outsiders: kind == LaneKind::PainPoints,
    };
    buy.lanes = vec![
        lane(
            "l-touch",
            "Touchpoints",
            LaneKind::Touchpoints,
            false,
            false,
        ),
        lane("l-act", "What they do", LaneKind::Actions, false, false),
        lane(
            "l-think",
            "What they think",
            LaneKind::Thoughts,
            false,
            false,
        ),
        lane("l-emo", "Feelings", LaneKind::Emotions, false, false),
        lane("l-pain", "Pain points", LaneKind::PainPoints, true, false),
        lane(
            "l-opp",
            "Opportunities",
            LaneKind::Opportunities,
            false,
            true,
        ),
        lane("l-misc", "Workshop notes", LaneKind::Custom, false, false),
    ];
    buy.lanes[5].color = Some("#ffee00".into());
    let card = |id: &str, stage: &str, lane: &str, kind: LaneKind, title: &str| Card {
        plan: Default::default(),
        id: id.into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        kind,
        title: title.into(),
        body: String::new(),
        color: None,
        channel_id: None,
        persona_ids: Vec::new(),
        flags: CardFlags::default(),
        author: None,
        tags: Vec::new(),
    };
    let mut c1 = card(
        "c-ad",
        "s-discover",
        "l-touch",
        LaneKind::Touchpoints,
        "Instagram ad",
    );
    c1.channel_id = Some("ch-web".into());
    c1.persona_ids = vec!["p-ana".into(), "p-ben".into()];
    c1.flags.passion_point = true;
    let mut c2 = card(
        "c-friend",
        "s-discover",
        "l-touch",
        LaneKind::Touchpoints,
        "A friend's post",
    );
    c2.body = "Saw a photo of the new bike".into();
    let mut c3 = card(
        "c-compare",
        "s-consider",
        "l-act",
        LaneKind::Actions,
        "Compares three shops",
    );
    c3.color = Some("#ccddee".into());
    let mut c4 = card(
        "c-stock",
        "s-convert",
        "l-pain",
        LaneKind::PainPoints,
        "Size out of stock",
    );
    c4.flags.point_of_vulnerability = true;
    c4.persona_ids = vec!["p-ben".into()];
    let mut c5 = card(
        "c-share",
        "s-advocate",
        "l-touch",
        LaneKind::Touchpoints,
        "Posts first ride",
    );
    c5.flags.shareable_moment = true;
    c5.channel_id = Some("ch-shop".into());
    let c6 = card(
        "c-quote",
        "s-retain",
        "l-think",
        LaneKind::Thoughts,
        "\"Will it be serviced?\"",
    );
    let c7 = card(
        "c-third",
        "s-discover",
        "l-touch",
        LaneKind::Touchpoints,
        "Billboard",
    );
    let c8 = card(
        "c-note",
        "s-discover",
        "l-misc",
        LaneKind::Custom,
        "Ask sales",
    );
    // Deliberately out of canonical order: the store must hand back the canonical one.
    buy.cards = vec![c5, c1, c8, c2, c3, c4, c6, c7];
    let conn = |id: &str, from: &str, to: &str, kind: ConnectorKind, label: &str| Connector {
        id: id.into(),
        from_card_id: from.into(),
        to_card_id: to.into(),
        kind,
        label: label.into(),
    };
    buy.connectors = vec![
        conn("k-flow", "c-ad", "c-compare", ConnectorKind::Flow, ""),
        conn(
            "k-loop",
            "c-stock",
            "c-ad",
            ConnectorKind::LoopBack,
            "re-marketing",
        ),
        conn(
            "k-wom",
            "c-share",
            "c-friend",
            ConnectorKind::WordOfMouth,
            "tells a friend",
        ),
        conn(
            "k-hand",
            "c-compare",
            "c-stock",
            ConnectorKind::HandOff,
            "web → shop",
        ),
    ];
    let point = |persona: &str, stage: &str, value: i8| EmotionPoint {
        persona_id: persona.into(),
        stage_id: stage.into(),
        value,
    };
    buy.emotion_points = vec![
        point("p-ana", "s-discover", 1),
        point("p-ana", "s-consider", 0),
        point("p-ana", "s-convert", -2),
        point("p-ana", "s-retain", 1),
        point("p-ana", "s-advocate", 2),
        point("p-ben", "s-discover", -1),
    ];

    let mut service = Map::new("m-service", "Getting it serviced");
    service.stages = vec![
        Stage {
            rung_id: None,
            id: "s2-book".into(),
            name: "Book".into(),
            color: None,
            width: 240,
            speaker_notes: String::new(),
        },
        Stage {
            rung_id: None,
            id: "s2-visit".into(),
            name: "Visit".into(),
            color: None,
            width: 240,
            speaker_notes: String::new(),
        },
    ];
    service.lanes = vec![lane("l2-kpi", "KPIs", LaneKind::Kpis, false, false)];
    service.cards = vec![card(
        "c2-nps",
        "s2-visit",
        "l2-kpi",
        LaneKind::Kpis,
        "NPS after visit",
    )];

    let mut doc = Document {
        ladder: Vec::new(),
        maps: vec![buy, service],
        channels,
        personas,
        participants: Vec::new(),
    };
    doc.maps.iter_mut().for_each(canonicalize);
    doc
}

pub fn hash(path: &Path) -> [u8; 32] {
    Sha256::digest(std::fs::read(path).expect("read file for hashing")).into()
}

/// A fresh folder and a path for a document inside it.
pub fn place(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    (dir, path)
}

/// A folder holding a new document made from [`sample`].
pub fn sample_file() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = place("journey.waymark");
    Store::create(&path, &sample()).expect("create sample file");
    (dir, path)
}

/// The error an operation must give: its kind, and a message that names the file.
pub fn assert_error(err: StoreError, kind: &str, path: &Path) -> String {
    let message = err.to_string();
    eprintln!("{kind}: {message}");
    assert_eq!(err.kind(), kind, "wrong kind for: {message}");
    assert!(
        message.contains(&path.display().to_string()),
        "message does not name {}: {message}",
        path.display()
    );
    message
}

/// Files in a folder (to spot journals and temporary files left behind).
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
