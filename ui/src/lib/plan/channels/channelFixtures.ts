// Channels, shaped like the backend's answers, for the Channels view's tests.

import type { Channel, ChannelReport, DocumentState, HandOff, PerformanceImport, Roster, StrategyReport } from '../../generated/types';

export const RULE =
  'On track: the actual meets or beats the target. At risk: it misses by 10 % of the target or less. Off track: it misses by more.';

/** E-mail: two goals (one complete, one missing Relevant and Time-bound), three reviewed months. */
export function email(): Channel {
  return {
    id: 'ch-email',
    name: 'E-mail',
    icon: '✉',
    color: '#1c7ed6',
    plan: {
      ownership: 'owned',
      reach: 'online',
      job: {
        roleTitle: 'Relationship keeper',
        purpose: 'Keeps donors close between gifts',
        responsibilities: 'Welcome series\nMonthly newsletter',
        owner: 'Ada',
        worksWith: ['ch-events'],
      },
      goals: [
        {
          id: 'goal-open',
          statement: 'Half of the donors open the monthly newsletter',
          metric: 'open rate',
          target: 50,
          unit: '%',
          baseline: 38,
          better: 'up',
          period: 'monthly',
          relevantTo: 'st-convert',
        },
        {
          id: 'goal-signups',
          statement: 'Sign-ups from the welcome series',
          metric: 'sign-ups',
          target: 200,
          unit: 'people',
          baseline: null,
          better: 'up',
          period: '',
          relevantTo: null,
        },
      ],
      reviews: [
        {
          month: '2026-01',
          actuals: [
            { goalId: 'goal-open', value: 52 },
            { goalId: 'goal-signups', value: 150 },
          ],
          supportNote: 'Announced the spring event',
        },
        { month: '2026-02', actuals: [{ goalId: 'goal-open', value: 46 }], supportNote: '' },
        { month: '2026-03', actuals: [{ goalId: 'goal-open', value: 40 }], supportNote: '' },
      ],
    },
  };
}

export function events(): Channel {
  return {
    id: 'ch-events',
    name: 'Events',
    icon: 'E',
    color: null,
    plan: {
      ownership: 'owned',
      reach: 'offline',
      job: { roleTitle: '', purpose: '', responsibilities: '', owner: '', worksWith: [] },
      goals: [],
      reviews: [],
    },
  };
}

export function social(): Channel {
  return {
    id: 'ch-social',
    name: 'Social',
    icon: 'S',
    color: null,
    plan: {
      ownership: 'earned',
      reach: 'online',
      job: { roleTitle: 'Town crier', purpose: '', responsibilities: '', owner: '', worksWith: [] },
      goals: [],
      reviews: [],
    },
  };
}

export function emailReport(): ChannelReport {
  return {
    channelId: 'ch-email',
    goals: [
      {
        goalId: 'goal-open',
        months: [
          { month: '2026-01', actual: 52, status: 'on_track' },
          { month: '2026-02', actual: 46, status: 'at_risk' },
          { month: '2026-03', actual: 40, status: 'off_track' },
        ],
        latest: 'off_track',
        missing: [],
      },
      {
        goalId: 'goal-signups',
        months: [
          { month: '2026-01', actual: 150, status: 'off_track' },
          { month: '2026-02', actual: null, status: null },
          { month: '2026-03', actual: null, status: null },
        ],
        latest: null,
        missing: ['relevant', 'time_bound'],
      },
    ],
    latestMonth: '2026-03',
    status: 'off_track',
    cardCount: 4,
  };
}

export const HAND_OFFS: HandOff[] = [
  // Declared and used.
  { fromChannelId: 'ch-email', toChannelId: 'ch-events', count: 3, declared: true },
  // Used, not declared.
  { fromChannelId: 'ch-social', toChannelId: 'ch-email', count: 2, declared: false },
  // Declared, not used.
  { fromChannelId: 'ch-events', toChannelId: 'ch-social', count: 0, declared: true },
];

export function report(channels: readonly Channel[]): StrategyReport {
  return {
    rule: RULE,
    channels: channels.map((c) =>
      c.id === 'ch-email'
        ? emailReport()
        : { channelId: c.id, goals: [], latestMonth: null, status: null, cardCount: c.id === 'ch-social' ? 1 : 0 },
    ),
    passionPoints: [
      {
        mapId: 'map-1',
        mapName: 'Donor journey',
        cardId: 'card-b',
        title: 'Gives $10',
        stageName: 'Convert',
        channelId: null,
        kpis: [],
        status: null,
      },
    ],
    handOffs: HAND_OFFS,
    loops: [],
    vulnerabilities: [],
  };
}

export function roster(channels: Channel[] = [email(), events(), social()]): Roster {
  return { channels, personas: [], ladder: [], participants: [] };
}

export function docState(revision = 7): DocumentState {
  return {
    path: '/home/ada/Journeys.waymark',
    name: 'Journeys',
    revision,
    undoLabel: null,
    redoLabel: null,
    schemaVersion: 1,
    maps: [{ id: 'map-1', name: 'Donor journey', stageCount: 2, laneCount: 2, cardCount: 3, connectorCount: 1 }],
  };
}

export function goodImport(): PerformanceImport {
  return {
    rows: [
      {
        line: 2, month: '2026-04', channelId: 'ch-email', channelName: 'E-mail', goalId: 'goal-open',
        metric: 'open rate', value: 48, previous: null,
      },
      {
        line: 3, month: '2026-03', channelId: 'ch-email', channelName: 'E-mail', goalId: 'goal-open',
        metric: 'open rate', value: 41.5, previous: 40,
      },
    ],
    problems: [],
    months: ['2026-03', '2026-04'],
    edit: { type: 'Batch', edits: [] },
  };
}

export function badImport(): PerformanceImport {
  return {
    rows: [
      {
        line: 2, month: '2026-04', channelId: 'ch-email', channelName: 'E-mail', goalId: 'goal-open',
        metric: 'open rate', value: 48, previous: null,
      },
    ],
    problems: [
      { line: 3, column: 'channel', message: 'there is no channel “Fax”' },
      { line: 4, column: 'value', message: '“12,5” is not a number' },
    ],
    months: ['2026-04'],
    edit: null,
  };
}
