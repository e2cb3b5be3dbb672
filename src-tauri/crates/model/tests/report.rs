//! The strategy report: statuses against targets (with their boundaries), SMART gaps,
//! channel reviews, passion points, hand-offs, loops and vulnerabilities.

mod fixture;

use waymark_model::*;

use Status::*;

// ---- helpers ------------------------------------------------------------------------

fn num(v: f64) -> Option<Num> {
    Some(Num(v))
}

fn goal(id: &str, metric: &str, target: Option<Num>, better: Better) -> SmartGoal {
    SmartGoal {
        id: id.into(),
        statement: format!("Grow {metric}"),
        metric: metric.into(),
        target,
        unit: "people".into(),
        baseline: None,
        better,
        period: "monthly".into(),
        relevant_to: Some("s1".into()),
    }
}

fn review(month: &str, actuals: &[(&str, f64)]) -> MonthlyReview {
    MonthlyReview {
        month: month.into(),
        actuals: actuals
            .iter()
            .map(|(g, v)| GoalActual {
                goal_id: (*g).into(),
                value: Num(*v),
            })
            .collect(),
        support_note: String::new(),
    }
}

fn kpi(id: &str, target: Option<Num>, actual: Option<Num>, better: Better) -> Kpi {
    Kpi {
        id: id.into(),
        name: id.into(),
        metric: id.into(),
        target,
        actual,
        unit: String::new(),
        better,
        history: vec![],
    }
}

fn channel(id: &str, name: &str) -> Channel {
    Channel {
        id: id.into(),
        name: name.into(),
        icon: String::new(),
        color: None,
        plan: ChannelPlan::default(),
    }
}

fn connector(id: &str, from: &str, to: &str, kind: ConnectorKind) -> Connector {
    Connector {
        id: id.into(),
        from_card_id: from.into(),
        to_card_id: to.into(),
        kind,
        label: format!("label {id}"),
    }
}

fn channel_of<'a>(doc: &'a mut Document, id: &str) -> &'a mut Channel {
    doc.channels.iter_mut().find(|c| c.id == id).unwrap()
}

fn card_of<'a>(doc: &'a mut Document, map: usize, id: &str) -> &'a mut Card {
    doc.maps[map].cards.iter_mut().find(|c| c.id == id).unwrap()
}

/// The fixture plus a copy of its map: `m2` "Volunteer journey", with stages `t1`..`t3`
/// ("Discover again"…), lanes `n1`..`n3`, cards `d1`..`d5` (no flags), connectors `j1`, `j2`.
fn two_maps() -> Document {
    let mut doc = fixture::document();
    let mut map = doc.maps[0].clone();
    map.id = "m2".into();
    map.name = "Volunteer journey".into();
    for s in &mut map.stages {
        s.id = s.id.replace('s', "t");
        s.name = format!("{} again", s.name);
    }
    for l in &mut map.lanes {
        l.id = l.id.replace('l', "n");
    }
    for c in &mut map.cards {
        c.id = c.id.replace('c', "d");
        c.stage_id = c.stage_id.replace('s', "t");
        c.lane_id = c.lane_id.replace('l', "n");
        c.flags = CardFlags::default();
    }
    for k in &mut map.connectors {
        k.id = k.id.replace('k', "j");
        k.from_card_id = k.from_card_id.replace('c', "d");
        k.to_card_id = k.to_card_id.replace('c', "d");
    }
    map.emotion_points.clear();
    Edit::AddMap { map, index: 1 }.apply(&mut doc).unwrap();
    doc
}

// ---- status -------------------------------------------------------------------------

#[test]
fn up_meeting_or_beating_the_target_is_on_track() {
    assert_eq!(status(100.0, 100.0, Better::Up), OnTrack);
    assert_eq!(status(150.0, 100.0, Better::Up), OnTrack);
}

#[test]
fn up_exactly_90_percent_is_at_risk_and_89_9_percent_is_off_track() {
    assert_eq!(status(99.9, 100.0, Better::Up), AtRisk);
    assert_eq!(status(90.0, 100.0, Better::Up), AtRisk);
    assert_eq!(status(89.9, 100.0, Better::Up), OffTrack);
    assert_eq!(status(0.0, 100.0, Better::Up), OffTrack);
    // Decimals as typed: 27 of 30, 0.27 of 0.3, 243 of 270.
    assert_eq!(status(27.0, 30.0, Better::Up), AtRisk);
    assert_eq!(status(0.27, 0.3, Better::Up), AtRisk);
    assert_eq!(status(0.009, 0.01, Better::Up), AtRisk);
    assert_eq!(status(0.00899, 0.01, Better::Up), OffTrack);
}

