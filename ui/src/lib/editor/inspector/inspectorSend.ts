// How the inspector's forms send their changes: each builds one edit of only what the
// user changed (a patch: a change made meanwhile elsewhere to another field is kept) and
// sends it. The map the inspector shows is passed to the builders only so that they can
// skip an edit that changes nothing. Shared by the inspector's per-kind forms.

import type { CardPlan, Edit, Map as JourneyMap, Scene } from '../../generated/types';
import type { DocumentStore } from '../../document/state.svelte';
import { editor, shownFromScene } from '../editor.svelte';
import { updateCardEdit, updateCardPlanEdit, updateCardsEdit, type CardPatch } from '../edits/inspectorEdits';

export interface InspectorSend {
  store: DocumentStore;
  send(build: (m: JourneyMap) => Edit | null): Promise<void>;
  patchCards(ids: readonly string[], patch: CardPatch): void;
  /** One UpdateCard whose plan patch is what `change` does to the shown card's plan. */
  patchCardPlan(id: string, change: (plan: CardPlan) => CardPlan): void;
  patchStage(id: string, build: (m: JourneyMap, s: JourneyMap['stages'][number]) => Edit | null): void;
  patchLane(id: string, build: (m: JourneyMap, l: JourneyMap['lanes'][number]) => Edit | null): void;
}

export function inspectorSend(current: () => { store: DocumentStore; scene: Scene | null; map: JourneyMap | null }): InspectorSend {
  // The forms' edits go one at a time, and each is built once the map shown has caught up
  // with the one before: a patch names whole lists (a passion point's KPIs, a stage's
  // notes), so a KPI's second field committed before the first field's edit is shown
  // would otherwise be built on the list without it.
  let queue: Promise<void> = Promise.resolve();

  function send(build: (m: JourneyMap) => Edit | null): Promise<void> {
    const next = queue.then(async () => {
      const drawn = current().scene;
      if (drawn) await editor.sync(drawn);
      const { store, scene, map } = current();
      if (!scene?.mapId) return;
      const edit = build(map?.id === scene.mapId ? map : shownFromScene(scene));
      if (edit) await store.applyEdit(edit);
    });
    queue = next.catch(() => {});
    return next;
  }

  function patchCards(ids: readonly string[], patch: CardPatch): void {
    void send((m) => {
      // A card the shown map does not hold yet is still patched, by its id.
      const cards = ids.map((id) => m.cards.find((c) => c.id === id) ?? { id });
      if (cards.length === 1 && cards[0]) return updateCardEdit(m.id, cards[0], patch);
      return updateCardsEdit(m.id, cards, patch);
    });
  }

  function patchCardPlan(id: string, change: (plan: CardPlan) => CardPlan): void {
    void send((m) => {
      const c = m.cards.find((x) => x.id === id);
      return c ? updateCardPlanEdit(m.id, c, change) : null;
    });
  }

  function patchStage(id: string, build: (m: JourneyMap, s: JourneyMap['stages'][number]) => Edit | null): void {
    void send((m) => {
      const s = m.stages.find((x) => x.id === id);
      return s ? build(m, s) : null;
    });
  }

  function patchLane(id: string, build: (m: JourneyMap, l: JourneyMap['lanes'][number]) => Edit | null): void {
    void send((m) => {
      const l = m.lanes.find((x) => x.id === id);
      return l ? build(m, l) : null;
    });
  }

  return {
    get store() {
      return current().store;
    },
    send,
    patchCards,
    patchCardPlan,
    patchStage,
    patchLane,
  };
}

/** The value of the input, textarea or select an event came from. */
export const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
export const checkedOf = (e: Event) => (e.currentTarget as HTMLInputElement).checked;
/** Enter in a one-line field commits it (its change event fires on the blur). */
export const blurOnEnter = (e: KeyboardEvent) => {
  if (e.key === 'Enter') (e.currentTarget as HTMLElement).blur();
};
