import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  KIT_POSTER,
  PDF_CONTENTS,
  effectiveOptions,
  fileName,
  formatBytes,
  inchesLabel,
  normalizeOptions,
  paperLabel,
  parseDpi,
  parseMm,
  sheetsLabel,
  suggestFileName,
  unavailable,
  type Control,
} from './exportOptions';
import { importedMessage, isImportable, notImportableMessage } from '../document/imports';
import type { ExportFormat, ExportOptions } from '../generated/types';

const opts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, ...o });
const applies = (control: Control, o: Partial<ExportOptions>) => unavailable(control, opts(o)) === null;

describe('which options apply to which format', () => {
  it('PNG has page, resolution and a transparent background, but no tiling', () => {
    for (const c of ['page', 'margin', 'background', 'transparent', 'dpi', 'include'] as const) {
      expect(applies(c, { format: 'png' })).toBe(true);
    }
    expect(unavailable('tile', opts({ format: 'png' }))).toBe('Only a PDF can be printed across sheets');
  });

  it('PDF tiles and has no resolution or transparency', () => {
    expect(applies('tile', { format: 'pdf' })).toBe(true);
    expect(unavailable('dpi', opts({ format: 'pdf' }))).toBe('PDF is vector: it has no resolution');
    expect(unavailable('transparent', opts({ format: 'pdf' }))).toBe('Only a PNG can have a transparent background');
    // The overlap only matters once a sheet size is chosen.
    expect(unavailable('tileOverlap', opts({ format: 'pdf', tile: null }))).toBe('Choose a sheet size to print across');
    expect(applies('tileOverlap', { format: 'pdf', tile: 'a4' })).toBe(true);
  });

  it('SVG has a page but neither resolution, transparency nor tiling', () => {
    expect(applies('page', { format: 'svg' })).toBe(true);
    expect(applies('include', { format: 'svg' })).toBe(true);
    expect(applies('dpi', { format: 'svg' })).toBe(false);
    expect(applies('transparent', { format: 'svg' })).toBe(false);
    expect(applies('tile', { format: 'svg' })).toBe(false);
  });

  it('JSON and CSV are data: no drawing option applies, and the reason says so', () => {
    for (const format of ['json', 'csv'] as ExportFormat[]) {
      for (const c of ['page', 'orientation', 'margin', 'background', 'dpi', 'include', 'tile'] as const) {
        expect(applies(c, { format })).toBe(false);
      }
    }
    expect(unavailable('page', opts({ format: 'json' }))).toContain('JSON holds the map’s data');
    expect(unavailable('page', opts({ format: 'csv' }))).toContain('CSV holds the cards as rows');
  });

  it('orientation is off for Fit to content', () => {
    expect(unavailable('orientation', opts({ page: 'fit' }))).toBe('Fit to content follows the map’s own shape');
    expect(applies('orientation', { page: 'a3' })).toBe(true);
  });

  it('sends neutral values for what does not apply', () => {
    expect(effectiveOptions(opts({ format: 'pdf', background: 'transparent', tile: 'a4' }))).toMatchObject({
      background: 'white',
      tile: 'a4',
    });
    expect(effectiveOptions(opts({ format: 'png', background: 'transparent', tile: 'a4' }))).toMatchObject({
      background: 'transparent',
      tile: null,
    });
  });

  it('only a PDF has an appendix, and only a PDF is sent one', () => {
    expect(applies('appendix', { format: 'pdf' })).toBe(true);
    for (const format of ['png', 'svg'] as ExportFormat[]) {
      expect(unavailable('appendix', opts({ format }))).toBe('Only a PDF has pages after the map');
      expect(effectiveOptions(opts({ format, appendix: true })).appendix).toBe(false);
    }
    expect(effectiveOptions(opts({ format: 'pdf', appendix: true })).appendix).toBe(true);
    expect(effectiveOptions(opts({ format: 'pdf' })).appendix).toBe(false);
  });

  it('keeps the appendix off for settings saved before it existed', () => {
    const { appendix: _, ...old } = DEFAULT_OPTIONS;
    expect(normalizeOptions(old).appendix).toBe(false);
    expect(normalizeOptions({ appendix: 'yes' as unknown as boolean }).appendix).toBe(false);
    expect(normalizeOptions({ format: 'pdf', appendix: true }).appendix).toBe(true);
  });

  it('the kickoff kit is a PDF’s, prints a fitted page as an A1 poster and needs no appendix', () => {
    expect(applies('kit', { format: 'pdf' })).toBe(true);
    for (const format of ['png', 'svg', 'json', 'csv'] as ExportFormat[]) {
      expect(unavailable('kit', opts({ format }))).not.toBeNull();
      expect(effectiveOptions(opts({ format, kit: true })).kit).toBe(false);
    }
    expect(unavailable('kit', opts({ format: 'png' }))).toBe('Only a PDF can hold the kickoff kit');
    const kit = effectiveOptions(opts({ format: 'pdf', kit: true, appendix: true, page: 'fit', tile: 'a3' }));
    expect(kit).toMatchObject({ kit: true, appendix: false, page: KIT_POSTER, tile: 'a3' });
    expect(KIT_POSTER).toBe('a1');
    // A page chosen on purpose stays; a fitted page follows the shape only outside the kit.
    expect(effectiveOptions(opts({ format: 'pdf', kit: true, page: 'a0' })).page).toBe('a0');
    expect(effectiveOptions(opts({ format: 'png', kit: true, page: 'fit' })).page).toBe('fit');
    expect(applies('orientation', { format: 'pdf', kit: true, page: 'fit' })).toBe(true);
    expect(applies('orientation', { format: 'pdf', page: 'fit' })).toBe(false);
    expect(unavailable('appendix', opts({ format: 'pdf', kit: true }))).toMatch(/kickoff kit already has/);
  });

  it('keeps the kit off for settings saved before it existed, and names its file', () => {
    const { kit: _, ...old } = DEFAULT_OPTIONS;
    expect(normalizeOptions(old).kit).toBe(false);
    expect(normalizeOptions({ kit: 1 as unknown as boolean }).kit).toBe(false);
    expect(normalizeOptions({ format: 'pdf', kit: true }).kit).toBe(true);
    expect(suggestFileName('Kickoff', 'pdf', true)).toBe('Kickoff kickoff kit.pdf');
    expect(suggestFileName('Kickoff', 'pdf')).toBe('Kickoff.pdf');
    expect(PDF_CONTENTS.map((c) => c.label)).toEqual(['Map', 'Kickoff kit']);
  });

  it('makes remembered settings whole and in range', () => {
    expect(normalizeOptions(null)).toEqual(DEFAULT_OPTIONS);
    const odd = normalizeOptions({ format: 'gif' as ExportFormat, dpi: 5000, marginMm: -3, tile: 'a0', titleBlock: false });
    expect(odd).toMatchObject({ format: 'png', dpi: 600, marginMm: 0, tile: null, titleBlock: false, legend: true });
  });
});

