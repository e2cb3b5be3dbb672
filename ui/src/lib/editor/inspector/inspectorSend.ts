// How the inspector's forms send their changes: each builds one edit from the stored map
// fetched afresh (so a change made meanwhile elsewhere is not undone) and sends it.
// Shared by the inspector's per-kind forms.

import type { CardPlan, Edit, Map as JourneyMap, Scene } from '../../generated/types';
import type { DocumentStore } from '../../state.svelte';
import { editor } from '../../editor.svelte';
import { updateCardEdit, updateCardPlanEdit, updateCardsEdit, type CardPatch } from '../../inspectorEdits';

export interface InspectorSend {
  store: DocumentStore;
  send(build: (m: JourneyMap) => Edit | null): Promise<void>;
  patchCards(ids: readonly string[], patch: CardPatch): void;
  /** One UpdateCard whose plan is `change` applied to the stored card's plan. */
  patchCardPlan(id: string, change: (plan: CardPlan) => CardPlan): void;
  patchStage(id: string, build: (m: JourneyMap, s: JourneyMap['stages'][number]) => Edit | null): void;
  patchLane(id: string, build: (m: JourneyMap, l: JourneyMap['lanes'][number]) => Edit | null): void;
}

export function inspectorSend(current: () => { store: DocumentStore; scene: Scene | null; map: JourneyMap | null }): InspectorSend {
  async function send(build: (m: JourneyMap) => Edit | null): Promise<void> {
    const { store, scene, map } = current();
    const mapId = scene?.mapId;
    if (!mapId) return;
    let fresh: JourneyMap;
    try {
      fresh = await editor.fresh(mapId);
    } catch {
      if (!map) return;
      fresh = map;
    }
    const edit = build(fresh);
    if (edit) await store.applyEdit(edit);
  }

  function patchCards(ids: readonly string[], patch: CardPatch): void {
    void send((m) => {
      const cards = m.cards.filter((c) => ids.includes(c.id));
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
