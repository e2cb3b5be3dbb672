//! The contract between the shell and the window, made from the one list in `list.rs`:
//!
//! * [`handler`] registers exactly the listed commands (`app.rs`);
//! * [`COMMANDS`] and [`EVENTS`] describe them, for `bindings.rs` (the TypeScript side and
//!   the capability) and for `build.rs` (the permissions, from the same file);
//! * [`emit`] sends each event with its listed payload type, so the Rust side cannot send
//!   an event the list does not name;
//! * `signatures` (never called) makes the build fail when a command's function no longer
//!   takes the listed argument types in the listed order or answers another type. The
//!   argument *names* are compared with the functions' source by the bindings test.

use std::collections::BTreeMap;

use tauri::{Runtime, WebviewWindow};
use ts_rs::{Config, TS};
use waymark_model::{Edit, Map, PerformanceImport, StrategyReport, VoteResults};
use waymark_render::export::{ExportFormat, ExportOptions};
use waymark_render::Scene;

use crate::commands::{AppliedEdit, Roster};
use crate::error::{AppError, ErrorPayload};
use crate::export::{ExportFinished, ExportPreview, ExportProgress, ImportResult};
use crate::gallery::TemplateCard;
use crate::present::PresentationStep;
use crate::state::{DocumentState, SceneUpdate};
use crate::views::MapView;
use crate::{commands, export, gallery, plan, present, views, workshop};

/// A command as the window calls it.
pub struct Command {
    /// The name the window invokes, e.g. `map_scene`.
    pub name: &'static str,
    /// The Rust module holding its function, e.g. `export::commands`.
    pub module: &'static str,
    pub args: &'static [Arg],
    /// The answer's type (the `Ok` of its `Result`).
    pub returns: Type,
}

/// One argument: its Rust name (the window sends it in camelCase) and type.
pub struct Arg {
    pub name: &'static str,
    pub ty: Type,
}

/// An event the shell sends, with its payload's type.
pub struct Event {
    pub name: &'static str,
    pub payload: Type,
}

/// A Rust type as written in the list, and how to write it in TypeScript.
#[derive(Clone, Copy)]
pub struct Type {
    pub rust: &'static str,
    pub typescript: fn(&Config) -> String,
    /// `Option<…>`: an argument the window may leave out.
    pub optional: bool,
    /// `()`: nothing to answer or carry.
    pub unit: bool,
}

/// `Type` for `T`.
const fn ty<T: TS + 'static>(rust: &'static str) -> Type {
    Type {
        rust,
        typescript: <T as TS>::name,
        optional: is_option(rust.as_bytes()),
        unit: rust.len() == 2 && rust.as_bytes()[0] == b'(' && rust.as_bytes()[1] == b')',
    }
}

/// Whether a type as written starts with `Option<` (const: the list is a static table).
const fn is_option(rust: &[u8]) -> bool {
    let prefix = b"Option<";
    if rust.len() < prefix.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if rust[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The last segment of a path as `stringify!` writes it (`a :: b` or `a::b`).
const fn last_segment(path: &'static str) -> &'static str {
    let bytes = path.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes[start - 1] != b':' && bytes[start - 1] != b' ' {
        start -= 1;
    }
    let (_, name) = bytes.split_at(start);
    utf8(name)
}

/// The path without its last segment (the module of a command).
const fn module_of(path: &'static str) -> &'static str {
    let name = last_segment(path);
    let mut end = path.len() - name.len();
    let bytes = path.as_bytes();
    while end > 0 && (bytes[end - 1] == b':' || bytes[end - 1] == b' ') {
        end -= 1;
    }
    let (module, _) = bytes.split_at(end);
    utf8(module)
}

/// A cut of a path at an ASCII `:` or space is still UTF-8.
const fn utf8(bytes: &'static [u8]) -> &'static str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("a path cut at an ASCII character"),
    }
}

macro_rules! waymark_contract {
    (
        commands {
            $( $($seg:ident)::+ ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty ; )*
        }
        events {
            $( $event:ident = $event_name:literal : $payload:ty ; )*
        }
    ) => {
        /// The command handler for the builder: exactly the listed commands.
        pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![ $( $($seg)::+ ),* ]
        }

        /// Every command, in the list's order.
        pub const COMMANDS: &[Command] = &[ $(
            Command {
                name: last_segment(stringify!($($seg)::+)),
                module: module_of(stringify!($($seg)::+)),
                args: &[ $( Arg { name: stringify!($arg), ty: ty::<$ty>(stringify!($ty)) } ),* ],
                returns: ty::<$ret>(stringify!($ret)),
            }
        ),* ];

        /// Every event, in the list's order.
        pub const EVENTS: &[Event] = &[ $(
            Event { name: $event_name, payload: ty::<$payload>(stringify!($payload)) }
        ),* ];

        /// Sends each listed event with its payload (errors only mean no window listens).
        pub mod emit {
            use super::*;
            $(
                #[doc = concat!("Sends `", $event_name, "` to `window` (each window hears only its own).")]
                pub fn $event<R: Runtime>(window: &WebviewWindow<R>, payload: $payload) {
                    use tauri::Emitter;
                    let target = tauri::EventTarget::webview_window(window.label());
                    let _ = window.emit_to(target, $event_name, payload);
                }
            )*
        }

        /// Never called: it compiles only while every listed command takes the listed
        /// argument types, in order, and answers the listed type.
        #[allow(dead_code, unreachable_code, unused_variables, clippy::diverging_sub_expression)]
        async fn signatures<R: Runtime>(window: WebviewWindow<R>) {
            $( {
                let _: Result<$ret, AppError> =
                    $($seg)::+ (window.clone() $(, any::<$ty>())*).await;
            } )*
        }
    };
}

/// A value of any type, for `signatures`, which is never run.
#[allow(dead_code)]
fn any<T>() -> T {
    unreachable!("contract::signatures is only compiled, never called")
}

include!("list.rs");
