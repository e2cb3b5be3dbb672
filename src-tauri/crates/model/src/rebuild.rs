//! A document rebuilt from nothing through the edits, so it is checked by exactly the
//! rules the editor enforces and comes out in canonical order. Used for everything that
//! arrives whole: a file being loaded, a template, a test fixture.

use crate::edit::{add_map_indexed, MapIds};
use crate::{ChannelPatch, Document, Edit, EditError};

impl Document {
    /// The same document, built again edit by edit; refused if any part breaks a rule.
    ///
    /// The ladder comes first (stages and cards name its rungs). A channel's hand-offs
    /// name other channels, so channels are added without them and given them once all exist.
    pub fn rebuilt(&self) -> Result<Document, EditError> {
        let mut out = Document::default();
        let mut hand_offs = Vec::new();
        let ladder = (!self.ladder.is_empty()).then(|| Edit::SetLadder {
            rungs: self.ladder.clone(),
        });
        let channels: Vec<Edit> = self
            .channels
            .iter()
            .map(|c| {
                let mut channel = c.clone();
                if !c.plan.job.works_with.is_empty() {
                    channel.plan.job.works_with.clear();
                    hand_offs.push(Edit::UpdateChannel {
                        channel_id: c.id.clone(),
                        props: ChannelPatch::hand_offs(c.plan.job.works_with.clone()),
                    });
                }
                Edit::AddChannel {
                    channel,
                    index: u32::MAX,
                }
            })
            .collect();
        let edits = ladder
            .into_iter()
            .chain(channels)
            .chain(hand_offs)
            .chain(self.personas.iter().map(|p| Edit::AddPersona {
                persona: p.clone(),
                index: u32::MAX,
            }))
            .chain(self.participants.iter().map(|p| Edit::AddParticipant {
                participant: p.clone(),
                index: u32::MAX,
            }));
        for edit in edits {
            edit.apply(&mut out)?;
        }
        // The maps last, as `Edit::AddMap` would add them, with the ids of the maps added
        // so far kept in an index: a file of many maps loads in time growing with its size.
        let mut ids = MapIds::default();
        for map in &self.maps {
            add_map_indexed(&mut out, map, u32::MAX, &mut ids)?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{generate, Document, Edit, EditError, GenerateSpec, Map};

    /// The map's ids with `prefix` before each, except the card `keep`.
    fn renamed(map: &Map, prefix: &str, keep: &str) -> Map {
        let p = |id: &str| format!("{prefix}{id}");
        let mut m = map.clone();
        m.id = p(&m.id);
        m.stages.iter_mut().for_each(|s| s.id = p(&s.id));
        m.lanes.iter_mut().for_each(|l| l.id = p(&l.id));
        for c in &mut m.cards {
            if c.id != keep {
                c.id = p(&c.id);
            }
            c.stage_id = p(&c.stage_id);
            c.lane_id = p(&c.lane_id);
        }
        for k in &mut m.connectors {
            k.id = p(&k.id);
            for end in [&mut k.from_card_id, &mut k.to_card_id] {
                if *end != keep {
                    *end = p(end);
                }
            }
        }
        m.emotion_points
            .iter_mut()
            .for_each(|e| e.stage_id = p(&e.stage_id));
        m
    }

    fn many_maps(keep: &str) -> Document {
        let mut doc = generate(GenerateSpec {
            stages: 4,
            lanes: 4,
            cards: 60,
            seed: 3,
        });
        let first = doc.maps[0].clone();
        // The third map and the last share the card `keep`.
        doc.maps = (0..5)
            .map(|i| renamed(&first, &format!("m{i}-"), if i == 2 { keep } else { "" }))
            .collect();
        doc.maps.push(renamed(&first, "last-", keep));
        doc
    }

    #[test]
    fn many_maps_rebuild_unchanged() {
        let doc = many_maps("");
        assert_eq!(doc.rebuilt().unwrap(), doc);
    }

    #[test]
    fn an_id_used_by_an_earlier_map_is_refused_as_adding_the_map_refuses_it() {
        let doc = many_maps("c7");
        let err = doc.rebuilt().unwrap_err();
        assert_eq!(
            err,
            EditError::DuplicateId {
                entity: "card",
                id: "c7".into()
            }
        );
        // The same answer as the edit gives on the document before the last map.
        let mut before = doc.clone();
        let last = before.maps.pop().unwrap();
        let mut before = before.rebuilt().unwrap();
        let edit = Edit::AddMap {
            map: last,
            index: u32::MAX,
        };
        assert_eq!(edit.apply(&mut before).unwrap_err(), err);
    }
}