#[test]
fn down_mirrors_up() {
    assert_eq!(status(100.0, 100.0, Better::Down), OnTrack);
    assert_eq!(status(50.0, 100.0, Better::Down), OnTrack);
    assert_eq!(status(100.1, 100.0, Better::Down), AtRisk);
    assert_eq!(status(110.0, 100.0, Better::Down), AtRisk);
    assert_eq!(status(110.1, 100.0, Better::Down), OffTrack);
    assert_eq!(status(3.3, 3.0, Better::Down), AtRisk);
    assert_eq!(status(0.011, 0.01, Better::Down), AtRisk);
    assert_eq!(status(0.01101, 0.01, Better::Down), OffTrack);
}

#[test]
fn the_ten_percent_line_uses_the_size_of_a_negative_or_zero_target() {
    // Net change of −10 allowed; missing it by 1 (10 % of |−10|) is at risk.
    assert_eq!(status(-10.0, -10.0, Better::Up), OnTrack);
    assert_eq!(status(-11.0, -10.0, Better::Up), AtRisk);
    assert_eq!(status(-11.1, -10.0, Better::Up), OffTrack);
    assert_eq!(status(-9.0, -10.0, Better::Down), AtRisk);
    assert_eq!(status(-8.9, -10.0, Better::Down), OffTrack);
    // A target of zero leaves no room: meet it or be off track.
    assert_eq!(status(0.0, 0.0, Better::Up), OnTrack);
    assert_eq!(status(-0.001, 0.0, Better::Up), OffTrack);
    assert_eq!(status(0.001, 0.0, Better::Down), OffTrack);
}

/// Every target with two decimals up to 2,000: an actual of exactly 90 % (Up) or 110 %
/// (Down), written as a person would type it, is at risk; 89.9 % / 110.1 % is not.
#[test]
fn exactly_ten_percent_off_is_at_risk_for_every_typed_target() {
    for k in 1..200_000u64 {
        let target: f64 = format!("{}.{:02}", k / 100, k % 100).parse().unwrap();
        // k * 0.9 / 100 exactly, as decimal text (k*9 has at most 3 decimals after /1000).
        let typed = |numerator: u64| -> f64 {
            format!("{}.{:06}", numerator / 1_000_000, numerator % 1_000_000)
                .parse()
                .unwrap()
        };
        let at_90 = typed(k * 9_000);
        let at_110 = typed(k * 11_000);
        let at_899 = typed(k * 8_990);
        let at_1101 = typed(k * 11_010);
        assert_eq!(
            status(at_90, target, Better::Up),
            AtRisk,
            "{at_90} of {target}"
        );
        assert_eq!(
            status(at_110, target, Better::Down),
            AtRisk,
            "{at_110} of {target}"
        );
        assert_eq!(
            status(at_899, target, Better::Up),
            OffTrack,
            "{at_899} of {target}"
        );
        assert_eq!(
            status(at_1101, target, Better::Down),
            OffTrack,
            "{at_1101} of {target}"
        );
    }
}

#[test]
fn off_track_is_the_worst_status() {
    assert!(OffTrack > AtRisk && AtRisk > OnTrack);
}

// ---- SMART parts and KPIs -------------------------------------------------------------

#[test]
fn a_complete_goal_misses_nothing() {
    let g = goal("g1", "visits", num(100.0), Better::Up);
    assert_eq!(missing_parts(&g), []);
}

