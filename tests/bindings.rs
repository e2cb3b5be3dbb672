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

/// Fails when a generated file other than the types (the commands and events, the
/// capability) no longer matches the contract; `UPDATE_BINDINGS=1` rewrites them.
#[test]
fn generated_contract_files_are_up_to_date() {
    let contract = waymark_app::bindings::generated()
        .into_iter()
        .filter(|(path, _)| *path != waymark_app::bindings::PATH);
    for (relative, expected) in contract {
        let path = root().join(relative);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test --test tests bindings` and commit it",
            path.display()
        );
    }
}

/// The contract's list names each command's arguments as its Rust function does (the
/// compiler checks their types and order; a renamed argument would still compile, and
/// the window would send the old name). Read from the functions' source.
#[test]
fn the_contract_names_each_command_s_arguments_as_its_function_does() {
    for command in waymark_app::contract::COMMANDS {
        let file = root()
            .join("src-tauri/src")
            .join(command.module.replace("::", "/").replace(' ', ""))
            .with_extension("rs");
        let source = std::fs::read_to_string(&file).unwrap();
        let params = parameters(&source, command.name)
            .unwrap_or_else(|| panic!("no `pub async fn {}` in {}", command.name, file.display()));
        let listed: Vec<(String, String)> = command
            .args
            .iter()
            .map(|a| (a.name.to_string(), squeeze(a.ty.rust)))
            .collect();
        assert_eq!(
            params, listed,
            "{}: the function's arguments (left) differ from the contract's list (right)",
            command.name
        );
    }
}

/// A command whose Rust signature changed while the TypeScript side was not regenerated
/// fails the freshness test: the generated file names every argument and answer.
#[test]
fn commands_ts_carries_every_command_s_arguments_and_answer() {
    let ts = waymark_app::bindings::generated()
        .into_iter()
        .find(|(path, _)| path.ends_with("commands.ts"))
        .unwrap()
        .1;
    for line in [
        "  map_scene: { args: { mapId: string }; returns: Scene };",
        "  apply_edit: { args: { edit: Edit; mapId?: string | null; knownRevision?: number | null }; returns: AppliedEdit };",
        "  export_cancel: { args: { jobId: number }; returns: void };",
        "  document_state: { args: undefined; returns: DocumentState };",
        "    mapScene: (mapId: string): Promise<Scene> => invoke('map_scene', { mapId }),",
        "  'document-changed': DocumentState;",
        "  exportFinished: 'export-finished',",
    ] {
        assert!(ts.contains(line), "commands.ts lacks {line:?}:\n{ts}");
    }
    let names = waymark_app::contract::COMMANDS.iter().map(|c| c.name);
    for name in names {
        assert!(ts.contains(&format!("  {name}: {{ args: ")), "{name}");
    }
    let capability = waymark_app::bindings::generated()
        .into_iter()
        .find(|(path, _)| path.ends_with("main.json"))
        .unwrap()
        .1;
    assert!(capability.contains("\"allow-map-scene-update\""));
}

/// The parameters of `pub async fn name` in `source`, without the `WebviewWindow`, each as
/// (name, type without spaces); `None` if there is no such function.
fn parameters(source: &str, name: &str) -> Option<Vec<(String, String)>> {
    let start = source
        .match_indices(&format!("pub async fn {name}"))
        .map(|(i, m)| i + m.len())
        .find(|&end| source[end..].starts_with(['<', '(']))?;
    let rest = &source[start..];
    let open = rest.find('(')?;
    let mut depth = 0;
    let mut params = Vec::new();
    let mut current = String::new();
    for ch in rest[open + 1..].chars() {
        match ch {
            '(' | '<' | '[' => depth += 1,
            ')' | ']' if depth == 0 => break,
            ')' | '>' | ']' => depth -= 1,
            ',' if depth == 0 => {
                params.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    params.push(current);
    Some(
        params
            .iter()
            .filter_map(|p| p.split_once(':'))
            .map(|(n, t)| (n.trim().to_string(), squeeze(t)))
            .filter(|(_, t)| !t.starts_with("WebviewWindow"))
            .collect(),
    )
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
