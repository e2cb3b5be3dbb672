//! SIGKILL at random moments.
//!
//! The rule: the child prints `ack R` only after the store returned from the change
//! that made revision R, so when the last ack seen is A, the file holds revision A, or
//! A + 1 when the kill came after that change's commit but before its ack was printed
//! (the file's revision, kept in the same transaction as the edit-log row, says which).
//! Either way the document must equal the uninterrupted run's at that revision.

use std::io::{BufRead, BufReader, Read};
use std::time::{Duration, Instant};

use waymark_store::Store;

use crate::child;
use crate::ops::{self, Rng};
use crate::reference::References;
use crate::reopen;

fn kills() -> u64 {
    std::env::var("WAYMARK_CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50)
}

#[test]
fn killed_writer_leaves_acknowledged_prefix() {
    let _serial = crate::one_at_a_time();
    let kills = kills();
    let started = Instant::now();
    let mut refs = References::default();
    let mut rng = Rng::new(15);
    let dir = tempfile::tempdir().unwrap();
    let (mut hot, mut most) = (0, 0);
    for kill in 0..kills {
        // A few streams, so the reference runs are shared between kills.
        let seed = kill % 8;
        let path = dir.path().join(format!("kill-{kill}.waymark"));
        drop(Store::create(&path, &ops::start()).unwrap());
        let mut child = child::spawn(&path, seed);
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut seen = String::new();
        if kill % 8 == 0 {
            // Some kills land while it starts and opens the document.
            std::thread::sleep(Duration::from_millis(rng.below(60) as u64));
        } else {
            // The others from the first change up to a few hundred changes in.
            while !seen.ends_with("ready\n") {
                assert!(
                    stdout.read_line(&mut seen).unwrap() > 0,
                    "the child ended: {seen}"
                );
            }
            std::thread::sleep(Duration::from_millis(rng.below(300) as u64));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        stdout.read_to_string(&mut seen).unwrap();
        let stdout = seen;
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(
            !stdout.contains("error "),
            "the child failed: {stdout}\n{stderr}"
        );
        let acks = child::acks(&stdout);
        let last = acks.last().copied().unwrap_or(0);
        let journal = path.with_extension("waymark-journal");
        hot += journal.exists() as u32;
        let found = reopen::check(&path, seed, last, last + 1, &mut refs);
        most = most.max(found);
        std::fs::remove_file(&path).unwrap();
    }
    println!(
        "{kills} kills in {:.1?}: {hot} left a journal; up to revision {most}",
        started.elapsed()
    );
}
