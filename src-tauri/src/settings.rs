//! App-level state that is not part of any document: where the default document lives,
//! the last document used, the documents open when the app quit, the recent files and
//! where the user left each of their maps. Kept in the platform's config folder
//! (`$XDG_CONFIG_HOME/waymark/settings.json` on Linux) and written atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::state::remembered_path;
use crate::views::MapView;

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
    /// The documents open in the app's windows when it last quit, reopened at the next
    /// launch (each in its own window).
    pub open_documents: Vec<PathBuf>,
    pub recent: Vec<PathBuf>,
    /// The Export dialog's last choices (per format, the last one used first).
    pub export: Option<waymark_render::export::ExportOptions>,
    /// Each map's zoom and scroll, by document path, then map id; kept for the recent
    /// documents only.
    pub views: BTreeMap<String, BTreeMap<String, MapView>>,
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

    /// The usable views kept for the maps of the document at `doc`.
    pub fn views_of(&self, doc: &Path) -> BTreeMap<String, MapView> {
        let mut views = self.views.get(&view_key(doc)).cloned().unwrap_or_default();
        views.retain(|_, v| v.is_usable());
        views
    }

    /// Keeps `view` for map `map_id` of the document at `doc`, and forgets the views of
    /// documents no longer among the recent ones (the settings file stays small).
    pub fn remember_view(&mut self, doc: &Path, map_id: &str, view: MapView) {
        let key = view_key(doc);
        let recent: Vec<String> = self.recent.iter().map(|p| view_key(p)).collect();
        self.views.retain(|k, _| k == &key || recent.contains(k));
        self.views
            .entry(key)
            .or_default()
            .insert(map_id.to_string(), view);
    }
}

fn view_key(doc: &Path) -> String {
    remembered_path(doc).to_string_lossy().into_owned()
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
    fn map_views_are_kept_per_document_and_map_and_survive_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        let dirs = AppDirs {
            config: dir.path().join("cfg"),
            data: dir.path().join("data"),
        };
        let (a, b) = (dir.path().join("a.waymark"), dir.path().join("b.waymark"));
        let mut s = Settings::default();
        s.remember(&a);
        s.remember(&b);
        let view = |zoom| MapView {
            x: -24.0,
            y: 100.5,
            zoom,
        };
        s.remember_view(&a, "m1", view(1.0));
        s.remember_view(&a, "m2", view(0.5));
        s.remember_view(&b, "m1", view(2.0));
        s.save(&dirs).unwrap();
        let loaded = Settings::load(&dirs);
        assert_eq!(loaded.views_of(&a).get("m1"), Some(&view(1.0)));
        assert_eq!(loaded.views_of(&a).get("m2"), Some(&view(0.5)));
        assert_eq!(loaded.views_of(&b).get("m1"), Some(&view(2.0)));
        assert!(loaded.views_of(&dir.path().join("c.waymark")).is_empty());
    }

    #[test]
    fn views_of_documents_gone_from_the_recent_list_are_forgotten() {
        let mut s = Settings::default();
        let view = MapView {
            x: 0.0,
            y: 0.0,
            zoom: 1.0,
        };
        s.remember(Path::new("/old.waymark"));
        s.remember_view(Path::new("/old.waymark"), "m", view);
        for i in 0..MAX_RECENT {
            s.remember(Path::new(&format!("/f{i}.waymark")));
        }
        s.remember_view(Path::new("/f0.waymark"), "m", view);
        assert!(s.views_of(Path::new("/old.waymark")).is_empty());
        assert_eq!(s.views.len(), 1);
    }

    #[test]
    fn an_unusable_view_in_a_hand_edited_file_is_ignored() {
        let mut s = Settings::default();
        s.views.entry("/a.waymark".into()).or_default().insert(
            "m".into(),
            MapView {
                x: 0.0,
                y: 0.0,
                zoom: 0.0,
            },
        );
        assert!(s.views_of(Path::new("/a.waymark")).is_empty());
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
