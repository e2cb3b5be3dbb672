// Resizing a stage by its right edge: the width follows the pointer, snapped, and the
// release sets it (nothing when it ends where it began).

import { snapWidth } from '../edits/structureEdits';
import type { PressOutcome } from './pressHistory';
import type { Gesture, PointerInput } from './machine.svelte';

export class Resizing implements Gesture {
  readonly kind = 'resizing';

  constructor(
    readonly id: string,
    readonly pointerId: number,
    /** Where the edge was pressed, in Scene units. */
    readonly startX: number,
    readonly startWidth: number,
    readonly width = startWidth,
  ) {}

  onPointerMove(input: PointerInput): Resizing {
    return new Resizing(this.id, this.pointerId, this.startX, this.startWidth, snapWidth(this.startWidth + (input.at.x - this.startX)));
  }

  onPointerUp(input: PointerInput): { outcome: PressOutcome; last: Gesture } {
    const last = this.onPointerMove(input);
    return { outcome: last.width === last.startWidth ? 'click' : 'drag', last };
  }
}