#[test]
fn each_missing_part_is_named_in_smart_order() {
    let blank = SmartGoal {
        id: "g".into(),
        statement: "  ".into(),
        metric: String::new(),
        target: None,
        unit: String::new(),
        baseline: None,
        better: Better::Up,
        period: String::new(),
        relevant_to: None,
    };
    use SmartPart::*;
    assert_eq!(
        missing_parts(&blank),
        [Specific, Measurable, Achievable, Relevant, TimeBound]
    );
    let full = goal("g1", "visits", num(100.0), Better::Up);
    let with = |f: &dyn Fn(&mut SmartGoal)| {
        let mut g = full.clone();
        f(&mut g);
        missing_parts(&g)
    };
    assert_eq!(with(&|g| g.statement = "\t".into()), [Specific]);
    assert_eq!(with(&|g| g.metric = String::new()), [Measurable]);
    assert_eq!(with(&|g| g.unit = " ".into()), [Measurable]);
    assert_eq!(
        with(&|g| {
            g.metric = String::new();
            g.unit = String::new();
        }),
        [Measurable]
    );
    assert_eq!(with(&|g| g.target = None), [Achievable]);
    assert_eq!(with(&|g| g.relevant_to = None), [Relevant]);
    assert_eq!(with(&|g| g.period = String::new()), [TimeBound]);
    // A baseline is not one of the five.
    assert_eq!(with(&|g| g.baseline = None), []);
}

#[test]
fn a_kpi_needs_a_target_and_an_actual_for_a_status() {
    assert_eq!(kpi_status(&kpi("a", None, num(5.0), Better::Up)), None);
    assert_eq!(kpi_status(&kpi("a", num(5.0), None, Better::Up)), None);
    assert_eq!(
        kpi_status(&kpi("a", num(10.0), num(9.0), Better::Up)),
        Some(AtRisk)
    );
    assert_eq!(
        kpi_status(&kpi("a", num(10.0), num(9.0), Better::Down)),
        Some(OnTrack)
    );
    assert_eq!(
        kpi_status(&kpi("a", num(10.0), num(11.5), Better::Down)),
        Some(OffTrack)
    );
}

// ---- channels ---------------------------------------------------------------------------

#[test]
fn a_channel_reports_each_goal_per_reviewed_month_and_its_worst_latest_status() {
    let mut doc = two_maps();
    let ch = channel_of(&mut doc, "ch1");
    ch.plan.goals = vec![
        goal("visits", "visits", num(100.0), Better::Up),
        goal("cost", "cost per lead", num(4.0), Better::Down),
        goal("draft", "", None, Better::Up),
    ];
    ch.plan.reviews = vec![
        review("2026-01", &[("visits", 120.0), ("cost", 5.0)]),
        review("2026-02", &[("cost", 4.2), ("draft", 3.0)]),
        review(
            "2026-03",
            &[("visits", 91.0), ("cost", 3.5), ("draft", 7.0)],
        ),
    ];
    let report = strategy_report(&doc);
    assert_eq!(report.rule, STATUS_RULE);
    let ids: Vec<&str> = report
        .channels
        .iter()
        .map(|c| c.channel_id.as_str())
        .collect();
    assert_eq!(ids, ["ch1", "ch2"]);
    let social = &report.channels[0];
    assert_eq!(social.latest_month.as_deref(), Some("2026-03"));
    assert_eq!(social.goals.len(), 3);

    let visits = &social.goals[0];
    assert_eq!(visits.goal_id, "visits");
    assert_eq!(
        visits.months,
        [
            GoalMonth {
                month: "2026-01".into(),
                actual: num(120.0),
                status: Some(OnTrack)
            },
            GoalMonth {
                month: "2026-02".into(),
                actual: None,
                status: None
            },
            GoalMonth {
                month: "2026-03".into(),
                actual: num(91.0),
                status: Some(AtRisk)
            },
        ]
    );
    assert_eq!(visits.latest, Some(AtRisk));
    assert_eq!(visits.missing, []);

    let cost = &social.goals[1];
    let statuses: Vec<_> = cost.months.iter().map(|m| m.status).collect();
    assert_eq!(statuses, [Some(OffTrack), Some(AtRisk), Some(OnTrack)]);
    assert_eq!(cost.latest, Some(OnTrack));

    // No target: actuals are shown but have no status.
    let draft = &social.goals[2];
    assert_eq!(draft.months[2].actual, num(7.0));
    assert_eq!(draft.latest, None);
    assert_eq!(
        draft.missing,
        [SmartPart::Measurable, SmartPart::Achievable]
    );

    // Worst of AtRisk, OnTrack and nothing.
    assert_eq!(social.status, Some(AtRisk));

    // c1 in m1 and its copy d1 in m2 are delivered through Social.
    assert_eq!(social.card_count, 2);
    let email = &report.channels[1];
    assert_eq!(email.card_count, 0);
    assert_eq!(email.goals, []);
    assert_eq!(email.latest_month, None);
    assert_eq!(email.status, None);
}

