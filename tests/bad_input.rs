//! The bad-input corpus (`tests/fixtures/bad`, issue 15): every file of its
//! `MANIFEST.json` goes through the real entry point that would load it — `waymark info`
//! and the app's `Store::open` for documents, `waymark import` for map files, exported
//! PNGs and PDFs, the app's commands for performance CSVs and persona photos — from a
//! copy in a temporary folder. Each must end without a panic, with a message naming the
//! file and its problem (or load, for what a user expects to load), and leave the file,
//! and everything else in its folder, exactly as it was.
//!
//! `BAD_INPUT_PRINT=1 cargo test --test tests bad_input -- --nocapture` prints what each
//! loader answered.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use serde_json::{json, Value};
use sha2::Digest;

use crate::commands::{harness, invoke};
use crate::common::{root, waymark_bin};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Entry {
    file: String,
    /// How it was made (also what README.md says).
    #[allow(dead_code)]
    how: String,
    load: Load,
    /// Made by this test at run time (too large to commit, or not a plain file).
    #[serde(default)]
    made_at_run_time: bool,
    #[serde(flatten)]
    expect: Expect,
    /// For a document, what opening it for editing (`Store::open`) answers, when that
    /// differs from `waymark info` (a read-only file can be read, not edited).
    #[serde(default)]
    open: Option<Expect>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "camelCase")]
enum Load {
    /// `waymark info FILE`, then `Store::open(FILE)` as the app opens a document.
    Document,
    /// `waymark import TARGET.waymark FILE` (a map file, or an exported PNG or PDF).
    Import,
    /// The app's `preview_performance_csv` and `import_performance_csv` commands.
    Performance,
    /// The app's `set_persona_photo` command.
    Photo,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Expect {
    /// `error` or `loads`.
    expect: String,
    /// Substrings the error message must contain (the file's name and the problem).
    #[serde(default)]
    message: Vec<String>,
}

fn corpus() -> PathBuf {
    root().join("tests/fixtures/bad")
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(corpus().join("MANIFEST.json")).unwrap();
    serde_json::from_str(&text).expect("MANIFEST.json is a list of entries")
}

/// What a loader answered: `Ok(what it printed)` or `Err(its message)`.
type Answer = Result<String, String>;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything in `dir` that a loader could change: each entry's kind, mode, link target
/// and content hash. A journal or temporary file left behind shows up as a new entry.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let mode = meta.permissions().mode();
        let what = if meta.file_type().is_symlink() {
            format!("link to {}", std::fs::read_link(&path).unwrap().display())
        } else if meta.is_dir() {
            format!("folder {mode:o} {:?}", snapshot(&path))
        } else {
            let bytes = std::fs::read(&path).unwrap();
            format!("file {mode:o} {}", hex(&sha2::Sha256::digest(&bytes)))
        };
        out.insert(entry.file_name().to_string_lossy().into_owned(), what);
    }
    out
}

fn waymark(args: &[&std::ffi::OsStr]) -> (Answer, bool) {
    let out = Command::new(waymark_bin())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // No UTF-8 locale, as on a bare system.
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let panicked = stderr.contains("panicked") || out.status.code().is_none();
    let answer = if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(stderr.trim().to_string())
    };
    (answer, panicked)
}

/// Runs `f`, turning a panic into `panicked = true`.
fn guarded(f: impl FnOnce() -> Answer) -> (Answer, bool) {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(answer) => (answer, false),
        Err(_) => (Err("(panicked)".into()), true),
    }
}

fn command_error(v: Value) -> String {
    v["message"]
        .as_str()
        .map_or_else(|| v.to_string(), str::to_string)
}

