import { describe, expect, it } from 'vitest';
import { PRESENT_KEYS, keyFor, type KeyPress } from '../editor/keyboard/keys';
import { REFERENCE_VIEW, between, fitRect, move, planSteps, stepLabel, stepOf, stepRect, type Step } from './steps';
import { scene as sampleScene } from '../../test/fixtures';
import type { Scene } from '../generated/types';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

/** A plan of `n` one-part stages, as a short map gives. */
const plan = (n: number): Step[] => [
  { kind: 'overview' },
  ...Array.from({ length: n }, (_, index) => ({ kind: 'stage' as const, index, part: 0, parts: 1, rect: { x: index, y: 0, width: 1, height: 1 } })),
  ...(n > 0 ? [{ kind: 'overview' as const }] : []),
];

/** A tall map: `lanes` lanes of 200 units under a 56-unit header, stages 240 wide. */
function tallScene(lanes: number): Scene {
  const base = sampleScene();
  return {
    ...base,
    height: 56 + lanes * 200,
    lanes: Array.from({ length: lanes }, (_, i) => ({ ...base.lanes[0]!, id: `lane-${i}`, index: i, y: 56 + i * 200, height: 200 })),
  };
}

describe('the steps of a presentation', () => {
  it('opens and closes on the whole map, with every stage between', () => {
    const p = plan(7);
    expect(p).toHaveLength(9);
    expect(stepOf(0, p)).toEqual({ kind: 'overview' });
    expect(stepOf(1, p)).toMatchObject({ kind: 'stage', index: 0 });
    expect(stepOf(7, p)).toMatchObject({ kind: 'stage', index: 6 });
    expect(stepOf(8, p)).toEqual({ kind: 'overview' });
    expect(stepLabel(0, p, 7)).toBe('Overview');
    expect(stepLabel(3, p, 7)).toBe('3 / 7');
    expect(stepLabel(8, p, 7)).toBe('Overview');
  });

  it('stops at either end: next after the closing overview, previous before the opening one', () => {
    const p = plan(3);
    expect(move(0, p, 'previous')).toBe(0);
    expect(move(0, p, 'next')).toBe(1);
    expect(move(3, p, 'next')).toBe(4);
    expect(move(4, p, 'next')).toBe(4);
    expect(move(4, p, 'previous')).toBe(3);
    expect(move(2, p, 'first')).toBe(0);
    expect(move(0, p, 'last')).toBe(3);
    expect(move(4, p, 'last')).toBe(3);
  });

  it('has only the overview for a map without stages', () => {
    const p = planSteps({ ...sampleScene(), stages: [] });
    expect(p).toEqual([{ kind: 'overview' }]);
    for (const to of ['next', 'previous', 'first', 'last'] as const) expect(move(0, p, to)).toBe(0);
    expect(stepLabel(0, p, 0)).toBe('Overview');
  });

  it('hears every key a presentation clicker sends', () => {
    const id = (key: string, mods?: Partial<KeyPress>) => keyFor(PRESENT_KEYS, press(key, mods));
    for (const key of ['PageDown', ' ', 'ArrowRight', 'ArrowDown', 'Enter']) expect(id(key)).toBe('present-next');
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp', 'Backspace']) expect(id(key)).toBe('present-previous');
    expect(id(' ', { shiftKey: true })).toBe('present-previous');
    expect(id('Home')).toBe('present-first');
    expect(id('End')).toBe('present-last');
    expect(id('Escape')).toBe('present-leave');
    expect(id('n')).toBe('present-notes');
    expect(id('t')).toBe('present-timer');
    expect(id('+', { shiftKey: true })).toBe('present-timer-add');
    // Ctrl+arrows are no clicker's: they leave the step alone.
    expect(id('ArrowRight', { ctrlKey: true })).toBeNull();
  });

  it('fits a short map’s stage column whole, and the whole map for the overview', () => {
    const scene = sampleScene();
    const p = planSteps(scene);
    expect(p).toHaveLength(4);
    const view = { width: 1280, height: 800 };
    const stage = scene.stages[1]!;
    const step = stepOf(2, p);
    const rect = stepRect(scene, step);
    expect(rect).toEqual({ x: stage.x, y: 0, width: stage.width, height: scene.height });
    const vp = fitRect(rect, view);
    // The column's centre is the screen's, and it fits inside with a margin.
    expect(vp.x + view.width / 2 / vp.zoom).toBeCloseTo(stage.x + stage.width / 2);
    expect(rect.width * vp.zoom).toBeLessThanOrEqual(view.width);
    expect(rect.height * vp.zoom).toBeLessThanOrEqual(view.height);
    expect(stepRect(scene, stepOf(0, p))).toEqual({ x: 0, y: 0, width: scene.width, height: scene.height });
  });

  it('walks a tall column in parts of whole lanes, each readable on a projector', () => {
    const scene = tallScene(8);
    const p = planSteps(scene);
    const parts = p.filter((s) => s.kind === 'stage' && s.index === 0);
    expect(parts.length).toBeGreaterThan(1);
    expect(p).toHaveLength(2 + scene.stages.length * parts.length);
    const lanesTops = new Set(scene.lanes.map((l) => l.y));
    let covered = 0;
    for (const part of parts) {
      if (part.kind !== 'stage') throw new Error('a stage');
      const vp = fitRect(part.rect, REFERENCE_VIEW);
      // Body text at least 15 px on the projector.
      expect(vp.zoom * scene.fonts.bodySize).toBeGreaterThanOrEqual(14.99);
      if (part.part > 0) expect(lanesTops.has(part.rect.y) || part.rect.y + part.rect.height === scene.height).toBe(true);
      covered = Math.max(covered, part.rect.y + part.rect.height);
    }
    expect(covered).toBe(scene.height);
    expect(stepLabel(2, p, scene.stages.length)).toBe(`1 / 2 · 2 of ${parts.length}`);
    // End goes to the last stage's first part.
    expect(stepOf(move(0, p, 'last'), p)).toMatchObject({ kind: 'stage', index: 1, part: 0 });
  });

  it('travels between two views smoothly: the ends are the views themselves', () => {
    const view = { width: 1000, height: 500 };
    const a = { x: 0, y: 0, zoom: 0.5 };
    const b = { x: 300, y: 100, zoom: 2 };
    expect(between(a, b, 0, view)).toEqual(a);
    const end = between(a, b, 1, view);
    expect(end.x).toBeCloseTo(b.x);
    expect(end.y).toBeCloseTo(b.y);
    expect(end.zoom).toBeCloseTo(b.zoom);
    expect(between(a, b, 0.5, view).zoom).toBeCloseTo(1);
  });
});
