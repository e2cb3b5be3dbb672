// Pure builders of the participant edits (one undo step each). Initials and colour are
// left empty so the model derives them: the initials from the name, the palette's next
// colour (model/src/workshop.rs), so the file and every window agree.

import type { Edit, Participant } from '../generated/types';

export const newId = (): string => crypto.randomUUID();

/** A name as kept: trimmed, inner runs of spaces made one. */
export const cleanName = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** AddParticipant at the end of the list; null for an empty name. */
export function addParticipantEdit(name: string, count: number, id: string = newId()): Edit | null {
  const n = cleanName(name);
  if (n === '') return null;
  return { type: 'AddParticipant', participant: { id, name: n, initials: '', color: '' }, index: count };
}

/**
 * Renames a participant; the initials follow the new name (the model derives them again
 * from empty initials). Null when the name is empty or unchanged.
 */
export function renameParticipantEdit(p: Participant, name: string): Edit | null {
  const n = cleanName(name);
  if (n === '' || n === p.name) return null;
  return { type: 'UpdateParticipant', participantId: p.id, props: { name: n, initials: '' } };
}

/** Removes a participant (their votes go; the cards they wrote stay, without an author). */
export const removeParticipantEdit = (id: string): Edit => ({ type: 'DeleteParticipant', participantId: id });

/** The participant a digit key (1–9) picks, in the list's order; null if there is none. */
export function participantByDigit(participants: readonly Participant[], digit: number): Participant | null {
  if (!Number.isInteger(digit) || digit < 1 || digit > 9) return null;
  return participants[digit - 1] ?? null;
}
