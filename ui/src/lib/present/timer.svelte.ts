// The workshop's countdown: set by the operator (5 minutes unless told), paused and
// resumed, one more minute at a time, reset. It is shown while presenting, on the
// audience's screen and wherever else a view places `Timer.svelte`; only the operator's
// window changes it (the audience window is sent its state, `TimerState`).
//
// The logic reads the time from an injectable clock, so it is tested without waiting;
// `tick()` is what a view calls (every quarter second while running) to see the time go.

/** Milliseconds since some fixed moment (`performance.now`, or a test's own). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => performance.now() };

export const MINUTE_MS = 60_000;
export const DEFAULT_DURATION_MS = 5 * MINUTE_MS;
/** The longest countdown the operator may set, in minutes. */
export const MAX_MINUTES = 180;

/** The timer as the audience window is sent it. */
export interface TimerState {
  /** What is left, in milliseconds (0 once the time is up). */
  remainingMs: number;
  durationMs: number;
  running: boolean;
}

export class CountdownTimer {
  /** What the timer counts down from (what Reset goes back to). */
  durationMs = $state(DEFAULT_DURATION_MS);
  /** Whether the time is going. */
  running = $state(false);
  /** The time left as last read (`tick`), in milliseconds, never below 0. */
  remainingMs = $state(DEFAULT_DURATION_MS);
  /** The time is up (and stays up until +1 min or Reset). */
  ended = $state(false);

  #clock: Clock;
  /** While running: the clock's reading at which the time is up. */
  #endsAt = 0;
  /** Told once per time-up (a +1 min after it starts a new countdown, which may end again). */
  #onend: (() => void) | null;

  constructor(clock: Clock = systemClock, onend: (() => void) | null = null) {
    this.#clock = clock;
    this.#onend = onend;
  }

  /** Reads the clock: the time left, and whether the time has just run out (true once). */
  tick(): boolean {
    if (!this.running) return false;
    const left = Math.max(0, this.#endsAt - this.#clock.now());
    this.remainingMs = left;
    if (left > 0) return false;
    this.running = false;
    this.ended = true;
    this.#onend?.();
    return true;
  }

  start(): void {
    if (this.running || this.remainingMs <= 0) return;
    this.#endsAt = this.#clock.now() + this.remainingMs;
    this.running = true;
  }

  /** Stops the time where it is; `start` goes on from there. */
  pause(): void {
    if (!this.running) return;
    this.tick();
    if (!this.running) return;
    this.remainingMs = Math.max(0, this.#endsAt - this.#clock.now());
    this.running = false;
  }

  /** Pause or go on (T while presenting). Once the time is up, it does nothing: +1 min or Reset. */
  toggle(): void {
    if (this.running) this.pause();
    else this.start();
  }

  /**
   * One more minute: while running the end moves a minute later; paused, a minute more
   * is left; once the time is up, a minute is left and it runs again.
   */
  addMinute(): void {
    if (this.running) {
      this.tick();
    }
    if (this.running) {
      this.#endsAt += MINUTE_MS;
      this.remainingMs = Math.max(0, this.#endsAt - this.#clock.now());
      return;
    }
    const wasEnded = this.ended;
    this.remainingMs = Math.min(this.remainingMs + MINUTE_MS, MAX_MINUTES * MINUTE_MS);
    this.ended = false;
    if (wasEnded) this.start();
  }

  /** Back to the whole duration, paused (a new duration in minutes when given). */
  reset(minutes?: number): void {
    if (minutes !== undefined && Number.isFinite(minutes)) {
      this.durationMs = Math.round(Math.min(MAX_MINUTES, Math.max(1, minutes))) * MINUTE_MS;
    }
    this.running = false;
    this.ended = false;
    this.remainingMs = this.durationMs;
  }

  /** What the audience window is sent. */
  get state(): TimerState {
    return { remainingMs: this.remainingMs, durationMs: this.durationMs, running: this.running };
  }

  /** Takes the operator's state (the audience window's copy follows it). */
  follow(state: TimerState): void {
    this.durationMs = state.durationMs;
    this.remainingMs = Math.max(0, state.remainingMs);
    this.ended = state.remainingMs <= 0;
    this.running = false;
    if (state.running && !this.ended) this.start();
  }
}

/** The time left as a clock face reads it: "4:05", "0:59", "12:00"; rounded up, so 0:00 only when the time is up. */
export function clockFace(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The time left as read out: "4 minutes 5 seconds left". */
export function spokenTime(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  if (total === 0) return 'Time is up';
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [minutes > 0 && `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`, seconds > 0 && `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`];
  return `${parts.filter(Boolean).join(' ')} left`;
}
