//! The kickoff kit's voting results: each dot-voting round of the map with its question
//! and a ranked table of the cards that got dots (rank, card, stage, lane, dots, dots on
//! paper and, unless the round is anonymous, who gave them). A map without rounds gets
//! no section.

use waymark_model::{vote_results, Document, Map, RoundState, VoteResults};

use super::{colors, columns, Flow, Row, CELL, CELL_NOTE, CELL_STRONG, H2, TEXT};

/// The voting-results section for `map`'s rounds, starting a page; nothing without rounds.
pub(super) fn voting_results(flow: &mut Flow, doc: &Document, map: &Map) {
    if map.vote_rounds.is_empty() {
        return;
    }
    flow.context = None;
    flow.break_page();
    flow.section = "Voting results";
    flow.title("Voting results");
    flow.paragraph(
        "Each round's question and the cards the room put dots on, the most dots first. \
         Cards with as many dots share a rank.",
        TEXT,
        colors::TEXT_MUTED,
    );
    flow.space(14.0);
    for (i, round) in map.vote_rounds.iter().enumerate() {
        let results = vote_results(doc, map, round);
        if i > 0 {
            flow.space(18.0);
        }
        round_block(flow, doc, i + 1, &results);
    }
    flow.context = None;
}

fn round_block(flow: &mut Flow, doc: &Document, number: usize, r: &VoteResults) {
    // The question kept with its facts and the first rows.
    flow.ensure(H2.line_height * 2.0 + TEXT.line_height * 2.0 + 60.0);
    let question = if r.question.trim().is_empty() {
        format!("Round {number}")
    } else {
        format!("Round {number}: {}", r.question.trim())
    };
    flow.paragraph(&question, H2, colors::TEXT);
    flow.space(2.0);
    flow.paragraph(&facts(r), TEXT, colors::TEXT_MUTED);
    flow.space(8.0);
    flow.context = Some(question);

    let voted: Vec<_> = r.rows.iter().filter(|row| row.total > 0).collect();
    if voted.is_empty() {
        flow.paragraph("No dots yet.", TEXT, colors::TEXT_FAINT);
        return;
    }
    let mut spec = vec![
        ("RANK", 0.07),
        ("CARD", 0.33),
        ("STAGE", 0.15),
        ("LANE", 0.15),
        ("DOTS", 0.08),
        ("PAPER", 0.08),
    ];
    if !r.anonymous {
        spec.push(("WHO", 0.22));
    }
    let cols = columns(flow.width, &spec);
    let rows: Vec<Row> = voted
        .iter()
        .map(|row| {
            let top = row.rank == 1;
            let strong = if top { CELL_STRONG } else { CELL };
            let mut cells = vec![
                flow.cell(cols[0].width)
                    .text(&row.rank.to_string(), strong, colors::TEXT)
                    .done(),
                {
                    let title = if row.title.trim().is_empty() {
                        "Untitled card"
                    } else {
                        row.title.trim()
                    };
                    flow.cell(cols[1].width)
                        .text(title, strong, colors::TEXT)
                        .done()
                },
                flow.cell(cols[2].width).or_dash(&row.stage).done(),
                flow.cell(cols[3].width).or_dash(&row.lane).done(),
                flow.cell(cols[4].width)
                    .text(&row.total.to_string(), strong, colors::TEXT)
                    .done(),
                if row.paper > 0 {
                    flow.cell(cols[5].width)
                        .text(&row.paper.to_string(), CELL, colors::TEXT)
                        .done()
                } else {
                    flow.cell(cols[5].width).or_dash("").done()
                },
            ];
            if !r.anonymous {
                let who: Vec<String> = row
                    .by_participant
                    .iter()
                    .map(|p| {
                        let name = doc
                            .participants
                            .iter()
                            .find(|x| x.id == p.participant_id)
                            .map_or("Someone", |x| x.name.as_str());
                        format!("{name} ({})", p.count)
                    })
                    .collect();
                cells.push(flow.cell(cols[6].width).or_dash(&who.join(", ")).done());
            }
            Row {
                cells,
                continued: None,
                group_start: false,
            }
        })
        .collect();
    flow.table(&cols, rows);
    let silent = r.rows.len() - voted.len();
    if silent > 0 {
        flow.space(4.0);
        let s = if silent == 1 { "" } else { "s" };
        flow.paragraph(
            &format!("{silent} more eligible card{s} got no dots."),
            CELL_NOTE,
            colors::TEXT_MUTED,
        );
    }
}

/// "Ended · 3 dots each, at most 2 on a card · 14 dots given, 2 on paper · anonymous".
fn facts(r: &VoteResults) -> String {
    let state = match r.state {
        RoundState::Open => "Still open",
        RoundState::Ended => "Ended",
    };
    let each = plural(r.votes_per_participant, "dot");
    let paper: u32 = r.rows.iter().map(|row| row.paper).sum();
    let mut s = format!(
        "{state} · {each} each, at most {} on a card · {} given",
        r.max_per_card,
        plural(r.dots, "dot")
    );
    if paper > 0 {
        s.push_str(&format!(", {paper} on paper"));
    }
    if r.anonymous {
        s.push_str(" · anonymous: totals only");
    }
    s
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_read_as_a_sentence() {
        let r = VoteResults {
            map_id: "m".into(),
            round_id: "r".into(),
            question: "Q".into(),
            state: RoundState::Ended,
            anonymous: true,
            votes_per_participant: 3,
            max_per_card: 1,
            rows: Vec::new(),
            participants: Vec::new(),
            remaining: Vec::new(),
            dots: 1,
        };
        assert_eq!(
            facts(&r),
            "Ended · 3 dots each, at most 1 on a card · 1 dot given · anonymous: totals only"
        );
    }
}
