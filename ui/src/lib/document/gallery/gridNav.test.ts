import { describe, expect, it } from 'vitest';
import { countsLabel, gridMove } from './gridNav';

describe('moving through the gallery’s grid', () => {
  // Five cards in rows of three: 0 1 2 / 3 4.
  const move = (from: number, key: string) => gridMove(from, key, 5, 3);

  it('goes left and right along the cards, stopping at the ends', () => {
    expect(move(0, 'ArrowRight')).toBe(1);
    expect(move(2, 'ArrowRight')).toBe(3);
    expect(move(4, 'ArrowRight')).toBe(4);
    expect(move(3, 'ArrowLeft')).toBe(2);
    expect(move(0, 'ArrowLeft')).toBe(0);
  });

  it('goes up and down a row, and down to the last card from above a gap', () => {
    expect(move(1, 'ArrowDown')).toBe(4);
    expect(move(2, 'ArrowDown')).toBe(4);
    expect(move(4, 'ArrowDown')).toBe(4);
    expect(move(4, 'ArrowUp')).toBe(1);
    expect(move(1, 'ArrowUp')).toBe(1);
  });

  it('goes to the first and last with Home and End, and ignores other keys', () => {
    expect(move(3, 'Home')).toBe(0);
    expect(move(0, 'End')).toBe(4);
    expect(move(0, 'a')).toBeNull();
    expect(gridMove(0, 'ArrowRight', 0, 3)).toBeNull();
  });
});

describe('a template’s counts', () => {
  it('says what the template holds, in words for none and one', () => {
    expect(countsLabel(5, 6, 30)).toBe('5 stages · 6 lanes · 30 cards');
    expect(countsLabel(1, 1, 1)).toBe('1 stage · 1 lane · 1 card');
    expect(countsLabel(5, 5, 0)).toBe('5 stages · 5 lanes · no cards');
  });
});
