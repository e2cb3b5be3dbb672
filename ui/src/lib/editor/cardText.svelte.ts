// Typing on the map: the card editor (a card's title and body, or a new card in a cell,
// opened by double-click, Enter or F2) and quick-add (N: titles typed one after another,
// each a card at the end of the cell). Each commit is one edit; the canvas draws the
// fields where `editorBox` and `quickAddBox` say.

import type { Card, Edit, Map as JourneyMap, Scene } from '../generated/types';
import type { Selection } from './selection.svelte';
import type { ViewportController } from './viewport.svelte';
import { addCardEdit, addedCardIds, updateCardTextEdit } from './edits/cardEdits';
import { cellCards, cellInfo, endOfCellRect, type Cell, type CellInfo } from './hit';

export type Editing = { kind: 'card'; cardId: string; card: Card } | { kind: 'new'; cell: CellInfo; index: number };

/** What typing on the map needs from the canvas. */
export interface CardTextHost {
  scene(): Scene;
  selection: Selection;
  viewport: ViewportController;
  /** The stored map when at hand (for the cells' names). */
  storedMap(): JourneyMap | null;
  loadMap(): Promise<JourneyMap>;
  send(edit: Edit | null): Promise<void>;
  fail(error: unknown): void;
  /** Moves the keyboard focus to a card, or to the map (null). */
  focusCard(id: string | null): void;
  /** Selects a card and focuses it. */
  select(id: string): void;
  /** The cell keyboard actions start from changed. */
  focusCell(cell: Cell | null): void;
}

/** "Stage · Lane", as a cell is named to the user: the stored names when at hand (the Scene's are wrapped into lines). */
export function cellName(scene: Scene, stored: JourneyMap | null, cell: Cell): string {
  const lines = (l: { text: string }[] | undefined) => (l ?? []).map((x) => x.text).join(' ');
  const stage = stored?.stages.find((s) => s.id === cell.stageId)?.name ?? lines(scene.stages.find((s) => s.id === cell.stageId)?.name);
  const lane = stored?.lanes.find((l) => l.id === cell.laneId)?.name ?? lines(scene.lanes.find((l) => l.id === cell.laneId)?.name);
  return `${stage} · ${lane}`;
}

export class CardText {
  editing = $state.raw<Editing | null>(null);
  quickAdd = $state.raw<Cell | null>(null);
  /** Quick-added cards waiting for the one before them to be answered. */
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly host: CardTextHost) {}

  /** A field is open: keys and the clipboard are its own. */
  get typing(): boolean {
    return this.editing !== null || this.quickAdd !== null;
  }

  /** Where the card editor goes, in pixels from the canvas's top-left. */
  get editorBox(): { left: number; top: number; width: number } | null {
    const e = this.editing;
    if (!e) return null;
    const scene = this.host.scene();
    const rect =
      e.kind === 'card'
        ? (scene.cards.find((c) => c.id === e.cardId) ?? null)
        : (() => {
            const line = endOfCellRect(scene, e.cell);
            const cards = cellCards(scene, e.cell);
            const next = cards[e.index];
            return line && next ? { ...line, y: next.y } : line;
          })();
    if (!rect) return null;
    const at = this.host.viewport.toScreen(rect);
    return { left: at.x, top: at.y, width: rect.width * this.host.viewport.zoom };
  }

  /** Where the quick-add field goes, and what it is called. */
  get quickAddBox(): { left: number; top: number; width: number; label: string } | null {
    const cell = this.quickAdd;
    if (!cell) return null;
    const scene = this.host.scene();
    const rect = endOfCellRect(scene, cell);
    if (!rect) return null;
    const at = this.host.viewport.toScreen(rect);
    return {
      left: at.x,
      top: at.y,
      width: rect.width * this.host.viewport.zoom,
      label: `Add a card to ${cellName(scene, this.host.storedMap(), cell)}`,
    };
  }

  /** Drops what refers to cards or cells the Scene no longer has. */
  prune(scene: Scene, ids: ReadonlySet<string>): void {
    if (this.editing?.kind === 'card' && !ids.has(this.editing.cardId)) this.editing = null;
    if (this.quickAdd && !cellInfo(scene, this.quickAdd)) this.quickAdd = null;
  }

  async startEdit(cardId: string): Promise<void> {
    this.quickAdd = null;
    try {
      const map = await this.host.loadMap();
      const card = map.cards.find((c) => c.id === cardId);
      if (!card) return;
      this.host.selection.set([cardId], cardId);
      this.editing = { kind: 'card', cardId, card };
    } catch (error) {
      this.host.fail(error);
    }
  }

  /** A new card in a cell, at `index`. */
  startNew(cell: CellInfo, index: number): void {
    this.editing = { kind: 'new', cell, index };
  }

  async commitEdit(title: string, body: string): Promise<void> {
    const { host } = this;
    const { send } = host;
    const scene = host.scene();
    const e = this.editing;
    this.editing = null;
    if (!e) return;
    if (e.kind === 'card') {
      await send(updateCardTextEdit(scene.mapId, e.card, title, body));
      host.focusCard(e.cardId);
    } else {
      // A new card is only sent once it has a title: leaving it empty adds nothing.
      const edit = addCardEdit(scene.mapId, e.cell, e.cell.kind, title, e.index, body);
      await send(edit);
      const [id] = addedCardIds(edit);
      if (id && host.scene().cards.some((c) => c.id === id)) host.select(id);
      else host.focusCard(null);
    }
  }

  cancelEdit(): void {
    const e = this.editing;
    this.editing = null;
    this.host.focusCard(e?.kind === 'card' ? e.cardId : this.host.selection.primary);
  }

  openQuickAdd(cell: Cell | null): void {
    if (!cell) return;
    this.editing = null;
    this.host.focusCell(cell);
    this.quickAdd = cell;
    const box = endOfCellRect(this.host.scene(), cell);
    if (box) this.host.viewport.ensureRoomBelow(box);
  }

  /**
   * Appends a card at the end of the cell, after whatever is there. Titles typed faster
   * than the backend answers go in one at a time, each once the scene shows the one
   * before it: the end of the cell is only known then (else they would share one index
   * and land in reverse order).
   */
  quickAddCard(title: string): Promise<void> {
    const { host } = this;
    const { send } = host;
    const target = this.quickAdd;
    const next = this.#queue.then(async () => {
      const scene = host.scene();
      const cell = target ? cellInfo(scene, target) : null;
      if (!cell) return;
      await send(addCardEdit(scene.mapId, cell, cell.kind, title, cellCards(scene, cell).length));
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  closeQuickAdd(): void {
    if (!this.quickAdd) return;
    this.quickAdd = null;
    this.host.focusCard(this.host.selection.primary);
  }
}
