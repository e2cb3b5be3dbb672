// The map's view: what part of the Scene the canvas shows and at what zoom. It owns the
// viewport (`vp`) and every way it changes — the view a map opens at (where the user left
// it, from mapViews.svelte.ts, else viewport.ts's `openingView`), the zoom buttons and
// keys, the wheel, a pan, scrolling a card into view — and keeps it clamped to the map.
// The math is viewport.ts's; this only holds the state.

import type { Scene } from '../generated/types';
import type { MapViews } from '../document/mapViews.svelte';
import {
  actualSize,
  clampPan,
  fitAll,
  openingView,
  panBy,
  stepZoom,
  toScene,
  toScreen,
  viewBox,
  visibleBox,
  wheelZoomFactor,
  zoomAt,
  zoomBy,
  type Point,
  type Viewport,
} from './viewport';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Screen pixels kept between a box scrolled into view and the canvas's edge. */
const MARGIN = 24;

export class ViewportController {
  /** The canvas's size in screen pixels (bound to its element). */
  width = $state(0);
  height = $state(0);
  vp = $state<Viewport>({ x: 0, y: 0, zoom: 1 });
  /** The map (and document) the view was last set for; see `show`. */
  #shownKey: string | null = null;
  #scene: () => Scene;

  constructor(scene: () => Scene) {
    this.#scene = scene;
  }

  get sized(): boolean {
    return this.width > 0 && this.height > 0;
  }

  get view(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** The zoom the map is drawn at (1 until the canvas has a size). */
  get zoom(): number {
    return this.sized ? this.vp.zoom : 1;
  }

  /** The svg's viewBox. */
  get box(): string {
    const scene = this.#scene();
    return this.sized ? viewBox(this.vp, this.view) : `0 0 ${scene.width} ${scene.height}`;
  }

  /**
   * The part of the map near the screen (viewport.ts: visibleBox). Before the canvas has
   * been measured, a typical window is assumed rather than drawing all of a large map once.
   */
  get near(): ReturnType<typeof visibleBox> {
    return visibleBox(this.vp, this.sized ? this.view : { width: 1440, height: 900 });
  }

  /**
   * A map is shown (once the view has a size): where the user left it, else its opening
   * view. Later scenes of the same map (same key) keep the user's zoom and scroll.
   */
  show(key: string, views: MapViews | undefined): void {
    if (!this.sized || this.#shownKey === key) return;
    this.#shownKey = key;
    const scene = this.#scene();
    const kept = views?.get(scene.mapId);
    this.vp = kept ? clampPan(kept, scene, this.view) : openingView(scene, this.view, scene.fonts.bodySize);
  }

  /** True once the view was set for this key: only then is it the user's to keep. */
  shows(key: string): boolean {
    return this.#shownKey === key;
  }

  set(next: Viewport): void {
    this.vp = this.sized ? clampPan(next, this.#scene(), this.view) : next;
  }

  #centre(): Point {
    return { x: this.width / 2, y: this.height / 2 };
  }

  zoomIn(): void {
    this.set(zoomAt(this.vp, stepZoom(this.vp.zoom, 1), this.#centre()));
  }

  zoomOut(): void {
    this.set(zoomAt(this.vp, stepZoom(this.vp.zoom, -1), this.#centre()));
  }

  zoomReset(): void {
    this.set(actualSize(this.vp, this.view));
  }

  zoomFit(): void {
    if (this.sized) this.vp = fitAll(this.#scene(), this.view);
  }

  /** Scrolls by screen pixels. */
  panBy(dx: number, dy: number): void {
    this.set(panBy(this.vp, dx, dy));
  }

  /** The wheel scrolls (Shift: across), Ctrl+wheel zooms at the pointer (`at`, in canvas pixels). */
  wheel(event: WheelEvent, at: Point): void {
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.height : 1;
    if (event.ctrlKey || event.metaKey) {
      this.set(zoomBy(this.vp, wheelZoomFactor(event.deltaY * unit), at));
      return;
    }
    let dx = event.deltaX * unit;
    let dy = event.deltaY * unit;
    if (event.shiftKey && dx === 0) [dx, dy] = [dy, 0];
    this.panBy(dx, dy);
  }

  /** Pixels from the canvas's top-left → Scene coordinates. */
  toScene(local: Point): Point {
    return this.sized ? toScene(this.vp, local) : local;
  }

  /** Scene coordinates → pixels from the canvas's top-left (for the HTML overlays). */
  toScreen(p: Point): Point {
    return this.sized ? toScreen(this.vp, p) : p;
  }

  /** Scrolls the least that shows a box (a card, a cell, a header) with a margin. */
  ensureVisible(box: Box | null): void {
    if (!box || !this.sized) return;
    const vp = this.vp;
    const margin = MARGIN / vp.zoom;
    const w = this.width / vp.zoom;
    const h = this.height / vp.zoom;
    let { x, y } = vp;
    if (box.x - margin < x) x = box.x - margin;
    else if (box.x + box.width + margin > x + w) x = Math.min(box.x - margin, box.x + box.width + margin - w);
    if (box.y - margin < y) y = box.y - margin;
    else if (box.y + box.height + margin > y + h) y = Math.min(box.y - margin, box.y + box.height + margin - h);
    if (x !== vp.x || y !== vp.y) this.set({ x, y, zoom: vp.zoom });
  }

  /** Shows the end of a cell where quick-add types, with room below it for the next card. */
  ensureRoomBelow(r: Box): void {
    if (!this.sized) return;
    const vp = this.vp;
    const w = this.width / vp.zoom;
    const h = this.height / vp.zoom;
    if (r.y + r.height > vp.y + h || r.y < vp.y || r.x < vp.x || r.x + r.width > vp.x + w) {
      this.set({ x: Math.min(vp.x, r.x - MARGIN / vp.zoom), y: r.y + r.height - h + (2 * MARGIN) / vp.zoom, zoom: vp.zoom });
    }
  }
}
