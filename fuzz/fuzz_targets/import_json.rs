//! A map file (`.json`, or the text carried by an exported PNG/PDF) from arbitrary bytes,
//! imported into the sample document: an error, or an edit that applies and whose
//! inverse removes the map again.

#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_model::map_from_json;

fuzz_target!(|data: &[u8]| {
    // The app reads the file as UTF-8 (lossily, so a bad byte is reported by the parser).
    let text = String::from_utf8_lossy(data);
    for doc in waymark_fuzz::documents().iter().take(2) {
        let Ok(import) = map_from_json(&text, "fuzz.json", doc) else {
            continue;
        };
        let mut after = doc.clone();
        let inverse = import
            .edit
            .apply(&mut after)
            .expect("an accepted import applies");
        if let Err(e) = after.rebuilt() {
            panic!("the document with the imported map no longer loads: {e}");
        }
        inverse.apply(&mut after).expect("its inverse applies");
        assert_eq!(
            &after, doc,
            "undoing the import did not restore the document"
        );
    }
});