/// The loaders' answers for `path`: one per entry point (documents have two).
fn load(entry: &Entry, path: &Path, dir: &Path) -> Vec<(&'static str, (Answer, bool))> {
    match entry.load {
        Load::Document => {
            let info = waymark(&["info".as_ref(), path.as_os_str()]);
            let open = guarded(|| {
                waymark_store::Store::open(path)
                    .map(|store| format!("opened, {} maps", store.summaries().len()))
                    .map_err(|e| e.to_string())
            });
            vec![("waymark info", info), ("Store::open", open)]
        }
        Load::Import => {
            let target = target_of(dir);
            let import = waymark(&["import".as_ref(), target.as_os_str(), path.as_os_str()]);
            vec![("waymark import", import)]
        }
        Load::Performance => {
            let h = harness();
            let path = path.display().to_string();
            let answer = guarded(|| {
                let preview = invoke(&h, "preview_performance_csv", json!({ "path": path }))
                    .map_err(command_error)?;
                let imported = invoke(&h, "import_performance_csv", json!({ "path": path }))
                    .map_err(command_error)?;
                Ok(format!("{preview}\n{}", imported["revision"]))
            });
            vec![("import_performance_csv", answer)]
        }
        Load::Photo => {
            let h = harness();
            let path = path.display().to_string();
            let answer = guarded(|| {
                invoke(
                    &h,
                    "set_persona_photo",
                    json!({ "personaId": "p-maya", "path": path }),
                )
                .map(|state| state["revision"].to_string())
                .map_err(command_error)
            });
            vec![("set_persona_photo", answer)]
        }
    }
}

/// The document an import adds the map to, in its own folder beside the entry's.
fn target_of(dir: &Path) -> PathBuf {
    dir.join("target").join("target.waymark")
}

/// Checks one answer against what the manifest expects; returns the problems.
fn judge(
    entry: &Entry,
    who: &str,
    expect: &Expect,
    (answer, panicked): &(Answer, bool),
) -> Vec<String> {
    let mut problems = Vec::new();
    let name = format!("{} ({who})", entry.file);
    if *panicked {
        problems.push(format!("{name}: panicked: {answer:?}"));
    }
    match (expect.expect.as_str(), answer) {
        ("loads", Ok(_)) => {}
        ("loads", Err(message)) => problems.push(format!("{name}: should load, got: {message}")),
        ("error", Ok(out)) => problems.push(format!("{name}: should fail, loaded: {out}")),
        ("error", Err(message)) => {
            for wanted in &expect.message {
                if !message.contains(wanted.as_str()) {
                    problems.push(format!("{name}: message lacks {wanted:?}: {message}"));
                }
            }
        }
        (other, _) => problems.push(format!("{name}: unknown expectation {other:?}")),
    }
    problems
}

