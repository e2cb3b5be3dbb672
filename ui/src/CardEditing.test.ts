// App-level tests of the card editing on the canvas: each gesture sends one edit.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { documentState, scene } from './test/fixtures';
import { mapData } from './test/mapData';
import type { DocumentState, Edit } from './lib/generated/types';

let app: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  clearMocks();
});

function backend(options: { rejectEdit?: { kind: string; message: string }; editDelayMs?: number } = {}) {
  let state: DocumentState = documentState();
  const edits: Edit[] = [];
  /** The most edits the backend was ever answering at once. */
  const load = { inFlight: 0, most: 0 };
  mockWindows('main'); // the webview whose file drops App listens to
  mockIPC(
    async (cmd, args) => {
      if (cmd === 'apply_edit' && options.editDelayMs) {
        load.most = Math.max(load.most, ++load.inFlight);
        await new Promise((r) => setTimeout(r, options.editDelayMs));
        load.inFlight--;
      }
      switch (cmd) {
        case 'document_state':
          return state;
        case 'map_scene':
          return scene((args as { mapId: string }).mapId);
        case 'map_data':
          return mapData((args as { mapId: string }).mapId);
        case 'roster':
          return { channels: [{ id: 'ch-social', name: 'Social', icon: 'S', color: null }], personas: [] };
        case 'apply_edit': {
          if (options.rejectEdit) throw options.rejectEdit;
          edits.push((args as { edit: Edit }).edit);
          state = { ...state, revision: state.revision + 1, undoLabel: 'Edit', redoLabel: null };
          return state;
        }
        case 'take_startup_messages':
          return [];
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  return { edits, load };
}

const $ = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const cardEl = (id: string) => document.querySelector<SVGGElement>(`[data-card-id="${id}"]`)!;

async function start(): Promise<SVGSVGElement> {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(App, { target });
  await vi.waitFor(() => expect($('card')).not.toBeNull());
  return $('canvas') as unknown as SVGSVGElement;
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
  flushSync();
}

// The canvas has no size under happy-dom, so screen and scene coordinates are the same.
function pointer(el: Element, type: string, x: number, y: number, init: PointerEventInit = {}): void {
  el.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true, cancelable: true, ...init }));
  flushSync();
}

function click(svg: Element, x: number, y: number, init: PointerEventInit = {}): void {
  pointer(svg, 'pointerdown', x, y, init);
  pointer(svg, 'pointerup', x, y, init);
}

