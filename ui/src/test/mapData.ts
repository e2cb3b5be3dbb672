// The stored map behind fixtures.scene(), as `map_data` returns it.

import type { Map as JourneyMap } from '../lib/generated/types';

const flags = { passionPoint: false, shareableMoment: false, pointOfVulnerability: false };

export function mapData(id = 'map-1', name = 'Donor journey'): JourneyMap {
  return {
    id,
    name,
    description: '',
    personaIds: ['p-ada'],
    stages: [
      { id: 'st-discover', name: 'Discover', color: '#123456', width: 240 },
      { id: 'st-convert', name: 'Convert', color: null, width: 240 },
    ],
    lanes: [
      { id: 'lane-touch', name: 'Touchpoints', kind: 'touchpoints', color: null, collapsed: false, hidden: false },
      { id: 'lane-notes', name: 'Backstage notes', kind: 'notes', color: null, collapsed: false, hidden: true },
      { id: 'lane-emo', name: 'Emotions', kind: 'emotions', color: '#f783ac', collapsed: false, hidden: false },
    ],
    cards: [
      {
        id: 'card-a', stageId: 'st-discover', laneId: 'lane-touch', kind: 'touchpoints', title: 'Sees a friend’s post',
        body: 'First line', color: null, channelId: 'ch-social', personaIds: ['p-ada'],
        flags: { ...flags, shareableMoment: true },
      },
      {
        id: 'card-b', stageId: 'st-convert', laneId: 'lane-touch', kind: 'touchpoints', title: 'Gives $10',
        body: '', color: '#e03131', channelId: null, personaIds: [],
        flags: { ...flags, passionPoint: true, pointOfVulnerability: true },
      },
      {
        id: 'card-x', stageId: 'st-convert', laneId: 'lane-touch', kind: 'touchpoints', title: 'X',
        body: '', color: null, channelId: null, personaIds: [], flags: { ...flags },
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
  };
}
