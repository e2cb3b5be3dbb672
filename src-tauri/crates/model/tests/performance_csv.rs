//! Monthly performance data from CSV: the good file imports as one edit that records the
//! figures in the monthly reviews (and re-importing changes nothing more); every bad file
//! is refused with its problems by line and column, and nothing is imported.

mod fixture;

use waymark_model::*;

// ---- helpers ------------------------------------------------------------------------

fn fixture_file(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/performance/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn goal(id: &str, metric: &str, target: f64, better: Better) -> SmartGoal {
    SmartGoal {
        id: id.into(),
        statement: String::new(),
        metric: metric.into(),
        target: Some(Num(target)),
        unit: String::new(),
        baseline: None,
        better,
        period: "monthly".into(),
        relevant_to: None,
    }
}

fn actual(goal_id: &str, value: f64) -> GoalActual {
    GoalActual {
        goal_id: goal_id.into(),
        value: Num(value),
    }
}

fn review(month: &str, actuals: Vec<GoalActual>, note: &str) -> MonthlyReview {
    MonthlyReview {
        month: month.into(),
        actuals,
        support_note: note.into(),
    }
}

fn set_plan(doc: &mut Document, channel_id: &str, plan: ChannelPlan) {
    let mut props = doc
        .channels
        .iter()
        .find(|c| c.id == channel_id)
        .unwrap()
        .props();
    props.plan = plan;
    Edit::UpdateChannel {
        channel_id: channel_id.into(),
        props: props.into(),
    }
    .apply(doc)
    .unwrap();
}

/// The model's fixture with goals: Social (`ch1`: Visits, sign-ups; reviewed in
/// 2026-02 and 2026-04), E-mail (`ch2`: open rate, unsubscribes) and a third channel
/// whose name has a comma, "Events, local" (`ch3`: attendees).
fn document() -> Document {
    let mut doc = fixture::document();
    set_plan(
        &mut doc,
        "ch1",
        ChannelPlan {
            goals: vec![
                goal("g-visits", "Visits", 1000.0, Better::Up),
                goal("g-signups", "sign-ups", 50.0, Better::Up),
            ],
            reviews: vec![
                review(
                    "2026-02",
                    vec![actual("g-visits", 900.0), actual("g-signups", 40.0)],
                    "Shared the gala post",
                ),
                review("2026-04", vec![actual("g-signups", 55.0)], ""),
            ],
            ..Default::default()
        },
    );
    set_plan(
        &mut doc,
        "ch2",
        ChannelPlan {
            goals: vec![
                goal("g-opens", "open rate", 0.4, Better::Up),
                goal("g-unsub", "unsubscribes", 10.0, Better::Down),
            ],
            ..Default::default()
        },
    );
    Edit::AddChannel {
        channel: Channel {
            id: "ch3".into(),
            name: "Events, local".into(),
            icon: "EV".into(),
            color: None,
            plan: ChannelPlan {
                goals: vec![goal("g-attend", "attendees", 80.0, Better::Up)],
                ..Default::default()
            },
        },
        index: 2,
    }
    .apply(&mut doc)
    .unwrap();
    doc
}

/// Sets the unit of one goal of a channel.
fn set_unit(doc: &mut Document, channel_id: &str, goal_id: &str, unit: &str) {
    let mut plan = channel(doc, channel_id).plan.clone();
    plan.goals
        .iter_mut()
        .find(|g| g.id == goal_id)
        .unwrap()
        .unit = unit.into();
    set_plan(doc, channel_id, plan);
}

/// Reads a file's bytes, as the app does.
fn read_bytes(doc: &Document, bytes: &[u8]) -> PerformanceImport {
    read_performance_csv(doc, bytes)
}

/// `text` as UTF-16, little- or big-endian, with or without a byte-order mark.
fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for unit in (bom.then_some('\u{feff}').into_iter().chain(text.chars()))
        .collect::<String>()
        .encode_utf16()
    {
        out.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// (line, value) of each row understood.
fn values(import: &PerformanceImport) -> Vec<(u32, f64)> {
    import
        .rows
        .iter()
        .map(|r| (r.line, r.value.get()))
        .collect()
}

fn channel<'a>(doc: &'a Document, id: &str) -> &'a Channel {
    doc.channels.iter().find(|c| c.id == id).unwrap()
}