#[test]
fn one_off_track_goal_makes_the_channel_off_track() {
    let mut doc = fixture::document();
    let ch = channel_of(&mut doc, "ch2");
    ch.plan.goals = vec![
        goal("a", "opens", num(100.0), Better::Up),
        goal("b", "clicks", num(100.0), Better::Up),
        goal("c", "unsubscribes", num(10.0), Better::Down),
    ];
    ch.plan.reviews = vec![review("2026-05", &[("a", 200.0), ("b", 95.0), ("c", 12.0)])];
    let report = strategy_report(&doc);
    let latest: Vec<_> = report.channels[1].goals.iter().map(|g| g.latest).collect();
    assert_eq!(latest, [Some(OnTrack), Some(AtRisk), Some(OffTrack)]);
    assert_eq!(report.channels[1].status, Some(OffTrack));
}

#[test]
fn a_goal_not_reported_in_the_latest_month_has_no_latest_status() {
    let mut doc = fixture::document();
    let ch = channel_of(&mut doc, "ch1");
    ch.plan.goals = vec![goal("a", "visits", num(100.0), Better::Up)];
    ch.plan.reviews = vec![review("2026-01", &[("a", 10.0)]), review("2026-02", &[])];
    let report = strategy_report(&doc);
    assert_eq!(report.channels[0].goals[0].months[0].status, Some(OffTrack));
    assert_eq!(report.channels[0].goals[0].latest, None);
    assert_eq!(report.channels[0].status, None);
    assert_eq!(report.channels[0].latest_month.as_deref(), Some("2026-02"));
}

// ---- passion points -------------------------------------------------------------------

#[test]
fn passion_points_come_in_map_then_card_order_with_their_worst_kpi() {
    let mut doc = two_maps();
    // m1: c5 is the fixture's passion point; add c2. m2: d3.
    card_of(&mut doc, 0, "c2").flags.passion_point = true;
    card_of(&mut doc, 0, "c2").channel_id = Some("ch2".into());
    card_of(&mut doc, 0, "c5").plan.passion.kpis = vec![
        kpi("conv", num(10.0), num(12.0), Better::Up),
        kpi("drop", num(10.0), num(10.5), Better::Down),
        kpi("new", num(10.0), None, Better::Up),
    ];
    card_of(&mut doc, 1, "d3").flags.passion_point = true;
    card_of(&mut doc, 1, "d3").plan.passion.kpis =
        vec![kpi("k", num(100.0), num(10.0), Better::Up)];

    let report = strategy_report(&doc);
    let order: Vec<(&str, &str)> = report
        .passion_points
        .iter()
        .map(|p| (p.map_id.as_str(), p.card_id.as_str()))
        .collect();
    assert_eq!(order, [("m1", "c2"), ("m1", "c5"), ("m2", "d3")]);

    let c2 = &report.passion_points[0];
    assert_eq!(c2.title, "Local search");
    assert_eq!(c2.stage_name, "Discover");
    assert_eq!(c2.map_name, "Supporter journey");
    assert_eq!(c2.channel_id.as_deref(), Some("ch2"));
    assert_eq!(c2.kpis, []);
    assert_eq!(c2.status, None);

    let c5 = &report.passion_points[1];
    assert_eq!(c5.stage_name, "Convert");
    let kpis: Vec<(&str, Option<Status>, &str)> = c5
        .kpis
        .iter()
        .map(|k| (k.kpi_id.as_str(), k.status, k.kpi.id.as_str()))
        .collect();
    assert_eq!(
        kpis,
        [
            ("conv", Some(OnTrack), "conv"),
            ("drop", Some(AtRisk), "drop"),
            ("new", None, "new"),
        ]
    );
    assert_eq!(c5.status, Some(AtRisk));

    let d3 = &report.passion_points[2];
    assert_eq!(d3.map_name, "Volunteer journey");
    assert_eq!(d3.stage_name, "Consider again");
    assert_eq!(d3.status, Some(OffTrack));
}

