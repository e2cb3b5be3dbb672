//! Waymark's Scene: a map laid out for drawing (see `scene.rs`).

mod scene;

pub use scene::*;
