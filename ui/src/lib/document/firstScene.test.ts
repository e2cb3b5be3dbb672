import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { askFirstScene, takeFirstScene } from './firstScene';
import { DocumentStore } from './state.svelte';
import { Toasts } from './toasts.svelte';
import { documentState, scene } from '../../test/fixtures';

afterEach(() => {
  takeFirstScene();
  clearMocks();
});

/** A backend that records the commands it was sent; `failScene` makes the Scene fail once. */
function backend(options: { failScene?: boolean } = {}) {
  const calls: Array<[string, unknown]> = [];
  let failScene = options.failScene ?? false;
  const state = documentState();
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    switch (cmd) {
      case 'document_state':
        return state;
      case 'map_scene_update': {
        if (failScene) {
          failScene = false;
          throw { kind: 'io', message: 'busy' };
        }
        const { mapId } = args as { mapId: string };
        return { kind: 'full', revision: state.revision, scene: scene(mapId) };
      }
      default:
        throw { kind: 'unknown', message: `unexpected ${cmd}` };
    }
  });
  return calls;
}

describe('the first map, asked for before the UI is mounted', () => {
  it('is drawn by load from the answers already asked for, without asking again', async () => {
    const calls = backend();
    askFirstScene();
    const store = new DocumentStore(new Toasts());
    await store.load();
    expect(calls).toEqual([
      ['document_state', {}],
      ['map_scene_update', { mapId: 'map-1', knownRevision: null }],
    ]);
    expect(store.selectedMapId).toBe('map-1');
    expect(store.drawn?.scene.mapId).toBe('map-1');
    expect(store.ready).toBe(true);
  });

  it('is asked for again by load when the early Scene failed, and no error is shown', async () => {
    const calls = backend({ failScene: true });
    askFirstScene();
    const toasts = new Toasts();
    const store = new DocumentStore(toasts);
    await store.load();
    expect(calls.map(([cmd]) => cmd)).toEqual(['document_state', 'map_scene_update', 'map_scene_update']);
    expect(store.drawn?.scene.mapId).toBe('map-1');
    expect(toasts.items).toEqual([]);
  });

  it('is taken once: a second load asks the backend itself', async () => {
    const calls = backend();
    askFirstScene();
    await new DocumentStore(new Toasts()).load();
    const again = new DocumentStore(new Toasts());
    await again.load();
    expect(calls.map(([cmd]) => cmd)).toEqual([
      'document_state',
      'map_scene_update',
      'document_state',
      'map_scene_update',
    ]);
    expect(again.drawn?.scene.mapId).toBe('map-1');
  });
});
