//! Map files (JSON export/import of one map) and the cards' CSV, against real documents:
//! the sample template, generated maps and hand-written bad files in `tests/fixtures/`.

mod fixture;

use std::collections::HashMap;

use proptest::prelude::*;
use waymark_model::*;

// ---- helpers ------------------------------------------------------------------------

/// Rebuilds a document from nothing through edits: every check the editor makes applies.
fn rebuild(parsed: &Document) -> Result<Document, EditError> {
    parsed.rebuilt()
}

/// Valid by the model's own rules, and already in canonical form.
fn assert_valid(doc: &Document) {
    let rebuilt = rebuild(doc).unwrap_or_else(|e| panic!("document is not valid: {e}"));
    assert_eq!(&rebuilt, doc, "document is not in canonical form");
}

fn template() -> Document {
    let parsed: Document = serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap();
    rebuild(&parsed).unwrap()
}

fn generated(cards: u32, seed: u64) -> Document {
    generate(GenerateSpec {
        stages: 5,
        lanes: 6,
        cards,
        seed,
    })
}

/// Imports `text` into `doc`, applies the edit and returns the import and its inverse.
fn import_into(doc: &mut Document, text: &str) -> (MapImport, Edit) {
    let import = map_from_json(text, "map.json", doc).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(import.edit, Edit::Batch { .. }), "one undo step");
    let inverse = import.edit.apply(doc).unwrap_or_else(|e| panic!("{e}"));
    (import, inverse)
}

/// A map with every id replaced by its position (and channels/personas by their
/// content), so maps that differ only in ids compare equal.
fn normalized(doc: &Document, map: &Map) -> Map {
    let index = |ids: Vec<&str>| -> HashMap<String, usize> {
        ids.into_iter()
            .enumerate()
            .map(|(i, id)| (id.to_string(), i))
            .collect()
    };
    let stages = index(map.stages.iter().map(|s| s.id.as_str()).collect());
    let lanes = index(map.lanes.iter().map(|l| l.id.as_str()).collect());
    let cards = index(map.cards.iter().map(|c| c.id.as_str()).collect());
    let channel = |id: &str| {
        let c = doc.channels.iter().find(|c| c.id == id).expect("channel");
        format!("{:?}", c.props())
    };
    let persona = |id: &String| {
        let p = doc.personas.iter().find(|p| &p.id == id).expect("persona");
        format!("{:?}", p.props())
    };
    let mut m = map.clone();
    m.id = "map".into();
    m.persona_ids = m.persona_ids.iter().map(persona).collect();
    for s in &mut m.stages {
        s.id = format!("s{}", stages[&s.id]);
    }
    for l in &mut m.lanes {
        l.id = format!("l{}", lanes[&l.id]);
    }
    for c in &mut m.cards {
        c.id = format!("c{}", cards[&c.id]);
        c.stage_id = format!("s{}", stages[&c.stage_id]);
        c.lane_id = format!("l{}", lanes[&c.lane_id]);
        c.channel_id = c.channel_id.as_deref().map(channel);
        c.persona_ids = c.persona_ids.iter().map(persona).collect();
    }
    for (i, k) in m.connectors.iter_mut().enumerate() {
        k.id = format!("k{i}");
        k.from_card_id = format!("c{}", cards[&k.from_card_id]);
        k.to_card_id = format!("c{}", cards[&k.to_card_id]);
    }
    for e in &mut m.emotion_points {
        e.persona_id = persona(&e.persona_id);
        e.stage_id = format!("s{}", stages[&e.stage_id]);
    }
    // Emotion points are ordered by persona id, which the renaming changed.
    m.emotion_points
        .sort_by(|a, b| (&a.persona_id, &a.stage_id).cmp(&(&b.persona_id, &b.stage_id)));
    m
}

