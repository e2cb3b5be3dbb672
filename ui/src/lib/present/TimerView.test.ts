import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Timer from './Timer.svelte';
import { CountdownTimer } from './timer.svelte';

let shown: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (shown) unmount(shown);
  shown = null;
  document.body.innerHTML = '';
});

const $ = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

describe('the timer’s view', () => {
  it('ends gently: amber and "Time is up", no dialog, no sound; the audience’s has no buttons', () => {
    let now = 0;
    const timer = new CountdownTimer({ now: () => now });
    timer.reset(1);
    shown = mount(Timer, { target: document.body, props: { timer } });
    expect($('timer')?.textContent).toContain('1:00');
    expect($('timer-toggle')).toBeNull();
    timer.start();
    now = 61_000;
    timer.tick();
    flushSync();
    expect($('timer')?.dataset.ended).toBe('true');
    expect($('timer')?.classList.contains('ended')).toBe(true);
    expect($('timer')?.textContent).toContain('Time is up');
    expect($('timer')?.getAttribute('aria-label')).toBe('Time is up');
    expect(document.querySelector('dialog, audio')).toBeNull();
  });

  it('gives the operator start, +1 min, reset and the minutes', () => {
    let now = 0;
    const timer = new CountdownTimer({ now: () => now });
    let changes = 0;
    shown = mount(Timer, { target: document.body, props: { timer, controls: true, onchange: () => (changes += 1) } });
    $('timer-toggle')!.click();
    flushSync();
    expect(timer.running).toBe(true);
    expect($('timer-toggle')?.textContent?.trim()).toBe('Pause');
    now = 1000;
    $('timer-add')!.click();
    expect(timer.remainingMs).toBe(5 * 60_000 - 1000 + 60_000);
    const minutes = $('timer-minutes') as HTMLInputElement;
    minutes.value = '12';
    minutes.dispatchEvent(new Event('input', { bubbles: true }));
    minutes.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(timer.durationMs).toBe(12 * 60_000);
    expect(timer.running).toBe(false);
    $('timer-reset')!.click();
    expect(timer.remainingMs).toBe(12 * 60_000);
    expect(changes).toBe(4);
  });
});
