//! The map carried by an exported PNG or PDF, read from arbitrary bytes: an error or
//! well-formed JSON, never a panic that escapes, within the memory limit.
//!
//! The PDF reader (lopdf) panics on some damaged files; `read_embedded_map` catches those
//! panics on purpose and reports the file as damaged. libFuzzer's panic hook would abort
//! on them, so this target installs a quiet hook that keeps the message, and fails (with
//! that message) only on a panic that gets out of `read_embedded_map`.

#![no_main]

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use waymark_render::export::read_embedded_map;

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fuzz_target!(|data: &[u8]| {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            LAST_PANIC.with(|p| *p.borrow_mut() = info.to_string());
        }))
    });
    match panic::catch_unwind(AssertUnwindSafe(|| read_embedded_map(data))) {
        Ok(Ok(json)) => {
            serde_json::from_str::<serde_json::Value>(&json).expect("the map read is JSON");
        }
        Ok(Err(_)) => {}
        Err(_) => {
            let message = LAST_PANIC.with(|p| p.borrow().clone());
            eprintln!("read_embedded_map panicked: {message}");
            std::process::abort();
        }
    }
});