describe('typed numbers', () => {
  it('DPI is a whole number from 72 to 600', () => {
    expect(parseDpi('300')).toEqual({ ok: true, value: 300 });
    expect(parseDpi(' 72 ')).toEqual({ ok: true, value: 72 });
    expect(parseDpi('600')).toEqual({ ok: true, value: 600 });
    for (const bad of ['71', '601', '150.5', '', 'abc', '-100', '1e3']) {
      expect(parseDpi(bad)).toEqual({ ok: false, error: 'Enter a whole number from 72 to 600 dpi' });
    }
  });

  it('millimetres are 0 to the maximum, with a point or a comma', () => {
    expect(parseMm('0', 50)).toEqual({ ok: true, value: 0 });
    expect(parseMm('12.5', 50)).toEqual({ ok: true, value: 12.5 });
    expect(parseMm('7,5', 50)).toEqual({ ok: true, value: 7.5 });
    expect(parseMm('51', 50)).toEqual({ ok: false, error: 'Margin must be from 0 to 50 mm' });
    expect(parseMm('-1', 50, 'Overlap')).toEqual({ ok: false, error: 'Overlap must be from 0 to 50 mm' });
    expect(parseMm('', 50).ok).toBe(false);
  });
});

describe('names and labels', () => {
  it('suggests the map name with the format’s extension, safe for every file system', () => {
    expect(suggestFileName('Donor journey', 'png')).toBe('Donor journey.png');
    expect(suggestFileName('Q3: Donors / Volunteers?', 'pdf')).toBe('Q3 Donors Volunteers.pdf');
    expect(suggestFileName('  ..hidden.  ', 'json')).toBe('hidden.json');
    expect(suggestFileName('a\\b<c>|d*"e"', 'csv')).toBe('a b c d e.csv');
    expect(suggestFileName('   ', 'svg')).toBe('Journey map.svg');
    expect(suggestFileName('CON', 'png')).toBe('CON map.png');
    expect(suggestFileName('x'.repeat(300), 'png')).toBe(`${'x'.repeat(120)}.png`);
  });

  it('writes file sizes the way file managers do', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(14_200)).toBe('14 KB');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(999_999)).toBe('1 MB');
    expect(formatBytes(3_400_000_000)).toBe('3.4 GB');
  });

  it('labels paper in mm, or in inches for US sizes, turned for landscape', () => {
    expect(paperLabel('a4')).toBe('A4 · 210 × 297 mm');
    expect(paperLabel('a3', 'landscape')).toBe('A3 · 420 × 297 mm');
    expect(paperLabel('letter')).toBe('US Letter · 8.5 × 11 in');
    expect(paperLabel('tabloid', 'landscape')).toBe('Tabloid · 17 × 11 in');
    expect(paperLabel('fit', 'landscape')).toBe('Fit to content');
    expect(inchesLabel(10)).toBe('≈ 0.39 in');
    expect(inchesLabel(25.4)).toBe('≈ 1 in');
    expect(inchesLabel(0)).toBe('0 in');
    expect(sheetsLabel(1)).toBe('1 sheet');
    expect(sheetsLabel(6)).toBe('6 sheets');
  });

  it('takes the file name from either kind of path', () => {
    expect(fileName('/home/ada/Maps/Donor journey.png')).toBe('Donor journey.png');
    expect(fileName('C:\\Users\\Ada\\Donors.pdf')).toBe('Donors.pdf');
  });
});

describe('importing exported files', () => {
  it('accepts PNG, PDF and JSON, whatever the case', () => {
    expect(isImportable('/tmp/Map.png')).toBe(true);
    expect(isImportable('/tmp/Map.PDF')).toBe(true);
    expect(isImportable('C:\\x\\map.json')).toBe(true);
    expect(isImportable('/tmp/notes.txt')).toBe(false);
    expect(isImportable('/tmp/Journeys.waymark')).toBe(false);
    expect(isImportable('/tmp/.png')).toBe(false);
    expect(isImportable('/tmp/png')).toBe(false);
  });

  it('says what was added and how to undo it', () => {
    expect(notImportableMessage('/tmp/notes.txt')).toBe('notes.txt is not a PNG, PDF or JSON export');
    expect(importedMessage({ mapName: 'Donors', cards: 33 }, 'Ctrl+Z')).toBe('Added map “Donors” (33 cards) — Ctrl+Z to undo');
    expect(importedMessage({ mapName: 'One', cards: 1 }, '⌘Z')).toBe('Added map “One” (1 card) — ⌘Z to undo');
  });
});
