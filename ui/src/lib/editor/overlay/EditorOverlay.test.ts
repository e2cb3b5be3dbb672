import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import * as ipc from '../../document/ipc';
import { editor } from '../editor.svelte';
import { Selection } from '../selection.svelte';
import { DocumentStore } from '../../document/state.svelte';
import { Toasts } from '../../document/toasts.svelte';
import type { Edit } from '../../generated/types';
import OverlayHarness from '../../../test/OverlayHarness.svelte';
import Inspector from '../inspector/Inspector.svelte';
import { documentState, scene } from '../../../test/fixtures';
import { mapData, plan } from '../../../test/mapData';

let component: ReturnType<typeof mount> | null = null;
let edits: Edit[] = [];
/** How many times the stored map was fetched. */
let mapFetches = 0;

/** A backend that answers map_data/map_scene and records every apply_edit. */
function backend(): void {
  edits = [];
  mapFetches = 0;
  mockIPC((cmd, args) => {
    switch (cmd) {
      case 'document_state':
        return documentState();
      case 'map_scene':
        return scene((args as { mapId: string }).mapId);
      case 'map_data':
        mapFetches++;
        return mapData((args as { mapId: string }).mapId);
      case 'roster':
        return {
          channels: [{ id: 'ch-social', name: 'Social', icon: 'S', color: null }, { id: 'ch-mail', name: 'E-mail', icon: '@', color: null }],
          personas: [{ id: 'p-ada', name: 'Ada', segment: '', color: null }],
        };
      case 'apply_edit':
        edits.push((args as { edit: Edit }).edit);
        return documentState({ revision: 8 + edits.length });
      default:
        return null;
    }
  });
}

beforeEach(() => {
  editor.reset();
  backend();
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

function overlay(selection = new Selection()) {
  component = mount(OverlayHarness, {
    target: document.body,
    props: { scene: scene(), selection, onedit: async (edit: Edit) => void (await ipc.applyEdit(edit)) },
  });
  flushSync();
  // The stored map is fetched once the pointer comes to the editing handles.
  document.querySelector('[data-testid="editor-overlay"]')?.dispatchEvent(new PointerEvent('pointerenter'));
  flushSync();
  return selection;
}

const q = <T extends Element = Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

function pointer(target: EventTarget, type: string, x: number, y: number): void {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, pointerId: 1 }));
  flushSync();
}