// ---- hand-offs ------------------------------------------------------------------------

/// Channels in the order C, A, B (not id order), cards c1..c5 of m1 on channels.
fn hand_off_doc() -> Document {
    let mut doc = fixture::document();
    doc.channels = vec![
        channel("chC", "Events"),
        channel("chA", "Social"),
        channel("chB", "E-mail"),
    ];
    let on = |doc: &mut Document, card: &str, ch: Option<&str>| {
        card_of(doc, 0, card).channel_id = ch.map(Into::into);
    };
    on(&mut doc, "c1", Some("chA"));
    on(&mut doc, "c2", Some("chA"));
    on(&mut doc, "c3", Some("chB"));
    on(&mut doc, "c4", None);
    on(&mut doc, "c5", Some("chC"));
    use ConnectorKind::*;
    doc.maps[0].connectors = vec![
        connector("k1", "c1", "c3", Flow),        // A → B
        connector("k2", "c2", "c3", HandOff),     // A → B
        connector("k3", "c1", "c2", Flow),        // A → A: same channel, not a hand-off
        connector("k4", "c3", "c4", Flow),        // B → (none): not counted
        connector("k5", "c5", "c1", WordOfMouth), // C → A
        connector("k6", "c3", "c5", LoopBack),    // B → C
    ];
    doc
}

#[test]
fn hand_offs_are_counted_per_channel_pair_from_connectors_of_any_kind() {
    let doc = hand_off_doc();
    let report = strategy_report(&doc);
    let got: Vec<(&str, &str, u32, bool)> = report
        .hand_offs
        .iter()
        .map(|h| {
            (
                h.from_channel_id.as_str(),
                h.to_channel_id.as_str(),
                h.count,
                h.declared,
            )
        })
        .collect();
    // Sorted by the document's channel order (C, A, B), sender first.
    assert_eq!(
        got,
        [
            ("chC", "chA", 1, false),
            ("chA", "chB", 2, false),
            ("chB", "chC", 1, false),
        ]
    );
}

