//! The strategist's edits: channel plans (job description, SMART goals, monthly
//! reviews), the engagement ladder, card plans and persona photos. Each applies and is
//! undone exactly, or is refused with the field named and the document untouched.

mod fixture;

use waymark_model::*;

// ---- helpers ------------------------------------------------------------------------

fn apply(doc: &mut Document, edit: &Edit) -> Edit {
    edit.apply(doc).unwrap_or_else(|e| panic!("{e}"))
}

/// Applies an edit that must be refused; the document must be unchanged.
fn refuse(doc: &mut Document, edit: &Edit) -> EditError {
    let before = doc.clone();
    let err = edit.apply(doc).expect_err("the edit should be refused");
    assert_eq!(*doc, before, "a refused edit changed the document");
    err
}

fn field_of(err: &EditError) -> &'static str {
    match err {
        EditError::Invalid { field, .. } => field,
        other => panic!("not an invalid field: {other:?}"),
    }
}

fn goal(id: &str, metric: &str, target: Option<f64>) -> SmartGoal {
    SmartGoal {
        id: id.into(),
        statement: format!("More {metric}"),
        metric: metric.into(),
        target: target.map(Num),
        unit: "people".into(),
        baseline: Some(Num(10.0)),
        better: Better::Up,
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
        support_note: "Passed leads to E-mail".into(),
    }
}

/// A full plan for Social (`ch1`): job (works with E-mail), two goals, two reviews.
fn social_plan() -> ChannelPlan {
    ChannelPlan {
        ownership: Ownership::Earned,
        reach: Reach::Online,
        job: JobDescription {
            role_title: "Community host".into(),
            purpose: "Bring friends of supporters to the cause".into(),
            responsibilities: "Answer every comment\nShare event photos".into(),
            owner: "Sam".into(),
            works_with: vec!["ch2".into()],
        },
        goals: vec![
            goal("g1", "visits", Some(1000.0)),
            goal("g2", "sign-ups", Some(50.0)),
        ],
        reviews: vec![
            review("2026-01", &[("g1", 900.0), ("g2", 55.0)]),
            review("2026-02", &[("g1", 1100.0)]),
        ],
    }
}

fn update_channel(doc: &Document, id: &str, change: impl FnOnce(&mut ChannelPlan)) -> Edit {
    let mut props = doc.channels.iter().find(|c| c.id == id).unwrap().props();
    change(&mut props.plan);
    Edit::UpdateChannel {
        channel_id: id.into(),
        props: props.into(),
    }
}

fn update_card(doc: &Document, id: &str, change: impl FnOnce(&mut CardProps)) -> Edit {
    let mut props = doc.maps[0].card(id).unwrap().props();
    change(&mut props);
    Edit::UpdateCard {
        map_id: "m1".into(),
        card_id: id.into(),
        props: props.into(),
    }
}

fn update_stage(doc: &Document, id: &str, rung: Option<&str>) -> Edit {
    let mut props = doc.maps[0].stage(id).unwrap().props();
    props.rung_id = rung.map(Into::into);
    Edit::UpdateStage {
        map_id: "m1".into(),
        stage_id: id.into(),
        props: props.into(),
    }
}

// ---- channel plans ------------------------------------------------------------------

#[test]
fn a_channel_plan_applies_and_its_inverse_restores_the_channel() {
    let original = fixture::document();
    let mut doc = original.clone();
    let edit = update_channel(&doc, "ch1", |p| *p = social_plan());
    let inverse = apply(&mut doc, &edit);
    assert_eq!(doc.channels[0].plan, social_plan());
    assert_eq!(doc.channels[0].name, "Social");
    apply(&mut doc, &inverse);
    assert_eq!(doc, original);
    // Redo gives the same document as the first time.
    let mut redo = original.clone();
    apply(&mut redo, &edit);
    apply(&mut doc, &edit);
    assert_eq!(doc, redo);
}

#[test]
fn a_review_naming_an_unknown_goal_is_refused() {
    let mut doc = fixture::document();
    let edit = update_channel(&doc, "ch1", |p| {
        *p = social_plan();
        p.reviews[1] = review("2026-02", &[("g1", 1.0), ("g-gone", 2.0)]);
    });
    let err = refuse(&mut doc, &edit);
    assert_eq!(field_of(&err), "review.actuals");
    let message = err.to_string();
    assert!(
        message.contains("2026-02") && message.contains("\"g-gone\""),
        "{message}"
    );
}

