// The pointer on the map's cards and empty space: what a press starts (a card press that
// may become a drag of the cards, a marquee, a pan with Space or the middle button), what
// its release does (select, collapse a multi-selection, drop the cards as one edit, focus
// the clicked cell), and the double-click that edits a card or adds one. The gestures
// themselves are the states of gestures/; the editor overlay has its own for headers,
// edges, emotion points and connector handles.

import type { Edit, Scene } from '../generated/types';
import type { Selection } from './selection.svelte';
import type { ViewportController } from './viewport.svelte';
import type { CardText } from './cardText.svelte';
import { editor } from './editor.svelte';
import { PressHistory } from './gestures/pressHistory';
import { isTextEntry } from './keyboard/keys';
import { cardAt, cellAt, cellInfo, insertionIndex, type Cell } from './hit';
import type { Spot } from './keyboard/mapNav';
import { GestureMachine, type PointerInput } from './gestures/machine.svelte';
import { CardDrag } from './gestures/cardDrag.svelte';
import { Marquee } from './gestures/marquee';
import { Panning } from './gestures/panning';

/** How long a refused drop's cards take to ease back, in milliseconds (CardView's transition). */
const EASE_BACK_MS = 200;

/** What the pointer needs from the canvas. */
export interface MapPointerHost {
  scene(): Scene;
  selection: Selection;
  svg(): SVGSVGElement | undefined;
  viewport: ViewportController;
  text: CardText;
  /** Screen (client) coordinates → Scene coordinates. */
  toMapPoint(clientX: number, clientY: number): { x: number; y: number };
  focusCell(cell: Cell | null): void;
  focusCard(id: string | null): void;
  focusSpot(spot: Spot): void;
  send(edit: Edit | null): Promise<void>;
}

export class MapPointer {
  /** The gesture under way on the map (gestures/): a card press, a marquee or a pan. */
  readonly gestures = new GestureMachine();
  /** The cards pressed, dragged, or dropped and waiting for the answer. */
  readonly cardDrag = new CardDrag();
  /** Whether the presses a double-click is made of stayed clicks (see pressHistory.ts). */
  readonly presses = new PressHistory();
  /** Cards easing back to their place after a refused drop. */
  returning = $state<ReadonlySet<string>>(new Set());
  /** Space is held: a press pans. */
  spaceHeld = $state(false);
  /** A pointer is down on the map. */
  held = false;
  /** A drop's edit is under way. */
  settling = false;
  /** A plain click on a card of a multi-selection selects just it, once released without dragging. */
  #collapseTo: string | null = null;

  constructor(private readonly host: MapPointerHost) {}

  get marquee(): Marquee | null {
    const g = this.gestures.current;
    return g instanceof Marquee ? g : null;
  }

  get panning(): boolean {
    return this.gestures.current instanceof Panning;
  }