#[test]
fn declared_hand_offs_are_marked_and_listed_even_without_connectors() {
    let mut doc = hand_off_doc();
    channel_of(&mut doc, "chA").plan.job.works_with = vec!["chB".into(), "chC".into()];
    channel_of(&mut doc, "chB").plan.job.works_with = vec!["chA".into()];
    let report = strategy_report(&doc);
    let got: Vec<(&str, &str, u32, bool)> = report
        .hand_offs
        .iter()
        .map(|h| {
            (
                h.from_channel_id.as_str(),
                h.to_channel_id.as_str(),
                h.count,
                h.declared,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("chC", "chA", 1, false),
            ("chA", "chC", 0, true),
            ("chA", "chB", 2, true),
            ("chB", "chC", 1, false),
            ("chB", "chA", 0, true),
        ]
    );
}

#[test]
fn hand_offs_are_counted_across_maps() {
    let mut doc = two_maps();
    for map in 0..2 {
        let (c1, c3) = if map == 0 { ("c1", "c3") } else { ("d1", "d3") };
        card_of(&mut doc, map, c1).channel_id = Some("ch1".into());
        card_of(&mut doc, map, c3).channel_id = Some("ch2".into());
    }
    let report = strategy_report(&doc);
    assert_eq!(
        report.hand_offs,
        [HandOff {
            from_channel_id: "ch1".into(),
            to_channel_id: "ch2".into(),
            count: 2,
            declared: false,
        }]
    );
}

#[test]
fn no_channels_on_cards_means_no_hand_offs() {
    let mut doc = fixture::document();
    card_of(&mut doc, 0, "c1").channel_id = None;
    assert_eq!(strategy_report(&doc).hand_offs, []);
}

// ---- loops ------------------------------------------------------------------------------

#[test]
fn loops_are_loop_back_and_word_of_mouth_connectors_in_map_then_connector_order() {
    let mut doc = two_maps();
    use ConnectorKind::*;
    doc.maps[0]
        .connectors
        .insert(0, connector("back", "c4", "c2", LoopBack));
    doc.maps[0]
        .connectors
        .push(connector("handoff", "c2", "c3", HandOff));
    let report = strategy_report(&doc);
    let got: Vec<(&str, &str, ConnectorKind)> = report
        .loops
        .iter()
        .map(|l| (l.map_id.as_str(), l.connector_id.as_str(), l.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("m1", "back", LoopBack),
            ("m1", "k2", WordOfMouth),
            ("m2", "j2", WordOfMouth),
        ]
    );
    assert_eq!(
        report.loops[1],
        LoopReport {
            map_id: "m1".into(),
            map_name: "Supporter journey".into(),
            connector_id: "k2".into(),
            kind: WordOfMouth,
            label: "word of mouth".into(),
            from_card_id: "c5".into(),
            from_title: "$10 first gift".into(),
            from_stage: "Convert".into(),
            to_card_id: "c1".into(),
            to_title: "Friend's invitation".into(),
            to_stage: "Discover".into(),
        }
    );
    assert_eq!(report.loops[2].from_stage, "Convert again");
    assert_eq!(report.loops[0].from_title, "Silence after the first gift");
    assert_eq!(report.loops[0].to_stage, "Discover");
}

// ---- vulnerabilities --------------------------------------------------------------------

#[test]
fn vulnerabilities_come_highest_severity_first_then_in_map_and_card_order() {
    let mut doc = two_maps();
    let mark = |doc: &mut Document, map: usize, card: &str, severity: u8| {
        let c = card_of(doc, map, card);
        c.flags.point_of_vulnerability = true;
        c.plan.vulnerability = Vulnerability {
            risk: format!("{card} lapses"),
            severity,
            owner: "Sam".into(),
            mitigation: String::new(),
        };
    };
    mark(&mut doc, 0, "c1", 1);
    mark(&mut doc, 0, "c4", 3);
    mark(&mut doc, 0, "c3", 2);
    mark(&mut doc, 1, "d1", 3);
    mark(&mut doc, 1, "d5", 2);
    // Details on a card without the flag are not a vulnerability.
    card_of(&mut doc, 0, "c2").plan.vulnerability.severity = 3;
    let report = strategy_report(&doc);
    let got: Vec<(&str, &str, u8)> = report
        .vulnerabilities
        .iter()
        .map(|v| {
            (
                v.map_id.as_str(),
                v.card_id.as_str(),
                v.vulnerability.severity,
            )
        })
        .collect();
    // Card order is the map's canonical order: c1, c2 (s1), c3 (s2), c4, c5 (s3).
    assert_eq!(
        got,
        [
            ("m1", "c4", 3),
            ("m2", "d1", 3),
            ("m1", "c3", 2),
            ("m2", "d5", 2),
            ("m1", "c1", 1),
        ]
    );
    let first = &report.vulnerabilities[0];
    assert_eq!(first.title, "Silence after the first gift");
    assert_eq!(first.stage_id, "s3");
    assert_eq!(first.stage_name, "Convert");
    assert_eq!(first.map_name, "Supporter journey");
    assert_eq!(first.vulnerability.risk, "c4 lapses");
}

// ---- the whole report -------------------------------------------------------------------

#[test]
fn an_empty_document_has_an_empty_report() {
    let report = strategy_report(&Document::default());
    assert_eq!(
        report,
        StrategyReport {
            rule: STATUS_RULE.into(),
            channels: vec![],
            passion_points: vec![],
            hand_offs: vec![],
            loops: vec![],
            vulnerabilities: vec![],
        }
    );
}

#[test]
fn the_report_serializes_in_camel_case_with_snake_case_statuses() {
    let mut doc = fixture::document();
    let ch = channel_of(&mut doc, "ch1");
    ch.plan.goals = vec![goal("a", "visits", num(100.0), Better::Up)];
    ch.plan.reviews = vec![review("2026-01", &[("a", 95.0)])];
    let json = serde_json::to_value(strategy_report(&doc)).unwrap();
    assert_eq!(json["channels"][0]["latestMonth"], "2026-01");
    assert_eq!(json["channels"][0]["status"], "at_risk");
    assert_eq!(
        json["channels"][0]["goals"][0]["missing"],
        serde_json::json!([])
    );
    assert_eq!(json["passionPoints"][0]["stageName"], "Convert");
    assert!(json["handOffs"].is_array());
    assert_eq!(json["loops"][0]["kind"], "word_of_mouth");
}
