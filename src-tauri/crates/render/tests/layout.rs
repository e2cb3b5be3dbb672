//! Layout tests: snapshots of small maps as compact text (easy to review in a diff), and
//! behaviour checks that hold for any map.

use std::fmt::Write;

use waymark_model::*;
use waymark_render::*;

// ---- fixtures -------------------------------------------------------------------------

fn stage(id: &str, name: &str, width: u32) -> Stage {
    Stage {
        rung_id: None,
        id: id.into(),
        name: name.into(),
        color: None,
        width,
        speaker_notes: String::new(),
    }
}

fn lane(id: &str, name: &str, kind: LaneKind) -> Lane {
    Lane {
        id: id.into(),
        name: name.into(),
        kind,
        color: None,
        collapsed: false,
        hidden: false,
        hidden_for_outsiders: false,
    }
}

fn card(id: &str, stage: &str, lane: &str, kind: LaneKind, title: &str, body: &str) -> Card {
    Card {
        plan: Default::default(),
        id: id.into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        kind,
        title: title.into(),
        body: body.into(),
        color: None,
        channel_id: None,
        persona_ids: vec![],
        flags: CardFlags::default(),
        author: None,
        tags: Vec::new(),
    }
}

fn connector(id: &str, from: &str, to: &str, kind: ConnectorKind, label: &str) -> Connector {
    Connector {
        id: id.into(),
        from_card_id: from.into(),
        to_card_id: to.into(),
        kind,
        label: label.into(),
    }
}

fn emotion(persona: &str, stage: &str, value: i8) -> EmotionPoint {
    EmotionPoint {
        persona_id: persona.into(),
        stage_id: stage.into(),
        value,
    }
}

const LONG_BODY: &str =
    "Maya reads the story of a runner who raised money for the shelter last year, \
    then checks how much of each gift goes to the programme itself. Ça coûte 10 € — merci !";

/// 3 stages × 4 lanes: touchpoints (a long body, a stacked cell, a channel badge),
/// thoughts (collapsed), pain points (hidden) and emotions (two personas), with a
/// forward flow, a loop back, a same-stage hop and a connector into the hidden lane.
fn small_doc() -> Document {
    use LaneKind::*;
    let mut map = Map::new("m1", "Supporter journey");
    map.persona_ids = vec!["p-maya".into(), "p-rob".into()];
    map.stages = vec![
        stage("s1", "Discover", 240),
        stage("s2", "Consider and compare options", 220),
        stage("s3", "Give", 200),
    ];
    let mut thoughts = lane("l-thoughts", "Thoughts & quotes", Thoughts);
    thoughts.collapsed = true;
    let mut pain = lane("l-pain", "Pain points", PainPoints);
    pain.hidden = true;
    let mut touch = lane("l-touch", "Touchpoints", Touchpoints);
    touch.color = None;
    map.lanes = vec![
        touch,
        thoughts,
        pain,
        lane("l-emo", "How they feel", Emotions),
    ];
    let mut invite = card(
        "c-invite",
        "s1",
        "l-touch",
        Touchpoints,
        "A friend's invitation",
        "To the spring charity run.",
    );
    invite.channel_id = Some("ch-social".into());
    invite.flags.shareable_moment = true;
    let mut coloured = card(
        "c-story",
        "s2",
        "l-touch",
        Touchpoints,
        "Reads the impact story",
        LONG_BODY,
    );
    coloured.color = Some("#7c3aed".into());
    map.cards = vec![
        invite,
        card("c-search", "s1", "l-touch", Touchpoints, "Local search", ""),
        coloured,
        card(
            "c-page",
            "s3",
            "l-touch",
            Touchpoints,
            "$10 donation page",
            "Short form, three fields.",
        ),
        card(
            "c-doubt",
            "s2",
            "l-thoughts",
            Thoughts,
            "Where does my money go?",
            "",
        ),
        card(
            "c-fees",
            "s3",
            "l-pain",
            PainPoints,
            "Card fees",
            "Unexpected fee on checkout.",
        ),
    ];
    map.connectors = vec![
        connector("k-flow", "c-invite", "c-story", ConnectorKind::Flow, ""),
        connector(
            "k-loop",
            "c-page",
            "c-invite",
            ConnectorKind::LoopBack,
            "Re-marketing",
        ),
        connector(
            "k-same",
            "c-invite",
            "c-search",
            ConnectorKind::HandOff,
            "hands off",
        ),
        connector("k-hidden", "c-page", "c-fees", ConnectorKind::Flow, ""),
        connector("k-collapsed", "c-doubt", "c-page", ConnectorKind::Flow, ""),
    ];
    map.emotion_points = vec![
        emotion("p-maya", "s1", 1),
        emotion("p-maya", "s2", -1),
        emotion("p-maya", "s3", 2),
        emotion("p-rob", "s1", 0),
        emotion("p-rob", "s3", -2),
    ];
    Document {
        ladder: Vec::new(),
        maps: vec![map],
        channels: vec![Channel {
            plan: Default::default(),
            id: "ch-social".into(),
            name: "Social media".into(),
            icon: "SO".into(),
            color: None,
        }],
        personas: vec![
            Persona {
                goals: String::new(),
                photo: None,
                id: "p-maya".into(),
                name: "Maya".into(),
                segment: "First-time donor".into(),
                color: Some("#2563eb".into()),
            },
            Persona {
                goals: String::new(),
                photo: None,
                id: "p-rob".into(),
                name: "Robert".into(),
                segment: "Long-time supporter".into(),
                color: None,
            },
        ],
        participants: Vec::new(),
    }
}

