//! A test-only SQLite file layer (VFS) that remembers what a power cut could lose.
//!
//! It sits in front of SQLite's own unix VFS (registered as the process's default, so
//! `Store::open` uses it unchanged) and passes every call through: the files on disk are
//! always what the running process sees. For the files in one recorded folder it also
//! keeps a model of the *disk*: per file (inode), the content as of its last sync and the
//! writes and truncations since; per folder, its entries as of the last directory sync
//! and the creations and deletions since. SQLite's unix VFS syncs the folder on the first
//! sync of a new journal and in a delete asked to sync it (`synchronous=EXTRA` only);
//! the model follows the same calls.
//!
//! At a sync of a recorded file the test may ask for a [`Cut`]: the disk as it is just
//! before that sync. [`Cut::materialise`] then writes one state a power loss at that
//! instant could leave: everything synced is there; of the folder changes since its last
//! sync, a prefix (file systems journal their metadata in order); of each file's writes
//! since its last sync, any subset (a write kept, dropped, or torn: only some of its
//! 512-byte sectors reach the disk, the others keep the old bytes — SQLite's unix VFS
//! declares powersafe overwrite, so bytes outside a write are never touched).

use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use rusqlite::ffi;

use crate::ops::Rng;

#[derive(Clone)]
enum Op {
    Write(u64, Vec<u8>),
    Truncate(u64),
}

#[derive(Clone, Default)]
struct Inode {
    synced: Vec<u8>,
    pending: Vec<Op>,
}

#[derive(Clone)]
enum DirOp {
    Link(String, usize),
    Unlink(String),
}

/// The disk just before a sync, with the revisions a state cut there may hold.
pub struct Cut {
    inodes: HashMap<usize, Inode>,
    synced_dir: HashMap<String, usize>,
    dir_ops: Vec<DirOp>,
    /// The last acknowledged revision whose commit was followed by a folder sync: its
    /// journal's deletion is on the disk, so no state may go back before it.
    pub lowest: u64,
    /// The last acknowledged revision plus one (the change in progress).
    pub highest: u64,
    /// Writes not yet synced when the cut came.
    pub unsynced_writes: usize,
}

impl Cut {
    /// Writes one state this cut could leave into `dir` (file names as recorded).
    /// `variant` 0 keeps nothing unsynced, 1 keeps everything, others pick at random.
    pub fn materialise(&self, dir: &Path, variant: u32, rng: &mut Rng) {
        let pick = |rng: &mut Rng, n: usize| match variant {
            0 => 0,
            1 => n,
            _ => rng.below(n + 1),
        };
        let mut entries = self.synced_dir.clone();
        for op in &self.dir_ops[..pick(rng, self.dir_ops.len())] {
            match op {
                DirOp::Link(name, inode) => {
                    entries.insert(name.clone(), *inode);
                }
                DirOp::Unlink(name) => {
                    entries.remove(name);
                }
            }
        }
        for (name, inode) in entries {
            let inode = &self.inodes[&inode];
            let mut bytes = inode.synced.clone();
            for op in &inode.pending {
                let fate = match variant {
                    0 => 1,
                    1 => 0,
                    _ => rng.below(4),
                };
                match (op, fate) {
                    (_, 1) => {} // lost
                    (Op::Truncate(len), _) => bytes.truncate(*len as usize),
                    (Op::Write(at, data), fate) => {
                        let at = *at as usize;
                        if bytes.len() < at + data.len() {
                            bytes.resize(at + data.len(), 0);
                        }
                        // Sector by sector (512-byte sectors of the file).
                        let mut start = at;
                        while start < at + data.len() {
                            let end = ((start / 512 + 1) * 512).min(at + data.len());
                            if fate != 3 || rng.below(2) == 0 {
                                bytes[start..end].copy_from_slice(&data[start - at..end - at]);
                            }
                            start = end;
                        }
                    }
                }
            }
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
}

struct Model {
    /// The recorded folder, with a trailing `/`.
    dir: Option<String>,
    inodes: Vec<Inode>,
    current: HashMap<String, usize>,
    synced_dir: HashMap<String, usize>,
    dir_ops: Vec<DirOp>,
    /// Open recorded files, by the sqlite3_file's address.
    open: HashMap<usize, Open>,
    acked: u64,
    floor: u64,
    syncs: u64,
    rng: Rng,
    cut_one_in: usize,
    cuts: Vec<Cut>,
}

fn model() -> MutexGuard<'static, Model> {
    static MODEL: OnceLock<Mutex<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            Mutex::new(Model {
                dir: None,
                inodes: Vec::new(),
                current: HashMap::new(),
                synced_dir: HashMap::new(),
                dir_ops: Vec::new(),
                open: HashMap::new(),
                acked: 0,
                floor: 0,
                syncs: 0,
                rng: Rng::new(0),
                cut_one_in: 1,
                cuts: Vec::new(),
            })
        })
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

