import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { EditorState } from './editor.svelte';
import { scene } from '../../test/fixtures';
import { mapData } from '../../test/mapData';

afterEach(() => clearMocks());

/** Counts the backend's `map_data` calls. */
function backend(): { fetches: string[] } {
  const fetches: string[] = [];
  mockIPC((cmd) => {
    if (cmd === 'map_data') {
      fetches.push(cmd);
      return mapData();
    }
    if (cmd === 'roster') return { channels: [], personas: [], ladder: [], participants: [] };
    return null;
  });
  return { fetches };
}

describe('EditorState while a card is pressed on the canvas', () => {
  it('released() resolves at once when nothing is pressed, and on the release otherwise', async () => {
    const editor = new EditorState();
    await editor.released();
    editor.pressing = true;
    let done = false;
    const waiting = editor.released().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    editor.pressing = false;
    await waiting;
    expect(done).toBe(true);
  });

  it('fetches the stored map only once the card is released', async () => {
    const { fetches } = backend();
    const editor = new EditorState();
    editor.pressing = true;
    const synced = editor.sync(scene());
    await new Promise((r) => setTimeout(r, 50));
    expect(fetches).toEqual([]);
    expect(editor.map).toBeNull();
    editor.pressing = false;
    await synced;
    expect(fetches).toEqual(['map_data']);
    expect(editor.map?.id).toBe('map-1');
  });
});