/// 4 stages × 3 lanes with the engagement ladder: the stages reach Donor, (keep it),
/// Volunteer and a rung the ladder lacks (keep it); a card sits in the ladder lane; points
/// of vulnerability of each severity, one in a hidden lane (which must not count).
fn ladder_doc() -> Document {
    use LaneKind::*;
    let mut map = Map::new("m-ladder", "Up the ladder");
    let mut s1 = stage("s1", "Discover", 220);
    s1.rung_id = Some("r-donor".into());
    let s2 = stage("s2", "Give", 200);
    let mut s3 = stage("s3", "Volunteer", 220);
    s3.rung_id = Some("r-volunteer".into());
    let mut s4 = stage("s4", "Lead", 200);
    s4.rung_id = Some("r-gone".into());
    map.stages = vec![s1, s2, s3, s4];
    let mut hidden = lane("l-hidden", "Backstage", Backstage);
    hidden.hidden = true;
    map.lanes = vec![
        lane("l-touch", "Touchpoints", Touchpoints),
        lane("l-ladder", "Engagement ladder", Ladder),
        hidden,
    ];
    let vulnerable = |id: &str, stage: &str, lane: &str, severity: u8| {
        let kind = if lane == "l-hidden" {
            Backstage
        } else {
            Touchpoints
        };
        let mut c = card(id, stage, lane, kind, "Lapses after the first gift", "");
        c.flags.point_of_vulnerability = true;
        c.plan.vulnerability.severity = severity;
        c
    };
    let mut not_flagged = card(
        "c-plain",
        "s2",
        "l-touch",
        Touchpoints,
        "Thank-you call",
        "",
    );
    // A severity without the flag is no vulnerability.
    not_flagged.plan.vulnerability.severity = 3;
    map.cards = vec![
        vulnerable("c-v3", "s2", "l-touch", 3),
        vulnerable("c-v2", "s2", "l-touch", 2),
        not_flagged,
        vulnerable("c-v1", "s3", "l-touch", 1),
        card(
            "c-rung",
            "s3",
            "l-ladder",
            Ladder,
            "Joins the volunteer team",
            "",
        ),
        vulnerable("c-hidden", "s4", "l-hidden", 3),
    ];
    Document {
        ladder: vec![
            Rung {
                id: "r-donor".into(),
                name: "Donor".into(),
                commitment: "$10 first gift".into(),
            },
            Rung {
                id: "r-participant".into(),
                name: "Participant".into(),
                commitment: "Takes part in an event".into(),
            },
            Rung {
                id: "r-volunteer".into(),
                name: "Volunteer".into(),
                commitment: "Gives time every month".into(),
            },
            Rung {
                id: "r-major".into(),
                name: "Major donor with a life-changing commitment to the cause".into(),
                commitment: "$1,000,000".into(),
            },
        ],
        maps: vec![map],
        channels: vec![],
        personas: vec![],
        participants: Vec::new(),
    }
}

