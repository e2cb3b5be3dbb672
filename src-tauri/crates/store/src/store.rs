//! The open document: reads from the in-memory copy, changes through one transaction each.

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};
use waymark_model::{Document, Edit, EditError, Map, MapSummary};

use crate::lock::WriterLock;
use crate::rows::{rows_except, Same};
use crate::scope::Scope;
use crate::write::Diff;
use crate::{history, Change, History, StoreError};

/// An open `.waymark` document. Reads come from memory; every change is written to the
/// file in its own transaction before the memory copy is replaced.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    /// Always exactly what the file holds (in canonical order).
    pub(crate) doc: Document,
    pub(crate) history: History,
    /// Whether this session has put its name in the file's `written_by` row yet (done
    /// with the first write, so merely opening a file never changes it).
    pub(crate) signed: bool,
    /// One writer per file; last, so it is released after the connection closes.
    pub(crate) _lock: WriterLock,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("history", &self.history)
            .finish_non_exhaustive()
    }
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn map(&self, id: &str) -> Result<&Map, StoreError> {
        self.doc
            .map(id)
            .ok_or_else(|| StoreError::MapNotFound { id: id.to_string() })
    }

    pub fn summaries(&self) -> Vec<MapSummary> {
        self.doc.maps.iter().map(Map::summary).collect()
    }

    pub fn history(&self) -> History {
        self.history.clone()
    }

    /// Applies an edit and saves it. A refused edit writes nothing.
    pub fn apply(&mut self, edit: &Edit) -> Result<Change, StoreError> {
        let log = |conn: &Connection, inverse: &Edit| history::append(conn, edit, inverse);
        let (change, _) = self.change(edit, StoreError::from, log, None::<fn(&Document)>)?;
        Ok(change)
    }

    /// Applies an edit and saves it like [`apply`](Self::apply), while `meanwhile` works
    /// on the edited document on another thread (the app lays out the shown map there:
    /// the two take about as long, so the answer comes in half the time). `meanwhile`'s
    /// result is returned only when the edit was saved.
    pub fn apply_while<T: Send>(
        &mut self,
        edit: &Edit,
        meanwhile: impl FnOnce(&Document) -> T + Send,
    ) -> Result<(Change, T), StoreError> {
        let log = |conn: &Connection, inverse: &Edit| history::append(conn, edit, inverse);
        let (change, result) = self.change(edit, StoreError::from, log, Some(meanwhile))?;
        Ok((change, result.expect("meanwhile ran")))
    }

    /// Undoes the newest edit not yet undone; `None` when there is none.
    pub fn undo(&mut self) -> Result<Option<Change>, StoreError> {
        let step = history::next_undo(&self.conn).map_err(StoreError::sql(&self.path))?;
        let Some(step) = step else { return Ok(None) };
        let mismatch = log_mismatch(self.path.clone());
        let log = |conn: &Connection, redo: &Edit| history::mark_undone(conn, step.seq, redo);
        let (change, _) = self.change(&step.edit, mismatch, log, None::<fn(&Document)>)?;
        Ok(Some(change))
    }

    /// Redoes the oldest undone edit; `None` when there is none.
    pub fn redo(&mut self) -> Result<Option<Change>, StoreError> {
        let step = history::next_redo(&self.conn).map_err(StoreError::sql(&self.path))?;
        let Some(step) = step else { return Ok(None) };
        let mismatch = log_mismatch(self.path.clone());
        let log = |conn: &Connection, undo: &Edit| history::mark_redone(conn, step.seq, undo);
        let (change, _) = self.change(&step.edit, mismatch, log, None::<fn(&Document)>)?;
        Ok(Some(change))
    }

    /// Applies `edit`, then writes the difference and the log change (given the edit's
    /// inverse) in one transaction, while `meanwhile` (if any) works on the edited
    /// document on another thread. A refused edit writes nothing; a failed write leaves
    /// both the file and the memory copy as before.
    ///
    /// There is no retry. The "disk I/O error" once met here under load was this process
    /// dropping its own SQLite locks by closing another descriptor of the file (fixed in
    /// `vfs.rs` and `lock.rs`); a busy file is waited for by SQLite's busy timeout, the
    /// one wait SQLite documents for it.
    fn change<T: Send>(
        &mut self,
        edit: &Edit,
        refused: impl FnOnce(EditError) -> StoreError,
        log: impl Fn(&Connection, &Edit) -> rusqlite::Result<()>,
        meanwhile: Option<impl FnOnce(&Document) -> T + Send>,
    ) -> Result<(Change, Option<T>), StoreError> {
        let revision = self.history.revision + 1;
        let map_id = edit.map_id().map(str::to_string);
        let signed = self.signed;
        let (written, result) = match Scope::of(&self.doc, edit) {
            // The edit changes the memory copy in place, between the rows of its scope
            // before and after; a failed write puts it back with the edit's inverse.
            Some(scope) => {
                let before = scope.rows(&self.doc);
                let inverse = edit.apply(&mut self.doc).map_err(refused)?;
                let after = scope.rows(&self.doc);
                let diff = Diff::of_rows(&before, &after);
                let conn = &mut self.conn;
                let log = |c: &Connection| log(c, &inverse);
                let (written, result) = beside(&self.doc, meanwhile, || {
                    write(conn, signed, &diff, revision, &log)
                });
                if written.is_err() {
                    self.restore(&inverse);
                }
                (written, result)
            }
            // Any other edit: on a copy, compared with the memory copy as a whole.
            None => {
                let mut next = self.doc.clone();
                let inverse = edit.apply(&mut next).map_err(refused)?;
                let same = Same::between(&self.doc, &next);
                let (before, after) = (rows_except(&self.doc, &same), rows_except(&next, &same));
                let diff = Diff::of_rows(&before, &after);
                let conn = &mut self.conn;
                let log = |c: &Connection| log(c, &inverse);
                let (written, result) = beside(&next, meanwhile, || {
                    write(conn, signed, &diff, revision, &log)
                });
                if written.is_ok() {
                    self.doc = next;
                }
                (written, result)
            }
        };
        let history = written.map_err(StoreError::sql(&self.path))?;
        self.history = history;
        self.signed = true;
        let change = Change { revision, map_id };
        let result = result
            .transpose()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((change, result))
    }

    /// Puts the memory copy back after a failed write with the inverse of the edit just
    /// applied (exact, as the model promises and its tests check). Should that ever fail,
    /// the file (rolled back, so unchanged) is read again.
    fn restore(&mut self, inverse: &Edit) {
        if inverse.apply(&mut self.doc).is_err() {
            self.doc = crate::load::load(&self.conn, &self.path)
                .expect("the document as it was before a failed write");
        }
    }
}

