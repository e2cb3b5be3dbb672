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
    mime_cache();
}

/// Compiles `assets/linux/waymark.xml` into a one-type MIME database (`mime.cache`) that
/// the app keeps for GLib at run time (see `src/mime.rs` for why).
fn mime_cache() {
    println!("cargo:rerun-if-changed=assets/linux/waymark.xml");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("linux") {
        return;
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set"));
    let mime = out.join("xdg").join("mime");
    let packages = mime.join("packages");
    std::fs::create_dir_all(&packages).expect("create the MIME build folder");
    std::fs::copy("assets/linux/waymark.xml", packages.join("waymark.xml"))
        .expect("copy assets/linux/waymark.xml");
    let status = std::process::Command::new("update-mime-database")
        .arg(&mime)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect(
            "update-mime-database is needed to build Waymark on Linux \
             (Debian/Ubuntu: apt-get install shared-mime-info; scripts/setup.sh installs it)",
        );
    assert!(
        status.success(),
        "update-mime-database {} failed",
        mime.display()
    );
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
