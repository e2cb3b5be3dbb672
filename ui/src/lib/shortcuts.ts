// Pure keyboard-shortcut mapping: which key press means which app action.

export type Action = 'undo' | 'redo' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'zoom-fit' | 'export';

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
      return e.shiftKey ? null : 'zoom-fit';
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
};

/** How the shortcut is written in tooltips ("Ctrl+Z", or "⌘Z" on a Mac). */
export function shortcutLabel(action: Action, mac = isMacPlatform()): string {
  return LABELS[action][mac ? 1 : 0];
}