/// Reads a bad file: there are problems and no edit. Returns (line, column, message).
fn refused(doc: &Document, text: &str) -> Vec<(u32, String, String)> {
    let import = read_performance_csv(doc, text);
    assert!(!import.problems.is_empty(), "no problems in {text:?}");
    assert_eq!(import.edit, None, "a file with problems imports nothing");
    import
        .problems
        .into_iter()
        .map(|p| (p.line, p.column, p.message))
        .collect()
}

fn where_(problems: &[(u32, String, String)]) -> Vec<(u32, &str)> {
    problems.iter().map(|(l, c, _)| (*l, c.as_str())).collect()
}

fn apply(doc: &mut Document, edit: &Edit) -> Edit {
    edit.apply(doc).unwrap_or_else(|e| panic!("{e}"))
}

/// (line, month, channel id, channel name, goal id, value, previous).
type PreviewRow<'a> = (u32, &'a str, &'a str, &'a str, &'a str, f64, Option<Num>);

// ---- the good file ------------------------------------------------------------------------

#[test]
fn the_good_file_previews_every_row_with_the_value_it_replaces() {
    let doc = document();
    let import = read_performance_csv(&doc, &fixture_file("good.csv"));
    assert_eq!(import.problems, []);
    assert_eq!(import.months, ["2026-01", "2026-02", "2026-03"]);
    let rows: Vec<PreviewRow> = import
        .rows
        .iter()
        .map(|r| {
            (
                r.line,
                r.month.as_str(),
                r.channel_id.as_str(),
                r.channel_name.as_str(),
                r.goal_id.as_str(),
                r.value.get(),
                r.previous,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, "2026-01", "ch1", "Social", "g-visits", 1200.0, None),
            (
                3,
                "2026-02",
                "ch1",
                "Social",
                "g-visits",
                950.5,
                Some(Num(900.0))
            ),
            (4, "2026-03", "ch2", "E-mail", "g-opens", 0.42, None),
            (5, "2026-03", "ch3", "Events, local", "g-attend", 85.0, None),
            (6, "2026-03", "ch2", "E-mail", "g-unsub", 12.0, None),
            // Line 7 is blank.
            (8, "2026-03", "ch1", "Social", "g-signups", 61.0, None),
        ]
    );
    // The metric as the document spells it, whatever the file's case.
    assert_eq!(import.rows[0].metric, "Visits");
    assert_eq!(import.rows[4].metric, "unsubscribes");
    assert!(import.edit.is_some());
}

