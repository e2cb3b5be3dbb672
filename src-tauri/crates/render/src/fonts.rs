//! The bundled fonts, and the text styles the Scene is shaped with.
//!
//! Only the fonts embedded here are ever loaded: the export must look the same on every
//! machine, and the UI loads the very same files through `@font-face`, so measuring with
//! anything else (a system font) would make screen, PNG and PDF drift apart.

use std::sync::Arc;

use cosmic_text::fontdb;
use cosmic_text::FontSystem;

use crate::scene::SceneFonts;

/// Inter Regular (OFL, see `assets/fonts/OFL.txt`).
pub const INTER_REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../assets/fonts/Inter-Regular.otf"
));
/// Inter SemiBold (OFL, see `assets/fonts/OFL.txt`).
pub const INTER_SEMIBOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../assets/fonts/Inter-SemiBold.otf"
));

const FAMILY: &str = "Inter";

/// The font family every piece of Scene text is set in; the UI's `@font-face` and the
/// exporters must use this name so that they pick the file the text was measured with.
pub fn font_family() -> &'static str {
    FAMILY
}

/// Size, line height and weight of one kind of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f32,
    pub line_height: f32,
    pub weight: u16,
}

/// Card titles: SemiBold 14/20.
pub(crate) const TITLE: TextStyle = TextStyle {
    size: 14.0,
    line_height: 20.0,
    weight: 600,
};
/// Card bodies and connector labels: Regular 12.5/18.
pub(crate) const BODY: TextStyle = TextStyle {
    size: 12.5,
    line_height: 18.0,
    weight: 400,
};
/// Stage and lane headers: SemiBold 15/20.
pub(crate) const HEADER: TextStyle = TextStyle {
    size: 15.0,
    line_height: 20.0,
    weight: 600,
};

/// What the Scene tells its drawers about the fonts. `line_height` is the body's: every
/// line already carries its own baseline, so drawers need it only for new text (editing).
pub(crate) fn scene_fonts() -> SceneFonts {
    SceneFonts {
        family: FAMILY.to_string(),
        title_size: TITLE.size,
        title_weight: TITLE.weight,
        body_size: BODY.size,
        body_weight: BODY.weight,
        header_size: HEADER.size,
        header_weight: HEADER.weight,
        line_height: BODY.line_height,
    }
}

/// A font system over the bundled fonts only (no system fonts, no fontconfig).
pub(crate) fn font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for bytes in [INTER_REGULAR, INTER_SEMIBOLD] {
        // Borrow the embedded bytes rather than copying them into the database.
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
        db.load_font_source(fontdb::Source::Binary(data));
    }
    // Generic families resolve to Inter too, so no lookup can fall outside the bundle.
    db.set_sans_serif_family(FAMILY);
    db.set_serif_family(FAMILY);
    db.set_monospace_family(FAMILY);
    db.set_cursive_family(FAMILY);
    db.set_fantasy_family(FAMILY);
    FontSystem::new_with_locale_and_db("en-US".into(), db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_two_bundled_inter_faces_are_loaded() {
        let fs = font_system();
        let mut faces: Vec<(String, u16)> = fs
            .db()
            .faces()
            .map(|f| (f.families[0].0.clone(), f.weight.0))
            .collect();
        faces.sort();
        assert_eq!(
            faces,
            vec![("Inter".to_string(), 400), ("Inter".to_string(), 600)]
        );
    }
}
