//! The documents a new file starts from. Templates are JSON `Document`s in
//! `assets/templates/`, compiled into the binary and validated by building them through
//! the model's own edits, so a broken template is caught by tests, not by users.

use waymark_model::{default_ladder, Document};

use crate::error::AppError;

/// The sample journey the app opens on the first launch.
pub const SAMPLE: &str = "nonprofit-supporter";
/// What File > New starts from.
pub const BLANK: &str = "blank";

pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        SAMPLE,
        "A non-profit supporter from a $10 first gift to a major commitment",
        include_str!("../../assets/templates/nonprofit-supporter.json"),
    ),
    (
        BLANK,
        "Five empty stages and the usual lanes",
        include_str!("../../assets/templates/blank.json"),
    ),
];

pub fn names() -> Vec<&'static str> {
    TEMPLATES.iter().map(|(name, _, _)| *name).collect()
}

/// Parses and validates the named template.
pub fn template(name: &str) -> Result<Document, AppError> {
    let (_, _, json) = TEMPLATES
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or_else(|| AppError::Template {
            name: name.to_string(),
            message: format!("no such template; choose one of: {}", names().join(", ")),
        })?;
    let fail = |message: String| AppError::Template {
        name: name.to_string(),
        message,
    };
    let parsed: Document = serde_json::from_str(json)
        .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    build(&parsed).map_err(fail)
}

/// Rebuilds the document through edits (every check the editor makes applies to
/// templates too). A template without a ladder gets DOMAIN.md's.
fn build(parsed: &Document) -> Result<Document, String> {
    let mut parsed = parsed.clone();
    if parsed.ladder.is_empty() {
        parsed.ladder = default_ladder();
    }
    parsed.rebuilt().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_valid() {
        for name in names() {
            let doc = template(name).unwrap_or_else(|e| panic!("{e}"));
            assert!(!doc.maps.is_empty(), "{name} has no map");
        }
    }

    #[test]
    fn an_unknown_template_names_the_choices() {
        let err = template("nope").unwrap_err().to_string();
        assert!(
            err.contains("nope") && err.contains(SAMPLE) && err.contains(BLANK),
            "{err}"
        );
    }
}
