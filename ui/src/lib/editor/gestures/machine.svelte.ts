// The one gesture state machine of the map. A pointer press starts a gesture (a state
// object, one file each in this folder); the layer that started it feeds it the pointer's
// moves and its release, and reads the state to draw the preview and, on release, to act.
// States that cannot tell a click from a drag at the press (a card, the empty map, a
// header) start in their pointing phase and become a drag only past DRAG_THRESHOLD; the
// handles that only drag (a stage's edge, an emotion point, the connector handle, a pan)
// start dragging at once.
//
//   idle → pointing → dragging cards | marquee | reordering
//   idle → panning | resizing | emotion | connecting

import type { Scene } from '../../generated/types';
import type { PressOutcome } from './pressHistory';

export interface Point {
  x: number;
  y: number;
}

/** Screen pixels a press must travel before it becomes a drag: the one threshold of the map. */
export const DRAG_THRESHOLD = 4;

/** True once the pointer has travelled the threshold from where it was pressed. */
export function passedThreshold(start: Point, now: Point): boolean {
  return Math.hypot(now.x - start.x, now.y - start.y) >= DRAG_THRESHOLD;
}

/** Where the pointer is, in the window and on the map. */
export interface PointerInput {
  pointerId: number;
  client: Point;
  /** The same place in Scene coordinates. */
  at: Point;
}

export type GestureKind = 'cards' | 'marquee' | 'panning' | 'reordering' | 'resizing' | 'emotion' | 'connecting';

/** One state of a gesture. A move returns the state to be in next (itself, or a new one). */
export interface Gesture {
  readonly kind: GestureKind;
  /** The pointer that drives it; null: any (a press made without a pointer id). */
  readonly pointerId: number | null;
  onPointerMove(input: PointerInput, scene: Scene): Gesture;
  /** Released: whether it stayed a click, and the state it ended in (for the layer to act on). */
  onPointerUp(input: PointerInput, scene: Scene): { outcome: PressOutcome; last: Gesture };
}

export interface Released<G extends Gesture = Gesture> {
  outcome: PressOutcome;
  gesture: G;
}

/** A layer's gesture in progress (the canvas has one, the editor overlay another). */
export class GestureMachine {
  current = $state.raw<Gesture | null>(null);

  /** A press started a gesture. */
  begin(gesture: Gesture): void {
    this.current = gesture;
  }

  /** The gesture this pointer drives, if any. */
  owned(pointerId: number): Gesture | null {
    const g = this.current;
    return g && (g.pointerId === null || g.pointerId === pointerId) ? g : null;
  }

  /** Feeds a move to the gesture this pointer drives; returns its new state, or null. */
  move(input: PointerInput, scene: Scene): Gesture | null {
    const g = this.owned(input.pointerId);
    if (!g) return null;
    const next = g.onPointerMove(input, scene);
    this.current = next;
    return next;
  }

  /** Ends the gesture this pointer drives; null when it drives none. */
  up(input: PointerInput, scene: Scene): Released | null {
    const g = this.owned(input.pointerId);
    if (!g) return null;
    this.current = null;
    const { outcome, last } = g.onPointerUp(input, scene);
    return { outcome, gesture: last };
  }

  /** Esc or a lost pointer: the gesture ends without acting; returns what it was. */
  cancel(): Gesture | null {
    const g = this.current;
    this.current = null;
    return g;
  }
}
