// Where the user left each map (zoom and scroll). The backend keeps them in the app's
// settings, so a map comes back as it was left after switching maps, views or documents,
// and after a restart. A view is not content: changing it is no edit and no undo step.

import * as ipc from './ipc';
import type { Viewport } from '../editor/viewport';

/** A view is written this long after the user stops zooming or scrolling. */
export const SAVE_DELAY_MS = 400;

export class MapViews {
  /** The document whose views are loaded; null until the first load ends. */
  path = $state<string | null>(null);
  #views = new Map<string, Viewport>();
  #pending = new Map<string, ReturnType<typeof setTimeout>>();
  #loading: string | null = null;

  /** Loads the views of the document at `path` (the open one). Never fails: without
   * them, maps open at their opening view. */
  async load(path: string): Promise<void> {
    if (this.#loading === path || this.path === path) return;
    this.#loading = path;
    this.flush();
    let views: Record<string, Viewport> = {};
    try {
      views = (await ipc.mapViews()) ?? {};
    } catch {
      // Views are a convenience; the maps open at their opening view instead.
    }
    if (this.#loading !== path) return;
    this.#loading = null;
    this.#views = new Map(Object.entries(views));
    this.path = path;
  }

  get(mapId: string): Viewport | undefined {
    return this.#views.get(mapId);
  }

  /** Keeps `view` for `mapId` now, and writes it once the view has been still a moment. */
  remember(mapId: string, view: Viewport): void {
    const path = this.path;
    if (path === null) return;
    const kept = { x: view.x, y: view.y, zoom: view.zoom };
    this.#views.set(mapId, kept);
    const key = `${path}\u0000${mapId}`;
    clearTimeout(this.#pending.get(key));
    this.#pending.set(
      key,
      setTimeout(() => {
        this.#pending.delete(key);
        void ipc.rememberMapView(path, mapId, kept).catch(() => {});
      }, SAVE_DELAY_MS),
    );
  }

  /** Writes the views still waiting (before another document is loaded). */
  flush(): void {
    for (const [key, timer] of this.#pending) {
      clearTimeout(timer);
      const [path, mapId] = key.split('\u0000') as [string, string];
      const view = path === this.path ? this.#views.get(mapId) : undefined;
      if (view) void ipc.rememberMapView(path, mapId, view).catch(() => {});
    }
    this.#pending.clear();
  }
}
