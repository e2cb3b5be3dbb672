//! Shaping and wrapping with cosmic-text.
//!
//! One [`Shaper`] owns the font system and a single reusable `Buffer`: building either is
//! far dearer than shaping a card, and cosmic-text's shape-run cache (kept in the font
//! system) lets the words that recur across thousands of cards be shaped once.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use cosmic_text::{Attrs, Buffer, Family, FontSystem, Metrics, Shaping, Weight, Wrap};

use crate::fonts::{self, TextStyle};

/// One visual line, relative to the top-left of the text block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShapedLine {
    pub text: String,
    /// Baseline, from the top of the block.
    pub baseline: f32,
    pub x: f32,
    pub width: f32,
}

/// A wrapped block of text: its lines and its total height (lines × line height).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ShapedBlock {
    pub lines: Vec<ShapedLine>,
    pub height: f32,
}

pub(crate) struct Shaper {
    font_system: FontSystem,
    buffer: Buffer,
}

impl Shaper {
    pub fn new() -> Shaper {
        let mut font_system = fonts::font_system();
        let buffer = Buffer::new(
            &mut font_system,
            Metrics::new(fonts::BODY.size, fonts::BODY.line_height),
        );
        Shaper {
            font_system,
            buffer,
        }
    }

    /// Wraps `text` at word boundaries (or inside a word too long for a line) to
    /// `max_width`; `None` means one line per paragraph. Explicit newlines start new lines.
    pub fn wrap(&mut self, text: &str, style: TextStyle, max_width: Option<f32>) -> ShapedBlock {
        // Trailing blank lines would only add empty height to a card.
        let text = text.trim_end();
        if text.is_empty() {
            return ShapedBlock::default();
        }
        let fs = &mut self.font_system;
        self.buffer.set_metrics_and_size(
            Metrics::new(style.size, style.line_height),
            max_width,
            None,
        );
        self.buffer.set_wrap(if max_width.is_some() {
            Wrap::WordOrGlyph
        } else {
            Wrap::None
        });
        let attrs = Attrs::new()
            .family(Family::Name(fonts::font_family()))
            .weight(Weight(style.weight));
        self.buffer.set_text(text, &attrs, Shaping::Advanced, None);
        self.buffer.shape_until_scroll(fs, false);

        let mut lines = Vec::new();
        for run in self.buffer.layout_runs() {
            lines.push(visual_line(run.text, run.glyphs, run.line_y));
        }
        let height = lines.len() as f32 * style.line_height;
        ShapedBlock { lines, height }
    }

    /// The first line of `text` in one line no wider than `max_width`, cut at a word (or,
    /// failing that, a character) and ended with "…" when it does not fit whole.
    pub fn fit_one_line(&mut self, text: &str, style: TextStyle, max_width: f32) -> ShapedBlock {
        let first = text.trim().lines().next().unwrap_or("").trim_end();
        let whole = self.wrap(first, style, None);
        let more_paragraphs = text.trim().lines().nth(1).is_some();
        if !more_paragraphs && whole.lines.first().is_none_or(|l| l.width <= max_width) {
            return whole;
        }
        // Wrapping to the width tells us where the first line breaks; then shorten it until
        // the ellipsis fits too. A handful of iterations at most.
        let wrapped = self.wrap(first, style, Some(max_width));
        let mut kept: String = wrapped
            .lines
            .first()
            .map(|l| l.text.clone())
            .unwrap_or_default();
        loop {
            let candidate = format!("{}…", kept.trim_end());
            let block = self.wrap(&candidate, style, None);
            let fits = block.lines.first().is_none_or(|l| l.width <= max_width);
            if fits || kept.is_empty() {
                return block;
            }
            // Drop the last word if there is one, else the last character.
            match kept.trim_end().rfind(char::is_whitespace) {
                Some(i) if i > 0 => kept.truncate(i),
                _ => {
                    kept.pop();
                }
            }
        }
    }

    /// Call once per layout: forgets shaped runs not used in the last two layouts, so the
    /// cache follows the document instead of growing for the life of the app.
    pub fn end_pass(&mut self) {
        self.font_system.shape_run_cache.trim(2);
    }

