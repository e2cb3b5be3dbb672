// The window's shortcuts, read from the key table (editor/keyboard/keys.ts): which key press means
// which app action, and how each is written in tooltips.

import { APP_KEYS, ariaChord, chordLabel, isMacPlatform, isTextEntry, keyFor, type AppKeyId, type KeyPress } from '../editor/keyboard/keys';

export { isMacPlatform, isTextEntry, type KeyPress };

/** The views, by their place in the view tabs: Ctrl+1 … Ctrl+8 (see ViewTabs.svelte). */
export const VIEW_ACTIONS = ['view-1', 'view-2', 'view-3', 'view-4', 'view-5', 'view-6', 'view-7', 'view-8'] as const;
export type ViewAction = (typeof VIEW_ACTIONS)[number];

/**
 * What a key press asks for. Ctrl+1 is `view-1` (the map); on the map it fits the view
 * (`zoom-fit`), which is why that action keeps its label.
 */
export type Action = AppKeyId;

/** The view number (0-based) a view action switches to, or null for other actions. */
export function viewIndex(action: Action): number | null {
  const i = (VIEW_ACTIONS as readonly string[]).indexOf(action);
  return i < 0 ? null : i;
}

/** The action a key press asks for, or null. Ctrl and Cmd are the same modifier. */
export function actionFor(e: KeyPress): Action | null {
  return keyFor(APP_KEYS, e);
}

/** The chord an action is shown with: its first in the table. */
function chordOf(action: Action): string {
  return APP_KEYS.find((k) => k.id === action)!.keys[0];
}

/** How the shortcut is written in tooltips ("Ctrl+Z", or "⌘Z" on a Mac). */
export function shortcutLabel(action: Action, mac = isMacPlatform()): string {
  return chordLabel(chordOf(action), mac);
}

/** The `aria-keyshortcuts` value of a view action ("Control+2", or "Meta+2" on a Mac). */
export function viewAriaShortcut(action: ViewAction, mac = isMacPlatform()): string {
  return ariaChord(chordOf(action), mac);
}
