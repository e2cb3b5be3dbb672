use std::process::{Command, Output};

use crate::common::{sha256, sqlite3, waymark_bin};

fn waymark(args: &[&std::ffi::OsStr]) -> Output {
    // No DISPLAY: the subcommands must not need one.
    Command::new(waymark_bin())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn new_then_info_describes_the_sample_journey() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.waymark");
    let out = waymark(&[
        "new".as_ref(),
        file.as_os_str(),
        "--template".as_ref(),
        "nonprofit-supporter".as_ref(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = waymark(&["info".as_ref(), file.as_os_str()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&out.stdout);
    let version = format!("Schema version:  {}", waymark_store::SCHEMA_VERSION);
    assert!(info.contains(&version), "{info}");
    assert!(
        info.contains("From $10 gift to major donor: 6 stages, 8 lanes"),
        "{info}"
    );
}

/// The "done when" check of the foundation issue, with the real sqlite3 tool.
#[test]
fn a_new_file_announces_itself_to_sqlite3() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("blank.waymark");
    assert!(waymark(&["new".as_ref(), file.as_os_str()])
        .status
        .success());
    let out = sqlite3(
        &file,
        "pragma application_id; pragma user_version; pragma journal_mode; pragma integrity_check;",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            waymark_store::APPLICATION_ID.to_string().as_str(),
            waymark_store::SCHEMA_VERSION.to_string().as_str(),
            "delete",
            "ok"
        ]
    );
    // People can read their own data with plain SQL.
    assert_eq!(
        sqlite3(&file, "select name from stages order by position limit 1;").trim(),
        "Discover"
    );
}

#[test]
fn new_refuses_to_overwrite_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.waymark");
    std::fs::write(&file, b"precious").unwrap();
    let before = sha256(&file);
    let out = waymark(&["new".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&file.display().to_string()),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(sha256(&file), before);
}

#[test]
fn new_with_an_unknown_template_lists_the_templates() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.waymark");
    let out = waymark(&[
        "new".as_ref(),
        file.as_os_str(),
        "--template".as_ref(),
        "kanban".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("kanban") && err.contains("nonprofit-supporter") && err.contains("blank"),
        "{err}"
    );
    assert!(!file.exists());
}

#[test]
fn info_on_bad_files_fails_clearly_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.waymark");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0",
    )
    .unwrap();
    let missing = dir.path().join("nowhere.waymark");
    for (file, needle) in [(&png, "PNG"), (&missing, "nowhere.waymark")] {
        let before = file.exists().then(|| sha256(file));
        let out = waymark(&["info".as_ref(), file.as_os_str()]);
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert!(
            err.contains(&file.display().to_string()) && err.contains(needle),
            "{err}"
        );
        assert_eq!(file.exists().then(|| sha256(file)), before);
    }
}

#[test]
fn usage_errors_exit_non_zero() {
    let out = waymark(&["info".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("PATH"), "{}", text(&out.stderr));
}

#[test]
fn generate_makes_a_map_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.waymark");
    let out = waymark(&[
        "generate".as_ref(),
        file.as_os_str(),
        "--stages".as_ref(),
        "12".as_ref(),
        "--cards".as_ref(),
        "500".as_ref(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        sqlite3(
            &file,
            "select count(*) from cards; select count(*) from stages;"
        ),
        "500\n12\n"
    );
    let out = waymark(&[
        "generate".as_ref(),
        dir.path().join("x.waymark").as_os_str(),
        "--stages".as_ref(),
        "0".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--stages"),
        "{}",
        text(&out.stderr)
    );
}

const HOLD: &str = "WAYMARK_TEST_HOLD";

/// Not a test of its own: run again by [`child_holding`] as the process that has a
/// document open for writing (it returns at once when run in the ordinary way).
#[test]
fn hold_for_parent() {
    let Some(path) = std::env::var_os(HOLD) else {
        return;
    };
    let _store = waymark_store::Store::open(std::path::Path::new(&path)).unwrap();
    println!("held");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

/// This test binary, run again on [`hold_for_parent`]: it holds `path` like the app does.
fn child_holding(path: &std::path::Path) -> std::process::Child {
    use std::io::BufRead;
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "cli::hold_for_parent", "--nocapture"])
        .env(HOLD, path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = std::io::BufReader::new(child.stdout.take().unwrap());
    for line in out.lines() {
        if line.unwrap().trim() == "held" {
            return child;
        }
    }
    panic!("the child process did not open {}", path.display());
}

/// One writer per file: while another process has the document open, `waymark import`
/// is refused with a message naming the file and that process, and the file is left
/// byte for byte as it was; reading commands still work. Once the holder is gone (even
/// killed), the import goes through.
#[test]
fn import_is_refused_while_another_process_has_the_document_open() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("journey.waymark");
    let json = dir.path().join("map.json");
    let new = waymark(&[
        "new".as_ref(),
        doc.as_os_str(),
        "--template".as_ref(),
        "nonprofit-supporter".as_ref(),
    ]);
    assert!(new.status.success(), "{}", text(&new.stderr));

    let mut holder = child_holding(&doc);
    let before = sha256(&doc);
    let export = waymark(&[
        "export".as_ref(),
        doc.as_os_str(),
        "--out".as_ref(),
        json.as_os_str(),
    ]);
    assert!(
        export.status.success(),
        "export reads while the file is held: {}",
        text(&export.stderr)
    );
    let info = waymark(&["info".as_ref(), doc.as_os_str()]);
    assert!(info.status.success(), "{}", text(&info.stderr));

    let out = waymark(&["import".as_ref(), doc.as_os_str(), json.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains(&doc.display().to_string()), "{err}");
    assert!(
        err.contains(&format!("(process {})", holder.id())),
        "names the holder: {err}"
    );
    assert!(err.contains("close it there first"), "{err}");
    assert_eq!(sha256(&doc), before, "the document is unchanged");
    assert_eq!(sqlite3(&doc, "select count(*) from maps;").trim(), "1");

    holder.kill().unwrap();
    holder.wait().unwrap();
    let out = waymark(&["import".as_ref(), doc.as_os_str(), json.as_os_str()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(sqlite3(&doc, "select count(*) from maps;").trim(), "2");
    assert_eq!(
        sqlite3(
            &doc,
            "select value from document_info where key = 'written_by';"
        )
        .trim(),
        waymark_app::cli::WRITER
    );
}

/// The store names the files it writes by its own version unless the app names itself
/// (`set_writer`); the two must agree, or a file would carry the wrong version.
#[test]
fn the_store_writes_under_the_apps_version() {
    assert_eq!(waymark_store::DEFAULT_WRITER, waymark_app::cli::WRITER);
}

/// The window gets the same refusal as the command line, by kind (`in_use`), through
/// `AppError`'s payload.
#[test]
fn the_window_is_told_which_process_holds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("journey.waymark");
    let doc_model = waymark_app::templates::template(waymark_app::templates::BLANK).unwrap();
    let _held = waymark_store::Store::create(&doc, &doc_model).unwrap();
    let err = waymark_store::Store::open(&doc).unwrap_err();
    let payload = waymark_app::AppError::from(err).payload();
    assert_eq!(payload.kind, "in_use");
    let expected = format!(
        "{} is open in this Waymark (process {}); close it there first",
        doc.display(),
        std::process::id()
    );
    assert_eq!(payload.message, expected);
}
