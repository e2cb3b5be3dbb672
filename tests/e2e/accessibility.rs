//! axe-core, run inside the real window on the sample map with a card selected (so the
//! inspector shows too): no serious or critical accessibility violations.

use serde_json::json;

use super::webdriver::wait_for;
use super::{save_screenshot, Desktop, STEP};
use crate::common::root;

#[test]
fn the_editor_has_no_serious_or_critical_axe_violations() {
    let axe = std::fs::read_to_string(root().join("ui/node_modules/axe-core/axe.min.js"))
        .expect("axe-core is a dev dependency of the UI (npm ci in ui/)");
    let desktop = Desktop::start();
    let session = desktop.launch();
    // Select a card so the inspector's form is part of the check.
    let card = wait_for(STEP, "a card", || {
        session
            .find_all("[data-card-id=c-donation-page]")
            .into_iter()
            .next()
    });
    session.click_at(session.center(&card), None);
    wait_for(STEP, "the card inspector", || {
        session
            .find_all("[data-testid=inspect-card]")
            .into_iter()
            .next()
    });

    let script = format!(
        "{axe}\n;const done = arguments[arguments.length - 1];\
         axe.run(document, {{ resultTypes: ['violations'] }}).then(\
           r => done(r.violations.map(v => ({{ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }}))),\
           e => done({{ error: String(e) }}));"
    );
    let violations = session.execute_async(&script, json!([]));
    assert!(
        violations.get("error").is_none(),
        "axe failed: {violations}"
    );
    let all = violations.as_array().expect("a list of violations").clone();
    for v in &all {
        println!(
            "axe {}: {} — {} {}",
            v["impact"], v["id"], v["help"], v["nodes"]
        );
    }
    let bad: Vec<_> = all
        .iter()
        .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
        .collect();
    if !bad.is_empty() {
        save_screenshot(&session, "accessibility-failed.png");
    }
    assert!(
        bad.is_empty(),
        "serious or critical accessibility violations: {bad:#?}"
    );
    session.end();
}
