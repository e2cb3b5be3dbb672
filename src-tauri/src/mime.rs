//! The `.waymark` type made known to GLib in this process, so that nothing in GTK ever
//! opens an open document to guess what it is.
//!
//! Why it matters: SQLite's locks on a document are POSIX advisory locks, and those
//! belong to the process: closing *any* descriptor of the file in the process drops them
//! all, even in the middle of the store's commit (docs/RELIABILITY.md, "The disk I/O
//! error"). GTK's file chooser lists the folder it shows and asks GLib for each file's
//! content type; for a name no glob claims, GLib sniffs the file's first bytes
//! (`open(O_RDONLY|O_NOATIME)`, read, `close`). While a Save or Open dialog showed the
//! document's folder, every commit (its journal appearing and going) made the chooser
//! look again, so the app's locks vanished mid-commit and a reader in another process
//! (`sqlite3`, `waymark info`) took the live journal for a crashed writer's and rolled it
//! back: `SQLITE_IOERR_DELETE_NOENT` in the reader, refused edits in the app.
//!
//! When a glob names the type, GLib's guess is certain and it does not open the file. The
//! .deb and .rpm install `assets/linux/waymark.xml` system-wide, but the app must not
//! depend on being installed: at start it keeps a one-type MIME database (the
//! `mime.cache` that `update-mime-database` builds from that same file at compile time,
//! see `src-tauri/build.rs`) under its cache folder and puts that folder first in
//! `XDG_DATA_DIRS`, where GLib looks for MIME databases.

use std::path::{Path, PathBuf};

/// The compiled MIME database holding only `application/x-waymark` (`*.waymark`).
#[cfg(target_os = "linux")]
const MIME_CACHE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/xdg/mime/mime.cache"));

/// The variable GLib reads for the folders that hold `mime/` databases.
pub const XDG_DATA_DIRS: &str = "XDG_DATA_DIRS";

/// What the XDG specification says to use when `XDG_DATA_DIRS` is unset or empty.
const DEFAULT_DATA_DIRS: &str = "/usr/local/share:/usr/share";

/// Makes `*.waymark` known to GLib in this process. Call before GTK starts (or any other
/// thread): it sets an environment variable. Failing to write the database only costs
/// the protection, never the start, so it is reported and the app goes on.
pub fn register() {
    #[cfg(target_os = "linux")]
    {
        let Some(dirs) = directories::ProjectDirs::from("org", "Waymark", "Waymark") else {
            return;
        };
        let base = dirs.cache_dir().join("xdg");
        if let Err(e) = register_at(&base) {
            eprintln!(
                "waymark: cannot keep the .waymark type in {}: {e}",
                base.display()
            );
        }
    }
}

/// Writes the database under `base/mime/` (when it is missing or different) and puts
/// `base` first in `XDG_DATA_DIRS`.
#[cfg(target_os = "linux")]
pub fn register_at(base: &Path) -> std::io::Result<()> {
    let folder = base.join("mime");
    let cache = folder.join("mime.cache");
    if std::fs::read(&cache).ok().as_deref() != Some(MIME_CACHE) {
        std::fs::create_dir_all(&folder)?;
        // Written beside and renamed in, so GLib never reads half a database.
        let tmp = folder.join(format!("mime.cache.{}.tmp", std::process::id()));
        std::fs::write(&tmp, MIME_CACHE)?;
        std::fs::rename(&tmp, &cache)?;
    }
    let current = std::env::var(XDG_DATA_DIRS).ok();
    std::env::set_var(XDG_DATA_DIRS, data_dirs_with(base, current.as_deref()));
    Ok(())
}

/// `XDG_DATA_DIRS` with `base` first: the user's folders kept in their order (or the
/// specification's default when unset), `base` not listed twice.
pub fn data_dirs_with(base: &Path, current: Option<&str>) -> String {
    let current = current
        .filter(|c| !c.trim().is_empty())
        .unwrap_or(DEFAULT_DATA_DIRS);
    let base_str = base.to_string_lossy();
    let mut dirs: Vec<PathBuf> = vec![base.to_path_buf()];
    dirs.extend(
        current
            .split(':')
            .filter(|d| !d.is_empty() && *d != base_str)
            .map(PathBuf::from),
    );
    dirs.iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::data_dirs_with;
    use std::path::Path;

    #[test]
    fn the_apps_folder_goes_first_and_the_users_folders_stay_in_order() {
        let base = Path::new("/home/a/.cache/waymark/xdg");
        assert_eq!(
            data_dirs_with(base, Some("/opt/share:/usr/share")),
            "/home/a/.cache/waymark/xdg:/opt/share:/usr/share"
        );
    }

    #[test]
    fn unset_or_empty_means_the_specifications_default() {
        let base = Path::new("/x");
        assert_eq!(data_dirs_with(base, None), "/x:/usr/local/share:/usr/share");
        assert_eq!(
            data_dirs_with(base, Some("")),
            "/x:/usr/local/share:/usr/share"
        );
    }

    #[test]
    fn a_second_start_does_not_add_the_folder_again() {
        let base = Path::new("/x");
        assert_eq!(data_dirs_with(base, Some("/x:/usr/share")), "/x:/usr/share");
    }
}
