//! App-level state that is not part of any document: where the default document lives,
//! the last document used and the recent files. Kept in the platform's config folder
//! (`$XDG_CONFIG_HOME/waymark/settings.json` on Linux) and written atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::AppError;

const MAX_RECENT: usize = 10;
pub const DEFAULT_DOCUMENT_NAME: &str = "My journeys.waymark";

#[derive(Debug, Clone)]
pub struct AppDirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl AppDirs {
    /// The platform's folders for Waymark (XDG on Linux).
    pub fn from_platform() -> Result<AppDirs, AppError> {
        let dirs =
            directories::ProjectDirs::from("org", "Waymark", "Waymark").ok_or_else(|| {
                AppError::Settings("cannot find the home folder (is HOME set?)".into())
            })?;
        Ok(AppDirs {
            config: dirs.config_dir().to_path_buf(),
            data: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn default_document(&self) -> PathBuf {
        self.data.join(DEFAULT_DOCUMENT_NAME)
    }

    fn settings_file(&self) -> PathBuf {
        self.config.join("settings.json")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub last_document: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    /// The Export dialog's last choices (per format, the last one used first).
    pub export: Option<waymark_render::export::ExportOptions>,
}

impl Settings {
    /// A missing or unreadable settings file means defaults: settings are a convenience
    /// and must never keep the app from opening.
    pub fn load(dirs: &AppDirs) -> Settings {
        let path = dirs.settings_file();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                eprintln!("waymark: ignoring {}: {e}", path.display());
                Settings::default()
            }),
            Err(_) => Settings::default(),
        }
    }

    /// Writes to a temporary file and renames it over the old one.
    pub fn save(&self, dirs: &AppDirs) -> Result<(), AppError> {
        let path = dirs.settings_file();
        let err = |e: std::io::Error| AppError::Settings(format!("{}: {e}", path.display()));
        std::fs::create_dir_all(&dirs.config).map_err(err)?;
        let tmp = path.with_extension("json.tmp");
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| AppError::Settings(e.to_string()))?;
        std::fs::write(&tmp, json).map_err(err)?;
        std::fs::rename(&tmp, &path).map_err(err)
    }

    /// Makes `path` the last document and the first recent file.
    pub fn remember(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_document = Some(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remember_moves_a_file_to_the_front_without_duplicates() {
        let mut s = Settings::default();
        for p in ["a", "b", "a", "c"] {
            s.remember(Path::new(p));
        }
        assert_eq!(
            s.recent,
            vec![PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]
        );
        assert_eq!(s.last_document, Some(PathBuf::from("c")));
    }

    #[test]
    fn recent_files_are_capped() {
        let mut s = Settings::default();
        for i in 0..25 {
            s.remember(Path::new(&format!("f{i}")));
        }
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], PathBuf::from("f24"));
    }

    #[test]
    fn a_corrupt_settings_file_gives_defaults_and_saving_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let dirs = AppDirs {
            config: dir.path().join("cfg"),
            data: dir.path().join("data"),
        };
        std::fs::create_dir_all(&dirs.config).unwrap();
        std::fs::write(dirs.settings_file(), b"{not json").unwrap();
        assert_eq!(Settings::load(&dirs), Settings::default());
        let mut s = Settings::default();
        s.remember(Path::new("/x/y.waymark"));
        s.save(&dirs).unwrap();
        assert_eq!(Settings::load(&dirs), s);
    }
}