fn template_doc() -> Document {
    serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap()
}

// ---- compact rendering for snapshots ----------------------------------------------------

fn lines(out: &mut String, what: &str, lines: &[TextLine]) {
    for l in lines {
        writeln!(
            out,
            "    {what} {:?} @({}, {}) w={}",
            l.text, l.x, l.y, l.width
        )
        .unwrap();
    }
}

fn render(s: &Scene) -> String {
    let mut o = String::new();
    writeln!(
        o,
        "scene {} {:?} {}x{} header={} gutter={}",
        s.map_id, s.map_name, s.width, s.height, s.header_height, s.gutter_width
    )
    .unwrap();
    let f = &s.fonts;
    writeln!(
        o,
        "fonts {} title={}/{} body={}/{} header={}/{} line={}",
        f.family,
        f.title_size,
        f.title_weight,
        f.body_size,
        f.body_weight,
        f.header_size,
        f.header_weight,
        f.line_height
    )
    .unwrap();
    for st in &s.stages {
        writeln!(
            o,
            "stage {} #{} x={} w={} {}",
            st.id, st.index, st.x, st.width, st.color
        )
        .unwrap();
        lines(&mut o, "name", &st.name);
    }
    for l in &s.lanes {
        let collapsed = if l.collapsed { " collapsed" } else { "" };
        writeln!(
            o,
            "lane {} #{} {:?} y={} h={} {} cards={}{collapsed}",
            l.id, l.index, l.kind, l.y, l.height, l.color, l.card_count
        )
        .unwrap();
        lines(&mut o, "name", &l.name);
    }
    for c in &s.cards {
        writeln!(
            o,
            "card {} {}/{} #{} {:?} ({}, {}) {}x{} {}/{}",
            c.id,
            c.stage_id,
            c.lane_id,
            c.index,
            c.kind,
            c.x,
            c.y,
            c.width,
            c.height,
            c.fill,
            c.stroke
        )
        .unwrap();
        lines(&mut o, "title", &c.title);
        lines(&mut o, "body", &c.body);
        if let Some(b) = &c.channel {
            writeln!(
                o,
                "    badge {} {:?} {:?} {}",
                b.id, b.icon, b.name, b.color
            )
            .unwrap();
        }
        let fl = c.flags;
        if fl.passion_point || fl.shareable_moment || fl.point_of_vulnerability {
            writeln!(o, "    flags {fl:?}").unwrap();
        }
        if let Some(sev) = c.severity {
            writeln!(o, "    severity {sev}").unwrap();
        }
    }
    for k in &s.connectors {
        writeln!(
            o,
            "connector {} {:?} {} -> {} end=({}, {}) {}°",
            k.id, k.kind, k.from_card_id, k.to_card_id, k.end_x, k.end_y, k.end_angle
        )
        .unwrap();
        writeln!(o, "    path {}", k.path).unwrap();
        lines(&mut o, "label", k.label.as_slice());
    }
    for e in &s.emotion_lines {
        writeln!(
            o,
            "emotion {} {:?} {} in {}",
            e.persona_id, e.persona_name, e.color, e.lane_id
        )
        .unwrap();
        for p in &e.points {
            writeln!(
                o,
                "    point {} {:+} ({}, {})",
                p.stage_id, p.value, p.x, p.y
            )
            .unwrap();
        }
        writeln!(o, "    path {}", e.path).unwrap();
    }
    for l in &s.ladder {
        writeln!(o, "ladder in {} {}", l.lane_id, l.color).unwrap();
        for r in &l.rungs {
            writeln!(
                o,
                "    rung {} #{} y={} x={}..{}",
                r.rung_id, r.index, r.y, r.x1, r.x2
            )
            .unwrap();
            lines(&mut o, "    name", r.name.as_slice());
        }
        for st in &l.steps {
            let inherited = if st.inherited { " inherited" } else { "" };
            writeln!(
                o,
                "    step {} {} ({}, {}){inherited}",
                st.stage_id, st.rung_id, st.x, st.y
            )
            .unwrap();
            lines(&mut o, "    label", st.label.as_slice());
        }
        writeln!(o, "    path {}", l.path).unwrap();
    }
    for h in &s.heat {
        writeln!(
            o,
            "heat {} x={} w={} level={} {}",
            h.stage_id, h.x, h.width, h.level, h.color
        )
        .unwrap();
    }
    o
}

