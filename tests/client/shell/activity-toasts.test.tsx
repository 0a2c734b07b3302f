import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { leverDetail, restoreDetail } from '../../../shared/board/activity';
import { ActivityToasts } from '../../../client/shell/ActivityToasts';
import { activitySentence as sentence, type ActivityNotice } from '../../../client/shell/activity-words';
import { intlIn, renderIn } from '../../utils/intl';

const notice = (over: Partial<ActivityNotice>): ActivityNotice => ({ id: 'a1', type: 'arrange', by: 'Ada', at: 1, mine: false, ...over });

describe('activity sentences', () => {
  it('names who did it', async () => {
    const intl = await intlIn('en');
    const activitySentence = (n: ActivityNotice) => sentence(intl, n);
    expect(activitySentence(notice({}))).toBe('Ada arranged the board by stage.');
    expect(activitySentence(notice({ type: 'import' }))).toBe('Ada replaced the board with an import.');
    expect(activitySentence(notice({ mine: true }))).toBe('You arranged the board by stage.');
  });

  it('says a restore switched levers off', async () => {
    const intl = await intlIn('en');
    const activitySentence = (n: ActivityNotice) => sentence(intl, n);
    expect(activitySentence(notice({ type: 'restore', detail: restoreDetail('Baseline', 2) }))).toBe('Ada restored the snapshot "Baseline"; 2 levers were switched off.');
    expect(activitySentence(notice({ type: 'restore', detail: restoreDetail('Baseline', 0) }))).toBe('Ada restored the snapshot "Baseline".');
  });

  it('tells of others\' lever changes only', async () => {
    const intl = await intlIn('en');
    const activitySentence = (n: ActivityNotice) => sentence(intl, n);
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true) }))).toBe('Ada switched on "China ban".');
    expect(activitySentence(notice({ type: 'lever', mine: true, detail: leverDetail('ban', 'China ban', true) }))).toBeNull();
  });

  it('speaks Italian, with the person\'s name and the snapshot\'s as they are', async () => {
    const intl = await intlIn('it');
    expect(sentence(intl, notice({}))).toBe('Ada ha disposto la lavagna per fase.');
    expect(sentence(intl, notice({ mine: true }))).toBe('Hai disposto la lavagna per fase.');
    expect(sentence(intl, notice({ type: 'restore', detail: restoreDetail('Baseline', 1) }))).toBe('Ada ha ripristinato l\'istantanea "Baseline"; 1 leva è stata disattivata.');
    expect(sentence(intl, notice({ type: 'lever', by: ' ', detail: leverDetail('ban', 'China ban', false) }))).toBe('Qualcuno ha modificato "China ban" (è disattivata).');
  });
});

describe('ActivityToasts', () => {
  it('offers Undo on my own arrange, none on someone else\'s', async () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    await renderIn(<ActivityToasts notices={[notice({ id: 'x', mine: true }), notice({ id: 'y' })]} watchingLever={() => false} onUndo={onUndo} onDismiss={onDismiss} />);
    const toasts = await screen.findAllByTestId('activity-toast');
    expect(toasts.map((t) => t.textContent)).toEqual(['You arranged the board by stage.Undo×', 'Ada arranged the board by stage.×']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo the arrangement' }));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledWith('x');
  });

  it('shows a lever change only to someone looking at that lever', async () => {
    const lever = notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true) });
    const { rerender } = await renderIn(<ActivityToasts notices={[lever]} watchingLever={() => false} onUndo={() => undefined} onDismiss={() => undefined} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
    rerender(<ActivityToasts notices={[lever]} watchingLever={(id) => id === 'ban'} onUndo={() => undefined} onDismiss={() => undefined} />);
    expect((await screen.findByTestId('activity-toast')).textContent).toContain('Ada switched on "China ban".');
    rerender(<ActivityToasts notices={[lever]} watchingLever={() => false} onUndo={() => undefined} onDismiss={() => undefined} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
    // My own lever change: nothing to tell, even while I look at it.
    rerender(<ActivityToasts notices={[{ ...lever, mine: true }]} watchingLever={(id) => id === 'ban'} onUndo={() => undefined} onDismiss={() => undefined} />);
    await waitFor(() => expect(screen.queryByTestId('activity-toast')).toBeNull());
  });
});
