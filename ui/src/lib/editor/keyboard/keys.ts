// Every key the UI answers, as one table: what each key press means, where it applies and
// what it is called. The app's shortcuts (shortcuts.ts), the map's keys (cardKeys.ts), the
// tooltips (shortcutLabel), the map's description for screen readers and the tests all
// read it; the view that owns an action binds it to what it does (`bindKeys`) and hands
// key presses to `dispatchKey`. The native menu's accelerators are Rust's (src-tauri's
// menu.rs); keys.test.ts checks that they are the table's.

/** The parts of a KeyboardEvent the table looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target?: EventTarget | null;
}

/**
 * Where a key applies. `app`: anywhere but a text field (the window's shortcuts);
 * `map`: while the focus is on the map, or nowhere in particular, and nothing is edited;
 * `present`: while presenting (present/), where every other key is held back;
 * `workshop`: in the Workshop view (workshop/), beside the map's keys.
 */
export type KeyWhen = 'app' | 'map' | 'present' | 'workshop';

export interface KeyDef {
  id: string;
  /**
   * The chords, written as people read them: "Mod+Shift+Z", "Alt+ArrowUp", "N". `Mod` is
   * Ctrl, or ⌘ on a Mac; the modifiers named must be held and the others must not. The
   * first chord is the one shown in tooltips.
   */
  keys: readonly string[];
  when: KeyWhen;
  /** What it does, for the keyboard help. */
  label: string;
}

const VIEWS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The window's shortcuts (App.svelte performs them). */
export const APP_KEYS = [
  { id: 'undo', keys: ['Mod+Z'], when: 'app', label: 'Undo' },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], when: 'app', label: 'Redo' },
  { id: 'zoom-in', keys: ['Mod++', 'Mod+Shift++', 'Mod+=', 'Mod+Shift+='], when: 'app', label: 'Zoom in' },
  { id: 'zoom-out', keys: ['Mod+-', 'Mod+Shift+-', 'Mod+_', 'Mod+Shift+_'], when: 'app', label: 'Zoom out' },
  { id: 'zoom-reset', keys: ['Mod+0'], when: 'app', label: 'Actual size' },
  ...VIEWS.map((n) => ({ id: `view-${n}` as const, keys: [`Mod+${n}`], when: 'app' as const, label: `Show view ${n}` })),
  // Ctrl+1 is the map's tab (view-1, first in the table): on the map it fits the view.
  { id: 'zoom-fit', keys: ['Mod+1'], when: 'app', label: 'Fit the map in the window' },
  { id: 'export', keys: ['Mod+E'], when: 'app', label: 'Export' },
  { id: 'new', keys: ['Mod+N'], when: 'app', label: 'New document from a template' },
  { id: 'present', keys: ['F5'], when: 'app', label: 'Present the map, one stage at a time' },
] as const satisfies readonly KeyDef[];

const ARROWS = ['Left', 'Right', 'Up', 'Down'] as const;

/** The map's keys (Canvas.svelte performs them); copy, cut and paste come as clipboard events. */
export const MAP_KEYS = [
  { id: 'clear', keys: ['Escape', 'Shift+Escape'], when: 'map', label: 'Cancel the drag, or clear the selection' },
  { id: 'delete', keys: ['Delete', 'Backspace', 'Shift+Delete', 'Shift+Backspace'], when: 'map', label: 'Delete the selected cards' },
  { id: 'duplicate', keys: ['Mod+D'], when: 'map', label: 'Duplicate the selected cards' },
  { id: 'select-all', keys: ['Mod+A'], when: 'map', label: 'Select every card' },
  { id: 'edit', keys: ['Enter', 'F2'], when: 'map', label: 'Edit the card, or add one to the cell' },
  { id: 'quick-add', keys: ['N'], when: 'map', label: 'Add cards to the cell, one after another' },
  ...ARROWS.map((a) => ({ id: `focus-${a.toLowerCase() as Lowercase<typeof a>}` as const, keys: [`Arrow${a}`], when: 'map' as const, label: `Move the focus ${a.toLowerCase()}` })),
  ...ARROWS.map((a) => ({ id: `move-${a.toLowerCase() as Lowercase<typeof a>}` as const, keys: [`Alt+Arrow${a}`], when: 'map' as const, label: `Move the card ${a.toLowerCase()}` })),
  { id: 'follow-out', keys: ['Mod+ArrowRight'], when: 'map', label: 'Follow the card’s outgoing connector' },
  { id: 'follow-in', keys: ['Mod+ArrowLeft'], when: 'map', label: 'Follow the card’s incoming connector' },
  ...ARROWS.map((a) => ({ id: `scroll-${a.toLowerCase() as Lowercase<typeof a>}` as const, keys: [`Shift+Arrow${a}`], when: 'map' as const, label: `Scroll the map ${a.toLowerCase()}` })),
] as const satisfies readonly KeyDef[];

/**
 * The keys while presenting (present/Presenting.svelte performs them). A presentation
 * clicker sends PageDown/PageUp (some send the arrows, Space or Enter), so each move
 * has every key a clicker may send for it.
 */
