// Presenting walks a map one stage at a time: the whole map first (the overview), then
// stage 1 … stage N, each fitted to the screen, then the whole map again. Pure: the step
// numbers, what a clicker's key asks for, and where the view goes for a step.

import type { Scene } from '../generated/types';
import { clampZoom, type Size, type Viewport } from '../editor/viewport';

/** A step: its place in the plan (0 is the opening overview). */
export type StepIndex = number;

/** A rectangle in Scene coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a step shows: the whole map, or a stage's column — whole when it is readable on
 * a projector at once, else in parts from the top down (`part` of `parts`), each a run of
 * whole lanes.
 */
export type Step = { kind: 'overview' } | { kind: 'stage'; index: number; part: number; parts: number; rect: Rect };

/**
 * The screen the parts are cut for (a projector's 1280 × 800): the plan is the same in
 * every window, so the audience's window shows the operator's step whatever its size.
 */
export const REFERENCE_VIEW = { width: 1280, height: 800 } as const;
/** A stage's column takes at most this share of the screen's width (its neighbours show at the sides). */
export const STAGE_SHARE = 0.42;
/**
 * A stage is zoomed until its cards' body text is this many pixels tall on the reference
 * projector (titles are larger): readable from the room, in few enough parts that a walk
 * through the journey stays a few clicks per stage.
 */
export const PRESENT_BODY_PX = 15;

/**
 * The steps of a presentation of `scene`: the whole map, each stage (in parts when its
 * column is too tall to read at once), the whole map again.
 */
export function planSteps(scene: Scene, view: Size = REFERENCE_VIEW): Step[] {
  const overview: Step = { kind: 'overview' };
  if (scene.stages.length === 0) return [overview];
  const steps: Step[] = [overview];
  scene.stages.forEach((stage, index) => {
    const readable = Math.min(
      MAX_STAGE_ZOOM,
      (view.width * STAGE_SHARE) / Math.max(1, stage.width),
      PRESENT_BODY_PX / Math.max(1, scene.fonts.bodySize),
    );
    const whole = (view.height - 2 * PRESENT_MARGIN) / Math.max(1, scene.height);
    const zoom = Math.max(whole, readable);
    const room = (view.height - 2 * PRESENT_MARGIN) / zoom;
    const runs = cutColumn(scene, room);
    runs.forEach(([top, bottom], part) => {
      // A short last part is shown as tall as the others (the lanes above it fill the top).
      const height = Math.max(bottom - top, Math.min(room, scene.height));
      const y = Math.max(0, Math.min(top, scene.height - height));
      steps.push({ kind: 'stage', index, part, parts: runs.length, rect: { x: stage.x, y, width: stage.width, height } });
    });
  });
  steps.push(overview);
  return steps;
}

/** The column cut into runs of whole lanes at most `room` tall (the header with the first). */
function cutColumn(scene: Scene, room: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let top = 0;
  let bottom = scene.headerHeight;
  let lanes = 0;
  for (const lane of scene.lanes) {
    const end = lane.y + lane.height;
    if (lanes > 0 && end - top > room) {
      runs.push([top, bottom]);
      top = lane.y;
      lanes = 0;
    }
    bottom = end;
    lanes += 1;
  }
  runs.push([top, Math.max(bottom, scene.height)]);
  return runs;
}

export function stepOf(step: StepIndex, plan: readonly Step[]): Step {
  return plan[clampStep(step, plan)] ?? { kind: 'overview' };
}

export function clampStep(step: StepIndex, plan: readonly Step[]): StepIndex {
  return Math.min(plan.length - 1, Math.max(0, Math.round(step)));
}

/** The next step; the closing overview is the last. */
export const nextStep = (step: StepIndex, plan: readonly Step[]): StepIndex => clampStep(step + 1, plan);
/** The step before; the opening overview is the first. */
export const previousStep = (step: StepIndex, plan: readonly Step[]): StepIndex => clampStep(step - 1, plan);
/** Home: the opening overview. */
export const firstStep = (): StepIndex => 0;
/** End: the last stage's first part (the overview when the map has none). */
export function lastStageStep(plan: readonly Step[]): StepIndex {
  let last = 0;
  plan.forEach((s, i) => {
    if (s.kind === 'stage' && s.part === 0) last = i;
  });
  return last;
}

/** The step as shown to the presenter: "Overview", or the stage's place, "3 / 7" (and its part, "3 / 7 · 2 of 2"). */
export function stepLabel(step: StepIndex, plan: readonly Step[], stages: number): string {
  const s = stepOf(step, plan);
  if (s.kind === 'overview') return 'Overview';
  const place = `${s.index + 1} / ${stages}`;
  return s.parts > 1 ? `${place} · ${s.part + 1} of ${s.parts}` : place;
}

/** What a key press asks of presenting (the keys are the table's, keyboard/keys.ts: PRESENT_KEYS). */
export type PresentMove = 'next' | 'previous' | 'first' | 'last';

/** Where a move goes from `step`. */
export function move(step: StepIndex, plan: readonly Step[], to: PresentMove): StepIndex {
  switch (to) {
    case 'next':
      return nextStep(step, plan);
    case 'previous':
      return previousStep(step, plan);
    case 'first':
      return firstStep();
    case 'last':
      return lastStageStep(plan);
  }
}

/** The part of the map a step shows: the whole map, or (part of) the stage's column. */
export function stepRect(scene: Scene, step: Step): Rect {
  return step.kind === 'overview' ? { x: 0, y: 0, width: scene.width, height: scene.height } : step.rect;
}

/**
 * Screen pixels left around a fitted step. A stage's column keeps a little of its
 * neighbours at the sides, so the walk reads as a journey rather than a slide.
 */
export const PRESENT_MARGIN = 32;
/** A stage is never shown larger than this (a short column would fill a projector with three cards). */
export const MAX_STAGE_ZOOM = 2;

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
