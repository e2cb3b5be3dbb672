// The Export dialog mounted on its own, against a fake backend: settings, which controls
// each format shows, the debounced preview, the export's progress and its three endings.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import ExportDialog from './ExportDialog.svelte';
import { DEFAULT_OPTIONS } from './exportOptions';
import type { ExportOptions, ExportPreview } from '../generated/types';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const SAVED = '/home/ada/Exports/Donor journey.png';

interface Fake {
  calls: Array<[string, Record<string, unknown>]>;
  /** Preview requests not answered yet (when `holdPreviews`), oldest first. */
  held: Array<{ options: ExportOptions; answer: (p: ExportPreview) => void }>;
}

interface FakeOptions {
  settings?: Partial<ExportOptions>;
  path?: string | null;
  holdPreviews?: boolean;
  previewError?: { kind: string; message: string };
  /** Run inside export_start before it answers (e.g. emit an early export-finished). */
  onStart?: () => Promise<void>;
}

function backend(o: FakeOptions = {}): Fake {
  const fake: Fake = { calls: [], held: [] };
  mockIPC(
    async (cmd, raw) => {
      const args = (raw ?? {}) as Record<string, unknown>;
      fake.calls.push([cmd, args]);
      switch (cmd) {
        case 'export_settings':
          return { ...DEFAULT_OPTIONS, ...o.settings };
        case 'export_preview': {
          if (o.previewError) throw o.previewError;
          const options = args.options as ExportOptions;
          const preview: ExportPreview = {
            dataUrl: PIXEL,
            pages: options.tile ? 4 : 1,
            pageLabel: `${options.format} ${options.page} ${options.orientation} ${options.dpi}`,
          };
          if (!o.holdPreviews) return preview;
          return new Promise<ExportPreview>((answer) => fake.held.push({ options, answer }));
        }
        case 'choose_export_path':
          return o.path === undefined ? SAVED : o.path;
        case 'export_start':
          if (o.onStart) await o.onStart();
          return 7;
        case 'export_cancel':
        case 'reveal_in_folder':
          return null;
        default:
          throw { kind: 'unknown', message: `unexpected ${cmd}` };
      }
    },
    { shouldMockEvents: true },
  );
  return fake;
}

let component: ReturnType<typeof mount> | null = null;
let onclose = vi.fn();

beforeEach(() => {
  onclose = vi.fn(() => {
    if (component) unmount(component);
    component = null;
  });
});

afterEach(() => {
  vi.useRealTimers();
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  clearMocks();
});

const $ = <T extends HTMLElement = HTMLElement>(testid: string) =>
  document.querySelector<T>(`[data-testid="${testid}"]`);
const named = (fake: Fake, cmd: string) => fake.calls.filter(([c]) => c === cmd).map(([, a]) => a);

async function open(): Promise<void> {
  component = mount(ExportDialog, {
    target: document.body,
    props: { mapId: 'map-1', mapName: 'Donor journey', onclose: () => onclose() },
  });
  // Loaded: the options are enabled and the focus is on the chosen format.
  await vi.waitFor(() => expect($<HTMLButtonElement>('export-start')?.disabled).toBe(false));
  await vi.waitFor(() => expect(document.activeElement?.hasAttribute('data-format')).toBe(true));
  flushSync();
}

function pick(testid: string): void {
  const input = $<HTMLInputElement>(testid)!;
  input.click();
  flushSync();
}

