import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  visibleBox,
  touches,
  MIN_ZOOM,
  READABLE_BODY_PX,
  actualSize,
  clampPan,
  fitAll,
  openingView,
  panBy,
  stepZoom,
  toScene,
  toScreen,
  viewBox,
  zoomAt,
  zoomBy,
  type Viewport,
} from './viewport';

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 6);

describe('zoom about a point', () => {
  const vp: Viewport = { x: 40, y: -20, zoom: 0.8 };

  it.each([
    [{ x: 0, y: 0 }, 2],
    [{ x: 300, y: 200 }, 1.7],
    [{ x: 812, y: 33 }, 0.35],
  ])('keeps the scene point under %o fixed when zooming to %d', (screen, zoom) => {
    const before = toScene(vp, screen);
    const next = zoomAt(vp, zoom, screen);
    const after = toScene(next, screen);
    close(next.zoom, zoom);
    close(after.x, before.x);
    close(after.y, before.y);
  });

  it('keeps the point fixed for relative zoom too, and clamps the zoom', () => {
    const screen = { x: 123, y: 456 };
    const next = zoomBy(vp, 1000, screen);
    expect(next.zoom).toBe(MAX_ZOOM);
    close(toScene(next, screen).x, toScene(vp, screen).x);
    expect(zoomBy(vp, 0.0001, screen).zoom).toBe(MIN_ZOOM);
  });

  it('toScreen inverts toScene', () => {
    const p = toScreen(vp, toScene(vp, { x: 17, y: 99 }));
    close(p.x, 17);
    close(p.y, 99);
  });

  it('100% keeps the centre of the view', () => {
    const view = { width: 1000, height: 600 };
    const before = toScene(vp, { x: 500, y: 300 });
    const next = actualSize(vp, view);
    expect(next.zoom).toBe(1);
    close(toScene(next, { x: 500, y: 300 }).x, before.x);
  });
});

describe('zoom steps', () => {
  it('goes to the next preset up and down', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(0.62, 1)).toBe(0.67);
    expect(stepZoom(0.62, -1)).toBe(0.5);
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });
});

describe('fit', () => {
  const scene = { width: 2000, height: 1000 };

  it('fitAll shows the whole scene, centred', () => {
    const view = { width: 1048, height: 1048 };
    const vp = fitAll(scene, view, 24);
    close(vp.zoom, 0.5);
    const topLeft = toScreen(vp, { x: 0, y: 0 });
    const bottomRight = toScreen(vp, { x: scene.width, y: scene.height });
    close(topLeft.x, 24);
    close(bottomRight.x, 1024);
    close(topLeft.y, (1048 - 500) / 2);
    close(bottomRight.y, (1048 + 500) / 2);
  });

  // The Scene's body text is 12.5 layout units: readable down to 96 %.
  const body = 12.5;

  it('a map opens with its width fitted when its text stays readable', () => {
    const vp = openingView(scene, { width: 1998, height: 700 }, body, 24);
    close(vp.zoom, 0.975);
    close(toScreen(vp, { x: 0, y: 0 }).x, 24);
    close(toScreen(vp, { x: scene.width, y: 0 }).x, 1974);
    close(toScreen(vp, { x: 0, y: 0 }).y, 24);
    expect(body * vp.zoom).toBeGreaterThanOrEqual(READABLE_BODY_PX);
  });

  it('a map too wide to fit readably opens at 100 % on the journey\'s start (the default window shows 60 % otherwise)', () => {
    // The sample map in the default 1440 × 900 window: fitting its width would be 60 %.
    const vp = openingView(scene, { width: 1248, height: 800 }, body, 24);
    expect(vp.zoom).toBe(1);
    close(toScreen(vp, { x: 0, y: 0 }).x, 24);
    close(toScreen(vp, { x: 0, y: 0 }).y, 24);
  });

  it('a map never opens above 100 %; a small one is centred', () => {
    const vp = openingView({ width: 400, height: 300 }, { width: 1000, height: 700 }, body, 24);
    expect(vp.zoom).toBe(1);
    close(toScreen(vp, { x: 0, y: 0 }).x, 300);
  });

  it('smaller body text opens larger, so that it is readable', () => {
    const vp = openingView(scene, { width: 1248, height: 800 }, 10, 24);
    close(vp.zoom, 1.2);
  });
});

describe('pan', () => {
  it('moves by screen pixels', () => {
    const vp = panBy({ x: 10, y: 10, zoom: 2 }, 100, -50);
    expect(vp).toEqual({ x: 60, y: -15, zoom: 2 });
  });

  it('never loses the scene entirely', () => {
    const scene = { width: 1000, height: 500 };
    const view = { width: 800, height: 600 };
    const far = clampPan({ x: 99999, y: -99999, zoom: 1 }, scene, view);
    expect(toScreen(far, { x: scene.width, y: 0 }).x).toBeGreaterThanOrEqual(48);
    expect(toScreen(far, { x: 0, y: 0 }).y).toBeLessThanOrEqual(view.height - 48 + 1e-9);
  });

  it('formats the viewBox for the view size', () => {
    expect(viewBox({ x: 10, y: 20, zoom: 2 }, { width: 800, height: 600 })).toBe('10 20 400 300');
  });
});

describe('visibleBox', () => {
  it('covers the screen plus half a screen on every side, in map units', () => {
    const box = visibleBox({ x: 100, y: 50, zoom: 2 }, { width: 800, height: 600 });
    expect(box).toEqual({ x0: -100, y0: -100, x1: 700, y1: 500 });
    expect(touches(box, 650, 450, 100, 100)).toBe(true);
    expect(touches(box, 701, 0, 10, 10)).toBe(false);
    expect(touches(box, -300, 0, 199, 10)).toBe(false);
  });
});
