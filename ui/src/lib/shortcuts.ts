// Pure keyboard-shortcut mapping: which key press means which app action.

/** The views, by their place in the view tabs: Ctrl+1 … Ctrl+7 (see ViewTabs.svelte). */
export const VIEW_ACTIONS = ['view-1', 'view-2', 'view-3', 'view-4', 'view-5', 'view-6', 'view-7'] as const;
export type ViewAction = (typeof VIEW_ACTIONS)[number];

/**
 * What a key press asks for. Ctrl+1 is `view-1` (the map); on the map it fits the view
 * (`zoom-fit`), which is why that action keeps its label.
 */
export type Action = 'undo' | 'redo' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'zoom-fit' | 'export' | ViewAction;

/** The view number (0-based) a view action switches to, or null for other actions. */
export function viewIndex(action: Action): number | null {
  const i = (VIEW_ACTIONS as readonly string[]).indexOf(action);
  return i < 0 ? null : i;
}

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target?: EventTarget | null;
}

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

/** The action a key press asks for, or null. Ctrl and Cmd are the same modifier. */
export function actionFor(e: KeyPress): Action | null {
  if (isTextEntry(e.target)) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  switch (key) {
    case 'z':
      return e.shiftKey ? 'redo' : 'undo';
    case 'y':
      return e.shiftKey ? null : 'redo';
    case '=':
    case '+':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case '0':
      return e.shiftKey ? null : 'zoom-reset';
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
      return e.shiftKey ? null : VIEW_ACTIONS[Number(key) - 1]!;
    case 'e':
      return e.shiftKey ? null : 'export';
    default:
      return null;
  }
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

const LABELS: Record<Action, [pc: string, mac: string]> = {
  undo: ['Ctrl+Z', '⌘Z'],
  redo: ['Ctrl+Shift+Z', '⇧⌘Z'],
  'zoom-in': ['Ctrl++', '⌘+'],
  'zoom-out': ['Ctrl+-', '⌘-'],
  'zoom-reset': ['Ctrl+0', '⌘0'],
  'zoom-fit': ['Ctrl+1', '⌘1'],
  export: ['Ctrl+E', '⌘E'],
  'view-1': ['Ctrl+1', '⌘1'],
  'view-2': ['Ctrl+2', '⌘2'],
  'view-3': ['Ctrl+3', '⌘3'],
  'view-4': ['Ctrl+4', '⌘4'],
  'view-5': ['Ctrl+5', '⌘5'],
  'view-6': ['Ctrl+6', '⌘6'],
  'view-7': ['Ctrl+7', '⌘7'],
};

/** How the shortcut is written in tooltips ("Ctrl+Z", or "⌘Z" on a Mac). */
export function shortcutLabel(action: Action, mac = isMacPlatform()): string {
  return LABELS[action][mac ? 1 : 0];
}

/** The `aria-keyshortcuts` value of a view action ("Control+2", or "Meta+2" on a Mac). */
export function viewAriaShortcut(action: ViewAction, mac = isMacPlatform()): string {
  return `${mac ? 'Meta' : 'Control'}+${VIEW_ACTIONS.indexOf(action) + 1}`;
}
