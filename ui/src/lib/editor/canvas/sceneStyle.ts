// How the canvas paints what the Scene does not colour itself: connector kinds,
// chrome of the map (bands, grid, headers) and the flag markers' shapes.

import type { ConnectorKind, SceneFonts } from '../../generated/types';
import { CONNECTOR_STYLES, type ConnectorStyle } from '../../generated/drawing';

// Defined once in Rust (the render crate's export/style.rs), which the exports draw with.
export { ARROWHEAD, CONNECTOR_STYLES, MAP_COLORS, type ConnectorStyle } from '../../generated/drawing';

export function connectorStyle(kind: ConnectorKind): ConnectorStyle {
  return CONNECTOR_STYLES[kind] ?? CONNECTOR_STYLES.flow;
}

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

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
