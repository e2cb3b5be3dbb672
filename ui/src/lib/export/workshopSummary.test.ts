import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { Toasts } from '../document/toasts.svelte';
import { exportWorkshopSummary, suggestedSummaryName } from './workshopSummary';

function backend(answer: { path: string | null; fail?: { kind: string; message: string } }) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC(async (cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push([cmd, args]);
    if (cmd === 'choose_summary_path') return answer.path;
    if (cmd === 'export_workshop_summary') {
      if (answer.fail) throw answer.fail;
      return null;
    }
    throw { kind: 'unknown', message: `unexpected ${cmd}` };
  });
  return calls;
}

afterEach(() => clearMocks());

describe('the workshop summary export', () => {
  it('suggests a file named after the map, PDF by default, without path characters', () => {
    expect(suggestedSummaryName('Donor journey')).toBe('Donor journey workshop summary.pdf');
    expect(suggestedSummaryName('  a/b: c\n ')).toBe('a b c workshop summary.pdf');
    expect(suggestedSummaryName('')).toBe('Map workshop summary.pdf');
  });

  it('writes the chosen file for the shown map and says where', async () => {
    const calls = backend({ path: '/tmp/s.md' });
    const toasts = new Toasts();
    const written = await exportWorkshopSummary({ id: 'm1', name: 'Donor journey' }, toasts);
    expect(written).toBe('/tmp/s.md');
    expect(calls).toEqual([
      ['choose_summary_path', { suggestedName: 'Donor journey workshop summary.pdf' }],
      ['export_workshop_summary', { mapId: 'm1', path: '/tmp/s.md' }],
    ]);
    expect(toasts.items).toMatchObject([{ kind: 'info', message: 'Workshop summary saved to /tmp/s.md' }]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const calls = backend({ path: null });
    const toasts = new Toasts();
    expect(await exportWorkshopSummary({ id: 'm1', name: 'M' }, toasts)).toBeNull();
    expect(calls.map(([c]) => c)).toEqual(['choose_summary_path']);
    expect(toasts.items).toEqual([]);
  });

  it('shows the backend’s reason when it refuses', async () => {
    backend({
      path: '/tmp/s.txt',
      fail: { kind: 'export', message: 'a workshop summary is written as Markdown (.md) or PDF (.pdf); /tmp/s.txt is neither' },
    });
    const toasts = new Toasts();
    expect(await exportWorkshopSummary({ id: 'm1', name: 'M' }, toasts)).toBeNull();
    expect(toasts.items).toMatchObject([{ kind: 'error', message: expect.stringContaining('Markdown (.md) or PDF (.pdf)') }]);
  });
});
