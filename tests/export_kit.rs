//! `waymark export --kit`: the kickoff kit from the kickoff template with two channels
//! with SMART goals and an ended dot-voting round, read back with poppler (`pdfinfo`,
//! `pdftotext`, `pdffonts`); and the kit asked of a PNG or of a map that is not there,
//! refused with a message and no file.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use waymark_model::*;

use crate::common::waymark_bin;

const EMAIL_GOAL: &str = "Answer every sign-up question within one working day";
const EVENTS_GOAL: &str = "Fill three kickoff rooms with twelve people each";
const QUESTION: &str = "Which topic needs the most time on the day?";

fn waymark(args: &[&OsStr]) -> Output {
    Command::new(waymark_bin())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env("SOURCE_DATE_EPOCH", "1763856000")
        .output()
        .unwrap()
}

fn tool(name: &str, args: &[&OsStr]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils, installed by scripts/test): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn channel(id: &str, name: &str, role: &str, goal: &str) -> Channel {
    Channel {
        id: id.into(),
        name: name.into(),
        icon: name[..2].to_uppercase(),
        color: None,
        plan: ChannelPlan {
            ownership: Ownership::Owned,
            reach: Reach::Online,
            job: JobDescription {
                role_title: role.into(),
                purpose: "Keeps the people who signed up informed until the day.".into(),
                responsibilities: "Send the invitation\nAnswer questions".into(),
                owner: "Priya Natarajan".into(),
                works_with: Vec::new(),
            },
            goals: vec![SmartGoal {
                id: format!("{id}-goal"),
                statement: goal.into(),
                metric: "answered within a day".into(),
                target: Some(Num(95.0)),
                unit: "%".into(),
                baseline: Some(Num(60.0)),
                better: Better::Up,
                period: "monthly".into(),
                relevant_to: None,
            }],
            reviews: Vec::new(),
        },
    }
}

/// A kickoff document with two channels, two participants and an ended round whose
/// winner is the map's second card (two participant dots and two on paper). Returns the
/// document's path and the winning card's title.
fn kickoff(dir: &Path) -> (PathBuf, String) {
    let doc = dir.join("kickoff.waymark");
    let out = waymark(&[
        "new".as_ref(),
        doc.as_os_str(),
        "--template".as_ref(),
        "kickoff-workshop".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut store = waymark_store::Store::open(&doc).unwrap();
    let map = store.document().maps[0].clone();
    let (first, second) = (map.cards[0].id.clone(), map.cards[1].id.clone());
    let mut edits = vec![
        Edit::AddChannel {
            channel: channel("ch-email", "E-mail", "Invitation desk", EMAIL_GOAL),
            index: 0,
        },
        Edit::AddChannel {
            channel: channel("ch-events", "Events", "Room host", EVENTS_GOAL),
            index: 1,
        },
    ];
    for (id, name) in [("p-ana", "Ana Ruiz"), ("p-ben", "Ben Osei")] {
        edits.push(Edit::AddParticipant {
            participant: Participant {
                id: id.into(),
                name: name.into(),
                initials: String::new(),
                color: String::new(),
            },
            index: 9,
        });
    }
    let vote = |who: Option<&str>, card: &str, count: u32| Vote {
        participant_id: who.map(Into::into),
        card_id: card.into(),
        count,
    };
    edits.push(Edit::StartVoteRound {
        map_id: map.id.clone(),
        index: 0,
        round: VoteRound {
            id: "round-1".into(),
            question: QUESTION.into(),
            votes_per_participant: 3,
            max_per_card: 2,
            eligible: Eligibility::Cards {
                card_ids: vec![first.clone(), second.clone()],
            },
            anonymous: false,
            state: RoundState::Open,
            votes: Vec::new(),
        },
    });
    edits.push(Edit::SetRoundVotes {
        map_id: map.id.clone(),
        round_id: "round-1".into(),
        votes: vec![
            vote(None, &second, 2),
            vote(Some("p-ana"), &second, 2),
            vote(Some("p-ben"), &first, 1),
        ],
    });
    edits.push(Edit::EndVoteRound {
        map_id: map.id.clone(),
        round_id: "round-1".into(),
    });
    for edit in &edits {
        store
            .apply(edit)
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    }
    (doc, map.cards[1].title.clone())
}

/// Each page's size in whole points.
fn page_sizes(pdf: &Path) -> Vec<(u32, u32)> {
    let info = tool(
        "pdfinfo",
        &[
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "999".as_ref(),
            pdf.as_os_str(),
        ],
    );
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let v: Vec<f32> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (v[1].round() as u32, v[2].round() as u32)
        })
        .collect()
}

