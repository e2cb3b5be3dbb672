use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub fn sha256(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).expect("read file to hash")).to_vec()
}

/// The repository root (the root package's manifest dir).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `waymark` binary cargo built for these tests.
pub fn waymark_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_waymark"))
}

/// Runs SQL with the real `sqlite3` tool, as a user would; waits out the app's
/// brief write locks like any second reader must (`.timeout`: SQLITE_BUSY is the one
/// condition SQLite documents as passing). No retry on "disk I/O error": that was the
/// app dropping its own locks, fixed in the store (docs/RELIABILITY.md).
pub fn sqlite3(path: &Path, sql: &str) -> String {
    let out = std::process::Command::new("sqlite3")
        .args(["-cmd", ".timeout 5000"])
        .arg(path)
        .arg(sql)
        .output()
        .expect("sqlite3 is installed by scripts/test");
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
