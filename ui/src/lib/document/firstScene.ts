// The document state and its first map's Scene, asked for as soon as the script has run,
// before the window's UI is mounted: the backend reads and lays out the map while the UI
// is built, so the first map reaches the screen sooner (docs/BENCHMARKS.md, cold start).
// `DocumentStore.load` takes them, once; without them it asks itself.

import * as ipc from './ipc';
import type { DocumentState, SceneUpdate } from '../generated/types';

/** What the backend answered to the first two questions. */
export interface FirstAnswers {
  state: DocumentState;
  /** The first map's whole Scene; null when the document has no map or it could not be fetched (it is asked again). */
  scene: { mapId: string; update: SceneUpdate } | null;
}

let asked: Promise<FirstAnswers> | null = null;

/** Asks for the document state, then for its first map's Scene (the map shown first). */
export function askFirstScene(): void {
  asked = ipc.documentState().then(async (state): Promise<FirstAnswers> => {
    const mapId = state.maps[0]?.id;
    if (mapId === undefined) return { state, scene: null };
    try {
      return { state, scene: { mapId, update: await ipc.mapSceneUpdate(mapId, null) } };
    } catch {
      return { state, scene: null };
    }
  });
  // Reported by `load`, which awaits it; not an unhandled rejection meanwhile.
  asked.catch(() => undefined);
}

/** The answers asked for by `askFirstScene`, once; null when nothing was asked. */
export function takeFirstScene(): Promise<FirstAnswers> | null {
  const answers = asked;
  asked = null;
  return answers;
}
