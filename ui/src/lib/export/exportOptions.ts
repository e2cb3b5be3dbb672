// The Export dialog's pure logic: which option applies to which format (and why not),
// the choices and their labels, validation of typed numbers, the suggested file name and
// how sizes and lengths are written.

import type { Background, ExportFormat, ExportOptions, Orientation, PaperSize } from '../generated/types';
import { DPI_MAX, DPI_MIN, KIT_POSTER, MARGIN_MAX_MM, OVERLAP_MAX_MM, PAPERS, type PaperInfo } from '../generated/drawing';

export interface FormatInfo {
  id: ExportFormat;
  label: string;
  /** One line under the format switch. */
  hint: string;
  extension: string;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'png', label: 'PNG', hint: 'An image for slides, docs and chat; Waymark can add it back as a map', extension: 'png' },
  { id: 'pdf', label: 'PDF', hint: 'Vector pages for print, or a poster across sheets; Waymark can add it back', extension: 'pdf' },
  { id: 'svg', label: 'SVG', hint: 'A vector drawing for design tools', extension: 'svg' },
  { id: 'json', label: 'JSON', hint: 'Reopens as an editable map', extension: 'json' },
  { id: 'csv', label: 'CSV', hint: 'Cards as a spreadsheet', extension: 'csv' },
];

export function formatInfo(format: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.id === format) ?? FORMATS[0]!;
}

// The paper sizes and the limits are the backend's own (the render crate), generated.
export { DPI_MAX, DPI_MIN, KIT_POSTER, MARGIN_MAX_MM, OVERLAP_MAX_MM, PAPERS, type PaperInfo };

/** The sheet sizes a PDF poster can be printed across (null: one page, no tiling). */
export const TILE_SIZES: readonly (PaperSize | null)[] = [null, 'a4', 'a3'];

export const DPI_PRESETS: readonly number[] = [72, 150, 300, 600];
/** How long the options must stay still before a preview is asked for. */
export const PREVIEW_DEBOUNCE_MS = 250;

/** What a first-time user gets (the backend's defaults, for when it cannot say). */
export const DEFAULT_OPTIONS: ExportOptions = {
  format: 'png',
  page: 'fit',
  orientation: 'landscape',
  marginMm: 10,
  background: 'white',
  dpi: 150,
  titleBlock: true,
  legend: true,
  tile: null,
  tileOverlapMm: 10,
  appendix: false,
  kit: false,
};

/** What a PDF holds: the map (with its appendix if asked), or the whole kickoff kit. */
export type PdfContents = 'map' | 'kit';

export const PDF_CONTENTS: readonly { id: PdfContents; label: string; hint: string }[] = [
  { id: 'map', label: 'Map', hint: 'The map on one page, or as a poster across sheets' },
  {
    id: 'kit',
    label: 'Kickoff kit',
    hint: 'To print before a workshop: the map as a poster (A1 when the page fits the map), a handout per channel, the KPI sheet, the voting results and a blank worksheet per stage',
  },
];

export function paperInfo(page: PaperSize): PaperInfo {
  return PAPERS.find((p) => p.id === page) ?? PAPERS[0]!;
}

/** "A4 · 210 × 297 mm", "US Letter · 8.5 × 11 in", "Fit to content"; sides swapped for landscape. */
export function paperLabel(page: PaperSize, orientation: Orientation = 'portrait'): string {
  const info = paperInfo(page);
  if (!info.mm) return info.label;
  let [w, h] = info.mm;
  if (orientation === 'landscape') [w, h] = [h, w];
  const size = info.inches ? `${trim(w / 25.4, 1)} × ${trim(h / 25.4, 1)} in` : `${trim(w, 0)} × ${trim(h, 0)} mm`;
  return `${info.label} · ${size}`;
}

/** The options a setting can be missing from a format for. */
export type Control =
  | 'page'
  | 'orientation'
  | 'margin'
  | 'background'
  | 'transparent'
  | 'dpi'
  | 'include'
  | 'tile'
  | 'tileOverlap'
  | 'appendix'
  | 'kit';

/** Formats that are a drawing of the map (the others are its data). */
export function isPicture(format: ExportFormat): boolean {
  return format === 'png' || format === 'pdf' || format === 'svg';
}

/**
 * Why `control` does not apply to these options, or null when it does. The dialog hides
 * what never applies to the format and disables, with this reason, what could.
 */
