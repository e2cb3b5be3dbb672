//! Colours. Every colour is a `#rrggbb` string, resolved here so that drawers never guess.
//!
//! Lane kinds get a soft fill with a darker stroke of the same hue. The fills are spread
//! over lightness as well as hue, so neighbouring kinds stay apart on a greyscale print;
//! the strokes are dark enough to read as outlines on white paper.

use waymark_model::LaneKind;

/// Fill and stroke of the cards of one lane kind.
pub(crate) fn kind_colors(kind: LaneKind) -> (&'static str, &'static str) {
    match kind {
        LaneKind::Touchpoints => ("#cfe2fb", "#1d4ed8"),
        LaneKind::Actions => ("#d3f2dd", "#15803d"),
        LaneKind::Thoughts => ("#fff4b8", "#a16207"),
        LaneKind::Emotions => ("#fbe0ee", "#be185d"),
        LaneKind::PainPoints => ("#f8c4c4", "#b91c1c"),
        LaneKind::Opportunities => ("#d0f6ee", "#0f766e"),
        LaneKind::PassionPoints => ("#fed7aa", "#c2410c"),
        LaneKind::Channels => ("#dfe3fd", "#4338ca"),
        LaneKind::Kpis => ("#d8cdf9", "#6d28d9"),
        LaneKind::Backstage => ("#d9dce1", "#374151"),
        LaneKind::Notes => ("#fbfaf7", "#57534e"),
        LaneKind::Custom => ("#eef2f6", "#475569"),
        LaneKind::Ladder => ("#dcefc8", "#3f6212"),
    }
}

/// Stage header colours, used in order when a stage sets none: calm, distinct hues.
const STAGES: [&str; 8] = [
    "#3b5bdb", "#0c8599", "#2f9e44", "#e67700", "#c2255c", "#7048e8", "#5c7cfa", "#495057",
];

/// Persona line colours, in order of the persona in the document.
const PERSONAS: [&str; 8] = [
    "#d6336c", "#1971c2", "#2b8a3e", "#e8590c", "#6741d9", "#0b7285", "#c92a2a", "#5f3dc4",
];

/// Channel badge colours, in order of the channel in the document.
const CHANNELS: [&str; 8] = [
    "#1c7ed6", "#37b24d", "#f59f00", "#ae3ec9", "#f03e3e", "#12b886", "#7950f2", "#868e96",
];

pub(crate) fn stage_color(index: usize) -> &'static str {
    STAGES[index % STAGES.len()]
}

pub(crate) fn persona_color(index: usize) -> &'static str {
    PERSONAS[index % PERSONAS.len()]
}

pub(crate) fn channel_color(index: usize) -> &'static str {
    CHANNELS[index % CHANNELS.len()]
}

/// The heat ramp's ends: a stage with one low-severity vulnerability is a light pink, one
/// at the cap (9) a deep red, so the bands stay apart on a greyscale print too.
const HEAT_LIGHT: Rgb = [0xff, 0xd6, 0xd6];
const HEAT_DARK: Rgb = [0x9b, 0x11, 0x11];
/// The highest heat level; sums of severities above it are capped.
pub(crate) const HEAT_MAX: u8 = 9;

/// The colour of a stage's heat band at `level` (1..=9; values outside are clamped).
pub(crate) fn heat_color(level: u8) -> String {
    let level = level.clamp(1, HEAT_MAX);
    hex(mix(
        HEAT_LIGHT,
        HEAT_DARK,
        (level - 1) as f32 / (HEAT_MAX - 1) as f32,
    ))
}

/// The user's colour when it is a valid `#rrggbb`, else the fallback. The model validates
/// colours on edit, but a hand-written file could still carry anything.
pub(crate) fn pick(user: Option<&str>, fallback: &str) -> String {
    match user.and_then(parse) {
        Some(rgb) => hex(rgb),
        None => fallback.to_string(),
    }
}

/// Fill and stroke for a card: its own colour, else its lane's, else its kind's. A user
/// colour is taken as the stroke and a pale tint of it as the fill, so text stays legible
/// whatever colour was chosen.
pub(crate) fn card_colors(
    card: Option<&str>,
    lane: Option<&str>,
    kind: LaneKind,
) -> (String, String) {
    match card.and_then(parse).or_else(|| lane.and_then(parse)) {
        Some(rgb) => (hex(mix(rgb, WHITE, 0.78)), hex(mix(rgb, BLACK, 0.25))),
        None => {
            let (fill, stroke) = kind_colors(kind);
            (fill.to_string(), stroke.to_string())
        }
    }
}

type Rgb = [u8; 3];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

pub(crate) fn parse(s: &str) -> Option<Rgb> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([c(0)?, c(2)?, c(4)?])
}

fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// `a` moved towards `b` by `t` (0 = a, 1 = b).
fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

#[cfg(test)]
pub(crate) fn luma(s: &str) -> f32 {
    let [r, g, b] = parse(s).unwrap();
    0.299 * r as f32 + 0.587 * g as f32 + 0.114 * b as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_colours_win_and_are_tinted() {
        let (fill, stroke) = card_colors(Some("#ff0000"), Some("#00ff00"), LaneKind::Notes);
        assert_eq!(fill, "#ffc7c7");
        assert_eq!(stroke, "#bf0000");
        let (fill, _) = card_colors(None, Some("#00ff00"), LaneKind::Notes);
        assert_eq!(fill, "#c7ffc7");
        assert_eq!(
            card_colors(Some("red"), None, LaneKind::Notes).0,
            kind_colors(LaneKind::Notes).0
        );
    }

    #[test]
    fn kind_fills_are_light_and_strokes_dark() {
        for k in LaneKind::ALL {
            let (fill, stroke) = kind_colors(k);
            assert!(
                luma(fill) > 190.0,
                "{k:?} fill {fill} too dark for black text"
            );
            assert!(
                luma(stroke) < 120.0,
                "{k:?} stroke {stroke} too light to print"
            );
        }
    }

    #[test]
    fn the_heat_ramp_darkens_from_light_to_deep_red() {
        assert_eq!(heat_color(1), "#ffd6d6");
        assert_eq!(heat_color(9), "#9b1111");
        assert_eq!(heat_color(0), heat_color(1));
        assert_eq!(heat_color(200), heat_color(9));
        for level in 1..HEAT_MAX {
            let (a, b) = (luma(&heat_color(level)), luma(&heat_color(level + 1)));
            assert!(b < a - 5.0, "level {level}: {a} then {b}");
            let [r, g, bl] = parse(&heat_color(level)).unwrap();
            assert!(r > g && r > bl, "{level} is red");
        }
    }

    #[test]
    fn adjacent_default_lane_kinds_differ_in_grey() {
        // The usual lane order on a map; neighbours must differ on a greyscale print.
        let order = LaneKind::ALL;
        for pair in order.windows(2) {
            let (a, b) = (luma(kind_colors(pair[0]).0), luma(kind_colors(pair[1]).0));
            assert!(
                (a - b).abs() >= 6.0,
                "{:?} {a} vs {:?} {b}",
                pair[0],
                pair[1]
            );
        }
    }
}
