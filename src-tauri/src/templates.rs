//! The documents a new file starts from. Templates are JSON `Document`s in
//! `assets/templates/` (described in its README), compiled into the binary and validated
//! by building them through the model's own edits, so a broken template is caught by
//! tests, not by users. File › New shows them in this order (`gallery.rs`).

use waymark_model::{default_ladder, Document};

use crate::error::AppError;

/// The sample journey the app opens on the first launch.
pub const SAMPLE: &str = "nonprofit-supporter";
/// What a new document starts from when nobody chose: the gallery's first card.
pub const BLANK: &str = "blank";

/// One template: its name (for `waymark new --template` and the gallery's answer), the
/// short title the gallery shows, a sentence on what it holds, and the JSON itself.
pub struct Template {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    json: &'static str,
}

pub const TEMPLATES: &[Template] = &[
    Template {
        name: BLANK,
        title: "Blank journey",
        description: "Five empty stages and the usual lanes",
        json: include_str!("../../assets/templates/blank.json"),
    },
    Template {
        name: "classic-journey",
        title: "Classic five-stage journey",
        description: "Discover to advocate, worked through for one customer: channels, emotions, the referral loop",
        json: include_str!("../../assets/templates/classic-journey.json"),
    },
    Template {
        name: SAMPLE,
        title: "Non-profit supporter journey",
        description: "A supporter from a $10 first gift to a major commitment, up the engagement ladder",
        json: include_str!("../../assets/templates/nonprofit-supporter.json"),
    },
    Template {
        name: "kickoff-workshop",
        title: "Kickoff workshop board",
        description: "Roadmap phases; questions on goals, schedule, segments, key events, channels and owners",
        json: include_str!("../../assets/templates/kickoff-workshop.json"),
    },
    Template {
        name: "service-blueprint",
        title: "Service blueprint",
        description: "Customer actions, frontstage, line of visibility, backstage and support, for a charity run",
        json: include_str!("../../assets/templates/service-blueprint.json"),
    },
];

pub fn names() -> Vec<&'static str> {
    TEMPLATES.iter().map(|t| t.name).collect()
}

/// The named template's entry, or an error naming the choices.
pub fn find(name: &str) -> Result<&'static Template, AppError> {
    TEMPLATES
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| AppError::Template {
            name: name.to_string(),
            message: format!("no such template; choose one of: {}", names().join(", ")),
        })
}

/// Parses and validates the named template.
pub fn template(name: &str) -> Result<Document, AppError> {
    let json = find(name)?.json;
    let fail = |message: String| AppError::Template {
        name: name.to_string(),
        message,
    };
    let parsed: Document = serde_json::from_str(json)
        .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    build(&parsed).map_err(fail)
}

