//! The part of a document an edit can change. The diff writer builds the rows of only
//! that part, before and after the edit, instead of the whole document's: a card moved
//! on a 10,000-card map compares the cards of two cells, not of the map.
//!
//! An edit without a scope here takes the whole-document diff. A scope must hold every
//! row the edit can change; the tests compare its statements with the whole diff's.

use waymark_model::{Document, Edit};

use crate::rows::{cell_rows, connector_rows, Rows};

pub(crate) enum Scope {
    /// The cards of these cells (stage id, lane id) of one map, with their own lists.
    Cells {
        map_id: String,
        cells: Vec<(String, String)>,
    },
    /// Every connector of one map.
    Connectors { map_id: String },
}

impl Scope {
    /// What `edit` can change in `doc`, which it has not been applied to yet.
    pub(crate) fn of(doc: &Document, edit: &Edit) -> Option<Scope> {
        let cell_of = |map_id: &str, card_id: &str| {
            let card = doc.map(map_id)?.card(card_id)?;
            Some((card.stage_id.clone(), card.lane_id.clone()))
        };
        let cells = |map_id: &String, cells: Vec<(String, String)>| Scope::Cells {
            map_id: map_id.clone(),
            cells,
        };
        match edit {
            Edit::MoveCard {
                map_id,
                card_id,
                stage_id,
                lane_id,
                ..
            } => {
                let from = cell_of(map_id, card_id)?;
                Some(cells(
                    map_id,
                    vec![from, (stage_id.clone(), lane_id.clone())],
                ))
            }
            Edit::UpdateCard {
                map_id, card_id, ..
            } => Some(cells(map_id, vec![cell_of(map_id, card_id)?])),
            Edit::AddCard { map_id, card, .. } => Some(cells(
                map_id,
                vec![(card.stage_id.clone(), card.lane_id.clone())],
            )),
            Edit::AddConnector { map_id, .. }
            | Edit::UpdateConnector { map_id, .. }
            | Edit::MoveConnector { map_id, .. }
            | Edit::ReorderConnector { map_id, .. }
            | Edit::DeleteConnector { map_id, .. } => Some(Scope::Connectors {
                map_id: map_id.clone(),
            }),
            _ => None,
        }
    }

