// The canvas's dark theme: a mapping of the Scene's concrete (print) colours, done here in
// the UI. The Scene and the exports stay light; only what the window draws changes.
//
// Every colour the canvas paints goes through `canvasColor(hex, role, theme)`. The light
// theme returns the input unchanged; the dark theme maps it by its role:
//
// - paper:    the sheet (and halos, rings that separate marks from it) → one dark neutral.
// - surface:  light neutrals drawn on the sheet (lane bands, header band, gutter, grid
//             lines): each is lifted above the dark paper by as much as it was darker than
//             white, so a faint band stays faint and a strong grid line stays strong.
// - cardFill: a pale card fill → a dark tint of the same hue (the hue at full strength,
//             mixed ~22 % into a lifted paper), kept dark enough for light body text.
// - stroke:   outlines, stripes, lines (card strokes, lane/stage colours, connectors,
//             persona lines) → the same hue, lighter and a little more saturated, with at
//             least 3:1 against the paper (WCAG non-text contrast).
// - accent:   coloured text (connector labels, emotion legends) → as stroke, but 4.5:1.
// - badge:    solid markers with white glyphs → kept, unless too dark to see on the paper.
// - text:     neutral text → light greys, lightness inverted, at least 4.5:1 on the paper.

import { MAP_COLORS } from '../editor/canvas/sceneStyle';

export type Theme = 'light' | 'dark';

export type CanvasRole = 'paper' | 'surface' | 'cardFill' | 'stroke' | 'accent' | 'badge' | 'text';

/** The dark sheet. app.css mirrors it as --canvas-paper for the CSS-drawn canvas bits. */
export const DARK_PAPER = '#1b1e23';

/** Card fills start from the paper lifted this much, so even a neutral card stands out. */
const CARD_BASE: Rgb = [42, 46, 53];
/** How much of the fill's hue (at full strength) goes into a dark card. */
const CARD_TINT = 0.22;
/** Contrast on the dark paper that strokes and accents are lightened to (at least). */
const STROKE_CONTRAST = 6;
const ACCENT_CONTRAST = 7;

type Rgb = [number, number, number];

/** Maps a Scene colour (`#rrggbb`) for the theme; anything unparsable is returned as is. */
export function canvasColor(hex: string, role: CanvasRole, theme: Theme): string {
  if (theme === 'light') return hex;
  const key = `${role}:${hex}`;
  let out = cache.get(key);
  if (out === undefined) {
    const rgb = parseHex(hex);
    out = rgb ? toHex(darkColor(rgb, role)) : hex;
    cache.set(key, out);
  }
  return out;
}

const cache = new Map<string, string>();

export type MapColors = { -readonly [K in keyof typeof MAP_COLORS]: string };

const MAP_ROLES: Record<keyof typeof MAP_COLORS, CanvasRole> = {
  paper: 'paper',
  bandEven: 'surface',
  bandOdd: 'surface',
  gutter: 'surface',
  header: 'surface',
  grid: 'surface',
  gridStrong: 'surface',
  text: 'text',
  textMuted: 'text',
  textFaint: 'text',
  halo: 'paper',
};

const DARK_MAP_COLORS = Object.fromEntries(
  Object.entries(MAP_COLORS).map(([name, hex]) => [name, canvasColor(hex, MAP_ROLES[name as keyof MapColors], 'dark')]),
) as MapColors;

/** The map's own colours (sheet, bands, grid, text) for the theme. */
export function mapColors(theme: Theme): Readonly<MapColors> {
  return theme === 'dark' ? DARK_MAP_COLORS : MAP_COLORS;
}

function darkColor(rgb: Rgb, role: CanvasRole): Rgb {
  switch (role) {
    case 'paper':
      return parseHex(DARK_PAPER)!;
    case 'surface': {
      const lift = (255 - luma(rgb)) * 0.75;
      const [r, g, b] = parseHex(DARK_PAPER)!;
      return [r + lift, g + lift, b + lift];
    }
    case 'cardFill':
      return darkFill(rgb);
    case 'stroke':
      return brighten(rgb, STROKE_CONTRAST);
    case 'accent':
      return brighten(rgb, ACCENT_CONTRAST);
    case 'badge':
      return atLeast(rgb, 3);
    case 'text': {
      const [h, s, l] = toHsl(rgb);
      return atLeast(fromHsl(h, s, 0.94 - 0.5 * l), 4.5);
    }
  }
}

/** Body text on dark cards; a dark fill must keep 4.5:1 against it (with a margin). */
const darkBodyText = (): Rgb => parseHex(DARK_MAP_COLORS.textMuted)!;

function darkFill(rgb: Rgb): Rgb {
  const [h] = toHsl(rgb);
  // A pale fill's chroma tells how tinted it is: a near-white stays a neutral dark card.
  const chroma = (Math.max(...rgb) - Math.min(...rgb)) / 255;
  const strength = Math.min(1, chroma / 0.2);
  const pure = fromHsl(h, 0.8 * strength, 0.5);
  let out = mix(CARD_BASE, pure, CARD_TINT);
  // The base is a cool grey; put the fill's own hue back so a pink stays pink.
  if (strength >= 0.25) {
    const [, s, l] = toHsl(out);
    out = fromHsl(h, s, l);
  }
  // Whatever the input (a hand-picked colour), keep the body text readable.
  const text = darkBodyText();
  for (let i = 0; i < 20 && contrast(out, text) < 4.8; i++) out = mix(out, [0, 0, 0], 0.1);
  return out;
}

/**
 * The same hue, a touch more saturated, made just light enough for `target` contrast on
 * the paper (never darker than it was). Aiming at a contrast rather than an HSL lightness
 * keeps blues and yellows equally bright.
 */
function brighten(rgb: Rgb, target: number): Rgb {
  const paper = parseHex(DARK_PAPER)!;
  const [h, s0, l] = toHsl(rgb);
  const s = Math.min(1, s0 * 1.1);
  if (contrast(fromHsl(h, s, l), paper) >= target) return fromHsl(h, s, l);
  let lo = l;
  let hi = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (contrast(fromHsl(h, s, mid), paper) >= target) hi = mid;
    else lo = mid;
  }
  return fromHsl(h, s, hi);
}

/** Mixes towards white until the colour has `min` contrast against the dark paper. */
function atLeast(rgb: Rgb, min: number): Rgb {
  const paper = parseHex(DARK_PAPER)!;
  let out = rgb;
  for (let i = 0; i < 40 && contrast(out, paper) < min; i++) out = mix(out, [255, 255, 255], 0.05);
  return out;
}

// ---- Colour arithmetic (exported for the tests) ------------------------------------

export function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('');
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function luma([r, g, b]: Rgb): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** WCAG relative luminance of an sRGB colour (channels 0–255). */
export function relativeLuminance(rgb: Rgb): number {
  const lin = (c: number) => {
    const v = Math.min(255, Math.max(0, c)) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) throw new Error(`not a colour: ${x ? b : a}`);
  return contrast(x, y);
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === R) h = ((G - B) / d) % 6;
  else if (max === G) h = (B - R) / d + 2;
  else h = (R - G) / d + 4;
  return [(h * 60 + 360) % 360, Math.min(1, s), l];
}

function fromHsl(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}
