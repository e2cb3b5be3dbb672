// Pointing at a card → dragging cards. A press on a card is a click until the pointer
// travels the threshold; then the cards follow the pointer (drawn shifted, nothing is
// sent) and a drop target is tracked. The drop yields one edit, or none when the cards
// would land where they started. Esc cancels. The canvas keeps one of these: after a
// drop the cards stay drawn where they were dropped until the edit is answered (`reset`).

import type { Edit, Scene } from '../../generated/types';
import { cellAt, dropLine, insertionIndex, type CellInfo, type Point } from '../hit';
import { moveCardsEdit } from '../edits/cardEdits';
import { DRAG_THRESHOLD, passedThreshold, type Gesture, type PointerInput } from './machine.svelte';
import type { PressOutcome } from './pressHistory';

export { DRAG_THRESHOLD };

export interface DropTarget {
  cell: CellInfo;
  index: number;
  line: { x1: number; x2: number; y: number } | null;
}

export type DragPhase = 'idle' | 'pressed' | 'dragging';

export type CardRelease = { kind: 'click' } | { kind: 'drop'; edit: Edit | null } | { kind: 'none' };

export class CardDrag implements Gesture {
  readonly kind = 'cards';
  phase = $state<DragPhase>('idle');
  /** The cards that move (the selection, or the pressed card). */
  cards = $state<ReadonlySet<string>>(new Set());
  /** How far the cards are drawn from their place, in scene units. */
  offset = $state<Point>({ x: 0, y: 0 });
  target = $state.raw<DropTarget | null>(null);
  /** What the last release came to (read by the canvas once the machine hands it back). */
  released: CardRelease = { kind: 'none' };

  #startClient: Point = { x: 0, y: 0 };
  #startScene: Point = { x: 0, y: 0 };
  pointerId: number | null = null;

  get active(): boolean {
    return this.phase !== 'idle';
  }

  get dragging(): boolean {
    return this.phase === 'dragging';
  }

  /** A press on a card: `cards` would move if this becomes a drag. */
  press(cards: Iterable<string>, client: Point, scenePoint: Point, pointerId: number | null = null): void {
    this.phase = 'pressed';
    this.cards = new Set(cards);
    this.offset = { x: 0, y: 0 };
    this.target = null;
    this.#startClient = client;
    this.#startScene = scenePoint;
    this.pointerId = pointerId;
  }

  /** The pointer moved; returns true while dragging (the press turned into a drag). */
  move(scene: Scene, client: Point, scenePoint: Point): boolean {
    if (this.phase === 'idle') return false;
    if (this.phase === 'pressed') {
      if (!passedThreshold(this.#startClient, client)) return false;
      this.phase = 'dragging';
    }
    this.offset = { x: scenePoint.x - this.#startScene.x, y: scenePoint.y - this.#startScene.y };
    const cell = cellAt(scene, scenePoint);
    if (!cell) {
      this.target = null;
    } else {
      const index = insertionIndex(scene, cell, scenePoint, this.cards);
      this.target = { cell, index, line: dropLine(scene, cell, index, this.cards) };
    }
    return true;
  }

  /**
   * The pointer was released. `click` when it never became a drag; otherwise `drop` with
   * the one edit to send (null when dropped outside the cells or where the cards were).
   */
  release(scene: Scene): CardRelease {
    const phase = this.phase;
    const target = this.target;
    const cards = this.cards;
    if (phase === 'idle') return { kind: 'none' };
    if (phase === 'pressed') {
      this.reset();
      return { kind: 'click' };
    }
    const edit = target ? moveCardsEdit(scene, cards, target.cell, target.index) : null;
    // The offset stays until the caller settles the drop (see `settle`).
    this.phase = 'idle';
    this.target = null;
    return { kind: 'drop', edit };
  }

  /** Esc: the cards go back, nothing is sent. */
  cancel(): void {
    this.reset();
  }

  /** After a drop's edit is answered (or refused): the cards are drawn at their place again. */
  reset(): void {
    this.phase = 'idle';
    this.cards = new Set();
    this.offset = { x: 0, y: 0 };
    this.target = null;
    this.pointerId = null;
  }

  // As a state of the canvas's gesture machine.

  onPointerMove(input: PointerInput, scene: Scene): Gesture {
    this.move(scene, input.client, input.at);
    return this;
  }

  onPointerUp(_input: PointerInput, scene: Scene): { outcome: PressOutcome; last: Gesture } {
    this.released = this.release(scene);
    return { outcome: this.released.kind === 'drop' ? 'drag' : 'click', last: this };
  }
}
