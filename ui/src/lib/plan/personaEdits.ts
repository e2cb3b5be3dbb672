// Pure builders for the Personas view's edits. UpdatePersona and UpdateMap replace every
// prop, so each starts from the stored persona or map and keeps what it does not change.

import type { Edit, Map as JourneyMap, Persona, PersonaProps, Photo } from '../generated/types';
import { normalizeColor } from '../palette';

export const MAX_NAME = 200;

export const newId = (): string => crypto.randomUUID();

export function newPersona(id: string = newId(), name = 'New persona'): Persona {
  return { id, name, segment: '', color: null, goals: '', photo: null };
}

export function addPersonaEdit(persona: Persona, index: number): Edit {
  return { type: 'AddPersona', persona, index: Math.max(0, index) };
}

export const personaProps = (p: Persona): PersonaProps => ({
  name: p.name,
  segment: p.segment,
  color: p.color,
  goals: p.goals ?? '',
  photo: p.photo ?? null,
});

/** UpdatePersona with the patch applied; null when nothing changes or the name would be empty. */
export function updatePersonaEdit(persona: Persona, patch: Partial<PersonaProps>): Edit | null {
  const old = personaProps(persona);
  const props: PersonaProps = { ...old, ...patch };
  props.name = Array.from(props.name.trim()).slice(0, MAX_NAME).join('');
  props.segment = Array.from(props.segment.trim()).slice(0, MAX_NAME).join('');
  props.goals = props.goals.trim();
  props.color = normalizeColor(props.color);
  if (props.name === '') return null;
  const same =
    props.name === old.name &&
    props.segment === old.segment &&
    props.goals === old.goals &&
    props.color === old.color &&
    props.photo === old.photo;
  return same ? null : { type: 'UpdatePersona', personaId: persona.id, props };
}

export function deletePersonaEdit(personaId: string): Edit {
  return { type: 'DeletePersona', personaId };
}

/** UpdateMap that puts a persona on a map (at the end) or takes it off; null if unchanged. */
export function mapPersonaEdit(
  map: Pick<JourneyMap, 'id' | 'name' | 'description' | 'personaIds'>,
  personaId: string,
  on: boolean,
): Edit | null {
  const has = map.personaIds.includes(personaId);
  if (has === on) return null;
  const personaIds = on ? [...map.personaIds, personaId] : map.personaIds.filter((id) => id !== personaId);
  return { type: 'UpdateMap', mapId: map.id, props: { name: map.name, description: map.description, personaIds } };
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
