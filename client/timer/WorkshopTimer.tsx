/** The workshop timer in the board header: everyone sees it; the facilitator starts, pauses, adds a minute and resets it. */
import { useState } from 'react';
import { addMinute, clockText, isTimeUp, parseMinutes, pauseTimer, remainingMs, resetTimer, startTimer, type TimerState } from '../../shared/workshop/timer';
import { useNow } from './use-now';
import './timer.css';
import { Timer } from 'lucide';
import { Icon } from '../state/Icon';

/** The sentences of the timer (one place, for translation later). */
export const TIMER_WORDS = {
  region: 'Workshop timer',
  timeUp: 'Time is up',
  minutes: 'Minutes',
  badMinutes: 'Enter minutes from 0.1 to 1440.',
  start: 'Start',
  resume: 'Resume',
  pause: 'Pause',
  addMinute: '+1 min',
  addMinuteLabel: 'Add a minute',
  reset: 'Reset',
  left: (clock: string) => `${clock} left`,
  paused: (clock: string) => `Paused at ${clock}`,
  by: (name: string) => `Set by ${name}`,
} as const;

/** Props of WorkshopTimer. */
export interface WorkshopTimerProps {
  timer: TimerState;
  /** Facilitators get the controls; everyone else sees the clock while the timer runs or is paused. */
  canControl: boolean;
  /** My display name, recorded as who changed the timer. */
  me: string;
  onChange(next: TimerState): void;
  /** The clock (tests). */
  clock?: () => number;
}

/** The clock and, for the facilitator, its controls. */
export function WorkshopTimer({ timer, canControl, me, onChange, clock = Date.now }: WorkshopTimerProps) {
  const now = useNow(timer.state === 'running', 250, clock);
  const [minutes, setMinutes] = useState(String(timer.durationMs / 60_000));
  if (!canControl && timer.state === 'idle') return null;
  const left = remainingMs(timer, now);
  const up = isTimeUp(timer, now);
  const text = clockText(left);
  const status = up ? TIMER_WORDS.timeUp : timer.state === 'paused' ? TIMER_WORDS.paused(text) : TIMER_WORDS.left(text);
  const typed = parseMinutes(minutes);

  return (
    <div className={`workshop-timer is-${up ? 'up' : timer.state}`} role="group" aria-label={TIMER_WORDS.region} title={timer.by ? TIMER_WORDS.by(timer.by) : undefined}>
      <span className="workshop-timer__icon" aria-hidden="true"><Icon shapes={Timer} /></span>
      {timer.state === 'idle' ? (
        <label className="workshop-timer__minutes">
          <input aria-label={TIMER_WORDS.minutes} inputMode="decimal" value={minutes} size={3} aria-invalid={typed === null} title={typed === null ? TIMER_WORDS.badMinutes : undefined}
            onChange={(e) => setMinutes(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && typed !== null) onChange(startTimer(timer, clock(), me, typed));
            }} />
          <span aria-hidden="true">min</span>
        </label>
      ) : (
        <span className="workshop-timer__clock" role="timer" aria-label={status} data-remaining-ms={left}>{up ? `${TIMER_WORDS.timeUp} · ${text}` : text}</span>
      )}
      {canControl && (
        <span className="workshop-timer__controls">
          {timer.state === 'idle' && (
            <button type="button" className="ls-button ls-button--small" disabled={typed === null} onClick={() => typed !== null && onChange(startTimer(timer, clock(), me, typed))}>{TIMER_WORDS.start}</button>
          )}
          {timer.state === 'running' && !up && (
            <button type="button" className="ls-button ls-button--small" onClick={() => onChange(pauseTimer(timer, clock(), me))}>{TIMER_WORDS.pause}</button>
          )}
          {timer.state === 'paused' && (
            <button type="button" className="ls-button ls-button--small" onClick={() => onChange(startTimer(timer, clock(), me))}>{TIMER_WORDS.resume}</button>
          )}
          {timer.state !== 'idle' && (
            <>
              <button type="button" className="ls-button ls-button--small" aria-label={TIMER_WORDS.addMinuteLabel} onClick={() => onChange(addMinute(timer, clock(), me))}>{TIMER_WORDS.addMinute}</button>
              <button type="button" className="ls-button ls-button--small" onClick={() => onChange(resetTimer(timer, me))}>{TIMER_WORDS.reset}</button>
            </>
          )}
        </span>
      )}
    </div>
  );
}
