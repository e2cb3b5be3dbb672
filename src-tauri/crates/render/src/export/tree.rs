//! SVG text → usvg tree, with the bundled Inter as the only font and no access to the
//! file system or network (an exported drawing can only show what the Scene holds).

use std::sync::{Arc, OnceLock};

use usvg::{fontdb, ImageHrefResolver, Options, Tree};

use super::ExportError;
use crate::fonts::{font_family, INTER_REGULAR, INTER_SEMIBOLD};

fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(INTER_REGULAR.to_vec());
        db.load_font_data(INTER_SEMIBOLD.to_vec());
        db.set_sans_serif_family(font_family());
        Arc::new(db)
    })
    .clone()
}

/// The parse options every export uses.
pub(crate) fn options() -> Options<'static> {
    Options {
        font_family: font_family().to_owned(),
        fontdb: database(),
        resources_dir: None,
        image_href_resolver: ImageHrefResolver {
            // Embedded `data:` images (persona photos) only; never a file or a URL.
            resolve_data: ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..Options::default()
    }
}

/// Parses one page (or the bare map) into a tree ready for resvg or krilla-svg.
pub fn parse(svg: &str) -> Result<Tree, ExportError> {
    Tree::from_str(svg, &options()).map_err(|e| ExportError::Svg(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_set_in_the_bundled_font() {
        let tree = super::parse(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><text x="0" y="15" font-family="Inter">Café</text></svg>"#,
        )
        .unwrap();
        assert!(tree.fontdb().faces().all(|f| f.families[0].0 == "Inter"));
        assert!(tree.root().has_children(), "the text became a node");
    }
}