#[test]
fn the_good_file_records_the_figures_in_the_monthly_reviews() {
    let original = document();
    let mut doc = original.clone();
    let import = read_performance_csv(&doc, &fixture_file("good.csv"));
    let edit = import.edit.unwrap();
    // One UpdateChannel per channel touched, in the document's channel order.
    let Edit::Batch { edits } = &edit else {
        panic!("not a batch: {edit:?}")
    };
    let ids: Vec<&str> = edits
        .iter()
        .map(|e| match e {
            Edit::UpdateChannel { channel_id, .. } => channel_id.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ids, ["ch1", "ch2", "ch3"]);

    let inverse = apply(&mut doc, &edit);
    let social = &channel(&doc, "ch1").plan;
    assert_eq!(
        social.reviews,
        [
            review("2026-01", vec![actual("g-visits", 1200.0)], ""),
            // Replaced in place; the other goal's actual and the note are kept.
            review(
                "2026-02",
                vec![actual("g-visits", 950.5), actual("g-signups", 40.0)],
                "Shared the gala post"
            ),
            review("2026-03", vec![actual("g-signups", 61.0)], ""),
            review("2026-04", vec![actual("g-signups", 55.0)], ""),
        ]
    );
    assert_eq!(
        channel(&doc, "ch2").plan.reviews,
        [review(
            "2026-03",
            vec![actual("g-opens", 0.42), actual("g-unsub", 12.0)],
            ""
        )]
    );
    assert_eq!(
        channel(&doc, "ch3").plan.reviews,
        [review("2026-03", vec![actual("g-attend", 85.0)], "")]
    );
    // Nothing but the reviews changed.
    let mut back = doc.clone();
    for (c, o) in back.channels.iter_mut().zip(&original.channels) {
        c.plan.reviews = o.plan.reviews.clone();
    }
    assert_eq!(back, original);

    // The inverse restores the original exactly.
    apply(&mut doc, &inverse);
    assert_eq!(doc, original);
}

#[test]
fn importing_the_same_file_again_changes_nothing_more() {
    let text = fixture_file("good.csv");
    let mut once = document();
    let edit = read_performance_csv(&once, &text).edit.unwrap();
    apply(&mut once, &edit);

    // The same edit applied twice…
    let mut twice = once.clone();
    apply(&mut twice, &edit);
    assert_eq!(twice, once);

    // …and the file read again against the updated document: no duplicate reviews or
    // actuals, and every row now shows its own value as the previous one.
    let again = read_performance_csv(&once, &text);
    assert!(
        again.rows.iter().all(|r| r.previous == Some(r.value)),
        "{:?}",
        again.rows
    );
    let mut twice = once.clone();
    apply(&mut twice, &again.edit.unwrap());
    assert_eq!(twice, once);
}

#[test]
fn an_updated_file_replaces_the_figures_it_repeats_and_adds_the_new_ones() {
    let mut doc = document();
    let first = read_performance_csv(&doc, &fixture_file("good.csv"));
    apply(&mut doc, &first.edit.unwrap());
    let before = doc.clone();

    let update = read_performance_csv(&doc, &fixture_file("reimport-updated.csv"));
    assert_eq!(update.problems, []);
    assert_eq!(update.months, ["2026-01", "2026-02", "2026-03", "2026-05"]);
    let previous: Vec<(f64, Option<f64>)> = update
        .rows
        .iter()
        .map(|r| (r.value.get(), r.previous.map(Num::get)))
        .collect();
    assert_eq!(
        previous,
        [
            (1300.0, Some(1200.0)),
            (950.5, Some(950.5)),
            (0.45, Some(0.42)),
            (85.0, Some(85.0)),
            (9.0, Some(12.0)),
            (64.0, Some(61.0)),
            (1400.0, None),
        ]
    );
    let inverse = apply(&mut doc, &update.edit.unwrap());
    let social = &channel(&doc, "ch1").plan.reviews;
    let months: Vec<&str> = social.iter().map(|r| r.month.as_str()).collect();
    assert_eq!(
        months,
        ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    );
    assert_eq!(social[0].actuals, [actual("g-visits", 1300.0)]);
    assert_eq!(social[1].support_note, "Shared the gala post");
    assert_eq!(social[2].actuals, [actual("g-signups", 64.0)]);
    assert_eq!(
        social[4],
        review("2026-05", vec![actual("g-visits", 1400.0)], "")
    );
    assert_eq!(
        channel(&doc, "ch2").plan.reviews[0].actuals,
        [actual("g-opens", 0.45), actual("g-unsub", 9.0)]
    );
    apply(&mut doc, &inverse);
    assert_eq!(doc, before);
}

#[test]
fn the_report_reads_the_imported_figures() {
    let mut doc = document();
    let edit = read_performance_csv(&doc, &fixture_file("good.csv"))
        .edit
        .unwrap();
    apply(&mut doc, &edit);
    let report = strategy_report(&doc);
    let email = report
        .channels
        .iter()
        .find(|c| c.channel_id == "ch2")
        .unwrap();
    assert_eq!(email.latest_month.as_deref(), Some("2026-03"));
    // open rate 0.42 ≥ 0.4; unsubscribes 12 > 10 + 10 %.
    let latest: Vec<_> = email.goals.iter().map(|g| g.latest).collect();
    assert_eq!(latest, [Some(Status::OnTrack), Some(Status::OffTrack)]);
}

#[test]
fn line_ends_quotes_and_blank_rows_are_tolerated() {
    let doc = document();
    let text = "month,channel,metric,value\r\n\
                2026-01,\"Social\",\"visits\",\"1200\"\r\n\
                ,,,\r\n\
                2026-02,\"Events, local\",attendees,-3\n\
                2026-03,E-mail,open rate,.5\r\
                2026-04,ch1,visits,1e3";
    let import = read_performance_csv(&doc, text);
    assert_eq!(import.problems, []);
    let lines: Vec<(u32, f64)> = import
        .rows
        .iter()
        .map(|r| (r.line, r.value.get()))
        .collect();
    assert_eq!(lines, [(2, 1200.0), (4, -3.0), (5, 0.5), (6, 1000.0)]);
}

#[test]
fn a_channel_may_be_named_by_its_id() {
    let doc = document();
    let import = read_performance_csv(
        &doc,
        "month,channel,metric,value\n2026-01,ch3,ATTENDEES,7\n",
    );
    assert_eq!(import.problems, []);
    assert_eq!(import.rows[0].channel_name, "Events, local");
}

#[test]
fn a_bom_crlf_and_the_case_or_spaces_of_names_import() {
    let doc = document();
    let text = "\u{feff} Month ,CHANNEL,Metric , value\r\n\
                2026-01, social ,VISITS,1200\r\n\
                2026-01,\" Events, local\",Attendees , 85 \r\n";
    let import = read_performance_csv(&doc, text);
    assert_eq!(import.problems, []);
    assert_eq!(values(&import), [(2, 1200.0), (3, 85.0)]);
    assert_eq!(import.rows[1].channel_id, "ch3");
    // The same file's bytes, as the app reads it.
    assert_eq!(read_bytes(&doc, text.as_bytes()), import);
}

// ---- what a spreadsheet saves ---------------------------------------------------------------

#[test]
fn thousands_separators_in_groups_of_three_are_read() {
    let doc = document();
    let text = "month,channel,metric,value\n\
                2026-01,Social,visits,\"1,250\"\n\
                2026-02,Social,visits,\"12,345.6\"\n\
                2026-03,Social,visits,\"1,234,567\"\n\
                2026-04,Social,visits,\"-1,000\"\n\
                2026-05,Social,visits,1.250\n";
    let import = read_performance_csv(&doc, text);
    assert_eq!(import.problems, []);
    // The point is always the decimal point: 1.250 is one and a quarter.
    assert_eq!(
        values(&import),
        [
            (2, 1250.0),
            (3, 12345.6),
            (4, 1234567.0),
            (5, -1000.0),
            (6, 1.25)
        ]
    );
    let mut applied = doc.clone();
    apply(&mut applied, &import.edit.unwrap());
    assert_eq!(
        channel(&applied, "ch1").plan.reviews[0],
        review("2026-01", vec![actual("g-visits", 1250.0)], "")
    );
}

#[test]
fn a_comma_that_may_be_a_decimal_comma_is_refused_with_the_number_it_would_be() {
    let doc = document();
    let text = "month,channel,metric,value\n\
                2026-01,Social,visits,\"1,5\"\n\
                2026-02,Social,visits,\"12.345,6\"\n\
                2026-03,Social,visits,\"0,250\"\n\
                2026-04,Social,visits,\"1,2345\"\n\
                2026-05,Social,visits,\"12,34.5\"\n";
    let problems = refused(&doc, text);
    assert_eq!(
        where_(&problems),
        [
            (2, "value"),
            (3, "value"),
            (4, "value"),
            (5, "value"),
            (6, "value")
        ]
    );
    assert_eq!(
        problems[0].2,
        "\"1,5\" has a comma that is not a thousands separator (a comma must be followed by \
         groups of three digits); if it is a decimal comma, write 1.5"
    );
    assert_eq!(
        problems[1].2,
        "\"12.345,6\" has points between thousands and a decimal comma; write it as 12345.6"
    );
    assert!(problems[2].2.contains("write 0.250"), "{problems:?}");
    assert!(problems[3].2.contains("write 1.2345"), "{problems:?}");
    assert!(
        problems[4]
            .2
            .contains("\"12,34.5\" has a comma; write decimals with a point"),
        "{problems:?}"
    );
}

#[test]
fn a_percent_sign_is_read_for_a_goal_measured_in_percent() {
    let mut doc = document();
    set_unit(&mut doc, "ch2", "g-opens", "%");
    set_unit(&mut doc, "ch2", "g-unsub", "Percent");
    let text = "month,channel,metric,value\n\
                2026-01,E-mail,open rate,91%\n\
                2026-02,E-mail,open rate,42.5 %\n\
                2026-01,E-mail,unsubscribes,\"1,200%\"\n";
    let import = read_performance_csv(&doc, text);
    assert_eq!(import.problems, []);
    // The number as it stands, in the goal's unit: 91 %, not 0.91.
    assert_eq!(values(&import), [(2, 91.0), (3, 42.5), (4, 1200.0)]);
    assert!(import.edit.is_some());
}

/// Excel's "Unicode text": UTF-16 LE with a byte-order mark, tab-separated, CRLF, and
/// the numbers as the cells show them.
const UNICODE_TEXT: &str = "month\tchannel\tmetric\tvalue\r\n\
                            2026-01\tSocial\tvisits\t1,250\r\n\
                            2026-01\tEvents, local\tattendees\t85\r\n\
                            2026-01\tE-mail\topen rate\t91%\r\n";

#[test]
fn a_spreadsheets_unicode_text_imports() {
    let mut doc = document();
    set_unit(&mut doc, "ch2", "g-opens", "%");
    for little in [true, false] {
        let import = read_bytes(&doc, &utf16(UNICODE_TEXT, little, true));
        assert_eq!(import.problems, [], "little-endian: {little}");
        assert_eq!(values(&import), [(2, 1250.0), (3, 85.0), (4, 91.0)]);
        assert_eq!(import.rows[1].channel_name, "Events, local");
        assert!(import.edit.is_some());
    }
    // Comma-separated UTF-16 reads the same way.
    let import = read_bytes(
        &doc,
        &utf16(
            "month,channel,metric,value\n2026-01,Social,visits,7\n",
            true,
            true,
        ),
    );
    assert_eq!(values(&import), [(2, 7.0)]);
}

#[test]
fn utf16_without_a_byte_order_mark_is_refused_naming_the_encoding_and_how_to_save() {
    let doc = document();
    for (little, name) in [(true, "UTF-16 LE"), (false, "UTF-16 BE")] {
        let import = read_bytes(&doc, &utf16(UNICODE_TEXT, little, false));
        assert_eq!(import.rows, []);
        assert_eq!(import.edit, None);
        let problems: Vec<(u32, &str, &str)> = import
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [(
                1,
                "",
                format!(
                    "the file is {name} text without a byte-order mark (a spreadsheet's \
                     \"Unicode text\"); save it as \"CSV UTF-8\" (comma-delimited) and import that"
                )
                .as_str()
            )]
        );
    }
}

