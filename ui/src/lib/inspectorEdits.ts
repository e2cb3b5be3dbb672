// Pure builders for the inspector's card edits. UpdateCard replaces all of a card's
// props (its plan too: KPIs, notes, vulnerability, ladder rung), so each starts from the
// stored Card (from `map_data`) and keeps everything the patch does not name.

import type { Card, CardFlags, CardPlan, CardProps, Edit } from './generated/types';
import { normalizeColor } from './palette';

/** The plan of a card that has none yet: what the backend's `CardPlan::default()` holds. */
export function emptyCardPlan(): CardPlan {
  return {
    rungId: null,
    passion: { kpis: [], contentNeeded: '', notes: [] },
    vulnerability: { risk: '', severity: 2, owner: '', mitigation: '' },
  };
}

/** A deep copy of a card's plan (a missing one, from an older backend, is the empty plan). */
export function clonePlan(plan: CardPlan | null | undefined): CardPlan {
  if (!plan) return emptyCardPlan();
  const empty = emptyCardPlan();
  const passion = plan.passion ?? empty.passion;
  return {
    rungId: plan.rungId ?? null,
    passion: {
      kpis: (passion.kpis ?? []).map((k) => ({ ...k, history: k.history.map((r) => ({ ...r })) })),
      contentNeeded: passion.contentNeeded ?? '',
      notes: (passion.notes ?? []).map((n) => ({ ...n })),
    },
    vulnerability: { ...empty.vulnerability, ...plan.vulnerability },
  };
}

export const cardProps = (c: Card): CardProps => ({
  title: c.title,
  body: c.body,
  color: c.color,
  channelId: c.channelId,
  personaIds: [...c.personaIds],
  flags: { ...c.flags },
  plan: clonePlan(c.plan),
});

/** What the inspector changes on a card; `plan` replaces the whole plan. */
export type CardPatch = Partial<Omit<CardProps, 'flags'>> & { flags?: Partial<CardFlags> };

/** Structural equality of plain JSON values (objects compared key by key, in any order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** UpdateCard with the patch applied and everything else kept; null when nothing changes. */
export function updateCardEdit(mapId: string, card: Card, patch: CardPatch): Edit | null {
  const old = cardProps(card);
  const props: CardProps = {
    ...old,
    ...patch,
    personaIds: patch.personaIds ? [...patch.personaIds] : old.personaIds,
    flags: { ...old.flags, ...patch.flags },
    plan: patch.plan ? clonePlan(patch.plan) : old.plan,
  };
  if ('color' in patch) props.color = normalizeColor(patch.color);
  if (sameJson(old, props)) return null;
  return { type: 'UpdateCard', mapId, cardId: card.id, props };
}

/**
 * UpdateCard whose plan is `change` applied to the stored card's plan (a copy: `change`
 * may modify it in place); null when nothing changes.
 */
export function updateCardPlanEdit(mapId: string, card: Card, change: (plan: CardPlan) => CardPlan | void): Edit | null {
  const plan = clonePlan(card.plan);
  const next = change(plan) ?? plan;
  return updateCardEdit(mapId, card, { plan: next });
}

/** The same patch applied to several cards as one undo step (one Batch); null if none change. */
export function updateCardsEdit(mapId: string, cards: readonly Card[], patch: CardPatch): Edit | null {
  const edits = cards.map((c) => updateCardEdit(mapId, c, patch)).filter((e): e is Edit => e !== null);
  if (edits.length === 0) return null;
  if (edits.length === 1) return edits[0] ?? null;
  return { type: 'Batch', edits };
}

/** Adds or removes a persona, keeping the others in order. */
export function togglePersona(ids: readonly string[], id: string, on: boolean): string[] {
  const rest = ids.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}

/** A flag's value across cards: true, false, or 'mixed'. */
export function flagState(cards: readonly Card[], flag: keyof CardFlags): boolean | 'mixed' {
  const head = cards[0];
  if (!head) return false;
  const first = head.flags[flag];
  return cards.every((c) => c.flags[flag] === first) ? first : 'mixed';
}

export const FLAG_LABELS: ReadonlyArray<{ flag: keyof CardFlags; label: string }> = [
  { flag: 'passionPoint', label: 'Passion point' },
  { flag: 'shareableMoment', label: 'Shareable moment' },
  { flag: 'pointOfVulnerability', label: 'Point of vulnerability' },
];
