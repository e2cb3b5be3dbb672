//! A performance CSV from arbitrary bytes against the sample journey (whose channels and
//! goals the seed corpus names): problems, or an edit that applies, loads again and
//! undoes exactly.

#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_model::read_performance_csv;

fuzz_target!(|data: &[u8]| {
    let doc = waymark_fuzz::sample();
    let import = read_performance_csv(doc, data);
    let Some(edit) = import.edit else { return };
    assert!(import.problems.is_empty(), "an edit despite problems");
    let mut after = doc.clone();
    let inverse = edit.apply(&mut after).expect("an accepted import applies");
    if let Err(e) = after.rebuilt() {
        panic!("the document with the imported figures no longer loads: {e}");
    }
    inverse.apply(&mut after).expect("its inverse applies");
    assert_eq!(
        &after, doc,
        "undoing the import did not restore the document"
    );
});
