/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import paletteRs from '../../../../src-tauri/crates/render/src/palette.rs?raw';
import { type CanvasRole, DARK_PAPER, canvasColor, contrastRatio, mapColors, parseHex, type Theme } from './theme';
import { CONNECTOR_STYLES, MAP_COLORS } from '../editor/canvas/sceneStyle';
import { PALETTE } from './palette';

// The layout's own colours, read from the Rust source so that the tests follow it.
const KINDS = [...paletteRs.matchAll(/LaneKind::(\w+) => \("(#[0-9a-f]{6})", "(#[0-9a-f]{6})"\)/g)].map((m) => ({
  kind: m[1]!,
  fill: m[2]!,
  stroke: m[3]!,
}));
const list = (name: string) => {
  const m = new RegExp(`const ${name}: \\[&str; \\d+\\] = \\[([^\\]]+)\\]`).exec(paletteRs);
  return [...(m?.[1] ?? '').matchAll(/#[0-9a-f]{6}/g)].map((x) => x[0]);
};
const STAGES = list('STAGES');
// (Vitest hands CSS imports over empty, so the stylesheet is read as a file.)
const appCss = readFileSync(resolve(__dirname, '../../app.css'), 'utf8');
const PERSONAS = list('PERSONAS');
const CHANNELS = list('CHANNELS');

/** The layout's card colours for a user colour (palette.rs `card_colors`). */
function userCardColors(hex: string): { fill: string; stroke: string } {
  const [r, g, b] = parseHex(hex)!;
  const mix = (c: number, to: number, t: number) => Math.round(c + (to - c) * t);
  const h = (cs: number[]) => '#' + cs.map((c) => c.toString(16).padStart(2, '0')).join('');
  return { fill: h([mix(r, 255, 0.78), mix(g, 255, 0.78), mix(b, 255, 0.78)]), stroke: h([mix(r, 0, 0.25), mix(g, 0, 0.25), mix(b, 0, 0.25)]) };
}

const CARD_FILLS = [...KINDS.map((k) => k.fill), ...PALETTE.map((s) => userCardColors(s.color).fill)];
const THEMES: Theme[] = ['light', 'dark'];
const ROLES: CanvasRole[] = ['paper', 'surface', 'cardFill', 'stroke', 'accent', 'badge', 'text'];

function hue(hex: string): number {
  const [r, g, b] = parseHex(hex)!.map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('the palette read from the layout', () => {
  it('has every lane kind and the colour lists', () => {
    expect(KINDS).toHaveLength(13);
    expect(KINDS.map((k) => k.kind)).toContain('PainPoints');
    expect(STAGES).toHaveLength(8);
    expect(PERSONAS).toHaveLength(8);
    expect(CHANNELS).toHaveLength(8);
  });
});

describe('canvasColor', () => {
  it('returns the Scene colour unchanged in the light theme', () => {
    for (const role of ROLES) {
      for (const hex of [...CARD_FILLS, ...STAGES, '#ffffff', '#1f2328']) expect(canvasColor(hex, role, 'light')).toBe(hex);
    }
    expect(mapColors('light')).toBe(MAP_COLORS);
  });

  it('keeps what it cannot read', () => {
    expect(canvasColor('red', 'cardFill', 'dark')).toBe('red');
  });

  it('maps the paper to a dark neutral and the bands to slightly lighter darks', () => {
    const dark = mapColors('dark');
    expect(dark.paper).toBe(DARK_PAPER);
    expect(dark.halo).toBe(DARK_PAPER);
    const lum = (hex: string) => contrastRatio(hex, '#000000');
    // The same order as in light (paper lightest there, darkest here), all still dark.
    expect(lum(dark.bandEven)).toBeLessThanOrEqual(lum(dark.bandOdd));
    expect(dark.bandOdd).not.toBe(dark.bandEven);
    expect(lum(dark.grid)).toBeGreaterThan(lum(dark.bandOdd));
    expect(lum(dark.gridStrong)).toBeGreaterThan(lum(dark.grid));
    for (const hex of [dark.bandEven, dark.bandOdd, dark.gutter, dark.header]) expect(contrastRatio(hex, DARK_PAPER)).toBeLessThan(1.3);
  });

  it('maps card fills to dark tints of the same hue', () => {
    for (const fill of CARD_FILLS) {
      const dark = canvasColor(fill, 'cardFill', 'dark');
      // Dark: light text on it, and lifted off the paper so the card reads as a card.
      expect(contrastRatio(dark, '#ffffff'), `${fill} → ${dark}`).toBeGreaterThan(7);
      expect(contrastRatio(dark, DARK_PAPER), `${fill} → ${dark}`).toBeGreaterThan(1.25);
      const [r, g, b] = parseHex(fill)!;
      if (Math.max(r, g, b) - Math.min(r, g, b) >= 20) {
        expect(hueDistance(hue(dark), hue(fill)), `${fill} → ${dark}`).toBeLessThan(10);
      }
    }
  });

  it('keeps lane kinds apart in the dark', () => {
    const darks = new Set(KINDS.map((k) => canvasColor(k.fill, 'cardFill', 'dark')));
    expect(darks.size).toBe(KINDS.length);
  });

  it('keeps body text readable on any hand-picked card colour', () => {
    const body = mapColors('dark').textMuted;
    for (let i = 0; i < 4096; i += 37) {
      const hex = '#' + [i >> 8, (i >> 4) & 15, i & 15].map((n) => (n * 17).toString(16).padStart(2, '0')).join('');
      const fill = canvasColor(userCardColors(hex).fill, 'cardFill', 'dark');
      expect(contrastRatio(body, fill), `${hex} → ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('contrast of card text (WCAG AA, 4.5:1 for body text)', () => {
  for (const theme of THEMES) {
    it(`holds for every lane kind's fill and the palette's tints, ${theme}`, () => {
      const { text, textMuted } = mapColors(theme);
      for (const light of CARD_FILLS) {
        const fill = canvasColor(light, 'cardFill', theme);
        // Title, body and the channel name (textMuted) are all drawn on the fill.
        expect(contrastRatio(text, fill), `title on ${fill} (${light})`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(textMuted, fill), `body on ${fill} (${light})`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('holds for the stage and lane header text on the dark sheet', () => {
    const dark = mapColors('dark');
    for (const bg of [dark.paper, dark.header, dark.gutter, dark.bandOdd]) {
      for (const fg of [dark.text, dark.textMuted, dark.textFaint]) expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    }
    // The stage header's tint: its colour at 20 % over the header band.
    for (const stage of STAGES) {
      const [r, g, b] = parseHex(canvasColor(stage, 'stroke', 'dark'))!;
      const [hr, hg, hb] = parseHex(dark.header)!;
      const tint = '#' + [hr + (r - hr) * 0.2, hg + (g - hg) * 0.2, hb + (b - hb) * 0.2].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
      expect(contrastRatio(dark.text, tint), stage).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('strokes and accents on the dark sheet', () => {
  it('draws card outlines visibly around their dark fills', () => {
    for (const { fill, stroke } of KINDS) {
      const darkFill = canvasColor(fill, 'cardFill', 'dark');
      const darkStroke = canvasColor(stroke, 'stroke', 'dark');
      expect(contrastRatio(darkStroke, darkFill), `${stroke} on ${fill}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps lines at 3:1 and coloured text at 4.5:1 on the paper', () => {
    const connectors = Object.values(CONNECTOR_STYLES).map((s) => s.color);
    for (const hex of [...STAGES, ...PERSONAS, ...connectors, ...KINDS.map((k) => k.stroke), ...PALETTE.map((s) => s.color)]) {
      const stroke = canvasColor(hex, 'stroke', 'dark');
      const accent = canvasColor(hex, 'accent', 'dark');
      expect(contrastRatio(stroke, DARK_PAPER), hex).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(accent, DARK_PAPER), hex).toBeGreaterThanOrEqual(4.5);
      // Lighter, never darker, and of the same hue.
      expect(contrastRatio(stroke, '#000000')).toBeGreaterThanOrEqual(contrastRatio(hex, '#000000') - 0.01);
      const [r, g, b] = parseHex(hex)!;
      if (Math.max(r, g, b) - Math.min(r, g, b) >= 40) expect(hueDistance(hue(stroke), hue(hex)), hex).toBeLessThan(12);
    }
  });

  it('keeps badges visible on the paper', () => {
    for (const hex of [...CHANNELS, '#f08c00', '#1c7ed6', '#e03131']) {
      expect(contrastRatio(canvasColor(hex, 'badge', 'dark'), DARK_PAPER), hex).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the dark chrome (app.css)', () => {
  const block = (selector: string) => {
    const start = appCss.indexOf(selector);
    const body = appCss.slice(appCss.indexOf('{', start) + 1, appCss.indexOf('}', start));
    return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  };
  const chosen = block(":root[data-theme='dark']");
  const system = block(":root:not([data-theme='light'])");

  it('is the same whether chosen or followed from the system', () => {
    expect(Object.keys(chosen).length).toBeGreaterThan(10);
    expect(system).toEqual(chosen);
  });

  it('matches the canvas paper and keeps selection, focus and handles visible on it', () => {
    expect(chosen['--canvas-paper']).toBe(DARK_PAPER);
    for (const name of ['--accent', '--focus-ring']) {
      const color = chosen[name]!;
      expect(contrastRatio(color, DARK_PAPER), name).toBeGreaterThanOrEqual(3);
      for (const fill of CARD_FILLS) {
        expect(contrastRatio(color, canvasColor(fill, 'cardFill', 'dark')), `${name} on ${fill}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(contrastRatio(chosen['--canvas-button-fg']!, chosen['--canvas-button-bg']!)).toBeGreaterThanOrEqual(4.5);
  });
});
