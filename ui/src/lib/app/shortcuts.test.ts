import { describe, expect, it } from 'vitest';
import { actionFor, isTextEntry, shortcutLabel, viewAriaShortcut, viewIndex, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcut map', () => {
  it('ctrl+z and cmd+z undo', () => {
    expect(actionFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(actionFor(press('z', { metaKey: true }))).toBe('undo');
  });

  it('ctrl+shift+z, cmd+shift+z and ctrl+y redo', () => {
    expect(actionFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(actionFor(press('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(actionFor(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('plain keys and other combinations do nothing', () => {
    expect(actionFor(press('z'))).toBeNull();
    expect(actionFor(press('z', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(actionFor(press('x', { ctrlKey: true }))).toBeNull();
  });

  it('zoom keys', () => {
    expect(actionFor(press('=', { ctrlKey: true }))).toBe('zoom-in');
    expect(actionFor(press('+', { ctrlKey: true, shiftKey: true }))).toBe('zoom-in');
    expect(actionFor(press('-', { ctrlKey: true }))).toBe('zoom-out');
    expect(actionFor(press('0', { ctrlKey: true }))).toBe('zoom-reset');
  });

  it('ctrl+1 … ctrl+8 and cmd+1 … cmd+8 switch views (ctrl+1, the map, also fits it)', () => {
    for (let n = 1; n <= 8; n++) {
      expect(actionFor(press(String(n), { ctrlKey: true }))).toBe(`view-${n}`);
      expect(actionFor(press(String(n), { metaKey: true }))).toBe(`view-${n}`);
      expect(viewIndex(actionFor(press(String(n), { ctrlKey: true }))!)).toBe(n - 1);
    }
    expect(viewIndex('undo')).toBeNull();
    expect(actionFor(press('9', { ctrlKey: true }))).toBeNull();
    expect(actionFor(press('2'))).toBeNull();
    expect(actionFor(press('2', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(actionFor(press('2', { ctrlKey: true, target: document.createElement('textarea') }))).toBeNull();
    expect(actionFor(press('2', { ctrlKey: true, target: document.createElement('select') }))).toBeNull();
    expect(shortcutLabel('view-2', false)).toBe('Ctrl+2');
    expect(shortcutLabel('view-2', true)).toBe('⌘2');
    expect(shortcutLabel('zoom-fit', false)).toBe('Ctrl+1');
    expect(viewAriaShortcut('view-3', false)).toBe('Control+3');
    expect(viewAriaShortcut('view-3', true)).toBe('Meta+3');
  });

  it('ctrl+e and cmd+e export, but not with shift or alt', () => {
    expect(actionFor(press('e', { ctrlKey: true }))).toBe('export');
    expect(actionFor(press('E', { metaKey: true }))).toBe('export');
    expect(actionFor(press('E', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(actionFor(press('e', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(actionFor(press('e'))).toBeNull();
    expect(actionFor(press('e', { ctrlKey: true, target: document.createElement('input') }))).toBeNull();
    expect(shortcutLabel('export', false)).toBe('Ctrl+E');
    expect(shortcutLabel('export', true)).toBe('⌘E');
  });

  it('is ignored while typing in a text field', () => {
    for (const el of [document.createElement('input'), document.createElement('textarea')]) {
      expect(isTextEntry(el)).toBe(true);
      expect(actionFor(press('z', { ctrlKey: true, target: el }))).toBeNull();
      expect(actionFor(press('y', { ctrlKey: true, target: el }))).toBeNull();
    }
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    document.body.append(editable);
    expect(actionFor(press('z', { ctrlKey: true, target: editable }))).toBeNull();
    editable.remove();
  });

  it('still works from buttons and checkboxes', () => {
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(actionFor(press('z', { ctrlKey: true, target: checkbox }))).toBe('undo');
    expect(actionFor(press('z', { ctrlKey: true, target: document.createElement('button') }))).toBe('undo');
  });

  it('labels shortcuts per platform', () => {
    expect(shortcutLabel('undo', false)).toBe('Ctrl+Z');
    expect(shortcutLabel('redo', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('undo', true)).toBe('⌘Z');
  });
});
