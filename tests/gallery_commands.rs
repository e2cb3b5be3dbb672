//! File › New's template gallery through the mock runtime: every template's card with a
//! real thumbnail, and a document created from a template (checked in the file).

use serde_json::{json, Value};
use waymark_app::state::{lock, WaymarkExt};

use crate::commands::{harness, invoke};
use crate::common::sqlite3;

/// The gallery's answer, checked to be a list.
fn gallery(h: &crate::commands::Harness) -> Vec<Value> {
    let answer = invoke(h, "template_gallery", json!({})).unwrap();
    answer.as_array().expect("a list of cards").clone()
}

/// A `data:image/png;base64,…` URL's image: its size and RGBA pixels.
fn decode(data_url: &str) -> (u32, u32, Vec<u8>) {
    use base64::Engine;
    let b64 = data_url
        .strip_prefix("data:image/png;base64,")
        .expect("a PNG data URL");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let img = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .expect("the thumbnail decodes as PNG")
        .to_rgba8();
    (img.width(), img.height(), img.into_raw())
}

#[test]
fn the_gallery_shows_every_template_blank_first_with_a_drawn_thumbnail() {
    let h = harness();
    let cards = gallery(&h);
    let names: Vec<&str> = cards.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, waymark_app::templates::names());
    assert_eq!(names[0], "blank");
    for name in [
        "classic-journey",
        "nonprofit-supporter",
        "kickoff-workshop",
        "service-blueprint",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    for card in &cards {
        let name = card["name"].as_str().unwrap();
        let doc = waymark_app::templates::template(name).unwrap();
        let map = &doc.maps[0];
        assert!(!card["title"].as_str().unwrap().is_empty(), "{name}");
        assert!(!card["description"].as_str().unwrap().is_empty(), "{name}");
        assert_eq!(card["stageCount"], map.stages.len(), "{name}");
        assert_eq!(card["laneCount"], map.lanes.len(), "{name}");
        assert_eq!(card["mapCount"], doc.maps.len(), "{name}");
        let cards_in_doc: usize = doc.maps.iter().map(|m| m.cards.len()).sum();
        assert_eq!(card["cardCount"], cards_in_doc, "{name}");

        // The PNG is twice the CSS size it announces, its longer side 320 CSS px.
        let (w, h_px, pixels) = decode(card["thumbnail"].as_str().unwrap());
        let (css_w, css_h) = (
            card["thumbnailWidth"].as_u64().unwrap() as u32,
            card["thumbnailHeight"].as_u64().unwrap() as u32,
        );
        assert_eq!(w.max(h_px), 640, "{name}: {w} × {h_px}");
        assert_eq!((w.div_ceil(2), h_px.div_ceil(2)), (css_w, css_h), "{name}");
        // Wider than tall: every template is a journey of columns.
        assert!(w > h_px, "{name}: {w} × {h_px}");
        // Drawn, not blank: opaque (but for anti-aliased edges), and the stage headers'
        // colours are there (the cards' too, but the blank template has none), not only
        // white paper and grey lines.
        let colours: std::collections::HashSet<[u8; 4]> = pixels
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect();
        let opaque = pixels.chunks_exact(4).filter(|p| p[3] == 255).count();
        assert!(
            opaque * 100 >= pixels.len() / 4 * 99,
            "{name}: {opaque} opaque"
        );
        assert!(colours.len() > 50, "{name}: {} colours", colours.len());
        let saturated = pixels
            .chunks_exact(4)
            .filter(|p| {
                let (max, min) = (p[0].max(p[1]).max(p[2]), p[0].min(p[1]).min(p[2]));
                max - min > 40
            })
            .count();
        assert!(
            saturated * 200 > pixels.len() / 4,
            "{name}: only {saturated} coloured pixels"
        );
    }
    // Made once: the second answer is the same cards.
    assert_eq!(gallery(&h), cards);
}

#[test]
fn an_unknown_template_is_refused_before_any_dialog() {
    let h = harness();
    let err = invoke(&h, "create_from_template", json!({ "template": "nope" })).unwrap_err();
    assert_eq!(err["kind"], "template", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("kickoff-workshop"),
        "{err}"
    );
}

#[test]
fn a_document_made_from_a_template_is_opened_and_listed_among_the_recent_ones() {
    let h = harness();
    let file = h.dir().join("Kickoff.waymark");
    let state = waymark_app::gallery::create_at(&h.window, &file, "kickoff-workshop").unwrap();
    assert_eq!(state.name, "Kickoff");
    assert_eq!(state.maps[0].name, "Kickoff workshop");
    // The window now works on the new file…
    let shown = invoke(&h, "document_state", json!({})).unwrap();
    assert_eq!(shown["maps"][0]["name"], "Kickoff workshop");
    let scene = invoke(&h, "map_scene", json!({ "mapId": "map-kickoff" })).unwrap();
    assert_eq!(scene["stages"].as_array().unwrap().len(), 7);
    // …which holds the template, as the sqlite3 tool reads it.
    let stages = sqlite3(
        &file,
        "select name from stages where map_id = 'map-kickoff' order by position;",
    );
    assert_eq!(
        stages.lines().collect::<Vec<_>>(),
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
    let prompts = sqlite3(
        &file,
        "select count(*) from cards where map_id = 'map-kickoff';",
    );
    assert_eq!(prompts.trim(), "16");
    // Open Recent lists it first.
    let recent = lock(&h.app.waymark().settings).recent.clone();
    assert_eq!(
        recent.first().map(|p| p.file_name().unwrap().to_owned()),
        Some("Kickoff.waymark".into()),
        "{recent:?}"
    );
    // An existing file is never overwritten by a template.
    let again = waymark_app::gallery::create_at(&h.window, &file, "blank");
    assert!(again.is_err(), "{again:?}");
    assert_eq!(sqlite3(&file, "select count(*) from stages;").trim(), "7");
}
