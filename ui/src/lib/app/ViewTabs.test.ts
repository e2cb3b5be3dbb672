// The app's views: switching by tab, by arrow keys and by Ctrl+1 … Ctrl+8; the map's
// persona filter and risk heat; a plan view showing a card on its map.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { documentState, scene } from '../../test/fixtures';
import { mapData } from '../../test/mapData';
import { email, events, report } from '../plan/channels/channelFixtures';
import type { Edit, Persona } from '../generated/types';

let app: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  clearMocks();
});

const PERSONAS: Persona[] = [
  { id: 'p-ada', name: 'Ada', segment: 'Donor', color: null, goals: '', photo: null },
  { id: 'p-bo', name: 'Bo', segment: 'Volunteer', color: null, goals: '', photo: null },
];

function backend() {
  const state = documentState();
  const calls: string[] = [];
  const edits: Edit[] = [];
  // E-mail's sign-up goal serves the passion point card-b on map-1.
  const mail = email();
  mail.plan.goals[1]!.relevantTo = 'card-b';
  const channels = [mail, events()];
  mockWindows('main');
  mockIPC(
    (cmd, args) => {
      calls.push(cmd);
      const a = (args ?? {}) as Record<string, unknown>;
      switch (cmd) {
        case 'document_state':
          return state;
        case 'map_scene_update':
          return { kind: 'full', revision: state.revision, scene: scene(a.mapId as string) };
        case 'map_data':
          return mapData(a.mapId as string);
        case 'roster':
          return { channels, personas: PERSONAS, ladder: [], participants: [] };
        case 'strategy_report':
          return report(channels);
        case 'apply_edit':
          edits.push(a.edit as Edit);
          return state;
        case 'take_startup_messages':
          return [];
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  return { calls, edits };
}

const $ = <T extends HTMLElement = HTMLElement>(testid: string) => document.querySelector<T>(`[data-testid="${testid}"]`);
const $$ = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];

async function start(): Promise<void> {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(App, { target });
  await vi.waitFor(() => expect($('canvas')).not.toBeNull());
}

function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = window): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  flushSync();
}

const current = () => $('view-panel')?.dataset.view;

describe('views', () => {
  it('are tabs, the map first, each with its shortcut', async () => {
    backend();
    await start();
    const tabs = $$('view-tabs')[0]!.querySelectorAll<HTMLButtonElement>('[role="tab"]');
    expect([...tabs].map((t) => t.textContent?.trim())).toEqual([
      'Map',
      'Channels',
      'Passion points',
      'Personas',
      'Loops',
      'Ladder',
      'Risks',
      'Workshop',
    ]);
    expect($('view-tabs')?.getAttribute('role')).toBe('tablist');
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs[0]!.tabIndex).toBe(0);
    expect(tabs[1]!.tabIndex).toBe(-1);
    expect(tabs[1]!.title).toBe('Channels (Ctrl+2)');
    expect(tabs[1]!.getAttribute('aria-keyshortcuts')).toBe('Control+2');
    const panel = $('view-panel')!;
    expect(panel.getAttribute('role')).toBe('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(panel.id);
    expect(current()).toBe('map');
  });

  it('switch by clicking a tab: a plan view takes the place of the canvas and the inspector', async () => {
    const { calls } = backend();
    await start();
    expect($('inspector')).not.toBeNull();
    $('view-tab-channels')!.click();
    flushSync();
    expect(current()).toBe('channels');
    expect($('view-tab-channels')?.getAttribute('aria-selected')).toBe('true');
    expect($('view-tab-map')?.getAttribute('aria-selected')).toBe('false');
    expect($('canvas')).toBeNull();
    expect($('inspector')).toBeNull();
    expect($('map-tools')).toBeNull();
    await vi.waitFor(() => expect($$('channel-card').map((c) => c.dataset.channelId)).toEqual(['ch-email', 'ch-events']));
    expect(calls).toContain('strategy_report');

    $('view-tab-map')!.click();
    flushSync();
    await vi.waitFor(() => expect($('canvas')).not.toBeNull());
    expect($('channels-view')).toBeNull();
  });

  it('switch with Ctrl+1 … Ctrl+8, but not while typing', async () => {
    backend();
    await start();
    press('2', { ctrlKey: true });
    expect(current()).toBe('channels');
    press('7', { metaKey: true });
    expect(current()).toBe('risks');
    press('8', { ctrlKey: true });
    expect(current()).toBe('workshop');
    press('3', { ctrlKey: true });
    expect(current()).toBe('passion');
    press('1', { ctrlKey: true });
    expect(current()).toBe('map');
    await vi.waitFor(() => expect($('canvas')).not.toBeNull());
    // Ctrl+1 on the map fits it and stays.
    press('1', { ctrlKey: true });
    expect(current()).toBe('map');

    const input = document.createElement('input');
    document.body.append(input);
    press('2', { ctrlKey: true }, input);
    expect(current()).toBe('map');
  });

  it('move with the arrow keys, Home and End inside the tab list', async () => {
    backend();
    await start();
    const first = $('view-tab-map')!;
    first.focus();
    press('ArrowRight', {}, first);
    expect(current()).toBe('channels');
    expect(document.activeElement).toBe($('view-tab-channels'));
    press('End', {}, document.activeElement!);
    expect(current()).toBe('workshop');
    press('ArrowRight', {}, document.activeElement!);
    expect(current()).toBe('map');
    press('ArrowLeft', {}, document.activeElement!);
    expect(current()).toBe('workshop');
    press('Home', {}, document.activeElement!);
    expect(current()).toBe('map');
  });

  it('the map filters to a persona and shows the risk heat', async () => {
    backend();
    await start();
    const select = $<HTMLSelectElement>('persona-filter')!;
    await vi.waitFor(() => expect([...select.options].map((o) => o.textContent)).toEqual(['All personas', 'Ada', 'Bo']));
    expect(select.closest('label')?.textContent).toContain('Persona');
    expect(document.querySelector('.persona-line.dimmed')).toBeNull();
    select.value = 'p-bo';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    // Ada's emotion line fades when the map shows Bo's path.
    await vi.waitFor(() => expect(document.querySelector('.persona-line.dimmed')).not.toBeNull());

    const heat = $('risk-heat')!;
    expect(heat.getAttribute('aria-pressed')).toBe('false');
    expect($('heat')).toBeNull();
    heat.click();
    flushSync();
    expect(heat.getAttribute('aria-pressed')).toBe('true');
    expect($('heat')).not.toBeNull();

    // Both survive a trip to another view.
    press('2', { ctrlKey: true });
    press('1', { ctrlKey: true });
    await vi.waitFor(() => expect($('canvas')).not.toBeNull());
    expect($<HTMLSelectElement>('persona-filter')!.value).toBe('p-bo');
    expect($('risk-heat')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('a plan view shows a card on its map: the map view, that map, that card selected', async () => {
    backend();
    await start();
    press('2', { ctrlKey: true });
    await vi.waitFor(() => expect($$('channel-card')).toHaveLength(2));
    document.querySelector<HTMLElement>('[data-testid="channel-card"][data-channel-id="ch-email"]')!.click();
    flushSync();
    let show: HTMLButtonElement | undefined;
    await vi.waitFor(() => {
      show = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="goal"] button')].find((b) => b.textContent === 'Show on map');
      expect(show).toBeDefined();
    });
    show!.click();
    await vi.waitFor(() => expect(current()).toBe('map'));
    await vi.waitFor(() => expect(document.querySelector('[data-card-id="card-b"]')?.getAttribute('aria-selected')).toBe('true'));
  });
});
