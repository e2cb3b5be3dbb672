// Words and marks for risk: a stage's heat level (the sum of its points of
// vulnerability's severities, 1–9, as the backend lays it out in the Scene) for every
// stage of a map.

import type { Scene, VulnerabilityReport } from '../../generated/types';

/** One dot per level up to three; "●●● 7" above that, so a busy stage still says how busy. */
export function heatDots(level: number): string {
  const n = Math.max(0, Math.round(level));
  const dots = '●'.repeat(Math.min(n, 3));
  return n > 3 ? `${dots} ${n}` : dots;
}

export function heatTitle(level: number): string {
  return `Risk level ${level}: the sum of the severities of this stage’s points of vulnerability`;
}

/** The heat level's ceiling (render's `HEAT_MAX`): a busier stage is drawn as this. */
export const HEAT_MAX = 9;

/** One stage of a map as the Risks view charts it. */
export interface StageLevel {
  stageId: string;
  name: string;
  /** The Scene's heat level for the stage; 0 when it has no band. */
  level: number;
  /** The band's colour as the backend chose it; null at level 0. */
  color: string | null;
  /** Points of vulnerability drawn in the stage (the ones its level sums). */
  points: number;
}

/**
 * Every stage of the Scene in map order with the heat the backend laid out for it, so the
 * chart shows where the journey is safe as well as where it is at risk.
 */
export function stageLevels(scene: Scene): StageLevel[] {
  const bands = new Map(scene.heat.map((h) => [h.stageId, h]));
  const points = new Map<string, number>();
  for (const c of scene.cards) {
    if (c.flags.pointOfVulnerability) points.set(c.stageId, (points.get(c.stageId) ?? 0) + 1);
  }
  return scene.stages.map((s) => {
    const band = bands.get(s.id);
    return {
      stageId: s.id,
      name: s.name.map((l) => l.text).join(' '),
      level: band?.level ?? 0,
      color: band?.color ?? null,
      points: points.get(s.id) ?? 0,
    };
  });
}

/** The level in words, for the reader who does not tell the reds apart. */
export function levelWords(s: Pick<StageLevel, 'level' | 'points'>): string {
  if (s.level <= 0) return 'No risk';
  const points = s.points === 1 ? '1 point' : `${s.points} points`;
  return `Risk level ${s.level} of ${HEAT_MAX} · ${points}`;
}

export const isUnowned = (v: VulnerabilityReport): boolean =>
  v.vulnerability.owner.trim() === '' || v.vulnerability.mitigation.trim() === '';

/** The maps other than `shownMapId` that hold points of vulnerability, in report order, with how many. */
export function otherMapsAtRisk(
  items: readonly VulnerabilityReport[],
  shownMapId: string | null,
): Array<{ mapId: string; mapName: string; points: number }> {
  const out = new Map<string, { mapId: string; mapName: string; points: number }>();
  for (const v of items) {
    if (v.mapId === shownMapId) continue;
    const m = out.get(v.mapId) ?? { mapId: v.mapId, mapName: v.mapName, points: 0 };
    m.points += 1;
    out.set(v.mapId, m);
  }
  return [...out.values()];
}