/// (stage index, lane index, position in cell, title, body) of every card.
fn card_places(map: &Map) -> Vec<(usize, usize, usize, String, String)> {
    let mut in_cell: HashMap<(usize, usize), usize> = HashMap::new();
    map.cards
        .iter()
        .map(|c| {
            let s = map.stages.iter().position(|s| s.id == c.stage_id).unwrap();
            let l = map.lanes.iter().position(|l| l.id == c.lane_id).unwrap();
            let n = in_cell.entry((s, l)).or_insert(0);
            *n += 1;
            (s, l, *n, c.title.clone(), c.body.clone())
        })
        .collect()
}

fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The error message for importing a fixture, checking it names the file.
fn fixture_error(name: &str) -> (InterchangeError, String) {
    let err =
        map_from_json(&fixture_text(name), name, &template()).expect_err("the fixture is refused");
    let message = err.to_string();
    assert!(
        message.starts_with(name),
        "message does not name the file: {message}"
    );
    (err, message)
}

/// 1-based line of the first occurrence of `needle` in a fixture.
fn line_of(name: &str, needle: &str) -> usize {
    fixture_text(name)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

// ---- export -------------------------------------------------------------------------

#[test]
fn export_is_versioned_deterministic_and_self_contained() {
    let doc = generated(120, 3);
    let json = map_to_json(&doc, "generated").unwrap();
    assert_eq!(json, map_to_json(&doc.clone(), "generated").unwrap());
    assert!(json.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], MAP_FORMAT);
    assert_eq!(value["version"], MAP_FORMAT_VERSION);
    assert_eq!(value["map"]["id"], "generated");
    // Only the channels the cards use, in the document's order.
    let used: Vec<&str> = doc
        .channels
        .iter()
        .filter(|ch| {
            doc.maps[0]
                .cards
                .iter()
                .any(|c| c.channel_id.as_deref() == Some(&ch.id))
        })
        .map(|c| c.id.as_str())
        .collect();
    let written: Vec<&str> = value["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(written, used);
    assert_eq!(value["personas"].as_array().unwrap().len(), 2);
}

#[test]
fn export_leaves_out_channels_and_personas_the_map_does_not_use() {
    let doc = fixture::document(); // only ch1 is used; p1 and p2 are the map's
    let value: serde_json::Value = serde_json::from_str(&map_to_json(&doc, "m1").unwrap()).unwrap();
    assert_eq!(value["channels"].as_array().unwrap().len(), 1);
    assert_eq!(value["channels"][0]["id"], "ch1");
    assert_eq!(value["personas"].as_array().unwrap().len(), 2);
}

#[test]
fn exporting_an_unknown_map_is_an_error() {
    let err = map_to_json(&template(), "nope").unwrap_err();
    assert_eq!(
        err,
        InterchangeError::UnknownMap {
            map_id: "nope".into()
        }
    );
    assert!(cards_csv(&template(), "nope").is_err());
}

// ---- import -------------------------------------------------------------------------

#[test]
fn template_round_trips_into_an_empty_document_keeping_its_ids() {
    let original = template();
    let json = map_to_json(&original, "map-supporter").unwrap();
    let mut doc = Document::default();
    let (import, inverse) = import_into(&mut doc, &json);
    assert_eq!(import.map_id, "map-supporter");
    assert_eq!(import.map_name, original.maps[0].name);
    assert_eq!(import.cards, original.maps[0].cards.len());
    assert_eq!(doc.maps, original.maps, "no collisions: the very same map");
    assert_valid(&doc);
    // Exporting the imported map gives the same file back.
    assert_eq!(map_to_json(&doc, "map-supporter").unwrap(), json);
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, Document::default());
}

#[test]
fn generated_map_round_trips_into_an_empty_document() {
    let original = generated(300, 11);
    let json = map_to_json(&original, "generated").unwrap();
    let mut doc = Document::default();
    import_into(&mut doc, &json);
    assert_eq!(doc.maps, original.maps);
    assert_valid(&doc);
}

