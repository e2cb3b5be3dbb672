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