#[test]
fn a_file_in_a_legacy_encoding_is_refused_at_the_line_it_goes_wrong() {
    let doc = document();
    // "Café" in Windows-1252 on line 3.
    let bytes =
        b"month,channel,metric,value\r\n2026-01,Social,visits,1\r\n2026-01,Caf\xE9,visits,2\r\n";
    let import = read_bytes(&doc, bytes);
    assert_eq!(import.edit, None);
    assert_eq!(import.problems.len(), 1);
    let p = &import.problems[0];
    assert_eq!((p.line, p.column.as_str()), (3, ""));
    assert!(
        p.message
            .starts_with("the file is not UTF-8 text: byte 0xE9 at character 12 of this line"),
        "{p:?}"
    );
    assert!(p
        .message
        .ends_with("save it as \"CSV UTF-8\" (comma-delimited) and import that"));
}

// ---- bad files ----------------------------------------------------------------------------

#[test]
fn a_bad_month_is_named_by_line_and_column() {
    let doc = document();
    let import = read_performance_csv(&doc, &fixture_file("bad-month.csv"));
    // The good row is still previewed, but nothing is imported.
    assert_eq!(import.rows.len(), 1);
    let problems = refused(&doc, &fixture_file("bad-month.csv"));
    assert_eq!(where_(&problems), [(3, "month"), (4, "month")]);
    assert!(
        problems[0].2.contains("\"2026-13\" is not a month"),
        "{problems:?}"
    );
    assert!(problems[0].2.contains("YYYY-MM"), "{problems:?}");
    assert!(problems[1].2.contains("\"Jan 2026\""), "{problems:?}");
}

