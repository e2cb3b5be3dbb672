// A small, print-safe palette for stages, lanes, cards: mid-tone colours that stay
// distinct on a white poster and in greyscale handouts. `null` means the theme default.

export interface Swatch {
  name: string;
  color: string;
}

export const PALETTE: readonly Swatch[] = [
  { name: 'Blue', color: '#1c7ed6' },
  { name: 'Teal', color: '#0c8599' },
  { name: 'Green', color: '#2f9e44' },
  { name: 'Olive', color: '#74b816' },
  { name: 'Yellow', color: '#f59f00' },
  { name: 'Orange', color: '#e8590c' },
  { name: 'Red', color: '#e03131' },
  { name: 'Pink', color: '#c2255c' },
  { name: 'Violet', color: '#7048e8' },
  { name: 'Grey', color: '#495057' },
];

const HEX = /^#[0-9a-fA-F]{6}$/;

/** True for a colour the backend accepts (`#rrggbb`). */
export const isHexColor = (value: unknown): value is string => typeof value === 'string' && HEX.test(value);

/** A colour as stored: lower-case `#rrggbb`, or null for anything else (the default). */
export function normalizeColor(value: string | null | undefined): string | null {
  return isHexColor(value) ? value.toLowerCase() : null;
}

/** The palette entry's name for a colour, 'Default' for null, else the hex code. */
export function colorName(color: string | null): string {
  if (color === null) return 'Default';
  return PALETTE.find((s) => s.color === color.toLowerCase())?.name ?? color;
}
