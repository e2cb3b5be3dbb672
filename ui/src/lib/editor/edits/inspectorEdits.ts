// Pure builders for the inspector's card edits. UpdateCard carries a patch of only what
// the user changed (one marker, the persona list, the plan's vulnerability…); every other
// field stays as the document holds it. The card passed in is what the inspector shows,
// used only to skip an edit that would change nothing.

import type { Card, CardFlags, CardPatch as CardFieldPatch, CardPlan, CardPlanPatch, CardProps, Edit } from '../../generated/types';
import { changedFields, sameJson } from '../../document/edits';
import { normalizeColor } from '../../ui/palette';

export { sameJson };

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

/** What the inspector changes on a card: a plan given whole is sent as the parts of it that differ. */
export type CardPatch = Partial<Omit<CardProps, 'flags'>> & { flags?: Partial<CardFlags> };

/**
 * UpdateCard with the fields of `patch` that differ from what `card` shows: a marker on its
 * own, a colour, the persona list… Null when nothing changes.
 */
export function updateCardEdit(mapId: string, card: Pick<Card, 'id'> & Partial<Card>, patch: CardPatch): Edit | null {
  const props: CardFieldPatch = {};
  const { flags, plan, color, personaIds, ...plain } = patch;
  Object.assign(props, changedFields<CardFieldPatch>(card, plain));
  if (color !== undefined) {
    const c = normalizeColor(color);
    if (card.color === undefined || c !== card.color) props.color = c;
  }
  if (personaIds !== undefined && !(card.personaIds && sameJson(card.personaIds, personaIds))) props.personaIds = [...personaIds];
  const markers = flags ? changedFields<CardFlags>(card.flags ?? {}, flags) : null;
  if (markers) props.flags = markers;
  const planPatch = plan ? planChanges(card.plan, plan) : null;
  if (planPatch) props.plan = planPatch;
  if (Object.keys(props).length === 0) return null;
  return { type: 'UpdateCard', mapId, cardId: card.id, props };
}

/** The parts of a card's plan that differ between what is shown and what the user made. */
function planChanges(shown: CardPlan | undefined, next: CardPlan): CardPlanPatch | null {
  const before = shown ? clonePlan(shown) : undefined;
  const after = clonePlan(next);
  const out: CardPlanPatch = {};
  if (!before || before.rungId !== after.rungId) out.rungId = after.rungId;
  const passion = changedFields(before?.passion ?? {}, after.passion);
  if (passion) out.passion = passion;
  const vulnerability = changedFields(before?.vulnerability ?? {}, after.vulnerability);
  if (vulnerability) out.vulnerability = vulnerability;
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * UpdateCard whose plan is `change` applied to a copy of the shown card's plan: the
 * edit carries only the parts of the plan that change (a KPI list, the vulnerability's
 * severity…); null when nothing changes.
 */
export function updateCardPlanEdit(mapId: string, card: Pick<Card, 'id' | 'plan'>, change: (plan: CardPlan) => CardPlan | void): Edit | null {
  const plan = clonePlan(card.plan);
  const next = change(plan) ?? plan;
  return updateCardEdit(mapId, { id: card.id, plan: card.plan }, { plan: next });
}

/** The same patch applied to several cards as one undo step (one Batch); null if none change. */
export function updateCardsEdit(mapId: string, cards: ReadonlyArray<Pick<Card, 'id'> & Partial<Card>>, patch: CardPatch): Edit | null {
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