function key(target: EventTarget, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  flushSync();
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('card editing on the canvas', () => {
  it('selects with click, shift-click and ctrl-click, and Esc clears', async () => {
    backend();
    const svg = await start();
    click(svg, 180, 80); // card-a
    expect(cardEl('card-a').getAttribute('aria-selected')).toBe('true');
    expect(cardEl('card-a').querySelector('.focus-ring')).not.toBeNull();
    click(svg, 420, 80, { shiftKey: true }); // + card-b
    expect(cardEl('card-b').getAttribute('aria-selected')).toBe('true');
    expect(cardEl('card-a').getAttribute('aria-selected')).toBe('true');
    expect(cardEl('card-a').querySelector('.selection-outline')).not.toBeNull();
    click(svg, 180, 80, { ctrlKey: true }); // − card-a
    expect(cardEl('card-a').getAttribute('aria-selected')).toBe('false');
    key(svg, 'Escape');
    expect(cardEl('card-b').getAttribute('aria-selected')).toBe('false');
  });

  it('selects with a marquee drawn on the empty canvas', async () => {
    backend();
    const svg = await start();
    pointer(svg, 'pointerdown', 170, 60);
    pointer(svg, 'pointermove', 600, 100);
    expect($('marquee')).not.toBeNull();
    pointer(svg, 'pointerup', 600, 100);
    expect($('marquee')).toBeNull();
    expect(cardEl('card-a').getAttribute('aria-selected')).toBe('true');
    expect(cardEl('card-b').getAttribute('aria-selected')).toBe('true');
    expect(cardEl('card-x').getAttribute('aria-selected')).toBe('false');
  });

  it('double-clicking an empty spot of a cell creates a card there with the lane kind', async () => {
    const { edits } = backend();
    const svg = await start();
    svg.dispatchEvent(new MouseEvent('dblclick', { clientX: 200, clientY: 300, bubbles: true }));
    flushSync();
    const title = $('card-editor-title') as HTMLInputElement;
    expect(title).not.toBeNull();
    expect(document.activeElement).toBe(title);
    type(title, 'Relieved');
    key(title, 'Enter');
    await vi.waitFor(() => expect(edits.length).toBe(1));
    const edit = edits[0]!;
    expect(edit.type).toBe('AddCard');
    if (edit.type === 'AddCard') {
      expect(edit.card).toMatchObject({ stageId: 'st-discover', laneId: 'lane-emo', kind: 'emotions', title: 'Relieved' });
      expect(edit.card.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect($('card-editor')).toBeNull();
  });

  it('a new card left empty is never sent', async () => {
    const { edits } = backend();
    const svg = await start();
    svg.dispatchEvent(new MouseEvent('dblclick', { clientX: 450, clientY: 300, bubbles: true }));
    flushSync();
    key($('card-editor-title')!, 'Enter');
    svg.dispatchEvent(new MouseEvent('dblclick', { clientX: 450, clientY: 300, bubbles: true }));
    flushSync();
    type($('card-editor-title') as HTMLInputElement, 'typed, then cancelled');
    key($('card-editor-title')!, 'Escape');
    await settle();
    expect($('card-editor')).toBeNull();
    expect(edits).toEqual([]);
  });

  it('Enter edits a card’s text and sends UpdateCard with the title and body alone', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 420, 80); // card-b
    key(svg, 'Enter');
    await vi.waitFor(() => expect($('card-editor-title')).not.toBeNull());
    const title = $('card-editor-title') as HTMLInputElement;
    expect(title.value).toBe('Gives $10');
    type(title, 'Gives $20');
    type($('card-editor-body') as HTMLTextAreaElement, 'Monthly');
    key($('card-editor-body')!, 'Enter');
    await vi.waitFor(() => expect(edits.length).toBe(1));
    expect(edits[0]).toEqual({
      type: 'UpdateCard',
      mapId: 'map-1',
      cardId: 'card-b',
      // Only the text: the colour, channel, markers and plan are not sent.
      props: { title: 'Gives $20', body: 'Monthly' },
    });
  });

  it('quick-add of three titles sends three AddCard edits into the focused card’s cell', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 420, 80); // card-b in Convert × Touchpoints
    key(svg, 'n');
    const input = $('quick-add') as HTMLInputElement;
    expect(input).not.toBeNull();
    for (const t of ['One', 'Two', 'Three']) {
      type(input, t);
      key(input, 'Enter');
      await settle();
      expect(input.value).toBe('');
    }
    await vi.waitFor(() => expect(edits.length).toBe(3));
    expect(edits.map((e) => (e.type === 'AddCard' ? [e.card.title, e.card.stageId, e.card.laneId, e.card.kind] : e.type))).toEqual([
      ['One', 'st-convert', 'lane-touch', 'touchpoints'],
      ['Two', 'st-convert', 'lane-touch', 'touchpoints'],
      ['Three', 'st-convert', 'lane-touch', 'touchpoints'],
    ]);
    expect($('quick-add')).not.toBeNull(); // stays open for the next one
    key(input, 'Escape');
    expect($('quick-add')).toBeNull();
  });

  it('quick-add typed faster than the backend answers sends the cards one at a time, in order', async () => {
    const { edits, load } = backend({ editDelayMs: 30 });
    const svg = await start();
    click(svg, 420, 80);
    key(svg, 'n');
    const input = $('quick-add') as HTMLInputElement;
    for (const t of ['One', 'Two', 'Three']) {
      type(input, t);
      key(input, 'Enter'); // no waiting: the next title comes before the last is answered
    }
    await vi.waitFor(() => expect(edits.length).toBe(3));
    expect(edits.map((e) => (e.type === 'AddCard' ? e.card.title : e.type))).toEqual(['One', 'Two', 'Three']);
    // Each was sent once the one before it was answered, so its index was the cell's end as
    // the backend had it (sent together, they would all share one index).
    expect(load.most).toBe(1);
  });

  it('Delete sends the selection as one Batch', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 180, 80);
    click(svg, 420, 80, { shiftKey: true });
    key(svg, 'Delete');
    await vi.waitFor(() => expect(edits.length).toBe(1));
    expect(edits[0]).toEqual({
      type: 'Batch',
      edits: [
        { type: 'DeleteCard', mapId: 'map-1', cardId: 'card-a' },
        { type: 'DeleteCard', mapId: 'map-1', cardId: 'card-b' },
      ],
    });
  });

  it('Ctrl+D duplicates into the same cell with fresh ids', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 420, 80);
    key(svg, 'd', { ctrlKey: true });
    await vi.waitFor(() => expect(edits.length).toBe(1));
    const edit = edits[0]!;
    expect(edit.type).toBe('AddCard');
    if (edit.type === 'AddCard') {
      expect(edit.card.id).not.toBe('card-b');
      expect(edit.card).toMatchObject({ stageId: 'st-convert', laneId: 'lane-touch', title: 'Gives $10' });
      expect(edit.index).toBe(1);
    }
  });

  it('dragging a card sends one MoveCard; a click sends nothing', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 180, 80);
    pointer(svg, 'pointerdown', 180, 80);
    pointer(svg, 'pointermove', 182, 81); // under the threshold
    expect(cardEl('card-a').getAttribute('transform')).toBe('translate(176 72)'); // its place
    pointer(svg, 'pointermove', 500, 200);
    expect(cardEl('card-a').getAttribute('transform')).toBe('translate(496 192)');
    expect($('drop-indicator')).not.toBeNull();
    pointer(svg, 'pointerup', 500, 200);
    await vi.waitFor(() => expect(edits.length).toBe(1));
    expect(edits[0]).toEqual({
      type: 'MoveCard', mapId: 'map-1', cardId: 'card-a', stageId: 'st-convert', laneId: 'lane-touch', index: 2,
    });
    expect($('drop-indicator')).toBeNull();
  });

  it('a click, then a quick drag of the card, moves it and opens no editor where it lands', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 180, 80); // card-a
    pointer(svg, 'pointerdown', 180, 80);
    pointer(svg, 'pointermove', 500, 245);
    pointer(svg, 'pointerup', 500, 245); // an empty spot of (Convert, Touchpoints)
    // The browser counts the click and the drag's release as a double-click.
    svg.dispatchEvent(new MouseEvent('dblclick', { clientX: 500, clientY: 245, bubbles: true }));
    flushSync();
    await vi.waitFor(() => expect(edits.length).toBe(1));
    expect(edits[0]).toMatchObject({ type: 'MoveCard', cardId: 'card-a', stageId: 'st-convert' });
    await settle();
    expect($('card-editor')).toBeNull();
    expect(document.activeElement?.tagName).not.toMatch(/INPUT|TEXTAREA/);
  });

  it('Alt+arrow moves the focused card one cell', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 180, 80); // card-a in Discover
    key(svg, 'ArrowRight', { altKey: true });
    await vi.waitFor(() => expect(edits.length).toBe(1));
    expect(edits[0]).toMatchObject({ type: 'MoveCard', cardId: 'card-a', stageId: 'st-convert', laneId: 'lane-touch' });
  });

  it('arrows move the focus between cards', async () => {
    backend();
    const svg = await start();
    click(svg, 180, 80);
    key(svg, 'ArrowRight');
    expect(cardEl('card-b').getAttribute('aria-selected')).toBe('true');
    key(svg, 'ArrowDown');
    expect(cardEl('card-x').getAttribute('aria-selected')).toBe('true');
    expect(cardEl('card-b').getAttribute('aria-selected')).toBe('false');
  });

  it('a refused edit shows the backend’s message and the card goes back', async () => {
    backend({ rejectEdit: { kind: 'edit', message: 'card.kind is wrong for this lane.' } });
    const svg = await start();
    pointer(svg, 'pointerdown', 180, 80);
    pointer(svg, 'pointermove', 500, 200);
    pointer(svg, 'pointerup', 500, 200);
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('card.kind is wrong for this lane.'));
    await vi.waitFor(() => expect(cardEl('card-a').getAttribute('transform')).toBe('translate(176 72)'));
  });

  it('pasting bad clipboard content shows a toast and sends nothing', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 420, 80);
    const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => 'not cards at all' } });
    svg.dispatchEvent(event);
    await vi.waitFor(() => expect($('toast')?.textContent).toContain('no Waymark cards'));
    expect(edits).toEqual([]);
  });

  it('pasting copied cards adds them after the focused card with fresh ids', async () => {
    const { edits } = backend();
    const svg = await start();
    click(svg, 420, 80);
    const json = JSON.stringify({ waymark: 'cards', version: 1, cards: [mapData().cards[0]] });
    const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, 'clipboardData', { value: { getData: (t: string) => (t === 'text/plain' ? json : '') } });
    svg.dispatchEvent(event);
    await vi.waitFor(() => expect(edits.length).toBe(1));
    const edit = edits[0]!;
    expect(edit.type).toBe('AddCard');
    if (edit.type === 'AddCard') {
      expect(edit.card.id).not.toBe('card-a');
      expect(edit.card).toMatchObject({ stageId: 'st-convert', laneId: 'lane-touch', title: 'Sees a friend’s post', channelId: 'ch-social' });
      expect(edit.index).toBe(1);
    }
  });
});
