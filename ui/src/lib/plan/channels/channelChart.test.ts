import { describe, expect, it } from 'vitest';
import type { GoalMonth } from '../../generated/types';
import { CHART_BOX, chartModel, niceTicks, valueRange } from './channelChart';

const month = (m: string, actual: number | null, status: GoalMonth['status'] = null): GoalMonth => ({ month: m, actual, status });

describe('chart scales', () => {
  it('picks round ticks that cover the values', () => {
    expect(niceTicks(38, 52, 4)).toEqual({ min: 35, max: 55, ticks: [35, 40, 45, 50, 55] });
    expect(niceTicks(0, 1, 4)).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceTicks(120, 1180, 4).ticks).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(-3, 7, 4).ticks).toEqual([-5, -2.5, 0, 2.5, 5, 7.5]);
    expect(niceTicks(0.1, 0.3, 4).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('pads a flat range, never below zero for positive values', () => {
    expect(valueRange([50, 50])).toEqual({ lo: 45, hi: 55 });
    expect(valueRange([0])).toEqual({ lo: 0, hi: 1 });
    expect(valueRange([-2])).toEqual({ lo: -2.2, hi: -1.8 });
    expect(valueRange([])).toEqual({ lo: 0, hi: 1 });
  });
});

describe('chart model', () => {
  const months = [month('2026-01', 52, 'on_track'), month('2026-02', 46, 'at_risk'), month('2026-03', 40, 'off_track')];

  it('puts one point per month with an actual, evenly spaced, higher values higher', () => {
    const model = chartModel(months, 50);
    expect(model.points.map((p) => [p.month, p.status])).toEqual([
      ['2026-01', 'on_track'],
      ['2026-02', 'at_risk'],
      ['2026-03', 'off_track'],
    ]);
    const xs = model.points.map((p) => p.x);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 5);
    expect(xs[0]).toBeGreaterThan(CHART_BOX.left);
    expect(xs[2]).toBeLessThan(CHART_BOX.width - CHART_BOX.right);
    const ys = model.points.map((p) => p.y);
    expect(ys[0]).toBeLessThan(ys[1]!);
    expect(ys[1]).toBeLessThan(ys[2]!);
    // The target at 50 lies between 52 and 46.
    expect(model.target!.y).toBeGreaterThan(ys[0]!);
    expect(model.target!.y).toBeLessThan(ys[1]!);
    expect(model.lines).toHaveLength(1);
    expect(model.xTicks.map((t) => t.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(model.yTicks[0]!.y).toBe(CHART_BOX.height - CHART_BOX.bottom);
    expect(model.yTicks.at(-1)!.y).toBe(CHART_BOX.top);
  });

  it('breaks the line at a month without an actual', () => {
    const model = chartModel([month('2026-01', 1), month('2026-02', null), month('2026-03', 2), month('2026-04', 3)], null);
    expect(model.points).toHaveLength(3);
    expect(model.lines).toEqual([expect.stringMatching(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/)]);
    expect(model.target).toBeNull();
  });

  it('names only some months when there are many', () => {
    const many = Array.from({ length: 24 }, (_, i) => month(`20${25 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i));
    const labels = chartModel(many, null).xTicks.filter((t) => t.label !== '');
    expect(labels.length).toBeLessThan(12);
    expect(labels[0]!.label).toBe('Jan 2025');
  });

  it('centres a single month', () => {
    const model = chartModel([month('2026-01', 10, 'on_track')], 8);
    expect(model.points[0]!.x).toBe(CHART_BOX.left + (CHART_BOX.width - CHART_BOX.left - CHART_BOX.right) / 2);
    expect(model.lines).toEqual([]);
  });
});
