//! `src-tauri/capabilities/main.json`: what Waymark's windows may do (the first, `main`,
//! the others, `document-<n>`, and the audience's while presenting, `audience-<n>`).
//! Waymark's own
//! commands are granted from the contract's list, so a command is allowed exactly when it
//! is registered.

use crate::contract::COMMANDS;

/// Where the generated file lives, relative to the repository root.
pub const PATH: &str = "src-tauri/capabilities/main.json";

/// Besides Waymark's commands: listening to its events and the native file dialogs.
/// (Presenting goes full screen through its own command, `set_presenting`, which also
/// hides the menu bar.)
const PLATFORM: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-open",
    "dialog:allow-save",
    "dialog:allow-message",
];

const DESCRIPTION: &str = "Waymark's windows may call Waymark's own commands, listen to its events, use native file dialogs and go full screen to present. Nothing else: no shell, no fs, no network. Generated from src-tauri/src/contract/list.rs by src-tauri/src/bindings/capability.rs.";

/// The whole generated file.
pub fn json() -> String {
    let permissions: Vec<String> = PLATFORM
        .iter()
        .map(|p| p.to_string())
        .chain(
            COMMANDS
                .iter()
                .map(|c| format!("allow-{}", c.name.replace('_', "-"))),
        )
        .collect();
    // Written field by field to keep the order people read a capability in.
    let string = |s: &str| serde_json::to_string(s).expect("JSON of a string");
    let list: Vec<String> = permissions
        .iter()
        .map(|p| format!("    {}", string(p)))
        .collect();
    let mut text = String::from("{\n");
    text.push_str("  \"$schema\": \"../../gen/schemas/desktop-schema.json\",\n");
    text.push_str("  \"identifier\": \"main\",\n");
    text.push_str(&format!("  \"description\": {},\n", string(DESCRIPTION)));
    text.push_str("  \"windows\": [\"main\", \"document-*\", \"audience-*\"],\n");
    text.push_str(&format!(
        "  \"permissions\": [\n{}\n  ]\n}}\n",
        list.join(",\n")
    ));
    text
}
