// Pure builders for the Personas view's edits. UpdatePersona and UpdateMap carry only what
// the user changed (a persona's name, a map's persona list); the persona or map passed in
// is what the view shows, used only to skip an edit that would change nothing.

import type { Edit, Map as JourneyMap, Persona, PersonaPatch, PersonaProps, Photo } from '../../generated/types';
import { changedFields } from '../../document/edits';
import { normalizeColor } from '../../ui/palette';

export const MAX_NAME = 200;

export const newId = (): string => crypto.randomUUID();

export function newPersona(id: string = newId(), name = 'New persona'): Persona {
  return { id, name, segment: '', color: null, goals: '', photo: null };
}

export function addPersonaEdit(persona: Persona, index: number): Edit {
  return { type: 'AddPersona', persona, index: Math.max(0, index) };
}

/** UpdatePersona with the fields that change, cleaned; null when none does or the name would be empty. */
export function updatePersonaEdit(persona: Pick<Persona, 'id'> & Partial<Persona>, patch: Partial<PersonaProps>): Edit | null {
  const props: PersonaPatch = { ...patch };
  if (patch.name !== undefined) props.name = Array.from(patch.name.trim()).slice(0, MAX_NAME).join('');
  if (patch.segment !== undefined) props.segment = Array.from(patch.segment.trim()).slice(0, MAX_NAME).join('');
  if (patch.goals !== undefined) props.goals = patch.goals.trim();
  if (patch.color !== undefined) props.color = normalizeColor(patch.color);
  if (props.name === '') return null;
  const changed = changedFields<PersonaPatch>(persona, props);
  return changed ? { type: 'UpdatePersona', personaId: persona.id, props: changed } : null;
}

export function deletePersonaEdit(personaId: string): Edit {
  return { type: 'DeletePersona', personaId };
}

/**
 * UpdateMap that puts a persona on a map (at the end) or takes it off; null if unchanged.
 * The patch carries the persona list alone (the list is one field), never the map's name.
 */
export function mapPersonaEdit(map: Pick<JourneyMap, 'id' | 'personaIds'>, personaId: string, on: boolean): Edit | null {
  const has = map.personaIds.includes(personaId);
  if (has === on) return null;
  const personaIds = on ? [...map.personaIds, personaId] : map.personaIds.filter((id) => id !== personaId);
  return { type: 'UpdateMap', mapId: map.id, props: { personaIds } };
}

/** Up to two initials for a persona without a photo: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((w) => Array.from(w ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** A persona's photo as an image source (a PNG the backend downscaled). */
export const photoSrc = (photo: Photo): string => `data:image/png;base64,${photo.png}`;
