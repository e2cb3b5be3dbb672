// How the canvas paints what the Scene does not colour itself: connector kinds,
// chrome of the map (bands, grid, headers) and the flag markers' shapes.

import type { ConnectorKind, SceneFonts } from './generated/types';

export interface ConnectorStyle {
  label: string;
  color: string;
  width: number;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
  linecap: 'butt' | 'round';
}

export const CONNECTOR_STYLES: Record<ConnectorKind, ConnectorStyle> = {
  flow: { label: 'Flow', color: '#5c6470', width: 1.75, dash: undefined, linecap: 'round' },
  loop_back: { label: 'Loop-back', color: '#d9480f', width: 2, dash: undefined, linecap: 'round' },
  word_of_mouth: { label: 'Word of mouth', color: '#7048e8', width: 2, dash: '8 5', linecap: 'butt' },
  hand_off: { label: 'Hand-off', color: '#0c8599', width: 2.25, dash: '0.1 5', linecap: 'round' },
};

export function connectorStyle(kind: ConnectorKind): ConnectorStyle {
  return CONNECTOR_STYLES[kind] ?? CONNECTOR_STYLES.flow;
}

export const MAP_COLORS = {
  paper: '#ffffff',
  bandEven: '#ffffff',
  bandOdd: '#f6f7f9',
  gutter: '#f1f3f5',
  header: '#fbfbfc',
  grid: '#e3e6ea',
  gridStrong: '#cfd4da',
  text: '#1f2328',
  textMuted: '#4b5563',
  textFaint: '#8a919c',
  halo: '#ffffff',
} as const;

/** The CSS font-family list for SVG text: the Scene's family, then safe fallbacks. */
export function fontFamily(fonts: SceneFonts): string {
  const family = fonts.family.replace(/["\\]/g, '');
  return `"${family}", Inter, system-ui, sans-serif`;
}

/** Points of a five-pointed star centred on 0,0 (for the passion-point marker). */
export function starPoints(outer: number, inner = outer * 0.45): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    pts.push(`${round(r * Math.cos(a))},${round(r * Math.sin(a))}`);
  }
  return pts.join(' ');
}

/** A rounded arrowhead pointing right with its tip at 0,0. */
export const ARROWHEAD = 'M0,0 L-10,-5 L-8,0 L-10,5 Z';

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
