import { describe, expect, it, vi } from 'vitest';
import { CountdownTimer, DEFAULT_DURATION_MS, MINUTE_MS, clockFace, spokenTime } from './timer.svelte';

/** A clock the test moves by hand. */
function fakeClock(start = 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the countdown', () => {
  it('starts at five minutes, paused, and counts down from the clock once started', () => {
    const clock = fakeClock();
    const timer = new CountdownTimer(clock);
    expect(timer.remainingMs).toBe(DEFAULT_DURATION_MS);
    expect(timer.running).toBe(false);
    clock.advance(10_000);
    timer.tick();
    expect(timer.remainingMs).toBe(DEFAULT_DURATION_MS);
    timer.start();
    clock.advance(61_500);
    timer.tick();
    expect(timer.remainingMs).toBe(DEFAULT_DURATION_MS - 61_500);
    expect(clockFace(timer.remainingMs)).toBe('3:59');
  });

  it('keeps the time left while paused, and goes on from there', () => {
    const clock = fakeClock();
    const timer = new CountdownTimer(clock);
    timer.start();
    clock.advance(30_000);
    timer.pause();
    expect(timer.running).toBe(false);
    expect(timer.remainingMs).toBe(DEFAULT_DURATION_MS - 30_000);
    clock.advance(120_000);
    timer.tick();
    expect(timer.remainingMs).toBe(DEFAULT_DURATION_MS - 30_000);
    timer.toggle();
    expect(timer.running).toBe(true);
    clock.advance(10_000);
    timer.tick();
    expect(timer.remainingMs).toBe(DEFAULT_DURATION_MS - 40_000);
  });

  it('adds a minute while running, while paused and after the end (which then runs again)', () => {
    const clock = fakeClock();
    const timer = new CountdownTimer(clock);
    timer.reset(2);
    timer.start();
    clock.advance(30_000);
    timer.addMinute();
    expect(timer.running).toBe(true);
    expect(timer.remainingMs).toBe(150_000);
    clock.advance(50_000);
    timer.tick();
    expect(timer.remainingMs).toBe(100_000);

    timer.pause();
    timer.addMinute();
    expect(timer.running).toBe(false);
    expect(timer.remainingMs).toBe(160_000);

    timer.start();
    clock.advance(200_000);
    timer.tick();
    expect(timer.ended).toBe(true);
    expect(timer.remainingMs).toBe(0);
    timer.addMinute();
    expect(timer.ended).toBe(false);
    expect(timer.running).toBe(true);
    expect(timer.remainingMs).toBe(MINUTE_MS);
    clock.advance(MINUTE_MS);
    expect(timer.tick()).toBe(true);
  });

  it('tells the end once, and a paused or ended timer does not start again by itself', () => {
    const clock = fakeClock();
    const onend = vi.fn();
    const timer = new CountdownTimer(clock, onend);
    timer.reset(1);
    timer.start();
    clock.advance(59_000);
    expect(timer.tick()).toBe(false);
    clock.advance(5_000);
    expect(timer.tick()).toBe(true);
    expect(timer.tick()).toBe(false);
    clock.advance(5_000);
    expect(timer.tick()).toBe(false);
    expect(onend).toHaveBeenCalledOnce();
    expect(timer.ended).toBe(true);
    expect(timer.running).toBe(false);
    // T after the end does nothing: the operator adds a minute or resets.
    timer.toggle();
    expect(timer.running).toBe(false);
    expect(clockFace(timer.remainingMs)).toBe('0:00');
    expect(spokenTime(timer.remainingMs)).toBe('Time is up');
  });

  it('resets to the whole duration, paused, or to a new one', () => {
    const clock = fakeClock();
    const timer = new CountdownTimer(clock);
    timer.start();
    clock.advance(DEFAULT_DURATION_MS + 1);
    timer.tick();
    timer.reset();
    expect(timer).toMatchObject({ running: false, ended: false, remainingMs: DEFAULT_DURATION_MS });
    timer.reset(12);
    expect(timer.remainingMs).toBe(12 * MINUTE_MS);
    expect(clockFace(timer.remainingMs)).toBe('12:00');
    timer.reset(0);
    expect(timer.durationMs).toBe(MINUTE_MS);
    timer.reset(Number.NaN);
    expect(timer.durationMs).toBe(MINUTE_MS);
  });

  it('is followed by the audience’s copy', () => {
    const clock = fakeClock();
    const operator = new CountdownTimer(clock);
    const audience = new CountdownTimer(clock);
    operator.start();
    clock.advance(20_000);
    operator.tick();
    audience.follow(operator.state);
    clock.advance(5_000);
    audience.tick();
    expect(audience.remainingMs).toBe(DEFAULT_DURATION_MS - 25_000);
    operator.pause();
    audience.follow(operator.state);
    expect(audience.running).toBe(false);
    audience.follow({ remainingMs: 0, durationMs: MINUTE_MS, running: false });
    expect(audience.ended).toBe(true);
  });

  it('reads the time as a clock face and aloud', () => {
    expect(clockFace(245_000)).toBe('4:05');
    expect(clockFace(59_001)).toBe('1:00');
    expect(spokenTime(61_000)).toBe('1 minute 1 second left');
    expect(spokenTime(120_000)).toBe('2 minutes left');
  });
});
