// Dragging from the selected card's connector handle: a rubber band follows the pointer
// and the card under it (another than the one it starts from) is the target.

import type { Scene } from '../../generated/types';
import { cardAt } from '../hit';
import type { PressOutcome } from './pressHistory';
import type { Gesture, Point, PointerInput } from './machine.svelte';

export class Connecting implements Gesture {
  readonly kind = 'connecting';

  constructor(
    readonly fromId: string,
    readonly pointerId: number,
    /** The band's loose end, in Scene units. */
    readonly end: Point,
    readonly targetId: string | null = null,
  ) {}

  onPointerMove(input: PointerInput, scene: Scene): Connecting {
    const target = cardAt(scene, input.at);
    return new Connecting(this.fromId, this.pointerId, input.at, target && target.id !== this.fromId ? target.id : null);
  }

  onPointerUp(input: PointerInput, scene: Scene): { outcome: PressOutcome; last: Gesture } {
    const last = this.onPointerMove(input, scene);
    return { outcome: last.targetId ? 'drag' : 'click', last };
  }
}
