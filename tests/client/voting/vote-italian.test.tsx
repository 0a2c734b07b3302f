/** The dot vote in Italian and English: the panel, the setup and its refusal, and the server's ballot refusals worded from their codes (#17). */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendBallot } from '../../../client/voting/ballot-api';
import { VotePanel } from '../../../client/voting/VotePanel';
import { VoteSetup } from '../../../client/voting/VoteSetup';
import { ballotRefusal, newVote, type VoteState } from '../../../shared/workshop/vote';
import { board, disruption } from '../../utils/board-builder';
import { intlIn, renderIn } from '../../utils/intl';

const vote = newVote({ id: 'v1', subject: 'levers', options: [{ id: 'a', label: 'Ban A' }, { id: 'b', label: 'Ban B' }], perPerson: 2, by: 'Fay' }) as VoteState;
const levers = board([], [], [disruption('d1', { country: 'CN' }, 0, 90, { label: 'China ban' }), disruption('d2', { country: 'CD' }, 0.5, 30, { label: 'Congo strike' })]);

describe('VotePanel in Italian', () => {
  it('asks the question, counts my votes left and names the buttons in Italian', async () => {
    const cast = vi.fn(async () => null);
    await renderIn(<VotePanel vote={vote} ballots={{}} personId="p-me" canControl cast={cast} setVote={vi.fn()} onHide={vi.fn()} />, 'it');
    expect(screen.getByRole('region', { name: 'Votazione a punti' })).toBeTruthy();
    expect(screen.getByText('Quale leva dopo?')).toBeTruthy();
    expect(screen.getByText(/Ti restano 2 voti su 2\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi un voto a Ban A' }));
    await waitFor(() => expect(cast).toHaveBeenLastCalledWith(['a']));
    expect(screen.getByRole('button', { name: 'Chiudi la votazione' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mostra i risultati' })).toBeTruthy();
  });

  it('shows the revealed counts and voters in Italian', async () => {
    const ballots = { p1: ['b'], p2: ['b', 'a'] };
    await renderIn(<VotePanel vote={{ ...vote, status: 'revealed' }} ballots={ballots} personId="p-me" canControl={false} cast={vi.fn()} setVote={vi.fn()} onHide={vi.fn()} />, 'it');
    expect(screen.getByRole('status').textContent).toBe('Risultati · Hanno votato 2 persone');
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByText(/voto|voti/).textContent)).toEqual(['2 voti', '1 voto']);
  });
});

describe('VoteSetup in both languages', () => {
  const refuse = async (locale: 'en' | 'it', labels: { strike: string; open: string }) => {
    const onOpen = vi.fn();
    await renderIn(<VoteSetup board={levers} boardId="b" token="t" me="Fay" onOpen={onOpen} onCancel={vi.fn()} />, locale);
    fireEvent.click(screen.getByLabelText(labels.strike));
    fireEvent.click(screen.getByRole('button', { name: labels.open }));
    expect(onOpen).not.toHaveBeenCalled();
    return screen.getByRole('alert').textContent;
  };

  it('says in Italian why a vote with one option cannot be opened', async () => {
    expect(await refuse('it', { strike: 'Congo strike', open: 'Apri la votazione' })).toBe('Una votazione richiede almeno due opzioni.');
  });

  it('says it in English from the same code', async () => {
    expect(await refuse('en', { strike: 'Congo strike', open: 'Open the vote' })).toBe('A vote needs at least two options.');
  });
});

describe('A refused ballot in the person\'s language', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, body: unknown) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })));
  const ballot = { vote: 'v1', person: 'p-me', choices: ['a', 'b', 'a'] };

  it('words the server\'s too-many-choices refusal from its code and numbers, in Italian and English', async () => {
    const refusal = ballotRefusal(vote, 'v1', ballot.choices)!;
    answer(409, { error: refusal.sentence, code: refusal.code, ...refusal.fields });
    expect(await sendBallot(await intlIn('it'), 'b', 't', ballot)).toBe('Hai 2 voti; questa scheda ne contiene 3.');
    expect(await sendBallot(await intlIn('en'), 'b', 't', ballot)).toBe('You have 2 votes; this ballot has 3.');
  });

  it('says voting is closed in Italian', async () => {
    const refusal = ballotRefusal({ ...vote, status: 'closed' }, 'v1', ['a'])!;
    answer(409, { error: refusal.sentence, code: refusal.code, ...refusal.fields });
    expect(await sendBallot(await intlIn('it'), 'b', 't', ballot)).toBe('La votazione è chiusa.');
  });

  it('keeps the server\'s sentence for a code the catalogs do not know', async () => {
    answer(409, { error: 'Something new went wrong.', code: 'brand-new' });
    expect(await sendBallot(await intlIn('it'), 'b', 't', ballot)).toBe('Something new went wrong.');
  });
});
