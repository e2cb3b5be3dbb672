//! A `.waymark` file from arbitrary bytes, opened as File › Open does (for editing) and as
//! `waymark info`/`export` do (read-only): an error, or a document that passes every rule
//! the editor enforces. A failed open leaves the file byte for byte as it was and nothing
//! beside it (no journal).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use waymark_store::Store;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("waymark-fuzz-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fn beside(path: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "fuzz.waymark")
        .collect();
    names.sort();
    names
}

fuzz_target!(|data: &[u8]| {
    let path = dir().join("fuzz.waymark");
    std::fs::write(&path, data).expect("the scratch file is written");

    // Read-only, as `waymark info` and `waymark export` read.
    match Store::read(&path) {
        Ok(doc) => {
            let again = doc
                .rebuilt()
                .expect("a loaded document passes the editor's rules");
            assert_eq!(again, doc, "a loaded document is not in canonical form");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        data,
        "reading changed the file"
    );
    assert_eq!(
        beside(&path),
        Vec::<String>::new(),
        "reading left files beside it"
    );

    // For editing, as File › Open.
    match Store::open(&path) {
        Ok(store) => {
            let doc = store.document().clone();
            let again = doc
                .rebuilt()
                .expect("an opened document passes the editor's rules");
            assert_eq!(again, doc, "an opened document is not in canonical form");
            drop(store);
            // What was opened (and perhaps migrated) opens again to the same document.
            let reopened = Store::read(&path).expect("an opened file reads again");
            assert_eq!(
                reopened, doc,
                "the file read back differs from the one opened"
            );
        }
        Err(e) => {
            let _ = e.to_string();
            assert_eq!(
                std::fs::read(&path).unwrap(),
                data,
                "a failed open changed the file"
            );
        }
    }
    assert_eq!(
        beside(&path),
        Vec::<String>::new(),
        "opening left files beside it"
    );
});
