/**
 * The facilitator's snapshot timeline: save the board as a named snapshot in one click, then open, compare,
 * restore (for everyone, undoable) or fork any snapshot. Newest first.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import {
  forkSnapshot,
  listSnapshots,
  restoreSnapshot,
  saveSnapshot,
  snapshotNameProblem,
  type SnapshotSummary,
} from './snapshot-api';
import { SnapshotItem } from './SnapshotItem';
import '../shell/shell.css';
import './snapshots.css';
import '../shell/tool-panel.css';

/** Props of SnapshotTimeline. */
export interface SnapshotTimelineProps {
  boardId: string;
  /** A facilitator token for the board. */
  token: string;
  /** Shows a snapshot read-only. */
  onOpen(snapshotId: string): void;
  /** Compares two snapshots (older first), or a snapshot with the live board. */
  onCompare(fromId: string, toId: string | 'live'): void;
  /** Opens another page, in a new tab on the board page (the fork's facilitator link, a path such as `/b/<id>?token=...`). */
  navigate(url: string): void;
  /** Who saves and restores (the person's display name); the server says "facilitator" otherwise. */
  author?: string;
  /** The clock for relative times (tests). */
  now?: () => number;
}

type Notice = { text: string; undo?: SnapshotSummary; /** The new board (a fork), linked in case the new tab was blocked. */ link?: string };

/** The timeline panel. */
export function SnapshotTimeline({ boardId, token, onOpen, onCompare, navigate, author, now = Date.now }: SnapshotTimelineProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `snapshots.timeline.${id}` }, values);
  const ids = useId();
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [confirmingFork, setConfirmingFork] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const list = await listSnapshots(boardId, token, signal, intl);
        setSnapshots(list);
        setLoadError(null);
        setPicked((current) => current.filter((id) => list.some((s) => s.id === id)));
      } catch (failure) {
        if (signal?.aborted) return;
        setLoadError(apiErrorMessage(intl, failure, 'snapshots.timeline.loadFailed'));
      }
    },
    [boardId, token, intl],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = name.trim() || t('defaultName', { number: (snapshots?.length ?? 0) + 1 });
    const problem = snapshotNameProblem(intl, chosen);
    setNameError(problem);
    if (problem) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await saveSnapshot(boardId, token, chosen, author, intl);
      setSnapshots((list) => [...(list ?? []), saved]);
      setName('');
      setNotice({ text: t('saved', { name: saved.name }) });
    } catch (failure) {
      setError(apiErrorMessage(intl, failure, 'snapshots.timeline.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const restore = async (snapshot: SnapshotSummary) => {
    setBusy(snapshot.id);
    setError(null);
    try {
      const result = await restoreSnapshot(boardId, token, snapshot.id, author, intl);
      setConfirming(null);
      setNotice({ text: t('restored', { name: result.restored.name, backup: result.backup.name }), undo: result.backup });
      await load();
    } catch (failure) {
      setError(apiErrorMessage(intl, failure, 'snapshots.timeline.restoreFailed'));
    } finally {
      setBusy(null);
    }
  };

  const fork = async (snapshot: SnapshotSummary) => {
    setBusy(snapshot.id);
    setError(null);
    try {
      const created = await forkSnapshot(boardId, token, snapshot.id, undefined, intl);
      setConfirmingFork(null);
      setNotice({ text: t('forked', { name: snapshot.name }), link: created.links.facilitator });
      navigate(created.links.facilitator);
    } catch (failure) {
      setError(apiErrorMessage(intl, failure, 'snapshots.timeline.forkFailed'));
    } finally {
      setBusy(null);
    }
  };

  // Picking a third snapshot drops the earliest pick, so two are always at hand.
  const pick = (id: string, on: boolean) => setPicked((current) => (on ? [...current.filter((x) => x !== id), id].slice(-2) : current.filter((x) => x !== id)));

  const comparePicked = () => {
    if (!snapshots || picked.length !== 2) return;
    // Older first: the list is oldest first.
    const [from, to] = snapshots.filter((s) => picked.includes(s.id)).map((s) => s.id);
    onCompare(from, to);
  };

  const clock = now();
  const newestFirst = snapshots ? [...snapshots].reverse() : [];

  return (
    <section className="ls-shell ls-fac-panel ls-fac-timeline" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-fac-title">{t('title')}</h2>
      <form className="ls-fac-save" onSubmit={save} noValidate>
        <label className="ls-visually-hidden" htmlFor={`${ids}-name`}>{t('nameLabel')}</label>
        <input
          id={`${ids}-name`}
          className="ls-input"
          value={name}
          placeholder={t('defaultName', { number: (snapshots?.length ?? 0) + 1 })}
          maxLength={240}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${ids}-name-problem` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
        />
        <button type="submit" className="ls-button ls-button--primary" disabled={saving}>{t(saving ? 'saving' : 'save')}</button>
      </form>
      {nameError && <p id={`${ids}-name-problem`} className="ls-field__problem">{nameError}</p>}
      {error && <div role="alert" className="ls-error"><p>{error}</p></div>}
      {notice && (
        <div role="status" className="ls-fac-notice">
          <p>{notice.text}</p>
          {notice.link && <a className="ls-button ls-button--small" href={notice.link} target="_blank" rel="noopener">{t('openNew')}</a>}
          {notice.undo && (
            <button type="button" className="ls-button ls-button--small" disabled={busy !== null} onClick={() => void restore(notice.undo!)}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      {loadError && (
        <div role="alert" className="ls-error">
          <p>{loadError}</p>
          <button type="button" className="ls-button ls-button--small" onClick={() => void load()}>{t('retry')}</button>
        </div>
      )}
      {snapshots === null && !loadError && <p className="ls-muted" role="status">{t('loading')}</p>}
      {snapshots !== null && snapshots.length === 0 && <p className="ls-muted">{t('empty')}</p>}
      {snapshots !== null && snapshots.length >= 2 && (
        <div className="ls-fac-compare-picked">
          <span className="ls-muted">{t(picked.length === 2 ? 'twoPicked' : 'pickTwo')}</span>
          <button type="button" className="ls-button ls-button--small" disabled={picked.length !== 2} onClick={comparePicked}>{t('comparePicked')}</button>
        </div>
      )}
      {newestFirst.length > 0 && (
        <ol className="ls-fac-snapshots" aria-label={t('listLabel')}>
          {newestFirst.map((s) => (
            <SnapshotItem
              key={s.id}
              snapshot={s}
              now={clock}
              picked={picked.includes(s.id)}
              confirming={confirming === s.id}
              busy={busy === s.id}
              onPick={(on) => pick(s.id, on)}
              onOpen={() => onOpen(s.id)}
              onCompareLive={() => onCompare(s.id, 'live')}
              onAskRestore={() => setConfirming(s.id)}
              onRestore={() => void restore(s)}
              onCancelRestore={() => setConfirming(null)}
              confirmingFork={confirmingFork === s.id}
              onAskFork={() => setConfirmingFork(s.id)}
              onCancelFork={() => setConfirmingFork(null)}
              onFork={() => void fork(s)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
