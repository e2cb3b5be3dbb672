// Pure builders for the Edits the UI sends to the backend. Kept free of IPC and state so
// what a gesture means is easy to test.

import type { Edit, Map as JourneyMap } from './generated/types';

/** The backend rejects longer names (MAX_NAME in the model's validate.rs). */
export const MAX_MAP_NAME = 200;

/** The parts of a map a rename needs: UpdateMap replaces every prop, so all of them. */
export type RenamableMap = Pick<JourneyMap, 'id' | 'name' | 'description' | 'personaIds'>;

/** A name as it will be stored: surrounding whitespace dropped. */
export const cleanName = (name: string): string => name.trim();

/**
 * The UpdateMap edit that renames `map` to `newName`, keeping its description and
 * personas; null when there is nothing to send (an empty or unchanged name).
 */
export function renameMapEdit(map: RenamableMap, newName: string): Edit | null {
  const name = cleanName(newName);
  if (name === '' || name === map.name) return null;
  return {
    type: 'UpdateMap',
    mapId: map.id,
    props: { name, description: map.description, personaIds: [...map.personaIds] },
  };
}
