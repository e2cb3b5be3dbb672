//! Gives memory freed by a large, short-lived job back to the system.
//!
//! glibc's allocator keeps what a thread frees in that thread's arena for its next
//! allocation, so after exporting a big map (a worker thread building the PDF or the PNG
//! bands) the app's resident memory stayed at the export's peak for the rest of the
//! session (docs/BENCHMARKS.md, "The app at scale"). `malloc_trim` returns the free pages
//! of every arena.

/// Returns free heap pages to the system (glibc on Linux; elsewhere nothing to do).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes the arenas'
    // locks like any allocation and touches no memory the program owns.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// How long the app must have been idle (no edit, undo, redo or open since) before the
/// freed heap is given back: trimming walks every arena, so not after each keystroke.
const IDLE: std::time::Duration = std::time::Duration::from_secs(2);

/// Asks for [`give_back`] once the app has been idle for [`IDLE`]: each change to a large
/// document frees megabytes (the answers sent to the page, the Scenes laid out) that
/// glibc would otherwise keep. One thread, started on the first call, does the waiting.
pub fn give_back_when_idle() {
    use std::sync::{Condvar, Mutex, OnceLock};
    use std::time::Instant;
    static LAST: OnceLock<(Mutex<Option<Instant>>, Condvar)> = OnceLock::new();
    let mut started = false;
    let pair = LAST.get_or_init(|| {
        started = true;
        (Mutex::new(None), Condvar::new())
    });
    let (last, wake) = pair;
    *last.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    wake.notify_one();
    if !started {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("give-back".into())
        .spawn(move || loop {
            let mut asked = last.lock().unwrap_or_else(|e| e.into_inner());
            while asked.is_none() {
                asked = wake.wait(asked).unwrap_or_else(|e| e.into_inner());
            }
            let due = asked.map(|at| at + IDLE).unwrap_or_else(Instant::now);
            let now = Instant::now();
            if now < due {
                drop(wake.wait_timeout(asked, due - now));
                continue;
            }
            *asked = None;
            drop(asked);
            give_back();
        });
    if let Err(e) = spawned {
        eprintln!("waymark: cannot start the memory trimmer: {e}");
    }
}
