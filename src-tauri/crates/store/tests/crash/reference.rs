//! What the file must hold after revision R: the same stream replayed by a store that
//! is never interrupted (on tmpfs, where syncing costs nothing), one state per revision.

use std::collections::HashMap;
use std::path::PathBuf;

use waymark_model::Document;
use waymark_store::{History, Store};

use crate::ops::{self, Stream};

/// States per seed, extended as far as a check needs.
#[derive(Default)]
pub struct References {
    runs: HashMap<u64, Run>,
}

struct Run {
    store: Store,
    stream: Stream,
    /// `states[r]` is the document and history at revision `r`.
    states: Vec<(Document, History)>,
    _dir: tempfile::TempDir,
}

impl References {
    /// The document and history after revision `revision` of the stream of `seed`.
    pub fn at(&mut self, seed: u64, revision: u64) -> &(Document, History) {
        let run = self.runs.entry(seed).or_insert_with(|| {
            let dir = scratch();
            let path = dir.path().join("reference.waymark");
            let store = Store::create(&path, &ops::start()).unwrap();
            let states = vec![(store.document().clone(), store.history())];
            Run {
                store,
                stream: Stream::new(seed),
                states,
                _dir: dir,
            }
        });
        while (run.states.len() as u64) <= revision {
            if let Some(r) = run.stream.step(&mut run.store).expect("the reference run") {
                assert_eq!(r, run.states.len() as u64, "revisions count one by one");
                run.states
                    .push((run.store.document().clone(), run.store.history()));
            }
        }
        &run.states[revision as usize]
    }
}

/// A folder on tmpfs when there is one.
fn scratch() -> tempfile::TempDir {
    let shm = PathBuf::from("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(&shm) {
            return dir;
        }
    }
    tempfile::tempdir().unwrap()
}
