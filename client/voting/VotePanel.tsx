/** The dot vote as everyone sees it: my dots per option while it is open, the results once revealed, the facilitator's controls. */
import { useEffect, useRef, useState } from 'react';
import { ballotKey, moveDot, optionLabel, tally, type VoteState } from '../../shared/workshop/vote';
import { VOTE_WORDS } from './vote-words';

/** Props of VotePanel. */
export interface VotePanelProps {
  vote: VoteState;
  /** Person id -> options, the ballots of this vote. */
  ballots: Readonly<Record<string, readonly string[]>>;
  personId: string;
  /** Facilitators close, reveal and end the vote. */
  canControl: boolean;
  /** Sends my whole ballot; resolves null when stored, else a sentence. */
  cast(choices: string[]): Promise<string | null>;
  setVote(vote: VoteState | null): void;
  onHide(): void;
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/** One vote, its options and (revealed) its counts. */
export function VotePanel({ vote, ballots, personId, canControl, cast, setVote, onHide }: VotePanelProps) {
  const [pending, setPending] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);
  const wanted = useRef<string[] | null>(null);
  const stored = ballots[personId];
  const mine = pending ?? [...(stored ?? [])];
  const open = vote.status === 'open';
  const { counts, voters } = tally(vote, Object.entries(ballots).map(([person, choices]) => [ballotKey(vote.id, person), choices]));

  // My ballot as the document shows it has caught up: stop showing the one I sent.
  useEffect(() => {
    if (pending && !sending.current && same(stored, pending)) setPending(null);
  }, [stored, pending]);
  useEffect(() => {
    setPending(null);
    setError(null);
  }, [vote.id]);

  // One request at a time, always the latest ballot, so quick clicks cannot arrive out of order.
  const send = async () => {
    if (sending.current) return;
    sending.current = true;
    while (wanted.current) {
      const choices = wanted.current;
      wanted.current = null;
      const problem = await cast(choices);
      if (problem) {
        wanted.current = null;
        setError(problem);
        setPending(null);
        break;
      }
    }
    sending.current = false;
  };
  const change = (option: string, remove: boolean) => {
    const next = moveDot(mine, option, vote.perPerson, remove);
    setError(null);
    setPending(next);
    wanted.current = next;
    void send();
  };
  const order = vote.status === 'revealed' ? [...vote.options].sort((a, b) => counts[b] - counts[a]) : vote.options;
  const most = Math.max(1, ...Object.values(counts));

  return (
    <section className="vote-panel" aria-label={VOTE_WORDS.region} data-status={vote.status}>
      <header className="vote-head">
        <p className="vote-title">{VOTE_WORDS.question[vote.subject]}</p>
        <button type="button" className="icon-button" aria-label={VOTE_WORDS.hide} onClick={onHide}>×</button>
      </header>
      <p className="vote-status" role="status">{VOTE_WORDS.status[vote.status]} · {VOTE_WORDS.voters(voters)}</p>
      {open && <p className="vote-muted">{VOTE_WORDS.left(vote.perPerson - mine.length, vote.perPerson)} {VOTE_WORDS.viewerNote}</p>}
      <ul className="vote-list">
        {order.map((option) => {
          const label = optionLabel(vote, option);
          const dots = mine.filter((c) => c === option).length;
          return (
            <li key={option} data-option={option}>
              <span className="vote-label">{label}</span>
              <span className="vote-dots" aria-label={VOTE_WORDS.myDots(dots)}>{'●'.repeat(dots)}</span>
              {open && (
                <span className="vote-buttons">
                  <button type="button" className="ls-button ls-button--small" aria-label={VOTE_WORDS.removeDot(label)} disabled={dots === 0} onClick={() => change(option, true)}>−</button>
                  <button type="button" className="ls-button ls-button--small" aria-label={VOTE_WORDS.addDot(label)} disabled={mine.length >= vote.perPerson} onClick={() => change(option, false)}>+</button>
                </span>
              )}
              {vote.status === 'revealed' && (
                <span className="vote-result">
                  <span className="vote-bar" style={{ width: `${(100 * counts[option]) / most}%` }} />
                  <span className="vote-count" data-count={counts[option]}>{VOTE_WORDS.count(counts[option])}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" className="field-error">{error}</p>}
      {canControl && (
        <div className="vote-actions">
          {open && <button type="button" className="ls-button ls-button--small" onClick={() => setVote({ ...vote, status: 'closed' })}>{VOTE_WORDS.close}</button>}
          {vote.status === 'closed' && <button type="button" className="ls-button ls-button--small" onClick={() => setVote({ ...vote, status: 'open' })}>{VOTE_WORDS.reopen}</button>}
          {vote.status !== 'revealed' && <button type="button" className="ls-button ls-button--small ls-button--primary" onClick={() => setVote({ ...vote, status: 'revealed' })}>{VOTE_WORDS.reveal}</button>}
          <button type="button" className="ls-button ls-button--small" onClick={() => setVote(null)}>{VOTE_WORDS.end}</button>
        </div>
      )}
    </section>
  );
}