fn text(pdf: &Path, first: usize, last: usize) -> String {
    let (f, l) = (first.to_string(), last.to_string());
    let t = tool(
        "pdftotext",
        &[
            "-f".as_ref(),
            f.as_ref(),
            "-l".as_ref(),
            l.as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_kit_of_a_kickoff_is_an_a1_poster_handouts_votes_and_worksheets() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, winner) = kickoff(dir.path());
    let pdf = dir.path().join("kit.pdf");
    let out = waymark(&[
        "export".as_ref(),
        "--kit".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("kickoff kit"), "{said}");

    let stored = waymark_store::Store::read(&doc).unwrap();
    let map = &stored.maps[0];
    let sizes = page_sizes(&pdf);
    let n = map.stages.len();
    // The A1 poster, two channel handouts, the KPI sheet, the votes, a worksheet a stage.
    assert_eq!(sizes.len(), 1 + 2 + 1 + 1 + n, "{sizes:?}");
    assert_eq!(sizes[0], (2384, 1684), "an A1 poster in landscape");
    assert!(
        sizes[1..5].iter().all(|s| *s == (595, 842)),
        "A4: {sizes:?}"
    );
    assert!(
        sizes[5..].iter().all(|s| *s == (842, 595)),
        "A4 landscape: {sizes:?}"
    );

    let all = text(&pdf, 1, sizes.len());
    for needle in [
        "E-mail",
        EMAIL_GOAL,
        "Events",
        EVENTS_GOAL,
        "Passion points",
        "Voting results",
        QUESTION,
    ] {
        assert!(all.contains(needle), "{needle:?} missing from {all}");
    }
    // The handouts are one channel each, the winner heads the round's table.
    assert!(text(&pdf, 2, 2).contains(EMAIL_GOAL) && !text(&pdf, 2, 2).contains(EVENTS_GOAL));
    let votes = text(&pdf, 5, 5);
    let after_header = &votes[votes.find("WHO").expect("named rounds name who voted")..];
    assert!(
        after_header
            .trim_start_matches("WHO")
            .trim_start()
            .starts_with(&format!("1 {winner}")),
        "the winner first: {votes}"
    );
    for (i, stage) in map.stages.iter().enumerate() {
        let sheet = text(&pdf, 6 + i, 6 + i);
        assert!(sheet.contains(&stage.name), "{sheet}");
        assert!(map.lanes.iter().all(|l| sheet.contains(&l.name)), "{sheet}");
    }

    // The bundled Inter only, embedded; the kit reopens as the map.
    let fonts = tool("pdffonts", &[pdf.as_os_str()]);
    let fonts: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!fonts.is_empty());
    assert!(
        fonts
            .iter()
            .all(|l| l.contains("Inter") && l.contains(" yes ")),
        "{fonts:?}"
    );
    let copy = dir.path().join("copy.waymark");
    let out = waymark(&["new".as_ref(), copy.as_os_str()]);
    assert!(out.status.success());
    let out = waymark(&["import".as_ref(), copy.as_os_str(), pdf.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_kit_as_png_or_of_a_missing_map_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, _) = kickoff(dir.path());
    let png = dir.path().join("kit.png");
    let out = waymark(&[
        "export".as_ref(),
        "--kit".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--kit") && err.contains("PNG"), "{err}");
    assert!(!png.exists());

    let pdf = dir.path().join("kit.pdf");
    let out = waymark(&[
        "export".as_ref(),
        "--kit".as_ref(),
        doc.as_os_str(),
        "--map".as_ref(),
        "Nowhere".as_ref(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no map named “Nowhere”"), "{err}");
    assert!(!pdf.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("kit"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
