//! Writes the difference between two documents, table by table and row by row.
//!
//! Diffing whole documents (rather than translating each kind of edit to SQL) means one
//! code path serves every edit, every undo and every redo, and the file can only ever
//! hold what the model produced. Foreign keys are deferred to commit, so the order of
//! the statements does not matter.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use waymark_model::Document;

use crate::rows::{rows_except, Same, Table, TABLES};

/// Deletes rows `old` has and `new` lacks; inserts or updates rows that differ. Maps and
/// cards equal on both sides are left out of both (their rows could not differ).
pub(crate) fn write_diff(
    conn: &Connection,
    old: &Document,
    new: &Document,
) -> rusqlite::Result<()> {
    let same = Same::between(old, new);
    let (before, after) = (rows_except(old, &same), rows_except(new, &same));
    // Children first, so a person reading a trace sees deletes in a sensible order.
    for (table, (before, after)) in TABLES.iter().zip(before.iter().zip(&after)).rev() {
        let mut delete = None;
        for key in before.keys().filter(|k| !after.contains_key(*k)) {
            let stmt = match &mut delete {
                Some(s) => s,
                None => delete.insert(conn.prepare_cached(&delete_sql(table))?),
            };
            stmt.execute(params_from_iter(key.iter().map(Value::from)))?;
        }
    }
    for (table, (before, after)) in TABLES.iter().zip(before.iter().zip(&after)) {
        let mut upsert = None;
        for (key, values) in after.iter().filter(|(k, v)| before.get(*k) != Some(*v)) {
            let stmt = match &mut upsert {
                Some(s) => s,
                None => upsert.insert(conn.prepare_cached(&upsert_sql(table))?),
            };
            let keys = key.iter().map(Value::from);
            stmt.execute(params_from_iter(keys.chain(values.iter().cloned())))?;
        }
    }
    Ok(())
}

fn delete_sql(t: &Table) -> String {
    let cond: Vec<String> = t
        .key
        .iter()
        .enumerate()
        .map(|(i, k)| format!("{k} = ?{}", i + 1))
        .collect();
    format!("DELETE FROM {} WHERE {}", t.name, cond.join(" AND "))
}

/// An upsert, not `INSERT OR REPLACE`: REPLACE deletes the old row first, which would
/// count as deleting a parent that children still point at.
fn upsert_sql(t: &Table) -> String {
    let all: Vec<&str> = t.key.iter().chain(t.cols).copied().collect();
    let marks: Vec<String> = (1..=all.len()).map(|i| format!("?{i}")).collect();
    let sets: Vec<String> = t
        .cols
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}",
        t.name,
        all.join(", "),
        marks.join(", "),
        t.key.join(", "),
        sets.join(", ")
    )
}
