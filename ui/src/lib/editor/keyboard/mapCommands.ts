// What the map's keys do (the keys themselves are the table's, keys.ts: MAP_KEYS): clear,
// delete, duplicate, select all, edit, quick-add, arrow-key travel between the map's spots
// (mapNav.ts), moving a card with Alt+arrows, following connectors, scrolling. Each entry
// is bound here to its action; the canvas hands its key presses to `onkey`.

import { tick } from 'svelte';
import type { Edit, Map as JourneyMap, Scene } from '../../generated/types';
import type { Selection } from '../selection.svelte';
import type { ViewportController } from '../viewport.svelte';
import type { CardText } from '../cardText.svelte';
import { MAP_KEYS, bindKeys, dispatchKey, isTextEntry, type KeyPress, type MapKeyId } from './keys';
import { cardAction, type CardAction } from './cardKeys';
import { addedCardIds, deleteCardsEdit, duplicateCardsEdit, moveCardsEdit } from '../edits/cardEdits';
import { adjacentCell, cellCards, neighbourCard, type Cell, type CellInfo, type Direction } from '../hit';
import { linkedSpot, nextSpot, spotOf, spotRect, spotSelector, type Spot } from './mapNav';

/** Shift+arrows scroll this far, in screen pixels. */
export const SCROLL_STEP = 240;

/** What the map's keys need from the canvas. */
export interface MapCommandsHost {
  scene(): Scene;
  selection: Selection;
  svg(): SVGSVGElement | undefined;
  viewport: ViewportController;
  text: CardText;
  /** The cell keyboard actions start from when no card has the focus. */
  focusCell: Cell | null;
  /** The card the focus is on, or the focused cell, as a cell with its kind. */
  activeCell(): CellInfo | null;
  cellOf(cardId: string | null): CellInfo | null;
  /** Cards are pressed or dragged. */
  dragging(): boolean;
  /** Esc during a gesture: cancels it; false when none was under way. */
  cancelGesture(): boolean;
  loadMap(): Promise<JourneyMap>;
  send(edit: Edit | null): Promise<void>;
  fail(error: unknown): void;
  select(id: string): void;
  focusCard(id: string | null): void;
}

export class MapCommands {
  readonly #bindings;

