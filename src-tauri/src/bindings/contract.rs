//! `ui/src/lib/generated/commands.ts`: the contract's commands and events in TypeScript,
//! so the window's calls are checked by the TypeScript compiler against the Rust list.

use std::collections::BTreeSet;
use std::fmt::Write;

use ts_rs::Config;

use crate::contract::{Type, COMMANDS, EVENTS};

/// Where the generated file lives, relative to the repository root.
pub const PATH: &str = "ui/src/lib/generated/commands.ts";

/// The whole generated file.
pub fn typescript(cfg: &Config) -> String {
    let mut body = String::new();
    let mut used = BTreeSet::new();
    let mut ts = |ty: &Type| {
        let text = if ty.unit {
            "void".to_string()
        } else {
            (ty.typescript)(cfg)
        };
        used.extend(type_names(&text));
        text
    };

    body.push_str(
        "/** Every command: its arguments as the window sends them (camelCase) and its answer. */\n\
         export interface Commands {\n",
    );
    let mut wrappers = String::new();
    for c in COMMANDS {
        let returns = ts(&c.returns);
        let args = if c.args.is_empty() {
            "undefined".to_string()
        } else {
            let fields: Vec<String> = c
                .args
                .iter()
                .map(|a| {
                    let mark = if a.ty.optional { "?" } else { "" };
                    format!("{}{mark}: {}", camel(a.name), ts(&a.ty))
                })
                .collect();
            format!("{{ {} }}", fields.join("; "))
        };
        let _ = writeln!(
            body,
            "  {}: {{ args: {args}; returns: {returns} }};",
            c.name
        );

        let params: Vec<String> = c
            .args
            .iter()
            .map(|a| {
                let mark = if a.ty.optional { "?" } else { "" };
                format!("{}{mark}: {}", camel(a.name), ts(&a.ty))
            })
            .collect();
        let values = if c.args.is_empty() {
            "undefined".to_string()
        } else {
            let names: Vec<String> = c.args.iter().map(|a| camel(a.name)).collect();
            format!("{{ {} }}", names.join(", "))
        };
        let _ = writeln!(
            wrappers,
            "    {}: ({}): Promise<{returns}> => invoke('{}', {values}),",
            camel(c.name),
            params.join(", "),
            c.name
        );
    }
    body.push_str("}\n\n");
    body.push_str(
        "export type CommandName = keyof Commands;\n\n\
         /** Sends a command and answers what it answers (`ipc.ts` gives one that rejects with an AppError). */\n\
         export type Invoke = <C extends CommandName>(command: C, args: Commands[C]['args']) => Promise<Commands[C]['returns']>;\n\n\
         /** One function per command, its arguments in the Rust function's order. */\n\
         export function bindCommands(invoke: Invoke) {\n  return {\n",
    );
    body.push_str(&wrappers);
    body.push_str("  };\n}\n\n");

    body.push_str("/** Every event the shell sends, by name, with its payload. */\nexport interface Events {\n");
    for e in EVENTS {
        let _ = writeln!(body, "  '{}': {};", e.name, ts(&e.payload));
    }
    body.push_str("}\n\nexport type EventName = keyof Events;\n\n/** The events' names. */\nexport const EVENTS = {\n");
    for e in EVENTS {
        let _ = writeln!(
            body,
            "  {}: '{}',",
            camel(&e.name.replace('-', "_")),
            e.name
        );
    }
    body.push_str("} as const satisfies Record<string, EventName>;\n");

    let mut out = String::from(
        "// Generated from the contract (src-tauri/src/contract/list.rs) by src-tauri/src/bindings/contract.rs.\n\
         // Do not edit by hand: run `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing it.\n\n",
    );
    used.remove("void");
    if !used.is_empty() {
        let names: Vec<&str> = used.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "import type {{ {} }} from './types';\n",
            names.join(", ")
        );
    }
    out.push_str(&body);
    out
}

/// `map_scene` → `mapScene`, as Tauri names arguments and the UI names functions.
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for ch in snake.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The generated types a TypeScript type names (capitalised words other than built-ins).
fn type_names(ts: &str) -> Vec<String> {
    ts.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|w| !matches!(*w, "Array" | "Record" | "Partial" | "Promise"))
        .map(str::to_string)
        .collect()
}