/// Rebuilds the document through edits (every check the editor makes applies to
/// templates too). A template without a ladder gets DOMAIN.md's.
fn build(parsed: &Document) -> Result<Document, String> {
    let mut parsed = parsed.clone();
    if parsed.ladder.is_empty() {
        parsed.ladder = default_ladder();
    }
    parsed.rebuilt().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use waymark_model::{LaneKind, Map};

    use super::*;

    fn first_map(name: &str) -> Map {
        let doc = template(name).unwrap_or_else(|e| panic!("{e}"));
        doc.maps.into_iter().next().unwrap()
    }

    fn stage_names(map: &Map) -> Vec<&str> {
        map.stages.iter().map(|s| s.name.as_str()).collect()
    }

    fn lane_names(map: &Map) -> Vec<&str> {
        map.lanes.iter().map(|l| l.name.as_str()).collect()
    }

    #[test]
    fn every_template_is_valid() {
        for name in names() {
            let doc = template(name).unwrap_or_else(|e| panic!("{e}"));
            assert!(!doc.maps.is_empty(), "{name} has no map");
        }
    }

    #[test]
    fn every_template_has_a_title_and_a_description_and_blank_comes_first() {
        assert_eq!(TEMPLATES[0].name, BLANK);
        for t in TEMPLATES {
            assert!(!t.title.is_empty() && t.title.len() <= 32, "{}", t.name);
            assert!(!t.description.is_empty(), "{}", t.name);
            assert_eq!(TEMPLATES.iter().filter(|o| o.name == t.name).count(), 1);
        }
    }

    #[test]
    fn the_classic_journey_has_exactly_the_five_stages() {
        let map = first_map("classic-journey");
        assert_eq!(
            stage_names(&map),
            ["Discover", "Consider", "Convert", "Retain", "Advocate"]
        );
        // Worked through: every stage has a touchpoint, and the advocate's word of mouth
        // reaches a new customer's discovery.
        for stage in &map.stages {
            assert!(
                map.cards
                    .iter()
                    .any(|c| c.stage_id == stage.id && c.kind == LaneKind::Touchpoints),
                "{} has no touchpoint",
                stage.name
            );
        }
        assert!(map.connectors.iter().any(|k| {
            k.kind == waymark_model::ConnectorKind::WordOfMouth
                && map.card(&k.to_card_id).unwrap().stage_id == "st-discover"
        }));
    }

    #[test]
    fn the_kickoff_board_walks_the_roadmap_with_a_question_for_each_topic() {
        let map = first_map("kickoff-workshop");
        assert_eq!(
            stage_names(&map),
            [
                "Baselining",
                "Planning",
                "Messaging",
                "Channels",
                "Communities",
                "Support",
                "Validation"
            ]
        );
        let prompts = &map.lanes[0];
        assert_eq!(prompts.name, "Questions for the room");
        // Each topic the kickoff sets has its question, in the phase that settles it.
        for (stage, topic) in [
            ("Planning", "Goals:"),
            ("Planning", "Schedule:"),
            ("Planning", "Audience segments:"),
            ("Planning", "Key events:"),
            ("Channels", "Channels:"),
            ("Channels", "Owners:"),
        ] {
            let stage_id = &map.stages.iter().find(|s| s.name == stage).unwrap().id;
            let card = map
                .cell_cards(stage_id, &prompts.id)
                .find(|c| c.title.starts_with(topic))
                .unwrap_or_else(|| panic!("no {topic} prompt in {stage}"));
            assert!(card.title.ends_with('?'), "{} asks no question", card.title);
            assert!(
                !card.body.is_empty(),
                "{} says not how to run it",
                card.title
            );
        }
        // Every phase has a question, and every question is a question.
        for stage in &map.stages {
            assert!(map.cell_cards(&stage.id, &prompts.id).next().is_some());
        }
        assert!(map
            .cards
            .iter()
            .all(|c| c.lane_id == prompts.id && c.title.ends_with('?')));
        // The room's answers, decisions and owners have lanes of their own, empty.
        assert_eq!(
            lane_names(&map)[1..],
            [
                "Sticky notes from the room",
                "Decisions",
                "Owners & next steps"
            ]
        );
    }

    #[test]
    fn the_service_blueprint_has_its_lanes_in_order_and_the_line_of_visibility_holds_nothing() {
        let map = first_map("service-blueprint");
        assert_eq!(
            lane_names(&map),
            [
                "Customer actions",
                "Frontstage",
                "Line of visibility",
                "Backstage",
                "Support processes"
            ]
        );
        let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                LaneKind::Actions,
                LaneKind::Touchpoints,
                LaneKind::Custom,
                LaneKind::Backstage,
                LaneKind::Notes
            ]
        );
        // The line is drawn as a collapsed, empty lane: a thin named strip.
        let line = &map.lanes[2];
        assert!(line.collapsed && !line.hidden);
        assert!(map.cards.iter().all(|c| c.lane_id != line.id));
        // Every other lane has a card in every stage.
        for lane in map.lanes.iter().filter(|l| l.id != line.id) {
            for stage in &map.stages {
                assert!(
                    map.cell_cards(&stage.id, &lane.id).next().is_some(),
                    "{} / {} is empty",
                    stage.name,
                    lane.name
                );
            }
        }
    }

    #[test]
    fn an_unknown_template_names_the_choices() {
        let err = template("nope").unwrap_err().to_string();
        assert!(
            err.contains("nope") && err.contains(SAMPLE) && err.contains(BLANK),
            "{err}"
        );
    }
}
