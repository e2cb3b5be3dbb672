import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import Presenting from './Presenting.svelte';
import { CountdownTimer } from './timer.svelte';
import { scene } from '../../test/fixtures';

let shown: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = '';
  clearMocks();
});

/** A backend for presenting: the Scene (two stages), notes on the first, and what was asked. */
function backend(firstStageName = 'Discover') {
  const calls: Array<[string, unknown]> = [];
  mockWindows('main');
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    switch (cmd) {
      case 'presentation_scene':
        return scene('map-1', 'Donor journey');
      case 'map_data':
        return {
          id: 'map-1', name: 'Donor journey', description: '', personaIds: [],
          stages: [
            { id: 'st-discover', name: firstStageName, color: null, width: 240, rungId: null, speakerNotes: 'Ask who has <b>seen</b> a post like this.' },
            { id: 'st-convert', name: 'Convert', color: null, width: 240, rungId: null, speakerNotes: '' },
          ],
          lanes: [], cards: [], connectors: [], emotionPoints: [],
        };
      case 'open_audience_window':
        return 'audience-1';
      case 'present_step':
      case 'close_audience_window':
      case 'set_presenting':
        return null;
      default:
        return null;
    }
  });
  return calls;
}

const $ = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const key = (k: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  (document.activeElement ?? document.body).dispatchEvent(e);
  flushSync();
  return e;
};
const step = () => $('presenting')?.dataset.presentStep;

async function present(onleave = vi.fn(), timer = new CountdownTimer()) {
  const target = document.createElement('div');
  document.body.append(target);
  shown = mount(Presenting, { target, props: { mapId: 'map-1', mapName: 'Donor journey', timer, onleave } });
  await vi.waitFor(() => expect(document.querySelector('.present-map svg')).not.toBeNull());
  expect($('present-position')?.textContent).toBe('Overview');
  return { onleave, timer };
}

describe('presenting', () => {
  it('walks the map with a clicker’s keys: overview, each stage, overview, never past the ends', async () => {
    const calls = backend();
    await present();
    expect(calls.some(([c]) => c === 'set_presenting')).toBe(true);
    expect(step()).toBe('0');
    key('PageUp');
    expect(step()).toBe('0');
    key('PageDown');
    expect(step()).toBe('1');
    expect($('present-position')?.textContent).toBe('1 / 2');
    expect($('present-stage-name')?.textContent).toBe('Discover');
    key(' ');
    expect(step()).toBe('2');
    key('ArrowRight');
    expect(step()).toBe('3');
    expect($('present-position')?.textContent).toBe('Overview');
    key('ArrowRight');
    expect(step()).toBe('3');
    key(' ', { shiftKey: true });
    expect(step()).toBe('2');
    key('Home');
    expect(step()).toBe('0');
    key('End');
    expect(step()).toBe('2');
    // The audience window (if any) is told each step.
    const sent = calls.filter(([c]) => c === 'present_step').map(([, a]) => (a as { step: { step: number } }).step.step);
    expect(sent).toContain(3);
  });

  it('names the stage as it was typed, not as the Scene wrapped it', async () => {
    // The Scene holds a long name in wrapped lines; a word split over two must not show as "st age".
    backend('Discover-and-compare-everything');
    await present();
    key('PageDown');
    expect($('present-stage-name')?.textContent).toBe('Discover-and-compare-everything');
  });

  it('shows the stage’s speaker notes on demand, as text', async () => {
    backend();
    await present();
    expect($('present-notes')).toBeNull();
    key('PageDown');
    key('n');
    expect($('present-notes')?.textContent).toContain('Ask who has <b>seen</b> a post like this.');
    expect($('present-notes')?.querySelector('b')).toBeNull();
    key('PageDown');
    expect($('present-notes')?.textContent).toContain('No notes for this stage.');
    key('N');
    expect($('present-notes')).toBeNull();
  });

  it('holds back every other key: the editor beneath hears nothing', async () => {
    backend();
    await present();
    const heard = vi.fn();
    window.addEventListener('keydown', heard);
    key('z', { ctrlKey: true });
    key('Delete');
    key('PageDown');
    expect(heard).not.toHaveBeenCalled();
    window.removeEventListener('keydown', heard);
  });

  it('pauses and resumes the timer with T, and adds a minute with +', async () => {
    backend();
    const { timer } = await present();
    key('t');
    expect(timer.running).toBe(true);
    key('t');
    expect(timer.running).toBe(false);
    const before = timer.remainingMs;
    key('+', { shiftKey: true });
    expect(timer.remainingMs).toBe(before + 60_000);
  });

  it('leaves with Esc, out of full screen', async () => {
    const calls = backend();
    const { onleave } = await present();
    key('Escape');
    await vi.waitFor(() => expect(onleave).toHaveBeenCalledOnce());
    const fullscreen = calls.filter(([c]) => c === 'set_presenting').map(([, a]) => (a as { on: boolean }).on);
    expect(fullscreen).toEqual([true, false]);
  });

  it('turns into the presenter view once the audience window is open: now, next, notes and the timer’s controls', async () => {
    const calls = backend();
    await present();
    key('PageDown');
    $('present-audience')!.click();
    await vi.waitFor(() => expect($('presenting')?.dataset.presentMode).toBe('presenter'));
    expect(calls.some(([c]) => c === 'open_audience_window')).toBe(true);
    expect($('presenter-current')).not.toBeNull();
    expect($('presenter-next')?.parentElement?.querySelector('.pv-caption')?.textContent).toBe('Next: Convert');
    expect($('presenter-notes')?.textContent).toContain('Ask who has');
    expect($('timer-toggle')).not.toBeNull();
    key('Escape');
    await vi.waitFor(() => expect(calls.some(([c]) => c === 'close_audience_window')).toBe(true));
  });
});
