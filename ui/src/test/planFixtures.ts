// The strategist's data for tests of the plan views, the inspector's plan sections and
// the canvas's persona filter and heat bands: a roster, a StrategyReport and a backend
// double that answers them and records every command.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { Channel, DocumentState, Edit, Kpi, Persona, Roster, Rung, StrategyReport } from '../lib/generated/types';
import { documentState, scene } from './fixtures';
import { givingPlan, mapData } from './mapData';

export const RULE =
  'On track: the actual meets or beats the target. At risk: it misses by 10 % of the target or less. Off track: it misses by more.';

const kpi = (id: string, name: string, target: number, actual: number): Kpi => ({
  id, name, metric: name.toLowerCase(), target, actual, unit: '', better: 'up', history: [],
});

const channel = (id: string, name: string, icon: string): Channel => ({
  id,
  name,
  icon,
  color: null,
  plan: {
    ownership: 'owned',
    reach: 'online',
    job: { roleTitle: '', purpose: '', responsibilities: '', owner: '', worksWith: [] },
    goals: [],
    reviews: [],
  },
});

export const persona = (id: string, name: string, extra: Partial<Persona> = {}): Persona => ({
  id,
  name,
  segment: '',
  color: null,
  goals: '',
  photo: null,
  ...extra,
});

export const LADDER: Rung[] = [
  { id: 'rung-donor', name: 'Donor', commitment: '$10 first gift' },
  { id: 'rung-volunteer', name: 'Volunteer', commitment: 'Gives time every month' },
  { id: 'rung-advocate', name: 'Advocate', commitment: 'Brings friends' },
];

export function roster(overrides: Partial<Roster> = {}): Roster {
  return {
    channels: [channel('ch-social', 'Social', 'S'), channel('ch-mail', 'E-mail', '@')],
    personas: [persona('p-ada', 'Ada Lovelace', { segment: 'First-time donors', goals: 'Give without fuss' }), persona('p-bo', 'Bo')],
    ladder: LADDER.map((r) => ({ ...r })),
    participants: [],
    ...overrides,
  };
}

export function report(overrides: Partial<StrategyReport> = {}): StrategyReport {
  return {
    rule: RULE,
    channels: [],
    passionPoints: [
      {
        mapId: 'map-1', mapName: 'Donor journey', cardId: 'card-a', title: 'Sees a friend’s post', stageName: 'Discover',
        channelId: 'ch-social', kpis: [], status: null,
      },
      {
        mapId: 'map-1', mapName: 'Donor journey', cardId: 'card-b', title: 'Gives $10', stageName: 'Convert',
        channelId: 'ch-mail', kpis: [{ kpiId: 'kpi-conv', status: 'at_risk', kpi: givingPlan().passion.kpis[0]! }], status: 'at_risk',
      },
      {
        mapId: 'map-2', mapName: 'Volunteer journey', cardId: 'card-v', title: 'Signs up to volunteer', stageName: 'Join',
        channelId: null, kpis: [{ kpiId: 'kpi-v', status: 'off_track', kpi: kpi('kpi-v', 'Sign-ups', 40, 22) }], status: 'off_track',
      },
      {
        mapId: 'map-2', mapName: 'Volunteer journey', cardId: 'card-w', title: 'First shift', stageName: 'Serve',
        channelId: null, kpis: [{ kpiId: 'kpi-w', status: 'on_track', kpi: kpi('kpi-w', 'Shows up', 80, 85) }], status: 'on_track',
      },
    ],
    handOffs: [],
    loops: [
      {
        mapId: 'map-1', mapName: 'Donor journey', connectorId: 'conn-2', kind: 'word_of_mouth', label: 'tells a friend',
        fromCardId: 'card-b', fromTitle: 'Gives $10', fromStage: 'Convert',
        toCardId: 'card-a', toTitle: 'Sees a friend’s post', toStage: 'Discover',
      },
      {
        mapId: 'map-1', mapName: 'Donor journey', connectorId: 'conn-9', kind: 'loop_back', label: '',
        fromCardId: 'card-x', fromTitle: 'Lapses', fromStage: 'Convert',
        toCardId: 'card-b', toTitle: 'Gives $10', toStage: 'Convert',
      },
    ],
    vulnerabilities: [
      {
        mapId: 'map-1', mapName: 'Donor journey', cardId: 'card-b', title: 'Gives $10', stageId: 'st-convert', stageName: 'Convert',
        vulnerability: { risk: 'Card declined', severity: 3, owner: '', mitigation: '' },
      },
      {
        mapId: 'map-1', mapName: 'Donor journey', cardId: 'card-x', title: 'Lapses', stageId: 'st-convert', stageName: 'Convert',
        vulnerability: { risk: 'Forgets', severity: 1, owner: 'Sam', mitigation: 'Reminder e-mail' },
      },
    ],
    ...overrides,
  };
}

export interface Backend {
  /** Every command in the order it came, with its arguments. */
  calls: Array<{ cmd: string; args: Record<string, unknown> }>;
  edits: Edit[];
}

type Answer = (args: Record<string, unknown>, backend: Backend) => unknown;

/**
 * A backend double: the fixtures' document, maps and scenes, `roster` and
 * `strategy_report`, and every `apply_edit` recorded (answered with a newer revision).
 * `answers` replaces or adds commands.
 */
export function planBackend(answers: Record<string, Answer> = {}): Backend {
  const backend: Backend = { calls: [], edits: [] };
  let revision = 7;
  const state = (): DocumentState => documentState({ revision });
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    backend.calls.push({ cmd, args });
    const answer = answers[cmd];
    if (answer) return answer(args, backend);
    switch (cmd) {
      case 'document_state':
        return state();
      case 'map_scene':
        return scene(args.mapId as string);
      case 'map_data':
        return mapData(args.mapId as string);
      case 'roster':
        return roster();
      case 'strategy_report':
        return report();
      case 'apply_edit':
        backend.edits.push(args.edit as Edit);
        revision += 1;
        return state();
      default:
        return null;
    }
  });
  return backend;
}

export const settle = () => new Promise((r) => setTimeout(r, 0));
