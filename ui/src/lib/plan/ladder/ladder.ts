// Pure builders for the engagement ladder's edits. The ladder is replaced whole by one
// SetLadder (rungs lowest first), so adding, renaming, reordering and removing a rung
// are each one undo step.

import type { Edit, Rung } from '../../generated/types';

export const MAX_NAME = 200;

export const newId = (): string => crypto.randomUUID();

const clean = (text: string) => Array.from(text.trim()).slice(0, MAX_NAME).join('');
const copy = (rungs: readonly Rung[]): Rung[] => rungs.map((r) => ({ ...r }));
const setLadder = (rungs: Rung[]): Edit => ({ type: 'SetLadder', rungs });

/** A new rung on top of the ladder (the highest commitment so far). */
export function addRungEdit(rungs: readonly Rung[], name: string, commitment = '', id: string = newId()): Edit | null {
  const n = clean(name);
  if (n === '') return null;
  return setLadder([...copy(rungs), { id, name: n, commitment: clean(commitment) }]);
}

export function updateRungEdit(rungs: readonly Rung[], id: string, patch: Partial<Pick<Rung, 'name' | 'commitment'>>): Edit | null {
  const rung = rungs.find((r) => r.id === id);
  if (!rung) return null;
  const next = { ...rung, ...patch };
  next.name = clean(next.name);
  next.commitment = clean(next.commitment);
  if (next.name === '') return null;
  if (next.name === rung.name && next.commitment === rung.commitment) return null;
  return setLadder(copy(rungs).map((r) => (r.id === id ? next : r)));
}

/** Moves a rung one step up (a higher commitment) or down; null at the end of the ladder. */
export function moveRungEdit(rungs: readonly Rung[], id: string, direction: 'up' | 'down'): Edit | null {
  const i = rungs.findIndex((r) => r.id === id);
  const j = direction === 'up' ? i + 1 : i - 1;
  if (i < 0 || j < 0 || j >= rungs.length) return null;
  const next = copy(rungs);
  [next[i], next[j]] = [next[j]!, next[i]!];
  return setLadder(next);
}

export function removeRungEdit(rungs: readonly Rung[], id: string): Edit | null {
  if (!rungs.some((r) => r.id === id)) return null;
  return setLadder(copy(rungs).filter((r) => r.id !== id));
}

/** The usual ladder (the model's `default_ladder`), lowest first, for an empty one. */
export function defaultLadderEdit(id: () => string = newId): Edit {
  const rungs: Array<[string, string]> = [
    ['Donor', '$10 first gift'],
    ['Participant', 'Takes part in an event'],
    ['Volunteer', 'Gives time every month'],
    ['Advocate', 'Brings friends and shares the cause'],
    ['Major donor', '$1,000,000 commitment'],
  ];
  return setLadder(rungs.map(([name, commitment]) => ({ id: id(), name, commitment })));
}

/** The cards of a map placed on each rung (by the rung's id), in the map's card order. */
export function cardsByRung<C extends { plan?: { rungId: string | null } | null }>(cards: readonly C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of cards) {
    const id = c.plan?.rungId;
    if (!id) continue;
    const list = out.get(id);
    if (list) list.push(c);
    else out.set(id, [c]);
  }
  return out;
}
