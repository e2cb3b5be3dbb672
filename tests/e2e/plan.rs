//! The strategist's model in the real window, each step checked in the file with sqlite3:
//! a new channel gets a job description and two SMART goals; a month of performance data
//! comes in from CSV through the native Open dialog and the call centre's status changes;
//! the first gift becomes a passion point with a KPI; the map is filtered to one persona;
//! the word-of-mouth loop is drawn; a point of vulnerability is marked. Then the app quits
//! and starts again, and all of it is there. Screenshots of the roster, the performance
//! chart and the passion-points overview are saved for a person to look at.

use serde_json::json;

use super::editor::Editor;
use super::export::answer_file_dialog;
use super::save_screenshot;
use super::webdriver::{wait_for, Element, CONTROL, ENTER};
use super::STEP;

const TAB: &str = "\u{E004}";

impl Editor {
    fn view(&self, id: &str) {
        let tab = self.one(&format!("[data-testid=view-tab-{id}]"));
        self.s().click(&tab);
        self.one(&format!("[data-testid=view-panel][data-view={id}]"));
    }

    /// Replaces a text field's value as a person does (select all, type) and leaves it,
    /// which commits the field.
    fn fill(&self, field: &Element, text: &str) {
        let s = self.s();
        self.reveal(field);
        s.click(field);
        s.chord(CONTROL, "a");
        s.type_text(field, &format!("{text}{TAB}"));
    }

    /// Waits until `query` answers `expected` in the file (outside the map view, where
    /// there is no canvas to catch up).
    fn wait_sql(&self, what: &str, query: &str, expected: &str) {
        wait_for(STEP, what, || (self.sql(query) == expected).then_some(()));
    }

    fn fill_css(&self, css: &str, text: &str) {
        let field = self.one(css);
        self.fill(&field, text);
    }

    /// Picks an option of a `<select>` (native pop-ups are outside the page).
    fn choose(&self, css: &str, value: &str) {
        let select = self.one(css);
        self.s().execute(
            "const [el, v] = arguments; el.value = v; \
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            json!([select.json(), value]),
        );
    }

    fn click_css(&self, css: &str) {
        let e = self.one(css);
        self.reveal(&e);
        self.s().click(&e);
    }

    /// Scrolls an element to the middle of its scrolling panel, as a person scrolls to it.
    fn reveal(&self, e: &Element) {
        self.s().execute(
            "arguments[0].scrollIntoView({ block: 'center' }); \
             document.scrollingElement.scrollTop = 0;",
            json!([e.json()]),
        );
    }

    fn select_card(&self, id: &str) {
        self.s().click_at(self.card_center(id), None);
        wait_for(STEP, &format!("{id} to be selected"), || {
            self.selected(id).then_some(())
        });
    }

    fn status_of(&self, channel_id: &str) -> String {
        let pill = self.one(&format!(
            "[data-testid=channel-card][data-channel-id=\"{channel_id}\"] [data-testid=status-pill]"
        ));
        self.s().attribute(&pill, "data-status").unwrap_or_default()
    }
}

#[test]
fn a_strategist_plans_channels_passion_points_loops_and_risks_and_finds_them_after_restart() {
    let mut d = Editor::start("plan");
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| steps(&mut d)));
    if let Err(panic) = outcome {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            save_screenshot(d.s(), "plan-failed.png")
        }));
        std::panic::resume_unwind(panic);
    }
    assert_eq!(d.sql("pragma integrity_check;"), "ok");
    d.end();
}

