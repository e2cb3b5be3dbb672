import { describe, expect, it } from 'vitest';
import { Selection } from './selection.svelte';
import { marqueeSelection, rectFrom } from './hit';
import { scene } from '../../test/fixtures';

describe('Selection', () => {
  it('click selects one card, set picks the primary', () => {
    const s = new Selection();
    s.set(['a'], 'a');
    expect([...s.cards]).toEqual(['a']);
    expect(s.primary).toBe('a');
    s.set(['a', 'b']);
    expect(s.primary).toBe('a');
    s.set(['a', 'b'], 'b');
    expect(s.primary).toBe('b');
    s.set([]);
    expect(s.primary).toBeNull();
  });

  it('toggle adds and removes (ctrl/cmd-click)', () => {
    const s = new Selection();
    s.set(['a'], 'a');
    s.toggle('b');
    expect([...s.cards]).toEqual(['a', 'b']);
    expect(s.primary).toBe('b');
    s.toggle('b');
    expect([...s.cards]).toEqual(['a']);
    expect(s.primary).toBe('a');
    s.toggle('a');
    expect(s.cards.size).toBe(0);
    expect(s.primary).toBeNull();
  });

  it('extend adds (shift-click) and never removes', () => {
    const s = new Selection();
    s.extend('a');
    s.extend('b');
    s.extend('a');
    expect([...s.cards]).toEqual(['a', 'b']);
    expect(s.primary).toBe('a');
    expect(s.has('b')).toBe(true);
  });

  it('clear and prune', () => {
    const s = new Selection();
    s.set(['a', 'b', 'c'], 'b');
    const before = s.cards;
    s.prune(new Set(['a', 'b', 'c', 'd']));
    expect(s.cards).toBe(before); // nothing gone: the same set
    s.prune(new Set(['a', 'c']));
    expect([...s.cards]).toEqual(['a', 'c']);
    expect(s.primary).toBe('c');
    s.clear();
    expect(s.cards.size).toBe(0);
    expect(s.primary).toBeNull();
  });

  it('a marquee selects the cards it touches, adding to the selection when additive', () => {
    const sc = scene();
    const r = rectFrom({ x: 600, y: 60 }, { x: 170, y: 100 }); // over card-a and card-b
    expect(marqueeSelection(sc, r, ['card-x'], false)).toEqual(['card-a', 'card-b']);
    expect(marqueeSelection(sc, r, ['card-x'], true)).toEqual(['card-x', 'card-a', 'card-b']);
    expect(marqueeSelection(sc, rectFrom({ x: 0, y: 0 }, { x: 10, y: 10 }), [], false)).toEqual([]);
  });
});
