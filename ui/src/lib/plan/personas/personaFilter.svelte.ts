// The map filtered to one persona's path: cards tagged only for others are faded, and so
// are the other personas' emotion lines. The Scene's cards carry no persona ids, so the
// ids come from the stored map (`map_data`), fetched once per map and revision.

import * as ipc from '../../document/ipc';
import type { Map as JourneyMap } from '../../generated/types';

/**
 * The ids of the cards to fade: those tagged with personas that do not include
 * `personaId`. A card tagged with no persona is on every persona's path (a shared step).
 */
export function dimmedCardIds(
  cards: ReadonlyArray<{ id: string; personaIds: readonly string[] }>,
  personaId: string | null,
): ReadonlySet<string> {
  if (personaId === null) return EMPTY;
  const out = new Set<string>();
  for (const c of cards) if (c.personaIds.length > 0 && !c.personaIds.includes(personaId)) out.add(c.id);
  return out;
}

const EMPTY: ReadonlySet<string> = new Set();

/** True when an emotion line belongs to another persona than the filter's. */
export const dimsLine = (linePersonaId: string, personaId: string | null): boolean =>
  personaId !== null && linePersonaId !== personaId;

/**
 * Each card's personas for one map at one revision: asks `map_data` when the map or the
 * revision changes, and keeps only the answer for the latest question.
 */
export class CardPersonas {
  /** Card id → its persona ids, for `key`; null until fetched. */
  cards = $state.raw<ReadonlyArray<{ id: string; personaIds: readonly string[] }> | null>(null);
  key = $state.raw<string | null>(null);
  #asked: string | null = null;

  /** Fetches the map's cards unless they are already held (or asked for) for this revision. */
  load(mapId: string, revision: number, fetch: (mapId: string) => Promise<JourneyMap> = ipc.mapData): void {
    const key = `${mapId}\u0000${revision}`;
    if (this.#asked === key) return;
    this.#asked = key;
    fetch(mapId).then(
      (map) => {
        if (this.#asked !== key) return;
        this.cards = map.cards.map((c) => ({ id: c.id, personaIds: c.personaIds }));
        this.key = key;
      },
      () => {
        // Without the map nothing is faded; the next revision asks again.
        if (this.#asked === key) this.#asked = null;
      },
    );
  }

  /** The cards to fade for `personaId` on `mapId`, from the latest answer for that map. */
  dimmed(mapId: string, personaId: string | null): ReadonlySet<string> {
    if (personaId === null || !this.cards || !this.key?.startsWith(`${mapId}\u0000`)) return EMPTY;
    return dimmedCardIds(this.cards, personaId);
  }
}
