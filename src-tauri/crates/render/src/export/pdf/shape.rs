//! Glyphs for the PDF's text: the bundled Inter shaped with rustybuzz, the shaper usvg uses,
//! so a line lands on the page exactly where the SVG path (PNG, preview) puts it.
//!
//! The two faces are parsed once per document, and a word already shaped (the same words
//! in the same font recur across a map's cards, lanes and labels) is reused instead of
//! shaped again.

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
    /// Shaped words, per face.
    cache: [HashMap<String, Run>; 2],
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
            cache: [HashMap::new(), HashMap::new()],
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
    /// and all), as usvg shapes a span: word by word where nothing reaches across a space,
    /// each word shaped once per document (the words of a map recur on many cards).
    pub fn shape(&mut self, face: Face, text: &str) -> Run {
        let mut run = Run {
            glyphs: Vec::with_capacity(text.len()),
            cluster_ends: Vec::with_capacity(text.len()),
        };
        // Inter's contextual alternates reach across spaces for symbols and punctuation (a
        // "×" between figures sits higher): such a span is shaped whole.
        if !text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '\''))
        {
            self.push_word(face, text, 0, text.len(), &mut run);
            return run;
        }
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == ' ' {
                self.push_word(face, text, start, i, &mut run);
                self.push_word(face, text, i, i + 1, &mut run);
                start = i + 1;
            }
        }
        self.push_word(face, text, start, text.len(), &mut run);
        run
    }

    fn push_word(&mut self, face: Face, text: &str, start: usize, end: usize, run: &mut Run) {
        if start >= end {
            return;
        }
        let word = &text[start..end];
        let slot = face as usize;
        if !self.cache[slot].contains_key(word) {
            let shaped = self.shape_word(face, word);
            self.cache[slot].insert(word.to_owned(), shaped);
        }
        let shaped = &self.cache[slot][word];
        for g in &shaped.glyphs {
            let mut g = g.clone();
            g.text_range = g.text_range.start + start..g.text_range.end + start;
            run.glyphs.push(g);
        }
        run.cluster_ends.extend_from_slice(&shaped.cluster_ends);
    }

    fn shape_word(&self, face: Face, text: &str) -> Run {
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
        Run {
            glyphs,
            cluster_ends,
        }
    }
}
