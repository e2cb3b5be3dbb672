//! Power-loss snapshots: the child is frozen (SIGSTOP) at random moments, the document
//! and its rollback journal are copied as they are at that instant, and it goes on
//! (SIGCONT). Each copy is opened with its journal, as after a power cut: SQLite must
//! roll back a half-written transaction from the journal.
//!
//! What this simulates: the file system's view at any instant of a commit (between any
//! two system calls of the writer), which is what a machine that stops there and keeps
//! its page cache leaves behind. What it does not: writes lost from the cache because
//! they were never synced, or reordered by the disk. Those SQLite covers with
//! `synchronous=FULL` and its fsync ordering, which this test relies on but cannot test.

use std::io::{BufRead, BufReader};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use waymark_store::Store;

use crate::child;
use crate::ops::{self, Rng};
use crate::reference::References;
use crate::reopen;

fn snapshots() -> u64 {
    std::env::var("WAYMARK_CRASH_SNAPSHOTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100)
}

fn signal(pid: u32, sig: libc::c_int) {
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, sig) }, 0);
}

/// Waits until the child is really stopped (state `T` in /proc), so no write of its
/// is half done while we copy.
fn wait_stopped(pid: u32) {
    let stat = format!("/proc/{pid}/stat");
    loop {
        let text = std::fs::read_to_string(&stat).unwrap();
        let state = text
            .rsplit(')')
            .next()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        if state == "T" || state == "t" {
            return;
        }
        std::thread::yield_now();
    }
}

#[test]
fn snapshots_mid_commit_reopen_consistent() {
    let _serial = crate::one_at_a_time();
    let total = snapshots();
    let started = Instant::now();
    let mut refs = References::default();
    let mut rng = Rng::new(1515);
    let dir = tempfile::tempdir().unwrap();
    let seed = 100;
    let path = dir.path().join("live.waymark");
    let journal = dir.path().join("live.waymark-journal");
    drop(Store::create(&path, &ops::start()).unwrap());
    let mut child = child::spawn(&path, seed);
    let pid = child.id();

    // The highest ack read so far; everything read was printed before any later stop.
    let acked = Arc::new(AtomicU64::new(0));
    let reader = {
        let acked = acked.clone();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut all = String::new();
            for line in BufReader::new(stdout).lines() {
                let line = line.unwrap();
                if let Some(r) = line.strip_prefix("ack ") {
                    acked.store(r.parse().unwrap(), Ordering::SeqCst);
                }
                all.push_str(&line);
                all.push('\n');
            }
            all
        })
    };

    let mut with_journal = 0;
    for n in 0..total {
        std::thread::sleep(Duration::from_micros(rng.below(20_000) as u64));
        let lowest = acked.load(Ordering::SeqCst);
        signal(pid, libc::SIGSTOP);
        wait_stopped(pid);
        let snap = dir.path().join(format!("snap-{n}.waymark"));
        std::fs::copy(&path, &snap).unwrap();
        let has_journal = match std::fs::copy(&journal, snap.with_extension("waymark-journal")) {
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => panic!("copy the journal: {e}"),
        };
        signal(pid, libc::SIGCONT);
        with_journal += has_journal as u32;
        // The child may have gone on past its acks: any later revision is fine, as long
        // as it is exactly one the uninterrupted run passed through.
        reopen::check(&snap, seed, lowest, u64::MAX, &mut refs);
        std::fs::remove_file(&snap).unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let out = reader.join().unwrap();
    assert!(!out.contains("error "), "the child failed: {out}");
    println!(
        "{total} snapshots in {:.1?}, {with_journal} taken with a journal present; the child reached revision {}",
        started.elapsed(),
        acked.load(Ordering::SeqCst)
    );
}
