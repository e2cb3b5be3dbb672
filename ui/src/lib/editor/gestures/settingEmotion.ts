// Dragging an emotion point up or down: the value follows the pointer through its lane's
// band (−2…+2) and the release sets it.

import { bandOf, valueForY } from '../emotion';
import type { PressOutcome } from './pressHistory';
import type { Gesture, PointerInput } from './machine.svelte';

export class SettingEmotion implements Gesture {
  readonly kind = 'emotion';

  constructor(
    readonly personaId: string,
    readonly stageId: string,
    /** The top of the point's lane, in Scene units: its band is measured from there. */
    readonly laneTop: number,
    readonly pointerId: number,
    /** The value when pressed. */
    readonly old: number,
    readonly value = old,
  ) {}

  onPointerMove(input: PointerInput): SettingEmotion {
    const value = valueForY(input.at.y, bandOf(this.laneTop));
    return new SettingEmotion(this.personaId, this.stageId, this.laneTop, this.pointerId, this.old, value);
  }

  onPointerUp(input: PointerInput): { outcome: PressOutcome; last: Gesture } {
    const last = this.onPointerMove(input);
    return { outcome: last.value === last.old ? 'click' : 'drag', last };
  }
}
