//! The open document: reads from the in-memory copy, changes through one transaction each.

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};
use waymark_model::{Document, Edit, Map, MapSummary};

use crate::lock::WriterLock;
use crate::{history, write, Change, History, StoreError};

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
        let mut next = self.doc.clone();
        let inverse = edit.apply(&mut next)?;
        self.commit(next, edit.map_id(), |conn| {
            history::append(conn, edit, &inverse)
        })
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
        let mut next = self.doc.clone();
        let inverse = edit.apply(&mut next)?;
        let log = |conn: &Connection| history::append(conn, edit, &inverse);
        let (written, result) = std::thread::scope(|scope| {
            let work = scope.spawn(|| meanwhile(&next));
            let written = self
                .write(&next, self.history.revision + 1, &log)
                .map_err(StoreError::sql(&self.path));
            (written, work.join())
        });
        let history = written?;
        let result = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((self.accept(next, history, edit.map_id()), result))
    }

    /// Undoes the newest edit not yet undone; `None` when there is none.
    pub fn undo(&mut self) -> Result<Option<Change>, StoreError> {
        let step = history::next_undo(&self.conn).map_err(StoreError::sql(&self.path))?;
        let Some(step) = step else { return Ok(None) };
        let mut next = self.doc.clone();
        let redo = step
            .edit
            .apply(&mut next)
            .map_err(|e| self.log_mismatch(e))?;
        self.commit(next, step.edit.map_id(), |conn| {
            history::mark_undone(conn, step.seq, &redo)
        })
        .map(Some)
    }

    /// Redoes the oldest undone edit; `None` when there is none.
    pub fn redo(&mut self) -> Result<Option<Change>, StoreError> {
        let step = history::next_redo(&self.conn).map_err(StoreError::sql(&self.path))?;
        let Some(step) = step else { return Ok(None) };
        let mut next = self.doc.clone();
        let undo = step
            .edit
            .apply(&mut next)
            .map_err(|e| self.log_mismatch(e))?;
        self.commit(next, step.edit.map_id(), |conn| {
            history::mark_redone(conn, step.seq, &undo)
        })
        .map(Some)
    }

    /// Writes `next` and the log change in one transaction; the memory copy is replaced
    /// only after the commit, so a failed write leaves both the file and memory as before.
    ///
    /// There is no retry. The "disk I/O error" once met here under load was this process
    /// dropping its own SQLite locks by closing another descriptor of the file (fixed in
    /// `vfs.rs` and `lock.rs`); a busy file is waited for by SQLite's busy timeout, the
    /// one wait SQLite documents for it.
    fn commit(
        &mut self,
        next: Document,
        map_id: Option<&str>,
        log: impl Fn(&Connection) -> rusqlite::Result<()>,
    ) -> Result<Change, StoreError> {
        let revision = self.history.revision + 1;
        let history = self
            .write(&next, revision, &log)
            .map_err(StoreError::sql(&self.path))?;
        Ok(self.accept(next, history, map_id))
    }

    /// The written document becomes the memory copy.
    fn accept(&mut self, next: Document, history: History, map_id: Option<&str>) -> Change {
        let revision = history.revision;
        self.doc = next;
        self.history = history;
        Change {
            revision,
            map_id: map_id.map(str::to_string),
        }
    }

    /// One transaction: the document's difference, the log change and the revision.
    /// Dropped uncommitted on error, which rolls it back.
    fn write(
        &mut self,
        next: &Document,
        revision: u64,
        log: &impl Fn(&Connection) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<History> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write::write_diff(&tx, &self.doc, next)?;
        log(&tx)?;
        history::write_revision(&tx, revision)?;
        if !self.signed {
            history::set_info(&tx, history::WRITTEN_BY, crate::writer())?;
        }
        let history = history::read(&tx, revision)?;
        tx.commit()?;
        self.signed = true;
        Ok(history)
    }

    /// The log's inverse no longer fits the document: only possible if the file was
    /// changed behind Waymark's back.
    fn log_mismatch(&self, e: waymark_model::EditError) -> StoreError {
        StoreError::corrupt(
            &self.path,
            format!("its undo history no longer matches the document ({e})"),
        )
    }
}