  /** A pointer event as the gestures read it. */
  #input(event: PointerEvent): PointerInput {
    return { pointerId: event.pointerId, client: { x: event.clientX, y: event.clientY }, at: this.host.toMapPoint(event.clientX, event.clientY) };
  }

  onpointerdown = (event: PointerEvent): void => {
    const { host, gestures, cardDrag } = this;
    const { selection } = host;
    const svg = host.svg();
    const scene = host.scene();
    this.held = true;
    const pan = event.button === 1 || (event.button === 0 && this.spaceHeld);
    if (pan && svg) {
      event.preventDefault();
      svg.setPointerCapture?.(event.pointerId);
      gestures.begin(new Panning(event.pointerId, { x: event.clientX, y: event.clientY }));
      return;
    }
    if (event.button !== 0 || !svg) return;
    const client = { x: event.clientX, y: event.clientY };
    const p = host.toMapPoint(event.clientX, event.clientY);
    const card = cardAt(scene, p);
    this.#collapseTo = null;
    if (card) {
      const mod = event.ctrlKey || event.metaKey;
      if (mod) {
        selection.toggle(card.id);
        if (!selection.has(card.id)) {
          host.focusCard(selection.primary);
          return;
        }
      } else if (event.shiftKey) {
        selection.extend(card.id);
      } else if (!selection.has(card.id)) {
        selection.set([card.id], card.id);
      } else {
        selection.primary = card.id;
        if (selection.size > 1) this.#collapseTo = card.id;
      }
      host.focusCell(cellInfo(scene, card));
      host.focusCard(card.id);
      svg.setPointerCapture?.(event.pointerId);
      cardDrag.press(selection.cards, client, p, event.pointerId);
      gestures.begin(cardDrag);
      editor.pressing = true;
      return;
    }
    svg.focus({ preventScroll: true });
    svg.setPointerCapture?.(event.pointerId);
    gestures.begin(new Marquee(event.pointerId, p, client, [...selection.cards], event.shiftKey || event.ctrlKey || event.metaKey));
  };

  onpointermove = (event: PointerEvent): void => {
    const scene = this.host.scene();
    const g = this.gestures.move(this.#input(event), scene);
    if (g instanceof Panning) this.host.viewport.panBy(-g.by.x, -g.by.y);
    else if (g instanceof Marquee && g.moved) this.host.selection.set(g.selected(scene));
  };

  onpointerup = async (event: PointerEvent): Promise<void> => {
    const { host } = this;
    const { selection } = host;
    this.held = false;
    host.svg()?.releasePointerCapture?.(event.pointerId);
    const released = this.gestures.up(this.#input(event), host.scene());
    if (!released) return;
    this.presses.record(released.outcome);
    const g = released.gesture;
    if (g instanceof CardDrag) {
      const result = g.released;
      const collapseTo = this.#collapseTo;
      if (result.kind === 'click') {
        if (collapseTo) selection.set([collapseTo], collapseTo);
      } else if (result.kind === 'drop') {
        this.settling = true;
        try {
          await this.#settleDrop(result.edit);
        } finally {
          this.settling = false;
        }
      }
      this.#collapseTo = null;
      // After a drop, once its answer is drawn: the inspector then fetches the new map
      // once, not the old one while the edit is under way.
      editor.pressing = false;
      return;
    }
    if (g instanceof Marquee && !g.moved) {
      if (!g.additive) selection.clear();
      const cell = cellAt(host.scene(), g.start);
      host.focusCell(cell);
      // The clicked cell becomes the map's stop (Tab away and back returns to it).
      if (cell && selection.primary === null) host.focusSpot({ kind: 'cell', stageId: cell.stageId, laneId: cell.laneId });
    }
  };

  onpointercancel = (event: PointerEvent): void => {
    this.held = false;
    const g = this.gestures.owned(event.pointerId);
    if (g instanceof Panning) {
      this.host.svg()?.releasePointerCapture?.(event.pointerId);
      this.gestures.cancel();
      return;
    }
    this.gestures.cancel();
    if (this.cardDrag.active) this.#easeBack(this.cardDrag.cards);
    this.presses.record('drag');
    editor.pressing = false;
  };

  onlostpointercapture = (): void => {
    if (!this.cardDrag.active && !this.settling) editor.pressing = false;
  };

  /** A double-click edits a card, or opens a new card where it was made in a cell. */
  ondblclick = (event: MouseEvent): void => {
    const { host } = this;
    if (event.button !== 0 || !this.presses.allowsDoubleClick()) return;
    const scene = host.scene();
    const p = host.toMapPoint(event.clientX, event.clientY);
    const card = cardAt(scene, p);
    if (card) {
      void host.text.startEdit(card.id);
      return;
    }
    const cell = cellAt(scene, p);
    if (!cell) return;
    event.preventDefault();
    host.focusCell(cell);
    host.selection.clear();
    host.text.startNew(cell, insertionIndex(scene, cell, p));
  };

  onauxclick = (event: MouseEvent): void => {
    if (event.button === 1) event.preventDefault(); // no middle-click paste or autoscroll
  };

  /** Esc during a gesture: the cards go back, or the marquee's selection is undone. */
  cancelGesture(): boolean {
    if (this.cardDrag.active) {
      this.gestures.cancel();
      this.#easeBack(this.cardDrag.cards);
      return true;
    }
    const marquee = this.marquee;
    if (marquee) {
      this.host.selection.set([...marquee.base]);
      this.gestures.cancel();
      return true;
    }
    return false;
  }

  /** A new Scene arrived: a drop's shifted drawing ends. */
  sceneChanged(): void {
    if (!this.cardDrag.active && this.cardDrag.cards.size > 0) this.cardDrag.reset();
  }

  /** Sends a drop's one edit; the cards stay where they were dropped until it is answered. */
  async #settleDrop(edit: Edit | null): Promise<void> {
    const { send } = this.host;
    const moved = this.cardDrag.cards;
    if (!edit) {
      this.#easeBack(moved);
      return;
    }
    const before = this.host.scene();
    await send(edit);
    if (this.host.scene() === before) this.#easeBack(moved); // refused: back to its place
    else this.cardDrag.reset();
  }

  #easeBack(cards: ReadonlySet<string>): void {
    this.returning = cards;
    this.cardDrag.reset();
    setTimeout(() => {
      if (this.returning === cards) this.returning = new Set();
    }, EASE_BACK_MS);
  }

  // Space + drag pans, while the focus is on the page or the map (Space still presses a
  // focused button elsewhere).

  #spaceTarget(event: KeyboardEvent): boolean {
    const target = event.target as Element | null;
    if (isTextEntry(target)) return false;
    const svg = this.host.svg();
    return !target || target === document.body || target === svg || (svg?.contains(target) ?? false);
  }

  onkeydown = (event: KeyboardEvent): void => {
    if (event.code === 'Space' && this.#spaceTarget(event)) {
      event.preventDefault();
      this.spaceHeld = true;
    }
  };

  onkeyup = (event: KeyboardEvent): void => {
    if (event.code === 'Space') this.spaceHeld = false;
  };

  onblur = (): void => {
    this.spaceHeld = false;
  };
}
