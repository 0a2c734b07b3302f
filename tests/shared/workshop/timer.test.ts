import { describe, expect, it } from 'vitest';
import { addMinute, clockText, IDLE_TIMER, isTimeUp, parseMinutes, pauseTimer, readTimer, remainingMs, resetTimer, startTimer } from '../../../shared/workshop/timer';

const T0 = 1_700_000_000_000;

describe('workshop timer', () => {
  it('counts down from the start, the same for anyone who reads the document later', () => {
    const running = startTimer(IDLE_TIMER, T0, 'Fay', 120_000);
    expect(running).toEqual({ state: 'running', durationMs: 120_000, endsAt: T0 + 120_000, by: 'Fay' });
    const lateJoiner = readTimer(JSON.parse(JSON.stringify(running)));
    expect(remainingMs(lateJoiner, T0 + 45_000)).toBe(75_000);
    expect(isTimeUp(lateJoiner, T0 + 120_000)).toBe(true);
    expect(remainingMs(lateJoiner, T0 + 500_000)).toBe(0);
  });

  it('pauses with what is left and resumes from there', () => {
    const paused = pauseTimer(startTimer(IDLE_TIMER, T0, 'Fay', 60_000), T0 + 20_000, 'Fay');
    expect(paused).toMatchObject({ state: 'paused', remainingMs: 40_000 });
    expect(remainingMs(paused, T0 + 999_000)).toBe(40_000);
    const resumed = startTimer(paused, T0 + 100_000, 'Fay');
    expect(remainingMs(resumed, T0 + 110_000)).toBe(30_000);
  });

  it('adds a minute when running, paused, idle, and after the time ran out', () => {
    const running = startTimer(IDLE_TIMER, T0, 'Fay', 60_000);
    expect(remainingMs(addMinute(running, T0 + 10_000, 'Fay'), T0 + 10_000)).toBe(110_000);
    expect(addMinute(pauseTimer(running, T0 + 10_000, 'Fay'), T0, 'Fay').remainingMs).toBe(110_000);
    expect(addMinute(IDLE_TIMER, T0, 'Fay').durationMs).toBe(IDLE_TIMER.durationMs + 60_000);
    expect(remainingMs(addMinute(running, T0 + 90_000, 'Fay'), T0 + 90_000)).toBe(60_000);
  });

  it('resets to its length', () => {
    expect(resetTimer(startTimer(IDLE_TIMER, T0, 'Fay', 90_000), 'Fay')).toEqual({ state: 'idle', durationMs: 90_000, by: 'Fay' });
  });

  it('reads an absent or odd value as the idle default', () => {
    for (const odd of [undefined, null, 'x', { state: 'running' }, { state: 'paused', durationMs: 5 }]) expect(readTimer(odd).state).toBe('idle');
    expect(readTimer({ state: 'running', durationMs: 1e12, endsAt: T0 }).durationMs).toBe(24 * 3_600_000);
  });

  it('writes the clock rounded up, with hours when needed', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(1)).toBe('0:01');
    expect(clockText(245_000)).toBe('4:05');
    expect(clockText(3_723_000)).toBe('1:02:03');
  });

  it('reads typed minutes from a second to a day', () => {
    expect(parseMinutes('5')).toBe(300_000);
    expect(parseMinutes('2,5')).toBe(150_000);
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('abc')).toBeNull();
    expect(parseMinutes('1441')).toBeNull();
  });
});