export const PRESENT_KEYS = [
  { id: 'present-next', keys: ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'], when: 'present', label: 'Next stage' },
  { id: 'present-previous', keys: ['ArrowLeft', 'ArrowUp', 'PageUp', 'Shift+ ', 'Backspace'], when: 'present', label: 'Previous stage' },
  { id: 'present-first', keys: ['Home'], when: 'present', label: 'The whole map' },
  { id: 'present-last', keys: ['End'], when: 'present', label: 'The last stage' },
  { id: 'present-leave', keys: ['Escape'], when: 'present', label: 'Stop presenting' },
  { id: 'present-notes', keys: ['N'], when: 'present', label: 'Show or hide the speaker notes' },
  { id: 'present-timer', keys: ['T'], when: 'present', label: 'Start or pause the timer' },
  { id: 'present-timer-add', keys: ['+', 'Shift++', '=', 'Shift+='], when: 'present', label: 'One more minute on the timer' },
] as const satisfies readonly KeyDef[];

const DIGITS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * The Workshop view's keys (workshop/WorkshopPanel.svelte performs them). Alt+digit picks
 * who writes or votes, also while a note is typed; + and − vote on the selected card.
 */
export const WORKSHOP_KEYS = [
  ...DIGITS.map((n) => ({ id: `workshop-voter-${n}` as const, keys: [`Alt+${n}`], when: 'workshop' as const, label: `Participant ${n} writes and votes` })),
  { id: 'workshop-paper', keys: ['Alt+0'], when: 'workshop', label: 'Enter the dots counted on paper' },
  { id: 'workshop-vote-add', keys: ['+', 'Shift++', '=', 'Shift+='], when: 'workshop', label: 'One more dot on the selected card' },
  { id: 'workshop-vote-remove', keys: ['-', 'Shift+-', '_', 'Shift+_'], when: 'workshop', label: 'One dot fewer on the selected card' },
] as const satisfies readonly KeyDef[];

export type AppKeyId = (typeof APP_KEYS)[number]['id'];
export type PresentKeyId = (typeof PRESENT_KEYS)[number]['id'];
export type MapKeyId = (typeof MAP_KEYS)[number]['id'];
export type WorkshopKeyId = (typeof WORKSHOP_KEYS)[number]['id'];

/** Every key of the UI, for the keyboard help and the tests. */
export const KEYS: readonly KeyDef[] = [...APP_KEYS, ...MAP_KEYS, ...PRESENT_KEYS, ...WORKSHOP_KEYS];

const TEXT_INPUT_TYPES = new Set([
  'text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week',
]);

/** True when typing goes into this element: its own undo and shortcuts win there. */
export function isTextEntry(target: EventTarget | null | undefined): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown; readOnly?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = typeof el.type === 'string' ? el.type.toLowerCase() : 'text';
    return TEXT_INPUT_TYPES.has(type);
  }
  return false;
}

interface Chord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** A key as compared: letters in lower case, named keys as they are. */
const normal = (key: string): string => (key.length === 1 ? key.toLowerCase() : key);

export function parseChord(chord: string): Chord {
  // "Mod++" is Mod and the plus key.
  const plus = chord.endsWith('++') || chord === '+';
  const parts = plus ? [...chord.slice(0, -1).split('+').filter(Boolean), '+'] : chord.split('+');
  const key = parts.pop() ?? '';
  return { key: normal(key), mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

/** True when the key press is this chord, exactly. Ctrl and Cmd are the same modifier. */
export function matchesChord(e: KeyPress, chord: string): boolean {
  const c = parseChord(chord);
  return normal(e.key) === c.key && (e.ctrlKey || e.metaKey) === c.mod && e.shiftKey === c.shift && e.altKey === c.alt;
}

/** The first entry of a table this key press is (never while typing in a text field). */
export function keyFor<T extends KeyDef>(table: readonly T[], e: KeyPress): T['id'] | null {
  if (isTextEntry(e.target)) return null;
  return table.find((def) => def.keys.some((chord) => matchesChord(e, chord)))?.id ?? null;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  ' ': 'Space',
};

/** A chord as written in tooltips: "Ctrl+Shift+Z", or "⇧⌘Z" on a Mac. */
export function chordLabel(chord: string, mac = isMacPlatform()): string {
  const c = parseChord(chord);
  const key = KEY_NAMES[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  if (mac) return `${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${c.mod ? '⌘' : ''}${key}`;
  return [c.mod && 'Ctrl', c.shift && 'Shift', c.alt && 'Alt', key].filter(Boolean).join('+');
}

/** The chord of an entry as an `aria-keyshortcuts` value ("Control+2", or "Meta+2" on a Mac). */
export function ariaChord(chord: string, mac = isMacPlatform()): string {
  const c = parseChord(chord);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  return [c.mod && (mac ? 'Meta' : 'Control'), c.shift && 'Shift', c.alt && 'Alt', key].filter(Boolean).join('+');
}

/** An entry of the table with what it does: true when it applied (the key is then used up). */
export interface KeyBinding<Id extends string = string> extends KeyDef {
  id: Id;
  perform: (e: KeyPress) => boolean;
}

/** Binds every entry of a table to what it does; the type asks for every id. */
export function bindKeys<T extends KeyDef>(
  table: readonly T[],
  perform: { [Id in T['id']]: (e: KeyPress) => boolean },
): KeyBinding<T['id']>[] {
  return table.map((def) => ({ ...def, id: def.id as T['id'], perform: perform[def.id as T['id']] }));
}

/**
 * Performs the first binding this key press is; true when one applied, and then the
 * browser's own meaning of the key is prevented.
 */
export function dispatchKey(bindings: readonly KeyBinding[], e: KeyboardEvent): boolean {
  if (isTextEntry(e.target)) return false;
  for (const b of bindings) {
    if (!b.keys.some((chord) => matchesChord(e, chord))) continue;
    if (!b.perform(e)) return false;
    e.preventDefault();
    return true;
  }
  return false;
}