fn layout(doc: &Document) -> Scene {
    Layouter::new().layout(doc, &doc.maps[0].id).unwrap()
}

// ---- snapshots ----------------------------------------------------------------------

#[test]
fn snapshot_small_map() {
    insta::assert_snapshot!(render(&layout(&small_doc())));
}

#[test]
fn snapshot_nonprofit_template() {
    insta::assert_snapshot!(render(&layout(&template_doc())));
}

#[test]
fn snapshot_ladder_and_vulnerabilities() {
    insta::assert_snapshot!(render(&layout(&ladder_doc())));
}

// ---- behaviour ----------------------------------------------------------------------

fn card_of<'a>(s: &'a Scene, id: &str) -> &'a SceneCard {
    s.cards
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no card {id}"))
}

#[test]
fn a_long_body_wraps_and_makes_the_card_taller() {
    let mut doc = small_doc();
    let map = &mut doc.maps[0];
    map.cards = vec![
        card(
            "short",
            "s1",
            "l-touch",
            LaneKind::Touchpoints,
            "Same title",
            "Short.",
        ),
        card(
            "long",
            "s2",
            "l-touch",
            LaneKind::Touchpoints,
            "Same title",
            LONG_BODY,
        ),
    ];
    let s = layout(&doc);
    let (short, long) = (card_of(&s, "short"), card_of(&s, "long"));
    assert_eq!(short.body.len(), 1);
    assert!(long.body.len() >= 4, "{:?}", long.body);
    assert!(long.height > short.height + 3.0 * 17.0);
}

#[test]
fn all_text_lies_within_its_card() {
    for doc in [small_doc(), template_doc()] {
        let s = layout(&doc);
        for c in &s.cards {
            for l in c.title.iter().chain(&c.body) {
                assert!(
                    l.x >= c.x && l.x + l.width <= c.x + c.width,
                    "{} {l:?} outside x of {c:?}",
                    c.id
                );
                // A baseline has an ascender above it and a descender below it.
                assert!(
                    l.y - 12.0 >= c.y && l.y + 4.0 <= c.y + c.height,
                    "{} {l:?} outside y of card",
                    c.id
                );
            }
        }
    }
}

