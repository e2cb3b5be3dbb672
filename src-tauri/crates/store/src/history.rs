//! The undo log in the file: each edit with its exact inverse, so undo survives closing
//! the document. Entries marked `undone` form the redo branch.

use rusqlite::{params, Connection, OptionalExtension};
use waymark_model::Edit;

use crate::History;

/// A log entry picked for undo or redo, with the edit to apply now.
pub(crate) struct Step {
    pub seq: i64,
    pub edit: Edit,
}

/// Records a new edit. A new edit after undo starts a new branch: the undone entries
/// could no longer be redone on top of it.
pub(crate) fn append(conn: &Connection, edit: &Edit, inverse: &Edit) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM edit_log WHERE undone = 1")?
        .execute([])?;
    conn.prepare_cached("INSERT INTO edit_log (label, edit, inverse) VALUES (?1, ?2, ?3)")?
        .execute(params![edit.label(), json(edit)?, json(inverse)?])?;
    Ok(())
}

/// The newest entry not undone, with its inverse.
pub(crate) fn next_undo(conn: &Connection) -> rusqlite::Result<Option<Step>> {
    step(
        conn,
        "SELECT seq, inverse FROM edit_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
    )
}

/// The oldest undone entry, with its edit.
pub(crate) fn next_redo(conn: &Connection) -> rusqlite::Result<Option<Step>> {
    step(
        conn,
        "SELECT seq, edit FROM edit_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
    )
}

/// Marks an entry undone. `redo` is the inverse the undo just returned: storing it keeps
/// the log exact even if replaying would pick a different (equivalent) form.
pub(crate) fn mark_undone(conn: &Connection, seq: i64, redo: &Edit) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE edit_log SET undone = 1, edit = ?2 WHERE seq = ?1")?
        .execute(params![seq, json(redo)?])?;
    Ok(())
}

/// Marks an entry done again, storing the inverse the redo just returned.
pub(crate) fn mark_redone(conn: &Connection, seq: i64, undo: &Edit) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE edit_log SET undone = 0, inverse = ?2 WHERE seq = ?1")?
        .execute(params![seq, json(undo)?])?;
    Ok(())
}

/// What the Edit menu shows.
pub(crate) fn read(conn: &Connection, revision: u64) -> rusqlite::Result<History> {
    let label = |sql: &str| {
        conn.prepare_cached(sql)?
            .query_row([], |r| r.get::<_, String>(0))
            .optional()
    };
    Ok(History {
        revision,
        undo_label: label("SELECT label FROM edit_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1")?,
        redo_label: label("SELECT label FROM edit_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1")?,
    })
}

pub(crate) fn read_revision(conn: &Connection) -> rusqlite::Result<u64> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM document_info WHERE key = 'revision'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// The `document_info` key naming the program that last wrote the file ("Waymark 0.1.0").
pub(crate) const WRITTEN_BY: &str = "written_by";

pub(crate) fn write_revision(conn: &Connection, revision: u64) -> rusqlite::Result<()> {
    set_info(conn, "revision", &revision.to_string())
}

pub(crate) fn set_info(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO document_info (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

fn step(conn: &Connection, sql: &str) -> rusqlite::Result<Option<Step>> {
    let row: Option<(i64, String)> = conn
        .prepare_cached(sql)?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(seq, text)| {
        let edit = serde_json::from_str(&text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
        })?;
        Ok(Step { seq, edit })
    })
    .transpose()
}

fn json(edit: &Edit) -> rusqlite::Result<String> {
    serde_json::to_string(edit).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}