impl Model {
    fn name_in_dir(&self, path: &str) -> Option<String> {
        let dir = self.dir.as_deref()?;
        let name = path.strip_prefix(dir)?;
        (!name.contains('/')).then(|| name.to_string())
    }

    fn sync_dir(&mut self) {
        self.synced_dir = self.current.clone();
        self.dir_ops.clear();
        self.floor = self.acked;
    }

    fn cut(&mut self) -> Cut {
        let mut wanted: Vec<usize> = self.synced_dir.values().copied().collect();
        wanted.extend(self.dir_ops.iter().filter_map(|op| match op {
            DirOp::Link(_, i) => Some(*i),
            DirOp::Unlink(_) => None,
        }));
        let inodes: HashMap<usize, Inode> = wanted
            .into_iter()
            .map(|i| (i, self.inodes[i].clone()))
            .collect();
        Cut {
            unsynced_writes: inodes.values().map(|i| i.pending.len()).sum(),
            inodes,
            synced_dir: self.synced_dir.clone(),
            dir_ops: self.dir_ops.clone(),
            lowest: self.floor,
            highest: self.acked + 1,
        }
    }
}

/// Starts recording the folder `dir` (its files as they are count as synced), at
/// revision `revision`; a cut is taken at about one sync in `cut_one_in`.
pub fn record(dir: &Path, revision: u64, seed: u64, cut_one_in: usize) {
    install();
    let dir = std::fs::canonicalize(dir).unwrap();
    let mut m = model();
    m.inodes.clear();
    m.current.clear();
    m.dir_ops.clear();
    m.cuts.clear();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        let bytes = std::fs::read(entry.path()).unwrap();
        m.inodes.push(Inode {
            synced: bytes,
            pending: Vec::new(),
        });
        let inode = m.inodes.len() - 1;
        m.current
            .insert(entry.file_name().to_string_lossy().into_owned(), inode);
    }
    m.synced_dir = m.current.clone();
    m.dir = Some(format!("{}/", dir.display()));
    m.acked = revision;
    m.floor = revision;
    m.syncs = 0;
    m.rng = Rng::new(seed);
    m.cut_one_in = cut_one_in;
}

/// Stops recording; returns how many syncs were seen.
pub fn stop() -> u64 {
    let mut m = model();
    m.dir = None;
    m.cuts.clear();
    m.syncs
}

/// The store returned from the change that made `revision`.
pub fn acknowledged(revision: u64) {
    model().acked = revision;
}

/// The cuts taken since the last call.
pub fn take_cuts() -> Vec<Cut> {
    std::mem::take(&mut model().cuts)
}

// ---- the VFS itself ----

struct Vfs {
    real: *mut ffi::sqlite3_vfs,
}
unsafe impl Send for Vfs {}
unsafe impl Sync for Vfs {}

static VFS: OnceLock<Vfs> = OnceLock::new();