#[test]
fn reviews_out_of_month_order_or_twice_in_a_month_are_refused() {
    let mut doc = fixture::document();
    for months in [["2026-03", "2026-02"], ["2026-02", "2026-02"]] {
        let edit = update_channel(&doc, "ch1", |p| {
            *p = social_plan();
            p.reviews = months.iter().map(|m| review(m, &[])).collect();
        });
        let err = refuse(&mut doc, &edit);
        assert_eq!(field_of(&err), "review.month");
        assert!(err.to_string().contains("month order"), "{err}");
    }
    let edit = update_channel(&doc, "ch1", |p| p.reviews = vec![review("2026-13", &[])]);
    let err = refuse(&mut doc, &edit);
    assert_eq!(field_of(&err), "review.month");
    assert!(err.to_string().contains("YYYY-MM"), "{err}");
}

#[test]
fn a_channel_cannot_work_with_itself_or_a_missing_channel() {
    let mut doc = fixture::document();
    let edit = update_channel(&doc, "ch1", |p| p.job.works_with = vec!["ch1".into()]);
    let err = refuse(&mut doc, &edit);
    assert_eq!(field_of(&err), "channel.job.worksWith");
    assert!(err.to_string().contains("itself"), "{err}");

    let edit = update_channel(&doc, "ch1", |p| p.job.works_with = vec!["ch-gone".into()]);
    let err = refuse(&mut doc, &edit);
    assert_eq!(
        err,
        EditError::NotFound {
            entity: "channel",
            id: "ch-gone".into()
        }
    );

    let edit = update_channel(&doc, "ch1", |p| {
        p.job.works_with = vec!["ch2".into(), "ch2".into()]
    });
    assert_eq!(field_of(&refuse(&mut doc, &edit)), "channel.job.worksWith");
}

#[test]
fn deleting_a_channel_removes_it_from_works_with_and_undo_restores_it() {
    let mut doc = fixture::document();
    Edit::AddChannel {
        channel: Channel {
            id: "ch3".into(),
            name: "Events".into(),
            icon: "EV".into(),
            color: None,
            plan: ChannelPlan::default(),
        },
        index: 2,
    }
    .apply(&mut doc)
    .unwrap();
    let edit = update_channel(&doc, "ch1", |p| {
        p.job.works_with = vec!["ch2".into(), "ch3".into()]
    });
    apply(&mut doc, &edit);
    let edit = update_channel(&doc, "ch3", |p| p.job.works_with = vec!["ch2".into()]);
    apply(&mut doc, &edit);
    let original = doc.clone();

    let inverse = apply(
        &mut doc,
        &Edit::DeleteChannel {
            channel_id: "ch2".into(),
        },
    );
    let ids: Vec<&str> = doc.channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ch1", "ch3"]);
    assert_eq!(doc.channels[0].plan.job.works_with, ["ch3"]);
    assert!(doc.channels[1].plan.job.works_with.is_empty());

    apply(&mut doc, &inverse);
    assert_eq!(doc, original);
}

// ---- the engagement ladder ------------------------------------------------------------

#[test]
fn removing_a_rung_takes_cards_and_stages_off_it_and_undo_puts_them_back() {
    let mut doc = fixture::document();
    apply(
        &mut doc,
        &Edit::SetLadder {
            rungs: default_ladder(),
        },
    );
    for edit in [
        update_stage(&doc, "s1", Some("rung-donor")),
        update_stage(&doc, "s2", Some("rung-volunteer")),
        update_card(&doc, "c5", |p| {
            p.plan.rung_id = Some("rung-volunteer".into())
        }),
        update_card(&doc, "c1", |p| p.plan.rung_id = Some("rung-donor".into())),
    ] {
        apply(&mut doc, &edit);
    }
    let original = doc.clone();

    let rungs: Vec<Rung> = default_ladder()
        .into_iter()
        .filter(|r| r.id != "rung-volunteer")
        .collect();
    let inverse = apply(
        &mut doc,
        &Edit::SetLadder {
            rungs: rungs.clone(),
        },
    );
    assert_eq!(doc.ladder, rungs);
    let map = &doc.maps[0];
    assert_eq!(
        map.stage("s1").unwrap().rung_id.as_deref(),
        Some("rung-donor")
    );
    assert_eq!(map.stage("s2").unwrap().rung_id, None);
    assert_eq!(map.card("c5").unwrap().plan.rung_id, None);
    assert_eq!(
        map.card("c1").unwrap().plan.rung_id.as_deref(),
        Some("rung-donor")
    );

    apply(&mut doc, &inverse);
    assert_eq!(doc, original);
}

