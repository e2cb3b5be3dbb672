//! The emotion curve: one smooth line per persona across an emotion lane.

use waymark_model::{Document, Id, Map, EMOTION_MAX, EMOTION_MIN};

use crate::geom::{pt, r2, PathBuilder, Pt};
use crate::palette;
use crate::scene::{SceneEmotionLine, SceneEmotionPoint};

/// Space kept above +2 and below −2 inside the curve band, so dots and strokes stay inside.
pub(crate) const CURVE_PAD: f32 = 22.0;

/// The personas that get a line, in order: the map's own personas first (its chosen
/// order), then any other persona that has points on this map, in the points' order.
fn persona_order(map: &Map) -> Vec<&Id> {
    let mut order: Vec<&Id> = Vec::new();
    for id in map
        .persona_ids
        .iter()
        .chain(map.emotion_points.iter().map(|p| &p.persona_id))
    {
        if !order.contains(&id) {
            order.push(id);
        }
    }
    order
}

/// Lines for one emotion lane whose curve band spans `band_top..band_top + band_height`.
/// `stage_centres` gives each stage id's centre x, in stage order.
pub(crate) fn lines(
    doc: &Document,
    map: &Map,
    lane_id: &str,
    band_top: f32,
    band_height: f32,
    stage_centres: &[(&str, f32)],
) -> Vec<SceneEmotionLine> {
    let span = (EMOTION_MAX - EMOTION_MIN) as f32;
    let usable = (band_height - 2.0 * CURVE_PAD).max(0.0);
    let y_of = |v: i8| band_top + CURVE_PAD + (EMOTION_MAX - v) as f32 / span * usable;

    let mut out = Vec::new();
    for persona_id in persona_order(map) {
        let mut points = Vec::new();
        for &(stage_id, x) in stage_centres {
            // Canonical maps hold one point per persona and stage; take the first if not.
            let Some(p) = map
                .emotion_points
                .iter()
                .find(|p| &p.persona_id == persona_id && p.stage_id == stage_id)
            else {
                continue;
            };
            let value = p.value.clamp(EMOTION_MIN, EMOTION_MAX);
            points.push(SceneEmotionPoint {
                stage_id: stage_id.to_string(),
                value,
                x: r2(x),
                y: r2(y_of(value)),
            });
        }
        if points.is_empty() {
            continue;
        }
        let persona_index = doc.personas.iter().position(|p| &p.id == persona_id);
        let persona = persona_index.map(|i| &doc.personas[i]);
        // A persona unknown to the document still gets a stable colour from its map order.
        let fallback =
            palette::persona_color(persona_index.unwrap_or(doc.personas.len() + out.len()));
        let path = smooth_path(&points.iter().map(|p| pt(p.x, p.y)).collect::<Vec<_>>());
        out.push(SceneEmotionLine {
            persona_id: persona_id.clone(),
            persona_name: persona.map_or_else(|| persona_id.clone(), |p| p.name.clone()),
            color: palette::pick(persona.and_then(|p| p.color.as_deref()), fallback),
            lane_id: lane_id.to_string(),
            legend: None, // placed by the layout, which owns the gutter
            points,
            path,
        });
    }
    out
}

/// A Catmull-Rom spline through the points, written as cubic Béziers: it passes through
/// every point (the values a facilitator set) without the kinks of a polyline.
pub(crate) fn smooth_path(points: &[Pt]) -> String {
    let mut path = PathBuilder::default();
    let Some(&first) = points.first() else {
        return String::new();
    };
    path.move_to(first);
    for i in 0..points.len().saturating_sub(1) {
        let p0 = points[i.saturating_sub(1)];
        let p1 = points[i];
        let p2 = points[i + 1];
        let p3 = points[(i + 2).min(points.len() - 1)];
        let c1 = pt(p1.x + (p2.x - p0.x) / 6.0, p1.y + (p2.y - p0.y) / 6.0);
        let c2 = pt(p2.x - (p3.x - p1.x) / 6.0, p2.y - (p3.y - p1.y) / 6.0);
        path.cubic_to(c1, c2, p2);
    }
    path.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smooth_path_passes_through_points() {
        assert_eq!(smooth_path(&[]), "");
        assert_eq!(smooth_path(&[pt(1.0, 2.0)]), "M1,2");
        let d = smooth_path(&[pt(0.0, 0.0), pt(60.0, 30.0), pt(120.0, 0.0)]);
        assert_eq!(d, "M0,0 C10,5 40,30 60,30 C80,30 110,5 120,0");
    }
}