#[test]
fn an_unknown_channel_is_named_with_the_channels_there_are() {
    let problems = refused(&document(), &fixture_file("bad-channel.csv"));
    assert_eq!(where_(&problems), [(2, "channel")]);
    assert_eq!(
        problems[0].2,
        "there is no channel \"Twitter\"; the channels are \"Social\", \"E-mail\" and \"Events, local\""
    );
}

#[test]
fn an_unknown_metric_is_named_with_the_channels_metrics() {
    let problems = refused(&document(), &fixture_file("bad-metric.csv"));
    assert_eq!(where_(&problems), [(3, "metric")]);
    assert_eq!(
        problems[0].2,
        "\"Social\" has no SMART goal measuring \"clicks\"; its metrics are \"Visits\" and \"sign-ups\""
    );
}

#[test]
fn a_channel_without_goals_says_so() {
    let mut doc = document();
    set_plan(&mut doc, "ch3", ChannelPlan::default());
    let problems = refused(
        &doc,
        "month,channel,metric,value\n2026-01,\"Events, local\",attendees,5\n",
    );
    assert_eq!(where_(&problems), [(2, "metric")]);
    assert!(
        problems[0].2.contains("no SMART goal with a metric yet"),
        "{problems:?}"
    );
}

#[test]
fn values_must_be_plain_numbers() {
    let problems = refused(&document(), &fixture_file("bad-number.csv"));
    assert_eq!(
        where_(&problems),
        [(2, "value"), (3, "value"), (4, "value"), (5, "value")]
    );
    assert!(
        problems[0].2.contains("\"12%\" has a % sign"),
        "{problems:?}"
    );
    assert!(
        problems[1].2.contains("\"lots\" is not a number"),
        "{problems:?}"
    );
    assert!(problems[2].2.contains("the value is empty"), "{problems:?}");
    assert!(
        problems[3].2.contains("thousands separators"),
        "{problems:?}"
    );
}