#[test]
fn cards_in_a_cell_do_not_overlap_and_stay_in_their_lane_and_column() {
    for doc in [small_doc(), template_doc()] {
        let s = layout(&doc);
        for (i, a) in s.cards.iter().enumerate() {
            let lane = s.lanes.iter().find(|l| l.id == a.lane_id).unwrap();
            let stage = s.stages.iter().find(|st| st.id == a.stage_id).unwrap();
            assert!(
                a.y >= lane.y && a.y + a.height <= lane.y + lane.height,
                "{} leaves its lane",
                a.id
            );
            assert!(
                a.x >= stage.x && a.x + a.width <= stage.x + stage.width,
                "{} leaves its column",
                a.id
            );
            for b in &s.cards[i + 1..] {
                if a.stage_id == b.stage_id && a.lane_id == b.lane_id {
                    let apart = a.y + a.height <= b.y || b.y + b.height <= a.y;
                    assert!(apart, "{} overlaps {}", a.id, b.id);
                }
            }
        }
    }
}

#[test]
fn lanes_are_contiguous_from_the_header_down() {
    for doc in [small_doc(), template_doc()] {
        let s = layout(&doc);
        let mut y = s.header_height;
        for l in &s.lanes {
            assert_eq!(l.y, y, "lane {} not contiguous", l.id);
            assert!(l.height > 0.0);
            y = ((l.y + l.height) * 100.0).round() / 100.0;
        }
        assert!(s.height >= y);
        let mut x = s.gutter_width;
        for st in &s.stages {
            assert_eq!(st.x, x);
            x += st.width;
        }
        assert!(s.width >= x);
    }
}

#[test]
fn hidden_and_collapsed_lanes() {
    let s = layout(&small_doc());
    let ids: Vec<&str> = s.lanes.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["l-touch", "l-thoughts", "l-emo"]);
    let collapsed = &s.lanes[1];
    assert!(collapsed.collapsed);
    assert_eq!(
        (collapsed.height, collapsed.card_count, collapsed.name.len()),
        (36.0, 1, 1)
    );
    assert!(
        s.cards.iter().all(|c| c.lane_id == "l-touch"),
        "cards of hidden/collapsed lanes must be left out"
    );
    let connectors: Vec<&str> = s.connectors.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(connectors, ["k-flow", "k-loop", "k-same"]);
}

#[test]
fn a_backward_connector_loops_over_or_under_the_cards() {
    let s = layout(&small_doc());
    let k = |id: &str| s.connectors.iter().find(|k| k.id == id).unwrap();
    let (flow, back) = (k("k-flow"), k("k-loop"));
    // Control-point and end y's of the cubics in each path.
    let ys = |path: &str| -> Vec<f32> {
        path.split([' ', 'M', 'C'])
            .filter(|t| !t.is_empty())
            .map(|t| t.split(',').nth(1).unwrap().parse().unwrap())
            .collect()
    };
    let (from, to) = (card_of(&s, "c-page"), card_of(&s, "c-invite"));
    let top = from.y.min(to.y);
    let bottom = (from.y + from.height).max(to.y + to.height);
    // It passes wholly beyond both cards somewhere (over or under them), so it reads as a
    // loop: the target has a card stacked under it, so it leaves and arrives by the sides
    // and goes under both.
    let p = ys(&back.path);
    assert!(
        p.iter().any(|&y| y < top) || p.iter().any(|&y| y > bottom),
        "{}",
        back.path
    );
    assert!(
        back.end_angle.abs() == 90.0 || back.end_angle == 180.0,
        "a return lands on the target's top, bottom or right side: {}",
        back.end_angle
    );
    // Forward flow runs between the cards' vertical extents, ending pointing right.
    assert_eq!(flow.end_angle, 0.0);
    assert!(ys(&flow.path)
        .iter()
        .all(|&y| y > top && y < bottom + 200.0));
    assert_eq!(
        back.label.as_ref().map(|l| l.text.as_str()),
        Some("Re-marketing")
    );
}

