// Where a line of HTML text puts its baseline. The Scene gives each line's baseline (as SVG
// text takes it); card text is drawn as HTML (HtmlLines.svelte), whose lines are placed by
// their top edge. With a line height of exactly ascent + descent there is no leading, so a
// line's baseline is `ascent` below its top.

export interface FontMetrics {
  /** Ascent and descent as fractions of the font size. */
  ascent: number;
  descent: number;
}

/** The bundled Inter's own metrics (hhea: 1984 and 494 of 2048 units), until measured. */
export const INTER_METRICS: FontMetrics = { ascent: 1984 / 2048, descent: 494 / 2048 };

const measured = new Map<string, FontMetrics>();

/**
 * The metrics the browser uses for `family` at `weight`, measured once the font is
 * loaded (before that, or where nothing can be measured, Inter's).
 */
export function fontMetrics(family: string, weight: number): FontMetrics {
  const key = `${weight} ${family}`;
  const known = measured.get(key);
  if (known) return known;
  const font = `${weight} 100px ${family}`;
  try {
    if (typeof document === 'undefined' || !document.fonts?.check(font)) return INTER_METRICS;
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return INTER_METRICS;
    context.font = font;
    const m = context.measureText('Hg');
    if (!(m.fontBoundingBoxAscent > 0) || !(m.fontBoundingBoxDescent > 0)) return INTER_METRICS;
    const metrics = { ascent: m.fontBoundingBoxAscent / 100, descent: m.fontBoundingBoxDescent / 100 };
    measured.set(key, metrics);
    return metrics;
  } catch {
    return INTER_METRICS;
  }
}
