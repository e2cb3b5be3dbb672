//! Glyphs for the PDF's text: the bundled Inter shaped with rustybuzz, the shaper usvg uses,
//! so a line lands on the page exactly where the SVG path (PNG, preview) puts it.
//!
//! The two faces are parsed once per document, and a span already shaped (the same words
//! in the same font recur across a map: lane names, "Call centre", stage labels) is
//! reused instead of shaped again.

use std::collections::HashMap;

use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::fonts::{INTER_REGULAR, INTER_SEMIBOLD};

/// Which of the two bundled faces a weight resolves to (CSS font matching with 400 and 600
/// on offer: up to 500 takes Regular, above it SemiBold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Face {
    Regular,
    SemiBold,
}

impl Face {
    pub fn for_weight(weight: u16) -> Face {
        if weight > 500 {
            Face::SemiBold
        } else {
            Face::Regular
        }
    }
}

/// A shaped run: glyph advances and offsets in em (krilla scales them by the font size).
#[derive(Clone)]
pub(super) struct Run {
    pub glyphs: Vec<KrillaGlyph>,
    /// The first code point of each glyph's cluster is where letter-spacing may go; this
    /// marks the glyph that ends a cluster.
    pub cluster_ends: Vec<bool>,
}

struct Loaded {
    rb: rustybuzz::Face<'static>,
    krilla: Font,
    /// (ascender + descender) / 2 in em: where `dominant-baseline="central"` puts the
    /// baseline below the given y, as usvg computes it.
    central: f32,
}

pub(super) struct Shaper {
    regular: Loaded,
    semibold: Loaded,
    cache: HashMap<(Face, String), Run>,
}

fn load(data: &'static [u8]) -> Option<Loaded> {
    let rb = rustybuzz::Face::from_slice(data, 0)?;
    let upem = rb.units_per_em() as f32;
    let central = (rb.ascender() as f32 + rb.descender() as f32) / 2.0 / upem;
    let krilla = Font::new(data.into(), 0)?;
    Some(Loaded {
        rb,
        krilla,
        central,
    })
}

impl Shaper {
    pub fn new() -> Option<Shaper> {
        Some(Shaper {
            regular: load(INTER_REGULAR)?,
            semibold: load(INTER_SEMIBOLD)?,
            cache: HashMap::new(),
        })
    }

    fn face(&self, face: Face) -> &Loaded {
        match face {
            Face::Regular => &self.regular,
            Face::SemiBold => &self.semibold,
        }
    }

    pub fn font(&self, face: Face) -> Font {
        self.face(face).krilla.clone()
    }

    pub fn central(&self, face: Face) -> f32 {
        self.face(face).central
    }

    /// `text` shaped left to right in `face`, with the font's default features (kerning
    /// and all), as usvg shapes a span.
    pub fn shape(&mut self, face: Face, text: &str) -> Run {
        if let Some(run) = self.cache.get(&(face, text.to_owned())) {
            return run.clone();
        }
        let loaded = self.face(face);
        let upem = loaded.rb.units_per_em() as f32;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let output = rustybuzz::shape(&loaded.rb, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        let mut cluster_ends = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .find(|next| next.cluster != info.cluster)
                .map_or(text.len(), |next| next.cluster as usize);
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            ));
            cluster_ends.push(infos.get(i + 1).is_none_or(|n| n.cluster != info.cluster));
        }
        let run = Run {
            glyphs,
            cluster_ends,
        };
        self.cache.insert((face, text.to_owned()), run.clone());
        run
    }
}
