// Generated from the render crate's constants (export/style.rs, export/options.rs, export/page.rs)
// by src-tauri/src/bindings/drawing.rs. Do not edit by hand: run
// `UPDATE_BINDINGS=1 cargo test --test tests bindings` after changing them.

import type { ConnectorKind, PaperSize } from './types';

/** How a connector kind is stroked, and its name in the legend. */
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

/** The map's own colours (light theme; `theme.ts` maps them for dark). */
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

/** A rounded arrowhead pointing right with its tip at 0,0. */
export const ARROWHEAD = 'M0,0 L-10,-5 L-8,0 L-10,5 Z';

export interface PaperInfo {
  id: PaperSize;
  label: string;
  /** Portrait width × height in millimetres; null for Fit to content. */
  mm: [number, number] | null;
  /** Sizes people know in inches (US Letter, Tabloid) are labelled in inches. */
  inches: boolean;
}

/** Every paper size, in the order the Export dialog offers them. */
export const PAPERS: readonly PaperInfo[] = [
  { id: 'fit', label: 'Fit to content', mm: null, inches: false },
  { id: 'a4', label: 'A4', mm: [210, 297], inches: false },
  { id: 'a3', label: 'A3', mm: [297, 420], inches: false },
  { id: 'a2', label: 'A2', mm: [420, 594], inches: false },
  { id: 'a1', label: 'A1', mm: [594, 841], inches: false },
  { id: 'a0', label: 'A0', mm: [841, 1189], inches: false },
  { id: 'letter', label: 'US Letter', mm: [215.9, 279.4], inches: true },
  { id: 'tabloid', label: 'Tabloid', mm: [279.4, 431.8], inches: true },
];

/** What an export accepts (the backend refuses anything else). */
export const DPI_MIN = 72;
export const DPI_MAX = 600;
export const MARGIN_MAX_MM = 50;
export const OVERLAP_MAX_MM = 50;

/** The kickoff kit's poster when the page would be fitted to the map. */
export const KIT_POSTER: PaperSize = 'a1';