    /// The scope's rows in `doc`, one `Rows` per table (the others empty).
    pub(crate) fn rows(&self, doc: &Document) -> Vec<Rows> {
        match self {
            Scope::Cells { map_id, cells } => cell_rows(doc, map_id, cells),
            Scope::Connectors { map_id } => connector_rows(doc, map_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use waymark_model::{
        generate, Card, CardPatch, Connector, ConnectorKind, ConnectorPatch, Document, Edit,
        GenerateSpec,
    };

    use super::Scope;
    use crate::rows::{rows_except, Same, TABLES};
    use crate::write::Diff;

    /// The statements of the scoped diff are exactly those of the whole-document diff.
    fn check(doc: &Document, edit: &Edit) -> Result<Document, TestCaseError> {
        let mut next = doc.clone();
        if edit.apply(&mut next).is_err() {
            return Ok(doc.clone());
        }
        let same = Same::between(doc, &next);
        let (before, after) = (rows_except(doc, &same), rows_except(&next, &same));
        let whole = Diff::of_rows(&before, &after);
        // The inverse of an added card (deleting it) takes the whole diff.
        let Some(scope) = Scope::of(doc, edit) else {
            prop_assert!(matches!(edit, Edit::DeleteCard { .. }), "{:?}", edit);
            return Ok(next);
        };
        let (b, a) = (scope.rows(doc), scope.rows(&next));
        prop_assert_eq!(Diff::of_rows(&b, &a), whole, "{:?}", edit);
        Ok(next)
    }

    fn a_doc(seed: u64, cards: u32) -> Document {
        generate(GenerateSpec {
            stages: 4,
            lanes: 3,
            cards,
            seed,
        })
    }

    /// One scoped edit of `doc`, picked by the numbers in `pick`.
    fn an_edit(doc: &Document, pick: &[usize; 5]) -> Edit {
        let map = &doc.maps[0];
        let map_id = map.id.clone();
        let card = &map.cards[pick[1] % map.cards.len()];
        let other = &map.cards[pick[2] % map.cards.len()];
        let stage = &map.stages[pick[2] % map.stages.len()];
        let lane = &map.lanes[pick[3] % map.lanes.len()];
        let connector = map.connectors.get(pick[3] % map.connectors.len().max(1));
        match (pick[0] % 9, connector) {
            (0, _) | (1, _) => Edit::MoveCard {
                map_id,
                card_id: card.id.clone(),
                stage_id: stage.id.clone(),
                lane_id: lane.id.clone(),
                index: (pick[4] % 6) as u32,
            },
            (2, _) => Edit::MoveCard {
                map_id,
                card_id: card.id.clone(),
                stage_id: card.stage_id.clone(),
                lane_id: card.lane_id.clone(),
                index: (pick[4] % 6) as u32,
            },
            (3, _) => Edit::UpdateCard {
                map_id,
                card_id: card.id.clone(),
                props: CardPatch {
                    title: Some(format!("Edited {}", pick[4])),
                    tags: Some(vec![format!("t{}", pick[4] % 3), "x".into()]),
                    ..CardPatch::default()
                },
            },
            (4, _) => Edit::AddCard {
                map_id,
                card: Card {
                    id: format!("new-card-{}", pick[4]),
                    stage_id: stage.id.clone(),
                    lane_id: lane.id.clone(),
                    kind: lane.kind,
                    title: "New".into(),
                    ..card.clone()
                },
                index: (pick[4] % 4) as u32,
            },
            (5, _) => Edit::AddConnector {
                map_id,
                connector: Connector {
                    id: format!("new-connector-{}", pick[4]),
                    from_card_id: card.id.clone(),
                    to_card_id: other.id.clone(),
                    kind: ConnectorKind::Flow,
                    label: "to".into(),
                },
                index: (pick[4] % 5) as u32,
            },
            (6, Some(c)) => Edit::ReorderConnector {
                map_id,
                connector_id: c.id.clone(),
                index: (pick[4] % 5) as u32,
            },
            (7, Some(c)) => Edit::DeleteConnector {
                map_id,
                connector_id: c.id.clone(),
            },
            (_, Some(c)) => Edit::UpdateConnector {
                map_id,
                connector_id: c.id.clone(),
                props: ConnectorPatch {
                    label: Some(format!("label {}", pick[4])),
                    ..ConnectorPatch::default()
                },
            },
            (_, None) => Edit::MoveConnector {
                map_id,
                connector_id: "none".into(),
                from_card_id: card.id.clone(),
                to_card_id: other.id.clone(),
            },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

        /// Runs of random card and connector edits (and their undos) on random maps:
        /// each scoped diff equals the whole diff.
        #[test]
        fn scoped_diff_is_the_whole_diff(
            seed in 0u64..1000,
            cards in 1u32..60,
            picks in proptest::collection::vec(any::<[usize; 5]>(), 1..8),
        ) {
            let mut doc = a_doc(seed, cards);
            for pick in &picks {
                let edit = an_edit(&doc, pick);
                let mut next = doc.clone();
                let Ok(inverse) = edit.apply(&mut next) else { continue };
                check(&doc, &edit)?;
                check(&next, &inverse)?;
                doc = next;
            }
        }
    }

    #[test]
    fn edits_outside_the_scopes_take_the_whole_diff() {
        let doc = a_doc(1, 10);
        let map = &doc.maps[0];
        let edit = Edit::DeleteCard {
            map_id: map.id.clone(),
            card_id: map.cards[0].id.clone(),
        };
        assert!(Scope::of(&doc, &edit).is_none());
    }

    #[test]
    fn the_scopes_name_their_tables() {
        assert_eq!(TABLES[crate::rows::CARDS].name, "cards");
        assert_eq!(TABLES[crate::rows::CONNECTORS].name, "connectors");
    }
}