#[test]
fn a_loop_within_one_lane_runs_in_that_lane_under_its_cards() {
    for doc in [small_doc(), template_doc()] {
        let s = layout(&doc);
        for k in &s.connectors {
            let (from, to) = (card_of(&s, &k.from_card_id), card_of(&s, &k.to_card_id));
            let stage_x = |id: &str| s.stages.iter().find(|st| st.id == id).unwrap().x;
            if from.lane_id != to.lane_id || stage_x(&to.stage_id) >= stage_x(&from.stage_id) {
                continue;
            }
            let lane = s.lanes.iter().find(|l| l.id == from.lane_id).unwrap();
            // The y's of the path's cubics, start, handles and end; the lowest point of
            // each cubic lies within its handles, and its midpoint is 1:3:3:1 of them.
            let p: Vec<f32> = k
                .path
                .split([' ', 'M', 'C'])
                .filter(|t| !t.is_empty())
                .map(|t| t.split(',').nth(1).unwrap().parse().unwrap())
                .collect();
            let lowest = p
                .windows(4)
                .step_by(3)
                .map(|c| (c[0] + 3.0 * c[1] + 3.0 * c[2] + c[3]) / 8.0)
                .fold(f32::MIN, f32::max);
            let deepest = p.iter().copied().fold(f32::MIN, f32::max);
            assert!(
                lowest > from.y + from.height && deepest < lane.y + lane.height,
                "{} runs at {lowest}..{deepest}, outside {lane:?}",
                k.id
            );
            if let Some(l) = &k.label {
                assert!(l.y < lane.y + lane.height, "{} label below its lane", k.id);
            }
        }
    }
}

#[test]
fn emotion_lines_map_values_into_the_lane() {
    let s = layout(&small_doc());
    let lane = s.lanes.iter().find(|l| l.id == "l-emo").unwrap();
    assert_eq!(s.emotion_lines.len(), 2);
    for line in &s.emotion_lines {
        assert!(line.path.starts_with('M'));
        for p in &line.points {
            assert!(p.y > lane.y && p.y < lane.y + lane.height);
            let st = s.stages.iter().find(|st| st.id == p.stage_id).unwrap();
            assert_eq!(p.x, st.x + st.width / 2.0);
        }
    }
    let maya = &s.emotion_lines[0];
    assert_eq!(
        (maya.persona_name.as_str(), maya.color.as_str()),
        ("Maya", "#2563eb")
    );
    // +2 is drawn above +1 above −1.
    let y: Vec<f32> = maya.points.iter().map(|p| p.y).collect();
    assert!(y[2] < y[0] && y[0] < y[1]);
    assert_eq!(
        s.emotion_lines[1].points.len(),
        2,
        "Robert has no point at s2"
    );
}

#[test]
fn layout_is_deterministic() {
    let doc = template_doc();
    let mut layouter = Layouter::new();
    let a = layouter.layout(&doc, "map-supporter").unwrap();
    let b = layouter.layout(&doc, "map-supporter").unwrap();
    let c = Layouter::new().layout(&doc, "map-supporter").unwrap();
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&c).unwrap()
    );
}

#[test]
fn unknown_map_is_an_error() {
    let err = Layouter::new().layout(&small_doc(), "nope").unwrap_err();
    assert_eq!(err, RenderError::MapNotFound("nope".into()));
    assert!(err.to_string().contains("nope"));
}

#[test]
fn accented_text_is_kept_whole() {
    let mut doc = small_doc();
    doc.maps[0].cards = vec![card(
        "c",
        "s1",
        "l-touch",
        LaneKind::Touchpoints,
        "Ça coûte 10 € — merci !",
        "Größe, naïve, São Paulo",
    )];
    let s = layout(&doc);
    let c = card_of(&s, "c");
    let title: Vec<&str> = c.title.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(title.join(" "), "Ça coûte 10 € — merci !");
    assert!(c.title.iter().all(|l| l.width > 0.0));
}

#[test]
fn empty_map_lays_out() {
    let mut doc = Document::default();
    doc.maps.push(Map::new("empty", "Nothing yet"));
    let s = Layouter::new().layout(&doc, "empty").unwrap();
    assert!(s.stages.is_empty() && s.lanes.is_empty() && s.cards.is_empty());
    assert_eq!(s.fonts.family, font_family());
}

