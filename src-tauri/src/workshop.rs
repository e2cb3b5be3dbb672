//! Workshop mode's commands (issue 13): a dot-voting round's results, and the results as
//! CSV. Everything the room does — participants, captured cards with their authors, the
//! rounds and their votes — changes through `apply_edit` like any other edit (one undo
//! step each); the participants come with `roster`, the rounds and votes with `map_data`.
//!
//! Only the facilitator ends a round (`EndVoteRound`): Waymark has one operator per
//! window, and only the operator's window sends edits.

use std::path::{Path, PathBuf};

use tauri::{Runtime, WebviewWindow};
use waymark_model::{find_vote_round, vote_results_csv, Document, VoteResults};

use crate::error::AppError;
use crate::state::DocumentExt;

/// The ranked results of round `round_id` of map `map_id` (names left out when the round
/// is anonymous), with each participant's dots left.
#[tauri::command]
pub async fn vote_results<R: Runtime>(
    window: WebviewWindow<R>,
    map_id: String,
    round_id: String,
) -> Result<VoteResults, AppError> {
    window
        .document()
        .with_store(|store| results_of(store.document(), Some(&map_id), &round_id))
}

/// Writes round `round_id`'s results to `path` as CSV (rank, card, stage, lane, total,
/// paper, then one column per participant unless the round is anonymous). Written beside
/// `path` and renamed into place, so a failed write leaves no half-written file.
#[tauri::command]
pub async fn export_vote_results_csv<R: Runtime>(
    window: WebviewWindow<R>,
    round_id: String,
    path: String,
) -> Result<(), AppError> {
    let results = window
        .document()
        .with_store(|store| results_of(store.document(), None, &round_id))?;
    write_atomically(Path::new(&path), vote_results_csv(&results).as_bytes())
}

/// The results of a round, found in map `map_id` when given, else in any map.
pub fn results_of(
    doc: &Document,
    map_id: Option<&str>,
    round_id: &str,
) -> Result<VoteResults, AppError> {
    let (map, round) = find_vote_round(doc, round_id)
        .filter(|(m, _)| map_id.is_none_or(|id| m.id == id))
        .ok_or_else(|| match map_id {
            Some(map_id) => {
                AppError::Input(format!("map {map_id:?} has no vote round {round_id:?}"))
            }
            None => AppError::Input(format!("there is no vote round {round_id:?}")),
        })?;
    Ok(waymark_model::vote_results(doc, map, round))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let fail = |e: std::io::Error| AppError::Export(format!("{}: {e}", path.display()));
    let mut temp: PathBuf = path.to_path_buf();
    let name = path
        .file_name()
        .ok_or_else(|| AppError::Input(format!("{} is not a file name", path.display())))?;
    temp.set_file_name(format!(".{}.part", name.to_string_lossy()));
    std::fs::write(&temp, bytes).map_err(fail)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail(e)
    })
}
