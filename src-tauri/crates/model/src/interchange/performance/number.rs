//! A figure of the performance CSV as a spreadsheet writes it, read only where its
//! meaning is unambiguous.
//!
//! * The **point** is always the decimal point: `1.250` is one and a quarter.
//! * A **comma** is read as a thousands separator only when it groups digits the way
//!   no decimal comma can: after an optional sign, a first group of one to three digits
//!   not starting with `0`, then one or more groups of exactly three digits each after a
//!   comma, then at most one decimal point with its decimals (`1,250`, `-12,345.6`,
//!   `1,234,567`). No exponent. Any other comma (`1,5`, `12.345,6`, `0,250`, `1,2345`,
//!   `12,34`) is refused: it may be a decimal comma.
//! * A **`%`** at the end (blanks before it allowed) is read when the goal is measured
//!   in percent — its unit is `%`, `percent`, `per cent` or `pct` in any case — and the
//!   number is taken as it stands: `91%` is 91 (%). For any other goal it is refused,
//!   since 91 % of a count has no single meaning.
//! * Spaces inside the number (`1 200`), currency signs and `NaN`/`inf` are refused.

/// A value as read, before it is checked against the goal's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Figure {
    pub value: f64,
    /// It ended with `%`.
    pub percent: bool,
}

/// Whether a goal with this unit is measured in percent, so that `91%` means 91.
pub(super) fn is_percent_unit(unit: &str) -> bool {
    matches!(
        unit.trim().to_lowercase().as_str(),
        "%" | "percent" | "per cent" | "pct"
    )
}

/// The problem with a `%` value for a goal that is not measured in percent.
pub(super) fn percent_refused(text: &str, metric: &str, unit: &str) -> String {
    let number = text.trim_end_matches('%').trim();
    let unit = unit.trim();
    let measured = if unit.is_empty() {
        "has no unit".to_string()
    } else {
        format!("is measured in {unit:?}")
    };
    format!(
        "{text:?} has a % sign, but the goal {metric:?} {measured}; give the number alone ({number}), in the goal's unit, or set the goal's unit to %"
    )
}

/// Reads a value (already trimmed) by the rules of the module.
pub(super) fn parse_value(text: &str) -> Result<Figure, String> {
    if text.is_empty() {
        return Err("the value is empty; give a number, e.g. 1250".into());
    }
    let (number, percent) = match text.strip_suffix('%') {
        Some(number) => (number.trim_end(), true),
        None => (text, false),
    };
    if number.contains(',') {
        return match grouped(number) {
            Some(plain) => finite(text, &plain, percent),
            None => Err(comma_refused(text, number)),
        };
    }
    if number.contains(char::is_whitespace) {
        return Err(format!(
            "{text:?} has a space in it; write numbers without spaces as thousands separators, e.g. 1234.5 or 1,234.5"
        ));
    }
    if !is_plain_number(number) {
        return Err(format!(
            "{text:?} is not a number; give a number such as 1250, -3 or 0.75"
        ));
    }
    finite(text, number, percent)
}

fn finite(text: &str, plain: &str, percent: bool) -> Result<Figure, String> {
    match plain.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Figure { value, percent }),
        _ => Err(format!("{text:?} is too large a number")),
    }
}

/// `number` without its thousands separators when they group digits by the rule of the
/// module; `None` otherwise.
fn grouped(number: &str) -> Option<String> {
    let unsigned = number.trim_start_matches(['+', '-']);
    if number.len() - unsigned.len() > 1 {
        return None;
    }
    let (integer, decimals) = match unsigned.split_once('.') {
        Some((integer, decimals)) => (integer, Some(decimals)),
        None => (unsigned, None),
    };
    if decimals.is_some_and(|d| !d.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut groups = integer.split(',');
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && !first.starts_with('0');
    let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && rest_ok).then(|| number.replace(',', ""))
}