#[test]
fn emotion_lines_have_a_legend_in_the_gutter_inside_their_lane() {
    let s = layout(&template_doc());
    assert_eq!(s.emotion_lines.len(), 2);
    for line in &s.emotion_lines {
        let legend = line
            .legend
            .as_ref()
            .expect("every emotion line has a legend");
        assert_eq!(legend.text, line.persona_name);
        let lane = s.lanes.iter().find(|l| l.id == line.lane_id).unwrap();
        let name_bottom = lane.name.last().unwrap().y;
        assert!(
            legend.x + legend.width <= s.gutter_width,
            "legend leaves the gutter"
        );
        assert!(
            legend.y > name_bottom && legend.y < lane.y + lane.height,
            "legend outside its lane"
        );
    }
}

#[test]
fn channel_badges_sit_inside_their_cards_below_the_text() {
    let s = layout(&template_doc());
    let with_badge: Vec<_> = s.cards.iter().filter(|c| c.channel.is_some()).collect();
    assert!(with_badge.len() > 5);
    for card in with_badge {
        let b = card.channel.as_ref().unwrap();
        assert!(
            b.x >= card.x && b.x + b.width <= card.x + card.width,
            "{}: badge leaves the card",
            card.id
        );
        assert!(
            b.y >= card.y && b.y + b.height <= card.y + card.height,
            "{}: badge leaves the card",
            card.id
        );
        let last_text = card.body.last().or(card.title.last()).unwrap().y;
        assert!(b.y >= last_text, "{}: badge overlaps the text", card.id);
    }
}

#[test]
fn the_ladder_lane_holds_its_rungs_lowest_at_the_bottom() {
    let s = layout(&ladder_doc());
    let lane = s.lanes.iter().find(|l| l.id == "l-ladder").unwrap();
    assert_eq!(s.ladder.len(), 1);
    let ladder = &s.ladder[0];
    assert_eq!(ladder.lane_id, "l-ladder");
    let ys: Vec<f32> = ladder.rungs.iter().map(|r| r.y).collect();
    assert_eq!(ys.len(), 4);
    assert!(ys.windows(2).all(|w| w[1] + RUNG_STEP == w[0]), "{ys:?}");
    let name_bottom = lane.name.last().unwrap().y;
    for r in &ladder.rungs {
        assert!(r.y > name_bottom && r.y < lane.y + lane.height, "{r:?}");
        assert_eq!(
            (r.x1, r.x2),
            (s.gutter_width, 180.0 + 220.0 + 200.0 + 220.0 + 200.0)
        );
        let name = r.name.as_ref().expect("every rung is named in the gutter");
        assert!(
            name.x + name.width <= s.gutter_width - GUTTER_PAD_X,
            "{name:?}"
        );
        assert!(
            name.y > r.y && name.y < r.y + BODY_SIZE,
            "centred on its guide: {name:?}"
        );
    }
    // The long name is cut to the gutter.
    assert!(ladder.rungs[3].name.as_ref().unwrap().text.ends_with('…'));
    // Steps: Donor, kept, Volunteer, kept (the fourth stage's rung is not on the ladder).
    let steps: Vec<(&str, &str, bool)> = ladder
        .steps
        .iter()
        .map(|st| (st.stage_id.as_str(), st.rung_id.as_str(), st.inherited))
        .collect();
    assert_eq!(
        steps,
        [
            ("s1", "r-donor", false),
            ("s2", "r-donor", true),
            ("s3", "r-volunteer", false),
            ("s4", "r-volunteer", true),
        ]
    );
    for st in &ladder.steps {
        let stage = s.stages.iter().find(|x| x.id == st.stage_id).unwrap();
        assert_eq!(st.x, stage.x + stage.width / 2.0);
        match &st.label {
            Some(l) => {
                assert!(!st.inherited);
                assert!(
                    l.y < st.y && l.y - 12.0 > lane.y,
                    "label inside the lane: {l:?}"
                );
                assert!(l.x >= stage.x && l.x + l.width <= stage.x + stage.width);
            }
            None => assert!(st.inherited),
        }
    }
    assert_eq!(ladder.steps[0].y, ys[0]);
    assert_eq!(ladder.steps[2].y, ys[2]);
    assert!(ladder.path.starts_with('M') && ladder.path.contains(" V"));
    // The card in the ladder lane sits below the rungs, inside the lane.
    let c = card_of(&s, "c-rung");
    assert!(c.y > ys[0] + RUNG_STEP / 2.0 && c.y + c.height <= lane.y + lane.height);
}

