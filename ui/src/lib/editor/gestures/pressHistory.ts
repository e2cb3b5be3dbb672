// How the last presses on the map ended. The browser counts any press and release on the
// map toward a double-click, even one that dragged a card, drew a marquee or panned; a
// double-click made with such a press is not one the user meant (a click on a card, then
// a quick drag of it, would open a "New card" editor where it was dropped).

export type PressOutcome = 'click' | 'drag';

export class PressHistory {
  #last: PressOutcome[] = [];

  /** A press on the map was released: it stayed a click or became a drag. */
  record(outcome: PressOutcome): void {
    this.#last = [...this.#last.slice(-1), outcome];
  }

  /** A double-click is the last two presses: it counts only if neither became a drag. */
  allowsDoubleClick(): boolean {
    return !this.#last.includes('drag');
  }
}
