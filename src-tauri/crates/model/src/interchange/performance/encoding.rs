//! The text of a performance CSV from its bytes. Spreadsheets save UTF-8 ("CSV UTF-8",
//! with or without a byte-order mark) or, as "Unicode text", UTF-16 with a byte-order
//! mark; both are read. What cannot be read as text without guessing — UTF-16 with no
//! byte-order mark, UTF-32, or bytes that are not UTF-8 (a legacy code page) — is
//! refused, naming the encoding where it is known and the line where it goes wrong.

use std::borrow::Cow;

/// How to get a file this reader takes, in the words of the spreadsheets' Save dialogs.
const SAVE_AS_UTF8: &str = "save it as \"CSV UTF-8\" (comma-delimited) and import that";

/// Why the bytes are not text: the line (from 1) and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NotText {
    pub line: u32,
    pub message: String,
}

/// The file's text, without a byte-order mark.
pub(super) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, NotText> {
    let refuse = |message: String| NotText { line: 1, message };
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            return Err(refuse(format!("the file is UTF-32 text; {SAVE_AS_UTF8}")))
        }
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes, "UTF-16 LE"),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes, "UTF-16 BE"),
        _ => {}
    }
    if let Some(order) = utf16_without_bom(bytes) {
        return Err(refuse(format!(
            "the file is {order} text without a byte-order mark (a spreadsheet's \"Unicode text\"); {SAVE_AS_UTF8}"
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = line_of(good.iter().map(|&b| u32::from(b)));
            let column = good
                .rsplit(|&b| b == b'\n' || b == b'\r')
                .next()
                .map_or(0, |l| String::from_utf8_lossy(l).chars().count())
                + 1;
            Err(NotText {
                line,
                message: format!(
                    "the file is not UTF-8 text: byte 0x{:02X} at character {column} of this line is not UTF-8 (the file may be in a legacy encoding such as Windows-1252); {SAVE_AS_UTF8}",
                    bytes[e.valid_up_to()]
                ),
            })
        }
    }
}

/// UTF-16 after its byte-order mark, with `unit` reading each pair of bytes.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Result<Cow<'static, str>, NotText> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| unit([p[0], *p.get(1).unwrap_or(&0)]))
        .collect();
    let mut text = String::with_capacity(units.len());
    // Units read so far, to count the lines before a damaged character.
    let mut read = 0;
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => {
                text.push(c);
                read += c.len_utf16();
            }
            Err(_) => {
                return Err(NotText {
                    line: line_of(units[..read].iter().map(|&u| u32::from(u))),
                    message: format!(
                    "the file is {name} text with a damaged character on this line; {SAVE_AS_UTF8}"
                ),
                })
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(NotText {
            line: line_of(units.iter().map(|&u| u32::from(u))),
            message: format!("the file is {name} text cut short by one byte; {SAVE_AS_UTF8}"),
        });
    }
    Ok(Cow::Owned(text))
}

/// "UTF-16 LE" or "UTF-16 BE" when the first bytes have the NULs of UTF-16 text with no
/// byte-order mark (every other byte NUL, as ASCII text in UTF-16 has); UTF-8 text has
/// no NUL there.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let nul = |b: &u8| *b == 0;
    let even = head.iter().step_by(2).filter(|b| nul(b)).count();
    let odd = head.iter().skip(1).step_by(2).filter(|b| nul(b)).count();
    let pairs = head.len() / 2;
    // Most pairs have their NUL on one side and none on the other: allow some non-ASCII.
    if odd * 4 >= pairs * 3 && even == 0 {
        Some("UTF-16 LE")
    } else if even * 4 >= pairs * 3 && odd == 0 {
        Some("UTF-16 BE")
    } else {
        None
    }
}

/// The line (from 1) after the text whose characters are `chars`: CRLF, LF and a lone
/// CR each end a line, as the CSV reader counts them.
fn line_of(chars: impl Iterator<Item = u32>) -> u32 {
    let mut line = 1;
    let mut after_cr = false;
    for c in chars {
        if c == u32::from(b'\r') || (c == u32::from(b'\n') && !after_cr) {
            line += 1;
        }
        after_cr = c == u32::from(b'\r');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf8_with_or_without_a_bom_is_text() {
        assert_eq!(decode(b"a,b\n").unwrap(), "a,b\n");
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").unwrap(), "a,b");
        assert_eq!(decode(b"").unwrap(), "");
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_in_either_byte_order() {
        assert_eq!(
            decode(&utf16le("month\tcafé\r\n", true)).unwrap(),
            "month\tcafé\r\n"
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("a,€".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), "a,€");
    }

    #[test]
    fn what_is_not_text_names_the_encoding_and_the_line() {
        let e = decode(&utf16le("month,channel,metric,value\n", false)).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            e.message
                .contains("UTF-16 LE text without a byte-order mark"),
            "{e:?}"
        );
        assert!(e.message.contains("\"CSV UTF-8\""), "{e:?}");

        let e = decode(b"\xFF\xFE\0\0m\0\0\0").unwrap_err();
        assert!(e.message.contains("UTF-32"), "{e:?}");

        let e = decode(b"month\r\nline 2\r\n2026-01,Caf\xE9,x,1\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("byte 0xE9 at character 12"), "{e:?}");

        let mut cut = utf16le("ab\nc", true);
        cut.push(b'x');
        assert!(decode(&cut).unwrap_err().message.contains("cut short"));
        let lone = [0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0];
        let e = decode(&lone).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message
                .contains("UTF-16 LE text with a damaged character"),
            "{e:?}"
        );
    }

    #[test]
    fn lines_are_counted_as_the_csv_reader_counts_them() {
        let count = |s: &str| line_of(s.chars().map(u32::from));
        assert_eq!(count(""), 1);
        assert_eq!(count("a\r\nb\nc\rd"), 4);
        assert_eq!(count("a\n\n"), 3);
    }
}