function dragFrom(el: Element, from: [number, number], ...path: Array<[number, number]>): void {
  pointer(el, 'pointerdown', ...from);
  for (const p of path) pointer(window, 'pointermove', ...p);
  const last = path[path.length - 1] ?? from;
  pointer(window, 'pointerup', ...last);
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('stage headers', () => {
  it('renames in place with a patch of the name alone', async () => {
    overlay();
    await vi.waitFor(() => expect(editor.map).not.toBeNull());
    q('[data-testid="stage-handle"][data-stage-id="st-discover"]').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    flushSync();
    const input = q<HTMLInputElement>('[data-testid="stage-rename"]');
    expect(input.value).toBe('Discover');
    input.value = 'Awareness';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    flushSync();
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { name: 'Awareness' },
    });
  });

  it('Escape cancels a rename', async () => {
    overlay();
    const handle = q<HTMLElement>('[data-testid="stage-handle"][data-stage-id="st-convert"]');
    handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
    flushSync();
    const input = q<HTMLInputElement>('[data-testid="stage-rename"]');
    input.value = 'Nope';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    await settle();
    expect(document.querySelector('[data-testid="stage-rename"]')).toBeNull();
    expect(edits).toEqual([]);
  });

  it('dragging a header past the next one sends one ReorderStage', async () => {
    overlay();
    const handle = q('[data-testid="stage-handle"][data-stage-id="st-discover"]');
    pointer(handle, 'pointerdown', 280, 20);
    pointer(window, 'pointermove', 400, 20);
    pointer(window, 'pointermove', 560, 22);
    expect(document.querySelector('[data-testid="stage-drop"]')).not.toBeNull();
    pointer(window, 'pointerup', 560, 22);
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    await settle();
    expect(edits).toEqual([{ type: 'ReorderStage', mapId: 'map-1', stageId: 'st-discover', index: 1 }]);
  });

  it('a click without a drag selects the stage and sends nothing', async () => {
    overlay();
    dragFrom(q('[data-testid="stage-handle"][data-stage-id="st-convert"]'), [500, 20]);
    await settle();
    expect(editor.structure).toEqual({ kind: 'stage', id: 'st-convert' });
    expect(edits).toEqual([]);
  });

  it('resizing sends one UpdateStage with a snapped width', async () => {
    overlay();
    dragFrom(q('[data-testid="stage-resize"][data-stage-id="st-discover"]'), [400, 20], [420, 20], [447, 20]);
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    await settle();
    expect(edits).toEqual([
      { type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { width: 280 } },
    ]);
  });

  it('an edit is built from the gesture alone: the map is not fetched for it, and the stage’s other fields are not sent', async () => {
    overlay();
    await vi.waitFor(() => expect(editor.map).not.toBeNull());
    const fetched = mapFetches;
    dragFrom(q('[data-testid="stage-resize"][data-stage-id="st-discover"]'), [400, 20], [420, 20], [447, 20]);
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    await settle();
    expect(mapFetches).toBe(fetched);
    expect(edits[0]).toEqual({ type: 'UpdateStage', mapId: 'map-1', stageId: 'st-discover', props: { width: 280 } });
  });

  it('the "+" adds a "New stage" at the end and opens it for rename', async () => {
    overlay();
    q('[data-testid="add-stage"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    const edit = edits[0]!;
    expect(edit).toMatchObject({ type: 'AddStage', mapId: 'map-1', index: 2, stage: { name: 'New stage', width: 240, color: null } });
    expect(edit.type === 'AddStage' && editor.renaming).toEqual({ kind: 'stage', id: edit.type === 'AddStage' ? edit.stage.id : '' });
  });

  it('delete asks first, with the number of cards that go', async () => {
    overlay();
    await vi.waitFor(() => expect(editor.map).not.toBeNull());
    q('[data-testid="stage-handle"][data-stage-id="st-convert"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    flushSync();
    expect(document.body.textContent).toContain('and its 2 cards');
    q('[data-testid="confirm-delete"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toEqual([{ type: 'DeleteStage', mapId: 'map-1', stageId: 'st-convert' }]));
  });
});

describe('lanes', () => {
  it('adding a lane of kind pain_points sends AddLane with that kind', async () => {
    overlay();
    await vi.waitFor(() => expect(editor.map).not.toBeNull());
    q('[data-testid="add-lane"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    flushSync();
    q('[role="menuitem"][data-kind="pain_points"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toMatchObject({
      type: 'AddLane', mapId: 'map-1', index: 3,
      lane: { name: 'Pain points', kind: 'pain_points', color: null, collapsed: false, hidden: false, hiddenForOutsiders: false },
    });
  });

  it('collapses a lane and shows a hidden one again', async () => {
    overlay();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="hidden-lanes"]')).not.toBeNull());
    q('[data-testid="lane-collapse-button"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ type: 'UpdateLane', mapId: 'map-1', laneId: 'lane-touch', props: { collapsed: true } });
    q('[data-testid="hidden-lanes"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    flushSync();
    q('[role="menuitem"][data-lane-id="lane-notes"]').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(2));
    expect(edits[1]).toEqual({ type: 'UpdateLane', mapId: 'map-1', laneId: 'lane-notes', props: { hidden: false } });
  });

  it('dragging a lane header below the next visible lane reorders past the hidden one', async () => {
    overlay();
    // The hidden lane is known from the stored map the overlay shows.
    await vi.waitFor(() => expect(editor.map).not.toBeNull());
    dragFrom(q('[data-testid="lane-handle"][data-lane-id="lane-touch"]'), [40, 100], [40, 200], [40, 340]);
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ type: 'ReorderLane', mapId: 'map-1', laneId: 'lane-touch', index: 2 });
  });
});

