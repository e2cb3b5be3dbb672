// The Passion points overview: every passion point of the document with its KPIs and
// their statuses (from the backend's StrategyReport; the KPIs' names and figures come
// from the cards), filtered and sorted for reading.

import type { Kpi, PassionPointReport, Status } from '../../generated/types';
import { statusRank } from '../kpi';

export interface PassionKpiRow {
  kpi: Kpi;
  status: Status | null;
}

export interface PassionRow {
  point: PassionPointReport;
  kpis: PassionKpiRow[];
  /** Position in the report (map order, then card order). */
  order: number;
}

/**
 * Rows for the overview. `kpisOf` answers a card's KPIs (from its map) or null while its
 * map is not loaded; KPIs are then listed from the report alone, without figures.
 */
export function passionRows(points: readonly PassionPointReport[], kpisOf: (mapId: string, cardId: string) => Kpi[] | null): PassionRow[] {
  return points.map((point, order) => {
    const kpis = kpisOf(point.mapId, point.cardId);
    const status = (id: string) => point.kpis.find((k) => k.kpiId === id)?.status ?? null;
    return {
      point,
      order,
      kpis: kpis ? kpis.map((kpi) => ({ kpi, status: status(kpi.id) })) : [],
    };
  });
}

/** Whether the point misses a target: its worst KPI is at risk or off track. */
export const isOffTarget = (point: Pick<PassionPointReport, 'status'>): boolean =>
  point.status === 'off_track' || point.status === 'at_risk';

export type PassionSort = 'map' | 'status';

export function filterAndSort(rows: readonly PassionRow[], offTargetOnly: boolean, sort: PassionSort): PassionRow[] {
  const kept = offTargetOnly ? rows.filter((r) => isOffTarget(r.point)) : [...rows];
  if (sort === 'status') {
    kept.sort((a, b) => statusRank(a.point.status) - statusRank(b.point.status) || a.order - b.order);
  }
  return kept;
}

export interface StatusCounts {
  off_track: number;
  at_risk: number;
  on_track: number;
  none: number;
}

export function statusCounts(points: readonly Pick<PassionPointReport, 'status'>[]): StatusCounts {
  const c: StatusCounts = { off_track: 0, at_risk: 0, on_track: 0, none: 0 };
  for (const p of points) c[p.status ?? 'none'] += 1;
  return c;
}

/** "3 off track · 1 at risk · 5 on track" (and "· 2 with no data yet" when some are). */
export function countsText(c: StatusCounts): string {
  const parts = [`${c.off_track} off track`, `${c.at_risk} at risk`, `${c.on_track} on track`];
  if (c.none > 0) parts.push(`${c.none} with no data yet`);
  return parts.join(' · ');
}
