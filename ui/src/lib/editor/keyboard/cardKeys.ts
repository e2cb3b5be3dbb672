// The map's keys that act on cards, read from the key table (editor/keyboard/keys.ts); the app-wide
// shortcuts such as undo and zoom are in shortcuts.ts. Copy, cut and paste come as
// clipboard events instead. Tab is not one: it leaves the map, which is a single Tab stop
// (rovingFocus.svelte.ts).

import type { Direction } from '../hit';
import { MAP_KEYS, keyFor, type KeyPress, type MapKeyId } from './keys';

export type CardAction =
  | { type: 'clear' }
  | { type: 'delete' }
  | { type: 'duplicate' }
  | { type: 'select-all' }
  | { type: 'edit' }
  | { type: 'quick-add' }
  | { type: 'focus'; dir: Direction }
  | { type: 'move'; dir: Direction };

/** The card action of a map key, or null for the map's other keys (following links, scrolling). */
export function cardAction(id: MapKeyId): CardAction | null {
  switch (id) {
    case 'clear':
    case 'delete':
    case 'duplicate':
    case 'select-all':
    case 'edit':
    case 'quick-add':
      return { type: id };
    case 'focus-left':
    case 'focus-right':
    case 'focus-up':
    case 'focus-down':
      return { type: 'focus', dir: id.slice('focus-'.length) as Direction };
    case 'move-left':
    case 'move-right':
    case 'move-up':
    case 'move-down':
      return { type: 'move', dir: id.slice('move-'.length) as Direction };
    default:
      return null;
  }
}

export function cardActionFor(e: KeyPress): CardAction | null {
  const id = keyFor(MAP_KEYS, e);
  return id ? cardAction(id) : null;
}