#[test]
fn every_bad_file_is_refused_clearly_and_left_as_it_was() {
    let entries = manifest();
    assert!(
        entries.len() >= 40,
        "the corpus has {} entries",
        entries.len()
    );
    let print = std::env::var_os("BAD_INPUT_PRINT").is_some();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for entry in &entries {
        assert!(
            entry.expect.expect == "loads" || !entry.expect.message.is_empty(),
            "{}: an error must say which words the message has",
            entry.file
        );
        let dir = tempfile::tempdir().unwrap();
        let setup = match make::place(entry, dir.path()) {
            Ok(setup) => setup,
            Err(reason) => {
                skipped.push(format!("{}: {reason}", entry.file));
                continue;
            }
        };
        let path = setup.path.clone();
        // The document an import adds to: changed by a good import, by nothing else.
        let target = target_of(dir.path());
        if entry.load == Load::Import {
            std::fs::create_dir(target.parent().unwrap()).unwrap();
            let doc = waymark_app::templates::template(waymark_app::templates::SAMPLE).unwrap();
            drop(waymark_store::Store::create(&target, &doc).unwrap());
        }
        let watched = |dir: &Path| {
            let mut files = snapshot(dir);
            files.remove("target");
            files
        };
        let before = (
            watched(&setup.watched),
            snapshot(dir.path()).remove("target"),
        );
        let started = std::time::Instant::now();
        let answers = load(entry, &path, dir.path());
        let took = started.elapsed();
        let after = (
            watched(&setup.watched),
            snapshot(dir.path()).remove("target"),
        );
        let (before, target_before) = before;
        let (after, target_after) = after;
        if entry.expect.expect == "error" && target_before != target_after {
            problems.push(format!(
                "{}: the import failed but changed the document:\nbefore {target_before:?}\nafter {target_after:?}",
                entry.file
            ));
        }
        for (who, answer) in &answers {
            if print {
                println!(
                    "{} [{who}, {} ms in all] → {:?}",
                    entry.file,
                    took.as_millis(),
                    answer.0
                );
            }
            let expect = match (*who, &entry.open) {
                ("Store::open", Some(open)) => open,
                _ => &entry.expect,
            };
            problems.extend(judge(entry, who, expect, answer));
        }
        if before != after {
            problems.push(format!(
                "{}: the folder changed:\nbefore {before:#?}\nafter {after:#?}",
                entry.file
            ));
        }
        drop(setup);
    }
    for s in &skipped {
        println!("skipped {s}");
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every file in the folder is in the manifest, and every committed entry has its file.
#[test]
fn the_manifest_lists_the_corpus() {
    let entries = manifest();
    let listed: std::collections::BTreeSet<_> = entries
        .iter()
        .filter(|e| !e.made_at_run_time)
        .map(|e| e.file.clone())
        .collect();
    let own = [".gitattributes", "MANIFEST.json", "README.md", "make.py"];
    let present: std::collections::BTreeSet<_> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !own.contains(&n.as_str()))
        .collect();
    assert_eq!(listed, present);
    for e in &entries {
        assert!(
            e.made_at_run_time
                || std::fs::metadata(corpus().join(&e.file)).unwrap().len() <= 200 * 1024,
            "{} is over 200 KB: make it at run time",
            e.file
        );
    }
}

/// Puts an entry's file in the temporary folder: a copy of the committed file, or the
/// large and file-system cases made now.
mod make {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use super::Entry;

    pub struct Placed {
        /// What the loader is given.
        pub path: PathBuf,
        /// The folder whose contents must not change.
        pub watched: PathBuf,
        mount: Option<PathBuf>,
        restore_mode: Option<PathBuf>,
    }

    impl Drop for Placed {
        fn drop(&mut self) {
            use std::os::unix::fs::PermissionsExt;
            if let Some(m) = &self.mount {
                let _ = std::process::Command::new("umount").arg(m).status();
            }
            if let Some(d) = &self.restore_mode {
                let _ = std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755));
            }
        }
    }

    fn committed(name: &str) -> PathBuf {
        super::corpus().join(name)
    }

    fn plain(path: PathBuf, dir: &Path) -> Placed {
        Placed {
            path,
            watched: dir.to_path_buf(),
            mount: None,
            restore_mode: None,
        }
    }

    /// A valid document (the sample template), as `waymark new` makes it.
    fn sample(path: &Path) {
        let doc = waymark_app::templates::template(waymark_app::templates::SAMPLE).unwrap();
        drop(waymark_store::Store::create(path, &doc).unwrap());
    }

    /// `Err(reason)`: this case cannot be made on this machine.
    pub fn place(entry: &Entry, dir: &Path) -> Result<Placed, String> {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let path = dir.join(&entry.file);
        if !entry.made_at_run_time {
            std::fs::copy(committed(&entry.file), &path).unwrap();
            return Ok(plain(path, dir));
        }
        let ten_mb = "x".repeat(10 * 1024 * 1024);
        match entry.file.as_str() {
            "symlink-to-random.waymark" => {
                std::fs::copy(committed("random.waymark"), dir.join("random.waymark")).unwrap();
                symlink("random.waymark", &path).unwrap();
            }
            "symlink-to-document.waymark" => {
                sample(&dir.join("journey.waymark"));
                symlink("journey.waymark", &path).unwrap();
            }
            "dangling-symlink.waymark" => symlink("gone.waymark", &path).unwrap(),
            "folder.waymark" | "folder.json" | "folder.csv" | "folder.png" => {
                std::fs::create_dir(&path).unwrap()
            }
            "read-only.waymark" => {
                let inner = dir.join("read-only");
                std::fs::create_dir(&inner).unwrap();
                let path = inner.join(&entry.file);
                sample(&path);
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
                std::fs::set_permissions(&inner, std::fs::Permissions::from_mode(0o555)).unwrap();
                return Ok(Placed {
                    path,
                    watched: inner.clone(),
                    mount: None,
                    restore_mode: Some(inner),
                });
            }
            "read-only-mount.waymark" => return read_only_mount(entry, dir),
            "huge-title.waymark" => {
                sample(&path);
                let conn = rusqlite::Connection::open(&path).unwrap();
                conn.execute(
                    "UPDATE cards SET title = ?1 WHERE id = 'c-friend-invite'",
                    [&ten_mb],
                )
                .unwrap();
            }
            "huge-title.json" => {
                let text = std::fs::read_to_string(committed("loop-back-cycle.json")).unwrap();
                let mut map: serde_json::Value = serde_json::from_str(&text).unwrap();
                map["map"]["cards"][0]["title"] = ten_mb.into();
                std::fs::write(&path, serde_json::to_vec(&map).unwrap()).unwrap();
            }
            "enormous.json" => {
                // 70 MB: a map whose description is most of it.
                let text = std::fs::read_to_string(committed("loop-back-cycle.json")).unwrap();
                let mut map: serde_json::Value = serde_json::from_str(&text).unwrap();
                map["map"]["description"] = "y".repeat(70 << 20).into();
                std::fs::write(&path, serde_json::to_vec(&map).unwrap()).unwrap();
            }
            "enormous-array.json" => {
                // 30 MB of numbers where the stages belong: large, but under the limit.
                let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
                f.write_all(br#"{"format": "waymark-map", "version": 1, "map": {"stages": ["#)
                    .unwrap();
                for i in 0..3_000_000u32 {
                    write!(f, "{}{}", if i == 0 { "" } else { "," }, 100_000_000 + i).unwrap();
                }
                f.write_all(b"]}}\n").unwrap();
            }
            "performance-huge.csv" => {
                let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
                f.write_all(b"month,channel,metric,value\n").unwrap();
                for _ in 0..400_000 {
                    f.write_all(b"2026-11,E-mail,Open rate,38\n").unwrap();
                }
            }
            "photo-bomb.png" => {
                // 11,000 × 11,000 RGB pixels (363 MB decoded) of zeros: a file of ~350 KB.
                let f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
                let mut encoder = png::Encoder::new(f, 11_000, 11_000);
                encoder.set_color(png::ColorType::Rgb);
                encoder.set_compression(png::Compression::Fast);
                let mut writer = encoder.write_header().unwrap();
                let mut stream = writer.stream_writer().unwrap();
                let row = vec![0u8; 11_000 * 3];
                for _ in 0..11_000 {
                    stream.write_all(&row).unwrap();
                }
                stream.finish().unwrap();
            }
            other => panic!("{other}: no recipe to make it at run time"),
        }
        Ok(plain(path, dir))
    }

    /// A valid document on a read-only bind mount. Needs root (and `mount`); skipped, with
    /// the reason, elsewhere. The mode bits stay writable, so only the mount refuses.
    fn read_only_mount(entry: &Entry, dir: &Path) -> Result<Placed, String> {
        let source = dir.join("source");
        let mount = dir.join("mounted");
        std::fs::create_dir(&source).unwrap();
        std::fs::create_dir(&mount).unwrap();
        sample(&source.join(&entry.file));
        let run = |args: &[&std::ffi::OsStr]| {
            std::process::Command::new("mount")
                .args(args)
                .output()
                .map_err(|e| format!("cannot run mount ({e})"))
                .and_then(|o| {
                    if o.status.success() {
                        Ok(())
                    } else {
                        Err(format!(
                            "mount failed (needs root): {}",
                            String::from_utf8_lossy(&o.stderr).trim()
                        ))
                    }
                })
        };
        run(&["--bind".as_ref(), source.as_os_str(), mount.as_os_str()])?;
        let placed = Placed {
            path: mount.join(&entry.file),
            watched: source,
            mount: Some(mount.clone()),
            restore_mode: None,
        };
        run(&["-o".as_ref(), "remount,bind,ro".as_ref(), mount.as_os_str()])?;
        Ok(placed)
    }
}
