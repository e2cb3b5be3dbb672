// Pure keyboard map for the canvas's card actions (the app-wide shortcuts such as undo
// and zoom are in shortcuts.ts). Copy, cut and paste come as clipboard events instead.
// Tab is not one: it leaves the map, which is a single Tab stop (rovingFocus.svelte.ts).

import type { Direction } from './hit';
import { isTextEntry, type KeyPress } from './shortcuts';

export type CardAction =
  | { type: 'clear' }
  | { type: 'delete' }
  | { type: 'duplicate' }
  | { type: 'select-all' }
  | { type: 'edit' }
  | { type: 'quick-add' }
  | { type: 'focus'; dir: Direction }
  | { type: 'move'; dir: Direction };

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function cardActionFor(e: KeyPress): CardAction | null {
  if (isTextEntry(e.target)) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const dir = ARROWS[key];
  if (dir) {
    if (mod || e.shiftKey) return null;
    return e.altKey ? { type: 'move', dir } : { type: 'focus', dir };
  }
  if (e.altKey) return null;
  if (mod) {
    if (e.shiftKey) return null;
    if (key === 'd') return { type: 'duplicate' };
    if (key === 'a') return { type: 'select-all' };
    return null;
  }
  switch (key) {
    case 'Escape':
      return { type: 'clear' };
    case 'Delete':
    case 'Backspace':
      return { type: 'delete' };
    case 'Enter':
    case 'F2':
      return e.shiftKey ? null : { type: 'edit' };
    case 'n':
      return e.shiftKey ? null : { type: 'quick-add' };
    default:
      return null;
  }
}
