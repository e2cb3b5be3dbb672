// What the structure editor has in hand besides the card selection: a selected connector
// or stage/lane header, a header being renamed, and the stored map behind the Scene on
// screen, for showing what the Scene does not carry (a card's body and plan, hidden
// lanes, colours as stored). Edits are never built from it: they carry only what the
// user changed. Shared by the canvas overlay, the connector view and the inspector.

import * as ipc from '../document/ipc';
import { afterPaint } from '../document/afterPaint';
import type { Channel, Map as JourneyMap, Persona, Scene } from '../generated/types';

export type Target = { kind: 'stage' | 'lane'; id: string };

export interface RosterData {
  channels: Channel[];
  personas: Persona[];
}

export class EditorState {
  /** The selected connector (clicked on the canvas); exclusive with the others. */
  connectorId = $state<string | null>(null);
  /** The selected stage or lane header. */
  structure = $state<Target | null>(null);
  /** The header in rename mode (a new stage starts in it). */
  renaming = $state<Target | null>(null);
  /** The stored map of the Scene on screen, or null until fetched. */
  map = $state.raw<JourneyMap | null>(null);
  /** The Scene `map` was fetched for by `sync` (null: fetched otherwise, or not yet). */
  mapScene = $state.raw<Scene | null>(null);
  /** The document's channels and personas, or null when the backend has no `roster`. */
  roster = $state.raw<RosterData | null>(null);

  #pressing = $state(false);
  #onRelease: Array<() => void> = [];

  /**
   * A card is pressed or dragged on the canvas. The inspector keeps showing what it showed
   * and the stored map is not fetched until the release: laying out the inspector's form
   * takes a frame of its own (20–50 ms on a 2,000-card map without a GPU) that would stall
   * the drag's first moves (docs/BENCHMARKS.md).
   */
  get pressing(): boolean {
    return this.#pressing;
  }

  set pressing(value: boolean) {
    this.#pressing = value;
    if (value) return;
    const waiting = this.#onRelease;
    this.#onRelease = [];
    for (const go of waiting) go();
  }

  /** Resolves once no card is pressed on the canvas. */
  released(): Promise<void> {
    return this.#pressing ? new Promise((resolve) => this.#onRelease.push(resolve)) : Promise.resolve();
  }

  #syncedFor: Scene | null = null;
  #request = 0;

  selectConnector(id: string | null): void {
    this.connectorId = id;
    if (id !== null) this.structure = null;
  }

  selectStructure(target: Target | null): void {
    this.structure = target;
    if (target !== null) this.connectorId = null;
  }

  isSelected(kind: Target['kind'], id: string): boolean {
    return this.structure?.kind === kind && this.structure.id === id;
  }

  isRenaming(kind: Target['kind'], id: string): boolean {
    return this.renaming?.kind === kind && this.renaming.id === id;
  }

  /** Forgets selections that no longer exist in the scene. */
  prune(scene: Scene, map: JourneyMap | null = this.map): void {
    if (this.connectorId && !scene.connectors.some((c) => c.id === this.connectorId)) this.connectorId = null;
    const s = this.structure;
    if (s) {
      const exists =
        s.kind === 'stage'
          ? scene.stages.some((x) => x.id === s.id)
          : (map?.lanes ?? scene.lanes).some((x) => x.id === s.id);
      if (!exists) this.structure = null;
    }
  }

  /**
   * Fetches the stored map (and the roster) for a newly drawn Scene, once per Scene, after
   * that Scene has been painted and no card is pressed: it is what the inspector and the
   * overlay show, not what edits are built from.
   */
  sync(scene: Scene): Promise<void> {
    // Asked again for the same Scene: the same fetch (callers may wait for it).
    if (this.#syncedFor === scene) return this.#synced;
    this.#syncedFor = scene;
    this.#synced = this.#fetch(scene);
    return this.#synced;
  }

  #synced: Promise<void> = Promise.resolve();

  async #fetch(scene: Scene): Promise<void> {
    const request = ++this.#request;
    await afterPaint();
    await this.released();
    if (request !== this.#request) return;
    try {
      const map = await ipc.mapData(scene.mapId);
      if (request !== this.#request) return;
      this.map = map;
      this.mapScene = scene;
      this.prune(scene, map);
    } catch {
      if (request === this.#request) {
        this.map = null;
        this.mapScene = null;
      }
    }
    try {
      const roster = await ipc.roster();
      if (request === this.#request && roster && Array.isArray(roster.channels)) this.roster = roster;
    } catch {
      // An older backend without `roster`: the inspector derives what it can from the Scene.
    }
  }

  reset(): void {
    this.connectorId = null;
    this.structure = null;
    this.renaming = null;
    this.map = null;
    this.mapScene = null;
    this.roster = null;
    this.#syncedFor = null;
    this.#synced = Promise.resolve();
    this.#request++;
  }
}

/**
 * The map as the Scene shows it (ids, stage widths, lane kinds and collapsed lanes; never
 * colours, which the Scene resolves): what edits are checked against for a no-op before
 * the stored map has arrived. Updates carry only what the user changed, so this is enough.
 */
export function shownFromScene(scene: Scene): JourneyMap {
  const stages = scene.stages.map((s) => ({ id: s.id, width: s.width }) as JourneyMap['stages'][number]);
  const lanes = scene.lanes.map((l) => ({ id: l.id, kind: l.kind, collapsed: l.collapsed }) as JourneyMap['lanes'][number]);
  const cards = scene.cards.map((c) => ({ id: c.id }) as JourneyMap['cards'][number]);
  return { id: scene.mapId, name: scene.mapName, description: '', personaIds: [], stages, lanes, cards, connectors: [], emotionPoints: [], voteRounds: [] };
}

/** The one editor state of the window. */
export const editor = new EditorState();
