//! Help > About: the version, Waymark's licence and the bundled font's licence, shown in
//! the platform's own About dialog.

use tauri::menu::AboutMetadata;

/// The version of this Waymark, as `waymark --version` prints it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The licence texts the About dialog shows.
pub fn licences() -> String {
    format!(
        "Waymark is free software under the {} licence.\n\n\
         The Inter typeface bundled with Waymark (maps, exports and the window) is \
         © The Inter Project Authors, under the SIL Open Font License 1.1:\n\n{}",
        env!("CARGO_PKG_LICENSE"),
        include_str!("../../assets/fonts/OFL.txt")
    )
}

pub fn metadata() -> AboutMetadata<'static> {
    AboutMetadata {
        name: Some("Waymark".into()),
        version: Some(VERSION.into()),
        comments: Some(
            "A desktop journey-map designer: draw customer journeys offline, in a file you own."
                .into(),
        ),
        license: Some(licences()),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_names_the_version_and_both_licences() {
        let about = metadata();
        assert_eq!(about.version.as_deref(), Some(VERSION));
        let licence = about.license.unwrap();
        assert!(licence.contains("MIT"), "{licence}");
        assert!(licence.contains("SIL Open Font License"), "{licence}");
        assert!(licence.contains("Inter"), "{licence}");
    }
}
