//! The workshop summary as Markdown, to paste into an e-mail or a wiki: headings, lists
//! and a results table per vote round (CommonMark with GitHub's tables), LF line endings.
//!
//! Every user string is inline text, escaped by [`inline`]: it never starts a line, so it
//! cannot open a heading, list or quote; its markup characters are backslash-escaped, so
//! it cannot become emphasis, a link, an image, code or HTML; a `javascript:`-like scheme
//! loses its colon, so no reader turns it into a link.

use std::fmt::Write;

use waymark_model::workshop::summary::{RoundSummary, WorkshopSummary, SUMMARY_TOP};
use waymark_model::RoundState;

/// The summary as a Markdown document dated `date` (`YYYY-MM-DD`).
pub fn summary_markdown(s: &WorkshopSummary, date: &str) -> String {
    let mut md = String::with_capacity(4096);
    let _ = writeln!(
        md,
        "# Workshop summary: {}\n",
        inline(&or(&s.map_name, "Untitled map"))
    );
    let mut facts = vec![format!(
        "**Map:** {}",
        inline(&or(&s.map_name, "Untitled map"))
    )];
    if !date.trim().is_empty() {
        facts.push(format!("**Date:** {}", inline(date.trim())));
    }
    let _ = writeln!(md, "{}\n", facts.join(" · "));
    let _ = writeln!(md, "{}\n", counts(s));

    md.push_str("## Who took part\n\n");
    if s.participants.is_empty() {
        md.push_str("No participants were recorded.\n\n");
    } else {
        for p in &s.participants {
            let _ = write!(md, "- **{}**", inline(&or(&p.name, "Unnamed")));
            if !p.initials.trim().is_empty() {
                let _ = write!(md, " ({})", inline(p.initials.trim()));
            }
            let notes = match p.notes {
                0 => "no notes".to_string(),
                n => plural(n as usize, "note", "notes"),
            };
            let _ = writeln!(md, " — {notes}");
        }
        md.push('\n');
    }

    md.push_str("## Notes by stage\n\n");
    if s.stages.is_empty() {
        md.push_str("No notes were captured on this map.\n\n");
    }
    for stage in &s.stages {
        let _ = writeln!(md, "### {}\n", inline(&or(&stage.stage, "Untitled stage")));
        for lane in &stage.lanes {
            let _ = writeln!(md, "**{}**\n", inline(&or(&lane.lane, "Untitled lane")));
            for n in &lane.notes {
                let _ = write!(md, "- {}", inline(&or(&n.title, "Untitled card")));
                if !n.body.trim().is_empty() {
                    let _ = write!(md, ": {}", inline(&n.body));
                }
                if !n.initials.trim().is_empty() {
                    let _ = write!(md, " — *{}*", inline(n.initials.trim()));
                }
                md.push('\n');
            }
            md.push('\n');
        }
    }

    md.push_str("## Voting results\n\n");
    if s.rounds.is_empty() {
        md.push_str("No vote rounds were held on this map.\n\n");
    }
    for round in &s.rounds {
        round_md(&mut md, round);
    }

    md.push_str("## Decisions\n\n");
    if s.decisions.is_empty() {
        md.push_str("No cards were tagged.\n\n");
    }
    for d in &s.decisions {
        let _ = writeln!(md, "### {}\n", inline(&d.tag));
        for c in &d.cards {
            let _ = writeln!(
                md,
                "- {} ({} · {})",
                inline(&or(&c.title, "Untitled card")),
                inline(&or(&c.stage, "no stage")),
                inline(&or(&c.lane, "no lane"))
            );
        }
        md.push('\n');
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

fn round_md(md: &mut String, r: &RoundSummary) {
    let _ = writeln!(md, "### {}\n", inline(&or(&r.question, "Untitled round")));
    let _ = writeln!(md, "{}\n", round_facts(r));
    let voted: Vec<_> = r.results.iter().filter(|x| x.total > 0).collect();
    if voted.is_empty() {
        md.push_str("No dots were given.\n\n");
        return;
    }
    // The outcome first, then the whole ranking.
    let _ = writeln!(md, "**{}:**\n", winners_lead(r));
    for w in &r.winners {
        let _ = writeln!(
            md,
            "- {} — {}",
            inline(&or(&w.title, "Untitled card")),
            plural(w.total as usize, "dot", "dots")
        );
    }
    md.push('\n');
    md.push_str("| Rank | Card | Stage | Lane | Dots |\n");
    md.push_str("| ---: | --- | --- | --- | ---: |\n");
    for x in &voted {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            x.rank,
            inline(&or(&x.title, "Untitled card")),
            inline(&x.stage),
            inline(&x.lane),
            x.total
        );
    }
    md.push('\n');
    let unvoted = r.results.len() - voted.len();
    if unvoted > 0 {
        let _ = writeln!(
            md,
            "{} got no dots.\n",
            plural(unvoted, "other card", "other cards")
        );
    }
}

/// "Winning cards (top 3, ties included)", or "Leading so far (…)" while the round is open.
pub(in crate::export) fn winners_lead(r: &RoundSummary) -> String {
    let lead = match r.state {
        RoundState::Ended => "Winning cards",
        RoundState::Open => "Leading so far",
    };
    format!("{lead} (top {SUMMARY_TOP}, ties included)")
}

/// "Ended · 12 dots · named votes", as the PDF prints it too.
pub(in crate::export) fn round_facts(r: &RoundSummary) -> String {
    let state = match r.state {
        RoundState::Ended => "Ended",
        RoundState::Open => "Still open",
    };
    let how = if r.anonymous {
        "anonymous"
    } else {
        "named votes"
    };
    format!(
        "{state} · {} · {how}",
        plural(r.dots as usize, "dot", "dots")
    )
}

/// "3 participants · 12 notes · 2 vote rounds · 3 decisions".
pub(in crate::export) fn counts(s: &WorkshopSummary) -> String {
    let decided: usize = s.decisions.iter().map(|d| d.cards.len()).sum();
    [
        plural(s.participants.len(), "participant", "participants"),
        plural(s.note_count(), "note", "notes"),
        plural(s.rounds.len(), "vote round", "vote rounds"),
        plural(decided, "tagged card", "tagged cards"),
    ]
    .join(" · ")
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` trimmed, or `fallback` when blank.
pub(super) fn or(s: &str, fallback: &str) -> String {
    let t = s.trim();
    if t.is_empty() { fallback } else { t }.to_string()
}

/// Whether the characters after a `&` make it an entity: letters, digits or `#`, then `;`.
fn is_entity(rest: &[(usize, char)]) -> bool {
    let name = rest
        .iter()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '#')
        .count();
    name > 0 && rest.get(name).is_some_and(|(_, c)| *c == ';')
}

/// Schemes a Markdown reader might turn into a link that runs something.
const DANGEROUS_SCHEMES: [&str; 4] = ["javascript:", "vbscript:", "data:", "file:"];

/// User text as inline Markdown that reads as itself: one line (line breaks and tabs
/// become spaces, other control characters go), every character that could be markup
/// backslash-escaped, and the colon of a dangerous scheme escaped so it is no link.
pub fn inline(s: &str) -> String {
    let flat: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let flat = flat
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let lower = flat.to_ascii_lowercase();
    let chars: Vec<(usize, char)> = flat.char_indices().collect();
    let mut out = String::with_capacity(flat.len() + 16);
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            // Emphasis, code, links and images, HTML, headings, table cells, strikethrough.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Only an entity ("&lt;", "&#60;") would be read as another character.
            '&' if is_entity(&chars[k + 1..]) => out.push_str("\\&"),
            ':' if DANGEROUS_SCHEMES
                .iter()
                .any(|scheme| lower[..=i].ends_with(scheme)) =>
            {
                out.push_str("\\:");
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_model::workshop::summary::*;
    use waymark_model::VoteResultRow;

    fn row(rank: u32, title: &str, total: u32) -> VoteResultRow {
        VoteResultRow {
            card_id: title.into(),
            rank,
            title: title.into(),
            stage: "Give".into(),
            lane: "Pains".into(),
            total,
            paper: 0,
            by_participant: vec![],
        }
    }

    fn summary(hostile: &str) -> WorkshopSummary {
        WorkshopSummary {
            map_id: "m".into(),
            map_name: format!("Map {hostile}"),
            participants: vec![SummaryParticipant {
                name: format!("Ada {hostile}"),
                initials: "AL".into(),
                color: "#1d4ed8".into(),
                notes: 1,
            }],
            stages: vec![StageNotes {
                stage: format!("Stage {hostile}"),
                lanes: vec![LaneNotes {
                    lane: "Pains".into(),
                    notes: vec![Note {
                        title: format!("Note {hostile}"),
                        body: "line one\nline two".into(),
                        initials: "AL".into(),
                        author: "Ada".into(),
                        color: "#1d4ed8".into(),
                    }],
                }],
            }],
            rounds: vec![RoundSummary {
                question: format!("Question {hostile}"),
                state: RoundState::Ended,
                anonymous: false,
                dots: 7,
                results: vec![
                    row(1, &format!("Card {hostile}"), 5),
                    row(2, "Plain", 2),
                    row(3, "None", 0),
                ],
                winners: vec![row(1, &format!("Card {hostile}"), 5), row(2, "Plain", 2)],
            }],
            decisions: vec![TagDecisions {
                tag: format!("Tag {hostile}"),
                cards: vec![DecidedCard {
                    title: format!("Decided {hostile}"),
                    stage: "Give".into(),
                    lane: "Pains".into(),
                }],
            }],
        }
    }

    #[test]
    fn the_summary_reads_as_sections_lists_and_a_table() {
        let md = summary_markdown(&summary("ok"), "2026-12-06");
        let expected = "\
# Workshop summary: Map ok

**Map:** Map ok · **Date:** 2026-12-06

1 participant · 1 note · 1 vote round · 1 tagged card

## Who took part

- **Ada ok** (AL) — 1 note

## Notes by stage

### Stage ok

**Pains**

- Note ok: line one line two — *AL*

## Voting results

### Question ok

Ended · 7 dots · named votes

**Winning cards (top 3, ties included):**

- Card ok — 5 dots
- Plain — 2 dots

| Rank | Card | Stage | Lane | Dots |
| ---: | --- | --- | --- | ---: |
| 1 | Card ok | Give | Pains | 5 |
| 2 | Plain | Give | Pains | 2 |

1 other card got no dots.

## Decisions

### Tag ok

- Decided ok (Give · Pains)
";
        assert_eq!(md, expected);
        assert!(!md.contains('\r'));
    }

    #[test]
    fn hostile_text_stays_text() {
        let hostile = "<script>alert(1)</script> **bold** _it_ [x](javascript:alert(1)) \
                       ![img](http://e.vil/p.png) # not a heading | cell | `code` \
                       &lt; ~~gone~~ JaVaScRiPt:void(0)\n# heading\r\n- item\u{7}";
        let md = summary_markdown(&summary(hostile), "2026-12-06");
        for bad in [
            "**bold**",
            "_it_",
            "`code`",
            "~~gone",
            "javascript:",
            "JaVaScRiPt:",
            "\n# heading",
            "\n- item",
            "\u{7}",
            "\r",
            " | cell | ",
        ] {
            assert!(!md.contains(bad), "{bad:?} survived in:\n{md}");
        }
        // We write none of these ourselves: each one in the file is the user's, escaped.
        for c in ['<', '>', '[', ']', '`', '~', '_'] {
            for (i, _) in md.match_indices(c) {
                assert_eq!(&md[i - 1..i], "\\", "unescaped {c:?} at {i} in:\n{md}");
            }
        }
        assert!(md.contains(r"\<script\>alert(1)\</script\>"));
        assert!(md.contains(r"\&lt;") && !md.contains(" &lt;"));
        assert!(md.contains(r"javascript\:alert"));
        assert!(md.contains(r"JaVaScRiPt\:void"));
        // Every table row still has exactly its six pipes.
        for line in md.lines().filter(|l| l.starts_with("| ")) {
            let pipes = line.matches('|').count() - line.matches(r"\|").count();
            assert_eq!(pipes, 6, "{line}");
        }
        // Each section heading is ours: user text never starts a line.
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(headings.len(), 8, "{headings:#?}");
    }

    #[test]
    fn empty_sections_say_so() {
        let s = WorkshopSummary {
            map_id: "m".into(),
            map_name: "  ".into(),
            participants: vec![],
            stages: vec![],
            rounds: vec![],
            decisions: vec![],
        };
        let md = summary_markdown(&s, "");
        assert!(md.starts_with("# Workshop summary: Untitled map\n"));
        assert!(!md.contains("Date"));
        for line in [
            "No participants were recorded.",
            "No notes were captured on this map.",
            "No vote rounds were held on this map.",
            "No cards were tagged.",
        ] {
            assert!(md.contains(line), "{line}");
        }
        assert!(md.ends_with("No cards were tagged.\n"));
    }

    #[test]
    fn plain_punctuation_is_left_alone() {
        assert_eq!(
            inline("Sign-up is slow. Really: 3/5?"),
            "Sign-up is slow. Really: 3/5?"
        );
        assert_eq!(inline("  two\n\nlines\t "), "two lines");
        assert_eq!(inline("données: café"), "données: café");
        assert_eq!(
            inline("Q&A (beta) costs $10! See: https://example.org"),
            "Q&A (beta) costs $10! See: https://example.org"
        );
    }
}
