import { describe, expect, it } from 'vitest';
import { PRESENT_KEYS, keyFor, type KeyPress } from '../editor/keyboard/keys';
import { between, fitRect, move, stepCount, stepLabel, stepOf, stepRect } from './steps';
import { scene as sampleScene } from '../../test/fixtures';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('the steps of a presentation', () => {
  it('opens and closes on the whole map, with every stage between', () => {
    expect(stepCount(7)).toBe(9);
    expect(stepOf(0, 7)).toEqual({ kind: 'overview' });
    expect(stepOf(1, 7)).toEqual({ kind: 'stage', index: 0 });
    expect(stepOf(7, 7)).toEqual({ kind: 'stage', index: 6 });
    expect(stepOf(8, 7)).toEqual({ kind: 'overview' });
    expect(stepLabel(0, 7)).toBe('Overview');
    expect(stepLabel(3, 7)).toBe('3 / 7');
    expect(stepLabel(8, 7)).toBe('Overview');
  });

  it('stops at either end: next after the closing overview, previous before the opening one', () => {
    expect(move(0, 3, 'previous')).toBe(0);
    expect(move(0, 3, 'next')).toBe(1);
    expect(move(3, 3, 'next')).toBe(4);
    expect(move(4, 3, 'next')).toBe(4);
    expect(move(4, 3, 'previous')).toBe(3);
    expect(move(2, 3, 'first')).toBe(0);
    expect(move(0, 3, 'last')).toBe(3);
    expect(move(4, 3, 'last')).toBe(3);
  });

  it('has only the overview for a map without stages', () => {
    expect(stepCount(0)).toBe(1);
    for (const to of ['next', 'previous', 'first', 'last'] as const) expect(move(0, 0, to)).toBe(0);
    expect(stepLabel(0, 0)).toBe('Overview');
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

  it('fits a stage’s column to the screen, and the whole map for the overview', () => {
    const scene = sampleScene();
    const view = { width: 1280, height: 800 };
    const stage = scene.stages[1]!;
    const rect = stepRect(scene, 2);
    expect(rect).toEqual({ x: stage.x, y: 0, width: stage.width, height: scene.height });
    const vp = fitRect(rect, view);
    // The column's centre is the screen's, and it fits inside with a margin.
    expect(vp.x + view.width / 2 / vp.zoom).toBeCloseTo(stage.x + stage.width / 2);
    expect(rect.width * vp.zoom).toBeLessThanOrEqual(view.width);
    expect(rect.height * vp.zoom).toBeLessThanOrEqual(view.height);
    expect(stepRect(scene, 0)).toEqual({ x: 0, y: 0, width: scene.width, height: scene.height });
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