    #[cfg(test)]
    pub fn missing_glyphs(&mut self, text: &str, style: TextStyle) -> usize {
        self.wrap(text, style, None);
        self.buffer
            .layout_runs()
            .flat_map(|r| r.glyphs.iter())
            .filter(|g| g.glyph_id == 0)
            .count()
    }
}

/// Turns one cosmic-text layout run into a line: its own slice of the paragraph's text
/// (without the spaces the line broke at) and the width of its ink-bearing advance.
fn visual_line(paragraph: &str, glyphs: &[cosmic_text::LayoutGlyph], baseline: f32) -> ShapedLine {
    if glyphs.is_empty() {
        return ShapedLine {
            text: String::new(),
            baseline,
            x: 0.0,
            width: 0.0,
        };
    }
    let start = glyphs.iter().map(|g| g.start).min().unwrap_or(0);
    let end = glyphs.iter().map(|g| g.end).max().unwrap_or(start);
    let slice = &paragraph[start..end];
    let text = slice.trim_end();
    let text_end = start + text.len();
    // Measure only glyphs of the kept text, so a trailing space does not widen the line.
    let kept = glyphs.iter().filter(|g| g.start < text_end);
    let (mut left, mut right) = (f32::MAX, f32::MIN);
    for g in kept {
        left = left.min(g.x);
        right = right.max(g.x + g.w);
    }
    if left > right {
        left = 0.0;
        right = 0.0;
    }
    ShapedLine {
        text: text.to_string(),
        baseline,
        x: left,
        width: right - left,
    }
}

/// Below this many texts to shape, a second thread costs more than it saves.
const PARALLEL_FROM: usize = 256;

/// How a block was made: wrapped to a width, or cut to one line with "…".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Fit {
    Wrap,
    OneLine,
}

/// Everything but the text that decides a block: the fit, the style and the width, as
/// bits so that they hash (`None` width is `u32::MAX`, never a real `f32` bit pattern
/// that layout produces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct BlockKey {
    fit: Fit,
    size: u32,
    line_height: u32,
    weight: u16,
    width: u32,
}

impl BlockKey {
    fn new(fit: Fit, style: TextStyle, max_width: Option<f32>) -> BlockKey {
        BlockKey {
            fit,
            size: style.size.to_bits(),
            line_height: style.line_height.to_bits(),
            weight: style.weight,
            width: max_width.map_or(u32::MAX, f32::to_bits),
        }
    }
}

struct CachedBlock {
    /// Shared with the layouts that use it: a re-layout takes it without copying its lines.
    block: Arc<ShapedBlock>,
    /// The pass that last used it.
    used: u64,
}

/// Wrapped blocks keyed by (text, style, max width), so a re-layout after a one-card edit
/// shapes only that card's text. Shaping is a pure function of the key (same fonts, same
/// buffer settings), so a hit gives exactly what shaping again would: layout stays
/// deterministic. Blocks not used in the last two passes are dropped, like the shape-run
/// cache, so the cache follows the document instead of growing for the life of the app.
#[derive(Default)]
pub(crate) struct BlockCache {
    // Grouped by key first so a lookup can borrow the text (`&str`) instead of allocating.
    blocks: HashMap<BlockKey, HashMap<String, CachedBlock>>,
    pass: u64,
}

impl BlockCache {
    /// `shaper.wrap(text, style, max_width)`, from the cache when it has it.
    pub fn wrap(
        &mut self,
        shaper: &mut Shaper,
        text: &str,
        style: TextStyle,
        max_width: Option<f32>,
    ) -> Arc<ShapedBlock> {
        self.get_or(BlockKey::new(Fit::Wrap, style, max_width), text, || {
            shaper.wrap(text, style, max_width)
        })
    }

    /// `shaper.fit_one_line(text, style, max_width)`, from the cache when it has it.
    pub fn fit_one_line(
        &mut self,
        shaper: &mut Shaper,
        text: &str,
        style: TextStyle,
        max_width: f32,
    ) -> Arc<ShapedBlock> {
        self.get_or(
            BlockKey::new(Fit::OneLine, style, Some(max_width)),
            text,
            || shaper.fit_one_line(text, style, max_width),
        )
    }

