// Panning: Space + drag or the middle button. Each move scrolls the view by what the
// pointer travelled since the last one; a pan never counts toward a double-click.

import type { PressOutcome } from './pressHistory';
import type { Gesture, Point, PointerInput } from './machine.svelte';

export class Panning implements Gesture {
  readonly kind = 'panning';

  constructor(
    readonly pointerId: number,
    /** Where the pointer was at the last move, in the window. */
    readonly last: Point,
    /** How far it travelled in that move, in screen pixels. */
    readonly by: Point = { x: 0, y: 0 },
  ) {}

  onPointerMove(input: PointerInput): Panning {
    return new Panning(this.pointerId, input.client, { x: input.client.x - this.last.x, y: input.client.y - this.last.y });
  }

  onPointerUp(): { outcome: PressOutcome; last: Gesture } {
    return { outcome: 'drag', last: this };
  }
}
