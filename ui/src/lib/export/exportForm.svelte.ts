// The Export dialog's choices while it is open: the options, the text typed in the number
// fields (which may not be a number yet — the options keep the last valid value) and
// what follows from them (what is wrong, what is off and why). Every pane edits this one
// object, so the preview and the export always see the same choices.

import type { ExportOptions, PaperSize } from '../generated/types';
import {
  DEFAULT_OPTIONS,
  DPI_PRESETS,
  MARGIN_MAX_MM,
  OVERLAP_MAX_MM,
  effectiveOptions,
  formatInfo,
  isPicture,
  parseDpi,
  parseMm,
  unavailable,
} from './exportOptions';

export class ExportForm {
  options = $state<ExportOptions>({ ...DEFAULT_OPTIONS });
  marginText = $state(String(DEFAULT_OPTIONS.marginMm));
  overlapText = $state(String(DEFAULT_OPTIONS.tileOverlapMm));
  /** The resolution is typed rather than one of the presets. */
  dpiCustom = $state(false);
  dpiText = $state(String(DEFAULT_OPTIONS.dpi));

  readonly effective = $derived(effectiveOptions(this.options));
  readonly picture = $derived(isPicture(this.options.format));
  readonly format = $derived(formatInfo(this.options.format));

  readonly marginError = $derived.by(() => {
    const parsed = parseMm(this.marginText, MARGIN_MAX_MM, 'Margin');
    return this.picture && !parsed.ok ? parsed.error : null;
  });
  readonly overlapError = $derived.by(() => {
    const parsed = parseMm(this.overlapText, OVERLAP_MAX_MM, 'Overlap');
    return unavailable('tileOverlap', this.options) === null && !parsed.ok ? parsed.error : null;
  });
  readonly dpiError = $derived.by(() => {
    const parsed = parseDpi(this.dpiText);
    return this.options.format === 'png' && this.dpiCustom && !parsed.ok ? parsed.error : null;
  });
  readonly valid = $derived(!this.marginError && !this.overlapError && !this.dpiError);
  /** The first thing wrong, for the footer when Export is pressed anyway. */
  readonly problem = $derived(this.marginError ?? this.overlapError ?? this.dpiError);

  readonly orientationReason = $derived(unavailable('orientation', this.options));
  readonly transparentReason = $derived(unavailable('transparent', this.options));
  readonly overlapReason = $derived(unavailable('tileOverlap', this.options));

  /** Takes the last choices (already normalized). */
  load(loaded: ExportOptions): void {
    this.options = { ...loaded };
    this.marginText = String(loaded.marginMm);
    this.overlapText = String(loaded.tileOverlapMm);
    this.dpiText = String(loaded.dpi);
    this.dpiCustom = !DPI_PRESETS.includes(loaded.dpi);
  }

  setMargin(text: string): void {
    this.marginText = text;
    const parsed = parseMm(text, MARGIN_MAX_MM, 'Margin');
    if (parsed.ok) this.options.marginMm = parsed.value;
  }

  setOverlap(text: string): void {
    this.overlapText = text;
    const parsed = parseMm(text, OVERLAP_MAX_MM, 'Overlap');
    if (parsed.ok) this.options.tileOverlapMm = parsed.value;
  }

  setDpiText(text: string): void {
    this.dpiText = text;
    const parsed = parseDpi(text);
    if (parsed.ok) this.options.dpi = parsed.value;
  }

  pickDpi(value: number | 'custom'): void {
    if (value === 'custom') {
      this.dpiCustom = true;
      this.dpiText = String(this.options.dpi);
      return;
    }
    this.dpiCustom = false;
    this.options.dpi = value;
    this.dpiText = String(value);
  }

  pickTile(value: string): void {
    this.options.tile = value === '' ? null : (value as PaperSize);
  }

  /** The options to send: what does not apply to the format left neutral. */
  snapshot(): ExportOptions {
    return effectiveOptions($state.snapshot(this.options));
  }
}
