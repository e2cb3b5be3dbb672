// Presenting walks a map one stage at a time: the whole map first (the overview), then
// stage 1 … stage N, each fitted to the screen, then the whole map again. Pure: the step
// numbers, what a clicker's key asks for, and where the view goes for a step.

import type { Scene } from '../generated/types';
import { clampZoom, type Size, type Viewport } from '../editor/viewport';

/** A step: 0 is the opening overview, 1 … N the stages, N + 1 the closing overview. */
export type StepIndex = number;

/** What a step shows. */
export type Step = { kind: 'overview' } | { kind: 'stage'; index: number };

/** How many steps a map of `stages` stages has: the overview on each side of the stages. */
export function stepCount(stages: number): number {
  return stages === 0 ? 1 : stages + 2;
}

export function stepOf(step: StepIndex, stages: number): Step {
  const i = clampStep(step, stages);
  return i === 0 || i > stages ? { kind: 'overview' } : { kind: 'stage', index: i - 1 };
}

export function clampStep(step: StepIndex, stages: number): StepIndex {
  return Math.min(stepCount(stages) - 1, Math.max(0, Math.round(step)));
}

/** The next step; the closing overview is the last. */
export const nextStep = (step: StepIndex, stages: number): StepIndex => clampStep(step + 1, stages);
/** The step before; the opening overview is the first. */
export const previousStep = (step: StepIndex, stages: number): StepIndex => clampStep(step - 1, stages);
/** Home: the opening overview. */
export const firstStep = (): StepIndex => 0;
/** End: the last stage (the overview when the map has none). */
export const lastStageStep = (stages: number): StepIndex => (stages === 0 ? 0 : stages);

/** The step as shown to the presenter: "Overview", or the stage's place, "3 / 7". */
export function stepLabel(step: StepIndex, stages: number): string {
  const s = stepOf(step, stages);
  return s.kind === 'overview' ? 'Overview' : `${s.index + 1} / ${stages}`;
}

/** What a key press asks of presenting (the keys are the table's, keyboard/keys.ts: PRESENT_KEYS). */
export type PresentMove = 'next' | 'previous' | 'first' | 'last';

/** Where a move goes from `step`. */
export function move(step: StepIndex, stages: number, to: PresentMove): StepIndex {
  switch (to) {
    case 'next':
      return nextStep(step, stages);
    case 'previous':
      return previousStep(step, stages);
    case 'first':
      return firstStep();
    case 'last':
      return lastStageStep(stages);
  }
}

/** A rectangle in Scene coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the map a step shows: the whole map, or the stage's column (header to bottom). */
export function stepRect(scene: Scene, step: StepIndex): Rect {
  const s = stepOf(step, scene.stages.length);
  const whole = { x: 0, y: 0, width: scene.width, height: scene.height };
  if (s.kind === 'overview') return whole;
  const stage = scene.stages[s.index];
  if (!stage) return whole;
  return { x: stage.x, y: 0, width: stage.width, height: scene.height };
}

/**
 * Screen pixels left around a fitted step. A stage's column keeps a little of its
 * neighbours at the sides, so the walk reads as a journey rather than a slide.
 */
export const PRESENT_MARGIN = 32;
/** A stage is never shown larger than this (a short column would fill a projector with three cards). */
export const MAX_STAGE_ZOOM = 2.5;

/** The view that fits `rect` in a view of `view`'s size, centred. */
export function fitRect(rect: Rect, view: Size, margin = PRESENT_MARGIN, maxZoom = MAX_STAGE_ZOOM): Viewport {
  const zoom = clampZoom(
    Math.min(
      maxZoom,
      (view.width - 2 * margin) / Math.max(1, rect.width),
      (view.height - 2 * margin) / Math.max(1, rect.height),
    ),
  );
  return {
    x: rect.x + rect.width / 2 - view.width / 2 / zoom,
    y: rect.y + rect.height / 2 - view.height / 2 / zoom,
    zoom,
  };
}

/** The view at `t` (0 … 1) of the way from `a` to `b`: the zoom changes evenly on a log scale, the centre moves with it. */
export function between(a: Viewport, b: Viewport, t: number, view: Size): Viewport {
  const k = Math.min(1, Math.max(0, t));
  const zoom = Math.exp(Math.log(a.zoom) + (Math.log(b.zoom) - Math.log(a.zoom)) * k);
  const centre = (vp: Viewport, size: number, axis: 'x' | 'y') => vp[axis] + size / 2 / vp.zoom;
  const cx = centre(a, view.width, 'x') + (centre(b, view.width, 'x') - centre(a, view.width, 'x')) * k;
  const cy = centre(a, view.height, 'y') + (centre(b, view.height, 'y') - centre(a, view.height, 'y')) * k;
  return { x: cx - view.width / 2 / zoom, y: cy - view.height / 2 / zoom, zoom };
}

/** Slow at both ends: the focus glides from one stage to the next. */
export function ease(t: number): number {
  const k = Math.min(1, Math.max(0, t));
  return k < 0.5 ? 4 * k * k * k : 1 - (-2 * k + 2) ** 3 / 2;
}

/** How long the focus takes to travel to the next step. */
export const FOCUS_MS = 400;