export function unavailable(control: Control, o: ExportOptions): string | null {
  if (!isPicture(o.format)) {
    return o.format === 'json'
      ? 'JSON holds the map’s data, not a drawing of it'
      : 'CSV holds the cards as rows, not a drawing of the map';
  }
  switch (control) {
    case 'page':
    case 'margin':
    case 'background':
    case 'include':
      return null;
    case 'orientation':
      // The kit prints a fitted page on its poster size, which has an orientation.
      return o.page === 'fit' && !(o.format === 'pdf' && o.kit) ? 'Fit to content follows the map’s own shape' : null;
    case 'transparent':
      return o.format === 'png' ? null : 'Only a PNG can have a transparent background';
    case 'dpi':
      return o.format === 'png' ? null : `${o.format.toUpperCase()} is vector: it has no resolution`;
    case 'tile':
      return o.format === 'pdf' ? null : 'Only a PDF can be printed across sheets';
    case 'tileOverlap':
      if (o.format !== 'pdf') return 'Only a PDF can be printed across sheets';
      return o.tile === null ? 'Choose a sheet size to print across' : null;
    case 'appendix':
      if (o.format !== 'pdf') return 'Only a PDF has pages after the map';
      return o.kit ? 'The kickoff kit already has the channel handouts and the KPI sheet' : null;
    case 'kit':
      return o.format === 'pdf' ? null : 'Only a PDF can hold the kickoff kit';
  }
}

/**
 * The options as sent to the backend: what does not apply to the format is left at its
 * neutral value (a PDF's page is paper, only a PDF is tiled or has an appendix).
 */
export function effectiveOptions(o: ExportOptions): ExportOptions {
  const background: Background = o.format === 'png' ? o.background : 'white';
  const pdf = o.format === 'pdf';
  const kit = pdf && o.kit;
  // The kit's poster is paper: a page fitted to the map prints on the kit's poster size.
  const page = kit && o.page === 'fit' ? KIT_POSTER : o.page;
  return { ...o, background, page, tile: pdf ? o.tile : null, appendix: pdf && !kit && o.appendix, kit };
}

/** Settings from an older or other version made whole and in range. */
export function normalizeOptions(value: Partial<ExportOptions> | null | undefined): ExportOptions {
  const o = { ...DEFAULT_OPTIONS, ...(value ?? {}) };
  if (!FORMATS.some((f) => f.id === o.format)) o.format = DEFAULT_OPTIONS.format;
  if (!PAPERS.some((p) => p.id === o.page)) o.page = DEFAULT_OPTIONS.page;
  if (o.orientation !== 'portrait' && o.orientation !== 'landscape') o.orientation = DEFAULT_OPTIONS.orientation;
  if (o.background !== 'white' && o.background !== 'transparent') o.background = 'white';
  if (!TILE_SIZES.includes(o.tile)) o.tile = null;
  o.marginMm = clamp(finite(o.marginMm, DEFAULT_OPTIONS.marginMm), 0, MARGIN_MAX_MM);
  o.tileOverlapMm = clamp(finite(o.tileOverlapMm, DEFAULT_OPTIONS.tileOverlapMm), 0, OVERLAP_MAX_MM);
  o.dpi = Math.round(clamp(finite(o.dpi, DEFAULT_OPTIONS.dpi), DPI_MIN, DPI_MAX));
  o.titleBlock = o.titleBlock !== false;
  o.legend = o.legend !== false;
  o.appendix = o.appendix === true;
  o.kit = o.kit === true;
  return o;
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/** A typed resolution: a whole number of dots per inch, 72–600. */
export function parseDpi(text: string): Parsed {
  const t = text.trim();
  const error = `Enter a whole number from ${DPI_MIN} to ${DPI_MAX} dpi`;
  if (!/^\d+$/.test(t)) return { ok: false, error };
  const value = Number(t);
  return value >= DPI_MIN && value <= DPI_MAX ? { ok: true, value } : { ok: false, error };
}

/** A typed length in millimetres within 0–`max` (decimals allowed, comma or point). */
export function parseMm(text: string, max: number, what = 'Margin'): Parsed {
  const t = text.trim().replace(',', '.');
  const error = `${what} must be from 0 to ${max} mm`;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return { ok: false, error };
  const value = Number(t);
  return value >= 0 && value <= max ? { ok: true, value } : { ok: false, error };
}

/** "≈ 0.39 in" for a length in millimetres. */
export function inchesLabel(mm: number): string {
  if (mm === 0) return '0 in';
  return `≈ ${trim(mm / 25.4, 2)} in`;
}

/**
 * The Save dialog's suggested name: the map's name made safe for every file system
 * (no path separators, reserved characters or trailing dots), then the format's extension.
 */
export function suggestFileName(mapName: string, format: ExportFormat, kit = false): string {
  let base = mapName
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (base.length > 120) base = base.slice(0, 120).trimEnd();
  if (base === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = base === '' ? 'Journey map' : `${base} map`;
  if (kit && format === 'pdf') base = `${base} kickoff kit`;
  return `${base}.${formatInfo(format).extension}`;
}

/** "812 bytes", "14 KB", "1.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? trim(value, 1) : Math.round(value)} ${units[unit]}`;
}

/** The last part of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts.at(-1) ?? path;
}

/** "1 sheet", "4 sheets". */
export function sheetsLabel(pages: number): string {
  return `${pages} ${pages === 1 ? 'sheet' : 'sheets'}`;
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