#[test]
fn importing_twice_into_an_empty_document_gives_two_maps_the_second_renamed() {
    let original = template();
    let json = map_to_json(&original, "map-supporter").unwrap();
    let mut doc = Document::default();
    let (first, _) = import_into(&mut doc, &json);
    let channels = doc.channels.clone();
    let personas = doc.personas.clone();
    let after_first = doc.clone();
    let (second, inverse) = import_into(&mut doc, &json);

    assert_eq!(doc.maps.len(), 2);
    assert_eq!(first.map_name, "From $10 gift to major donor");
    assert_eq!(second.map_name, "From $10 gift to major donor (2)");
    assert_eq!(doc.maps[1].name, second.map_name);
    assert_ne!(second.map_id, first.map_id);
    assert_eq!(second.map_id, "map-supporter-2");
    // Channels and personas with the same id and content are shared, not copied.
    assert_eq!(doc.channels, channels);
    assert_eq!(doc.personas, personas);
    assert_valid(&doc);
    let mut copy = normalized(&doc, &doc.maps[1]);
    copy.name = doc.maps[0].name.clone();
    assert!(
        copy == normalized(&doc, &doc.maps[0]),
        "the copy equals the original but for its ids and name"
    );
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, after_first);
}

#[test]
fn importing_twice_into_the_source_document_adds_two_maps_and_undo_restores_it() {
    let original = template();
    let json = map_to_json(&original, "map-supporter").unwrap();
    let mut doc = original.clone();
    let (a, undo_a) = import_into(&mut doc, &json);
    let (b, undo_b) = import_into(&mut doc, &json);

    assert_eq!(doc.maps.len(), 3);
    assert_eq!(a.map_name, "From $10 gift to major donor (2)");
    assert_eq!(b.map_name, "From $10 gift to major donor (3)");
    assert_eq!(
        [a.map_id.as_str(), b.map_id.as_str()],
        ["map-supporter-2", "map-supporter-3"]
    );
    assert_eq!(doc.channels, original.channels, "channels are reused");
    assert_eq!(doc.personas, original.personas, "personas are reused");
    assert_valid(&doc);
    let want = normalized(&original, &original.maps[0]);
    for m in &doc.maps[1..] {
        let mut got = normalized(&doc, m);
        got.name = want.name.clone();
        assert_eq!(got, want);
        assert!(m
            .cards
            .iter()
            .all(|c| c.id.ends_with("-2") || c.id.ends_with("-3")));
    }

    undo_b.apply(&mut doc).unwrap();
    undo_a.apply(&mut doc).unwrap();
    assert_eq!(
        doc, original,
        "the inverses remove everything the imports added"
    );
}