/// The body text's size: a baseline lies less than this below its line's middle.
const BODY_SIZE: f32 = 12.5;

#[test]
fn a_ladder_lane_without_a_ladder_is_an_ordinary_lane_and_collapsed_ones_draw_none() {
    let mut doc = ladder_doc();
    doc.ladder.clear();
    let s = layout(&doc);
    let lane = s.lanes.iter().find(|l| l.id == "l-ladder").unwrap();
    assert!(s.ladder[0].rungs.is_empty() && s.ladder[0].steps.is_empty());
    assert_eq!(s.ladder[0].path, "");
    let c = card_of(&s, "c-rung");
    assert_eq!(c.y, lane.y + LANE_PAD_Y);

    let mut doc = ladder_doc();
    doc.maps[0].lanes[1].collapsed = true;
    assert!(layout(&doc).ladder.is_empty());
}

#[test]
fn points_of_vulnerability_carry_their_severity_and_heat_their_stage() {
    let s = layout(&ladder_doc());
    assert_eq!(card_of(&s, "c-v3").severity, Some(3));
    assert_eq!(card_of(&s, "c-v1").severity, Some(1));
    assert_eq!(card_of(&s, "c-plain").severity, None);
    let heat: Vec<(&str, u8)> = s
        .heat
        .iter()
        .map(|h| (h.stage_id.as_str(), h.level))
        .collect();
    // s4's only vulnerability is in a hidden lane.
    assert_eq!(heat, [("s2", 5), ("s3", 1)]);
    let s2 = s.stages.iter().find(|x| x.id == "s2").unwrap();
    assert_eq!((s.heat[0].x, s.heat[0].width), (s2.x, s2.width));
    assert_ne!(s.heat[0].color, s.heat[1].color);

    // Severities outside 1..=3 are clamped, and the level is capped at 9.
    let mut doc = ladder_doc();
    for i in 0..5 {
        let mut c = card(
            &format!("x{i}"),
            "s1",
            "l-touch",
            LaneKind::Touchpoints,
            "Risk",
            "",
        );
        c.flags.point_of_vulnerability = true;
        c.plan.vulnerability.severity = if i == 0 { 0 } else { 200 };
        doc.maps[0].cards.push(c);
    }
    let s = layout(&doc);
    assert_eq!(card_of(&s, "x0").severity, Some(1));
    assert_eq!(card_of(&s, "x1").severity, Some(3));
    assert_eq!(s.heat[0].stage_id, "s1");
    assert_eq!(s.heat[0].level, 9);
}

#[test]
fn a_card_carries_its_title_as_typed_for_its_accessible_name() {
    let scene = layout(&template_doc());
    let card = card_of(&scene, "c-act-gift");
    let joined: Vec<&str> = card.title.iter().map(|l| l.text.as_str()).collect();
    // The wrapped lines break "e-mail" after its hyphen: joined, they misspell it.
    assert!(joined.len() > 1, "the title did not wrap: {joined:?}");
    assert_ne!(joined.join(" "), "Gives $10 and opts in to e-mail");
    assert_eq!(card.title_text, "Gives $10 and opts in to e-mail");
}
