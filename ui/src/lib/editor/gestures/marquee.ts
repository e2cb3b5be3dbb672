// Pointing at the empty map → drawing a marquee. A press that stays under the threshold is
// a click on the map (it clears the selection and focuses the cell); past it, the cards
// the rectangle touches are selected, added to the ones held before when Shift or Ctrl was.

import type { Scene } from '../../generated/types';
import { marqueeSelection, rectFrom } from '../hit';
import type { PressOutcome } from './pressHistory';
import { passedThreshold, type Gesture, type Point, type PointerInput } from './machine.svelte';

export class Marquee implements Gesture {
  readonly kind = 'marquee';

  constructor(
    readonly pointerId: number,
    /** Where it was pressed, on the map and in the window. */
    readonly start: Point,
    readonly startClient: Point,
    /** The selection when it was pressed. */
    readonly base: readonly string[],
    /** Shift or Ctrl was held: the marquee adds to `base`. */
    readonly additive: boolean,
    readonly current: Point = start,
    /** Past the threshold: drawn, and selecting. */
    readonly moved = false,
  ) {}

  onPointerMove(input: PointerInput): Marquee {
    const moved = this.moved || passedThreshold(this.startClient, input.client);
    return new Marquee(this.pointerId, this.start, this.startClient, this.base, this.additive, input.at, moved);
  }

  onPointerUp(): { outcome: PressOutcome; last: Gesture } {
    return { outcome: this.moved ? 'drag' : 'click', last: this };
  }

  /** The cards selected while it is drawn. */
  selected(scene: Scene): string[] {
    return marqueeSelection(scene, rectFrom(this.start, this.current), [...this.base], this.additive);
  }
}
