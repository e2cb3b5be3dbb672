//! The web page's limits as the build reads them: `tauri.conf.json` (the CSP, no global
//! `__TAURI__`) and `src-tauri/capabilities/` (what the page may invoke). Each is compared
//! with an explicit list here, so anything added to them fails until it is added here too,
//! on purpose. The built binary is checked to carry the same CSP.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{root, waymark_bin};

fn config() -> Value {
    let text = std::fs::read_to_string(root().join("tauri.conf.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The CSP, directive by directive, exactly: the page's own files, images it makes itself
/// (`data:` thumbnails and photos, `blob:` previews), inline styles (Svelte's style
/// attributes), and Tauri's IPC — no remote host, no `eval`, no inline script.
const CSP: &[(&str, &str)] = &[
    ("connect-src", "ipc: http://ipc.localhost"),
    ("default-src", "'self'"),
    ("font-src", "'self' data:"),
    ("img-src", "'self' data: blob:"),
    ("style-src", "'self' 'unsafe-inline'"),
];

#[test]
fn the_csp_allows_only_the_apps_own_files_and_its_ipc() {
    let config = config();
    let security = &config["app"]["security"];
    let keys: Vec<&String> = security.as_object().unwrap().keys().collect();
    // No `dangerousDisableAssetCspModification`, `devCsp`, `assetProtocol`, `pattern`…
    assert_eq!(keys, ["csp"], "app.security has more than the CSP");
    let csp: Vec<(&str, &str)> = security["csp"]
        .as_object()
        .expect("the CSP is written as directives")
        .iter()
        .map(|(k, v)| {
            (
                k.as_str(),
                v.as_str().expect("a directive's sources as one string"),
            )
        })
        .collect();
    assert_eq!(csp, CSP, "the CSP changed: review it and update this test");

    // The rules the exact list keeps, stated for whoever updates it.
    for (directive, sources) in &csp {
        for source in sources.split_whitespace() {
            assert!(
                !source.contains('*'),
                "{directive}: a wildcard source {source}"
            );
            assert!(
                !matches!(
                    source,
                    "'unsafe-eval'" | "'wasm-unsafe-eval'" | "https:" | "http:"
                ),
                "{directive}: {source}"
            );
            if source.starts_with("http") {
                assert_eq!(source, "http://ipc.localhost", "{directive}: a remote host");
            }
        }
    }
    assert!(
        !csp.iter().any(|(d, _)| *d == "script-src"),
        "scripts fall back to default-src 'self'"
    );
    assert_eq!(config["app"]["withGlobalTauri"], Value::Bool(false));
    assert_eq!(config["app"]["windows"], serde_json::json!([]));
    assert!(
        config.get("plugins").is_none(),
        "no plugin configuration (updater endpoints, shell scopes …)"
    );
}

/// Besides `allow-<command>` for each command of the contract: listening to the app's
/// events, and the native file and message dialogs.
const PLATFORM: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-message",
    "dialog:allow-open",
    "dialog:allow-save",
];

#[test]
fn the_capability_grants_only_the_apps_commands_events_and_dialogs() {
    let dir = root().join("src-tauri/capabilities");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["main.json"], "one capability file");
    let capability: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("main.json")).unwrap()).unwrap();

    let keys: BTreeSet<&str> = capability
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // No `remote` (pages from URLs), no `webviews`, no `platforms` exceptions.
    assert_eq!(
        keys,
        BTreeSet::from([
            "$schema",
            "description",
            "identifier",
            "permissions",
            "windows"
        ])
    );
    assert_eq!(
        capability["windows"],
        serde_json::json!(["main", "document-*", "audience-*"])
    );

    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("a permission by name (no scoped permission objects)")
                .to_owned()
        })
        .collect();
    let commands = waymark_app::contract::COMMANDS;
    let mut expected: BTreeSet<String> = PLATFORM.iter().map(|p| p.to_string()).collect();
    expected.extend(
        commands
            .iter()
            .map(|c| format!("allow-{}", c.name.replace('_', "-"))),
    );
    let extra: Vec<&String> = granted.difference(&expected).collect();
    let missing: Vec<&String> = expected.difference(&granted).collect();
    assert!(extra.is_empty(), "granted beyond the app's own: {extra:?}");
    assert!(missing.is_empty(), "not granted: {missing:?}");
    // Nothing from another plugin or the core beyond events: no fs, shell, http, opener,
    // window or webview control from the page.
    for p in &granted {
        let plugin = p.split_once(':').map_or("waymark", |(plugin, _)| plugin);
        assert!(matches!(plugin, "waymark" | "core" | "dialog"), "{p}");
    }
}

/// The plugins the app is built with: none gives the page files, a shell or the network.
#[test]
fn the_app_is_built_with_only_the_dialog_window_state_and_single_instance_plugins() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let plugins: BTreeSet<&str> = manifest
        .lines()
        .filter_map(|l| l.trim().split_once(' ').map(|(name, _)| name))
        .filter(|name| name.starts_with("tauri-plugin-"))
        .collect();
    assert_eq!(
        plugins,
        BTreeSet::from([
            "tauri-plugin-dialog",
            "tauri-plugin-single-instance",
            "tauri-plugin-window-state"
        ])
    );
}

/// `generate_context!()` builds the config into the binary: the one the tests run carries
/// the CSP above, and no other source list (a stale build would show here).
#[test]
fn the_built_binary_carries_the_same_csp() {
    let binary = std::fs::read(waymark_bin()).unwrap();
    let has = |needle: &str| binary.windows(needle.len()).any(|w| w == needle.as_bytes());
    for (directive, sources) in CSP {
        assert!(has(directive), "{directive} not in the binary");
        assert!(has(sources), "{directive} {sources} not in the binary");
    }
    assert!(!has("'unsafe-eval'"), "the binary allows eval somewhere");
}
