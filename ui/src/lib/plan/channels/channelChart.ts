// The geometry of a goal's performance chart: reviewed months along x (one band each),
// the actuals and the target on a "nice" linear y scale. Pure, so the chart component
// only draws what this returns.

import type { GoalMonth, Status } from '../../generated/types';
import { formatNumber } from './channelEdits';
import { shortMonthLabel } from './channelReview';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The chart's size in SVG units (it scales to its container's width). */
export const CHART_BOX: ChartBox = { width: 480, height: 210, left: 52, right: 12, top: 24, bottom: 34 };

export interface ChartPoint {
  month: string;
  x: number;
  y: number;
  value: number;
  status: Status | null;
}

export interface ChartModel {
  box: ChartBox;
  /** One per reviewed month; `label` is empty where months are too many to name each. */
  xTicks: { month: string; label: string; x: number }[];
  yTicks: { value: number; label: string; y: number }[];
  /** One per reviewed month that has an actual. */
  points: ChartPoint[];
  /** SVG path data, one per run of consecutive months with actuals (a gap breaks the line). */
  lines: string[];
  target: { y: number; value: number } | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A scale from `lo` to `hi` in about `count` round steps (1, 2, 2.5, 5 × 10ⁿ). */
export function niceTicks(lo: number, hi: number, count = 4): { min: number; max: number; ticks: number[] } {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step * 1e-9; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return { min: ticks[0] ?? min, max: ticks.at(-1) ?? max, ticks };
}

/** The value range a chart shows: every actual and the target, padded when flat. */
export function valueRange(values: readonly number[]): { lo: number; hi: number } {
  if (values.length === 0) return { lo: 0, hi: 1 };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    const nonNegative = lo >= 0;
    lo -= pad;
    hi += pad;
    if (nonNegative) lo = Math.max(0, lo);
  }
  return { lo, hi };
}

export function chartModel(months: readonly GoalMonth[], target: number | null, box: ChartBox = CHART_BOX): ChartModel {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const n = months.length;
  const band = n > 0 ? plotW / n : plotW;
  const xOf = (i: number) => round(box.left + (i + 0.5) * band);
  // Name every month while they fit (about 56 units each), else every k-th from the first.
  const every = Math.max(1, Math.ceil(56 / band));
  const xTicks = months.map((m, i) => ({
    month: m.month,
    label: i % every === 0 ? shortMonthLabel(m.month) : '',
    x: xOf(i),
  }));

  const values = months.flatMap((m) => (m.actual === null ? [] : [m.actual]));
  const { lo, hi } = valueRange(target === null ? values : [...values, target]);
  const scale = niceTicks(lo, hi, 4);
  const yOf = (v: number) => round(box.top + ((scale.max - v) / (scale.max - scale.min)) * plotH);

  const points: ChartPoint[] = [];
  const lines: string[] = [];
  let run: string[] = [];
  months.forEach((m, i) => {
    if (m.actual === null) {
      if (run.length > 1) lines.push(run.join(' '));
      run = [];
      return;
    }
    const point = { month: m.month, x: xOf(i), y: yOf(m.actual), value: m.actual, status: m.status };
    points.push(point);
    run.push(`${run.length === 0 ? 'M' : 'L'}${point.x} ${point.y}`);
  });
  if (run.length > 1) lines.push(run.join(' '));

  return {
    box,
    xTicks,
    yTicks: scale.ticks.map((value) => ({ value, label: formatNumber(value), y: yOf(value) })),
    points,
    lines,
    target: target === null ? null : { y: yOf(target), value: target },
  };
}
