//! Writes the difference between two documents, table by table and row by row.
//!
//! Diffing rows (rather than translating each kind of edit to SQL) means one code path
//! serves every edit, every undo and every redo, and the file can only ever hold what the
//! model produced. Foreign keys are deferred to commit, so the order of the statements
//! does not matter.
//!
//! The rows compared are either the whole documents' (any edit) or only those of the part
//! an edit can change (`scope.rs`): built before and after the edit, they give the same
//! statements for a fraction of the work.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use waymark_model::Document;

use crate::rows::{rows_except, Key, Rows, Same, Table, TABLES};

/// Writes the difference between two whole documents (a new file's first write).
pub(crate) fn write_diff(
    conn: &Connection,
    old: &Document,
    new: &Document,
) -> rusqlite::Result<()> {
    let same = Same::between(old, new);
    let (before, after) = (rows_except(old, &same), rows_except(new, &same));
    Diff::of_rows(&before, &after).write(conn)
}

/// The statements that turn one set of rows into another: deletes (children first) and
/// upserts (parents first), each naming its table by its place in [`TABLES`].
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Diff<'a> {
    pub deletes: Vec<(usize, &'a [Key])>,
    pub upserts: Vec<(usize, &'a [Key], &'a [Value])>,
}

impl<'a> Diff<'a> {
    /// Deletes rows `before` has and `after` lacks; inserts or updates rows that differ.
    pub(crate) fn of_rows(before: &'a [Rows], after: &'a [Rows]) -> Diff<'a> {
        let mut diff = Diff::default();
        for (t, (before, after)) in before.iter().zip(after).enumerate().rev() {
            for key in before.keys().filter(|k| !after.contains_key(*k)) {
                diff.deletes.push((t, key));
            }
        }
        for (t, (before, after)) in before.iter().zip(after).enumerate() {
            for (key, values) in after.iter().filter(|(k, v)| before.get(*k) != Some(*v)) {
                diff.upserts.push((t, key, values));
            }
        }
        diff
    }

    pub(crate) fn write(&self, conn: &Connection) -> rusqlite::Result<()> {
        for (t, key) in &self.deletes {
            let mut stmt = conn.prepare_cached(&delete_sql(&TABLES[*t]))?;
            stmt.execute(params_from_iter(key.iter().map(Value::from)))?;
        }
        for (t, key, values) in &self.upserts {
            let mut stmt = conn.prepare_cached(&upsert_sql(&TABLES[*t]))?;
            let keys = key.iter().map(Value::from);
            stmt.execute(params_from_iter(keys.chain(values.iter().cloned())))?;
        }
        Ok(())
    }
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
