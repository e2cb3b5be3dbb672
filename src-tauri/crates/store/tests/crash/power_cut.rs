//! Power cuts through a fault-injecting file layer (`power_vfs.rs`): the same stream as
//! the kill test runs in this process on a recorded document; at random syncs the disk
//! is cut, and each cut is turned into several states a power loss could leave (writes
//! since the last sync of each file kept, dropped or torn; folder changes since the
//! folder's last sync kept up to a point). Each state is reopened with `Store::open`
//! and gets the kill test's checks (`reopen.rs`).
//!
//! The rule here: the revision in a state lies between the last acknowledged revision
//! whose commit the folder has since synced and the change in progress — and since the
//! store uses `synchronous=EXTRA` (the folder synced after the journal's deletion, which
//! is the commit), that is every acknowledged revision: no state may lose the newest
//! acknowledged change. With `synchronous=FULL` it could (the deletion not synced, the
//! journal came back and rolled it back until the next change synced the folder); the
//! test counted 554 such states in 4,020 before the store moved to EXTRA.

use std::time::Instant;

use waymark_store::Store;

use crate::ops::{self, Rng, Stream};
use crate::power_vfs;
use crate::reference::References;
use crate::reopen;

fn cuts() -> usize {
    std::env::var("WAYMARK_POWER_CUTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40)
}

/// States made from each cut: nothing unsynced kept, everything kept, two at random.
const STATES_PER_CUT: u32 = 4;
/// Changes in one run before it starts again from a new document.
const STEPS: usize = 60;
/// About one sync in this many is cut.
const ONE_IN: usize = 5;

#[test]
fn power_cut_keeps_synced_changes() {
    let _serial = crate::one_at_a_time();
    let wanted = cuts();
    let started = Instant::now();
    let mut refs = References::default();
    let (mut cuts, mut states, mut syncs, mut hot, mut lost_last, mut unsynced, mut most) =
        (0, 0, 0, 0, 0, 0, 0);
    let mut run = 0u64;
    while cuts < wanted {
        let seed = run % 8;
        let mut rng = Rng::new(1000 + run);
        let dir = power_vfs::scratch();
        let path = dir.path().join("map.waymark");
        drop(Store::create(&path, &ops::start()).unwrap());
        power_vfs::record(dir.path(), 0, 500 + run, ONE_IN);
        let mut store = Store::open(&path).unwrap();
        let mut stream = Stream::new(seed);
        for _ in 0..STEPS {
            if let Some(revision) = stream.step(&mut store).expect("the stream") {
                power_vfs::acknowledged(revision);
            }
            for cut in power_vfs::take_cuts() {
                cuts += 1;
                unsynced = unsynced.max(cut.unsynced_writes);
                for variant in 0..STATES_PER_CUT {
                    let out = power_vfs::scratch();
                    cut.materialise(out.path(), variant, &mut rng);
                    let state = out.path().join("map.waymark");
                    hot += out.path().join("map.waymark-journal").exists() as u32;
                    let found = reopen::check(&state, seed, cut.lowest, cut.highest, &mut refs);
                    lost_last += (found + 1 < cut.highest) as u32;
                    most = most.max(found);
                    states += 1;
                }
            }
        }
        drop(store);
        syncs += power_vfs::stop();
        run += 1;
    }
    println!(
        "{cuts} power cuts ({syncs} syncs, {run} runs) in {:.1?}: {states} states reopened, \
         {hot} with a journal, {lost_last} back before the last acknowledged change; \
         up to {unsynced} unsynced writes at a cut; up to revision {most}",
        started.elapsed()
    );
    assert_eq!(
        lost_last, 0,
        "states lost the newest acknowledged change after a power cut"
    );
}
