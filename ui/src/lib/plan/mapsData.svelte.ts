// The stored maps (`map_data`) a plan view reads beyond the StrategyReport: the KPIs'
// figures, the stages and cards on the ladder, a map's personas. Fetched once per map and
// document revision; an answer for an older revision is dropped.

import * as ipc from '../document/ipc';
import type { Map as JourneyMap } from '../generated/types';

export class MapsData {
  /** Map id → the stored map at `revision`. */
  maps = $state.raw<ReadonlyMap<string, JourneyMap>>(new Map());
  /** The revision the held maps are from. */
  revision = $state<number | null>(null);
  /** The last problem met while fetching, for the view to show. */
  error = $state<string | null>(null);
  #asked = new Map<string, number>();
  #fetch: (mapId: string) => Promise<JourneyMap>;

  constructor(fetch: (mapId: string) => Promise<JourneyMap> = ipc.mapData) {
    this.#fetch = fetch;
  }

  /** Fetches the maps not yet held (or asked for) at `revision`. */
  load(mapIds: Iterable<string>, revision: number): void {
    if (this.revision !== revision) {
      // Keep showing the older maps until the new ones arrive; ask again for all.
      this.#asked = new Map([...this.#asked].filter(([, r]) => r === revision));
    }
    for (const id of new Set(mapIds)) {
      if (this.#asked.get(id) === revision) continue;
      this.#asked.set(id, revision);
      this.#fetch(id).then(
        (map) => {
          if (this.#asked.get(id) !== revision) return;
          const next = new Map(this.maps);
          next.set(id, map);
          this.maps = next;
          this.revision = revision;
          this.error = null;
        },
        (error: unknown) => {
          if (this.#asked.get(id) === revision) this.#asked.delete(id);
          this.error = ipc.toAppError(error).message;
        },
      );
    }
  }

  get(mapId: string | null | undefined): JourneyMap | null {
    return mapId ? (this.maps.get(mapId) ?? null) : null;
  }
}
