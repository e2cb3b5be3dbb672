// Words and marks for risk: a stage's heat level (the sum of its points of
// vulnerability's severities, 1–9) and a summary of the vulnerabilities per stage.

import type { VulnerabilityReport } from '../generated/types';

/** One dot per level up to three; "●●● 7" above that, so a busy stage still says how busy. */
export function heatDots(level: number): string {
  const n = Math.max(0, Math.round(level));
  const dots = '●'.repeat(Math.min(n, 3));
  return n > 3 ? `${dots} ${n}` : dots;
}

export function heatTitle(level: number): string {
  return `Risk level ${level}: the sum of the severities of this stage’s points of vulnerability`;
}

export interface StageRisk {
  mapId: string;
  mapName: string;
  stageId: string;
  stageName: string;
  /** Sum of severities (capped at 9, as the map's heat band). */
  level: number;
  count: number;
  /** Points with no owner or no mitigation yet. */
  unowned: number;
}

/** Vulnerabilities summed per stage, in the order the stages first appear per map. */
export function risksByStage(items: readonly VulnerabilityReport[]): StageRisk[] {
  const out = new Map<string, StageRisk>();
  for (const v of items) {
    const key = `${v.mapId}\u0000${v.stageId}`;
    let s = out.get(key);
    if (!s) {
      s = { mapId: v.mapId, mapName: v.mapName, stageId: v.stageId, stageName: v.stageName, level: 0, count: 0, unowned: 0 };
      out.set(key, s);
    }
    s.level = Math.min(9, s.level + v.vulnerability.severity);
    s.count += 1;
    if (isUnowned(v)) s.unowned += 1;
  }
  return [...out.values()];
}

export const isUnowned = (v: VulnerabilityReport): boolean =>
  v.vulnerability.owner.trim() === '' || v.vulnerability.mitigation.trim() === '';

/** The map's heat ramp (render's `heat_color`): light pink at 1 to deep red at 9. */
export function heatColor(level: number): string {
  const t = (Math.max(1, Math.min(9, Math.round(level))) - 1) / 8;
  const light = [0xff, 0xd6, 0xd6];
  const dark = [0x9b, 0x11, 0x11];
  return `#${light.map((a, i) => Math.round(a + ((dark[i] ?? a) - a) * t).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The text colour (near-black or white) with the more contrast on a heat colour. */
export function inkOn(hex: string): string {
  const l = luminance(hex);
  const dark = (l + 0.05) / (luminance('#2b0707') + 0.05);
  const light = 1.05 / (l + 0.05);
  return dark >= light ? '#2b0707' : '#ffffff';
}
