import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WorkshopTimer } from '../../../client/timer/WorkshopTimer';
import { IDLE_TIMER, startTimer, type TimerState } from '../../../shared/workshop/timer';
import { renderIn } from '../../utils/intl';

const T0 = 1_700_000_000_000;

describe('WorkshopTimer', () => {
  it('shows nothing to a participant while the timer is idle', async () => {
    const { container } = await renderIn(<WorkshopTimer timer={IDLE_TIMER} canControl={false} me="Vic" onChange={vi.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('shows a participant the time left, with no controls', async () => {
    await renderIn(<WorkshopTimer timer={startTimer(IDLE_TIMER, T0, 'Fay', 120_000)} canControl={false} me="Vic" onChange={vi.fn()} clock={() => T0 + 30_000} />);
    expect(screen.getByRole('timer').textContent).toBe('1:30');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('1:30 left');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('speaks Italian: time left, pause and the facilitator\'s buttons', async () => {
    const { rerender } = await renderIn(<WorkshopTimer timer={startTimer(IDLE_TIMER, T0, 'Fay', 120_000)} canControl me="Fay" onChange={vi.fn()} clock={() => T0 + 30_000} />, 'it');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('1:30 rimanenti');
    expect(screen.getByRole('group', { name: 'Timer del workshop' }).getAttribute('title')).toBe('Impostato da Fay');
    expect(screen.getByRole('button', { name: 'Pausa' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Aggiungi un minuto' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Azzera' })).toBeTruthy();
    rerender(<WorkshopTimer timer={IDLE_TIMER} canControl me="Fay" onChange={vi.fn()} clock={() => T0} />);
    expect(screen.getByLabelText('Minuti')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Avvia' })).toBeTruthy();
  });

  it('counts down while running', async () => {
    vi.useFakeTimers();
    try {
      let now = T0;
      await renderIn(<WorkshopTimer timer={startTimer(IDLE_TIMER, T0, 'Fay', 10_000)} canControl={false} me="Vic" onChange={vi.fn()} clock={() => now} />);
      expect(screen.getByRole('timer').textContent).toBe('0:10');
      now = T0 + 10_000;
      act(() => vi.advanceTimersByTime(300));
      expect(screen.getByRole('timer').textContent).toMatch(/Time is up/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the facilitator start with typed minutes, pause, add a minute and reset', async () => {
    const onChange = vi.fn<(t: TimerState) => void>();
    const { rerender } = await renderIn(<WorkshopTimer timer={IDLE_TIMER} canControl me="Fay" onChange={onChange} clock={() => T0} />);
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(onChange).toHaveBeenLastCalledWith({ state: 'running', durationMs: 180_000, endsAt: T0 + 180_000, by: 'Fay' });
    const running = onChange.mock.calls[0][0];
    rerender(<WorkshopTimer timer={running} canControl me="Fay" onChange={onChange} clock={() => T0 + 60_000} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ state: 'paused', remainingMs: 120_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a minute' }));
    expect(onChange.mock.lastCall?.[0].endsAt).toBe(T0 + 60_000 + 180_000);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onChange).toHaveBeenLastCalledWith({ state: 'idle', durationMs: 180_000, by: 'Fay' });
  });

  it('refuses minutes that are not a length', async () => {
    await renderIn(<WorkshopTimer timer={IDLE_TIMER} canControl me="Fay" onChange={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: 'soon' } });
    expect((screen.getByRole('button', { name: 'Start' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
