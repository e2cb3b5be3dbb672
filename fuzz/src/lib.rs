//! What the fuzz targets share: the documents they run against (the app's own templates)
//! and the interpreter that turns fuzz bytes into edits on the current document.

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use waymark_model::*;

mod edits;

pub use edits::next_edit;

/// The templates the app ships (the same JSON `waymark new --template` starts from),
/// rebuilt through the edits as the app does.
const TEMPLATES: &[&str] = &[
    include_str!("../../assets/templates/blank.json"),
    include_str!("../../assets/templates/nonprofit-supporter.json"),
    include_str!("../../assets/templates/kickoff-workshop.json"),
    include_str!("../../assets/templates/classic-journey.json"),
    include_str!("../../assets/templates/service-blueprint.json"),
];

fn template(json: &str) -> Document {
    let mut doc: Document = serde_json::from_str(json).expect("a template parses");
    if doc.ladder.is_empty() {
        doc.ladder = default_ladder();
    }
    doc.rebuilt().expect("a template is valid")
}

/// The sample journey (`nonprofit-supporter`): the performance CSVs name its channels and
/// goals.
pub fn sample() -> &'static Document {
    &documents()[1]
}

/// Every template, plus the sample with people in the room and open dot-voting rounds so
/// that workshop edits have something to act on.
pub fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut docs: Vec<Document> = TEMPLATES.iter().map(|t| template(t)).collect();
        docs.push(workshop(docs[1].clone()));
        docs
    })
}

/// The starting document for an edit sequence: a template, or a small generated map.
pub fn document(u: &mut Unstructured) -> Result<Document> {
    let docs = documents();
    let pick = u.int_in_range(0..=docs.len())?;
    if pick < docs.len() {
        return Ok(docs[pick].clone());
    }
    Ok(generate(GenerateSpec {
        stages: u.int_in_range(0..=6)?,
        lanes: u.int_in_range(0..=6)?,
        cards: u.int_in_range(0..=30)?,
        seed: u.arbitrary()?,
    }))
}

fn workshop(mut doc: Document) -> Document {
    let map = doc.maps[0].clone();
    let mut edits: Vec<Edit> = ["Ada Lovelace", "Grace Hopper", "Alan"]
        .iter()
        .enumerate()
        .map(|(i, name)| Edit::AddParticipant {
            participant: Participant {
                id: format!("pt{i}"),
                name: name.to_string(),
                initials: String::new(),
                color: String::new(),
            },
            index: i as u32,
        })
        .collect();
    edits.push(Edit::StartVoteRound {
        map_id: map.id.clone(),
        round: VoteRound {
            id: "vr-lanes".into(),
            question: "Which hurts most?".into(),
            votes_per_participant: 5,
            max_per_card: 2,
            eligible: Eligibility::Lanes {
                lane_ids: map.lanes.iter().map(|l| l.id.clone()).collect(),
            },
            anonymous: false,
            state: RoundState::Open,
            votes: vec![],
        },
        index: 0,
    });
    edits.push(Edit::StartVoteRound {
        map_id: map.id.clone(),
        round: VoteRound {
            id: "vr-cards".into(),
            question: "Which first?".into(),
            votes_per_participant: 3,
            max_per_card: 3,
            eligible: Eligibility::Cards {
                card_ids: map.cards.iter().take(3).map(|c| c.id.clone()).collect(),
            },
            anonymous: true,
            state: RoundState::Open,
            votes: vec![],
        },
        index: 1,
    });
    Edit::Batch { edits }
        .apply(&mut doc)
        .expect("the workshop set-up applies");
    doc
}
