// Pure builders for the Edits the UI sends to the backend. Kept free of IPC and state so
// what a gesture means is easy to test.
//
// `Update*` edits carry a patch: only the fields the user changed (a field left out keeps
// whatever the document holds when the edit is applied; `null` clears a nullable field).
// So an edit is built from the gesture, never from a fetched copy of the record, and a
// stale copy can never overwrite a newer value.

import type { Edit, Map as JourneyMap } from '../generated/types';

/** The backend rejects longer names (MAX_NAME in the model's validate.rs). */
export const MAX_MAP_NAME = 200;

/** The parts of a map a rename needs: its id, and the name it shows (to skip a no-op). */
export type RenamableMap = Pick<JourneyMap, 'id' | 'name'>;

/** A name as it will be stored: surrounding whitespace dropped. */
export const cleanName = (name: string): string => name.trim();

/**
 * The UpdateMap edit that renames `map` to `newName`: a patch of the name alone, so the
 * description and personas stay whatever the document holds; null when there is nothing
 * to send (an empty or unchanged name).
 */
export function renameMapEdit(map: RenamableMap, newName: string): Edit | null {
  const name = cleanName(newName);
  if (name === '' || name === map.name) return null;
  return { type: 'UpdateMap', mapId: map.id, props: { name } };
}

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

/**
 * The fields of `patch` whose value differs from what the UI shows (`shown`; a field it
 * does not show counts as different); null when none do, so nothing needs sending.
 * Fields set to `undefined` are not part of the patch.
 */
export function changedFields<T extends object>(shown: Partial<T>, patch: Partial<T>): Partial<T> | null {
  const out: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(patch) as Array<keyof T>) {
    const value = patch[key];
    if (value === undefined) continue;
    if (shown[key] !== undefined && sameJson(shown[key], value)) continue;
    out[key] = value;
    any = true;
  }
  return any ? out : null;
}
