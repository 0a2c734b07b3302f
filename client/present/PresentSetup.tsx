/** "Present…": choose which snapshots become slides and in what order, then start the presentation. */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
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
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `present.setup.${id}` }, values);
  const [open, setOpen] = useState(false);
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [deck, setDeck] = useState<SlideDeck>(createDeck([]));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const abort = new AbortController();
    setSnapshots(null);
    setError(null);
    listSnapshots(boardId, token, abort.signal, intl).then(
      (list) => {
        setSnapshots(list);
        setDeck(createDeck(list.map((s) => s.id)));
      },
      (e: Error) => !abort.signal.aborted && setError(apiErrorMessage(intl, e, 'snapshots.timeline.loadFailed')),
    );
    return () => abort.abort();
  }, [open, boardId, token, intl]);

  const names = new Map((snapshots ?? []).map((s) => [s.id, s.name]));
  const unused = (snapshots ?? []).filter((s) => !deck.ids.includes(s.id));
  const start = () => {
    setOpen(false);
    onStart(deck.ids);
  };
  return (
    <>
      <button type="button" className="ls-button" onClick={() => setOpen(true)} disabled={busy}>{t(busy ? 'loadingSlides' : 'open')}</button>
      {open && (
        <Modal label={t('title')} onClose={() => setOpen(false)} className="ls-fac-present-setup">
          <h2>{t('title')}</h2>
          {error && <p role="alert">{error}</p>}
          {!snapshots && !error && <p role="status">{t('loading')}</p>}
          {snapshots?.length === 0 && <p className="ls-muted">{t('empty')}</p>}
          {deck.ids.length > 0 && (
            <ol className="ls-fac-slides" aria-label={t('slides')}>
              {deck.ids.map((id, i) => (
                <li key={id}>
                  <span className="ls-fac-slides__name">{names.get(id) ?? id}</span>
                  <button type="button" className="ls-button ls-button--small" aria-label={t('earlier', { name: names.get(id) ?? id })} disabled={i === 0} onClick={() => setDeck((d) => moveSlide(d, id, -1))}>↑</button>
                  <button type="button" className="ls-button ls-button--small" aria-label={t('later', { name: names.get(id) ?? id })} disabled={i === deck.ids.length - 1} onClick={() => setDeck((d) => moveSlide(d, id, 1))}>↓</button>
                  <button type="button" className="ls-button ls-button--small ls-button--quiet" aria-label={t('leaveOut', { name: names.get(id) ?? id })} onClick={() => setDeck((d) => toggleSlide(d, id))}>✕</button>
                </li>
              ))}
            </ol>
          )}
          {unused.length > 0 && (
            <p className="ls-fac-slides__unused">
              {t('leftOut')}{' '}
              {unused.map((s) => (
                <button key={s.id} type="button" className="ls-button ls-button--small ls-button--quiet" onClick={() => setDeck((d) => toggleSlide(d, s.id))}>+ {s.name}</button>
              ))}
            </p>
          )}
          <footer className="ls-fac-slides__foot">
            <button type="button" className="ls-button ls-button--primary" onClick={start} disabled={deck.ids.length === 0}>
              {t('start', { count: deck.ids.length })}
            </button>
            <button type="button" className="ls-button ls-button--quiet" onClick={() => setOpen(false)}>{t('cancel')}</button>
          </footer>
        </Modal>
      )}
    </>
  );
}
