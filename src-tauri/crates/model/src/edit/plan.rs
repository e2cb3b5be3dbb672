//! Checks for the strategist's model (channel plans, card plans, persona photos) and the
//! one edit of its own: replacing the engagement ladder.

use super::with_cleanup;
use crate::error::{invalid, not_found};
use crate::plan::is_month;
use crate::validate::*;
use crate::*;

/// The most goals, KPIs, notes, readings or reviews one owner may hold.
const MAX_ITEMS: usize = 500;
/// A photo as kept in the file is small; the shell downscales before it gets here.
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

pub(crate) fn check_channel_plan(
    doc: &Document,
    channel_id: &str,
    plan: &ChannelPlan,
) -> Result<(), EditError> {
    let job = &plan.job;
    check_name("channel.job.roleTitle", &job.role_title)?;
    check_len("channel.job.purpose", &job.purpose, MAX_TEXT)?;
    check_len(
        "channel.job.responsibilities",
        &job.responsibilities,
        MAX_TEXT,
    )?;
    check_name("channel.job.owner", &job.owner)?;
    check_unique_ids("channel.job.worksWith", &job.works_with)?;
    for id in &job.works_with {
        if id == channel_id {
            return Err(invalid(
                "channel.job.worksWith",
                "a channel cannot hand off to itself",
            ));
        }
        if !doc.channels.iter().any(|c| &c.id == id) {
            return Err(not_found("channel", id));
        }
    }
    check_count("channel.goals", plan.goals.len())?;
    let goal_ids: Vec<String> = plan.goals.iter().map(|g| g.id.clone()).collect();
    check_unique_ids("channel.goals", &goal_ids)?;
    for goal in &plan.goals {
        check_id("goal.id", &goal.id)?;
        check_len("goal.statement", &goal.statement, MAX_TEXT)?;
        check_name("goal.metric", &goal.metric)?;
        check_name("goal.unit", &goal.unit)?;
        check_name("goal.period", &goal.period)?;
        check_num("goal.target", goal.target)?;
        check_num("goal.baseline", goal.baseline)?;
        if let Some(id) = &goal.relevant_to {
            check_id("goal.relevantTo", id)?;
        }
    }
    check_count("channel.reviews", plan.reviews.len())?;
    for (i, review) in plan.reviews.iter().enumerate() {
        check_month("review.month", &review.month)?;
        if let Some(prev) = i.checked_sub(1).map(|j| &plan.reviews[j]) {
            if prev.month >= review.month {
                return Err(invalid(
                    "review.month",
                    format!(
                        "reviews must be in month order, one per month ({} then {})",
                        prev.month, review.month
                    ),
                ));
            }
        }
        check_len("review.supportNote", &review.support_note, MAX_TEXT)?;
        let ids: Vec<String> = review.actuals.iter().map(|a| a.goal_id.clone()).collect();
        check_unique_ids("review.actuals", &ids)?;
        for actual in &review.actuals {
            if !goal_ids.contains(&actual.goal_id) {
                return Err(invalid(
                    "review.actuals",
                    format!("{}: there is no goal {:?}", review.month, actual.goal_id),
                ));
            }
            check_num("review.actuals.value", Some(actual.value))?;
        }
    }
    Ok(())
}

pub(crate) fn check_card_plan(doc: &Document, plan: &CardPlan) -> Result<(), EditError> {
    ensure_rung_exists(doc, "card.plan.rungId", &plan.rung_id)?;
    let p = &plan.passion;
    check_len("passion.contentNeeded", &p.content_needed, MAX_TEXT)?;
    check_count("passion.kpis", p.kpis.len())?;
    let ids: Vec<String> = p.kpis.iter().map(|k| k.id.clone()).collect();
    check_unique_ids("passion.kpis", &ids)?;
    for kpi in &p.kpis {
        check_id("kpi.id", &kpi.id)?;
        check_name("kpi.name", &kpi.name)?;
        check_name("kpi.metric", &kpi.metric)?;
        check_name("kpi.unit", &kpi.unit)?;
        check_num("kpi.target", kpi.target)?;
        check_num("kpi.actual", kpi.actual)?;
        check_count("kpi.history", kpi.history.len())?;
        for reading in &kpi.history {
            check_name("kpi.history.period", &reading.period)?;
            check_num("kpi.history.value", Some(reading.value))?;
        }
    }
    check_count("passion.notes", p.notes.len())?;
    let ids: Vec<String> = p.notes.iter().map(|n| n.id.clone()).collect();
    check_unique_ids("passion.notes", &ids)?;
    for note in &p.notes {
        check_id("note.id", &note.id)?;
        check_len("note.text", &note.text, MAX_TEXT)?;
    }
    let v = &plan.vulnerability;
    check_len("vulnerability.risk", &v.risk, MAX_TEXT)?;
    check_name("vulnerability.owner", &v.owner)?;
    check_len("vulnerability.mitigation", &v.mitigation, MAX_TEXT)?;
    if !(1..=3).contains(&v.severity) {
        return Err(invalid(
            "vulnerability.severity",
            format!("{} is outside 1–3", v.severity),
        ));
    }
    Ok(())
}

