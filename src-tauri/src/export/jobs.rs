//! Running exports: each on a blocking worker thread, reporting progress as events,
//! cancellable through a flag the worker checks between bands and pages.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use tauri::{Runtime, WebviewWindow};
use waymark_model::Document;
use waymark_render::export::{export_to_file, ExportError, ExportInfo, ExportOptions};
use waymark_render::Scene;

use super::types::{ExportFinished, ExportOutcome, ExportProgress};
use crate::contract::emit;
use crate::error::AppError;
use crate::state::lock;

/// The exports under way, by job id, with their cancel flags.
#[derive(Default)]
pub struct ExportJobs {
    next: AtomicU32,
    running: Mutex<HashMap<u32, Arc<AtomicBool>>>,
}

/// Everything an export needs, taken from the document at the moment the user asked, so
/// edits made while it runs neither block it nor tear it.
pub struct Snapshot {
    pub doc: Document,
    pub scene: Scene,
    pub info: ExportInfo,
}

impl ExportJobs {
    /// Starts writing `snapshot` to `path`; returns the job id at once.
    pub fn start<R: Runtime>(
        &self,
        window: &WebviewWindow<R>,
        snapshot: Snapshot,
        options: ExportOptions,
        path: PathBuf,
    ) -> u32 {
        let job_id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let cancel = Arc::new(AtomicBool::new(false));
        lock(&self.running).insert(job_id, cancel.clone());
        let window = window.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut last = -1.0_f32;
            let mut progress = |fraction: f32| {
                // One event per visible step of the bar is plenty.
                if fraction - last >= 0.01 || fraction >= 1.0 {
                    last = fraction;
                    emit::export_progress(&window, ExportProgress { job_id, fraction });
                }
                !cancel.load(Ordering::Relaxed)
            };
            let result = export_to_file(
                &snapshot.doc,
                &snapshot.scene,
                &options,
                &snapshot.info,
                &path,
                &mut progress,
            );
            drop(snapshot);
            crate::memory::give_back();
            let (outcome, bytes, error) = match result {
                Ok(bytes) => (ExportOutcome::Done, bytes, None),
                Err(ExportError::Cancelled) => (ExportOutcome::Cancelled, 0, None),
                Err(e) => (ExportOutcome::Failed, 0, Some(AppError::from(e).payload())),
            };
            use tauri::Manager;
            lock(&window.state::<ExportJobs>().running).remove(&job_id);
            emit::export_finished(
                &window,
                ExportFinished {
                    job_id,
                    outcome,
                    path: path.display().to_string(),
                    bytes,
                    error,
                },
            );
        });
        job_id
    }

    /// Asks a running export to stop; it ends with `ExportOutcome::Cancelled`. An unknown
    /// or finished job is not an error: the user may click Cancel as it completes.
    pub fn cancel(&self, job_id: u32) {
        if let Some(flag) = lock(&self.running).get(&job_id) {
            flag.store(true, Ordering::Relaxed);
        }
    }
}
