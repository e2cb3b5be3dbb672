import { describe, expect, it } from 'vitest';
import { PressHistory } from './pressHistory';

describe('press history', () => {
  it('two clicks make a double-click', () => {
    const h = new PressHistory();
    h.record('click');
    h.record('click');
    expect(h.allowsDoubleClick()).toBe(true);
  });

  it('a click then a drag is no double-click, nor a drag then a click', () => {
    const h = new PressHistory();
    h.record('click');
    h.record('drag');
    expect(h.allowsDoubleClick()).toBe(false);
    h.record('click');
    expect(h.allowsDoubleClick()).toBe(false);
  });

  it('a drag is forgotten once two clicks follow it', () => {
    const h = new PressHistory();
    h.record('drag');
    h.record('click');
    h.record('click');
    expect(h.allowsDoubleClick()).toBe(true);
  });
});
