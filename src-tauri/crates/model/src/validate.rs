//! Field checks shared by the edits. Messages name the field and say what is allowed.

use crate::error::invalid;
use crate::EditError;

pub const EMOTION_MIN: i8 = -2;
pub const EMOTION_MAX: i8 = 2;
pub(crate) const MAX_NAME: usize = 200;
pub(crate) const MAX_TEXT: usize = 20_000;
pub(crate) const MAX_ID: usize = 64;
pub(crate) const MIN_STAGE_WIDTH: u32 = 120;
pub(crate) const MAX_STAGE_WIDTH: u32 = 1200;

/// A colour is `#rrggbb` (or absent, meaning the theme's default).
pub fn check_color(field: &'static str, color: &Option<String>) -> Result<(), EditError> {
    if let Some(c) = color {
        let ok =
            c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
        if !ok {
            return Err(invalid(
                field,
                format!("{c:?} is not a colour; use #rrggbb"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn check_id(field: &'static str, id: &str) -> Result<(), EditError> {
    if id.is_empty() || id.len() > MAX_ID || id.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err(invalid(
            field,
            format!("{id:?} is not a valid id (1–{MAX_ID} visible characters)"),
        ));
    }
    Ok(())
}

pub(crate) fn check_len(field: &'static str, text: &str, max: usize) -> Result<(), EditError> {
    let n = text.chars().count();
    if n > max {
        return Err(invalid(
            field,
            format!("is {n} characters long; at most {max} are allowed"),
        ));
    }
    Ok(())
}

pub(crate) fn check_name(field: &'static str, text: &str) -> Result<(), EditError> {
    check_len(field, text, MAX_NAME)
}

pub(crate) fn check_width(width: u32) -> Result<(), EditError> {
    if !(MIN_STAGE_WIDTH..=MAX_STAGE_WIDTH).contains(&width) {
        return Err(invalid(
            "stage.width",
            format!("{width} is outside {MIN_STAGE_WIDTH}–{MAX_STAGE_WIDTH}"),
        ));
    }
    Ok(())
}

pub(crate) fn check_emotion(value: i8) -> Result<(), EditError> {
    if !(EMOTION_MIN..=EMOTION_MAX).contains(&value) {
        return Err(invalid(
            "emotion.value",
            format!("{value} is outside {EMOTION_MIN}..{EMOTION_MAX}"),
        ));
    }
    Ok(())
}

pub(crate) fn check_unique_ids(field: &'static str, ids: &[String]) -> Result<(), EditError> {
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(invalid(field, format!("lists {id:?} twice")));
        }
    }
    Ok(())
}
