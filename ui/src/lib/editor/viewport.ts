// Pure zoom/pan math for the canvas. The view shows the scene through an SVG viewBox:
// `x`, `y` is the scene point at the view's top-left corner and `zoom` is screen pixels
// per layout unit, so zooming is vector scaling and text stays sharp.

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/**
 * A map opens with its body text at least this many screen pixels tall: a map too wide
 * for that scrolls instead of shrinking into unreadable type.
 */
export const READABLE_BODY_PX = 12;
/** Screen pixels left free around a fitted map. */
export const FIT_MARGIN = 24;
/** At least this many screen pixels of the map stay in view while panning. */
export const KEEP_VISIBLE = 48;

const ZOOM_STEPS = [0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The scene point under a point of the view (in screen pixels from its top-left). */
export function toScene(vp: Viewport, screen: Point): Point {
  return { x: vp.x + screen.x / vp.zoom, y: vp.y + screen.y / vp.zoom };
}

/** The view point (screen pixels from its top-left) where a scene point is drawn. */
export function toScreen(vp: Viewport, scene: Point): Point {
  return { x: (scene.x - vp.x) * vp.zoom, y: (scene.y - vp.y) * vp.zoom };
}

/** Sets the zoom so that the scene point under `screen` stays under it. */
export function zoomAt(vp: Viewport, zoom: number, screen: Point): Viewport {
  const z = clampZoom(zoom);
  const anchor = toScene(vp, screen);
  return { x: anchor.x - screen.x / z, y: anchor.y - screen.y / z, zoom: z };
}

export function zoomBy(vp: Viewport, factor: number, screen: Point): Viewport {
  return zoomAt(vp, vp.zoom * factor, screen);
}

/** The zoom factor for one wheel event (ctrl+wheel or a trackpad pinch). */
export function wheelZoomFactor(deltaY: number): number {
  const d = Math.max(-100, Math.min(100, deltaY));
  return Math.exp(-d * 0.003);
}

/** The next preset zoom above (`dir` 1) or below (`dir` -1) the current one. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  const eps = 1e-6;
  if (dir > 0) return ZOOM_STEPS.find((s) => s > zoom + eps) ?? MAX_ZOOM;
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i--) {
    const s = ZOOM_STEPS[i]!;
    if (s < zoom - eps) return s;
  }
  return MIN_ZOOM;
}

/** Moves the view by screen pixels (positive = the view travels right/down). */
export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { x: vp.x + dx / vp.zoom, y: vp.y + dy / vp.zoom, zoom: vp.zoom };
}

/** Keeps at least KEEP_VISIBLE screen pixels of the scene inside the view on each axis. */
export function clampPan(vp: Viewport, scene: Size, view: Size): Viewport {
  const keep = KEEP_VISIBLE / vp.zoom;
  const viewW = view.width / vp.zoom;
  const viewH = view.height / vp.zoom;
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  return {
    x: clamp(vp.x, keep - viewW, scene.width - keep),
    y: clamp(vp.y, keep - viewH, scene.height - keep),
    zoom: vp.zoom,
  };
}

/** The whole scene in view, centred. */
export function fitAll(scene: Size, view: Size, margin = FIT_MARGIN): Viewport {
  const zoom = clampZoom(
    Math.min((view.width - 2 * margin) / Math.max(1, scene.width), (view.height - 2 * margin) / Math.max(1, scene.height)),
  );
  return {
    x: scene.width / 2 - view.width / 2 / zoom,
    y: scene.height / 2 - view.height / 2 / zoom,
    zoom,
  };
}

/**
 * How a map opens: the journey's start (its top-left corner) at a readable size. The
 * width is fitted when that keeps the body text (`bodySize` layout units) at least
 * READABLE_BODY_PX on screen, never above 100 %, and centred when narrower than the
 * view; a wider map opens at 100 % and scrolls.
 */
export function openingView(scene: Size, view: Size, bodySize: number, margin = FIT_MARGIN): Viewport {
  const fit = (view.width - 2 * margin) / Math.max(1, scene.width);
  const readable = READABLE_BODY_PX / Math.max(1, bodySize);
  const zoom = clampZoom(fit >= readable ? Math.min(1, fit) : Math.max(1, readable));
  const drawnWidth = scene.width * zoom;
  const left = drawnWidth + 2 * margin <= view.width ? (view.width - drawnWidth) / 2 : margin;
  return { x: -left / zoom, y: -margin / zoom, zoom };
}

/** 100 %, keeping the scene point at the view's centre where it is. */
export function actualSize(vp: Viewport, view: Size): Viewport {
  return zoomAt(vp, 1, { x: view.width / 2, y: view.height / 2 });
}

/** The `viewBox` attribute for a view of the given size. */
/** A rectangle in Scene coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The part of the map on screen, grown by `margin` screens on every side. Only what
 * touches it needs to be in the DOM: panning a little never shows a gap, and a
 * 2,000-card map costs WebKit no more to paint than the few hundred cards in view.
 */
export function visibleBox(vp: Viewport, view: Size, margin = 0.5): Box {
  const w = view.width / vp.zoom;
  const h = view.height / vp.zoom;
  return { x0: vp.x - w * margin, y0: vp.y - h * margin, x1: vp.x + w * (1 + margin), y1: vp.y + h * (1 + margin) };
}

export function touches(box: Box, x: number, y: number, width: number, height: number): boolean {
  return x + width >= box.x0 && x <= box.x1 && y + height >= box.y0 && y <= box.y1;
}

export function viewBox(vp: Viewport, view: Size): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  return `${r(vp.x)} ${r(vp.y)} ${r(view.width / vp.zoom)} ${r(view.height / vp.zoom)}`;
}
