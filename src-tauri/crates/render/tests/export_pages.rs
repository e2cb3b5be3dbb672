//! Export pages: the map as SVG (escaped, parseable, deterministic) and composed on paper,
//! with a title block and a legend, and as a poster tiled on small sheets.

use waymark_model::*;
use waymark_render::export::*;
use waymark_render::*;

// ---- fixtures -------------------------------------------------------------------------

fn template_doc() -> Document {
    serde_json::from_str(include_str!(
        "../../../../assets/templates/nonprofit-supporter.json"
    ))
    .unwrap()
}

fn template_scene() -> Scene {
    let doc = template_doc();
    Layouter::new().layout(&doc, &doc.maps[0].id).unwrap()
}

const SCRIPT: &str = r#"<script>alert(1)</script> & "quotes""#;

/// The template with hostile and accented text in the places a user can type.
fn hostile_scene() -> Scene {
    let mut doc = template_doc();
    let map = &mut doc.maps[0];
    map.name = "Tom & Jerry's <map>".into();
    map.cards[0].title = SCRIPT.into();
    map.cards[0].body = "Café Crème — naïve 'quotes'".into();
    map.lanes[0].name = "Lane <b>bold</b>".into();
    map.stages[0].name = "Stage \"one\" & <two>".into();
    doc.channels[0].name = "Chan <nel> & co".into();
    doc.channels[0].icon = "<&".into();
    doc.personas[0].name = "Maya <img src=x>".into();
    let id = doc.maps[0].id.clone();
    Layouter::new().layout(&doc, &id).unwrap()
}

fn info() -> ExportInfo {
    ExportInfo {
        title: "From $10 gift to major donor".into(),
        author: String::new(),
        persona: "Maya, Robert".into(),
        date: "2025-03-14".into(),
    }
}

fn opts(page: PaperSize, orientation: Orientation) -> ExportOptions {
    ExportOptions {
        format: ExportFormat::Pdf,
        page,
        orientation,
        ..ExportOptions::default()
    }
}

