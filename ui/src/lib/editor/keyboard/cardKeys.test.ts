import { describe, expect, it } from 'vitest';
import { cardActionFor } from './cardKeys';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, target: EventTarget | null = null) => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target, ...mods,
});

describe('card keyboard map', () => {
  it('maps the card keys', () => {
    expect(cardActionFor(press('Escape'))).toEqual({ type: 'clear' });
    expect(cardActionFor(press('Delete'))).toEqual({ type: 'delete' });
    expect(cardActionFor(press('Backspace'))).toEqual({ type: 'delete' });
    expect(cardActionFor(press('d', { ctrlKey: true }))).toEqual({ type: 'duplicate' });
    expect(cardActionFor(press('D', { metaKey: true }))).toEqual({ type: 'duplicate' });
    expect(cardActionFor(press('a', { ctrlKey: true }))).toEqual({ type: 'select-all' });
    expect(cardActionFor(press('Enter'))).toEqual({ type: 'edit' });
    expect(cardActionFor(press('F2'))).toEqual({ type: 'edit' });
    expect(cardActionFor(press('n'))).toEqual({ type: 'quick-add' });
    expect(cardActionFor(press('N'))).toEqual({ type: 'quick-add' });
  });

  it('leaves Tab to the browser: it takes the focus out of the map in one press', () => {
    expect(cardActionFor(press('Tab'))).toBeNull();
    expect(cardActionFor(press('Tab', { shiftKey: true }))).toBeNull();
  });

  it('arrows move the focus, Alt+arrows move the card', () => {
    expect(cardActionFor(press('ArrowLeft'))).toEqual({ type: 'focus', dir: 'left' });
    expect(cardActionFor(press('ArrowDown'))).toEqual({ type: 'focus', dir: 'down' });
    expect(cardActionFor(press('ArrowRight', { altKey: true }))).toEqual({ type: 'move', dir: 'right' });
    expect(cardActionFor(press('ArrowUp', { altKey: true }))).toEqual({ type: 'move', dir: 'up' });
    // Shift+arrows scroll the map; Ctrl+arrows are left alone.
    expect(cardActionFor(press('ArrowUp', { shiftKey: true }))).toBeNull();
    expect(cardActionFor(press('ArrowUp', { ctrlKey: true }))).toBeNull();
  });

  it('leaves other keys, undo and typing alone', () => {
    expect(cardActionFor(press('z', { ctrlKey: true }))).toBeNull();
    expect(cardActionFor(press('c', { ctrlKey: true }))).toBeNull(); // a clipboard event does copy
    expect(cardActionFor(press('x'))).toBeNull();
    const input = document.createElement('input');
    expect(cardActionFor(press('Delete', {}, input))).toBeNull();
    expect(cardActionFor(press('n', {}, document.createElement('textarea')))).toBeNull();
  });
});