#[test]
fn a_percent_sign_for_a_goal_not_measured_in_percent_names_the_goal_and_its_unit() {
    let problems = refused(&document(), &fixture_file("bad-number.csv"));
    assert_eq!(
        problems[0].2,
        "\"12%\" has a % sign, but the goal \"Visits\" has no unit; give the number alone (12), \
         in the goal's unit, or set the goal's unit to %"
    );
    let mut doc = document();
    set_unit(&mut doc, "ch1", "g-signups", "people");
    let problems = refused(
        &doc,
        "month,channel,metric,value\n2026-01,Social,sign-ups,\"1,250%\"\n",
    );
    assert_eq!(where_(&problems), [(2, "value")]);
    assert!(
        problems[0]
            .2
            .contains("the goal \"sign-ups\" is measured in \"people\""),
        "{problems:?}"
    );
}

#[test]
fn a_figure_given_twice_names_both_lines() {
    let problems = refused(&document(), &fixture_file("bad-duplicate.csv"));
    // "Social"/"visits" on line 2 and "ch1"/"Visits" on line 4 are the same figure.
    assert_eq!(where_(&problems), [(4, "")]);
    assert_eq!(
        problems[0].2,
        "lines 2 and 4 both give 2026-01, Social, Visits; keep one of them"
    );
}

#[test]
fn a_wrong_header_names_the_missing_and_the_extra_columns() {
    let problems = refused(&document(), &fixture_file("bad-header.csv"));
    assert_eq!(where_(&problems), [(1, ""), (1, "")]);
    assert!(
        problems[0].2.contains("lacks the column \"metric\""),
        "{problems:?}"
    );
    assert!(
        problems[1]
            .2
            .contains("unexpected columns \"kpi\" and \"notes\""),
        "{problems:?}"
    );
}

#[test]
fn a_header_repeating_a_column_or_missing_altogether_is_refused() {
    let doc = document();
    let problems = refused(
        &doc,
        "month,channel,metric,value,Month\n2026-01,Social,visits,1,2\n",
    );
    assert_eq!(where_(&problems), [(1, "")]);
    assert!(
        problems[0].2.contains("\"month\" twice (columns 1 and 5)"),
        "{problems:?}"
    );

    // A file that starts with data instead of the header.
    let problems = refused(&doc, "2026-01,Social,visits,1200\n");
    assert_eq!(where_(&problems), [(1, "")]);
    assert!(problems[0].2.contains("must be the header"), "{problems:?}");

    // A trailing comma makes an unnamed column.
    let problems = refused(
        &doc,
        "month,channel,metric,value,\n2026-01,Social,visits,1,\n",
    );
    assert!(
        problems[0].2.contains("an unnamed column (5)"),
        "{problems:?}"
    );
}

#[test]
fn a_comma_in_a_number_or_an_unquoted_name_is_refused() {
    let doc = document();
    let problems = refused(&doc, &fixture_file("bad-quoted-comma.csv"));
    // "1,5" in quotes is one field, but a decimal comma; Events, local without quotes
    // makes five fields. Line 4 quotes the name and is fine.
    assert_eq!(where_(&problems), [(2, "value"), (3, "")]);
    assert!(
        problems[0]
            .2
            .contains("\"1,5\" has a comma that is not a thousands separator"),
        "{problems:?}"
    );
    assert!(problems[1].2.contains("has 5 fields"), "{problems:?}");
    let import = read_performance_csv(&doc, &fixture_file("bad-quoted-comma.csv"));
    assert_eq!(import.rows.len(), 1);
    assert_eq!(import.rows[0].line, 4);
    assert_eq!(import.rows[0].channel_id, "ch3");
}

