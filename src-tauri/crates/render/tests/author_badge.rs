//! Workshop mode: a card written in the room carries its author's initials and colour in
//! the Scene, and the SVG export draws the same badge (so screen and print agree). A
//! card without an author draws exactly as before (the goldens stay unchanged).

use waymark_model::*;
use waymark_render::export::scene_svg;
use waymark_render::*;

fn template() -> Document {
    serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap()
}

/// The template with "Zoë <Ng>" in the room, author of its map's first card.
fn with_author() -> (Document, String) {
    let mut doc = template();
    let map = doc.maps[0].id.clone();
    let card = doc.maps[0].cards[0].id.clone();
    Edit::Batch {
        edits: vec![
            Edit::AddParticipant {
                participant: Participant {
                    id: "pt-zoe".into(),
                    name: "Zoë <Ng>".into(),
                    initials: "Z&N".into(),
                    color: String::new(),
                },
                index: 0,
            },
            Edit::UpdateCard {
                map_id: map,
                card_id: card.clone(),
                props: CardPatch {
                    author: Some(Some("pt-zoe".into())),
                    ..Default::default()
                },
            },
        ],
    }
    .apply(&mut doc)
    .unwrap();
    (doc, card)
}

#[test]
fn an_authored_card_carries_the_authors_initials_and_colour() {
    let (doc, card_id) = with_author();
    let scene = Layouter::new().layout(&doc, &doc.maps[0].id).unwrap();
    let card = scene.cards.iter().find(|c| c.id == card_id).unwrap();
    let a = card.author.as_ref().expect("an author badge");
    assert_eq!(
        (a.initials.as_str(), a.name.as_str(), a.color.as_str()),
        ("Z&N", "Zoë <Ng>", PARTICIPANT_PALETTE[0])
    );
    // On the card's top edge, inside its left part, clear of the flag markers at its right.
    assert_eq!(a.y, card.y);
    assert!(a.x - a.width / 2.0 > card.x && a.x + a.width / 2.0 < card.x + card.width / 2.0);
    assert!(scene
        .cards
        .iter()
        .filter(|c| c.id != card_id)
        .all(|c| c.author.is_none()));

    // The SVG draws it, the initials escaped, on the participant's colour.
    let svg = scene_svg(&scene);
    assert_eq!(svg.matches("class=\"marker author\"").count(), 1);
    assert!(svg.contains(">Z&amp;N</text>"), "the initials, escaped");
    assert!(svg.contains(&format!("fill=\"{}\"", PARTICIPANT_PALETTE[0])));
}

#[test]
fn a_card_without_an_author_draws_exactly_as_before() {
    let doc = template();
    let (authored, _) = with_author();
    let plain = Layouter::new().layout(&doc, &doc.maps[0].id).unwrap();
    // The Scene of an author-less card serializes without the field (snapshots unchanged).
    let json = serde_json::to_string(&plain).unwrap();
    assert!(!json.contains("\"author\""));
    let with = Layouter::new()
        .layout(&authored, &authored.maps[0].id)
        .unwrap();
    let (svg_plain, svg_with) = (scene_svg(&plain), scene_svg(&with));
    assert!(!svg_plain.contains("marker author"));
    // The only difference is the badge itself.
    let badge_start = svg_with.find("<g class=\"marker author\"").unwrap();
    let badge_end = badge_start + svg_with[badge_start..].find("</g>").unwrap() + 4;
    let without_badge = format!("{}{}", &svg_with[..badge_start], &svg_with[badge_end..]);
    assert_eq!(without_badge, svg_plain);
}
