//! Crash consistency through the real app (issue 15): the window makes a stream of edits
//! (card drags, card titles, undo) and its process is killed with SIGKILL at a random
//! moment, often while a save is still on its way. The app is started again on the same
//! file, which must pass `PRAGMA integrity_check`, open with the map drawn, hold every
//! change the window had shown as saved (the canvas draws a revision only once the store
//! has committed it), and still undo and redo from there.
//!
//! Quick by default (3 kills); `WAYMARK_APP_KILLS=50 cargo test --test tests
//! e2e::crash_app -- --nocapture` is the full run (docs/RELIABILITY.md).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use super::webdriver::{wait_for, Session, CONTROL, ENTER};
use super::{save_screenshot, wait_for_sample_map, Desktop, STEP};
use crate::common::{sqlite3, waymark_bin};

fn kills() -> u32 {
    std::env::var("WAYMARK_APP_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
}

/// SplitMix64: the same moments and edits on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % n.max(1)
    }
}

/// What the window shows: the revision its canvas draws and each card's label and place.
#[derive(Debug, PartialEq)]
struct Shown {
    revision: u64,
    cards: Vec<(String, String, String)>,
}

const SHOWN: &str = "
    const canvas = document.querySelector('[data-testid=canvas]');
    if (!canvas) return null;
    const cards = [...canvas.querySelectorAll('[data-testid=card][data-card-id]')]
        .map(c => [c.getAttribute('data-card-id'), c.getAttribute('aria-label') || '',
                   c.getAttribute('transform') || '']);
    cards.sort((a, b) => a[0] < b[0] ? -1 : 1);
    return { revision: canvas.getAttribute('data-revision'), cards };";

fn shown(session: &Session) -> Option<Shown> {
    let v = session.execute(SHOWN, json!([]));
    let revision = v["revision"].as_str()?.parse().ok()?;
    let cards = v["cards"]
        .as_array()?
        .iter()
        .map(|c| {
            let s = |i: usize| c[i].as_str().unwrap_or_default().to_string();
            (s(0), s(1), s(2))
        })
        .collect();
    Some(Shown { revision, cards })
}

/// What the window shows when it holds still (two reads 150 ms apart agree): not a
/// drag's easing or a card moved ahead of its save.
fn shown_still(session: &Session) -> Option<Shown> {
    let first = shown(session)?;
    std::thread::sleep(Duration::from_millis(150));
    (shown(session)? == first).then_some(first)
}

fn revision_in(document: &Path) -> u64 {
    sqlite3(
        document,
        "select value from document_info where key = 'revision';",
    )
    .trim()
    .parse()
    .unwrap()
}

/// The app's own process (not WebKit's helpers): `waymark` with this test's HOME.
fn app_pid(home: &Path) -> u32 {
    let bin = std::fs::canonicalize(waymark_bin()).unwrap();
    wait_for(STEP, "the app's process", || {
        std::fs::read_dir("/proc")
            .ok()?
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .find(|pid| {
                // The shared target folder may rebuild the binary under a running app.
                std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| {
                    let exe = exe.to_string_lossy();
                    Path::new(exe.trim_end_matches(" (deleted)")) == bin
                }) && std::fs::read(format!("/proc/{pid}/environ"))
                    .map(|env| {
                        let home = format!("HOME={}", home.display());
                        env.split(|&b| b == 0).any(|kv| kv == home.as_bytes())
                    })
                    .unwrap_or(false)
            })
    })
}

/// The window after a launch: the map drawn at the file's revision.
fn wait_settled(session: &Session, document: &Path) -> Shown {
    wait_for(STEP, "the canvas to draw the file's revision", || {
        let shown = shown(session)?;
        (shown.revision == revision_in(document) && !shown.cards.is_empty()).then_some(shown)
    })
}

struct Stream<'a> {
    session: &'a Session,
    document: &'a Path,
    rng: Rng,
    step: u64,
}

impl Stream<'_> {
    fn sql(&self, query: &str) -> Vec<String> {
        sqlite3(self.document, query)
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn pick(&mut self, list: &[String]) -> String {
        list[self.rng.below(list.len() as u64) as usize].clone()
    }

    fn center(&self, css: &str) -> Option<(f64, f64)> {
        let e = self.session.find_all(css).into_iter().next()?;
        Some(self.session.center(&e))
    }

    /// One edit as a person makes it, sent without waiting for it to be saved.
    fn act(&mut self) {
        let s = self.session;
        self.step += 1;
        let cards = self.sql("select id from cards order by id;");
        let card = self.pick(&cards);
        let Some(from) = self.center(&format!(
            "[data-testid=card][data-card-id=\"{card}\"] .card-body"
        )) else {
            return;
        };
        match self.rng.below(10) {
            // A card dragged to another cell.
            0..=4 => {
                let stage = self.pick(&self.sql("select id from stages;"));
                let lane = self.pick(&self.sql("select id from lanes;"));
                let stage = s.find_all(&format!(
                    "[data-testid=stage-handle][data-stage-id=\"{stage}\"]"
                ));
                let lane = s.find_all(&format!(
                    "[data-testid=lane-handle][data-lane-id=\"{lane}\"]"
                ));
                let (Some(stage), Some(lane)) = (stage.first(), lane.first()) else {
                    return;
                };
                let (x, _, w, _) = s.rect(stage);
                let (_, y, _, h) = s.rect(lane);
                s.drag(from, (x + w / 2.0, y + h - 12.0), 6, 10);
            }
            // A card's title typed.
            5..=7 => {
                s.double_click_at(from);
                let Some(title) = s
                    .find_all("[data-testid=card-editor-title]")
                    .into_iter()
                    .next()
                else {
                    return;
                };
                s.chord(CONTROL, "a");
                s.type_text(&title, &format!("Kill step {}{ENTER}", self.step));
            }
            // Undo (Ctrl+Z on the map).
            _ => s.chord(CONTROL, "z"),
        }
    }
}

