//! Connectors in the Scene keep out of each other's way: no path runs through a card when
//! there is a way around, and no label sits on a card, another label or another
//! connector's line — on the sample map and on maps built to provoke it. The screen and
//! both exports draw these positions, so holding them here holds them everywhere.

use waymark_model::*;
use waymark_render::*;

// ---- fixtures -------------------------------------------------------------------------

fn template_doc() -> Document {
    serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap()
}

fn stage(id: &str) -> Stage {
    Stage {
        rung_id: None,
        id: id.into(),
        name: id.to_uppercase(),
        color: None,
        width: 220,
        speaker_notes: String::new(),
    }
}

fn lane(id: &str) -> Lane {
    Lane {
        id: id.into(),
        name: id.into(),
        kind: LaneKind::Touchpoints,
        color: None,
        collapsed: false,
        hidden: false,
        hidden_for_outsiders: false,
    }
}

fn card(id: &str, stage: &str, lane: &str, body: &str) -> Card {
    Card {
        plan: Default::default(),
        id: id.into(),
        stage_id: stage.into(),
        lane_id: lane.into(),
        kind: LaneKind::Touchpoints,
        title: format!("Card {id}"),
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

/// A map of `stages` columns and the lanes `l1`, `l2`, holding `cards` and `connectors`.
fn doc(stages: usize, cards: Vec<Card>, connectors: Vec<Connector>) -> Document {
    let mut map = Map::new("m", "Connectors");
    map.stages = (1..=stages).map(|i| stage(&format!("s{i}"))).collect();
    map.lanes = vec![lane("l1"), lane("l2")];
    map.cards = cards;
    map.connectors = connectors;
    Document {
        maps: vec![map],
        ..Default::default()
    }
}

/// Lays the map out. With `CONNECTOR_PNG_DIR` set, also writes it there as a PNG named
/// after the test, to look at.
fn layout(doc: &Document) -> Scene {
    let scene = Layouter::new().layout(doc, &doc.maps[0].id).unwrap();
    if let Some(dir) = std::env::var_os("CONNECTOR_PNG_DIR") {
        use waymark_render::export::*;
        let name = std::thread::current()
            .name()
            .unwrap_or("map")
            .replace("::", "-");
        let opts = ExportOptions {
            format: ExportFormat::Png,
            page: PaperSize::Fit,
            dpi: 96,
            title_block: false,
            legend: false,
            ..ExportOptions::default()
        };
        let info = info_for(doc, &scene, "", "2025-01-01");
        let path = std::path::Path::new(&dir).join(format!("{name}.png"));
        export_to_file(doc, &scene, &opts, &info, &path, &mut |_| true).unwrap();
    }
    scene
}

// ---- geometry ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Box2 {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl Box2 {
    fn overlaps(&self, o: &Box2) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// What a label's text covers: its width, from a little under the ascenders' height above
/// the baseline to the descenders below it.
fn label_box(l: &TextLine, fonts: &SceneFonts) -> Box2 {
    Box2 {
        x0: l.x,
        y0: l.y - 0.9 * fonts.body_size,
        x1: l.x + l.width,
        y1: l.y + 0.2 * fonts.body_size,
    }
}

/// A card's inside: a line running along its edge, where connectors start and end, does
/// not count as crossing it.
fn card_box(c: &SceneCard) -> Box2 {
    Box2 {
        x0: c.x + 1.5,
        y0: c.y + 1.5,
        x1: c.x + c.width - 1.5,
        y1: c.y + c.height - 1.5,
    }
}

/// The polyline through a connector's path (absolute `M` and `C` commands).
fn flatten(path: &str) -> Vec<(f32, f32)> {
    let nums: Vec<f32> = path
        .split([' ', ',', 'M', 'C'])
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap_or_else(|_| panic!("not M/C: {path}")))
        .collect();
    assert!(
        path.starts_with('M') && nums.len() >= 2 && (nums.len() - 2).is_multiple_of(6),
        "{path}"
    );
    let mut out = vec![(nums[0], nums[1])];
    for c in nums[2..].chunks(6) {
        let p0 = *out.last().unwrap();
        for i in 1..=32 {
            let t = i as f32 / 32.0;
            let u = 1.0 - t;
            let (a, b, cc, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            out.push((
                a * p0.0 + b * c[0] + cc * c[2] + d * c[4],
                a * p0.1 + b * c[1] + cc * c[3] + d * c[5],
            ));
        }
    }
    out
}

/// Whether the segment from `a` to `b` enters the box (Liang–Barsky).
fn segment_enters(a: (f32, f32), b: (f32, f32), r: &Box2) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

fn line_enters(points: &[(f32, f32)], r: &Box2) -> bool {
    points.windows(2).any(|w| segment_enters(w[0], w[1], r))
}

// ---- the checks -------------------------------------------------------------------------

/// Every way a connector label collides, as readable sentences.
fn label_collisions(s: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    let paths: Vec<Vec<(f32, f32)>> = s.connectors.iter().map(|k| flatten(&k.path)).collect();
    for (i, k) in s.connectors.iter().enumerate() {
        let Some(l) = &k.label else { continue };
        let b = label_box(l, &s.fonts);
        for c in &s.cards {
            if b.overlaps(&card_box(c)) {
                out.push(format!(
                    "label {:?} of {} covers card {}",
                    l.text, k.id, c.id
                ));
            }
        }
        for (j, other) in s.connectors.iter().enumerate() {
            if j == i {
                continue;
            }
            if line_enters(&paths[j], &b) {
                out.push(format!(
                    "label {:?} of {} lies on connector {}",
                    l.text, k.id, other.id
                ));
            }
            if let Some(ol) = &other.label {
                if j > i && b.overlaps(&label_box(ol, &s.fonts)) {
                    out.push(format!("labels {:?} and {:?} overlap", l.text, ol.text));
                }
            }
        }
    }
    out
}

/// Every connector that runs through a card, as readable sentences.
fn cards_crossed(s: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    for k in &s.connectors {
        let line = flatten(&k.path);
        for c in &s.cards {
            if line_enters(&line, &card_box(c)) {
                out.push(format!("connector {} runs through card {}", k.id, c.id));
            }
        }
    }
    out
}

/// Every pair of connectors that run along the same stretch of line (straight pieces
/// on top of each other), as readable sentences.
fn shared_stretches(s: &Scene) -> Vec<String> {
    // The path's horizontal and vertical pieces, the flattened curve's steps along one
    // line joined into one piece.
    let straight = |path: &str| -> Vec<((f32, f32), (f32, f32))> {
        let mut out: Vec<((f32, f32), (f32, f32))> = Vec::new();
        for w in flatten(path).windows(2) {
            let (a, b) = (w[0], w[1]);
            let (v, h) = ((a.0 - b.0).abs() < 0.01, (a.1 - b.1).abs() < 0.01);
            if !(v || h) || (v && h) {
                continue;
            }
            match out.last_mut() {
                Some(last)
                    if last.1 == a
                        && ((v && (last.0 .0 - a.0).abs() < 0.01)
                            || (h && (last.0 .1 - a.1).abs() < 0.01)) =>
                {
                    last.1 = b
                }
                _ => out.push((a, b)),
            }
        }
        out
    };
    // Two axis-aligned pieces on one line sharing more than a couple of units.
    let share = |p: &((f32, f32), (f32, f32)), q: &((f32, f32), (f32, f32))| {
        let span = |a: f32, b: f32| (a.min(b), a.max(b));
        let common = |(a0, a1): (f32, f32), (b0, b1): (f32, f32)| a1.min(b1) - a0.max(b0);
        let vertical = |r: &((f32, f32), (f32, f32))| (r.0 .0 - r.1 .0).abs() < 0.01;
        if vertical(p) && vertical(q) && (p.0 .0 - q.0 .0).abs() < 1.0 {
            common(span(p.0 .1, p.1 .1), span(q.0 .1, q.1 .1)) > 2.0
        } else if !vertical(p) && !vertical(q) && (p.0 .1 - q.0 .1).abs() < 1.0 {
            common(span(p.0 .0, p.1 .0), span(q.0 .0, q.1 .0)) > 2.0
        } else {
            false
        }
    };
    let pieces: Vec<_> = s.connectors.iter().map(|k| straight(&k.path)).collect();
    let mut out = Vec::new();
    for i in 0..pieces.len() {
        for j in i + 1..pieces.len() {
            if pieces[i]
                .iter()
                .any(|p| pieces[j].iter().any(|q| share(p, q)))
            {
                out.push(format!(
                    "connectors {} and {} share a stretch",
                    s.connectors[i].id, s.connectors[j].id
                ));
            }
        }
    }
    out
}

// ---- the sample map ---------------------------------------------------------------------

#[test]
fn the_sample_maps_labels_clear_cards_lines_and_each_other() {
    let s = layout(&template_doc());
    assert!(
        s.connectors.iter().filter(|k| k.label.is_some()).count() >= 2,
        "the sample has labelled connectors"
    );
    let found = label_collisions(&s);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_sample_maps_connectors_run_around_the_cards() {
    let s = layout(&template_doc());
    let found = cards_crossed(&s);
    assert!(found.is_empty(), "{found:#?}");
    let found = shared_stretches(&s);
    assert!(found.is_empty(), "{found:#?}");
}

// ---- built cases ------------------------------------------------------------------------

/// Two return arcs over the same columns of one lane (as "word of mouth" and
/// "re-marketing" in the sample): their midpoints and labels would coincide.
#[test]
fn labels_of_two_returns_over_the_same_columns_do_not_collide() {
    let cards = vec![
        card("a", "s1", "l1", ""),
        card("b", "s2", "l1", ""),
        card("c", "s3", "l1", ""),
        card("d", "s4", "l1", ""),
    ];
    let s = layout(&doc(
        4,
        cards,
        vec![
            connector("k1", "d", "a", ConnectorKind::WordOfMouth, "word of mouth"),
            connector("k2", "c", "b", ConnectorKind::LoopBack, "re-marketing"),
            connector("k3", "d", "b", ConnectorKind::LoopBack, "reminder"),
        ],
    ));
    assert_eq!(s.connectors.len(), 3);
    let found = label_collisions(&s);
    assert!(found.is_empty(), "{found:#?}");
    let found = cards_crossed(&s);
    assert!(found.is_empty(), "{found:#?}");
}

/// A same-column connector's label used to go right of its bulge's middle, into the next
/// column whatever was there: here a card sits there, with room below it.
#[test]
fn a_label_does_not_cover_the_card_beside_its_connector() {
    let cards = vec![
        card("top", "s1", "l1", ""),
        card("under", "s1", "l1", ""),
        card("beside", "s2", "l1", ""),
    ];
    let s = layout(&doc(
        2,
        cards,
        vec![connector("k", "top", "under", ConnectorKind::Flow, "then")],
    ));
    let found = label_collisions(&s);
    assert!(found.is_empty(), "{found:#?}");
}

/// A flow from the first column to the fourth, with cards in the two columns between at
/// the height of its ends.
#[test]
fn a_flow_skipping_columns_goes_around_the_cards_between() {
    let cards = vec![
        card("from", "s1", "l1", ""),
        card("mid1", "s2", "l1", "In the way"),
        card("mid2", "s3", "l1", "Also in the way"),
        card("to", "s4", "l1", ""),
        card("low", "s3", "l2", ""),
    ];
    let s = layout(&doc(
        4,
        cards,
        vec![connector("k", "from", "to", ConnectorKind::Flow, "later")],
    ));
    let found = cards_crossed(&s);
    assert!(found.is_empty(), "{found:#?}");
    let k = &s.connectors[0];
    assert_eq!(k.end_angle, 0.0, "it still arrives from the left");
    let to = s.cards.iter().find(|c| c.id == "to").unwrap();
    assert_eq!((k.end_x, k.end_y), (to.x, to.y + to.height / 2.0));
    let found = label_collisions(&s);
    assert!(found.is_empty(), "{found:#?}");
}

/// Returns from and to cards with another card stacked below them, within one lane and
/// across lanes: an arc leaving the bottom (or top) of such a card would cut through its
/// neighbour.
#[test]
fn returns_from_stacked_cards_go_around_their_neighbours() {
    let cards = vec![
        card("a-top", "s1", "l1", ""),
        card("a-low", "s1", "l1", ""),
        card("b", "s2", "l1", "A card in the middle column"),
        card("c-top", "s3", "l1", ""),
        card("c-low", "s3", "l1", ""),
        card("d-top", "s4", "l2", ""),
        card("d-low", "s4", "l2", ""),
        card("e-top", "s2", "l2", ""),
        card("e-low", "s2", "l2", ""),
    ];
    let s = layout(&doc(
        4,
        cards,
        vec![
            connector(
                "k1",
                "c-top",
                "a-top",
                ConnectorKind::WordOfMouth,
                "tells a friend",
            ),
            connector(
                "k2",
                "d-low",
                "a-low",
                ConnectorKind::LoopBack,
                "comes back",
            ),
            connector("k3", "d-top", "e-low", ConnectorKind::LoopBack, ""),
            connector("k4", "c-low", "b", ConnectorKind::LoopBack, "again"),
        ],
    ));
    assert_eq!(s.connectors.len(), 4);
    let found = cards_crossed(&s);
    assert!(found.is_empty(), "{found:#?}");
    // Two of them leave the same gap downwards, side by side.
    let found = shared_stretches(&s);
    assert!(found.is_empty(), "{found:#?}");
    let found = label_collisions(&s);
    assert!(found.is_empty(), "{found:#?}");
    // Still loops: each ends on its target pointing up, down or left, never right as a
    // forward flow does.
    for k in &s.connectors {
        assert_ne!(k.end_angle, 0.0, "{} reads as a forward flow", k.id);
    }
}

/// Ten labelled connectors of every kind of route among ten cards: every label still finds
/// a place of its own.
#[test]
fn many_labels_on_one_busy_map_all_find_room() {
    let mut cards = Vec::new();
    for s in 1..=5 {
        for l in 1..=2 {
            cards.push(card(
                &format!("c{s}{l}"),
                &format!("s{s}"),
                &format!("l{l}"),
                "",
            ));
        }
    }
    let connectors = [
        ("c11", "c21"),
        ("c21", "c31"),
        ("c31", "c41"),
        ("c41", "c51"),
        ("c31", "c11"),
        ("c51", "c21"),
        ("c12", "c42"),
        ("c42", "c12"),
        ("c11", "c12"),
        ("c52", "c51"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (from, to))| {
        connector(
            &format!("k{i}"),
            from,
            to,
            ConnectorKind::Flow,
            &format!("step {i}"),
        )
    })
    .collect();
    let s = layout(&doc(5, cards, connectors));
    assert_eq!(s.connectors.len(), 10);
    let found = label_collisions(&s);
    assert!(found.is_empty(), "{found:#?}");
    let found = cards_crossed(&s);
    assert!(found.is_empty(), "{found:#?}");
}

/// Each connector's `bounds` hold everything drawn for it (its whole path, its arrow end
/// and its label), so a drawer that culls by them never drops a visible line: on the
/// sample map, whose return loops run far from their cards.
#[test]
fn a_connectors_bounds_hold_its_path_arrow_and_label() {
    let s = layout(&template_doc());
    assert!(!s.connectors.is_empty());
    for k in &s.connectors {
        let b = Box2 {
            x0: k.bounds.x,
            y0: k.bounds.y,
            x1: k.bounds.x + k.bounds.width,
            y1: k.bounds.y + k.bounds.height,
        };
        let inside = |(x, y): (f32, f32)| b.x0 <= x && x <= b.x1 && b.y0 <= y && y <= b.y1;
        for p in flatten(&k.path) {
            assert!(inside(p), "{}: path point {p:?} outside {b:?}", k.id);
        }
        assert!(
            inside((k.end_x, k.end_y)),
            "{}: arrow end outside {b:?}",
            k.id
        );
        if let Some(l) = &k.label {
            let t = label_box(l, &s.fonts);
            assert!(
                inside((t.x0, t.y0)) && inside((t.x1, t.y1)),
                "{}: label {t:?} outside {b:?}",
                k.id
            );
        }
    }
}
