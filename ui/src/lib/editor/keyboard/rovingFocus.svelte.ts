// The map is one stop in the Tab order. Inside it the arrow keys move the focus (mapNav.ts)
// by "roving tabindex": the element that has (or last had) the focus in the map has
// tabindex 0 and every other one -1, so Tab and Shift+Tab leave the map in one press and
// come back to where the user was. Roving tabindex rather than aria-activedescendant: the
// focus is on the real card, header or point, so each keeps its own role, name and keys,
// and screen readers follow DOM focus inside SVG where they ignore an active descendant.

import { sameSpot, type Spot } from './mapNav';

export class MapFocus {
  /** The map's stop; null: the map itself (nothing in it visited yet). */
  spot = $state.raw<Spot | null>(null);

  /** The tabindex of the element drawn for `candidate`. */
  tabindex(candidate: Spot): 0 | -1 {
    return sameSpot(this.spot, candidate) ? 0 : -1;
  }
}

/** The one map of the window. */
export const mapFocus = new MapFocus();
