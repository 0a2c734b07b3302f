/** "Present…": choose which snapshots become slides and in what order, then start the presentation. */
import { useEffect, useState } from 'react';
import { Modal } from '../shell/Modal';
import { listSnapshots, type SnapshotSummary } from '../snapshots/snapshot-api';
import { createDeck, moveSlide, toggleSlide, type SlideDeck } from './slides';
import './present.css';

/** Props of PresentSetup. */
export interface PresentSetupProps {
  boardId: string;
  token: string;
  /** Starts presenting these snapshot ids in this order. */
  onStart(ids: string[]): void;
  /** The presentation is being loaded (the start button waits). */
  busy?: boolean;
}

/** The button and its dialog. Every snapshot is a slide by default, oldest first. */
export function PresentSetup({ boardId, token, onStart, busy = false }: PresentSetupProps) {
  const [open, setOpen] = useState(false);
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [deck, setDeck] = useState<SlideDeck>(createDeck([]));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const abort = new AbortController();
    setSnapshots(null);
    setError(null);
    listSnapshots(boardId, token, abort.signal).then(
      (list) => {
        setSnapshots(list);
        setDeck(createDeck(list.map((s) => s.id)));
      },
      (e: Error) => !abort.signal.aborted && setError(e.message),
    );
    return () => abort.abort();
  }, [open, boardId, token]);

  const names = new Map((snapshots ?? []).map((s) => [s.id, s.name]));
  const unused = (snapshots ?? []).filter((s) => !deck.ids.includes(s.id));
  const start = () => {
    setOpen(false);
    onStart(deck.ids);
  };
  return (
    <>
      <button type="button" className="ls-button" onClick={() => setOpen(true)} disabled={busy}>{busy ? 'Loading slides…' : 'Present…'}</button>
      {open && (
        <Modal label="Present snapshots" onClose={() => setOpen(false)} className="ls-fac-present-setup">
          <h2>Present snapshots</h2>
          {error && <p role="alert">{error}</p>}
          {!snapshots && !error && <p role="status">Loading the snapshots…</p>}
          {snapshots?.length === 0 && <p className="ls-muted">Save a snapshot first: each snapshot is one slide.</p>}
          {deck.ids.length > 0 && (
            <ol className="ls-fac-slides" aria-label="Slides">
              {deck.ids.map((id, i) => (
                <li key={id}>
                  <span className="ls-fac-slides__name">{names.get(id) ?? id}</span>
                  <button type="button" className="ls-button ls-button--small" aria-label={`Move ${names.get(id)} earlier`} disabled={i === 0} onClick={() => setDeck((d) => moveSlide(d, id, -1))}>↑</button>
                  <button type="button" className="ls-button ls-button--small" aria-label={`Move ${names.get(id)} later`} disabled={i === deck.ids.length - 1} onClick={() => setDeck((d) => moveSlide(d, id, 1))}>↓</button>
                  <button type="button" className="ls-button ls-button--small ls-button--quiet" aria-label={`Leave out ${names.get(id)}`} onClick={() => setDeck((d) => toggleSlide(d, id))}>✕</button>
                </li>
              ))}
            </ol>
          )}
          {unused.length > 0 && (
            <p className="ls-fac-slides__unused">
              Left out:{' '}
              {unused.map((s) => (
                <button key={s.id} type="button" className="ls-button ls-button--small ls-button--quiet" onClick={() => setDeck((d) => toggleSlide(d, s.id))}>+ {s.name}</button>
              ))}
            </p>
          )}
          <footer className="ls-fac-slides__foot">
            <button type="button" className="ls-button ls-button--primary" onClick={start} disabled={deck.ids.length === 0}>
              Start presentation ({deck.ids.length} {deck.ids.length === 1 ? 'slide' : 'slides'})
            </button>
            <button type="button" className="ls-button ls-button--quiet" onClick={() => setOpen(false)}>Cancel</button>
          </footer>
        </Modal>
      )}
    </>
  );
}
