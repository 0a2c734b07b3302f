/** The facilitator's form that opens a dot vote on levers or snapshots. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Board } from '../../shared/board/types';
import { MAX_DOTS, newVote, type VoteState, type VoteSubject } from '../../shared/workshop/vote';
import { listSnapshots } from '../snapshots/snapshot-api';
import { voteWords } from './vote-words';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';

/** Props of VoteSetup. */
export interface VoteSetupProps {
  board: Board;
  boardId: string;
  token: string;
  me: string;
  onOpen(vote: VoteState): void;
  onCancel(): void;
  /** Fresh vote ids. */
  newId?(): string;
}

type Option = { id: string; label: string };

/** Subject, options (all ticked at first), dots per person. */
export function VoteSetup({ board, boardId, token, me, onOpen, onCancel, newId = () => `v-${crypto.randomUUID().slice(0, 8)}` }: VoteSetupProps) {
  const intl = useIntl();
  const words = voteWords(intl);
  const id = useId();
  const [subject, setSubject] = useState<VoteSubject>('levers');
  const [snapshots, setSnapshots] = useState<Option[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [dots, setDots] = useState('3');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (subject !== 'snapshots' || snapshots !== null) return;
    const abort = new AbortController();
    listSnapshots(boardId, token, abort.signal, intl)
      .then((list) => setSnapshots(list.map((s) => ({ id: s.id, label: s.name }))))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setLoadError(apiErrorMessage(intl, e, 'voting.snapshotsFailed'));
      });
    return () => abort.abort();
  }, [subject, snapshots, boardId, token, intl]);

  const options: Option[] = subject === 'levers' ? board.scenario.disruptions.map((d) => ({ id: d.id, label: d.label })) : (snapshots ?? []);
  const chosen = options.filter((o) => !unticked.has(o.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const vote = newVote({ id: newId(), subject, options: chosen, perPerson: Number(dots), by: me });
    if ('code' in vote) setError(words.setupProblem(vote));
    else onOpen(vote);
  };
  const toggle = (option: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(option);
    else next.add(option);
    setUnticked(next);
  };

  return (
    <form className="vote-setup" aria-label={words.setupTitle} onSubmit={submit}>
      <p className="vote-title">{words.setupTitle}</p>
      <fieldset className="vote-subject">
        <legend>{words.subjectLegend}</legend>
        {(['levers', 'snapshots'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name={`${id}-subject`} checked={subject === s} onChange={() => { setSubject(s); setUnticked(new Set()); setError(null); }} />
            {words.subjectName[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className="vote-options">
        <legend>{words.optionsLegend}</legend>
        {subject === 'snapshots' && snapshots === null && !loadError && <p className="vote-muted">{words.loadingSnapshots}</p>}
        {loadError && subject === 'snapshots' && <p role="alert" className="field-error">{loadError}</p>}
        {options.length === 0 && (subject === 'levers' || snapshots !== null) && <p className="vote-muted">{words.noOptions[subject]}</p>}
        {options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={!unticked.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <label className="vote-perperson">
        {words.dotsLabel}
        <input type="number" min={1} max={MAX_DOTS} value={dots} onChange={(e) => setDots(e.target.value)} />
      </label>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="vote-actions">
        <button type="submit" className="ls-button ls-button--small ls-button--primary">{words.open}</button>
        <button type="button" className="ls-button ls-button--small" onClick={onCancel}>{words.cancel}</button>
      </div>
    </form>
  );
}
