//! The engagement ladder (DOMAIN.md, seed 000): a ladder lane shows the document's rungs
//! as guide lines, lowest at the bottom, and the rung each stage reaches as a stepped
//! line. A stage that sets no rung keeps the previous stage's level; before the first
//! stage with a rung there is no line.

use std::fmt::Write;

use waymark_model::{Document, Map};

use crate::geom::r2;
use crate::scene::{SceneLadder, SceneLadderStep, SceneRung};

/// Where the ladder's rungs sit in one lane.
pub(crate) struct RungBand {
    /// The top of the band (the top rung's row), absolute.
    pub top: f32,
    /// Vertical distance between two rungs.
    pub step: f32,
    /// How many rungs.
    pub count: usize,
}

impl RungBand {
    /// The guide's y of rung `index` (0 = lowest): each rung has a row of `step`, the
    /// highest row on top.
    pub fn y(&self, index: usize) -> f32 {
        let from_top = self.count.saturating_sub(1 + index) as f32;
        self.top + from_top * self.step + self.step / 2.0
    }
}

/// The ladder of one lane, without its text (the layout, which owns shaping, places the
/// rung names and the step labels). `columns` gives each stage's left x and width, in
/// stage order; the guides run from `x1` to `x2`.
pub(crate) fn ladder(
    doc: &Document,
    map: &Map,
    lane_id: &str,
    color: String,
    band: &RungBand,
    columns: &[(f32, f32)],
    (x1, x2): (f32, f32),
) -> SceneLadder {
    let rungs = doc
        .ladder
        .iter()
        .enumerate()
        .map(|(i, rung)| SceneRung {
            rung_id: rung.id.clone(),
            index: i as u32,
            y: r2(band.y(i)),
            x1: r2(x1),
            x2: r2(x2),
            name: None,
        })
        .collect();

    // (column index, step) for each stage from the first that reaches a rung.
    let mut steps: Vec<(usize, SceneLadderStep)> = Vec::new();
    let mut level: Option<usize> = None;
    for (si, stage) in map.stages.iter().enumerate() {
        // A rung the ladder no longer has counts as none: the level carries on.
        let own = stage
            .rung_id
            .as_deref()
            .and_then(|id| doc.ladder.iter().position(|r| r.id == id));
        let inherited = own.is_none();
        let Some(index) = own.or(level) else {
            continue;
        };
        level = Some(index);
        let (left, width) = columns[si];
        steps.push((
            si,
            SceneLadderStep {
                stage_id: stage.id.clone(),
                rung_id: doc.ladder[index].id.clone(),
                x: r2(left + width / 2.0),
                y: r2(band.y(index)),
                inherited,
                label: None,
            },
        ));
    }

    // Level through each column, rising or falling on the border with the next column.
    let mut path = String::new();
    if let Some((_, first)) = steps.first() {
        let _ = write!(path, "M{},{}", first.x, first.y);
        let mut y = first.y;
        for (si, step) in &steps[1..] {
            if step.y != y {
                let _ = write!(path, " H{} V{}", r2(columns[*si].0), step.y);
                y = step.y;
            }
        }
        if let Some((_, last)) = steps.last().filter(|_| steps.len() > 1) {
            let _ = write!(path, " H{}", last.x);
        }
    }

    SceneLadder {
        lane_id: lane_id.to_string(),
        color,
        rungs,
        steps: steps.into_iter().map(|(_, s)| s).collect(),
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_model::{default_ladder, Stage};

    fn stage(id: &str, rung: Option<&str>) -> Stage {
        Stage {
            id: id.into(),
            name: id.into(),
            color: None,
            width: 100,
            rung_id: rung.map(Into::into),
            speaker_notes: String::new(),
        }
    }

    #[test]
    fn stages_step_up_the_rungs_and_keep_their_level_without_one() {
        let doc = Document {
            ladder: default_ladder(),
            ..Default::default()
        };
        let mut map = Map::new("m", "M");
        map.stages = vec![
            stage("s0", None),
            stage("s1", Some("rung-donor")),
            stage("s2", None),
            stage("s3", Some("rung-volunteer")),
            stage("s4", Some("no-such-rung")),
        ];
        let band = RungBand {
            top: 100.0,
            step: 20.0,
            count: 5,
        };
        let columns: Vec<(f32, f32)> = (0..5).map(|i| (200.0 + 100.0 * i as f32, 100.0)).collect();
        let l = ladder(
            &doc,
            &map,
            "lane",
            "#000000".into(),
            &band,
            &columns,
            (180.0, 700.0),
        );
        // Lowest rung at the bottom row, highest at the top row.
        assert_eq!(l.rungs[0].y, 190.0);
        assert_eq!(l.rungs[4].y, 110.0);
        let got: Vec<(&str, &str, f32, bool)> = l
            .steps
            .iter()
            .map(|s| (s.stage_id.as_str(), s.rung_id.as_str(), s.y, s.inherited))
            .collect();
        assert_eq!(
            got,
            vec![
                ("s1", "rung-donor", 190.0, false),
                ("s2", "rung-donor", 190.0, true),
                ("s3", "rung-volunteer", 150.0, false),
                ("s4", "rung-volunteer", 150.0, true),
            ]
        );
        assert_eq!(l.path, "M350,190 H500 V150 H650");
    }

    #[test]
    fn no_ladder_no_steps() {
        let doc = Document::default();
        let mut map = Map::new("m", "M");
        map.stages = vec![stage("s0", Some("rung-donor"))];
        let band = RungBand {
            top: 0.0,
            step: 20.0,
            count: 0,
        };
        let l = ladder(
            &doc,
            &map,
            "lane",
            "#000000".into(),
            &band,
            &[(0.0, 10.0)],
            (0.0, 10.0),
        );
        assert!(l.rungs.is_empty() && l.steps.is_empty() && l.path.is_empty());
    }
}
