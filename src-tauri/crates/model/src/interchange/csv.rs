//! A map's cards as CSV, for a spreadsheet.

use std::collections::HashMap;

use super::InterchangeError;
use crate::*;

/// The header row, in column order.
pub const CSV_HEADER: [&str; 12] = [
    "stage",
    "lane",
    "lane kind",
    "position",
    "title",
    "body",
    "channel",
    "personas",
    "passion point",
    "shareable moment",
    "point of vulnerability",
    "colour",
];

/// The cards of map `map_id` as CSV: the [`CSV_HEADER`] row, then one row per card in
/// canonical order (stage order, then lane order, then position within the cell).
///
/// * **Columns**: stage name; lane name; lane kind as the UI names it ("Pain points");
///   position within the cell, counted from 1; title; body; the channel's name; the
///   personas' names joined with "; "; the three card flags as `yes`/`no`; the card's own
///   colour (`#rrggbb`, empty for the theme's default).
/// * **Encoding**: RFC 4180. Fields are separated by commas and records end with CRLF
///   (including the last). A field containing a comma, a double quote, CR or LF is
///   enclosed in double quotes, with its quotes doubled; line breaks inside a field (a
///   multi-line body) are kept as they are. The text is UTF-8 **without a byte-order
///   mark**: accented and other non-ASCII text is written verbatim, and LibreOffice,
///   Google Sheets and Numbers read it as UTF-8 (Excel asks for the encoding when the
///   file is opened through its import dialog).
/// * **Formula injection**: a spreadsheet runs a cell that starts with `=`, `+`, `-`
///   or `@` (and some treat a leading tab or CR the same way) as a formula, so card
///   text such as `=HYPERLINK(…)` could act when a colleague opens the file. Such a
///   cell gets a leading apostrophe (`'=1+1`), which spreadsheets show as text. The
///   apostrophe is part of the data, so `-5` is written as `'-5`; this applies to every
///   column, names included.
pub fn cards_csv(doc: &Document, map_id: &str) -> Result<String, InterchangeError> {
    let map = doc
        .map(map_id)
        .ok_or_else(|| InterchangeError::UnknownMap {
            map_id: map_id.to_string(),
        })?;
    // Documents keep cards in canonical order (stage, lane, position in the cell; see
    // `canon.rs`), which is the order a reader expects.
    let cards = &map.cards;

    let mut out = writer();
    write_record(&mut out, CSV_HEADER.iter().map(|h| h.to_string()));
    let mut in_cell: HashMap<(&str, &str), usize> = HashMap::new();
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    for card in cards {
        let position = in_cell
            .entry((card.stage_id.as_str(), card.lane_id.as_str()))
            .or_insert(0);
        *position += 1;
        let stage = map.stage(&card.stage_id).map(|s| s.name.clone());
        let lane = map.lane(&card.lane_id);
        let channel = card
            .channel_id
            .as_deref()
            .map(|id| {
                doc.channels
                    .iter()
                    .find(|c| c.id == id)
                    .map_or_else(|| id.to_string(), |c| c.name.clone())
            })
            .unwrap_or_default();
        let personas = card
            .persona_ids
            .iter()
            .map(|id| {
                doc.personas
                    .iter()
                    .find(|p| &p.id == id)
                    .map_or_else(|| id.clone(), |p| p.name.clone())
            })
            .collect::<Vec<_>>()
            .join("; ");
        write_record(
            &mut out,
            [
                stage.unwrap_or_else(|| card.stage_id.clone()),
                lane.map_or_else(|| card.lane_id.clone(), |l| l.name.clone()),
                card.kind.label().to_string(),
                position.to_string(),
                card.title.clone(),
                card.body.clone(),
                channel,
                personas,
                yes_no(card.flags.passion_point),
                yes_no(card.flags.shareable_moment),
                yes_no(card.flags.point_of_vulnerability),
                card.color.clone().unwrap_or_default(),
            ],
        );
    }
    Ok(finish(out))
}

/// A round's results as CSV, written like [`cards_csv`] (RFC 4180, CRLF, UTF-8, formulas
/// guarded): a header `rank,card,stage,lane,total,paper` followed, unless the round is
/// anonymous, by one column per participant (their name); then one row per card of the
/// results, the most dots first. `paper` counts the dots on paper; `total` includes them.
pub fn vote_results_csv(results: &VoteResults) -> String {
    let mut out = writer();
    write_record(
        &mut out,
        ["rank", "card", "stage", "lane", "total", "paper"]
            .map(String::from)
            .into_iter()
            .chain(results.participants.iter().map(|p| p.name.clone())),
    );
    for row in &results.rows {
        let count = |id: &str| {
            row.by_participant
                .iter()
                .find(|c| c.participant_id == id)
                .map_or(0, |c| c.count)
        };
        write_record(
            &mut out,
            [
                row.rank.to_string(),
                row.title.clone(),
                row.stage.clone(),
                row.lane.clone(),
                row.total.to_string(),
                row.paper.to_string(),
            ]
            .into_iter()
            .chain(
                results
                    .participants
                    .iter()
                    .map(|p| count(&p.id).to_string()),
            ),
        );
    }
    finish(out)
}

/// The `csv` crate's writer set to RFC 4180 as documented on [`cards_csv`]: commas,
/// CRLF after every record, quotes only where a field needs them.
fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new())
}

/// Every field guarded against formula injection, then written (and quoted if needed).
fn write_record(out: &mut csv::Writer<Vec<u8>>, fields: impl IntoIterator<Item = String>) {
    // Writing to memory cannot fail, and every field is a `String`, so valid UTF-8.
    out.write_record(fields.into_iter().map(|f| guarded(&f)))
        .expect("writing CSV to memory");
}

fn finish(out: csv::Writer<Vec<u8>>) -> String {
    let bytes = out.into_inner().expect("flushing CSV to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// A field a spreadsheet would run as a formula, with a leading apostrophe.
fn guarded(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One field as written: a record of it and an empty field, less the separator and
    /// the record's end (a record of one empty field alone is written as `""`).
    fn field(s: &str) -> String {
        let mut out = writer();
        write_record(&mut out, [s.to_string(), String::new()]);
        let line = finish(out);
        line.strip_suffix(",\r\n").unwrap().to_string()
    }

    #[test]
    fn fields_are_quoted_only_when_needed_and_formulas_are_guarded() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field(""), "");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("@x, y"), "\"'@x, y\"");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\r\nx"), "\"'\r\nx\"");
        assert_eq!(field("a=b"), "a=b");
    }
}
