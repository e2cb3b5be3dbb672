// The stored map behind fixtures.scene(), as `map_data` returns it.

import type { CardPlan, Map as JourneyMap } from '../lib/generated/types';

const flags = { passionPoint: false, shareableMoment: false, pointOfVulnerability: false };

/** card-b's plan: a passion point with a KPI and a point of vulnerability. */
export const givingPlan = (): CardPlan => ({
  rungId: null,
  passion: {
    kpis: [
      {
        id: 'kpi-conv', name: 'Conversion', metric: 'conversion_rate', target: 4, actual: 3.2, unit: '%', better: 'up',
        history: [{ period: '2026-01', value: 3 }],
      },
    ],
    contentNeeded: 'A thank-you page',
    notes: [{ id: 'note-1', kind: 'quote', text: 'I wanted to give more' }],
  },
  vulnerability: { risk: 'Card declined', severity: 3, owner: '', mitigation: '' },
});

/** A card's plan as the backend sends it when nothing is set (CardPlan::default()). */
export const plan = (): CardPlan => ({
  rungId: null,
  passion: { kpis: [], contentNeeded: '', notes: [] },
  vulnerability: { risk: '', severity: 2, owner: '', mitigation: '' },
});

export function mapData(id = 'map-1', name = 'Donor journey'): JourneyMap {
  return {
    id,
    name,
    description: '',
    personaIds: ['p-ada'],
    stages: [
      { id: 'st-discover', name: 'Discover', color: '#123456', width: 240, rungId: null, speakerNotes: '' },
      { id: 'st-convert', name: 'Convert', color: null, width: 240, rungId: null, speakerNotes: '' },
    ],
    lanes: [
      { id: 'lane-touch', name: 'Touchpoints', kind: 'touchpoints', color: null, collapsed: false, hidden: false, hiddenForOutsiders: false },
      { id: 'lane-notes', name: 'Backstage notes', kind: 'notes', color: null, collapsed: false, hidden: true, hiddenForOutsiders: false },
      { id: 'lane-emo', name: 'Emotions', kind: 'emotions', color: '#f783ac', collapsed: false, hidden: false, hiddenForOutsiders: false },
    ],
    cards: [
      {
        id: 'card-a', stageId: 'st-discover', laneId: 'lane-touch', kind: 'touchpoints', title: 'Sees a friend’s post',
        body: 'First line', color: null, channelId: 'ch-social', personaIds: ['p-ada'],
        flags: { ...flags, shareableMoment: true }, plan: plan(), author: null, tags: [],
      },
      {
        id: 'card-b', stageId: 'st-convert', laneId: 'lane-touch', kind: 'touchpoints', title: 'Gives $10',
        body: '', color: '#e03131', channelId: null, personaIds: [],
        flags: { ...flags, passionPoint: true, pointOfVulnerability: true }, plan: givingPlan(), author: null, tags: [],
      },
      {
        id: 'card-x', stageId: 'st-convert', laneId: 'lane-touch', kind: 'touchpoints', title: 'X',
        body: '', color: null, channelId: null, personaIds: ['p-bo'], flags: { ...flags }, plan: plan(), author: null, tags: [],
      },
    ],
    connectors: [
      { id: 'conn-1', fromCardId: 'card-a', toCardId: 'card-b', kind: 'flow', label: 'then' },
      { id: 'conn-2', fromCardId: 'card-b', toCardId: 'card-a', kind: 'word_of_mouth', label: '' },
    ],
    emotionPoints: [
      { personaId: 'p-ada', stageId: 'st-discover', value: 1 },
      { personaId: 'p-ada', stageId: 'st-convert', value: 2 },
    ],
    voteRounds: [],
  };
}