/// Why a comma that does not group thousands is refused, with the number it would be if
/// the comma were the decimal one (for the user to confirm, not for us to guess).
fn comma_refused(text: &str, number: &str) -> String {
    let digits_around = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = number.trim_start_matches(['+', '-']);
    // `12.345,6`: points between thousands and a decimal comma.
    if let Some((thousands, decimals)) = unsigned.split_once(',') {
        let mut groups = thousands.split('.');
        let first = groups.next().unwrap_or("");
        let points_group = thousands.contains('.')
            && (1..=3).contains(&first.len())
            && digits_around(first)
            && groups.all(|g| g.len() == 3 && digits_around(g));
        if points_group && digits_around(decimals) {
            let sign = &number[..number.len() - unsigned.len()];
            return format!(
                "{text:?} has points between thousands and a decimal comma; write it as {sign}{}.{decimals}",
                thousands.replace('.', "")
            );
        }
        if digits_around(thousands) && digits_around(decimals) {
            return format!(
                "{text:?} has a comma that is not a thousands separator (a comma must be followed by groups of three digits); if it is a decimal comma, write {}",
                number.replacen(',', ".", 1)
            );
        }
    }
    format!(
        "{text:?} has a comma; write decimals with a point, e.g. 1234.5 (a comma may only separate thousands, as in 1,234.5)"
    )
}

/// An optional sign, digits with an optional decimal point, and an optional exponent
/// (`1.5e3`).
fn is_plain_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Result<f64, String> {
        parse_value(text).map(|f| f.value)
    }

    #[test]
    fn plain_numbers() {
        for ok in ["0", "12", "-3", "+0.75", ".5", "5.", "1e3", "2.5E-2", "007"] {
            assert!(value(ok).is_ok(), "{ok}");
        }
        assert_eq!(value("-3"), Ok(-3.0));
        assert_eq!(value("+0.75"), Ok(0.75));
        // The point is the decimal point, whatever follows it.
        assert_eq!(value("1.250"), Ok(1.25));
        for bad in [
            "", "1 234", "abc", "-", ".", "1.2.3", "1e", "$5", "NaN", "inf", "0x10", "--1",
            "1'234", "1_000", "%",
        ] {
            assert!(value(bad).is_err(), "{bad}");
        }
        assert!(value("1e999").unwrap_err().contains("too large"));
    }

    #[test]
    fn thousands_separators_in_groups_of_three() {
        assert_eq!(value("1,250"), Ok(1250.0));
        assert_eq!(value("12,345.6"), Ok(12345.6));
        assert_eq!(value("1,234,567"), Ok(1234567.0));
        assert_eq!(value("-1,000"), Ok(-1000.0));
        assert_eq!(value("+999,999."), Ok(999999.0));
        for bad in [
            "1,5",
            "1,25",
            "1,2345",
            "12.345,6",
            "0,250",
            "1234,567",
            "12,34.5",
            "1,234e3",
            ",123",
            "1,",
            "1,,234",
            "1,234.5.6",
            "1,234.5e2",
            "-+1,000",
            "1,234,56",
        ] {
            assert!(value(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_refused_comma_says_what_the_number_would_be() {
        assert_eq!(
            value("1,5").unwrap_err(),
            "\"1,5\" has a comma that is not a thousands separator (a comma must be followed by groups of three digits); if it is a decimal comma, write 1.5"
        );
        assert_eq!(
            value("-12.345,6").unwrap_err(),
            "\"-12.345,6\" has points between thousands and a decimal comma; write it as -12345.6"
        );
        assert!(value("1,234e3").unwrap_err().contains("has a comma"));
    }

    #[test]
    fn a_percent_sign_is_kept_for_the_goal_to_judge() {
        assert_eq!(
            parse_value("91%"),
            Ok(Figure {
                value: 91.0,
                percent: true
            })
        );
        assert_eq!(parse_value("12.5 %").map(|f| f.value), Ok(12.5));
        assert_eq!(parse_value("1,250%").map(|f| f.value), Ok(1250.0));
        assert!(!parse_value("91").unwrap().percent);
        assert!(value("%5").is_err());
        for unit in ["%", " % ", "Percent", "per cent", "PCT"] {
            assert!(is_percent_unit(unit), "{unit}");
        }
        for unit in ["", "visitors", "percentage points", "%pts"] {
            assert!(!is_percent_unit(unit), "{unit}");
        }
    }
}
