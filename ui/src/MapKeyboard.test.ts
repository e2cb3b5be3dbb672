// App-level tests of keyboard travel: the map is one Tab stop with arrow keys inside it
// (roving focus), and F6 / Shift+F6 cycle the window's regions.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { documentState, scene } from './test/fixtures';
import { mapData } from './test/mapData';

let app: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  clearMocks();
});

function backend(): void {
  mockWindows('main');
  mockIPC(
    (cmd, args) => {
      switch (cmd) {
        case 'document_state':
          return documentState();
        case 'map_scene':
          return scene((args as { mapId: string }).mapId);
        case 'map_data':
          return mapData((args as { mapId: string }).mapId);
        case 'take_startup_messages':
          return [];
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
}

const $ = (css: string) => document.querySelector<HTMLElement>(css);

async function start(): Promise<SVGSVGElement> {
  backend();
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(App, { target });
  await vi.waitFor(() => expect($('[data-testid="card"]')).not.toBeNull());
  return $('[data-testid="canvas"]') as unknown as SVGSVGElement;
}

function click(svg: Element, x: number, y: number): void {
  for (const type of ['pointerdown', 'pointerup']) {
    svg.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true, cancelable: true }));
    flushSync();
  }
}

/** Presses a key on the focused element; true when the app handled it (default prevented). */
async function press(key: string, init: KeyboardEventInit = {}): Promise<boolean> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  (document.activeElement ?? document.body).dispatchEvent(event);
  flushSync();
  await tick();
  await tick();
  return event.defaultPrevented;
}

/** The elements of the map that Tab stops at. */
const tabStops = (svg: Element) => [svg, ...svg.querySelectorAll('[tabindex]')].filter((el) => Number(el.getAttribute('tabindex')) >= 0);

const focusedTestId = () => (document.activeElement as HTMLElement | null)?.dataset.testid;

describe('the map is one Tab stop', () => {
  it('has a single Tab stop, the focused card, and leaves Tab to the browser', async () => {
    const svg = await start();
    click(svg, 180, 80); // card-a
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a'));
    expect(tabStops(svg)).toEqual([$('[data-card-id="card-a"]')]);
    expect(await press('Tab')).toBe(false);
  });

  it('arrows go from the cards to the headers, the emotion points and the "+" buttons', async () => {
    const svg = await start();
    click(svg, 420, 80); // card-b
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-b'));
    expect(await press('ArrowUp')).toBe(true);
    expect(focusedTestId()).toBe('stage-handle');
    expect(document.activeElement?.getAttribute('data-stage-id')).toBe('st-convert');
    expect($('[data-card-id="card-b"]')!.getAttribute('aria-selected')).toBe('false');
    await press('ArrowRight');
    expect(focusedTestId()).toBe('add-stage');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(document.activeElement?.getAttribute('data-stage-id')).toBe('st-discover');
    await press('ArrowDown');
    expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a');
    expect($('[data-card-id="card-a"]')!.getAttribute('aria-selected')).toBe('true');
    await press('ArrowDown');
    expect(focusedTestId()).toBe('emotion-point');
    await press('ArrowLeft');
    expect(focusedTestId()).toBe('lane-handle');
    expect(document.activeElement?.getAttribute('data-lane-id')).toBe('lane-emo');
    // Wherever the focus went, it is the map's only Tab stop.
    expect(tabStops(svg)).toEqual([document.activeElement]);
  });

  it('Ctrl+Right follows a card’s connector, which Enter then selects', async () => {
    const svg = await start();
    click(svg, 180, 80); // card-a
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a'));
    expect(await press('ArrowRight', { ctrlKey: true })).toBe(true);
    expect(document.activeElement?.getAttribute('data-connector-id')).toBe('conn-1');
    await press('Enter');
    expect($('[data-connector-id="conn-1"]')!.getAttribute('aria-pressed')).toBe('true');
    await press('ArrowRight');
    expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-b');
  });

  it('an empty cell clicked becomes the stop; N there opens quick-add', async () => {
    const svg = await start();
    click(svg, 450, 300); // (Convert, Emotions), no cards
    await vi.waitFor(() => expect(focusedTestId()).toBe('cell-focus'));
    expect(document.activeElement?.getAttribute('aria-label')).toContain('empty');
    expect(tabStops(svg)).toEqual([document.activeElement]);
    await press('n');
    expect($('[data-testid="quick-add"]')).not.toBeNull();
  });
  it('a Ctrl+click that takes a card out of the selection keeps it out, though the click focuses it', async () => {
    const svg = await start();
    click(svg, 180, 80); // card-a
    const init = { clientX: 420, clientY: 80, button: 0, pointerId: 1, bubbles: true, cancelable: true, ctrlKey: true };
    svg.dispatchEvent(new PointerEvent('pointerdown', init));
    svg.dispatchEvent(new PointerEvent('pointerup', init)); // + card-b
    flushSync();
    svg.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: 180 })); // − card-a
    $('[data-card-id="card-a"]')!.focus(); // what the browser does with a press on it
    svg.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: 180 }));
    flushSync();
    await tick();
    expect($('[data-card-id="card-a"]')!.getAttribute('aria-selected')).toBe('false');
    expect($('[data-card-id="card-b"]')!.getAttribute('aria-selected')).toBe('true');
  });

  it('from the map itself, an arrow goes to the first card of the focused cell', async () => {
    const svg = await start();
    click(svg, 300, 230); // (Discover, Touchpoints), below card-a
    await vi.waitFor(() => expect(focusedTestId()).toBe('cell-focus'));
    svg.focus(); // as after closing quick-add
    expect(await press('ArrowDown')).toBe(true);
    expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a');
  });
});

describe('F6 and Shift+F6', () => {
  it('cycle the maps list, the views, the map and the inspector', async () => {
    const svg = await start();
    click(svg, 180, 80);
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a'));
    $('[data-testid="map-item"]')!.focus();
    expect(await press('F6')).toBe(true);
    expect(focusedTestId()).toBe('view-tab-map');
    await press('F6');
    expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a');
    await press('F6');
    expect(document.activeElement?.closest('[data-testid="inspector"]')).not.toBeNull();
    await press('F6');
    expect(document.activeElement?.closest('[data-testid="map-list"]')).not.toBeNull();
    await press('F6', { shiftKey: true });
    expect(document.activeElement?.closest('[data-testid="inspector"]')).not.toBeNull();
    await press('F6', { shiftKey: true });
    expect(document.activeElement?.getAttribute('data-card-id')).toBe('card-a');
  });
});
