//! Monthly performance data from a spreadsheet: the channels "bring their performance
//! data" to the monthly review as CSV, one figure per row.
//!
//! ```text
//! month,channel,metric,value
//! 2026-01,Social,visits,1250
//! 2026-01,"Events, local",sign-ups,48.5
//! ```
//!
//! [`read_performance_csv`] reads such a file against a document and answers with a
//! preview (every row, with the value it replaces), every problem found (by line and
//! column), and — only when there is no problem — the one [`Edit`] that records the
//! figures in the channels' monthly reviews. It applies nothing itself and does no I/O.
//!
//! A spreadsheet's own way of saving is read where its meaning is unambiguous, and
//! refused with a message saying how to write it otherwise:
//!
//! * **Numbers** (the `number` module): the point is always the decimal point. A comma is a
//!   thousands separator only between groups of exactly three digits after a first group
//!   of one to three (`"1,250"`, `12,345.6`, `"1,234,567"`); `1,5`, `12.345,6`, `0,250`
//!   and `1,2345` may hold a decimal comma and are refused. A trailing `%` (`91%`) is
//!   read as the number itself when the goal's unit is percent (`%`, `percent`,
//!   `per cent`, `pct`), and refused for any other goal.
//! * **Encoding** (the `encoding` module): UTF-8 with or without a byte-order mark, and
//!   UTF-16 with a byte-order mark (a spreadsheet's "Unicode text"), are read. UTF-16
//!   without a byte-order mark, UTF-32 and bytes that are not UTF-8 are refused, naming
//!   the encoding and the line, with how to save the file as "CSV UTF-8".
//! * **Separator**: commas; when the header line has tabs and no comma (tab-separated
//!   "Unicode text"), tabs.

mod encoding;
mod number;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::is_month;
use crate::*;
use number::{is_percent_unit, parse_value, percent_refused};

/// The four columns, as [`PerformanceProblem::column`] names them.
const COLUMNS: [&str; 4] = ["month", "channel", "metric", "value"];
/// Problems listed before the rest are summed up in one last entry.
const MAX_PROBLEMS: usize = 100;

/// One figure of the file, understood: which channel's which goal, in which month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PerformanceRow {
    /// The line of the file the row starts on, counted from 1 (the header is line 1).
    pub line: u32,
    /// `YYYY-MM`.
    pub month: String,
    pub channel_id: Id,
    /// The channel's name in the document.
    pub channel_name: String,
    pub goal_id: Id,
    /// The goal's metric as the document spells it.
    pub metric: String,
    pub value: Num,
    /// The actual the document already has for this channel, month and goal: importing
    /// replaces it.
    pub previous: Option<Num>,
}

/// Something wrong with the file. Any problem means nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PerformanceProblem {
    /// The line of the file, counted from 1 (a row spanning lines: its first line).
    pub line: u32,
    /// `month`, `channel`, `metric` or `value`; empty when the whole line is wrong.
    pub column: String,
    pub message: String,
}

/// What importing a performance CSV would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PerformanceImport {
    /// The rows understood, in file order (also when other rows have problems).
    pub rows: Vec<PerformanceRow>,
    /// Every problem, in file order (at most 100 entries; the last one then says how
    /// many more there are).
    pub problems: Vec<PerformanceProblem>,
    /// The months the rows cover, each once, in order.
    pub months: Vec<String>,
    /// One `Batch` of `UpdateChannel` edits, one per channel the rows touch; `None`
    /// when there is any problem or no row.
    pub edit: Option<Edit>,
}

