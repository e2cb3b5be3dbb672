//! Waymark's Scene: a journey map laid out for drawing.
//!
//! [`Layouter::layout`] turns one map of a [`waymark_model::Document`] into a [`Scene`]:
//! every stage column, lane row, card, connector and emotion line with its final position,
//! colour and wrapped text. The UI draws exactly this and the exporters serialize exactly
//! this, so screen, PNG and PDF cannot drift apart.
//!
//! Text is shaped with cosmic-text over the bundled Inter fonts only (never system fonts),
//! one [`TextLine`] per visual line with an absolute baseline, so a drawer only places
//! lines and never wraps. The layout is deterministic: coordinates are rounded to 0.01 and
//! nothing depends on hash order, so the same map always gives byte-identical JSON.
//!
//! After an edit, [`diff`] gives a [`ScenePatch`] holding only what changed, so a large
//! map is not sent whole again for a one-card change; [`apply`] replays it.
//!
//! ```
//! use waymark_model::{Document, Map};
//! let mut doc = Document::default();
//! doc.maps.push(Map::new("m1", "Supporter journey"));
//! let mut layouter = waymark_render::Layouter::new(); // keep it: building fonts is costly
//! let scene = layouter.layout(&doc, "m1").unwrap();
//! assert_eq!(scene.fonts.family, waymark_render::font_family());
//! ```

mod connectors;
mod curve;
mod emotion;
mod error;
pub mod export;
mod fonts;
mod geom;
mod labels;
mod ladder;
mod layout;
mod obstacles;
mod palette;
mod patch;
mod scene;
mod text;

pub use error::RenderError;
pub use fonts::font_family;
pub use layout::*;
pub use patch::{apply, diff, emotion_line_key, ListPatch, ScenePatch};
pub use scene::*;
