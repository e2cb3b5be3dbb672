// Pure builders for the inspector's card edits. UpdateCard replaces all of a card's
// props, so each starts from the stored Card (from `map_data`).

import type { Card, CardFlags, CardProps, Edit } from './generated/types';
import { normalizeColor } from './palette';

export const cardProps = (c: Card): CardProps => ({
  title: c.title,
  body: c.body,
  color: c.color,
  channelId: c.channelId,
  personaIds: [...c.personaIds],
  flags: { ...c.flags },
});

export type CardPatch = Partial<Omit<CardProps, 'flags'>> & { flags?: Partial<CardFlags> };

function sameProps(a: CardProps, b: CardProps): boolean {
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.color === b.color &&
    a.channelId === b.channelId &&
    a.personaIds.length === b.personaIds.length &&
    a.personaIds.every((id, i) => id === b.personaIds[i]) &&
    a.flags.passionPoint === b.flags.passionPoint &&
    a.flags.shareableMoment === b.flags.shareableMoment &&
    a.flags.pointOfVulnerability === b.flags.pointOfVulnerability
  );
}

/** UpdateCard with the patch applied and everything else kept; null when nothing changes. */
export function updateCardEdit(mapId: string, card: Card, patch: CardPatch): Edit | null {
  const old = cardProps(card);
  const props: CardProps = {
    ...old,
    ...patch,
    personaIds: patch.personaIds ? [...patch.personaIds] : old.personaIds,
    flags: { ...old.flags, ...patch.flags },
  };
  if ('color' in patch) props.color = normalizeColor(patch.color);
  if (sameProps(old, props)) return null;
  return { type: 'UpdateCard', mapId, cardId: card.id, props };
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
