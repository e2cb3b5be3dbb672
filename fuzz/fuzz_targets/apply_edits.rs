//! Arbitrary edit sequences against arbitrary documents: every edit either applies and
//! returns an inverse, or is refused and changes nothing; the inverses applied in reverse
//! give back the original exactly (and each step the document before it); redoing gives
//! the same documents again; and the result still loads (rebuilds through the edits), as
//! the file will be read back on the next open.
//!
//! The first byte chooses how edits are made: mostly by the interpreter (`next_edit`,
//! ids of the current document), sometimes as JSON text, as edits arrive from the UI.

#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use waymark_fuzz::{document, next_edit};
use waymark_model::{Document, Edit};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(original) = document(&mut u) else {
        return;
    };
    let mut edits = Vec::new();
    if u.ratio(1, 8).unwrap_or(false) {
        // Edits as the UI sends them: JSON, here whatever parses.
        let rest = u.take_rest();
        let Ok(text) = std::str::from_utf8(rest) else {
            return;
        };
        for line in text.lines() {
            if let Ok(edit) = serde_json::from_str::<Edit>(line) {
                edits.push(edit);
            }
        }
        run(&original, edits.into_iter().map(Some));
    } else {
        let mut doc = original.clone();
        // The interpreter needs the document as it is after the previous edits, so the
        // sequence is made as it is applied.
        let mut made = Vec::new();
        for serial in 0..64 {
            if u.is_empty() {
                break;
            }
            let Ok(edit) = next_edit(&mut u, &doc, serial) else {
                break;
            };
            if let Some(edit) = &edit {
                let _ = edit.apply(&mut doc);
            }
            made.push(edit);
        }
        run(&original, made.into_iter());
    }
});

fn run(original: &Document, edits: impl Iterator<Item = Option<Edit>>) {
    let mut doc = original.clone();
    let mut applied = Vec::new();
    for edit in edits.flatten() {
        // Edits cross the IPC boundary and the edit log as JSON.
        let json = serde_json::to_string(&edit).expect("an edit serialises");
        let back: Edit = serde_json::from_str(&json).expect("an edit's JSON reads back");
        assert_eq!(back, edit, "an edit changed going through JSON");
        let before = doc.clone();
        match edit.apply(&mut doc) {
            Ok(inverse) => applied.push((edit, inverse, before, doc.clone())),
            Err(_) => assert_eq!(doc, before, "a refused edit changed the document"),
        }
    }
    if let Err(e) = doc.rebuilt() {
        panic!("the edited document no longer loads: {e}");
    }
    for (edit, inverse, before, _) in applied.iter().rev() {
        if let Err(e) = inverse.apply(&mut doc) {
            panic!("the inverse of {edit:?} was refused: {e}");
        }
        assert_eq!(
            &doc, before,
            "undoing {edit:?} did not restore the document"
        );
    }
    assert_eq!(&doc, original);
    for (edit, _, _, after) in &applied {
        edit.apply(&mut doc).expect("redo applies");
        assert_eq!(&doc, after, "redoing {edit:?} gave another document");
    }
}