    /// Puts in the cache every `(text, style, max width)` wrap it lacks, shaped on two
    /// threads when there are enough of them (the first layout of a large map): `shaper`
    /// takes one half here, `helper` (made on first use) the other on a second thread.
    /// Each text is shaped exactly as [`BlockCache::wrap`] would, by a shaper of the same
    /// fonts, so the layout that then reads them from the cache is the one it would be.
    pub fn wrap_all<'t>(
        &mut self,
        shaper: &mut Shaper,
        helper: &mut Option<Shaper>,
        texts: impl IntoIterator<Item = (&'t str, TextStyle, Option<f32>)>,
    ) {
        let mut seen = HashSet::new();
        let missing: Vec<(&str, TextStyle, Option<f32>)> = texts
            .into_iter()
            .filter(|&(text, style, width)| {
                let key = BlockKey::new(Fit::Wrap, style, width);
                let cached = self.blocks.get(&key).is_some_and(|b| b.contains_key(text));
                !cached && seen.insert((key, text))
            })
            .collect();
        if missing.len() < PARALLEL_FROM {
            for (text, style, width) in missing {
                self.wrap(shaper, text, style, width);
            }
            return;
        }
        // Two halves of about the same length of text.
        let total: usize = missing.iter().map(|m| m.0.len() + 1).sum();
        let mut length = 0;
        let split = missing
            .iter()
            .position(|m| {
                length += m.0.len() + 1;
                2 * length >= total
            })
            .map_or(missing.len(), |i| i + 1);
        let (mine, theirs) = missing.split_at(split);
        let shape_all = |shaper: &mut Shaper, part: &[(&str, TextStyle, Option<f32>)]| {
            part.iter()
                .map(|&(text, style, width)| shaper.wrap(text, style, width))
                .collect::<Vec<_>>()
        };
        let (my_blocks, their_blocks) = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                let helper = helper.get_or_insert_with(Shaper::new);
                shape_all(helper, theirs)
            });
            let mine = shape_all(shaper, mine);
            let theirs = other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (mine, theirs)
        });
        let pass = self.pass;
        for (&(text, style, width), block) in missing
            .iter()
            .zip(my_blocks.into_iter().chain(their_blocks))
        {
            self.blocks
                .entry(BlockKey::new(Fit::Wrap, style, width))
                .or_default()
                .insert(
                    text.to_string(),
                    CachedBlock {
                        block: Arc::new(block),
                        used: pass,
                    },
                );
        }
    }

    fn get_or(
        &mut self,
        key: BlockKey,
        text: &str,
        shape: impl FnOnce() -> ShapedBlock,
    ) -> Arc<ShapedBlock> {
        let pass = self.pass;
        let by_text = self.blocks.entry(key).or_default();
        if let Some(hit) = by_text.get_mut(text) {
            hit.used = pass;
            return Arc::clone(&hit.block);
        }
        let block = Arc::new(shape());
        by_text.insert(
            text.to_string(),
            CachedBlock {
                block: Arc::clone(&block),
                used: pass,
            },
        );
        block
    }

    /// Call once per layout: forgets blocks not used in this pass or the one before.
    pub fn end_pass(&mut self) {
        let keep_from = self.pass.saturating_sub(1);
        for by_text in self.blocks.values_mut() {
            by_text.retain(|_, b| b.used >= keep_from);
        }
        self.blocks.retain(|_, by_text| !by_text.is_empty());
        self.pass += 1;
    }

    /// How many blocks are cached (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.blocks.values().map(HashMap::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{BODY, TITLE};

    #[test]
    fn accented_latin_and_euro_have_glyphs() {
        let mut s = Shaper::new();
        for style in [BODY, TITLE] {
            assert_eq!(
                s.missing_glyphs(
                    "Ça coûte 10 € — merci ! Größe, naïve, São Paulo, Łódź",
                    style
                ),
                0
            );
        }
    }

    #[test]
    fn wrapping_breaks_at_words_and_keeps_all_text() {
        let mut s = Shaper::new();
        let text = "Ça coûte 10 € — merci ! A longer sentence that must wrap onto several lines.";
        let block = s.wrap(text, BODY, Some(120.0));
        assert!(block.lines.len() >= 3, "{block:?}");
        for l in &block.lines {
            assert!(l.width <= 120.0 + 0.01, "{l:?}");
        }
        let joined: Vec<&str> = block.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.join(" "), text);
        assert_eq!(block.height, block.lines.len() as f32 * BODY.line_height);
    }

    #[test]
    fn explicit_newlines_start_lines() {
        let mut s = Shaper::new();
        let block = s.wrap("one\n\nthree\n", BODY, Some(200.0));
        let texts: Vec<&str> = block.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["one", "", "three"]);
        assert!(block.lines[0].baseline < block.lines[2].baseline);
    }

    #[test]
    fn fit_one_line_ellipsizes() {
        let mut s = Shaper::new();
        let block = s.fit_one_line("Thoughts and quotes from the people we serve", TITLE, 100.0);
        assert_eq!(block.lines.len(), 1);
        assert!(block.lines[0].text.ends_with('…'), "{block:?}");
        assert!(block.lines[0].width <= 100.0);
        let short = s.fit_one_line("Notes", TITLE, 100.0);
        assert_eq!(short.lines[0].text, "Notes");
    }

    #[test]
    fn shaping_on_two_threads_gives_what_shaping_one_by_one_gives() {
        // Generated cards (words that recur, as in a real map), hand-written edge cases
        // (accents, a word too long for a line, newlines, spaces at the ends), three widths.
        let doc = waymark_model::generate(waymark_model::GenerateSpec {
            stages: 20,
            lanes: 10,
            cards: 600,
            seed: 7,
        });
        let mut texts: Vec<String> = doc.maps[0]
            .cards
            .iter()
            .flat_map(|c| [c.title.clone(), c.body.clone()])
            .collect();
        texts.extend(
            [
                "Ça coûte 10 € — merci ! Größe, naïve, São Paulo, Łódź",
                "Supercalifragilisticexpialidocious-and-then-some-more-letters",
                "one\n\nthree\n",
                "  leading and trailing  ",
                "",
            ]
            .map(String::from),
        );
        let jobs: Vec<(&str, TextStyle, Option<f32>)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let style = [BODY, TITLE][i % 2];
                (t.as_str(), style, [Some(96.0), Some(172.0), None][i % 3])
            })
            .collect();
        assert!(jobs.len() > 2 * PARALLEL_FROM);
        let (mut s, mut helper, mut cache) = (Shaper::new(), None, BlockCache::default());
        cache.wrap_all(&mut s, &mut helper, jobs.iter().copied());
        assert!(helper.is_some(), "the second thread shaped half");
        let filled = cache.len();
        let mut fresh = Shaper::new();
        for &(text, style, width) in &jobs {
            let expected = fresh.wrap(text, style, width);
            assert_eq!(
                *cache.wrap(&mut s, text, style, width),
                expected,
                "{text:?}"
            );
        }
        // Every block came from the cache: nothing was shaped again.
        assert_eq!(cache.len(), filled);
    }

    #[test]
    fn block_cache_gives_what_shaping_gives_and_forgets_unused_blocks() {
        let mut s = Shaper::new();
        let mut fresh = Shaper::new();
        let mut cache = BlockCache::default();
        let text = "A longer sentence that must wrap onto several lines.";
        let a = cache.wrap(&mut s, text, BODY, Some(120.0));
        assert_eq!(*a, fresh.wrap(text, BODY, Some(120.0)));
        // Same text, other width or style or fit: other entries.
        let b = cache.wrap(&mut s, text, BODY, Some(300.0));
        assert_ne!(a, b);
        assert_eq!(*b, fresh.wrap(text, BODY, Some(300.0)));
        let c = cache.fit_one_line(&mut s, text, TITLE, 100.0);
        assert_eq!(*c, fresh.fit_one_line(text, TITLE, 100.0));
        assert_eq!(cache.len(), 3);
        assert_eq!(cache.wrap(&mut s, text, BODY, Some(120.0)), a);
        assert_eq!(cache.len(), 3);
        cache.end_pass();
        // Used in the previous pass: kept through this one.
        cache.wrap(&mut s, text, BODY, Some(120.0));
        cache.end_pass();
        assert_eq!(cache.len(), 3);
        cache.end_pass();
        // Only the block used one pass ago is left; the next pass forgets it too.
        assert_eq!(cache.len(), 1);
        cache.end_pass();
        assert_eq!(cache.len(), 0);
    }
}
