import { describe, expect, it } from 'vitest';
import { CardDrag, DRAG_THRESHOLD } from './cardDrag.svelte';
import { scene } from '../../../test/fixtures';

const sc = scene();

describe('card drag', () => {
  it('stays a click below the threshold', () => {
    const d = new CardDrag();
    d.press(['card-a'], { x: 200, y: 100 }, { x: 200, y: 100 });
    expect(d.move(sc, { x: 202, y: 102 }, { x: 202, y: 102 })).toBe(false);
    expect(d.phase).toBe('pressed');
    expect(d.offset).toEqual({ x: 0, y: 0 });
    expect(d.release(sc)).toEqual({ kind: 'click' });
    expect(d.active).toBe(false);
  });

  it('becomes a drag past the threshold: follows the pointer and tracks the drop target', () => {
    const d = new CardDrag();
    d.press(['card-a'], { x: 200, y: 100 }, { x: 200, y: 100 });
    expect(d.move(sc, { x: 200 + DRAG_THRESHOLD, y: 100 }, { x: 204, y: 100 })).toBe(true);
    expect(d.dragging).toBe(true);
    d.move(sc, { x: 500, y: 200 }, { x: 500, y: 200 });
    expect(d.offset).toEqual({ x: 300, y: 100 });
    expect(d.target?.cell.stageId).toBe('st-convert');
    expect(d.target?.index).toBe(2);
    expect(d.target?.line?.y).toBe(237);
    const result = d.release(sc);
    expect(result).toEqual({
      kind: 'drop',
      edit: { type: 'MoveCard', mapId: 'map-1', cardId: 'card-a', stageId: 'st-convert', laneId: 'lane-touch', index: 2 },
    });
    // The cards stay drawn where they were dropped until the edit is answered.
    expect(d.offset).toEqual({ x: 300, y: 100 });
    d.reset();
    expect(d.cards.size).toBe(0);
  });

  it('sends nothing when dropped where it started or outside the cells', () => {
    const d = new CardDrag();
    d.press(['card-b'], { x: 500, y: 100 }, { x: 500, y: 100 });
    d.move(sc, { x: 510, y: 90 }, { x: 510, y: 90 });
    expect(d.release(sc)).toEqual({ kind: 'drop', edit: null });
    d.press(['card-b'], { x: 500, y: 100 }, { x: 500, y: 100 });
    d.move(sc, { x: 50, y: 20 }, { x: 50, y: 20 });
    expect(d.target).toBeNull();
    expect(d.release(sc)).toEqual({ kind: 'drop', edit: null });
  });

  it('Esc cancels: no edit, the cards go back', () => {
    const d = new CardDrag();
    d.press(['card-a', 'card-b'], { x: 200, y: 100 }, { x: 200, y: 100 });
    d.move(sc, { x: 500, y: 300 }, { x: 500, y: 300 });
    d.cancel();
    expect(d.active).toBe(false);
    expect(d.offset).toEqual({ x: 0, y: 0 });
    expect(d.release(sc)).toEqual({ kind: 'none' });
  });

  it('a multi-card drop is one Batch', () => {
    const d = new CardDrag();
    d.press(['card-a', 'card-b'], { x: 200, y: 100 }, { x: 200, y: 100 });
    d.move(sc, { x: 300, y: 300 }, { x: 300, y: 300 });
    const result = d.release(sc);
    expect(result.kind).toBe('drop');
    if (result.kind === 'drop') {
      expect(result.edit?.type).toBe('Batch');
      if (result.edit?.type === 'Batch') expect(result.edit.edits.map((e) => e.type)).toEqual(['MoveCard', 'MoveCard']);
    }
  });
});
