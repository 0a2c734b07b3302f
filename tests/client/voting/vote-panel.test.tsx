import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { VotePanel } from '../../../client/voting/VotePanel';
import { VoteSetup } from '../../../client/voting/VoteSetup';
import { newVote, type VoteState } from '../../../shared/workshop/vote';
import { board, disruption } from '../../utils/board-builder';
import { renderIn } from '../../utils/intl';

const vote = newVote({ id: 'v1', subject: 'levers', options: [{ id: 'a', label: 'Ban A' }, { id: 'b', label: 'Ban B' }], perPerson: 2, by: 'Fay' }) as VoteState;

describe('VotePanel', () => {
  it('sends my whole ballot as I add and remove dots, and stops at my number of votes', async () => {
    const cast = vi.fn(async () => null);
    await renderIn(<VotePanel vote={vote} ballots={{}} personId="p-me" canControl={false} cast={cast} setVote={vi.fn()} onHide={vi.fn()} />);
    expect(screen.getByText(/You have 2 of 2 votes left/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a vote for Ban A' }));
    await waitFor(() => expect(cast).toHaveBeenLastCalledWith(['a']));
    fireEvent.click(screen.getByRole('button', { name: 'Add a vote for Ban A' }));
    await waitFor(() => expect(cast).toHaveBeenLastCalledWith(['a', 'a']));
    expect((screen.getByRole('button', { name: 'Add a vote for Ban B' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a vote from Ban A' }));
    await waitFor(() => expect(cast).toHaveBeenLastCalledWith(['a']));
    expect(screen.queryByRole('button', { name: 'Reveal results' })).toBeNull();
  });

  it('follows the document once my ballot is stored, even when the document caught up before the server answered', async () => {
    let answer: (problem: string | null) => void = () => {};
    const cast = vi.fn(() => new Promise<string | null>((resolve) => (answer = resolve)));
    const panel = (ballots: Record<string, string[]>) => <VotePanel vote={vote} ballots={ballots} personId="p-me" canControl={false} cast={cast} setVote={vi.fn()} onHide={vi.fn()} />;
    const { rerender } = await renderIn(panel({}));
    fireEvent.click(screen.getByRole('button', { name: 'Add a vote for Ban A' }));
    await waitFor(() => expect(cast).toHaveBeenCalledTimes(1));
    // The server writes the ballot into the document, which arrives before its HTTP answer.
    rerender(panel({ 'p-me': ['a'] }));
    answer(null);
    await waitFor(() => expect(cast).toHaveBeenCalledTimes(1));
    // My other tab adds a dot: this tab shows the document's ballot, not the one it sent.
    rerender(panel({ 'p-me': ['a', 'a'] }));
    await waitFor(() => expect(screen.getByText(/You have 0 of 2 votes left/)).toBeTruthy());
  });

  it('shows the server\'s sentence and my stored ballot when a vote is refused', async () => {
    const cast = vi.fn(async () => 'Voting is closed.');
    await renderIn(<VotePanel vote={vote} ballots={{ 'p-me': ['b'] }} personId="p-me" canControl={false} cast={cast} setVote={vi.fn()} onHide={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a vote for Ban A' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Voting is closed.');
    expect(screen.getByLabelText('0 of your votes')).toBeTruthy();
    expect(screen.getByLabelText('1 of your votes')).toBeTruthy();
  });

  it('hides the counts until the facilitator reveals them, then orders by count', async () => {
    const ballots = { p1: ['b'], p2: ['b', 'a'] };
    const { rerender } = await renderIn(<VotePanel vote={{ ...vote, status: 'closed' }} ballots={ballots} personId="p-me" canControl={false} cast={vi.fn()} setVote={vi.fn()} onHide={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toMatch(/2 people have voted/);
    expect(screen.queryByText('2 votes')).toBeNull();
    rerender(<VotePanel vote={{ ...vote, status: 'revealed' }} ballots={ballots} personId="p-me" canControl={false} cast={vi.fn()} setVote={vi.fn()} onHide={vi.fn()} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByText(/vote/).textContent)).toEqual(['2 votes', '1 vote']);
  });

  it('gives the facilitator close, reveal and end', async () => {
    const setVote = vi.fn();
    await renderIn(<VotePanel vote={vote} ballots={{}} personId="p-fay" canControl cast={vi.fn()} setVote={setVote} onHide={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close voting' }));
    expect(setVote).toHaveBeenLastCalledWith({ ...vote, status: 'closed' });
    fireEvent.click(screen.getByRole('button', { name: 'Reveal results' }));
    expect(setVote).toHaveBeenLastCalledWith({ ...vote, status: 'revealed' });
    fireEvent.click(screen.getByRole('button', { name: 'End the vote' }));
    expect(setVote).toHaveBeenLastCalledWith(null);
  });
});

describe('VoteSetup', () => {
  const levers = board([], [], [disruption('d1', { country: 'CN' }, 0, 90, { label: 'China ban' }), disruption('d2', { country: 'CD' }, 0.5, 30, { label: 'Congo strike' }), disruption('d3', { country: 'ID' }, 0, 60, { label: 'Nickel stop' })]);

  it('opens a vote on the ticked levers with the chosen number of votes', async () => {
    const onOpen = vi.fn();
    await renderIn(<VoteSetup board={levers} boardId="b" token="t" me="Fay" onOpen={onOpen} onCancel={vi.fn()} newId={() => 'v9'} />);
    fireEvent.click(screen.getByLabelText('Nickel stop'));
    fireEvent.change(screen.getByLabelText('Votes per person'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the vote' }));
    expect(onOpen).toHaveBeenCalledWith({ id: 'v9', subject: 'levers', options: ['d1', 'd2'], labels: ['China ban', 'Congo strike'], perPerson: 2, status: 'open', by: 'Fay' });
  });

  it('says why a vote cannot be opened', async () => {
    const onOpen = vi.fn();
    await renderIn(<VoteSetup board={levers} boardId="b" token="t" me="Fay" onOpen={onOpen} onCancel={vi.fn()} />);
    fireEvent.click(screen.getByLabelText('Nickel stop'));
    fireEvent.click(screen.getByLabelText('Congo strike'));
    fireEvent.click(screen.getByRole('button', { name: 'Open the vote' }));
    expect(screen.getByRole('alert').textContent).toBe('A vote needs at least two options.');
    expect(onOpen).not.toHaveBeenCalled();
  });
});
