//! The stream of edits the child applies and the parent replays: deterministic for a
//! seed, so "the first R changes" names exactly one document.

use waymark_model::interchange::map_from_json;
use waymark_model::*;
use waymark_store::{Store, StoreError};

/// A small fast generator (SplitMix64); no dependency, same numbers everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The document every run starts from.
pub fn start() -> Document {
    generate(GenerateSpec {
        stages: 6,
        lanes: 4,
        cards: 40,
        seed: 7,
    })
}

/// The child's stream: edits, batches, undo, redo and imports, in a fixed mix.
pub struct Stream {
    rng: Rng,
    /// A map as the interchange JSON, imported now and then.
    import: String,
    step: u64,
}

impl Stream {
    pub fn new(seed: u64) -> Stream {
        let doc = start();
        let import = waymark_model::interchange::map_to_json(&doc, &doc.maps[0].id)
            .expect("the start map exports");
        Stream {
            rng: Rng::new(seed),
            import,
            step: 0,
        }
    }

    /// One step on `store`: `Some(revision)` when it saved a change, `None` when there
    /// was nothing to do (undo with nothing to undo, an edit the model refused).
    /// Any other store error is a failure of the store and is returned.
    pub fn step(&mut self, store: &mut Store) -> Result<Option<u64>, StoreError> {
        self.step += 1;
        let roll = self.rng.below(100);
        let result = match roll {
            0..=69 => {
                let edit = if roll < 15 {
                    let n = 2 + self.rng.below(3);
                    let edits = (0..n)
                        .filter_map(|_| self.simple(store.document()))
                        .collect();
                    Some(Edit::Batch { edits })
                } else {
                    self.simple(store.document())
                };
                match edit {
                    Some(edit) => store.apply(&edit).map(Some),
                    None => Ok(None),
                }
            }
            70..=81 => store.undo(),
            82..=93 => store.redo(),
            _ => {
                let doc = store.document();
                let edit = if doc.maps.len() >= 3 {
                    Edit::DeleteMap {
                        map_id: doc.maps[doc.maps.len() - 1].id.clone(),
                    }
                } else {
                    map_from_json(&self.import, "crash.json", doc)
                        .expect("the start map imports")
                        .edit
                };
                store.apply(&edit).map(Some)
            }
        };
        match result {
            Ok(change) => Ok(change.map(|c| c.revision)),
            Err(StoreError::EditRefused(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A card move, a card's text, or a connector re-attached.
    fn simple(&mut self, doc: &Document) -> Option<Edit> {
        let map = &doc.maps[self.rng.below(doc.maps.len())];
        if map.cards.is_empty() || map.stages.is_empty() || map.lanes.is_empty() {
            return None;
        }
        let card = &map.cards[self.rng.below(map.cards.len())];
        match self.rng.below(10) {
            0..=3 => Some(Edit::MoveCard {
                map_id: map.id.clone(),
                card_id: card.id.clone(),
                stage_id: map.stages[self.rng.below(map.stages.len())].id.clone(),
                lane_id: card.lane_id.clone(),
                index: self.rng.below(3) as u32,
            }),
            4..=7 => {
                let words = 1 + self.rng.below(40);
                let body: Vec<String> = (0..words)
                    .map(|i| format!("w{}", (self.step + i as u64) % 97))
                    .collect();
                Some(Edit::UpdateCard {
                    map_id: map.id.clone(),
                    card_id: card.id.clone(),
                    props: CardPatch {
                        title: Some(format!("step {} ✓", self.step)),
                        body: Some(body.join(" ")),
                        ..Default::default()
                    },
                })
            }
            _ => {
                let connector = map.connectors.get(self.rng.below(map.connectors.len()))?;
                let to = &map.cards[self.rng.below(map.cards.len())];
                Some(Edit::MoveConnector {
                    map_id: map.id.clone(),
                    connector_id: connector.id.clone(),
                    from_card_id: card.id.clone(),
                    to_card_id: to.id.clone(),
                })
            }
        }
    }
}
