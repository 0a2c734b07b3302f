import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoreDetail } from '../../../shared/board/activity';
import { ActivityToasts } from '../../../client/shell/ActivityToasts';
import { activitySentence as sentence, type ActivityNotice } from '../../../client/shell/activity-words';
import { intlIn, renderIn } from '../../utils/intl';

const notice = (over: Partial<ActivityNotice>): ActivityNotice => ({ id: 'a1', type: 'arrange', by: 'Ada', at: 1, mine: false, ...over });
/** A lever entry's detail, as the board session records it (`switched` when the change was the on/off switch). */
const leverDetail = (id: string, label: string, enabled: boolean, switched = false) => JSON.stringify({ id, label, enabled, ...(switched ? { switched } : {}) });

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
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true, true) }))).toBe('Ada switched on "China ban".');
    expect(activitySentence(notice({ type: 'lever', mine: true, detail: leverDetail('ban', 'China ban', true, true) }))).toBeNull();
  });

  it('says switched off for the switch, changed for anything else, with the state it is in', async () => {
    const intl = await intlIn('en');
    const activitySentence = (n: ActivityNotice) => sentence(intl, n);
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', false, true) }))).toBe('Ada switched off "China ban".');
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true) }))).toBe('Ada changed "China ban" (it is on).');
    expect(activitySentence(notice({ type: 'lever', detail: leverDetail('ban', 'China ban', false) }))).toBe('Ada changed "China ban" (it is off).');
  });

  it('speaks Italian, with the person\'s name and the snapshot\'s as they are', async () => {
    const intl = await intlIn('it');
    expect(sentence(intl, notice({}))).toBe('Ada ha disposto la lavagna per fase.');
    expect(sentence(intl, notice({ mine: true }))).toBe('Hai disposto la lavagna per fase.');
    expect(sentence(intl, notice({ type: 'restore', detail: restoreDetail('Baseline', 1) }))).toBe('Ada ha ripristinato l\'istantanea "Baseline"; 1 leva è stata disattivata.');
    expect(sentence(intl, notice({ type: 'lever', detail: leverDetail('ban', 'China ban', false, true) }))).toBe('Ada ha disattivato "China ban".');
    expect(sentence(intl, notice({ type: 'lever', by: ' ', detail: leverDetail('ban', 'China ban', true) }))).toBe('Qualcuno ha modificato "China ban" (è attiva).');
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

  it('shows a lever change only to someone looking at that lever when it arrives', async () => {
    const lever = notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true, true) });
    const props = { onUndo: () => undefined, onDismiss: () => undefined };
    const { rerender } = await renderIn(<ActivityToasts notices={[lever]} watchingLever={() => false} {...props} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
    // Looking at the lever later does not bring back a change made while I looked elsewhere.
    rerender(<ActivityToasts notices={[lever]} watchingLever={(id) => id === 'ban'} {...props} />);
    expect(screen.queryByTestId('activity-toast')).toBeNull();
    // The next change arrives while I look: told, and it stays when I look away.
    const next = { ...lever, at: 2, detail: leverDetail('ban', 'China ban', false, true) };
    rerender(<ActivityToasts notices={[next]} watchingLever={(id) => id === 'ban'} {...props} />);
    expect((await screen.findByTestId('activity-toast')).textContent).toContain('Ada switched off "China ban".');
    rerender(<ActivityToasts notices={[next]} watchingLever={() => false} {...props} />);
    expect(screen.getByTestId('activity-toast').textContent).toContain('Ada switched off "China ban".');
    // My own lever change: nothing to tell, even while I look at it.
    rerender(<ActivityToasts notices={[{ ...next, at: 3, mine: true }]} watchingLever={(id) => id === 'ban'} {...props} />);
    await waitFor(() => expect(screen.queryByTestId('activity-toast')).toBeNull());
  });

  it('does not show a change of one lever to someone looking at another', async () => {
    const props = { onUndo: () => undefined, onDismiss: () => undefined };
    await renderIn(<ActivityToasts notices={[notice({ type: 'lever', detail: leverDetail('ban', 'China ban', true, true) }), notice({ id: 'y' })]} watchingLever={(id) => id === 'other'} {...props} />);
    // The arrange toast arrives (so the toast chunk is loaded), the lever one does not.
    expect((await screen.findAllByTestId('activity-toast')).map((t) => t.dataset.type)).toEqual(['arrange']);
  });
});
