//! A PDF from anyone is measured before lopdf parses it. lopdf inflates object streams and
//! cross-reference streams while loading, with no limit, and a few kilobytes of deflate can
//! stand for gigabytes. So every compressed stream in the file is inflated here first, into
//! nothing, with one running total for the whole file: past [`MAX_PDF_INFLATED_BYTES`] the
//! file is refused before lopdf sees it. The two other filters lopdf would decode (LZW and
//! ASCII85) are refused outright: Waymark's PDFs never use them, and measuring them would
//! need their decoders too.

use std::io::Read;

use flate2::read::ZlibDecoder;

/// All of a PDF's compressed streams together, inflated, may be at most this large.
/// Waymark's own PDFs inflate to a few MiB (fonts, pages, the map's JSON).
pub const MAX_PDF_INFLATED_BYTES: u64 = 256 << 20;

/// Layers of compression measured within one stream (`[/FlateDecode /FlateDecode]`).
const MAX_LAYERS: usize = 4;

#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Its streams inflate to more than [`MAX_PDF_INFLATED_BYTES`].
    TooLarge,
    /// It names a filter Waymark does not measure (the name, as lopdf would read it).
    Filter(&'static str),
}

/// Ok when the PDF's streams together inflate within the budget.
pub fn check(bytes: &[u8]) -> Result<(), Refusal> {
    check_within(bytes, MAX_PDF_INFLATED_BYTES)
}

fn check_within(bytes: &[u8], mut budget: u64) -> Result<(), Refusal> {
    refuse_unmeasured_filters(bytes)?;
    for start in stream_starts(bytes) {
        measure(&bytes[start..], &mut budget)?;
    }
    Ok(())
}

/// Where each stream's data begins: after a `stream` keyword (not `endstream`) and its
/// end of line. The data is read from there to the end of the file, as the inflater stops
/// where the deflate stream ends: a stray `endstream` inside the data cannot hide the rest.
fn stream_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const KEYWORD: &[u8] = b"stream";
    bytes
        .windows(KEYWORD.len())
        .enumerate()
        .filter(move |&(i, w)| w == KEYWORD && !(i >= 3 && &bytes[i - 3..i] == b"end"))
        .map(move |(i, _)| {
            let mut start = i + KEYWORD.len();
            if bytes.get(start) == Some(&b'\r') {
                start += 1;
            }
            if bytes.get(start) == Some(&b'\n') {
                start += 1;
            }
            start
        })
}

/// A zlib header: deflate, and the check bits right.
fn looks_like_zlib(data: &[u8]) -> bool {
    data.len() >= 2
        && data[0] & 0x0f == 8
        && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0
}

/// Inflates `data` (and what it inflates to, while that is zlib again) into nothing,
/// charging every byte to `budget`. Damaged data ends the measure where lopdf's inflater
/// would stop too.
fn measure(data: &[u8], budget: &mut u64) -> Result<(), Refusal> {
    if !looks_like_zlib(data) {
        return Ok(());
    }
    let mut layers = 1;
    loop {
        let mut reader: Box<dyn Read + '_> = Box::new(ZlibDecoder::new(data));
        for _ in 1..layers {
            reader = Box::new(ZlibDecoder::new(reader));
        }
        let mut chunk = vec![0u8; 64 * 1024];
        let mut head = Vec::with_capacity(2);
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if head.len() < 2 {
                head.extend(chunk[..n].iter().take(2 - head.len()));
            }
            *budget = budget.checked_sub(n as u64).ok_or(Refusal::TooLarge)?;
        }
        if layers == MAX_LAYERS || !looks_like_zlib(&head) {
            return Ok(());
        }
        layers += 1;
    }
}

/// Refuses a file that names LZW or ASCII85 anywhere (names may hide letters as `#xx`).
fn refuse_unmeasured_filters(bytes: &[u8]) -> Result<(), Refusal> {
    let ends_name = |b: u8| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'/' {
            i += 1;
            continue;
        }
        let mut name = Vec::new();
        let mut j = i + 1;
        while j < bytes.len() && !ends_name(bytes[j]) && name.len() <= 16 {
            let hex = |k: usize| (bytes.get(k).copied()).and_then(|b| (b as char).to_digit(16));
            match (bytes[j], hex(j + 1), hex(j + 2)) {
                (b'#', Some(h), Some(l)) => {
                    name.push((h * 16 + l) as u8);
                    j += 3;
                }
                (b, _, _) => {
                    name.push(b);
                    j += 1;
                }
            }
        }
        match name.as_slice() {
            b"LZWDecode" => return Err(Refusal::Filter("LZWDecode")),
            b"ASCII85Decode" => return Err(Refusal::Filter("ASCII85Decode")),
            _ => {}
        }
        i = j.max(i + 1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn pdf_with_stream(data: &[u8]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend(data);
        pdf.extend(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    /// The tests use a budget of 1 MiB, to build their bombs quickly; the real budget is
    /// tested on a whole PDF in the app's tests (`security::bombs`).
    const BUDGET: u64 = 1 << 20;

    #[test]
    fn a_small_stream_passes() {
        let pdf = pdf_with_stream(&deflate(&[b'a'; 100_000]));
        assert_eq!(check_within(&pdf, BUDGET), Ok(()));
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        let pdf = pdf_with_stream(&deflate(&vec![0u8; 2 << 20]));
        assert_eq!(check_within(&pdf, BUDGET), Err(Refusal::TooLarge));
    }

    #[test]
    fn a_bomb_inside_a_bomb_is_measured_to_the_inner_layer() {
        // The outer layer inflates to a few kilobytes, the inner one to 4 MiB.
        let inner = deflate(&vec![0u8; 4 << 20]);
        let twice = deflate(&inner);
        assert!(inner.len() < BUDGET as usize / 16);
        assert_eq!(
            check_within(&pdf_with_stream(&twice), BUDGET),
            Err(Refusal::TooLarge)
        );
    }

    #[test]
    fn many_streams_share_one_budget() {
        let one = pdf_with_stream(&deflate(&vec![0u8; 300 << 10]));
        assert_eq!(check_within(&one, BUDGET), Ok(()));
        assert_eq!(check_within(&one.repeat(4), BUDGET), Err(Refusal::TooLarge));
    }

    #[test]
    fn a_stream_is_measured_to_its_end_whatever_its_bytes_say() {
        // `endstream` right after the keyword's line does not end the measure: the data
        // is inflated until the deflate stream itself ends.
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Length 9 >>\nstream\r\n".to_vec();
        pdf.extend(deflate(&vec![0u8; 2 << 20]));
        pdf.extend(b"endstream\nendobj\n");
        assert_eq!(check_within(&pdf, BUDGET), Err(Refusal::TooLarge));
    }

    #[test]
    fn lzw_and_ascii85_are_refused_even_when_spelled_with_escapes() {
        for name in [
            "/LZWDecode",
            "/LZW#44ecode",
            "/ASCII85Decode",
            "/ASCII#385Decode",
        ] {
            let pdf = format!("%PDF-1.7\n1 0 obj << /Filter {name} >> endobj");
            assert!(check(pdf.as_bytes()).is_err(), "{name}");
        }
        assert_eq!(check(b"%PDF-1.7\n<< /Filter /LZWDecoder >>"), Ok(()));
    }
}