#[test]
fn an_empty_file_or_a_header_alone_is_refused() {
    let doc = document();
    for text in [
        fixture_file("bad-empty.csv"),
        "\u{feff}".into(),
        "\n\n".into(),
    ] {
        let problems = refused(&doc, &text);
        assert_eq!(where_(&problems), [(1, "")], "{text:?}");
        assert!(problems[0].2.contains("the file is empty"), "{problems:?}");
    }
    let problems = refused(&doc, &fixture_file("bad-header-only.csv"));
    assert_eq!(where_(&problems), [(1, "")]);
    assert!(problems[0].2.contains("only the header"), "{problems:?}");
}

#[test]
fn an_unclosed_quote_names_the_line_it_opened_on() {
    let problems = refused(&document(), &fixture_file("bad-unclosed-quote.csv"));
    assert_eq!(where_(&problems), [(3, "channel")]);
    assert!(
        problems[0].2.contains("opened on line 3 is never closed"),
        "{problems:?}"
    );
}

#[test]
fn every_problem_is_collected_and_a_quoted_line_break_counts_as_a_line() {
    let doc = document();
    let text = "month,channel,metric,value\n\
                2026-00,\"Soc\nial\",visits,x\n\
                2026-01,Social,clicks,5\n\
                2026-01,Social,visits,\"abc\"def\n";
    let problems = refused(&doc, text);
    assert_eq!(
        where_(&problems),
        [
            (2, "month"),
            (2, "channel"),
            (2, "value"),
            (4, "metric"),
            (5, "value")
        ]
    );
    assert!(
        problems[4].2.contains("follows the closing quote"),
        "{problems:?}"
    );
}

#[test]
fn at_most_a_hundred_problems_are_listed() {
    let mut text = String::from("month,channel,metric,value\n");
    for _ in 0..150 {
        text.push_str("2026-13,Social,visits,1\n");
    }
    let problems = refused(&document(), &text);
    assert_eq!(problems.len(), 100);
    assert_eq!(problems[98].0, 100);
    assert_eq!(
        problems[99],
        (
            101,
            String::new(),
            "and 51 more problems from here on".into()
        )
    );
}

#[test]
fn two_channels_with_one_name_must_be_named_by_id() {
    let mut doc = document();
    Edit::AddChannel {
        channel: Channel {
            id: "ch4".into(),
            name: "SOCIAL".into(),
            icon: String::new(),
            color: None,
            plan: ChannelPlan::default(),
        },
        index: 3,
    }
    .apply(&mut doc)
    .unwrap();
    let problems = refused(
        &doc,
        "month,channel,metric,value\n2026-01,social,visits,1\n",
    );
    assert_eq!(where_(&problems), [(2, "channel")]);
    assert!(
        problems[0].2.contains("2 channels are named \"social\""),
        "{problems:?}"
    );
    let import = read_performance_csv(&doc, "month,channel,metric,value\n2026-01,ch1,visits,1\n");
    assert_eq!(import.problems, []);
}

#[test]
fn the_import_serializes_in_camel_case() {
    let doc = document();
    let import = read_performance_csv(&doc, &fixture_file("good.csv"));
    let json = serde_json::to_value(&import).unwrap();
    assert_eq!(json["rows"][1]["channelId"], "ch1");
    assert_eq!(json["rows"][1]["previous"], 900.0);
    assert_eq!(json["edit"]["type"], "Batch");
    let back: PerformanceImport = serde_json::from_value(json).unwrap();
    assert_eq!(back, import);
}

#[test]
fn a_file_separated_by_semicolons_says_so_and_how_to_save_it() {
    let problems = refused(
        &document(),
        "month;channel;metric;value\n2026-01;Social;visits;12,5\n",
    );
    assert_eq!(where_(&problems), [(1, "")]);
    assert!(
        problems[0].2.contains("separated by semicolons"),
        "{problems:?}"
    );
    assert!(problems[0].2.contains("CSV with commas"), "{problems:?}");
}