#[test]
fn a_channel_with_the_same_id_but_other_content_is_added_under_a_fresh_id() {
    let source = fixture::document();
    let json = map_to_json(&source, "m1").unwrap();
    let mut doc = source.clone();
    let mut props = doc.channels[0].props(); // ch1, used by card c1
    props.name = "Social media (renamed here)".into();
    Edit::UpdateChannel {
        channel_id: "ch1".into(),
        props: props.into(),
    }
    .apply(&mut doc)
    .unwrap();
    let before = doc.clone();

    let (import, inverse) = import_into(&mut doc, &json);
    assert_eq!(doc.channels.len(), before.channels.len() + 1);
    let added = doc.channels.last().unwrap();
    assert_eq!(added.id, "ch1-2");
    assert_eq!(added.name, "Social");
    let map = doc.map(&import.map_id).unwrap();
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Friend's invitation")
        .unwrap();
    assert_eq!(card.channel_id.as_deref(), Some("ch1-2"));
    assert_valid(&doc);

    // The same file again reuses the copy the first import added.
    let after_one = doc.clone();
    let (_, inverse2) = import_into(&mut doc, &json);
    assert_eq!(doc.channels, after_one.channels);
    assert_valid(&doc);

    inverse2.apply(&mut doc).unwrap();
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn the_imported_map_goes_after_the_documents_maps() {
    let mut doc = template();
    let json = map_to_json(&fixture::document(), "m1").unwrap();
    let (import, _) = import_into(&mut doc, &json);
    assert_eq!(doc.maps.last().unwrap().id, import.map_id);
    assert_eq!(import.map_name, "Supporter journey");
    assert_eq!(import.cards, 5);
}

#[test]
fn the_small_fixture_imports() {
    let mut doc = template();
    let (import, _) = import_into(&mut doc, &fixture_text("valid-small.json"));
    assert_eq!(import.map_id, "m-small");
    assert_eq!(import.cards, 2);
    // p-maya exists in the template with other content, so a copy is added.
    assert!(doc.personas.iter().any(|p| p.id == "p-maya-2"));
    assert_valid(&doc);
}

// ---- bad files ----------------------------------------------------------------------

#[test]
fn not_json_names_the_file_line_and_column() {
    let (err, message) = fixture_error("not-json.json");
    assert!(
        matches!(err, InterchangeError::Syntax { line: 3, .. }),
        "{err:?}"
    );
    assert!(
        message.starts_with("not-json.json line 3, column 13: expected `:`"),
        "{message}"
    );
}

#[test]
fn a_wrong_format_says_it_is_not_a_waymark_map() {
    let (_, message) = fixture_error("wrong-format.json");
    assert_eq!(
        message,
        "wrong-format.json is not a Waymark map (format is \"waymark-document\")"
    );
}

#[test]
fn other_json_says_it_is_not_a_waymark_map() {
    let doc = Document::default();
    let err = map_from_json("[1, 2]", "list.json", &doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "list.json is not a Waymark map (it holds a JSON array, not an object)"
    );
    let err = map_from_json("{\"maps\": []}", "doc.json", &doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "doc.json is not a Waymark map (it has no \"format\" field)"
    );
}

#[test]
fn a_newer_version_says_so() {
    let (err, message) = fixture_error("newer-version.json");
    assert!(matches!(
        err,
        InterchangeError::NewerVersion { version: 3, .. }
    ));
    assert_eq!(
        message,
        "newer-version.json was written by a newer Waymark (format version 3; this version reads 1)"
    );
}

#[test]
fn a_missing_field_names_its_path_and_line() {
    let (err, message) = fixture_error("missing-field.json");
    match &err {
        InterchangeError::Field { path, line, .. } => {
            assert_eq!(path, "map.cards[1].stageId");
            assert!(*line > 1, "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        message.contains("map.cards[1].stageId: is missing"),
        "{message}"
    );
}

#[test]
fn a_wrong_type_names_its_path_line_and_column() {
    let (err, message) = fixture_error("wrong-type.json");
    let line = line_of("wrong-type.json", "\"stageId\": 3");
    match &err {
        InterchangeError::Field {
            path,
            line: l,
            column,
            ..
        } => {
            assert_eq!(path, "map.cards[1].stageId");
            assert_eq!(*l, line);
            assert!(*column > 0);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        message.starts_with(&format!("wrong-type.json line {line}, column ")),
        "{message}"
    );
    assert!(
        message.contains("map.cards[1].stageId: invalid type: integer `3`, expected a string"),
        "{message}"
    );
}

#[test]
fn a_dangling_stage_reference_names_the_card_field() {
    let (_, message) = fixture_error("dangling-stage.json");
    assert_eq!(
        message,
        "dangling-stage.json, map.cards[1].stageId: there is no stage \"st-nowhere\" in map.stages"
    );
}

#[test]
fn a_duplicate_card_id_names_both_places() {
    let (_, message) = fixture_error("duplicate-card-id.json");
    assert_eq!(
        message,
        "duplicate-card-id.json, map.cards[1].id: \"c-invite\" is used twice (also by map.cards[0])"
    );
}

#[test]
fn an_emotion_out_of_range_names_the_point() {
    let (_, message) = fixture_error("emotion-out-of-range.json");
    assert!(
        message.starts_with(
            "emotion-out-of-range.json, map.emotionPoints[1].value: 5 is outside -2..+2"
        ),
        "{message}"
    );
}

#[test]
fn a_connector_to_a_missing_card_names_the_connector_end() {
    let (_, message) = fixture_error("connector-to-missing-card.json");
    assert_eq!(
        message,
        "connector-to-missing-card.json, map.connectors[0].toCardId: there is no card \"c-missing\" in map.cards"
    );
}

#[test]
fn a_refused_file_changes_nothing_and_a_valid_one_is_only_an_edit() {
    let doc = template();
    let before = doc.clone();
    let _ = map_from_json(&fixture_text("dangling-stage.json"), "x.json", &doc);
    let _ = map_from_json(&fixture_text("valid-small.json"), "y.json", &doc).unwrap();
    assert_eq!(doc, before);
}

// ---- CSV ----------------------------------------------------------------------------

/// A strict RFC 4180 reader, to check the writer against.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => {
                    assert!(field.is_empty(), "quote inside an unquoted field");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "last record ends with CRLF"
    );
    rows
}

fn update_card(doc: &mut Document, card_id: &str, f: impl FnOnce(&mut CardProps)) {
    let mut props = doc.maps[0].card(card_id).unwrap().props();
    f(&mut props);
    Edit::UpdateCard {
        map_id: doc.maps[0].id.clone(),
        card_id: card_id.into(),
        props: props.into(),
    }
    .apply(doc)
    .unwrap();
}

#[test]
fn csv_has_the_header_and_one_row_per_card_in_canonical_order() {
    let doc = template();
    let csv = cards_csv(&doc, "map-supporter").unwrap();
    assert!(!csv.starts_with('\u{feff}'), "no byte-order mark");
    assert!(csv.starts_with(
        "stage,lane,lane kind,position,title,body,channel,personas,passion point,shareable moment,point of vulnerability,colour\r\n"
    ));
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], CSV_HEADER);
    let map = &doc.maps[0];
    assert_eq!(rows.len() - 1, map.cards.len());
    for (row, (card, place)) in rows[1..].iter().zip(map.cards.iter().zip(card_places(map))) {
        assert_eq!(row.len(), CSV_HEADER.len());
        assert_eq!(row[0], map.stages[place.0].name);
        assert_eq!(row[1], map.lanes[place.1].name);
        assert_eq!(row[2], card.kind.label());
        assert_eq!(row[3], place.2.to_string());
        assert_eq!(row[4].trim_start_matches('\''), card.title);
        assert_eq!(
            row[8],
            if card.flags.passion_point {
                "yes"
            } else {
                "no"
            }
        );
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_and_keeps_accents() {
    let mut doc = fixture::document();
    update_card(&mut doc, "c1", |p| {
        p.title = "He said \"hi\", then left".into();
        p.body = "First line\nsecond line\r\nthird, with a comma".into();
        p.color = Some("#ffcc00".into());
        p.persona_ids = vec!["p1".into(), "p2".into()];
    });
    update_card(&mut doc, "c2", |p| {
        p.title = "Café crème — Zoë’s «first» visit 🎉".into();
    });
    let csv = cards_csv(&doc, "m1").unwrap();
    assert!(
        csv.contains("\"He said \"\"hi\"\", then left\",\"First line\nsecond line\r\nthird, with a comma\",Social,Maya; Robert,no,no,no,#ffcc00\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",Café crème — Zoë’s «first» visit 🎉,"),
        "{csv}"
    );
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 1 + doc.maps[0].cards.len());
    assert_eq!(rows[1][4], "He said \"hi\", then left");
    assert_eq!(rows[1][5], "First line\nsecond line\r\nthird, with a comma");
    assert_eq!(
        rows[1][..4],
        ["Discover", "Touchpoints", "Touchpoints", "1"]
    );
    assert_eq!(rows[2][3], "2");
}

#[test]
fn csv_guards_cells_that_a_spreadsheet_would_run_as_formulas() {
    let mut doc = fixture::document();
    update_card(&mut doc, "c1", |p| {
        p.title = "=HYPERLINK(\"http://x\",\"click\")".into();
        p.body = "+1 555 0100".into();
    });
    update_card(&mut doc, "c2", |p| {
        p.title = "-5 donors".into();
        p.body = "@mention".into();
    });
    update_card(&mut doc, "c3", |p| {
        p.title = "\tindented".into();
        p.body = "a = b is fine".into();
    });
    let rows = parse_csv(&cards_csv(&doc, "m1").unwrap());
    assert_eq!(rows[1][4], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(rows[1][5], "'+1 555 0100");
    assert_eq!(rows[2][4], "'-5 donors");
    assert_eq!(rows[2][5], "'@mention");
    assert_eq!(rows[3][4], "'\tindented");
    assert_eq!(rows[3][5], "a = b is fine");
}

#[test]
fn csv_of_a_generated_map_has_a_row_per_card() {
    let doc = generated(500, 5);
    let rows = parse_csv(&cards_csv(&doc, "generated").unwrap());
    assert_eq!(rows.len(), 501);
    assert!(rows.iter().all(|r| r.len() == CSV_HEADER.len()));
}

// ---- property ------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Export → import (into an empty document, and into the source document where every
    /// id collides) keeps every card's title, body, stage, lane and position.
    #[test]
    fn export_import_round_trip_keeps_every_card_in_place(
        stages in 1u32..7,
        lanes in 1u32..8,
        cards in 0u32..80,
        seed in any::<u64>(),
    ) {
        let source = generate(GenerateSpec { stages, lanes, cards, seed });
        let json = map_to_json(&source, "generated").unwrap();
        let want = card_places(&source.maps[0]);

        let mut empty = Document::default();
        let (import, _) = import_into(&mut empty, &json);
        prop_assert_eq!(&empty.maps, &source.maps);
        prop_assert_eq!(import.cards, cards as usize);

        let mut same = source.clone();
        let (import, undo) = import_into(&mut same, &json);
        let copy = same.map(&import.map_id).unwrap();
        prop_assert_eq!(card_places(copy), want);
        prop_assert_eq!(normalized(&same, copy), {
            let mut m = normalized(&source, &source.maps[0]);
            m.name = copy.name.clone();
            m
        });
        assert_valid(&same);
        undo.apply(&mut same).unwrap();
        prop_assert_eq!(same, source);
    }
}

#[test]
fn empty_and_cut_short_files_say_so() {
    let doc = Document::default();
    let message = |text: &str| {
        map_from_json(text, "map.json", &doc)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(message(""), "map.json is not a Waymark map (it is empty)");
    assert_eq!(
        message("\u{feff}  \n"),
        "map.json is not a Waymark map (it is empty)"
    );
    assert_eq!(
        message("{\n  \"format\": \"waymark-map\",\n  \"map\": {"),
        "map.json line 3, column 10: the file ends too early, inside an object; it may have been cut short"
    );
    assert_eq!(
        message("{\"format\": \"waymark-map\", \"version\": 0}"),
        "map.json, version: 0 is not a format version (they start at 1)"
    );
    assert_eq!(
        message("{\"format\": \"waymark-map\", \"version\": 1}"),
        "map.json line 1, column 39, map: is missing"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let json = format!(
        "\u{feff}{}",
        map_to_json(&fixture::document(), "m1").unwrap()
    );
    assert!(map_from_json(&json, "map.json", &Document::default()).is_ok());
}

#[test]
fn json_nested_deeper_than_the_parser_goes_says_so_in_words() {
    let text = format!(
        r#"{{"format": "waymark-map", "version": 1, "map": {{"stages": {}{}}}}}"#,
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let message = map_from_json(&text, "deep.json", &template())
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("deep.json"), "{message}");
    assert!(
        message.contains("nested more than 128 levels deep"),
        "{message}"
    );
    assert!(!message.contains("recursion"), "{message}");
}
