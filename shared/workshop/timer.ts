/**
 * The workshop timer everyone sees, as data in the live document (map "facilitation", key "timer"; see
 * shared/board/doc-schema.ts): `{ state, durationMs, endsAt?, remainingMs?, by? }`. A running timer holds the
 * wall-clock time it ends at, a paused one the time it had left, so a person who joins late computes the same
 * remaining time from the document alone. Clocks are each person's own: a device whose clock is off by some
 * seconds sees the timer off by as much (accepted; the server's clock is not consulted). Pure: `now` is passed in.
 */

/** The timer as the document holds it. */
export interface TimerState {
  state: 'idle' | 'running' | 'paused';
  /** The length it was set to (plus the minutes added), for the display of an idle timer. */
  durationMs: number;
  /** Running: when it reaches zero (ms since the epoch, the facilitator's clock). */
  endsAt?: number;
  /** Paused: what was left. */
  remainingMs?: number;
  /** Display name of who last changed it. */
  by?: string;
}

/** Five minutes: what a fresh timer is set to. */
export const DEFAULT_TIMER_MS = 5 * 60_000;
/** What "add a minute" adds. */
export const MINUTE_MS = 60_000;
/** The longest a timer may be set to (24 hours). */
export const MAX_TIMER_MS = 24 * 60 * 60_000;

/** The timer of a board that never had one. */
export const IDLE_TIMER: TimerState = { state: 'idle', durationMs: DEFAULT_TIMER_MS };

const clamp = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)));

/** Reads whatever the document holds under "timer" into a timer (an absent or odd value is the idle default). */
export function readTimer(value: unknown): TimerState {
  if (typeof value !== 'object' || value === null) return IDLE_TIMER;
  const v = value as Record<string, unknown>;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const durationMs = finite(v.durationMs) ? clamp(v.durationMs) : DEFAULT_TIMER_MS;
  const by = typeof v.by === 'string' ? { by: v.by } : {};
  if (v.state === 'running' && finite(v.endsAt)) return { state: 'running', durationMs, endsAt: v.endsAt, ...by };
  if (v.state === 'paused' && finite(v.remainingMs)) return { state: 'paused', durationMs, remainingMs: clamp(v.remainingMs), ...by };
  return { state: 'idle', durationMs, ...by };
}

/** Milliseconds left at `now` (never below 0). */
export function remainingMs(timer: TimerState, now: number): number {
  if (timer.state === 'running') return Math.max(0, (timer.endsAt ?? now) - now);
  if (timer.state === 'paused') return timer.remainingMs ?? 0;
  return timer.durationMs;
}

/** True when a running timer has reached zero. */
export function isTimeUp(timer: TimerState, now: number): boolean {
  return timer.state === 'running' && remainingMs(timer, now) === 0;
}

/** Starts the timer (or resumes a paused one); `durationMs` sets a fresh length. */
export function startTimer(timer: TimerState, now: number, by: string, durationMs?: number): TimerState {
  if (durationMs !== undefined) return { state: 'running', durationMs: clamp(durationMs), endsAt: now + clamp(durationMs), by };
  const left = timer.state === 'paused' ? (timer.remainingMs ?? 0) : timer.state === 'running' ? remainingMs(timer, now) : timer.durationMs;
  return { state: 'running', durationMs: timer.durationMs, endsAt: now + left, by };
}

/** Pauses a running timer, keeping what is left; anything else is returned unchanged. */
export function pauseTimer(timer: TimerState, now: number, by: string): TimerState {
  if (timer.state !== 'running') return timer;
  return { state: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now), by };
}

/** Adds a minute: to what is left when running or paused (a timer that ran out starts again with one minute), else to the length. */
export function addMinute(timer: TimerState, now: number, by: string): TimerState {
  const durationMs = clamp(timer.durationMs + MINUTE_MS);
  if (timer.state === 'running') return { state: 'running', durationMs, endsAt: now + clamp(remainingMs(timer, now) + MINUTE_MS), by };
  if (timer.state === 'paused') return { state: 'paused', durationMs, remainingMs: clamp((timer.remainingMs ?? 0) + MINUTE_MS), by };
  return { state: 'idle', durationMs, by };
}

/** Stops the timer and sets it back to its length. */
export function resetTimer(timer: TimerState, by: string): TimerState {
  return { state: 'idle', durationMs: timer.durationMs, by };
}

/** "4:05", "0:00", "1:02:03": minutes and seconds (hours when needed), rounded up so 0:00 means time is up. */
export function clockText(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The minutes a person typed for a fresh timer ("5", "2.5", "90"), or null when it is not a length from 1 second to 24 hours. */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const ms = Math.round(Number(trimmed) * MINUTE_MS);
  return ms >= 1000 && ms <= MAX_TIMER_MS ? ms : null;
}