describe('connectors', () => {
  it('dragging from the handle to a later card sends a flow AddConnector', async () => {
    const selection = new Selection();
    selection.set(['card-a'], 'card-a');
    overlay(selection);
    const handle = q('[data-testid="connect-handle"]');
    expect(handle.getAttribute('cx')).toBe('376');
    pointer(handle, 'pointerdown', 376, 122);
    pointer(window, 'pointermove', 450, 110);
    expect(document.querySelector('[data-testid="rubber-band"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="connect-target"]')).not.toBeNull();
    pointer(window, 'pointerup', 450, 110);
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toMatchObject({
      type: 'AddConnector', mapId: 'map-1', connector: { fromCardId: 'card-a', toCardId: 'card-b', kind: 'flow', label: '' },
    });
  });

  it('drawing to a card in an earlier stage makes a loop_back', async () => {
    const selection = new Selection();
    selection.set(['card-b'], 'card-b');
    overlay(selection);
    dragFrom(q('[data-testid="connect-handle"]'), [616, 108], [300, 120]);
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toMatchObject({ type: 'AddConnector', connector: { fromCardId: 'card-b', toCardId: 'card-a', kind: 'loop_back' } });
  });

  it('dropping on empty space sends nothing', async () => {
    const selection = new Selection();
    selection.set(['card-a'], 'card-a');
    overlay(selection);
    dragFrom(q('[data-testid="connect-handle"]'), [376, 122], [380, 330]);
    await settle();
    expect(edits).toEqual([]);
  });

  it('Delete removes a selected connector', async () => {
    overlay();
    editor.selectConnector('conn-2');
    flushSync();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    await vi.waitFor(() => expect(edits).toEqual([{ type: 'DeleteConnector', mapId: 'map-1', connectorId: 'conn-2' }]));
  });
});

describe('emotion points', () => {
  it('dragging a point sends one SetEmotion with the snapped value', async () => {
    overlay();
    const point = q('[data-testid="emotion-point"][data-stage-id="st-discover"]');
    // The band of the lane at y 256: +2 at 278, −2 at 394.
    pointer(point, 'pointerdown', 280, 290);
    pointer(window, 'pointermove', 280, 340);
    expect(point.getAttribute('aria-valuenow')).toBe('0');
    pointer(window, 'pointermove', 281, 380);
    pointer(window, 'pointerup', 281, 380);
    await settle();
    expect(edits).toEqual([{ type: 'SetEmotion', mapId: 'map-1', personaId: 'p-ada', stageId: 'st-discover', value: -2 }]);
  });

  it('arrow keys change a focused point by one', async () => {
    overlay();
    q('[data-testid="emotion-point"][data-stage-id="st-discover"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }),
    );
    await settle();
    expect(edits).toEqual([{ type: 'SetEmotion', mapId: 'map-1', personaId: 'p-ada', stageId: 'st-discover', value: 2 }]);
  });
});

describe('inspector', () => {
  async function inspector(ids: string[]) {
    const store = new DocumentStore(new Toasts());
    await store.load();
    const selection = new Selection();
    selection.set(ids);
    component = mount(Inspector, { target: document.body, props: { store, selection } });
    flushSync();
    await vi.waitFor(() => expect(document.querySelector('[data-flag="passionPoint"]')).not.toBeNull());
    return selection;
  }

  it('toggling "Passion point" sends UpdateCard with that marker alone', async () => {
    await inspector(['card-a']);
    const box = q<HTMLInputElement>('[data-flag="passionPoint"]');
    expect(box.checked).toBe(false);
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({
      type: 'UpdateCard', mapId: 'map-1', cardId: 'card-a',
      props: { flags: { passionPoint: true } },
    });
  });

  it('picks a channel from the document’s channels', async () => {
    await inspector(['card-a']);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="card-channel"] option')).toHaveLength(3));
    const select = q<HTMLSelectElement>('[data-testid="card-channel"]');
    select.value = 'ch-mail';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ type: 'UpdateCard', mapId: 'map-1', cardId: 'card-a', props: { channelId: 'ch-mail' } });
  });

  it('applies a flag to several cards as one Batch', async () => {
    await inspector(['card-a', 'card-x']);
    const box = q<HTMLInputElement>('[data-flag="pointOfVulnerability"]');
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    const edit = edits[0]!;
    expect(edit.type).toBe('Batch');
    expect(edit.type === 'Batch' && edit.edits.map((e) => e.type === 'UpdateCard' && [e.cardId, e.props.flags?.pointOfVulnerability])).toEqual([
      ['card-a', true],
      ['card-x', true],
    ]);
  });

  it('edits a selected connector’s kind', async () => {
    await inspector([]).catch(() => undefined);
    editor.selectConnector('conn-1');
    flushSync();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="inspect-connector"]')).not.toBeNull());
    const radio = q<HTMLInputElement>('input[name="connector-kind"][value="hand_off"]');
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(edits).toHaveLength(1));
    expect(edits[0]).toEqual({ type: 'UpdateConnector', mapId: 'map-1', connectorId: 'conn-1', props: { kind: 'hand_off' } });
  });
});
