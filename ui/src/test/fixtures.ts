// A small document and scene, shaped like the backend's answers, for unit tests.

import type { DocumentState, Scene, SceneCard, TextLine } from '../lib/generated/types';

const line = (text: string, x: number, y: number): TextLine => ({ text, x, y, width: text.length * 7 });

export const XSS_TITLE = '<script>alert(1)</script>';

export function documentState(overrides: Partial<DocumentState> = {}): DocumentState {
  return {
    path: '/home/ada/Journeys.waymark',
    name: 'Journeys',
    revision: 7,
    undoLabel: 'Move card',
    redoLabel: null,
    schemaVersion: 2,
    maps: [
      { id: 'map-1', name: 'Donor journey', stageCount: 2, laneCount: 2, cardCount: 3, connectorCount: 1 },
      { id: 'map-2', name: 'Volunteer journey', stageCount: 1, laneCount: 1, cardCount: 0, connectorCount: 0 },
    ],
    ...overrides,
  };
}

function card(id: string, stageId: string, x: number, y: number, title: string, extra: Partial<SceneCard> = {}): SceneCard {
  return {
    id,
    stageId,
    laneId: 'lane-touch',
    kind: 'touchpoints',
    index: 0,
    x,
    y,
    width: 200,
    height: 72,
    fill: '#fff9db',
    stroke: '#f2d36b',
    title: [line(title, x + 12, y + 22)],
    body: [line('First line of body', x + 12, y + 42), line('second line', x + 12, y + 58)],
    titleText: title,
    channel: null,
    flags: { passionPoint: false, shareableMoment: false, pointOfVulnerability: false },
    severity: null,
    ...extra,
  };
}

export function scene(mapId = 'map-1', mapName = 'Donor journey'): Scene {
  return {
    mapId,
    mapName,
    width: 640,
    height: 360,
    headerHeight: 56,
    gutterWidth: 160,
    stages: [
      { id: 'st-discover', index: 0, x: 160, width: 240, color: '#4dabf7', name: [line('Discover', 176, 34)] },
      { id: 'st-convert', index: 1, x: 400, width: 240, color: '#69db7c', name: [line('Convert', 416, 34)] },
    ],
    lanes: [
      {
        id: 'lane-touch', index: 0, kind: 'touchpoints', y: 56, height: 200, color: '#748ffc', collapsed: false,
        cardCount: 3, countX: 144, name: [line('Touchpoints', 16, 80)],
      },
      {
        id: 'lane-emo', index: 1, kind: 'emotions', y: 256, height: 104, color: '#f783ac', collapsed: false,
        cardCount: 0, countX: 144, name: [line('Emotions', 16, 280)],
      },
    ],
    cards: [
      card('card-a', 'st-discover', 176, 72, 'Sees a friend’s post', {
        height: 100,
        channel: { id: 'ch-social', x: 188, y: 142, width: 216, height: 20, icon: 'S', name: 'Social', color: '#1c7ed6' },
        flags: { passionPoint: false, shareableMoment: true, pointOfVulnerability: false },
      }),
      card('card-b', 'st-convert', 416, 72, 'Gives $10', {
        flags: { passionPoint: true, shareableMoment: false, pointOfVulnerability: true },
        severity: 3,
      }),
      card('card-x', 'st-convert', 416, 160, XSS_TITLE, { index: 1 }),
    ],
    connectors: [
      {
        id: 'conn-1', kind: 'flow', fromCardId: 'card-a', toCardId: 'card-b',
        path: 'M376 108 C396 108 396 108 416 108', endX: 416, endY: 108, endAngle: 0,
        label: line('then', 380, 100),
        bounds: { x: 366, y: 82, width: 60, height: 36 },
      },
      {
        id: 'conn-2', kind: 'word_of_mouth', fromCardId: 'card-b', toCardId: 'card-a',
        path: 'M516 72 C516 40 276 40 276 72', endX: 276, endY: 72, endAngle: 90, label: null,
        bounds: { x: 266, y: 30, width: 260, height: 52 },
      },
    ],
    emotionLines: [
      {
        personaId: 'p-ada', personaName: 'Ada', color: '#e64980', laneId: 'lane-emo',
        legend: line('Ada', 32, 306),
        points: [
          { stageId: 'st-discover', value: 1, x: 280, y: 290 },
          { stageId: 'st-convert', value: 2, x: 520, y: 270 },
        ],
        path: 'M280 290 C400 290 400 270 520 270',
      },
    ],
    ladder: [],
    heat: [],
    fonts: {
      family: 'Inter', titleSize: 14, titleWeight: 600, bodySize: 12, bodyWeight: 400,
      headerSize: 14, headerWeight: 600, lineHeight: 1.35,
    },
  };
}