/// Reads `data`, the bytes of a performance CSV (or its text), against `doc`.
///
/// * **Text**: UTF-8 (a byte-order mark is ignored) or UTF-16 with a byte-order mark;
///   anything else is one problem naming the encoding and how to save as UTF-8.
/// * **Header**: the first line names the columns `month`, `channel`, `metric` and
///   `value`, in any order, in any case, with surrounding spaces ignored. A missing,
///   repeated or extra column is a problem.
/// * **Format**: RFC 4180. Fields may be in double quotes (then they may hold commas,
///   line breaks and doubled quotes `""`); lines end with CRLF, LF or CR; blank lines
///   (also `,,,`) are skipped. Fields are separated by commas, or by tabs when the header
///   line has tabs and no comma.
/// * **Rows**: `month` is `YYYY-MM`; `channel` is a channel's name (case-insensitive)
///   or id; `metric` is the metric of one of that channel's SMART goals
///   (case-insensitive); `value` is a number such as `1250`, `-3`, `+0.75`, `1,250` or
///   `12,345.6`, or `91%` for a goal measured in percent — by the rules of the module
///   documentation; no decimal comma. The same month, channel and metric twice is a
///   problem.
/// * **The edit**: for every month of the file the channel's review of that month is
///   created (with an empty support note) or updated; the goal's actual is replaced or
///   added; other goals' actuals and the support note are kept; reviews stay in month
///   order. Importing the same file again therefore changes nothing further.
pub fn read_performance_csv(doc: &Document, data: impl AsRef<[u8]>) -> PerformanceImport {
    let mut reader = Reader {
        doc,
        rows: Vec::new(),
        problems: Problems::default(),
        seen: HashMap::new(),
    };
    match encoding::decode(data.as_ref()) {
        Ok(text) => reader.read(&text),
        Err(not_text) => reader.problems.push(not_text.line, "", not_text.message),
    }
    let Reader { rows, problems, .. } = reader;
    let mut problems = problems.finish();
    let mut months: Vec<String> = rows.iter().map(|r| r.month.clone()).collect();
    months.sort();
    months.dedup();
    let edit = if problems.is_empty() && !rows.is_empty() {
        let edit = build_edit(doc, &rows);
        // The checks above are meant to make a refusal impossible (a channel would
        // need more than 500 reviews); if one slips through it is reported, not hidden.
        match edit.apply(&mut doc.clone()) {
            Ok(_) => Some(edit),
            Err(err) => {
                problems.push(PerformanceProblem {
                    line: rows[0].line,
                    column: String::new(),
                    message: format!("the figures cannot be recorded: {err}"),
                });
                None
            }
        }
    } else {
        None
    };
    PerformanceImport {
        rows,
        problems,
        months,
        edit,
    }
}

// ---- the edit --------------------------------------------------------------------------