/// Runs `write` on this thread and `meanwhile` (if any) on another, on the edited `doc`.
fn beside<W, T: Send>(
    doc: &Document,
    meanwhile: Option<impl FnOnce(&Document) -> T + Send>,
    write: impl FnOnce() -> W,
) -> (W, Option<std::thread::Result<T>>) {
    let Some(meanwhile) = meanwhile else {
        return (write(), None);
    };
    std::thread::scope(|scope| {
        let work = scope.spawn(|| meanwhile(doc));
        let written = write();
        (written, Some(work.join()))
    })
}

/// One transaction: the document's difference, the log change and the revision.
/// Dropped uncommitted on error, which rolls it back.
fn write(
    conn: &mut Connection,
    signed: bool,
    diff: &Diff<'_>,
    revision: u64,
    log: &impl Fn(&Connection) -> rusqlite::Result<()>,
) -> rusqlite::Result<History> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    diff.write(&tx)?;
    log(&tx)?;
    history::write_revision(&tx, revision)?;
    if !signed {
        history::set_info(&tx, history::WRITTEN_BY, crate::writer())?;
    }
    let history = history::read(&tx, revision)?;
    tx.commit()?;
    Ok(history)
}

/// The log's inverse no longer fits the document: only possible if the file was changed
/// behind Waymark's back.
fn log_mismatch(path: PathBuf) -> impl FnOnce(EditError) -> StoreError {
    move |e| {
        StoreError::corrupt(
            &path,
            format!("its undo history no longer matches the document ({e})"),
        )
    }
}
