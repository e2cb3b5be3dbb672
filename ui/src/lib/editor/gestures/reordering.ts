// Pointing at a stage or lane header → reordering it. A press that stays under the
// threshold selects the header; past it, the header follows the pointer along its axis
// (stages across, lanes down) and its release moves it to where it was dropped.

import type { PressOutcome } from './pressHistory';
import { passedThreshold, type Gesture, type Point, type PointerInput } from './machine.svelte';

export class Reordering implements Gesture {
  readonly kind = 'reordering';

  constructor(
    readonly axis: 'stage' | 'lane',
    readonly id: string,
    readonly pointerId: number,
    readonly startClient: Point,
    /** Past the threshold: the header is being dragged. */
    readonly moved = false,
    /** Where the pointer is along the axis, in Scene units (x for a stage, y for a lane). */
    readonly pos = 0,
  ) {}

  onPointerMove(input: PointerInput): Reordering {
    const moved = this.moved || passedThreshold(this.startClient, input.client);
    const pos = this.axis === 'stage' ? input.at.x : input.at.y;
    return new Reordering(this.axis, this.id, this.pointerId, this.startClient, moved, pos);
  }

  onPointerUp(input: PointerInput): { outcome: PressOutcome; last: Gesture } {
    const last = this.onPointerMove(input);
    return { outcome: last.moved ? 'drag' : 'click', last };
  }
}
