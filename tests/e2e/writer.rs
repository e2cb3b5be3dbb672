//! One writer per file, with the real app: while the window has a document open,
//! `waymark import` on that file is refused with a message naming the file and the app's
//! process, and the file keeps every byte; reading it (`waymark export`, sqlite3) still
//! works. Once the app has quit, the same import goes through.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::webdriver::wait_for;
use super::{Desktop, STEP};
use crate::common::{sha256, sqlite3, waymark_bin};

fn waymark(args: &[&Path]) -> Output {
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

/// The process id in "… (process 12345) …".
fn process_named(message: &str) -> u32 {
    let at = message
        .find("(process ")
        .unwrap_or_else(|| panic!("no process named in: {message}"));
    message[at + "(process ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

fn maps(document: &Path) -> String {
    sqlite3(document, "select count(*) from maps;")
        .trim()
        .to_string()
}

#[test]
fn the_app_holds_its_document_and_an_import_waits_until_it_quits() {
    let desktop = Desktop::start();
    let session = desktop.launch();
    let document = desktop.document.clone();
    let json: PathBuf = document.with_file_name("map.json");

    // Reading is not writing: an export of the open document works meanwhile.
    let out = waymark(&[Path::new("export"), &document, Path::new("--out"), &json]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let before = sha256(&document);
    let maps_before = maps(&document);
    let out = waymark(&[Path::new("import"), &document, &json]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains(&document.display().to_string()), "{err}");
    assert!(err.contains("is open in Waymark (process "), "{err}");
    assert!(err.contains("close it there first"), "{err}");
    // The process named is the app itself.
    let pid = process_named(&err);
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap();
    assert_eq!(
        exe.canonicalize().unwrap(),
        waymark_bin().canonicalize().unwrap(),
        "{err}"
    );
    assert_eq!(sha256(&document), before, "the document is unchanged");
    assert_eq!(maps(&document), maps_before);

    // The app quits; its lock goes with it, and the import goes through.
    // Until it has gone, each attempt is refused like the first, so try until one passes.
    session.end();
    wait_for(STEP, "the import once the app has quit", || {
        let out = waymark(&[Path::new("import"), &document, &json]);
        out.status.success().then_some(())
    });
    assert_eq!(
        maps(&document),
        (maps_before.parse::<u32>().unwrap() + 1).to_string()
    );
    assert_eq!(sqlite3(&document, "pragma integrity_check;").trim(), "ok");
}
