/** The dot vote as everyone sees it: my dots per option while it is open, the results once revealed, the facilitator's controls. */
import { useEffect, useRef, useState } from 'react';
import { ballotKey, moveDot, optionLabel, tally, type VoteState } from '../../shared/workshop/vote';
import { voteWords } from './vote-words';
import { useIntl } from 'react-intl';

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
  const words = voteWords(useIntl());
  const [pending, setPending] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);
  /** State, not only the ref: the document may catch up before the server answers, and the answer must re-check. */
  const [inFlight, setInFlight] = useState(false);
  const wanted = useRef<string[] | null>(null);
  const stored = ballots[personId];
  /** My ballot in the document when my last request was answered. */
  const storedWhenAnswered = useRef(stored);
  const latestStored = useRef(stored);
  latestStored.current = stored;
  const mine = pending ?? [...(stored ?? [])];
  const open = vote.status === 'open';
  const { counts, voters } = tally(vote, Object.entries(ballots).map(([person, choices]) => [ballotKey(vote.id, person), choices]));

  // Once my requests are answered, the document is the truth: stop showing the ballot I sent when the document
  // shows it, or when the document's ballot changes afterwards (my other tab voted too).
  useEffect(() => {
    if (pending && !inFlight && (same(stored, pending) || stored !== storedWhenAnswered.current)) setPending(null);
  }, [stored, pending, inFlight]);
  useEffect(() => {
    setPending(null);
    setError(null);
  }, [vote.id]);

  // One request at a time, always the latest ballot, so quick clicks cannot arrive out of order.
  const send = async () => {
    if (sending.current) return;
    sending.current = true;
    setInFlight(true);
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
    storedWhenAnswered.current = latestStored.current;
    setInFlight(false);
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
    <section className="vote-panel" aria-label={words.region} data-status={vote.status}>
      <header className="vote-head">
        <p className="vote-title">{words.question[vote.subject]}</p>
        <button type="button" className="icon-button" aria-label={words.hide} onClick={onHide}>×</button>
      </header>
      <p className="vote-status" role="status">{words.status[vote.status]} · {words.voters(voters)}</p>
      {open && <p className="vote-muted">{words.left(vote.perPerson - mine.length, vote.perPerson)} {words.viewerNote}</p>}
      <ul className="vote-list">
        {order.map((option) => {
          const label = optionLabel(vote, option);
          const dots = mine.filter((c) => c === option).length;
          return (
            <li key={option} data-option={option}>
              <span className="vote-label">{label}</span>
              <span className="vote-dots" aria-label={words.myDots(dots)}>{'●'.repeat(dots)}</span>
              {open && (
                <span className="vote-buttons">
                  <button type="button" className="ls-button ls-button--small" aria-label={words.removeDot(label)} disabled={dots === 0} onClick={() => change(option, true)}>−</button>
                  <button type="button" className="ls-button ls-button--small" aria-label={words.addDot(label)} disabled={mine.length >= vote.perPerson} onClick={() => change(option, false)}>+</button>
                </span>
              )}
              {vote.status === 'revealed' && (
                <span className="vote-result">
                  <span className="vote-bar" style={{ width: `${(100 * counts[option]) / most}%` }} />
                  <span className="vote-count" data-count={counts[option]}>{words.count(counts[option])}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" className="field-error">{error}</p>}
      {canControl && (
        <div className="vote-actions">
          {open && <button type="button" className="ls-button ls-button--small" onClick={() => setVote({ ...vote, status: 'closed' })}>{words.close}</button>}
          {vote.status === 'closed' && <button type="button" className="ls-button ls-button--small" onClick={() => setVote({ ...vote, status: 'open' })}>{words.reopen}</button>}
          {vote.status !== 'revealed' && <button type="button" className="ls-button ls-button--small ls-button--primary" onClick={() => setVote({ ...vote, status: 'revealed' })}>{words.reveal}</button>}
          <button type="button" className="ls-button ls-button--small" onClick={() => setVote(null)}>{words.end}</button>
        </div>
      )}
    </section>
  );
}
