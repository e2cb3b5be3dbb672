import { describe, expect, it, vi } from 'vitest';
import menuRs from '../../../../../src-tauri/src/menu.rs?raw';
import readme from '../../../../../README.md?raw';
import { APP_KEYS, KEYS, MAP_KEYS, bindKeys, chordLabel, dispatchKey, keyFor, matchesChord, parseChord, type KeyPress } from './keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('the key table', () => {
  it('reads chords as people write them, the plus key included', () => {
    expect(parseChord('Mod+Shift+Z')).toEqual({ key: 'z', mod: true, shift: true, alt: false });
    expect(parseChord('Mod++')).toEqual({ key: '+', mod: true, shift: false, alt: false });
    expect(parseChord('Alt+ArrowUp')).toEqual({ key: 'ArrowUp', mod: false, shift: false, alt: true });
  });

  it('matches a chord exactly: the modifiers it names and no others; Ctrl and Cmd alike', () => {
    expect(matchesChord(press('Z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesChord(press('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesChord(press('z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesChord(press('z', { ctrlKey: true, altKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesChord(press('n'), 'N')).toBe(true);
  });

  it('gives every entry an id of its own, a label and at least one chord', () => {
    const ids = KEYS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of KEYS) {
      expect(k.label.length).toBeGreaterThan(0);
      expect(k.keys.length).toBeGreaterThan(0);
    }
  });

  it('never gives one chord two meanings in one place (Ctrl+1 shows the map, and on it fits the view)', () => {
    for (const table of [APP_KEYS, MAP_KEYS]) {
      const seen = new Map<string, string>();
      for (const k of table) {
        for (const chord of k.keys) {
          const c = JSON.stringify(parseChord(chord));
          const other = seen.get(c);
          if (other) expect([other, k.id].sort()).toEqual(['view-1', 'zoom-fit']);
          seen.set(c, k.id);
        }
      }
    }
    expect(keyFor(APP_KEYS, press('1', { ctrlKey: true }))).toBe('view-1');
  });

  it('answers nothing while typing in a text field', () => {
    expect(keyFor(MAP_KEYS, press('Delete', { target: document.createElement('textarea') }))).toBeNull();
    expect(keyFor(MAP_KEYS, press('Delete', { target: document.createElement('button') }))).toBe('delete');
  });

  it('has the native menu’s accelerators for the actions both have', () => {
    const accelerator = (id: string) => {
      const m = new RegExp(`item\\(\\s*${id},\\s*"[^"]*",\\s*Some\\("([^"]+)"\\)`).exec(menuRs);
      return m?.[1]?.replace('CmdOrCtrl', 'Mod');
    };
    const first = (id: string) => APP_KEYS.find((k) => k.id === id)!.keys[0];
    expect(accelerator('UNDO')).toBe(first('undo'));
    expect(accelerator('REDO')).toBe(first('redo'));
    expect(accelerator('EXPORT')).toBe(first('export'));
    expect(accelerator('NEW')).toBe(first('new'));
    expect(accelerator('WORKSHOP')).toBe(first('view-8'));
  });

  it('is what the README tells people', () => {
    for (const id of ['undo', 'redo', 'export', 'new', 'view-1', 'view-8'] as const) {
      const def = APP_KEYS.find((k) => k.id === id)!;
      expect(readme).toContain(chordLabel(def.keys[0], false));
    }
    expect(readme).toContain(chordLabel('Mod+Y', false));
  });

  it('writes chords for tooltips per platform', () => {
    expect(chordLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(chordLabel('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(chordLabel('Alt+ArrowUp', false)).toBe('Alt+↑');
    expect(chordLabel('Escape', true)).toBe('Esc');
  });
});

describe('key bindings', () => {
  const event = (key: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key, cancelable: true, ...init });

  it('performs the first binding a key press is and prevents the browser’s meaning of it', () => {
    const undo = vi.fn(() => true);
    const bindings = bindKeys(APP_KEYS, Object.fromEntries(APP_KEYS.map((k) => [k.id, k.id === 'undo' ? undo : () => false])) as never);
    const e = event('z', { ctrlKey: true });
    expect(dispatchKey(bindings, e)).toBe(true);
    expect(undo).toHaveBeenCalledOnce();
    expect(e.defaultPrevented).toBe(true);
  });

  it('leaves a key that did not apply to the browser', () => {
    const bindings = bindKeys(MAP_KEYS, Object.fromEntries(MAP_KEYS.map((k) => [k.id, () => false])) as never);
    const e = event('Delete');
    expect(dispatchKey(bindings, e)).toBe(false);
    expect(e.defaultPrevented).toBe(false);
    expect(dispatchKey(bindings, event('q'))).toBe(false);
  });
});
