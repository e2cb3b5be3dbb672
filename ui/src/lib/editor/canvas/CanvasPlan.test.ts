import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { editor } from '../editor.svelte';
import type { Scene } from '../../generated/types';
import Canvas from './Canvas.svelte';
import { scene as baseScene } from '../../../test/fixtures';
import { mapData } from '../../../test/mapData';

let component: ReturnType<typeof mount> | null = null;
let mapDataCalls = 0;

beforeEach(() => {
  editor.reset();
  mapDataCalls = 0;
  mockIPC((cmd, args) => {
    if (cmd === 'map_data') {
      mapDataCalls += 1;
      return mapData((args as { mapId: string }).mapId);
    }
    return null;
  });
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

/** The fixture scene with Bo's emotion line, a heat band over Convert and a ladder lane. */
function scene(): Scene {
  const s = baseScene();
  const ada = s.emotionLines[0]!;
  s.emotionLines.push({ ...ada, personaId: 'p-bo', personaName: 'Bo', color: '#1c7ed6', legend: null });
  s.heat = [{ stageId: 'st-convert', x: 400, width: 240, level: 5, color: '#cd7474' }];
  s.ladder = [
    {
      laneId: 'lane-ladder',
      color: '#7048e8',
      rungs: [
        { rungId: 'rung-donor', index: 0, y: 340, x1: 160, x2: 640, name: { text: 'Donor', x: 32, y: 344, width: 40 } },
        { rungId: 'rung-volunteer', index: 1, y: 316, x1: 160, x2: 640, name: { text: 'Volunteer', x: 32, y: 320, width: 60 } },
      ],
      steps: [
        { stageId: 'st-discover', rungId: 'rung-donor', x: 280, y: 340, inherited: false, label: { text: 'Donor', x: 262, y: 331, width: 36 } },
        { stageId: 'st-convert', rungId: 'rung-donor', x: 520, y: 340, inherited: true, label: null },
      ],
      path: 'M280,340 H520',
    },
  ];
  return s;
}

function draw(props: { personaFilter?: string | null; showHeat?: boolean; scene?: Scene }) {
  component = mount(Canvas, {
    target: document.body,
    props: { scene: props.scene ?? scene(), revision: 7, fitKey: 'doc\u0000map-1', personaFilter: props.personaFilter ?? null, showHeat: props.showHeat ?? false },
  });
  flushSync();
}

const card = (id: string) => document.querySelector<SVGGElement>(`[data-testid="card"][data-card-id="${id}"]`)!;
const line = (personaId: string) => document.querySelector(`[data-testid="emotion-line"][data-persona-id="${personaId}"]`)!.parentElement!;

describe('the canvas filtered to a persona', () => {
  it('fades the cards not on the persona’s path, and the other personas’ emotion lines', async () => {
    draw({ personaFilter: 'p-ada' });
    await vi.waitFor(() => expect(card('card-x').classList.contains('dimmed')).toBe(true));
    expect(card('card-a').classList.contains('dimmed')).toBe(false);
    // A card tagged with no persona is a shared step: on every path.
    expect(card('card-b').classList.contains('dimmed')).toBe(false);
    expect(card('card-x').getAttribute('aria-label')).toContain('not on this persona’s path');
    expect(line('p-bo').classList.contains('dimmed')).toBe(true);
    expect(line('p-ada').classList.contains('dimmed')).toBe(false);
    expect(mapDataCalls).toBe(1);
  });

  it('fades nothing and fetches nothing without a filter', async () => {
    draw({});
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelectorAll('[data-testid="card"].dimmed')).toHaveLength(0);
    expect(document.querySelectorAll('.persona-line.dimmed')).toHaveLength(0);
    expect(mapDataCalls).toBe(0);
  });
});

describe('the risk heat bands', () => {
  it('are drawn behind the cards over the lanes, with a label in the stage header, when asked for', () => {
    draw({ showHeat: true });
    const bands = document.querySelectorAll('[data-testid="heat-band"]');
    expect(bands).toHaveLength(1);
    const rect = bands[0]!.querySelector('rect')!;
    expect([rect.getAttribute('x'), rect.getAttribute('y'), rect.getAttribute('width'), rect.getAttribute('height')]).toEqual([
      '400', '56', '240', '304',
    ]);
    expect(rect.getAttribute('fill')).toBe('#cd7474');
    expect(bands[0]!.querySelector('text')?.textContent).toBe('Risk ●●● 5');
    // Behind the cards: the heat comes before the cards in the drawing order.
    const heat = document.querySelector('[data-testid="heat"]')!;
    const cards = document.querySelector('g.cards')!;
    expect(heat.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('are not drawn otherwise', () => {
    draw({ showHeat: false });
    expect(document.querySelectorAll('[data-testid="heat-band"]')).toHaveLength(0);
  });
});

describe('plan marks on the map', () => {
  it('marks a point of vulnerability with one "!" per level of severity', () => {
    draw({});
    expect(card('card-b').querySelectorAll('[data-testid="severity-mark"]')).toHaveLength(3);
    expect(card('card-b').querySelector('.marker-vulnerability title')?.textContent).toBe('Point of vulnerability · severity High');
    expect(card('card-b').getAttribute('aria-label')).toContain('point of vulnerability, high severity');
  });

  it('draws an engagement-ladder lane: rung guides and names, the stepped line and the markers', () => {
    draw({});
    const ladder = document.querySelector('[data-testid="ladder"]')!;
    expect(ladder.getAttribute('data-lane-id')).toBe('lane-ladder');
    expect([...ladder.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Donor', 'Volunteer', 'Donor']);
    expect(ladder.querySelector('path')?.getAttribute('d')).toBe('M280,340 H520');
    expect(ladder.querySelectorAll('circle')).toHaveLength(2);
  });
});
