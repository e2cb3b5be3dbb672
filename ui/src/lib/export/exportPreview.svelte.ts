// The Export dialog's preview: a small picture of the first page as the export will make
// it, and the page's size in words, both from the backend. Asked for once the options stay
// still for a moment (typing a margin is one request, not one per key); an answer to an
// older request is dropped, and the size is marked stale until the current one lands.

import * as ipc from '../document/ipc';
import type { ExportOptions, ExportPreview } from '../generated/types';
import { PREVIEW_DEBOUNCE_MS, sheetsLabel } from './exportOptions';

export class ExportPreviewRequests {
  preview = $state<ExportPreview | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** Bumped by every request; an answer to an older one is dropped. */
  #seq = 0;

  /** The picture and its size belong to other options than the ones chosen now. */
  readonly stale = $derived(this.busy || this.error !== null);
  /** The size as the backend measured it ("A3 · 420 × 297 mm"). */
  readonly pageLabel = $derived(this.preview?.pageLabel ?? '');
  /** "4 sheets" for a poster across sheets. */
  readonly sheets = $derived(this.preview ? sheetsLabel(this.preview.pages) : '');

  /**
   * Follows the options (as sent, or null while there is nothing to draw) for the map,
   * asking again whenever they change. Call while the dialog is set up: it stops with it.
   */
  follow(mapId: () => string, options: () => ExportOptions | null): void {
    // A string, so a change that leaves the options as sent the same asks for nothing.
    const current = $derived.by(() => {
      const sent = options();
      return sent === null ? null : JSON.stringify(sent);
    });
    $effect(() => {
      const key = current;
      const map = mapId();
      const seq = ++this.#seq;
      if (key === null) {
        this.busy = false;
        return;
      }
      this.busy = true;
      const timer = setTimeout(() => void this.#ask(seq, map, JSON.parse(key) as ExportOptions), PREVIEW_DEBOUNCE_MS);
      return () => clearTimeout(timer);
    });
  }

  async #ask(seq: number, map: string, options: ExportOptions): Promise<void> {
    try {
      const answer = await ipc.exportPreview(map, options);
      if (seq !== this.#seq) return;
      this.preview = answer;
      this.error = null;
    } catch (error) {
      if (seq !== this.#seq) return;
      this.error = ipc.toAppError(error).message;
    } finally {
      if (seq === this.#seq) this.busy = false;
    }
  }
}