fn build_edit(doc: &Document, rows: &[PerformanceRow]) -> Edit {
    let edits = doc
        .channels
        .iter()
        .filter(|c| rows.iter().any(|r| r.channel_id == c.id))
        .map(|channel| {
            let mut reviews = channel.plan.reviews.clone();
            for row in rows.iter().filter(|r| r.channel_id == channel.id) {
                record(&mut reviews, row);
            }
            // Only the reviews: the import never carries the rest of the channel.
            Edit::UpdateChannel {
                channel_id: channel.id.clone(),
                props: ChannelPatch {
                    plan: Some(ChannelPlanPatch {
                        reviews: Some(reviews),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            }
        })
        .collect();
    Edit::Batch { edits }
}

/// Puts one figure into a channel's reviews, which are in month order.
fn record(reviews: &mut Vec<MonthlyReview>, row: &PerformanceRow) {
    let at = match reviews.iter().position(|r| r.month == row.month) {
        Some(at) => at,
        None => {
            let at = reviews
                .iter()
                .position(|r| r.month > row.month)
                .unwrap_or(reviews.len());
            reviews.insert(
                at,
                MonthlyReview {
                    month: row.month.clone(),
                    actuals: Vec::new(),
                    support_note: String::new(),
                },
            );
            at
        }
    };
    let actuals = &mut reviews[at].actuals;
    match actuals.iter_mut().find(|a| a.goal_id == row.goal_id) {
        Some(actual) => actual.value = row.value,
        None => actuals.push(GoalActual {
            goal_id: row.goal_id.clone(),
            value: row.value,
        }),
    }
}

// ---- reading the rows ------------------------------------------------------------------

#[derive(Default)]
struct Problems {
    list: Vec<PerformanceProblem>,
    /// Problems beyond the listed ones.
    more: usize,
    /// The line of the first problem not listed.
    more_from: u32,
}

impl Problems {
    fn push(&mut self, line: u32, column: &str, message: String) {
        if self.list.len() < MAX_PROBLEMS - 1 {
            self.list.push(PerformanceProblem {
                line,
                column: column.to_string(),
                message,
            });
        } else {
            if self.more == 0 {
                self.more_from = line;
            }
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<PerformanceProblem> {
        match self.more {
            0 => {}
            1 => self.list.push(PerformanceProblem {
                line: self.more_from,
                column: String::new(),
                message: "and one more problem from here on".into(),
            }),
            n => self.list.push(PerformanceProblem {
                line: self.more_from,
                column: String::new(),
                message: format!("and {n} more problems from here on"),
            }),
        }
        self.list
    }
}

struct Reader<'a> {
    doc: &'a Document,
    rows: Vec<PerformanceRow>,
    problems: Problems,
    /// (month, channel id, goal id) → the line that gave it first.
    seen: HashMap<(String, Id, Id), u32>,
}

impl Reader<'_> {
    fn read(&mut self, text: &str) {
        // A BOM that survived decoding (text given as a `&str` with one).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut records = parse_records(text, separator(text))
            .into_iter()
            .filter(|r| r.error.is_some() || r.fields.iter().any(|f| !f.trim().is_empty()));
        let Some(header) = records.next() else {
            self.problems.push(
                1,
                "",
                "the file is empty; it needs the header month,channel,metric,value and one row per figure"
                    .into(),
            );
            return;
        };
        let Some(order) = self.header(&header) else {
            return;
        };
        let mut any = false;
        for record in records {
            any = true;
            self.row(&order, record);
        }
        if !any {
            self.problems.push(
                header.line,
                "",
                "the file has only the header; add one row per figure, e.g. 2026-01,Social,visits,1250"
                    .into(),
            );
        }
    }

    /// The position of each of [`COLUMNS`] in the file's rows, or `None` after
    /// reporting what is wrong with the header.
    fn header(&mut self, header: &Record) -> Option<[usize; 4]> {
        let line = header.line;
        if let Some((_, message)) = &header.error {
            self.problems.push(line, "", format!("header: {message}"));
            return None;
        }
        let names: Vec<String> = header
            .fields
            .iter()
            .map(|f| f.trim().to_lowercase())
            .collect();
        let mut order = [usize::MAX; 4];
        let mut extra = Vec::new();
        let mut ok = true;
        for (i, name) in names.iter().enumerate() {
            match COLUMNS.iter().position(|c| c == name) {
                Some(c) if order[c] == usize::MAX => order[c] = i,
                Some(c) => {
                    ok = false;
                    self.problems.push(
                        line,
                        "",
                        format!(
                            "the header names the column \"{}\" twice (columns {} and {})",
                            COLUMNS[c],
                            order[c] + 1,
                            i + 1
                        ),
                    );
                }
                None if name.is_empty() => extra.push(format!("an unnamed column ({})", i + 1)),
                None => extra.push(format!("{:?}", header.fields[i].trim())),
            }
        }
        let missing: Vec<String> = COLUMNS
            .iter()
            .zip(order)
            .filter(|(_, at)| *at == usize::MAX)
            .map(|(c, _)| format!("\"{c}\""))
            .collect();
        if missing.len() == COLUMNS.len() {
            let joined = header.fields.join(",");
            // A spreadsheet set to a language with decimal commas separates by semicolons.
            let semicolons = if header.fields.len() == 1 && joined.contains(';') {
                " — the columns are separated by semicolons; save the file as CSV with commas (or as tab-separated text), with points in numbers (38.5)"
            } else {
                ""
            };
            self.problems.push(
                line,
                "",
                format!(
                    "line 1 must be the header month,channel,metric,value (in any order); it is {joined:?}{semicolons}"
                ),
            );
            return None;
        }
        if !missing.is_empty() {
            ok = false;
            self.problems.push(
                line,
                "",
                format!(
                    "the header lacks the {} {}; the columns are month, channel, metric and value",
                    if missing.len() == 1 {
                        "column"
                    } else {
                        "columns"
                    },
                    list(&missing)
                ),
            );
        }
        if !extra.is_empty() {
            ok = false;
            self.problems.push(
                line,
                "",
                format!(
                    "unexpected {} {}; the columns are month, channel, metric and value",
                    if extra.len() == 1 {
                        "column"
                    } else {
                        "columns"
                    },
                    list(&extra)
                ),
            );
        }
        ok.then_some(order)
    }

    fn row(&mut self, order: &[usize; 4], record: Record) {
        let line = record.line;
        if let Some((field, message)) = record.error {
            let column = order
                .iter()
                .position(|&at| at == field)
                .map_or("", |c| COLUMNS[c]);
            self.problems.push(line, column, message);
            return;
        }
        if record.fields.len() != COLUMNS.len() {
            self.problems.push(
                line,
                "",
                format!(
                    "has {} fields; the header has 4 (a field with a comma must be in double quotes)",
                    record.fields.len()
                ),
            );
            return;
        }
        let field = |c: usize| record.fields[order[c]].trim();
        let (month, channel, metric, value) = (field(0), field(1), field(2), field(3));

        let month_ok = if is_month(month) {
            true
        } else {
            let message = if month.is_empty() {
                "the month is empty; use YYYY-MM, e.g. 2026-11".to_string()
            } else {
                format!("{month:?} is not a month; use YYYY-MM, e.g. 2026-11")
            };
            self.problems.push(line, "month", message);
            false
        };
        let channel = match find_channel(self.doc, channel) {
            Ok(c) => Some(c),
            Err(message) => {
                self.problems.push(line, "channel", message);
                None
            }
        };
        let goal = match channel.map(|c| goal(c, metric)) {
            Some(Ok(g)) => Some(g),
            Some(Err(message)) => {
                self.problems.push(line, "metric", message);
                None
            }
            None => None,
        };
        // A `%` can be judged only against a known goal; without one, the metric's
        // problem is the one to fix first.
        let value = match parse_value(value) {
            Ok(figure) => match goal {
                Some(g) if figure.percent && !is_percent_unit(&g.unit) => {
                    self.problems
                        .push(line, "value", percent_refused(value, &g.metric, &g.unit));
                    None
                }
                _ => Some(figure.value),
            },
            Err(message) => {
                self.problems.push(line, "value", message);
                None
            }
        };
        let (true, Some(channel), Some(goal), Some(value)) = (month_ok, channel, goal, value)
        else {
            return;
        };
        let key = (month.to_string(), channel.id.clone(), goal.id.clone());
        if let Some(first) = self.seen.get(&key) {
            self.problems.push(
                line,
                "",
                format!(
                    "lines {first} and {line} both give {month}, {}, {}; keep one of them",
                    channel.name, goal.metric
                ),
            );
            return;
        }
        self.seen.insert(key, line);
        let previous = channel
            .plan
            .reviews
            .iter()
            .find(|r| r.month == month)
            .and_then(|r| r.actuals.iter().find(|a| a.goal_id == goal.id))
            .map(|a| a.value);
        self.rows.push(PerformanceRow {
            line,
            month: month.to_string(),
            channel_id: channel.id.clone(),
            channel_name: channel.name.clone(),
            goal_id: goal.id.clone(),
            metric: goal.metric.clone(),
            value: Num(value),
            previous,
        });
    }
}

/// The channel named (case-insensitive) or with id `text`.
fn find_channel<'a>(doc: &'a Document, text: &str) -> Result<&'a Channel, String> {
    let channels = &doc.channels;
    if text.is_empty() {
        return Err("the channel is empty; give a channel's name".into());
    }
    if let Some(c) = channels.iter().find(|c| c.id == text) {
        return Ok(c);
    }
    let wanted = text.to_lowercase();
    let named: Vec<&Channel> = channels
        .iter()
        .filter(|c| c.name.trim().to_lowercase() == wanted)
        .collect();
    match named[..] {
        [c] => Ok(c),
        [] if channels.is_empty() => Err(format!(
            "there is no channel {text:?}; the document has no channels yet"
        )),
        [] => {
            let names: Vec<String> = channels.iter().map(|c| format!("{:?}", c.name)).collect();
            Err(format!(
                "there is no channel {text:?}; the channels are {}",
                list(&names)
            ))
        }
        _ => {
            let ids: Vec<String> = named.iter().map(|c| format!("{:?}", c.id)).collect();
            Err(format!(
                "{} channels are named {text:?}; give the id of the one you mean ({})",
                named.len(),
                list(&ids)
            ))
        }
    }
}

/// The goal of `channel` whose metric is `text` (case-insensitive).
fn goal<'a>(channel: &'a Channel, text: &str) -> Result<&'a SmartGoal, String> {
    if text.is_empty() {
        return Err("the metric is empty; give the metric of one of the channel's goals".into());
    }
    let wanted = text.to_lowercase();
    let goals = &channel.plan.goals;
    let matching: Vec<&SmartGoal> = goals
        .iter()
        .filter(|g| g.metric.trim().to_lowercase() == wanted)
        .collect();
    let metrics: Vec<String> = goals
        .iter()
        .filter(|g| !g.metric.trim().is_empty())
        .map(|g| format!("{:?}", g.metric.trim()))
        .collect();
    match matching[..] {
        [g] => Ok(g),
        [] if metrics.is_empty() => Err(format!(
            "{:?} has no SMART goal with a metric yet; add a goal measuring {text:?} first",
            channel.name
        )),
        [] => Err(format!(
            "{:?} has no SMART goal measuring {text:?}; its metrics are {}",
            channel.name,
            list(&metrics)
        )),
        _ => Err(format!(
            "{} goals of {:?} measure {text:?}; give each goal its own metric",
            matching.len(),
            channel.name
        )),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

// ---- RFC 4180 ----------------------------------------------------------------------------

/// One record of the file.
#[derive(Debug, PartialEq)]
struct Record {
    /// The line it starts on, from 1.
    line: u32,
    fields: Vec<String>,
    /// The first thing wrong with its quoting: (field index, message).
    error: Option<(usize, String)>,
}

/// The field separator: a tab when the first line that is not blank has tabs and no
/// comma (a spreadsheet's tab-separated "Unicode text"), a comma otherwise.
fn separator(text: &str) -> char {
    let first = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if first.contains('\t') && !first.contains(',') {
        '\t'
    } else {
        ','
    }
}

/// Splits CSV text into records of fields separated by `sep`. Lines end with CRLF, LF or
/// a lone CR. A field whose first non-blank character is `"` is quoted: it runs to the
/// next lone `"` and may hold separators, line breaks and `""` (one quote). Blanks after
/// the closing quote are ignored; anything else there, or a quote that is never closed,
/// is an error of the record. A `"` inside an unquoted field is kept as it is.
fn parse_records(text: &str, sep: char) -> Vec<Record> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line: u32 = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut error: Option<(usize, String)> = None;
        // Within the current field: 0 unquoted, 1 inside quotes, 2 after the closing quote.
        let mut quoted = 0u8;
        loop {
            let Some(c) = chars.next() else {
                if quoted == 1 && error.is_none() {
                    error = Some((
                        fields.len(),
                        format!(
                            "a quoted field opened on line {start} is never closed (a \" is missing)"
                        ),
                    ));
                }
                fields.push(std::mem::take(&mut field));
                break;
            };
            let line_end = c == '\n' || c == '\r';
            if line_end {
                let crlf = c == '\r' && chars.peek() == Some(&'\n');
                if crlf {
                    chars.next();
                }
                line += 1;
                if quoted == 1 {
                    field.push(c);
                    if crlf {
                        field.push('\n');
                    }
                    continue;
                }
                fields.push(std::mem::take(&mut field));
                break;
            }
            match (quoted, c) {
                (1, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (1, '"') => quoted = 2,
                (1, c) => field.push(c),
                (_, c) if c == sep => {
                    fields.push(std::mem::take(&mut field));
                    quoted = 0;
                }
                (0, '"') if field.trim().is_empty() => {
                    field.clear();
                    quoted = 1;
                }
                (0, c) => field.push(c),
                (_, ' ' | '\t') => {}
                (_, c) => {
                    if error.is_none() {
                        error = Some((
                            fields.len(),
                            format!(
                                "{c:?} follows the closing quote of a quoted field; a \" inside quotes is written \"\""
                            ),
                        ));
                    }
                }
            }
        }
        records.push(Record {
            line: start,
            fields,
            error,
        });
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(u32, Vec<String>)> {
        parse_records(text, ',')
            .into_iter()
            .map(|r| {
                assert_eq!(r.error, None, "{text:?}");
                (r.line, r.fields)
            })
            .collect()
    }

    fn f(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn records_split_on_commas_and_any_line_end() {
        assert_eq!(
            fields("a,b\r\nc,d\ne,f\rg,h"),
            [
                (1, f(&["a", "b"])),
                (2, f(&["c", "d"])),
                (3, f(&["e", "f"])),
                (4, f(&["g", "h"]))
            ]
        );
        assert_eq!(fields("a,b\n"), [(1, f(&["a", "b"]))]);
        assert_eq!(fields("a,\n,"), [(1, f(&["a", ""])), (2, f(&["", ""]))]);
        assert_eq!(
            fields("\n\nx"),
            [(1, f(&[""])), (2, f(&[""])), (3, f(&["x"]))]
        );
        assert_eq!(fields(""), []);
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        assert_eq!(
            fields("\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\n y"),
            [
                (1, f(&["a,b", "say \"hi\""])),
                (2, f(&["two\r\nlines", "x"])),
                (4, f(&[" y"])),
            ]
        );
        assert_eq!(fields("\"\",\"\""), [(1, f(&["", ""]))]);
        // Blanks around the quotes are not part of the field.
        assert_eq!(fields(" \"a,b\" ,c"), [(1, f(&["a,b", "c"]))]);
        // A quote inside an unquoted field is an ordinary character.
        assert_eq!(fields("5\" screen,x"), [(1, f(&["5\" screen", "x"]))]);
    }

    #[test]
    fn quoting_errors_name_the_field_and_the_line_it_started_on() {
        let r = parse_records("a,b\nc,\"open\nstill open", ',');
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].line, 2);
        let (field, message) = r[1].error.clone().unwrap();
        assert_eq!(field, 1);
        assert!(message.contains("line 2 is never closed"), "{message}");

        let r = parse_records("\"a\"b,c\nd", ',');
        let (field, message) = r[0].error.clone().unwrap();
        assert_eq!(field, 0);
        assert!(
            message.contains("'b' follows the closing quote"),
            "{message}"
        );
        assert_eq!(r[1].fields, ["d"]);
    }

    #[test]
    fn tabs_separate_fields_when_the_header_has_tabs_and_no_comma() {
        assert_eq!(separator("\r\nmonth\tchannel\tmetric\tvalue\r\n"), '\t');
        assert_eq!(separator("month,channel\tx"), ',');
        assert_eq!(separator(""), ',');
        let r = parse_records("a\t\"b\tc\" \t1,250\r\n", '\t');
        assert_eq!(r[0].fields, ["a", "b\tc", "1,250"]);
        assert_eq!(r[0].error, None);
    }

    #[test]
    fn lists_read_as_prose() {
        let s = |v: &[&str]| list(&f(v));
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
