use crate::common::root;

/// Fails when a Rust type that crosses IPC changed but the TypeScript file was not
/// regenerated. `UPDATE_BINDINGS=1` rewrites the file instead.
#[test]
fn generated_typescript_is_up_to_date() {
    let path = root().join(waymark_app::bindings::PATH);
    let expected = waymark_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test --test tests bindings` and commit it",
        path.display()
    );
}

#[test]
fn bindings_declare_the_ipc_types() {
    let ts = waymark_app::bindings::typescript();
    for name in [
        "export type Edit =",
        "export type Scene =",
        "export type DocumentState =",
        "export type AppError =",
        "export type LaneKind =",
    ] {
        assert!(ts.contains(name), "missing {name}");
    }
    assert!(
        ts.contains(r#""type": "MoveCard""#),
        "edits are tagged unions"
    );
}
