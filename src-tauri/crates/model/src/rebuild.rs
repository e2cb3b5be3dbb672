//! A document rebuilt from nothing through the edits, so it is checked by exactly the
//! rules the editor enforces and comes out in canonical order. Used for everything that
//! arrives whole: a file being loaded, a template, a test fixture.

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
            }))
            .chain(self.maps.iter().map(|m| Edit::AddMap {
                map: m.clone(),
                index: u32::MAX,
            }));
        for edit in edits {
            edit.apply(&mut out)?;
        }
        Ok(out)
    }
}