fn install() {
    VFS.get_or_init(|| {
        // SAFETY: SQLite's default VFS lives for the whole process; ours is leaked and
        // registered once; every method we do not replace ignores its VFS argument in
        // SQLite's unix VFS (and pAppData is kept for those that read it).
        unsafe {
            let real = ffi::sqlite3_vfs_find(std::ptr::null());
            assert!(!real.is_null());
            let mut ours = *real;
            ours.zName = c"waymark-power-cut".as_ptr();
            ours.pNext = std::ptr::null_mut();
            ours.xOpen = Some(x_open);
            ours.xDelete = Some(x_delete);
            let ours = Box::leak(Box::new(ours));
            assert_eq!(ffi::sqlite3_vfs_register(ours, 1), ffi::SQLITE_OK);
            Vfs { real }
        }
    });
}

static METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
    iVersion: 1,
    xClose: Some(x_close),
    xRead: Some(x_read),
    xWrite: Some(x_write),
    xTruncate: Some(x_truncate),
    xSync: Some(x_sync),
    xFileSize: Some(x_file_size),
    xLock: Some(x_lock),
    xUnlock: Some(x_unlock),
    xCheckReservedLock: Some(x_check_reserved),
    xFileControl: Some(x_file_control),
    xSectorSize: Some(x_sector_size),
    xDeviceCharacteristics: Some(x_device),
    xShmMap: None,
    xShmLock: None,
    xShmBarrier: None,
    xShmUnmap: None,
    xFetch: None,
    xUnfetch: None,
};

/// The unix VFS's methods for a recorded file.
fn real(file: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    let methods = model().open[&(file as usize)].methods;
    // SAFETY: SQLite's method tables are static.
    unsafe { &*methods }
}

struct Open {
    inode: usize,
    /// A journal SQLite created: its first sync also syncs the folder.
    new_journal: bool,
    methods: *const ffi::sqlite3_io_methods,
}
unsafe impl Send for Open {}

unsafe fn path_of(name: *const c_char) -> Option<String> {
    (!name.is_null()).then(|| CStr::from_ptr(name).to_string_lossy().into_owned())
}

unsafe extern "C" fn x_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let real_vfs = VFS.get().unwrap().real;
    let rc = ((*real_vfs).xOpen.unwrap())(real_vfs, name, file, flags, out_flags);
    if rc != ffi::SQLITE_OK || (*file).pMethods.is_null() {
        return rc;
    }
    let Some(path) = path_of(name) else { return rc };
    let mut m = model();
    let Some(entry) = m.name_in_dir(&path) else {
        return rc;
    };
    let methods = (*file).pMethods;
    let inode = match m.current.get(&entry) {
        Some(&i) => i,
        None => {
            m.inodes.push(Inode::default());
            let i = m.inodes.len() - 1;
            m.current.insert(entry.clone(), i);
            m.dir_ops.push(DirOp::Link(entry, i));
            i
        }
    };
    // As SQLite's unixOpen: a journal it creates gets its folder synced on first sync.
    let new_journal =
        flags & ffi::SQLITE_OPEN_CREATE != 0 && flags & ffi::SQLITE_OPEN_MAIN_JOURNAL != 0;
    m.open.insert(
        file as usize,
        Open {
            inode,
            new_journal,
            methods,
        },
    );
    (*file).pMethods = &METHODS;
    rc
}

unsafe extern "C" fn x_delete(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    sync_dir: c_int,
) -> c_int {
    let real_vfs = VFS.get().unwrap().real;
    let rc = ((*real_vfs).xDelete.unwrap())(real_vfs, name, sync_dir);
    if rc == ffi::SQLITE_OK {
        if let Some(path) = path_of(name) {
            let mut m = model();
            if let Some(entry) = m.name_in_dir(&path) {
                if m.current.remove(&entry).is_some() {
                    m.dir_ops.push(DirOp::Unlink(entry));
                }
                if sync_dir != 0 {
                    m.sync_dir();
                }
            }
        }
    }
    rc
}

fn inode_of(m: &Model, file: *mut ffi::sqlite3_file) -> Option<usize> {
    m.open.get(&(file as usize)).map(|o| o.inode)
}

unsafe extern "C" fn x_close(file: *mut ffi::sqlite3_file) -> c_int {
    let methods = real(file);
    model().open.remove(&(file as usize));
    let rc = (methods.xClose.unwrap())(file);
    (*file).pMethods = std::ptr::null();
    rc
}

