// tauri-build reads tauri.conf.json from the root package (this manifest's dir) and
// the capabilities from src-tauri/capabilities, and generates the permission for the
// app's own commands so the capability can grant exactly those. The commands come from
// the contract's one list (src/contract/list.rs), read here as source.
fn main() {
    println!("cargo:rerun-if-changed=src-tauri/src/contract/list.rs");
    // The capability is generated from the list by the bindings test: a rewritten
    // capability must reach the next build too.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(waymark_commands()));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}

/// The listed commands' names: the last segment of each path in the list.
macro_rules! waymark_contract {
    (
        commands {
            $( $($seg:ident)::+ ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty ; )*
        }
        events { $($events:tt)* }
    ) => {
        [ $( stringify!($($seg)::+) ),* ]
    };
}

/// Every command the UI may invoke; the capability grants exactly these.
fn waymark_commands() -> &'static [&'static str] {
    let paths = include!("src/contract/list.rs");
    let names: Vec<&'static str> = paths
        .iter()
        .map(|path| path.rsplit([':', ' ']).next().unwrap_or(path))
        .collect();
    names.leak()
}