function choose(testid: string, value: string): void {
  const select = $<HTMLSelectElement>(testid)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

function type(testid: string, value: string): void {
  const input = $<HTMLInputElement>(testid)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function key(target: Element, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  flushSync();
  return event;
}

/** Waits out the preview's debounce and lets its answer land. */
async function previewSettles(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  flushSync();
}

describe('the Export dialog', () => {
  it('is a labelled modal that loads the last settings and focuses the format', async () => {
    const fake = backend({ settings: { format: 'pdf', page: 'a3', orientation: 'portrait', marginMm: 12 } });
    await open();
    const dialog = $('export-dialog')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Export “Donor journey”');
    expect(named(fake, 'export_settings')).toEqual([{}]);

    expect($<HTMLInputElement>('export-format-pdf')!.checked).toBe(true);
    expect(document.activeElement).toBe($('export-format-pdf'));
    expect($<HTMLSelectElement>('export-page')!.value).toBe('a3');
    expect($<HTMLInputElement>('export-orientation-portrait')!.checked).toBe(true);
    expect($<HTMLInputElement>('export-margin')!.value).toBe('12');
    expect($('export-format-hint')?.textContent).toContain('Vector pages for print');
  });

  it('shows each format only the options that apply, and says why others are off', async () => {
    backend();
    await open();
    // PNG (the default): resolution, a transparent background, no poster.
    expect($('export-dpi-section')).not.toBeNull();
    expect($<HTMLInputElement>('export-background-transparent')!.disabled).toBe(false);
    expect($('export-poster-section')).toBeNull();
    // Fit to content: the orientation follows the map.
    expect($<HTMLInputElement>('export-orientation-landscape')!.disabled).toBe(true);
    expect($('export-orientation-reason')?.textContent?.trim()).toBe('Fit to content follows the map’s own shape');
    choose('export-page', 'a4');
    expect($<HTMLInputElement>('export-orientation-landscape')!.disabled).toBe(false);
    expect($('export-orientation-reason')).toBeNull();

    pick('export-background-transparent');
    pick('export-format-pdf');
    expect($('export-dpi-section')).toBeNull();
    expect($('export-poster-section')).not.toBeNull();
    const transparent = $<HTMLInputElement>('export-background-transparent')!;
    expect(transparent.disabled).toBe(true);
    expect(transparent.checked).toBe(false);
    expect($<HTMLInputElement>('export-background-white')!.checked).toBe(true);
    expect($('export-transparent-reason')?.textContent?.trim()).toBe('Only a PNG can have a transparent background');
    // The overlap waits for a sheet size.
    expect($<HTMLInputElement>('export-overlap')!.disabled).toBe(true);
    choose('export-tile', 'a4');
    expect($<HTMLInputElement>('export-overlap')!.disabled).toBe(false);

    pick('export-format-svg');
    expect($('export-dpi-section')).toBeNull();
    expect($('export-poster-section')).toBeNull();
    expect($('export-page-section')).not.toBeNull();

    pick('export-format-json');
    expect($('export-page-section')).toBeNull();
    expect($('export-appearance-section')).toBeNull();
    expect($('export-data-note')?.textContent).toContain('JSON holds the map’s data');
    expect($('export-format-hint')?.textContent).toBe('Reopens as an editable map');
    expect($('export-preview')).toBeNull();

    pick('export-format-csv');
    expect($('export-format-hint')?.textContent).toBe('Cards as a spreadsheet');
    expect($('export-data-note')?.textContent).toContain('CSV holds the cards as rows');
  });

  it('offers the appendix for a PDF only, and sends it with the preview and the export', async () => {
    const fake = backend({ settings: { format: 'pdf' } });
    await open();
    const box = $<HTMLInputElement>('export-appendix')!;
    expect(box.checked).toBe(false);
    expect(box.closest('label')?.textContent).toContain(
      'Appendix: channel job descriptions and passion-point KPIs',
    );
    box.click();
    flushSync();
    await previewSettles();
    expect(named(fake, 'export_preview').at(-1)).toMatchObject({ options: { format: 'pdf', appendix: true } });

    // Not a PDF: no appendix offered, and none sent.
    pick('export-format-png');
    expect($('export-appendix')).toBeNull();
    await previewSettles();
    expect(named(fake, 'export_preview').at(-1)).toMatchObject({ options: { format: 'png', appendix: false } });

    // Back to PDF: the choice is still there.
    pick('export-format-pdf');
    expect($<HTMLInputElement>('export-appendix')!.checked).toBe(true);
    $('export-start')!.click();
    await vi.waitFor(() => expect(named(fake, 'export_start').length).toBe(1));
    expect(named(fake, 'export_start')[0]).toMatchObject({ options: { format: 'pdf', appendix: true } });
  });

  it('offers the kickoff kit for a PDF only: an A1 poster when the page fits, no appendix, its own file name', async () => {
    const fake = backend({ settings: { format: 'pdf', appendix: true } });
    await open();
    expect($<HTMLInputElement>('export-contents-map')!.checked).toBe(true);
    pick('export-contents-kit');
    expect($('export-contents-hint')!.textContent).toContain('a handout per channel');
    expect($('export-appendix')).toBeNull();
    expect($('export-kit-includes')).not.toBeNull();
    expect($('export-kit-poster')!.textContent).toContain('A1 poster');
    await previewSettles();
    expect(named(fake, 'export_preview').at(-1)).toMatchObject({
      options: { format: 'pdf', kit: true, appendix: false, page: 'a1' },
    });

    // Not a PDF: no kit offered, and none sent.
    pick('export-format-png');
    expect($('export-contents-kit')).toBeNull();
    await previewSettles();
    expect(named(fake, 'export_preview').at(-1)).toMatchObject({ options: { format: 'png', kit: false, page: 'fit' } });

    pick('export-format-pdf');
    expect($<HTMLInputElement>('export-contents-kit')!.checked).toBe(true);
    $('export-start')!.click();
    await vi.waitFor(() => expect(named(fake, 'export_start').length).toBe(1));
    expect(named(fake, 'export_start')[0]).toMatchObject({ options: { format: 'pdf', kit: true, page: 'a1' } });
    expect(named(fake, 'choose_export_path')[0]).toMatchObject({ suggestedName: expect.stringContaining('kickoff kit.pdf') });
  });

  it('remembers a chosen appendix', async () => {
    backend({ settings: { format: 'pdf', appendix: true } });
    await open();
    expect($<HTMLInputElement>('export-appendix')!.checked).toBe(true);
  });

  it('validates a custom resolution and holds Export until it is right', async () => {
    const fake = backend();
    await open();
    pick('export-dpi-custom');
    expect($<HTMLInputElement>('export-dpi-input')!.value).toBe('150');
    type('export-dpi-input', '700');
    expect($('export-dpi-error')?.textContent).toBe('Enter a whole number from 72 to 600 dpi');
    expect($<HTMLInputElement>('export-dpi-input')!.getAttribute('aria-invalid')).toBe('true');
    expect($<HTMLButtonElement>('export-start')!.disabled).toBe(true);

    type('export-dpi-input', '450');
    expect($('export-dpi-error')).toBeNull();
    expect($<HTMLButtonElement>('export-start')!.disabled).toBe(false);
    await previewSettles();
    expect(named(fake, 'export_preview').at(-1)).toMatchObject({ options: { dpi: 450 } });

    type('export-margin', '80');
    expect($('export-margin-error')?.textContent).toBe('Margin must be from 0 to 50 mm');
    expect($<HTMLButtonElement>('export-start')!.disabled).toBe(true);
  });

  it('asks for one preview once the options stay still, with the options as sent', async () => {
    const fake = backend();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await open();
    expect(named(fake, 'export_preview')).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(named(fake, 'export_preview')).toEqual([{ mapId: 'map-1', options: DEFAULT_OPTIONS }]);
    await vi.waitFor(() => expect($('export-page-label')?.textContent).toBe('png fit landscape 150'));
    expect($<HTMLImageElement>('export-preview-img')!.getAttribute('src')).toBe(PIXEL);

    // Three quick changes: one request, for the last state.
    pick('export-format-pdf');
    await vi.advanceTimersByTimeAsync(100);
    choose('export-page', 'a3');
    await vi.advanceTimersByTimeAsync(100);
    choose('export-tile', 'a4');
    expect($('export-preview-busy')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(249);
    expect(named(fake, 'export_preview').length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(named(fake, 'export_preview').length).toBe(2);
    expect(named(fake, 'export_preview')[1]).toEqual({
      mapId: 'map-1',
      options: { ...DEFAULT_OPTIONS, format: 'pdf', page: 'a3', tile: 'a4' },
    });
    await vi.waitFor(() => expect($('export-sheets')?.textContent).toBe('4 sheets'));
    expect($('export-preview-busy')).toBeNull();
  });

  it('ignores a preview that answers after a newer one was asked for', async () => {
    const fake = backend({ holdPreviews: true });
    await open();
    await vi.waitFor(() => expect(fake.held.length).toBe(1));
    pick('export-format-svg');
    await vi.waitFor(() => expect(fake.held.length).toBe(2));

    fake.held[1]!.answer({ dataUrl: PIXEL, pages: 1, pageLabel: 'the SVG' });
    await vi.waitFor(() => expect($('export-page-label')?.textContent).toBe('the SVG'));
    fake.held[0]!.answer({ dataUrl: PIXEL, pages: 1, pageLabel: 'the old PNG' });
    await new Promise((r) => setTimeout(r, 20));
    flushSync();
    expect($('export-page-label')?.textContent).toBe('the SVG');
  });

  it('shows the size the backend measured, dimmed until the changed options are measured again', async () => {
    const fake = backend({ holdPreviews: true });
    await open();
    await vi.waitFor(() => expect(fake.held.length).toBe(1));
    fake.held[0]!.answer({ dataUrl: PIXEL, pages: 1, pageLabel: 'Fit to content · 2724 × 2557 px at 150 dpi' });
    await vi.waitFor(() => expect($('export-page-label')?.textContent).toBe('Fit to content · 2724 × 2557 px at 150 dpi'));
    expect($('export-page-label')!.classList.contains('stale')).toBe(false);

    // Without the legend the page is smaller: until the backend says how much, the old
    // figure is not presented as the new options' size.
    pick('export-legend');
    expect($('export-page-label')!.classList.contains('stale')).toBe(true);
    await vi.waitFor(() => expect(fake.held.length).toBe(2));
    expect(fake.held[1]!.options.legend).toBe(false);
    fake.held[1]!.answer({ dataUrl: PIXEL, pages: 1, pageLabel: 'Fit to content · 2724 × 2310 px at 150 dpi' });
    await vi.waitFor(() => expect($('export-page-label')?.textContent).toBe('Fit to content · 2724 × 2310 px at 150 dpi'));
    expect($('export-page-label')!.classList.contains('stale')).toBe(false);
  });

  it('shows a checkerboard behind a transparent PNG, and why a preview failed', async () => {
    backend({ settings: { background: 'transparent' } });
    await open();
    await previewSettles();
    expect($('export-preview-img')?.parentElement?.classList.contains('checker')).toBe(true);
    clearMocks();
    backend({ settings: { background: 'transparent' }, previewError: { kind: 'export', message: 'The map is too large to draw.' } });
    pick('export-background-white');
    await previewSettles();
    expect($('export-preview-error')?.textContent).toContain('The map is too large to draw.');
    expect($('export-preview-img')?.parentElement?.classList.contains('checker')).toBe(false);
  });

  it('exports: Save dialog, start, progress, cancel', async () => {
    const fake = backend({ settings: { format: 'png', dpi: 300, legend: false } });
    await open();
    $('export-start')!.click();
    await vi.waitFor(() => expect($('export-progress')).not.toBeNull());
    expect(named(fake, 'choose_export_path')).toEqual([{ format: 'png', suggestedName: 'Donor journey.png' }]);
    await vi.waitFor(() => expect(named(fake, 'export_start').length).toBe(1));
    expect(named(fake, 'export_start')[0]).toEqual({
      mapId: 'map-1',
      options: { ...DEFAULT_OPTIONS, dpi: 300, legend: false },
      path: SAVED,
    });
    await new Promise((r) => setTimeout(r, 0));

    const bar = $('export-progress')!;
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    await emit('export-progress', { jobId: 7, fraction: 0.42 });
    flushSync();
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    await emit('export-progress', { jobId: 99, fraction: 0.9 }); // another job's
    flushSync();
    expect(bar.getAttribute('aria-valuenow')).toBe('42');

    $('export-cancel-job')!.click();
    await vi.waitFor(() => expect(named(fake, 'export_cancel')).toEqual([{ jobId: 7 }]));
    await emit('export-finished', { jobId: 7, outcome: 'cancelled', path: SAVED, bytes: 0, error: null });
    flushSync();
    expect($('export-progress')).toBeNull();
    expect($('export-message')?.textContent?.trim()).toBe('Export cancelled');
    expect($<HTMLInputElement>('export-format-png')!.checked).toBe(true);
    await vi.waitFor(() => expect(document.activeElement).toBe($('export-start')));
  });

  it('names the saved file and its size, and shows it in its folder', async () => {
    const fake = backend();
    await open();
    $('export-start')!.click();
    await vi.waitFor(() => expect(named(fake, 'export_start').length).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    await emit('export-finished', { jobId: 7, outcome: 'done', path: SAVED, bytes: 1_234_567, error: null });
    flushSync();
    expect($('export-status')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Saved Donor journey.png (1.2 MB)');
    await vi.waitFor(() => expect(document.activeElement).toBe($('export-done')));

    $('export-show-in-folder')!.click();
    await vi.waitFor(() => expect(named(fake, 'reveal_in_folder')).toEqual([{ path: SAVED }]));
    $('export-done')!.click();
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('takes an export-finished that arrives before export_start answers', async () => {
    const fake = backend({
      onStart: () => emit('export-finished', { jobId: 7, outcome: 'done', path: SAVED, bytes: 812, error: null }),
    });
    await open();
    $('export-start')!.click();
    await vi.waitFor(() => expect($('export-status')?.textContent).toContain('(812 bytes)'));
    expect(named(fake, 'export_start').length).toBe(1);
  });

  it('shows why an export failed and keeps the options', async () => {
    backend({ settings: { format: 'pdf', page: 'a2' } });
    await open();
    $('export-start')!.click();
    await vi.waitFor(() => expect($('export-progress')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 0));
    await emit('export-finished', {
      jobId: 7,
      outcome: 'failed',
      path: SAVED,
      bytes: 0,
      error: { kind: 'export', message: '/home/ada/Exports/Donor journey.png: No space left on device' },
    });
    flushSync();
    const message = $('export-message')!;
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toContain('No space left on device');
    expect($<HTMLInputElement>('export-format-pdf')!.checked).toBe(true);
    expect($<HTMLSelectElement>('export-page')!.value).toBe('a2');
    expect($<HTMLButtonElement>('export-start')!.disabled).toBe(false);
  });

  it('does nothing more when the Save dialog is cancelled', async () => {
    const fake = backend({ path: null });
    await open();
    $('export-start')!.click();
    await vi.waitFor(() => expect(named(fake, 'choose_export_path').length).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    flushSync();
    expect(named(fake, 'export_start')).toEqual([]);
    expect($('export-message')).toBeNull();
    expect($<HTMLButtonElement>('export-start')!.disabled).toBe(false);
  });

  it('exports on Enter, except from a text field', async () => {
    const fake = backend();
    await open();
    key($('export-margin')!, 'Enter');
    await new Promise((r) => setTimeout(r, 0));
    expect(named(fake, 'choose_export_path')).toEqual([]);
    key($('export-legend')!, 'Enter');
    await vi.waitFor(() => expect(named(fake, 'choose_export_path').length).toBe(1));
  });

  it('keeps Tab inside, closes on Escape and gives the focus back', async () => {
    backend();
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    await open();
    const dialog = $('export-dialog')!;
    expect(dialog.contains(document.activeElement)).toBe(true);

    // Shift+Tab from the first stop wraps to the last (the Export button), Tab wraps back.
    $('export-close')!.focus();
    expect(key($('export-close')!, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe($('export-start'));
    expect(key($('export-start')!, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe($('export-close'));

    // The app's shortcuts stay out.
    const undo = vi.fn();
    window.addEventListener('keydown', undo);
    key($('export-legend')!, 'z', { ctrlKey: true });
    window.removeEventListener('keydown', undo);
    expect(undo).not.toHaveBeenCalled();

    key($('export-legend')!, 'Escape');
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(component).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Escape while exporting cancels the export instead of closing', async () => {
    const fake = backend();
    await open();
    $('export-start')!.click();
    await vi.waitFor(() => expect(named(fake, 'export_start').length).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    key($('export-dialog')!, 'Escape');
    await vi.waitFor(() => expect(named(fake, 'export_cancel')).toEqual([{ jobId: 7 }]));
    expect(onclose).not.toHaveBeenCalled();
  });
});
