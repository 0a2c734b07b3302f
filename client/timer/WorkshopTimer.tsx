/** The workshop timer in the board header: everyone sees it; the facilitator starts, pauses, adds a minute and resets it. */
import { useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { addMinute, clockText, isTimeUp, parseMinutes, pauseTimer, remainingMs, resetTimer, startTimer, type TimerState } from '../../shared/workshop/timer';
import { useNow } from './use-now';
import './timer.css';
import { Timer } from 'lucide';
import { Icon } from '../state/Icon';
import { wordTable } from '../state/word-table';

/** The sentences of the timer in `intl`'s language. */
export const timerWords = wordTable((intl: IntlShape) => {
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `timer.${id}` }, values);
  return {
    region: t('region'),
    timeUp: t('timeUp'),
    minutes: t('minutes'),
    minutesUnit: t('minutesUnit'),
    badMinutes: t('badMinutes'),
    start: t('start'),
    resume: t('resume'),
    pause: t('pause'),
    addMinute: t('addMinute'),
    addMinuteLabel: t('addMinuteLabel'),
    reset: t('reset'),
    left: (clock: string) => t('left', { clock }),
    paused: (clock: string) => t('paused', { clock }),
    by: (name: string) => t('by', { name }),
  };
});

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
  const words = timerWords(useIntl());
  const now = useNow(timer.state === 'running', 250, clock);
  const [minutes, setMinutes] = useState(String(timer.durationMs / 60_000));
  if (!canControl && timer.state === 'idle') return null;
  const left = remainingMs(timer, now);
  const up = isTimeUp(timer, now);
  const text = clockText(left);
  const status = up ? words.timeUp : timer.state === 'paused' ? words.paused(text) : words.left(text);
  const typed = parseMinutes(minutes);

  return (
    <div className={`workshop-timer is-${up ? 'up' : timer.state}`} role="group" aria-label={words.region} title={timer.by ? words.by(timer.by) : undefined}>
      <span className="workshop-timer__icon" aria-hidden="true"><Icon shapes={Timer} /></span>
      {timer.state === 'idle' ? (
        <label className="workshop-timer__minutes">
          <input aria-label={words.minutes} inputMode="decimal" value={minutes} size={3} aria-invalid={typed === null} title={typed === null ? words.badMinutes : undefined}
            onChange={(e) => setMinutes(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && typed !== null) onChange(startTimer(timer, clock(), me, typed));
            }} />
          <span aria-hidden="true">{words.minutesUnit}</span>
        </label>
      ) : (
        <span className="workshop-timer__clock" role="timer" aria-label={status} data-remaining-ms={left}>{up ? `${words.timeUp} · ${text}` : text}</span>
      )}
      {canControl && (
        <span className="workshop-timer__controls">
          {timer.state === 'idle' && (
            <button type="button" className="ls-button ls-button--small" disabled={typed === null} onClick={() => typed !== null && onChange(startTimer(timer, clock(), me, typed))}>{words.start}</button>
          )}
          {timer.state === 'running' && !up && (
            <button type="button" className="ls-button ls-button--small" onClick={() => onChange(pauseTimer(timer, clock(), me))}>{words.pause}</button>
          )}
          {timer.state === 'paused' && (
            <button type="button" className="ls-button ls-button--small" onClick={() => onChange(startTimer(timer, clock(), me))}>{words.resume}</button>
          )}
          {timer.state !== 'idle' && (
            <>
              <button type="button" className="ls-button ls-button--small" aria-label={words.addMinuteLabel} onClick={() => onChange(addMinute(timer, clock(), me))}>{words.addMinute}</button>
              <button type="button" className="ls-button ls-button--small" onClick={() => onChange(resetTimer(timer, me))}>{words.reset}</button>
            </>
          )}
        </span>
      )}
    </div>
  );
}