/// All the text a parsed tree holds, chunk by chunk.
fn tree_text(tree: &usvg::Tree) -> Vec<String> {
    fn walk(group: &usvg::Group, out: &mut Vec<String>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    for chunk in t.chunks() {
                        out.push(chunk.text().to_string());
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

// ---- the map as SVG -----------------------------------------------------------------------

#[test]
fn user_text_is_escaped_and_reads_back_exactly() {
    let scene = hostile_scene();
    let svg = scene_svg(&scene);
    assert!(!svg.contains("<script"), "raw markup in the SVG");
    assert!(!svg.contains("<b>") && !svg.contains("<img") && !svg.contains("<nel>"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("&amp;"));
    assert!(svg.contains("&quot;quotes&quot;") || svg.contains("&quot;quotes"));
    assert!(svg.contains("Café Crème"));
    assert!(svg.contains("<title>Tom &amp; Jerry&apos;s &lt;map&gt;</title>"));

    let tree = parse_svg(&svg).expect("the escaped SVG parses");
    let text = squash(&tree_text(&tree).concat());
    assert!(
        text.contains(&squash(SCRIPT)),
        "the title reads back as typed"
    );
    assert!(text.contains("CaféCrème"));
    assert!(text.contains(&squash("Chan <nel> & co")));
    assert!(text.contains(&squash("Lane <b>bold</b>")));
    assert!(text.contains(&squash("Maya <img src=x>")));
}

/// The template with an engagement-ladder lane (a hostile rung name among them) and
/// points of vulnerability of each severity.
fn ladder_scene() -> Scene {
    let mut doc = template_doc();
    doc.ladder = default_ladder();
    doc.ladder[1].name = "Part <i>icipant</i> & co".into();
    let map = &mut doc.maps[0];
    map.stages[0].rung_id = Some("rung-donor".into());
    map.stages[2].rung_id = Some("rung-participant".into());
    map.stages[4].rung_id = Some("rung-advocate".into());
    // The sample's ladder lane, moved up under the touchpoints.
    let at = map
        .lanes
        .iter()
        .position(|l| l.kind == LaneKind::Ladder)
        .expect("the sample has a ladder lane");
    let lane = map.lanes.remove(at);
    map.lanes.insert(1, lane);
    for (i, card) in map.cards.iter_mut().take(3).enumerate() {
        card.flags.point_of_vulnerability = true;
        card.plan.vulnerability.severity = i as u8 + 1;
    }
    let id = map.id.clone();
    Layouter::new().layout(&doc, &id).unwrap()
}

#[test]
fn the_ladder_and_severities_are_drawn_and_escaped() {
    let scene = ladder_scene();
    let svg = scene_svg(&scene);
    assert_eq!(svg.matches("<g class=\"ladder\">").count(), 1);
    assert!(!svg.contains("<i>"), "raw markup in the SVG");
    let ladder = &scene.ladder[0];
    // A dashed guide per rung, the stepped line, a marker per stage from the first rung on.
    assert_eq!(
        svg.matches("stroke-dasharray=\"4 4\"").count(),
        ladder.rungs.len()
    );
    assert!(svg.contains(&format!("d=\"{}\"", ladder.path)));
    assert_eq!(ladder.steps.len(), scene.stages.len());
    let tree = parse_svg(&svg).expect("parses");
    let text = tree_text(&tree);
    let squashed = squash(&text.concat());
    assert!(squashed.contains(&squash("Part <i>icipant</i> & co")));
    for rung in ["Donor", "Volunteer", "Advocate", "Major donor"] {
        assert!(text.iter().any(|t| t == rung), "{rung} named");
    }
    // Each flagged card's severity beside its triangle.
    for n in 1..=3 {
        let tag = format!(">{}</text></g>", "!".repeat(n));
        assert!(svg.contains(&tag), "severity {n}");
    }
    let flagged = scene.cards.iter().filter(|c| c.severity.is_some()).count();
    assert!(flagged >= 3);
    assert_eq!(svg.matches("class=\"marker severity\"").count(), flagged);
    let bbox = tree.root().abs_bounding_box();
    assert!(bbox.right() <= scene.width + 0.5 && bbox.bottom() <= scene.height + 0.5);
}

#[test]
fn the_map_svg_is_the_scene_size_and_draws_every_card() {
    let scene = template_scene();
    let svg = scene_svg(&scene);
    let tree = parse_svg(&svg).unwrap();
    assert!((tree.size().width() - scene.width).abs() < 0.01);
    assert!((tree.size().height() - scene.height).abs() < 0.01);
    assert_eq!(svg.matches("<g class=\"card\">").count(), scene.cards.len());
    assert_eq!(
        svg.matches("<g class=\"connector ").count(),
        scene.connectors.len()
    );
    // Each connector kind is drawn its own way.
    assert!(svg.contains("stroke-dasharray=\"8 5\"")); // word of mouth
    assert!(svg.contains("stroke-dasharray=\"0.1 5\"")); // hand-off
    assert!(svg.contains("stroke=\"#d9480f\"")); // loop-back
                                                 // The fonts are the bundled ones, in the weights the Scene was shaped with.
    assert!(svg.contains("font-family=\"Inter\""));
    assert!(svg.contains("font-weight=\"600\"") && svg.contains("font-weight=\"400\""));
    // Nothing outside: no links, no imports.
    assert!(!svg.contains("href") && !svg.contains("@import") && !svg.contains("url("));
    // Every drawn line of text is inside the drawing.
    let bbox = tree.root().abs_bounding_box();
    assert!(bbox.left() >= -0.5 && bbox.top() >= -0.5, "{bbox:?}");
    assert!(
        bbox.right() <= scene.width + 0.5 && bbox.bottom() <= scene.height + 0.5,
        "{bbox:?}"
    );
}

#[test]
fn colours_that_are_not_hex_fall_back() {
    let mut scene = template_scene();
    scene.cards[0].fill = "red\" onload=\"alert(1)".into();
    scene.cards[0].stroke = "url(#evil)".into();
    scene.stages[0].color = "javascript:x".into();
    scene.lanes[0].color = "#12345".into();
    if let Some(ch) = scene.cards.iter_mut().find_map(|c| c.channel.as_mut()) {
        ch.color = "<x>".into();
    }
    let svg = scene_svg(&scene);
    assert!(!svg.contains("onload") && !svg.contains("#evil") && !svg.contains("javascript"));
    assert!(!svg.contains("#12345\""));
    parse_svg(&svg).unwrap();
}

#[test]
fn a_generated_map_and_an_empty_map_draw() {
    let doc = generate(GenerateSpec {
        stages: 7,
        lanes: 6,
        cards: 150,
        seed: 11,
    });
    let mut scene = Layouter::new().layout(&doc, "generated").unwrap();
    parse_svg(&scene_svg(&scene)).unwrap();
    // A loop that swings far below the grid (its lowest point 150 under the last lane):
    // the page makes room for it, so it stays inside the margins and clear of the title
    // block.
    let (_, bottom) = grid_edges(&scene);
    let low = bottom + 200.0;
    scene.connectors[0].path = format!("M 300 {bottom} C 300 {low} 900 {low} 900 {bottom}");
    let o = ExportOptions {
        background: Background::Transparent,
        ..opts(PaperSize::A3, Orientation::Landscape)
    };
    let page = &compose(&scene, &o, &info()).unwrap()[0];
    let tree = parse_svg(&page.svg).unwrap();
    let b = tree.root().abs_stroke_bounding_box();
    let m = o.margin_mm * PT_PER_MM - 0.5;
    assert!(b.left() >= m && b.top() >= m, "{b:?}");
    assert!(
        b.right() <= page.width_pt - m && b.bottom() <= page.height_pt - m,
        "{b:?}"
    );
    // On a page of its own size without blocks or margins, the page is the drawing.
    let bare = ExportOptions {
        title_block: false,
        legend: false,
        margin_mm: 0.0,
        background: Background::Transparent,
        ..ExportOptions::default()
    };
    let page = &compose(&scene, &bare, &info()).unwrap()[0];
    assert!(
        page.height_pt > (bottom + 140.0) * 0.75,
        "room for the loop"
    );
    let b = parse_svg(&page.svg)
        .unwrap()
        .root()
        .abs_stroke_bounding_box();
    assert!(
        b.top() >= -0.5 && b.bottom() <= page.height_pt + 0.5,
        "{b:?}"
    );
    assert!(
        (b.bottom() - page.height_pt).abs() < 1.0,
        "{b:?} {}",
        page.height_pt
    );

    let mut empty = Document::default();
    empty.maps.push(Map::new("m", "Empty"));
    let scene = Layouter::new().layout(&empty, "m").unwrap();
    parse_svg(&scene_svg(&scene)).unwrap();
    for page in compose(&scene, &ExportOptions::default(), &info()).unwrap() {
        parse_svg(&page.svg).unwrap();
    }
}

// ---- pages ------------------------------------------------------------------------------

#[test]
fn pages_have_the_paper_size_in_points() {
    let scene = template_scene();
    let a4 = compose(&scene, &opts(PaperSize::A4, Orientation::Portrait), &info()).unwrap();
    assert_eq!(a4.len(), 1);
    assert!((a4[0].width_pt - 595.28).abs() < 0.01, "{}", a4[0].width_pt);
    assert!(
        (a4[0].height_pt - 841.89).abs() < 0.01,
        "{}",
        a4[0].height_pt
    );
    assert!(a4[0]
        .svg
        .contains("width=\"595.28\" height=\"841.89\" viewBox=\"0 0 595.28 841.89\""));
    assert!(
        !a4[0].svg.contains("pt\""),
        "unitless points, never pt units"
    );

    let a1 = compose(
        &scene,
        &opts(PaperSize::A1, Orientation::Landscape),
        &info(),
    )
    .unwrap();
    assert!((a1[0].width_pt - 2383.94).abs() < 0.01);
    assert!((a1[0].height_pt - 1683.78).abs() < 0.01);

    for paper in [
        PaperSize::A4,
        PaperSize::A3,
        PaperSize::A2,
        PaperSize::A1,
        PaperSize::A0,
        PaperSize::Letter,
        PaperSize::Tabloid,
    ] {
        let (w, h) = paper.portrait_mm().unwrap();
        for (orientation, (pw, ph)) in [
            (Orientation::Portrait, (w, h)),
            (Orientation::Landscape, (h, w)),
        ] {
            let pages = compose(&scene, &opts(paper, orientation), &info()).unwrap();
            assert_eq!(pages.len(), 1);
            let page = &pages[0];
            assert!(
                (page.width_pt - pw * PT_PER_MM).abs() < 0.01,
                "{paper:?} {orientation:?}"
            );
            assert!(
                (page.height_pt - ph * PT_PER_MM).abs() < 0.01,
                "{paper:?} {orientation:?}"
            );
            assert_eq!(page.label, None);
            let tree = parse_svg(&page.svg).unwrap();
            assert!((tree.size().width() - page.width_pt).abs() < 0.01);
            assert!((tree.size().height() - page.height_pt).abs() < 0.01);
        }
    }
}

#[test]
fn content_stays_inside_the_margins() {
    let scene = template_scene();
    for (paper, orientation) in [
        (PaperSize::A4, Orientation::Portrait),
        (PaperSize::A3, Orientation::Landscape),
        (PaperSize::A0, Orientation::Landscape),
        (PaperSize::Fit, Orientation::Landscape),
    ] {
        let o = ExportOptions {
            background: Background::Transparent,
            ..opts(paper, orientation)
        };
        let page = &compose(&scene, &o, &info()).unwrap()[0];
        let tree = parse_svg(&page.svg).unwrap();
        let b = tree.root().abs_bounding_box();
        let m = o.margin_mm * PT_PER_MM - 0.5;
        assert!(b.left() >= m && b.top() >= m, "{paper:?}: {b:?}");
        assert!(
            b.right() <= page.width_pt - m && b.bottom() <= page.height_pt - m,
            "{paper:?}: {b:?} on {}×{}",
            page.width_pt,
            page.height_pt
        );
    }
}

#[test]
fn a_fit_page_is_the_map_at_three_quarters_plus_margins_and_blocks() {
    let scene = template_scene();
    let margin = 10.0 * PT_PER_MM;
    let bare = ExportOptions {
        title_block: false,
        legend: false,
        ..ExportOptions::default()
    };
    let page = &compose(&scene, &bare, &info()).unwrap()[0];
    let (right, bottom) = grid_edges(&scene);
    assert!((page.width_pt - (right * 0.75 + 2.0 * margin)).abs() < 0.01);
    assert!((page.height_pt - (bottom * 0.75 + 2.0 * margin)).abs() < 0.01);
    assert!(
        page.svg.contains("scale(0.75)"),
        "the map at its natural size"
    );

    let full = &compose(&scene, &ExportOptions::default(), &info()).unwrap()[0];
    assert!(
        (full.width_pt - page.width_pt).abs() < 0.01,
        "the blocks fit under the map"
    );
    let footer = full.height_pt - page.height_pt;
    assert!(
        footer > 80.0 && footer < 250.0,
        "a footer of {footer} pt under the map"
    );

    let no_margin = ExportOptions {
        margin_mm: 0.0,
        ..bare.clone()
    };
    let page = &compose(&scene, &no_margin, &info()).unwrap()[0];
    assert!((page.width_pt - right * 0.75).abs() < 0.01);
}

#[test]
fn title_block_and_legend_can_be_turned_off() {
    let scene = template_scene();
    let with = |title_block: bool, legend: bool| {
        let o = ExportOptions {
            title_block,
            legend,
            ..opts(PaperSize::A3, Orientation::Landscape)
        };
        let svg = compose(&scene, &o, &info()).unwrap().remove(0).svg;
        parse_svg(&svg).unwrap();
        svg
    };
    let both = with(true, true);
    for needle in [
        ">From $10 gift to major donor<",
        ">Maya, Robert<",
        ">2025-03-14<",
        ">Waymark<",
        ">LANES<",
        ">CHANNELS<",
        ">CONNECTORS<",
        ">MARKERS<",
        ">Supporter actions<",
        ">Local search<",
        ">Word of mouth<",
        ">Hand-off<",
        ">Loop-back<",
    ] {
        assert!(both.contains(needle), "{needle} missing");
    }
    let title_only = with(true, false);
    assert!(title_only.contains(">Maya, Robert<") && !title_only.contains(">LANES<"));
    let legend_only = with(false, true);
    assert!(legend_only.contains(">LANES<") && !legend_only.contains(">2025-03-14<"));
    let neither = with(false, false);
    assert!(!neither.contains(">LANES<") && !neither.contains(">2025-03-14<"));
    assert!(!neither.contains("class=\"footer\""));
}

#[test]
fn the_background_is_white_or_nothing() {
    let scene = template_scene();
    let white = &compose(
        &scene,
        &opts(PaperSize::A4, Orientation::Landscape),
        &info(),
    )
    .unwrap()[0];
    assert!(white
        .svg
        .contains("<rect x=\"0\" y=\"0\" width=\"841.89\" height=\"595.28\" fill=\"#ffffff\"/>"));
    let o = ExportOptions {
        background: Background::Transparent,
        ..opts(PaperSize::A4, Orientation::Landscape)
    };
    let clear = &compose(&scene, &o, &info()).unwrap()[0];
    assert!(!clear
        .svg
        .contains("width=\"841.89\" height=\"595.28\" fill=\"#ffffff\""));
}

#[test]
fn page_text_is_escaped_too() {
    let scene = hostile_scene();
    let hostile = ExportInfo {
        title: "A & B <c>".into(),
        author: String::new(),
        persona: "<script>x</script>".into(),
        date: "2025-01-01\"".into(),
    };
    let o = ExportOptions {
        tile: Some(PaperSize::A4),
        ..opts(PaperSize::A2, Orientation::Landscape)
    };
    for page in compose(&scene, &o, &hostile).unwrap() {
        assert!(!page.svg.contains("<script") && !page.svg.contains("<c>"));
        assert!(!page.svg.contains("<nel>"));
        parse_svg(&page.svg).unwrap();
    }
}

#[test]
fn compose_is_deterministic() {
    let a = template_scene();
    let b = template_scene();
    assert_eq!(scene_svg(&a), scene_svg(&b));
    let o = ExportOptions {
        tile: Some(PaperSize::A4),
        ..opts(PaperSize::A1, Orientation::Landscape)
    };
    assert_eq!(
        compose(&a, &o, &info()).unwrap(),
        compose(&b, &o, &info()).unwrap()
    );
    let fit = ExportOptions::default();
    assert_eq!(
        compose(&a, &fit, &info()).unwrap(),
        compose(&a, &fit, &info()).unwrap()
    );
}

#[test]
fn bad_options_name_the_option() {
    let scene = template_scene();
    let check = |o: ExportOptions, name: &str, got: &str| match compose(&scene, &o, &info()) {
        Err(ExportError::BadOptions(msg)) => {
            assert!(msg.contains(name), "{msg:?} does not name {name}");
            assert!(msg.contains(got), "{msg:?} does not say {got}");
        }
        other => panic!("expected BadOptions for {name}, got {other:?}"),
    };
    let base = ExportOptions::default();
    check(
        ExportOptions {
            dpi: 1200,
            ..base.clone()
        },
        "dpi",
        "1200",
    );
    check(
        ExportOptions {
            dpi: 10,
            ..base.clone()
        },
        "dpi",
        "10",
    );
    check(
        ExportOptions {
            margin_mm: 80.0,
            ..base.clone()
        },
        "margin",
        "80",
    );
    check(
        ExportOptions {
            margin_mm: -1.0,
            ..base.clone()
        },
        "margin",
        "-1",
    );
    check(
        ExportOptions {
            margin_mm: f32::NAN,
            ..base.clone()
        },
        "margin",
        "NaN",
    );
    check(
        ExportOptions {
            tile: Some(PaperSize::Fit),
            ..base.clone()
        },
        "tile",
        "fit",
    );
    check(
        ExportOptions {
            tile: Some(PaperSize::A4),
            tile_overlap_mm: 70.0,
            ..base.clone()
        },
        "tile_overlap",
        "70",
    );
    assert_eq!(
        validate(&ExportOptions {
            dpi: 1200,
            ..base.clone()
        })
        .unwrap_err()
        .to_string(),
        "dpi must be between 72 and 600 (got 1200)"
    );
    assert!(validate(&base).is_ok());
}

// ---- posters tiled on small sheets --------------------------------------------------------

/// The numbers of `name="…"` in the first element carrying `marker`.
fn attr(svg: &str, marker: &str, name: &str) -> f32 {
    let at = svg
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} missing"));
    let rest = &svg[at..];
    let key = format!("{name}=\"");
    let start = rest.find(&key).unwrap() + key.len();
    let end = start + rest[start..].find('"').unwrap();
    rest[start..end].parse().unwrap()
}

/// The poster rectangle a sheet prints: its clip rectangle, moved by its translation.
fn sheet_region(svg: &str) -> (f32, f32, f32, f32) {
    let clip = "<clipPath id=\"sheet-clip\"><rect";
    let (cx, cy) = (attr(svg, clip, "x"), attr(svg, clip, "y"));
    let (w, h) = (attr(svg, clip, "width"), attr(svg, clip, "height"));
    let marker = "clip-path=\"url(#sheet-clip)\"><g transform=\"translate(";
    let at = svg.find(marker).unwrap() + marker.len();
    let nums: Vec<f32> = svg[at..at + svg[at..].find(')').unwrap()]
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    (cx - nums[0], cy - nums[1], w, h)
}

#[test]
fn an_a1_poster_tiles_onto_fifteen_a4_sheets_and_an_index() {
    // A1 landscape is 841 × 594 mm. An A4 sheet prints 190 × 277 mm portrait (10 mm
    // margins); with 10 mm overlap each further sheet adds 180 × 267 mm:
    // portrait 5 columns (190 + 4·180 = 910 ≥ 841) × 3 rows (277 + 2·267 = 811 ≥ 594) = 15;
    // landscape (277 × 190) needs 4 × 4 = 16, so portrait wins.
    let scene = template_scene();
    let o = ExportOptions {
        tile: Some(PaperSize::A4),
        ..opts(PaperSize::A1, Orientation::Landscape)
    };
    let pages = compose(&scene, &o, &info()).unwrap();
    assert_eq!(pages.len(), 16);
    assert_eq!(pages[0].label.as_deref(), Some("Sheet index"));
    let labels: Vec<&str> = pages[1..]
        .iter()
        .map(|p| p.label.as_deref().unwrap())
        .collect();
    let mut expected = Vec::new();
    for r in 1..=3 {
        for c in 1..=5 {
            expected.push(format!("Row {r} · Column {c}"));
        }
    }
    assert_eq!(labels, expected);

    // The index shows the grid, labelled.
    assert!(pages[0].svg.contains(">1,1<") && pages[0].svg.contains(">3,5<"));
    assert!(pages[0].svg.contains("15 sheets of A4 portrait"));

    let (poster_w, poster_h) = (2383.94f32, 1683.78f32);
    let mut regions = Vec::new();
    for page in &pages {
        parse_svg(&page.svg).unwrap();
    }
    for page in &pages[1..] {
        assert!((page.width_pt - 595.28).abs() < 0.01 && (page.height_pt - 841.89).abs() < 0.01);
        assert!(page.svg.contains("of 3 × 5"));
        assert!(page.svg.contains("From $10 gift to major donor"));
        assert!(page.svg.contains("class=\"crop-marks\""));
        assert!(page.svg.contains("class=\"registration-marks\""));
        let region = sheet_region(&page.svg);
        // The printable area is the sheet less 10 mm each side.
        assert!((region.2 - 190.0 * PT_PER_MM).abs() < 0.02);
        assert!((region.3 - 277.0 * PT_PER_MM).abs() < 0.02);
        regions.push(region);
    }
    // Neighbours overlap by 10 mm.
    let overlap = regions[0].0 + regions[0].2 - regions[1].0;
    assert!((overlap - 10.0 * PT_PER_MM).abs() < 0.02, "{overlap}");
    let overlap = regions[0].1 + regions[0].3 - regions[5].1;
    assert!((overlap - 10.0 * PT_PER_MM).abs() < 0.02, "{overlap}");
    // Together the sheets cover the whole poster.
    let steps = 120;
    for i in 0..=steps {
        for j in 0..=steps {
            let x = poster_w * i as f32 / steps as f32;
            let y = poster_h * j as f32 / steps as f32;
            assert!(
                regions.iter().any(|r| x >= r.0 - 0.01
                    && x <= r.0 + r.2 + 0.01
                    && y >= r.1 - 0.01
                    && y <= r.1 + r.3 + 0.01),
                "({x}, {y}) is on no sheet"
            );
        }
    }
}

#[test]
fn tiling_picks_the_orientation_that_needs_fewer_sheets() {
    let scene = template_scene();
    // A tall poster: A1 portrait (594 × 841 mm) on A4: landscape sheets (277 × 190) need
    // 3 columns × 5 rows = 15, portrait sheets 4 × 4 = 16.
    let o = ExportOptions {
        tile: Some(PaperSize::A4),
        ..opts(PaperSize::A1, Orientation::Portrait)
    };
    let pages = compose(&scene, &o, &info()).unwrap();
    assert_eq!(pages.len(), 16);
    assert!(pages[1].width_pt > pages[1].height_pt, "landscape sheets");
    assert_eq!(
        pages.last().unwrap().label.as_deref(),
        Some("Row 5 · Column 3")
    );

    // A poster that fits one sheet's printable area is one sheet (and the index).
    let small = ExportOptions {
        tile: Some(PaperSize::A3),
        ..opts(PaperSize::A4, Orientation::Landscape)
    };
    assert_eq!(compose(&scene, &small, &info()).unwrap().len(), 2);

    // A fit-size poster tiles too.
    let fit = ExportOptions {
        tile: Some(PaperSize::A4),
        ..opts(PaperSize::Fit, Orientation::Landscape)
    };
    let pages = compose(&scene, &fit, &info()).unwrap();
    assert!(pages.len() > 2);
    for p in &pages {
        parse_svg(&p.svg).unwrap();
    }
}

#[test]
fn tiling_applies_to_pdf_only() {
    let scene = template_scene();
    let o = ExportOptions {
        format: ExportFormat::Png,
        tile: Some(PaperSize::A4),
        ..opts(PaperSize::A1, Orientation::Landscape)
    };
    let pages = compose(&scene, &o, &info()).unwrap();
    assert_eq!(pages.len(), 1);
    assert!((pages[0].width_pt - 2383.94).abs() < 0.01);
}

#[test]
fn a_huge_map_fits_a_pdf_page_but_keeps_its_natural_size_as_png() {
    let doc = generate(GenerateSpec {
        stages: 120,
        lanes: 4,
        cards: 200,
        seed: 3,
    });
    let scene = Layouter::new().layout(&doc, &doc.maps[0].id).unwrap();
    assert!(
        scene.width * PT_PER_PX > PDF_MAX_PT,
        "the map is wider than a PDF page"
    );
    let pdf = ExportOptions {
        format: ExportFormat::Pdf,
        ..ExportOptions::default()
    };
    let page = &compose(&scene, &pdf, &info()).unwrap()[0];
    assert!(
        page.width_pt <= PDF_MAX_PT && page.height_pt <= PDF_MAX_PT,
        "{} × {}",
        page.width_pt,
        page.height_pt
    );
    let png = &compose(&scene, &ExportOptions::default(), &info()).unwrap()[0];
    assert!(png.width_pt > PDF_MAX_PT);
}

// ---- the map's frame on the page --------------------------------------------------------

/// A PNG's size and RGB pixels.
fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    let step = frame.line_size / frame.width as usize;
    let pixels = buf[..frame.buffer_size()]
        .chunks(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (frame.width, frame.height, pixels)
}

/// The grid's right edge (the last column's) and bottom edge (the last lane's).
fn grid_edges(scene: &Scene) -> (f32, f32) {
    let last_stage = scene.stages.last().unwrap();
    let last_lane = scene.lanes.last().unwrap();
    (
        last_stage.x + last_stage.width,
        last_lane.y + last_lane.height,
    )
}

#[test]
fn the_map_ends_at_its_last_lane_and_last_column() {
    let scene = template_scene();
    let (right, bottom) = grid_edges(&scene);
    // The Scene keeps room around the grid for the canvas; the export must not print it.
    assert!(scene.width > right + 1.0 && scene.height > bottom + 1.0);
    let bare = ExportOptions {
        format: ExportFormat::Png,
        margin_mm: 0.0,
        title_block: false,
        legend: false,
        ..ExportOptions::default()
    };
    let page = compose(&scene, &bare, &info()).unwrap().remove(0);
    assert!(
        (page.width_pt - right * PT_PER_PX).abs() < 0.01,
        "the page is {} pt wide, the grid {} pt",
        page.width_pt,
        right * PT_PER_PX
    );
    assert!(
        (page.height_pt - bottom * PT_PER_PX).abs() < 0.01,
        "the page is {} pt high, the grid {} pt",
        page.height_pt,
        bottom * PT_PER_PX
    );

    // At 96 dpi one pixel is one Scene unit.
    let mut png = Vec::new();
    write_png(&page, 96, Background::White, None, &mut png, &mut |_| true).unwrap();
    let (w, h, px) = decode_png(&png);
    let at = |x: f32, y: f32| px[(y as u32 * w + x as u32) as usize];
    // The last stage's header is tinted all the way to the map's right edge…
    let last = scene.stages.last().unwrap();
    let header_y = scene.header_height - 5.0;
    assert_eq!(
        at(w as f32 - 3.0, header_y),
        at(last.x + 5.0, header_y),
        "the last stage's header stops short of the map's right edge"
    );
    // …and the last lane's band runs down to the map's bottom edge, no blank strip under it.
    let lane = scene.lanes.last().unwrap();
    let x = scene.stages[0].x + 5.0;
    assert_eq!(
        at(x, h as f32 - 3.0),
        at(x, lane.y + 3.0),
        "a band under the last lane"
    );
}

// ---- the legend ---------------------------------------------------------------------------

/// The legend group of a page with only the legend under the map.
fn legend_svg(scene: &Scene) -> String {
    let o = ExportOptions {
        title_block: false,
        ..opts(PaperSize::A3, Orientation::Landscape)
    };
    let svg = compose(scene, &o, &info()).unwrap().remove(0).svg;
    parse_svg(&svg).unwrap();
    let start = svg.find("<g class=\"legend\"").expect("a legend");
    let end = start + svg[start..].find("</g>\n").unwrap();
    svg[start..end].to_string()
}

/// The fill and stroke of the last swatch drawn before `at` in `legend`.
fn swatch_before(legend: &str, at: usize) -> (String, String) {
    let rect = legend[..at].rfind("<rect ").expect("a swatch");
    let tag = &legend[rect..rect + legend[rect..].find("/>").unwrap()];
    let value = |name: &str| {
        let i = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[i..i + tag[i..].find('"').unwrap()].to_string()
    };
    (value("fill"), value("stroke"))
}

#[test]
fn the_legend_names_the_lanes_as_the_map_does() {
    let doc = template_doc();
    let scene = template_scene();
    let legend = legend_svg(&scene);
    assert!(legend.contains(">Supporter actions<"), "{legend}");
    assert!(
        !legend.contains(">Customer actions<"),
        "the lane is named by its kind"
    );
    // Every lane on show, in the map's order, with a swatch in its cards' colours.
    let mut from = 0;
    for lane in doc.maps[0].lanes.iter().filter(|l| !l.hidden) {
        let needle = format!(">{}<", lane.name.replace('&', "&amp;"));
        let at = from
            + legend[from..]
                .find(&needle)
                .unwrap_or_else(|| panic!("{needle} missing or out of order"));
        if let Some(card) = scene.cards.iter().find(|c| c.lane_id == lane.id) {
            assert_eq!(
                swatch_before(&legend, at),
                (card.fill.clone(), card.stroke.clone()),
                "the swatch of {}",
                lane.name
            );
        }
        from = at;
    }
}

#[test]
fn the_legend_follows_renamed_recoloured_hidden_and_long_lanes() {
    let mut doc = template_doc();
    let map = &mut doc.maps[0];
    map.lanes[0].name = "Where we meet them".into();
    map.lanes[0].color = Some("#7048e8".into());
    map.lanes[1].name = "Volunteer coordinators and partner organisations".into();
    map.lanes[2].hidden = true;
    let hidden = map.lanes[2].name.clone();
    let id = map.id.clone();
    let scene = Layouter::new().layout(&doc, &id).unwrap();
    // The long name wraps in the map's gutter; the legend prints it on one line.
    let long = scene.lanes.iter().find(|l| l.id == doc.maps[0].lanes[1].id);
    assert!(long.unwrap().name.len() > 1, "the name wraps on the map");
    let legend = legend_svg(&scene);
    assert!(legend.contains(">Where we meet them<"));
    // A lane's own colour tints its cards, and its swatch alike.
    let recoloured = &doc.maps[0].lanes[0];
    let card = scene
        .cards
        .iter()
        .find(|c| c.lane_id == recoloured.id)
        .unwrap();
    assert_ne!(card.stroke, "#1d4ed8", "the cards take the lane's colour");
    let at = legend.find(">Where we meet them<").unwrap();
    assert_eq!(
        swatch_before(&legend, at),
        (card.fill.clone(), card.stroke.clone())
    );
    assert!(legend.contains(">Volunteer coordinators"), "{legend}");
    assert!(!legend.contains(&format!(">{hidden}<")), "a hidden lane");
}

#[test]
fn the_legend_explains_the_markers_the_cards_carry() {
    let scene = template_scene();
    let legend = legend_svg(&scene);
    for (flagged, name) in [
        (
            scene.cards.iter().any(|c| c.flags.passion_point),
            ">Passion point<",
        ),
        (
            scene.cards.iter().any(|c| c.flags.shareable_moment),
            ">Shareable moment<",
        ),
        (
            scene.cards.iter().any(|c| c.flags.point_of_vulnerability),
            ">Point of vulnerability<",
        ),
    ] {
        assert!(flagged, "the sample has a card with {name}");
        assert!(legend.contains(name), "{name} missing");
    }
    assert!(legend.contains(">MARKERS<"));
    // The severity tags are explained when a vulnerability is rated.
    assert!(scene.cards.iter().any(|c| c.severity.is_some()));
    assert!(legend.contains("class=\"marker severity\""));
    assert!(legend.contains(">Severity: ! low, !!! high<"), "{legend}");

    // A map without markers lists none.
    let mut doc = template_doc();
    for card in &mut doc.maps[0].cards {
        card.flags = CardFlags::default();
    }
    let id = doc.maps[0].id.clone();
    let plain = Layouter::new().layout(&doc, &id).unwrap();
    let legend = legend_svg(&plain);
    assert!(!legend.contains(">MARKERS<") && !legend.contains("class=\"marker"));
}

// ---- what the Export dialog announces -----------------------------------------------------

#[test]
fn the_preview_announces_the_pixel_size_the_png_is_written_at() {
    let doc = template_doc();
    let scene = template_scene();
    let png = |page: PaperSize, orientation: Orientation, title: bool, legend: bool, dpi: u32| {
        ExportOptions {
            format: ExportFormat::Png,
            page,
            orientation,
            title_block: title,
            legend,
            dpi,
            ..ExportOptions::default()
        }
    };
    for o in [
        png(PaperSize::Fit, Orientation::Landscape, true, true, 150),
        png(PaperSize::Fit, Orientation::Landscape, false, false, 72),
        png(PaperSize::Fit, Orientation::Landscape, true, false, 100),
        png(PaperSize::Fit, Orientation::Portrait, false, true, 96),
        png(PaperSize::A4, Orientation::Landscape, true, true, 100),
        png(PaperSize::Letter, Orientation::Portrait, false, true, 150),
        png(PaperSize::Tabloid, Orientation::Landscape, true, false, 72),
        ExportOptions {
            margin_mm: 0.0,
            ..png(PaperSize::Fit, Orientation::Landscape, true, true, 133)
        },
    ] {
        let shown = preview(&doc, &scene, &o, &info(), 120).unwrap();
        let mut file = Vec::new();
        export(&doc, &scene, &o, &info(), &mut file, &mut |_| true).unwrap();
        let (w, h, _) = decode_png(&file);
        assert_eq!(shown.pixels, Some((w, h)), "{o:?}");
        assert_eq!(shown.pages, 1);
    }
    // Vector formats have no pixels; their page size is the composed page's.
    let pdf = opts(PaperSize::Fit, Orientation::Landscape);
    let shown = preview(&doc, &scene, &pdf, &info(), 120).unwrap();
    let page = compose(&scene, &pdf, &info()).unwrap().remove(0);
    assert_eq!(shown.pixels, None);
    assert_eq!(
        (shown.width_pt, shown.height_pt),
        (page.width_pt, page.height_pt)
    );
}