unsafe extern "C" fn x_read(
    file: *mut ffi::sqlite3_file,
    buf: *mut c_void,
    amount: c_int,
    at: ffi::sqlite3_int64,
) -> c_int {
    (real(file).xRead.unwrap())(file, buf, amount, at)
}

unsafe extern "C" fn x_write(
    file: *mut ffi::sqlite3_file,
    buf: *const c_void,
    amount: c_int,
    at: ffi::sqlite3_int64,
) -> c_int {
    let rc = (real(file).xWrite.unwrap())(file, buf, amount, at);
    if rc == ffi::SQLITE_OK {
        let mut m = model();
        if let Some(i) = inode_of(&m, file) {
            let data = std::slice::from_raw_parts(buf.cast::<u8>(), amount as usize).to_vec();
            m.inodes[i].pending.push(Op::Write(at as u64, data));
        }
    }
    rc
}

unsafe extern "C" fn x_truncate(file: *mut ffi::sqlite3_file, size: ffi::sqlite3_int64) -> c_int {
    let rc = (real(file).xTruncate.unwrap())(file, size);
    if rc == ffi::SQLITE_OK {
        let mut m = model();
        if let Some(i) = inode_of(&m, file) {
            m.inodes[i].pending.push(Op::Truncate(size as u64));
        }
    }
    rc
}

unsafe extern "C" fn x_sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    {
        let mut m = model();
        if m.dir.is_some() && m.open.contains_key(&(file as usize)) {
            m.syncs += 1;
            let one_in = m.cut_one_in;
            if m.rng.below(one_in) == 0 {
                let cut = m.cut();
                m.cuts.push(cut);
            }
        }
    }
    let rc = (real(file).xSync.unwrap())(file, flags);
    if rc == ffi::SQLITE_OK {
        let mut m = model();
        if let Some((i, dir_pending)) = m
            .open
            .get(&(file as usize))
            .map(|o| (o.inode, o.new_journal))
        {
            let inode = &mut m.inodes[i];
            for op in std::mem::take(&mut inode.pending) {
                match op {
                    Op::Truncate(len) => inode.synced.truncate(len as usize),
                    Op::Write(at, data) => {
                        let at = at as usize;
                        if inode.synced.len() < at + data.len() {
                            inode.synced.resize(at + data.len(), 0);
                        }
                        inode.synced[at..at + data.len()].copy_from_slice(&data);
                    }
                }
            }
            if dir_pending {
                m.open.get_mut(&(file as usize)).unwrap().new_journal = false;
                m.sync_dir();
            }
        }
    }
    rc
}

unsafe extern "C" fn x_file_size(
    file: *mut ffi::sqlite3_file,
    size: *mut ffi::sqlite3_int64,
) -> c_int {
    (real(file).xFileSize.unwrap())(file, size)
}

unsafe extern "C" fn x_lock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    (real(file).xLock.unwrap())(file, level)
}

unsafe extern "C" fn x_unlock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    (real(file).xUnlock.unwrap())(file, level)
}

unsafe extern "C" fn x_check_reserved(file: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    (real(file).xCheckReservedLock.unwrap())(file, out)
}

unsafe extern "C" fn x_file_control(
    file: *mut ffi::sqlite3_file,
    op: c_int,
    arg: *mut c_void,
) -> c_int {
    (real(file).xFileControl.unwrap())(file, op, arg)
}

unsafe extern "C" fn x_sector_size(file: *mut ffi::sqlite3_file) -> c_int {
    (real(file).xSectorSize.unwrap())(file)
}

unsafe extern "C" fn x_device(file: *mut ffi::sqlite3_file) -> c_int {
    (real(file).xDeviceCharacteristics.unwrap())(file)
}

/// The folder a test records in: on tmpfs when there is one (syncs there cost nothing;
/// the model, not the disk, decides what a power cut keeps).
pub fn scratch() -> tempfile::TempDir {
    let shm = PathBuf::from("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(&shm) {
            return dir;
        }
    }
    tempfile::tempdir().unwrap()
}