pub(crate) fn check_photo(photo: &Option<Photo>) -> Result<(), EditError> {
    if let Some(p) = photo {
        if p.png.len() > MAX_PHOTO_BYTES || !p.png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(invalid(
                "persona.photo",
                format!(
                    "must be a PNG of at most {} MiB",
                    MAX_PHOTO_BYTES / 1024 / 1024
                ),
            ));
        }
        if p.width == 0 || p.height == 0 || p.width > 4096 || p.height > 4096 {
            return Err(invalid(
                "persona.photo",
                format!("{} × {} px is not a usable size", p.width, p.height),
            ));
        }
        // The PNG's own header must say the same size: whatever draws the photo (the
        // window, an export) allocates what the PNG declares, not what the record says.
        // So a file from anyone cannot smuggle in a "decompression bomb" as a photo.
        let declared = p.png.get(12..24).and_then(|ihdr| {
            let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            (&ihdr[..4] == b"IHDR").then(|| (be(&ihdr[4..8]), be(&ihdr[8..12])))
        });
        if declared != Some((p.width, p.height)) {
            let says = declared.map_or("no size".to_owned(), |(w, h)| format!("{w} × {h} px"));
            return Err(invalid(
                "persona.photo",
                format!(
                    "the PNG says {says}, not the photo's {} × {} px",
                    p.width, p.height
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn ensure_rung_exists(
    doc: &Document,
    field: &'static str,
    rung_id: &Option<Id>,
) -> Result<(), EditError> {
    match rung_id {
        Some(id) if !doc.ladder.iter().any(|r| &r.id == id) => Err(invalid(
            field,
            format!("there is no engagement-ladder rung {id:?}"),
        )),
        _ => Ok(()),
    }
}

/// Replaces the whole ladder (add, rename, reorder, remove rungs in one step). Cards and
/// stages placed on a rung that goes away are taken off it first, so undo puts them back.
pub(crate) fn set_ladder(doc: &mut Document, rungs: &[Rung]) -> Result<Edit, EditError> {
    check_count("ladder", rungs.len())?;
    let ids: Vec<String> = rungs.iter().map(|r| r.id.clone()).collect();
    check_unique_ids("ladder", &ids)?;
    for rung in rungs {
        check_id("rung.id", &rung.id)?;
        check_name("rung.name", &rung.name)?;
        check_name("rung.commitment", &rung.commitment)?;
    }
    let gone = |id: &Option<Id>| id.as_ref().is_some_and(|id| !ids.contains(id));
    let mut steps = Vec::new();
    for map in &doc.maps {
        for stage in map.stages.iter().filter(|s| gone(&s.rung_id)) {
            steps.push(Edit::UpdateStage {
                map_id: map.id.clone(),
                stage_id: stage.id.clone(),
                props: StagePatch {
                    rung_id: Some(None),
                    ..Default::default()
                },
            });
        }
        for card in map.cards.iter().filter(|c| gone(&c.plan.rung_id)) {
            steps.push(Edit::UpdateCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                props: CardPatch {
                    plan: Some(CardPlanPatch {
                        rung_id: Some(None),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            });
        }
    }
    with_cleanup(doc, steps, |doc| {
        let old = std::mem::replace(&mut doc.ladder, rungs.to_vec());
        Ok(Edit::SetLadder { rungs: old })
    })
}

fn check_count(field: &'static str, n: usize) -> Result<(), EditError> {
    if n > MAX_ITEMS {
        return Err(invalid(
            field,
            format!("has {n} entries; at most {MAX_ITEMS}"),
        ));
    }
    Ok(())
}

fn check_num(field: &'static str, n: Option<Num>) -> Result<(), EditError> {
    match n {
        Some(n) if !n.0.is_finite() => Err(invalid(field, "must be a finite number")),
        _ => Ok(()),
    }
}

fn check_month(field: &'static str, text: &str) -> Result<(), EditError> {
    if !is_month(text) {
        return Err(invalid(
            field,
            format!("{text:?} is not a month; use YYYY-MM, e.g. 2026-11"),
        ));
    }
    Ok(())
}
