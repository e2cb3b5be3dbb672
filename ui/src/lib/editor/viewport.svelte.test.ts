import { describe, expect, it } from 'vitest';
import { ViewportController } from './viewport.svelte';
import type { MapViews } from '../document/mapViews.svelte';
import { fitAll, openingView } from './viewport';
import { scene } from '../../test/fixtures';

const sc = scene();

function sized(width = 800, height = 500): ViewportController {
  const v = new ViewportController(() => sc);
  v.width = width;
  v.height = height;
  return v;
}

/** The parts of a wheel event the controller reads. */
const wheel = (deltaY: number, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  ({ deltaX: 0, deltaY, deltaMode: 0, shiftKey: false, ctrlKey: false, metaKey: false, ...mods }) as WheelEvent;

const kept = (views: Record<string, { x: number; y: number; zoom: number }>) => ({ get: (id: string) => views[id] }) as unknown as MapViews;

describe('the viewport controller', () => {
  it('waits for a size, then opens a map at its opening view, once per key', () => {
    const v = new ViewportController(() => sc);
    v.show('doc:map-1', undefined);
    expect(v.shows('doc:map-1')).toBe(false);
    v.width = 800;
    v.height = 500;
    v.show('doc:map-1', undefined);
    expect(v.vp).toEqual(openingView(sc, v.view, sc.fonts.bodySize));
    v.zoomIn();
    const zoomed = v.vp;
    v.show('doc:map-1', undefined);
    expect(v.vp).toEqual(zoomed);
  });

  it('opens a map where the user left it', () => {
    const v = sized();
    v.show('doc:map-1', kept({ 'map-1': { x: 10, y: 20, zoom: 1.5 } }));
    expect(v.vp).toEqual({ x: 10, y: 20, zoom: 1.5 });
  });

  it('zooms by steps about the centre, to actual size and to fit', () => {
    const v = sized();
    v.set({ x: 0, y: 0, zoom: 1 });
    v.zoomIn();
    expect(v.vp.zoom).toBeGreaterThan(1);
    v.zoomReset();
    expect(v.vp.zoom).toBe(1);
    v.zoomFit();
    expect(v.vp).toEqual(fitAll(sc, v.view));
  });

  it('the wheel scrolls, Shift+wheel scrolls across, Ctrl+wheel zooms', () => {
    const v = sized(300, 200);
    v.set({ x: 0, y: 0, zoom: 1 });
    v.wheel(wheel(30), { x: 0, y: 0 });
    expect(v.vp).toEqual({ x: 0, y: 30, zoom: 1 });
    v.wheel(wheel(20, { shiftKey: true }), { x: 0, y: 0 });
    expect(v.vp).toEqual({ x: 20, y: 30, zoom: 1 });
    v.wheel(wheel(-100, { ctrlKey: true }), { x: 150, y: 100 });
    expect(v.vp.zoom).toBeGreaterThan(1);
  });

  it('scrolls the least that shows a card, and converts between screen and map', () => {
    const v = sized(300, 200);
    v.set({ x: 0, y: 0, zoom: 1 });
    v.ensureVisible({ x: 400, y: 100, width: 200, height: 72 });
    expect(v.vp.x).toBe(400 + 200 + 24 - 300);
    expect(v.toScreen(v.toScene({ x: 12, y: 34 }))).toEqual({ x: 12, y: 34 });
  });
});