  constructor(private readonly host: MapCommandsHost) {
    const card = (id: MapKeyId) => (e: KeyPress) => this.run(cardAction(id)!, e.target ?? null);
    const scroll = (dx: number, dy: number) => (e: KeyPress) => this.#scrollByKey(dx, dy, e.target ?? null);
    this.#bindings = bindKeys(MAP_KEYS, {
      clear: card('clear'),
      delete: card('delete'),
      duplicate: card('duplicate'),
      'select-all': card('select-all'),
      edit: card('edit'),
      'quick-add': card('quick-add'),
      'focus-left': card('focus-left'),
      'focus-right': card('focus-right'),
      'focus-up': card('focus-up'),
      'focus-down': card('focus-down'),
      'move-left': card('move-left'),
      'move-right': card('move-right'),
      'move-up': card('move-up'),
      'move-down': card('move-down'),
      'follow-out': (e) => this.#followLink('right', e.target ?? null),
      'follow-in': (e) => this.#followLink('left', e.target ?? null),
      'scroll-left': scroll(-SCROLL_STEP, 0),
      'scroll-right': scroll(SCROLL_STEP, 0),
      'scroll-up': scroll(0, -SCROLL_STEP),
      'scroll-down': scroll(0, SCROLL_STEP),
    });
  }

  /** A key pressed while the map has the focus and nothing is typed: its action, if any applies. */
  onkey(event: KeyboardEvent): boolean {
    return dispatchKey(this.#bindings, event);
  }

  #has(id: string): boolean {
    return this.host.scene().cards.some((c) => c.id === id);
  }

  /** Runs a card action; false when it did not apply (the key keeps its usual meaning). */
  run(action: CardAction, target: EventTarget | null = null): boolean {
    const { host } = this;
    const { selection, send } = host;
    const scene = host.scene();
    switch (action.type) {
      case 'clear':
        if (host.cancelGesture()) return true;
        if (selection.size === 0 && !host.focusCell) return false;
        selection.clear();
        host.focusCell = null;
        return true;
      case 'delete': {
        if (selection.size === 0) return false;
        const edit = deleteCardsEdit(scene.mapId, selection.cards);
        const next = this.#neighbourAfterDelete();
        void send(edit).then(() => {
          if (next && this.#has(next)) host.select(next);
          else host.focusCard(null);
        });
        return true;
      }
      case 'duplicate':
        if (selection.size === 0) return false;
        void this.#duplicate();
        return true;
      case 'select-all':
        selection.set(
          scene.cards.map((c) => c.id),
          selection.primary,
        );
        return true;
      case 'edit':
        if (selection.primary) void host.text.startEdit(selection.primary);
        else if (host.focusCell) host.text.openQuickAdd(host.focusCell);
        else return false;
        return true;
      case 'quick-add': {
        const cell = host.activeCell();
        if (!cell) return false;
        host.text.openQuickAdd(cell);
        return true;
      }
      case 'focus':
        return this.#moveFocus(action.dir, target);
      case 'move':
        return this.#moveByKey(action.dir);
    }
  }

  #neighbourAfterDelete(): string | null {
    const { selection } = this.host;
    const scene = this.host.scene();
    const primary = selection.primary;
    if (!primary) return null;
    for (const dir of ['down', 'up', 'left', 'right'] as Direction[]) {
      let n = neighbourCard(scene, primary, dir);
      while (n && selection.has(n.id)) n = neighbourCard(scene, n.id, dir);
      if (n) return n.id;
    }
    return null;
  }

  /** Where the arrow keys start from: the focused element of the map, else the selection. */
  #originSpot(target: EventTarget | null): Spot | null {
    const svg = this.host.svg();
    const el = target instanceof Element && target !== svg && svg?.contains(target) ? target : null;
    const spot = el ? spotOf(el.closest('[data-testid]')) : null;
    if (spot) return spot;
    const { selection, focusCell } = this.host;
    if (selection.primary) return { kind: 'card', id: selection.primary };
    return focusCell ? { kind: 'cell', stageId: focusCell.stageId, laneId: focusCell.laneId } : null;
  }

  #moveFocus(dir: Direction, target: EventTarget | null): boolean {
    const from = this.#originSpot(target);
    const next = nextSpot(this.host.scene(), from, dir);
    if (next) this.goTo(next);
    return next !== null || from !== null;
  }

  /** Ctrl+Right / Ctrl+Left: a card's outgoing / incoming connectors (mapNav.ts). */
  #followLink(dir: 'right' | 'left', target: EventTarget | null): boolean {
    const next = linkedSpot(this.host.scene(), this.#originSpot(target), dir);
    if (next) this.goTo(next);
    return true;
  }

  /** Moves the keyboard focus to a spot: a card is selected, anything else clears the selection. */
  goTo(spot: Spot): void {
    if (spot.kind === 'card') {
      this.host.select(spot.id);
      return;
    }
    this.host.selection.clear();
    this.host.focusCell = spot.kind === 'cell' ? { stageId: spot.stageId, laneId: spot.laneId } : null;
    void this.focusSpot(spot);
  }

  /** Focuses a spot's element once the DOM has caught up, and scrolls it into view. */
  async focusSpot(spot: Spot): Promise<void> {
    await tick();
    if (this.host.text.typing || isTextEntry(document.activeElement)) return;
    this.host.svg()?.querySelector<SVGElement>(spotSelector(spot))?.focus({ preventScroll: true });
    this.host.viewport.ensureVisible(spotRect(this.host.scene(), spot));
  }

  /** Shift+arrows scroll the map (the arrows alone move the focus in it), while the focus is in it. */
  #scrollByKey(dx: number, dy: number, target: EventTarget | null): boolean {
    const svg = this.host.svg();
    if (this.host.dragging() || !svg || !(target instanceof Node) || !svg.contains(target)) return false;
    this.host.viewport.panBy(dx, dy);
    return true;
  }

  #moveByKey(dir: Direction): boolean {
    const { host } = this;
    const { send } = host;
    const scene = host.scene();
    const id = host.selection.primary;
    const card = id ? scene.cards.find((c) => c.id === id) : undefined;
    if (!card) return false;
    const target = adjacentCell(scene, card, dir);
    if (!target) return true;
    const staying = cellCards(scene, target).length;
    const index = dir === 'up' ? staying : dir === 'down' ? 0 : Math.min(card.index, staying);
    const edit = moveCardsEdit(scene, [card.id], target, index);
    void send(edit).then(() => {
      host.focusCell = host.cellOf(card.id);
      host.focusCard(card.id);
    });
    return true;
  }

  async #duplicate(): Promise<void> {
    const { host } = this;
    const { send, selection } = host;
    try {
      const map = await host.loadMap();
      const edit = duplicateCardsEdit(map, selection.cards);
      await send(edit);
      const ids = addedCardIds(edit).filter((id) => this.#has(id));
      if (ids.length > 0) selection.set(ids, ids[0]);
    } catch (error) {
      host.fail(error);
    }
  }
}
