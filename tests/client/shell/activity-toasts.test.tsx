import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { leverDetail, restoreDetail } from '../../../shared/board/activity';
import { ActivityToasts } from '../../../client/shell/ActivityToasts';
import { activitySentence, type ActivityNotice } from '../../../client/shell/activity-words';

const notice = (over: Partial<ActivityNotice>): ActivityNotice => ({ id: 'a1', type: 'arrange', by: 'Ada', at: 1, mine: false, ...over });

describe('activity sentences', () => {
  it('names who did it', () => {
    expect(activitySentence(notice({}))).toBe('Ada arranged the board by stage.');
    expect(activitySentence(notice({ type: 'import' }))).toBe('Ada replaced the board with an import.');
    expect(activitySentence(notice({ mine: true }))).toBe('You arranged the board by stage.');
  });

  it('says a restore switched levers off', () => {
    expect(activitySentence(notice({ type: 'restore', detail: restoreDetail('Baseline', 2) }))).toBe('Ada restored the snapshot "Baseline"; 2 levers were switched off.');
    expect(activitySentence(notice({ type: 'restore', detail: restoreDetail('Baseline', 0) }))).toBe('Ada restored the snapshot "Baseline".');
  });

  it('tells of others\' lever changes only', () => {
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true, true) }))).toBe('Ada switched on "China ban".');
    expect(activitySentence(notice({ type: 'lever', mine: true, detail: leverDetail('ban', 'China ban', true, true) }))).toBeNull();
  });

  it('says switched off for the switch, changed for anything else, with the state it is in', () => {
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', false, true) }))).toBe('Ada switched off "China ban".');
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true) }))).toBe('Ada changed "China ban" (it is on).');
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', false) }))).toBe('Ada changed "China ban" (it is off).');
  });
});

describe('ActivityToasts', () => {
  it('offers Undo on my own arrange, none on someone else\'s', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(<ActivityToasts notices={[notice({ id: 'x', mine: true }), notice({ id: 'y' })]} watchingLever={() => false} onUndo={onUndo} onDismiss={onDismiss} />);
    const toasts = screen.getAllByTestId('activity-toast');
    expect(toasts.map((t) => t.textContent)).toEqual(['You arranged the board by stage.Undo×', 'Ada arranged the board by stage.×']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo the arrangement' }));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledWith('x');
  });

  it('shows a lever change only to someone looking at that lever when it arrives', () => {
    const lever = notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true, true) });
    const props = { onUndo: () => undefined, onDismiss: () => undefined };
    const { rerender } = render(<ActivityToasts notices={[lever]} watchingLever={() => false} {...props} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
    // Looking at the lever later does not bring back a change made while I looked elsewhere.
    rerender(<ActivityToasts notices={[lever]} watchingLever={(id) => id === 'ban'} {...props} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
    // The next change arrives while I look: told, and it stays when I look away.
    const next = { ...lever, at: 2, detail: leverDetail('ban', 'China ban', false, true) };
    rerender(<ActivityToasts notices={[next]} watchingLever={(id) => id === 'ban'} {...props} />);
    expect(screen.getByTestId('activity-toast').textContent).toContain('Ada switched off "China ban".');
    rerender(<ActivityToasts notices={[next]} watchingLever={() => false} {...props} />);
    expect(screen.getByTestId('activity-toast').textContent).toContain('Ada switched off "China ban".');
  });

  it('does not show a change of one lever to someone looking at another', () => {
    const props = { onUndo: () => undefined, onDismiss: () => undefined };
    render(<ActivityToasts notices={[notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true, true) })]} watchingLever={(id) => id === 'other'} {...props} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
  });
});