#[test]
fn a_card_or_stage_cannot_stand_on_a_rung_the_ladder_lacks() {
    let mut doc = fixture::document();
    let edit = update_stage(&doc, "s1", Some("rung-donor"));
    let err = refuse(&mut doc, &edit);
    assert_eq!(field_of(&err), "stage.rungId");
    let edit = update_card(&doc, "c1", |p| p.plan.rung_id = Some("rung-x".into()));
    assert_eq!(field_of(&refuse(&mut doc, &edit)), "card.plan.rungId");
}

// ---- card plans, numbers, photos ------------------------------------------------------

#[test]
fn severity_outside_one_to_three_is_refused() {
    let mut doc = fixture::document();
    for severity in [0, 4] {
        let edit = update_card(&doc, "c4", |p| {
            p.flags.point_of_vulnerability = true;
            p.plan.vulnerability.severity = severity;
        });
        let err = refuse(&mut doc, &edit);
        assert_eq!(field_of(&err), "vulnerability.severity");
        assert!(err.to_string().contains("outside 1–3"), "{err}");
    }
    let edit = update_card(&doc, "c4", |p| p.plan.vulnerability.severity = 3);
    apply(&mut doc, &edit);
}

#[test]
fn nan_and_infinities_are_refused_wherever_a_number_goes() {
    let mut doc = fixture::document();
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let edit = update_channel(&doc, "ch1", |p| {
            *p = social_plan();
            p.goals[0].target = Some(Num(bad));
        });
        assert_eq!(field_of(&refuse(&mut doc, &edit)), "goal.target");

        let edit = update_channel(&doc, "ch1", |p| {
            *p = social_plan();
            p.goals[1].baseline = Some(Num(bad));
        });
        assert_eq!(field_of(&refuse(&mut doc, &edit)), "goal.baseline");

        let edit = update_channel(&doc, "ch1", |p| {
            *p = social_plan();
            p.reviews[0].actuals[0].value = Num(bad);
        });
        assert_eq!(field_of(&refuse(&mut doc, &edit)), "review.actuals.value");

        let edit = update_card(&doc, "c5", |p| {
            p.plan.passion.kpis = vec![Kpi {
                id: "k1".into(),
                name: "Conversion".into(),
                metric: "conversion".into(),
                target: Some(Num(0.1)),
                actual: Some(Num(bad)),
                unit: "%".into(),
                better: Better::Up,
                history: vec![],
            }];
        });
        let err = refuse(&mut doc, &edit);
        assert_eq!(field_of(&err), "kpi.actual");
        assert!(err.to_string().contains("finite"), "{err}");
    }
}

#[test]
fn a_photo_must_be_a_png() {
    let mut doc = fixture::document();
    let mut props = doc.personas[0].props();
    props.photo = Some(Photo {
        width: 64,
        height: 64,
        png: b"GIF89a\x01\x00\x01\x00".to_vec(),
    });
    let edit = Edit::UpdatePersona {
        persona_id: "p1".into(),
        props: props.clone().into(),
    };
    let err = refuse(&mut doc, &edit);
    assert_eq!(field_of(&err), "persona.photo");
    assert!(err.to_string().contains("PNG"), "{err}");

    // A PNG whose header says another size than the photo's is refused: a "decompression
    // bomb" declaring 50,000 × 50,000 px would be allocated by whatever draws it.
    let header = |w: u32, h: u32| {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(w.to_be_bytes());
        png.extend(h.to_be_bytes());
        png
    };
    for png in [
        header(50_000, 50_000),
        header(64, 65),
        b"\x89PNG\r\n\x1a\n".to_vec(),
    ] {
        props.photo = Some(Photo {
            width: 64,
            height: 64,
            png,
        });
        let edit = Edit::UpdatePersona {
            persona_id: "p1".into(),
            props: props.clone().into(),
        };
        let err = refuse(&mut doc, &edit);
        assert_eq!(field_of(&err), "persona.photo");
        assert!(err.to_string().contains("the PNG says"), "{err}");
    }

    // A PNG of the photo's size is accepted, and undo takes the photo away again.
    let original = doc.clone();
    props.photo = Some(Photo {
        width: 64,
        height: 64,
        png: header(64, 64),
    });
    let inverse = apply(
        &mut doc,
        &Edit::UpdatePersona {
            persona_id: "p1".into(),
            props: props.into(),
        },
    );
    assert!(doc.personas[0].photo.is_some());
    apply(&mut doc, &inverse);
    assert_eq!(doc, original);
}
