import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { MapViews, SAVE_DELAY_MS } from './mapViews.svelte';

type Call = { cmd: string; args: Record<string, unknown> };

function backend(kept: Record<string, unknown> = {}): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === 'map_views') return kept;
    if (cmd === 'remember_map_view') return null;
    throw { kind: 'unknown_command', message: cmd };
  });
  return calls;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  clearMocks();
});

describe('MapViews', () => {
  it('gives back the views the backend kept for the open document', async () => {
    backend({ 'map-1': { x: 10, y: 20, zoom: 1.5 } });
    const views = new MapViews();
    expect(views.path).toBeNull();
    await views.load('/docs/a.waymark');
    expect(views.path).toBe('/docs/a.waymark');
    expect(views.get('map-1')).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect(views.get('map-2')).toBeUndefined();
  });

  it('keeps a view at once and writes only the last one, once scrolling has stopped', async () => {
    const calls = backend();
    const views = new MapViews();
    await views.load('/docs/a.waymark');
    for (let i = 1; i <= 5; i++) views.remember('map-1', { x: i, y: 0, zoom: 1 });
    expect(views.get('map-1')).toEqual({ x: 5, y: 0, zoom: 1 });
    expect(calls.filter((c) => c.cmd === 'remember_map_view')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    const writes = calls.filter((c) => c.cmd === 'remember_map_view');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.args).toEqual({ path: '/docs/a.waymark', mapId: 'map-1', view: { x: 5, y: 0, zoom: 1 } });
  });

  it('writes a waiting view, named by its own document, before another document is loaded', async () => {
    const calls = backend();
    const views = new MapViews();
    await views.load('/docs/a.waymark');
    views.remember('map-1', { x: 3, y: 4, zoom: 0.5 });
    await views.load('/docs/b.waymark');
    const writes = calls.filter((c) => c.cmd === 'remember_map_view');
    expect(writes.map((w) => w.args.path)).toEqual(['/docs/a.waymark']);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(calls.filter((c) => c.cmd === 'remember_map_view')).toHaveLength(1);
  });

  it('opens maps afresh when the views cannot be read', async () => {
    mockIPC(() => {
      throw { kind: 'settings', message: 'unreadable' };
    });
    const views = new MapViews();
    await views.load('/docs/a.waymark');
    expect(views.path).toBe('/docs/a.waymark');
    expect(views.get('map-1')).toBeUndefined();
  });
});