fn steps(d: &mut Editor) {
    // --- A new channel with a job description and two SMART goals ---------------------
    d.view("channels");
    let before = d.sql("select count(*) from channels;");
    d.click_css("[data-testid=channel-add]");
    d.wait_sql(
        "a new channel in the file",
        "select count(*) from channels;",
        &(before.parse::<u32>().unwrap() + 1).to_string(),
    );
    let channel = d.sql("select id from channels order by position desc limit 1;");
    d.one("[data-testid=job-form]");
    d.fill_css("[data-testid=job-name]", "Newsletter");
    d.wait_sql(
        "the channel's name",
        &format!("select name from channels where id = '{channel}';"),
        "Newsletter",
    );
    d.fill_css("[data-testid=job-roleTitle]", "Storyteller");
    d.fill_css(
        "[data-testid=job-purpose]",
        "Keeps supporters close between gifts",
    );
    d.fill_css("[data-testid=job-owner]", "Comms team");
    d.wait_sql(
        "the job description",
        &format!("select role_title || '|' || purpose || '|' || owner from channels where id = '{channel}';"),
        "Storyteller|Keeps supporters close between gifts|Comms team",
    );
    for (n, (statement, metric, target)) in [
        ("Readers open the monthly newsletter", "Opens", "40"),
        ("Readers click through to a story", "Clicks", "8"),
    ]
    .into_iter()
    .enumerate()
    {
        d.click_css("[data-testid=goal-add]");
        d.fill_css("[data-testid=goal-statement]", statement);
        d.fill_css("[data-testid=goal-metric]", metric);
        d.fill_css("[data-testid=goal-unit]", "%");
        d.fill_css("[data-testid=goal-target]", target);
        d.fill_css("[data-testid=goal-period]", "monthly");
        d.click_css("[data-testid=goal-save]");
        d.wait_sql(
            "a SMART goal in the file",
            &format!("select count(*) from smart_goals where channel_id = '{channel}';"),
            &(n + 1).to_string(),
        );
    }
    assert_eq!(
        d.sql(&format!(
            "select group_concat(metric || '=' || target, ',') from \
             (select metric, target from smart_goals where channel_id = '{channel}' order by position);"
        )),
        "Opens=40.0,Clicks=8.0"
    );
    // Neither goal says what it is relevant to: the editor says so (once the report of
    // the new revision is in).
    let missing = wait_for(STEP, "both goals' missing SMART parts", || {
        let found = d.s().find_all("[data-testid=smart-missing]");
        (found.len() == 2).then_some(found)
    });
    assert!(d.s().text(&missing[0]).contains("Relevant"));

    // --- A month of performance data from CSV changes the call centre's status ---------
    wait_for(STEP, "the call centre off track before the import", || {
        (d.status_of("ch-call-centre") == "off_track").then_some(())
    });
    let csv = d.desktop().document.with_file_name("november.csv");
    std::fs::write(
        &csv,
        "month,channel,metric,value\n2026-11,Call centre,Calls within 48 h,93\n2026-11,Newsletter,Opens,41\n",
    )
    .unwrap();
    d.click_css("[data-testid=csv-choose]");
    answer_file_dialog(&d.desktop().display, "Import performance data", &csv);
    wait_for(STEP, "two rows in the CSV preview", || {
        (d.s().find_all("[data-testid=csv-row]").len() == 2).then_some(())
    });
    d.click_css("[data-testid=csv-import]");
    d.wait_sql(
        "November's actuals in the file",
        "select count(*) from review_actuals where month = '2026-11';",
        "2",
    );
    assert_eq!(
        d.sql(
            "select value from review_actuals where month = '2026-11' and goal_id = 'g-call-48h';"
        ),
        "93.0"
    );
    wait_for(STEP, "the call centre on track", || {
        (d.status_of("ch-call-centre") == "on_track").then_some(())
    });
    d.s().wait_painted();
    save_screenshot(d.s(), "plan-channels-roster.png");

    // The call centre's performance chart: a point per reviewed month.
    d.click_css("[data-testid=channel-card][data-channel-id=\"ch-call-centre\"]");
    let chart = d.one("[data-testid=performance-chart]");
    // A point per reviewed month: October and November (the chart may draw before the
    // channel's reviews are in).
    wait_for(STEP, "October's and November's points on the chart", || {
        (d.s().find_all("[data-testid=chart-point]").len() == 2).then_some(())
    });
    d.reveal(&chart);
    d.s().wait_painted();
    save_screenshot(d.s(), "plan-performance-chart.png");

    // --- The first gift becomes a passion point with a conversion KPI ------------------
    d.view("map");
    d.select_card("c-ten-dollar-gift");
    d.click_css("[data-testid=inspect-card] input[data-flag=passionPoint]");
    d.wait_file(
        "the first gift marked a passion point",
        "select passion_point from cards where id = 'c-ten-dollar-gift';",
        "1",
    );
    d.click_css("[data-testid=add-kpi]");
    d.wait_file(
        "a KPI on the first gift",
        "select count(*) from kpis where card_id = 'c-ten-dollar-gift';",
        "1",
    );
    d.fill_css("[data-testid=kpi-name]", "Donation page conversion");
    d.fill_css("[data-testid=kpi-target]", "4");
    d.fill_css("[data-testid=kpi-actual]", "2.5");
    d.fill_css("[data-testid=kpi-unit]", "%");
    d.wait_file(
        "the KPI's figures",
        "select name || '|' || target || '|' || actual || '|' || unit from kpis where card_id = 'c-ten-dollar-gift';",
        "Donation page conversion|4.0|2.5|%",
    );

    // --- A point of vulnerability with its owner ---------------------------------------
    d.select_card("c-welcome-series");
    d.click_css("[data-testid=inspect-card] input[data-flag=pointOfVulnerability]");
    d.wait_file(
        "the welcome series marked vulnerable",
        "select point_of_vulnerability from cards where id = 'c-welcome-series';",
        "1",
    );
    d.click_css("[data-testid=severity-3]");
    d.fill_css("[data-testid=vuln-owner]", "Supporter care lead");
    d.wait_file(
        "severity and owner",
        "select vuln_severity || '|' || vuln_owner from cards where id = 'c-welcome-series';",
        "3|Supporter care lead",
    );

    // --- The word-of-mouth loop: the fundraiser's page brings a new supporter's search --
    let loops = "select count(*) from connectors where kind = 'word_of_mouth';";
    assert_eq!(d.sql(loops), "1");
    // The loop spans the whole journey: the strategist fits the map to see both ends.
    d.click_css("[data-testid=zoom-fit]");
    d.select_card("c-fundraiser-page");
    let handle = d.one("[data-testid=connect-handle]");
    let from = d.s().center(&handle);
    d.s().drag(from, d.card_center("c-local-search"), 15, 20);
    let new_connector = "select id from connectors where from_card_id = 'c-fundraiser-page' \
                         and to_card_id = 'c-local-search';";
    wait_for(STEP, "the new connector in the file", || {
        let id = d.sql(new_connector);
        (!id.is_empty()).then_some(())
    });
    let id = d.sql(new_connector);
    let drawn = d.one(&format!(
        "[data-testid=connector][data-connector-id=\"{id}\"]"
    ));
    d.s()
        .execute("arguments[0].focus();", json!([drawn.json()]));
    d.s().keys(ENTER);
    d.click_css("[data-testid=inspect-connector] input[value=word_of_mouth]");
    d.wait_file("the loop is word of mouth", loops, "2");

    // --- The map filtered to Robert's path --------------------------------------------
    d.choose("[data-testid=persona-filter]", "p-robert");
    wait_for(STEP, "Maya's cards faded", || {
        let maya_only = d.card("c-ten-dollar-gift");
        (d.s().attribute(&maya_only, "data-dimmed").as_deref() == Some("true")).then_some(())
    });
    let shared = d.card("c-thank-you-call");
    assert_eq!(d.s().attribute(&shared, "data-dimmed"), None);
    d.s().wait_painted();
    save_screenshot(d.s(), "plan-persona-filter.png");
    d.choose("[data-testid=persona-filter]", "");

    // --- The overviews --------------------------------------------------------------
    d.view("passion");
    wait_for(
        STEP,
        "the first gift in the passion-points overview",
        || {
            d.s()
                .find_all("[data-testid=passion-row][data-card-id=\"c-ten-dollar-gift\"]")
                .into_iter()
                .next()
        },
    );
    let row = d.one("[data-testid=passion-row][data-card-id=\"c-ten-dollar-gift\"]");
    assert_eq!(
        d.s().attribute(&row, "data-status").as_deref(),
        Some("off_track")
    );
    d.s().wait_painted();
    save_screenshot(d.s(), "plan-passion-overview.png");
    d.view("loops");
    wait_for(STEP, "both word-of-mouth loops listed", || {
        let listed = d
            .s()
            .find_all("[data-testid=loop-group][data-kind=word_of_mouth] [data-testid=loop]");
        (listed.len() == 2).then_some(())
    });

    // --- Quit, start again: all of it is there ---------------------------------------
    d.relaunch();
    d.view("channels");
    let role = format!(
        "[data-testid=channel-card][data-channel-id=\"{channel}\"] [data-testid=channel-role]"
    );
    wait_for(
        STEP,
        "the newsletter's role title after the restart",
        || {
            let newsletter = d.one(&role);
            d.s()
                .text(&newsletter)
                .contains("Storyteller")
                .then_some(())
        },
    );
    wait_for(STEP, "the call centre on track after the restart", || {
        (d.status_of("ch-call-centre") == "on_track").then_some(())
    });
    d.view("passion");
    d.one("[data-testid=passion-row][data-card-id=\"c-ten-dollar-gift\"]");
    d.view("risks");
    wait_for(STEP, "the welcome series' owner in the risks", || {
        let risk = d.one("[data-testid=risk][data-card-id=\"c-welcome-series\"]");
        d.s()
            .text(&risk)
            .contains("Supporter care lead")
            .then_some(())
    });
    save_screenshot(d.s(), "plan-risks.png");
    d.view("loops");
    wait_for(STEP, "both word-of-mouth loops listed", || {
        let listed = d
            .s()
            .find_all("[data-testid=loop-group][data-kind=word_of_mouth] [data-testid=loop]");
        (listed.len() == 2).then_some(())
    });
}
