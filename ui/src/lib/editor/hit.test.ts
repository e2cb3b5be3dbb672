import { describe, expect, it } from 'vitest';
import {
  adjacentCell,
  cardAt,
  cellAt,
  dropLine,
  END_OF_CELL,
  insertionIndex,
  neighbourCard,
  stepCell,
} from './hit';
import { scene } from '../../test/fixtures';

// Fixture: stages Discover x 160..400, Convert 400..640; lanes touch y 56..256,
// emotions 256..360. card-a (Discover, 176,72 200×100); card-b (Convert, 416,72 200×72,
// index 0); card-x (Convert, 416,160 200×72, index 1).
const sc = scene();
const convert = { stageId: 'st-convert', laneId: 'lane-touch' };

describe('hit-testing', () => {
  it('finds the card under a point', () => {
    expect(cardAt(sc, { x: 180, y: 80 })?.id).toBe('card-a');
    expect(cardAt(sc, { x: 500, y: 200 })?.id).toBe('card-x');
    expect(cardAt(sc, { x: 500, y: 150 })).toBeNull(); // the gap between b and x
    expect(cardAt(sc, { x: 100, y: 100 })).toBeNull(); // the gutter
  });

  it('finds the cell under a point, with its lane kind', () => {
    expect(cellAt(sc, { x: 200, y: 300 })).toMatchObject({ stageId: 'st-discover', laneId: 'lane-emo', kind: 'emotions' });
    expect(cellAt(sc, { x: 639, y: 57 })).toMatchObject({ stageId: 'st-convert', laneId: 'lane-touch', kind: 'touchpoints' });
    expect(cellAt(sc, { x: 200, y: 20 })).toBeNull(); // header
    expect(cellAt(sc, { x: 50, y: 100 })).toBeNull(); // gutter
    expect(cellAt(sc, { x: 700, y: 100 })).toBeNull(); // outside
  });

  it('computes the insertion index above and below the middle of each card', () => {
    // card-b middle 108, card-x middle 196.
    expect(insertionIndex(sc, convert, { x: 500, y: 60 })).toBe(0);
    expect(insertionIndex(sc, convert, { x: 500, y: 107 })).toBe(0);
    expect(insertionIndex(sc, convert, { x: 500, y: 109 })).toBe(1);
    expect(insertionIndex(sc, convert, { x: 500, y: 195 })).toBe(1);
    expect(insertionIndex(sc, convert, { x: 500, y: 197 })).toBe(2);
    // The moving card does not count.
    expect(insertionIndex(sc, convert, { x: 500, y: 250 }, new Set(['card-b']))).toBe(1);
    expect(insertionIndex(sc, { stageId: 'st-discover', laneId: 'lane-emo' }, { x: 200, y: 300 })).toBe(0);
  });

  it('drops into a collapsed lane at its end', () => {
    const s = scene();
    s.lanes[1] = { ...s.lanes[1]!, collapsed: true };
    expect(insertionIndex(s, { stageId: 'st-discover', laneId: 'lane-emo' }, { x: 200, y: 300 })).toBe(END_OF_CELL);
  });

  it('draws the drop line between cards', () => {
    expect(dropLine(sc, convert, 0)).toEqual({ x1: 410, x2: 630, y: 67 });
    expect(dropLine(sc, convert, 1)?.y).toBe(155);
    expect(dropLine(sc, convert, 2)?.y).toBe(237);
    expect(dropLine(sc, { stageId: 'st-convert', laneId: 'lane-emo' }, 0)?.y).toBe(262);
  });

  it('finds keyboard neighbours: stages left/right, the column up/down', () => {
    expect(neighbourCard(sc, 'card-a', 'right')?.id).toBe('card-b');
    expect(neighbourCard(sc, 'card-x', 'left')?.id).toBe('card-a');
    expect(neighbourCard(sc, 'card-a', 'left')).toBeNull();
    expect(neighbourCard(sc, 'card-b', 'down')?.id).toBe('card-x');
    expect(neighbourCard(sc, 'card-x', 'up')?.id).toBe('card-b');
    expect(neighbourCard(sc, 'card-x', 'down')).toBeNull();
  });

  it('steps through cells in reading order and finds adjacent cells', () => {
    expect(stepCell(sc, null, 1)).toEqual({ stageId: 'st-discover', laneId: 'lane-touch' });
    expect(stepCell(sc, { stageId: 'st-convert', laneId: 'lane-touch' }, 1)).toEqual({ stageId: 'st-discover', laneId: 'lane-emo' });
    expect(stepCell(sc, { stageId: 'st-convert', laneId: 'lane-emo' }, 1)).toBeNull();
    expect(adjacentCell(sc, convert, 'left')).toEqual({ stageId: 'st-discover', laneId: 'lane-touch' });
    expect(adjacentCell(sc, convert, 'right')).toBeNull();
    expect(adjacentCell(sc, convert, 'down')).toEqual({ stageId: 'st-convert', laneId: 'lane-emo' });
  });
});