#[test]
fn app_killed_mid_edit_reopens_with_every_saved_edit() {
    let kills = kills();
    let started = Instant::now();
    let desktop = Desktop::start();
    let document: PathBuf = desktop.document.clone();
    let mut rng = Rng(15);
    let mut session = desktop.launch();
    // The whole map in view, so every card and cell can be pointed at.
    let fit = session.find_all("[data-testid=zoom-fit]").remove(0);
    session.click(&fit);
    wait_settled(&session, &document);
    let (mut mid_save, mut hot, mut edits, mut saved, mut undone) = (0, 0, 0, 0, 0);
    let mut empty_journals = 0;
    for kill in 0..kills {
        // A stream of 1–6 edits.
        let mut stream = Stream {
            session: &session,
            document: &document,
            rng: Rng(rng.below(u64::MAX)),
            step: u64::from(kill) * 100,
        };
        // The newest revision the canvas drew, and the map as drawn when it held still.
        let mut last_shown = wait_for(STEP, "the map to hold still", || shown_still(&session));
        let mut revision_shown = last_shown.revision;
        let start = last_shown.revision;
        let n = 1 + rng.below(6);
        for i in 0..n {
            stream.act();
            edits += 1;
            if i + 1 < n {
                if let Some(now) = shown_still(&session) {
                    last_shown = now;
                }
            }
            revision_shown = revision_shown.max(shown(&session).map_or(0, |s| s.revision));
        }
        // The kill 0–100 ms after the last edit was sent, half the time within 15 ms,
        // while that edit is on its way to the store or being saved.
        let delay = if rng.below(2) == 0 { 15 } else { 100 };
        std::thread::sleep(Duration::from_millis(rng.below(delay)));
        revision_shown = revision_shown.max(shown(&session).map_or(0, |s| s.revision));
        let pid = app_pid(desktop.home()).to_string();
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status()
            .unwrap();
        assert!(killed.success(), "kill -KILL {pid}");
        session.end_quietly();
        super::wait_until_released(&document);
        let journal = document.with_extension("waymark-journal");
        hot += journal.exists() as u32;

        // Started again on the same file: the map drawn at the file's revision.
        session = Session::start(&desktop.driver.url, &waymark_bin(), &[]);
        wait_for_sample_map(&session);
        let fit = wait_for(STEP, "the zoom-fit button", || {
            session
                .find_all("[data-testid=zoom-fit]")
                .into_iter()
                .next()
        });
        session.click(&fit);
        let after = wait_settled(&session, &document);
        assert_eq!(
            sqlite3(&document, "pragma integrity_check;").trim(),
            "ok",
            "kill {kill}"
        );
        // A journal left now is not hot: SQLite rolled back a hot one when the app opened
        // the file. A kill between a journal's creation and its first write leaves it
        // empty, which SQLite ignores and the next save takes over and deletes.
        let left = std::fs::read(&journal).unwrap_or_default();
        assert!(
            left.first().is_none_or(|&b| b == 0),
            "kill {kill}: a journal with content is left beside the reopened file"
        );
        empty_journals += journal.exists() as u32;
        // Every change shown as saved is in the file; changes sent after it may be too.
        assert!(
            after.revision >= revision_shown,
            "kill {kill}: the file is at revision {}, the window had shown {revision_shown}",
            after.revision,
        );
        if after.revision == last_shown.revision {
            assert_eq!(
                after, last_shown,
                "kill {kill}: the reopened map differs from the one shown before the kill"
            );
        }
        if after.revision > revision_shown {
            mid_save += 1;
            assert!(
                after.revision <= last_shown.revision + n,
                "kill {kill}: more changes in the file than edits sent"
            );
        }
        saved += after.revision - start;
        if kill == 0 {
            save_screenshot(&session, "crash-app-after-kill.png");
        }

        // Undo and redo still work from the reopened state, and reach the file.
        let undo = session.find_all("[data-testid=undo]").remove(0);
        if session.attribute(&undo, "disabled").is_none() {
            session.click(&undo);
            let undone_to = wait_for(STEP, "the undo in the file", || {
                let shown = shown(&session)?;
                (shown.revision == after.revision + 1
                    && revision_in(&document) == after.revision + 1)
                    .then_some(shown)
            });
            let redo = wait_for(STEP, "Redo to be enabled", || {
                let b = session.find_all("[data-testid=redo]").into_iter().next()?;
                session.attribute(&b, "disabled").is_none().then_some(b)
            });
            session.click(&redo);
            let redone = wait_for(STEP, "the redo in the file", || {
                let shown = shown(&session)?;
                (shown.revision == after.revision + 2
                    && revision_in(&document) == after.revision + 2)
                    .then_some(shown)
            });
            assert_eq!(
                redone.cards, after.cards,
                "kill {kill}: undo then redo gives the map back"
            );
            let _ = undone_to;
            undone += 1;
            wait_for(STEP, "the saves to delete any journal left", || {
                (!journal.exists()).then_some(())
            });
        }
    }
    session.end();
    assert_eq!(sqlite3(&document, "pragma integrity_check;").trim(), "ok");
    println!(
        "{kills} app kills in {:.1?}: {edits} edits sent, {saved} changes saved, {mid_save} \
         kills after a save the window had not yet shown, {hot} left a journal \
         ({empty_journals} of them empty or zeroed after the relaunch), undo and redo checked \
         after {undone}",
        started.elapsed()
    );
}
