/** One snapshot on the timeline: name, author, time, and its actions (open, compare, restore with confirmation, fork). */
import { timeAgo } from '../shell/format';
import type { SnapshotSummary } from './snapshot-api';

/** Props of SnapshotItem. */
export interface SnapshotItemProps {
  snapshot: SnapshotSummary;
  now: number;
  picked: boolean;
  confirming: boolean;
  busy: boolean;
  onPick(picked: boolean): void;
  onOpen(): void;
  onCompareLive(): void;
  onAskRestore(): void;
  onRestore(): void;
  onCancelRestore(): void;
  /** The fork confirmation is shown. */
  confirmingFork?: boolean;
  onAskFork?(): void;
  onCancelFork?(): void;
  onFork(): void;
}

function absolute(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A list item; `data-snapshot` carries the id. */
export function SnapshotItem(props: SnapshotItemProps) {
  const { snapshot: s, busy } = props;
  return (
    <li className={`ls-fac-snapshot${props.picked ? ' ls-fac-snapshot--picked' : ''}`} data-snapshot={s.id} aria-label={s.name}>
      <label className="ls-fac-snapshot__pick">
        <input type="checkbox" checked={props.picked} onChange={(e) => props.onPick(e.target.checked)} aria-label={`Pick "${s.name}" to compare`} />
      </label>
      <div className="ls-fac-snapshot__text">
        <span className="ls-fac-snapshot__name">{s.name}</span>
        <span className="ls-muted ls-fac-snapshot__meta">
          {s.author} · <time dateTime={s.createdAt} title={absolute(s.createdAt)}>{timeAgo(s.createdAt, props.now)}</time>
        </span>
      </div>
      <div className="ls-fac-snapshot__actions">
        <button type="button" className="ls-button ls-button--small" onClick={props.onOpen} aria-label={`Open "${s.name}"`}>Open</button>
        <button type="button" className="ls-button ls-button--small" onClick={props.onCompareLive} aria-label={`Compare "${s.name}" with the live board`}>Compare with live</button>
        <button type="button" className="ls-button ls-button--small" onClick={props.onAskRestore} disabled={busy} aria-label={`Restore "${s.name}"`}>Restore…</button>
        <button type="button" className="ls-button ls-button--small" onClick={props.onAskFork ?? props.onFork} disabled={busy} aria-label={`Fork "${s.name}" into a new board`}>Fork…</button>
      </div>
      {props.confirming && (
        <div className="ls-note ls-fac-confirm" role="group" aria-label={`Confirm restoring "${s.name}"`}>
          <p>
            Restore “{s.name}” for everyone? The live board changes to this snapshot. The board as it is now is saved first, so the
            restore can be undone.
          </p>
          <div className="ls-inline">
            <button type="button" className="ls-button ls-button--primary ls-button--small" onClick={props.onRestore} disabled={busy}>
              {busy ? 'Restoring…' : 'Restore for everyone'}
            </button>
            <button type="button" className="ls-button ls-button--small" onClick={props.onCancelRestore} disabled={busy}>Cancel</button>
          </div>
        </div>
      )}
      {props.confirmingFork && (
        <div className="ls-note ls-fac-confirm" role="group" aria-label={`Confirm forking "${s.name}"`}>
          <p>
            Make a new board from “{s.name}”? It opens in a new tab as its facilitator; this board stays open here and nobody else is moved.
          </p>
          <div className="ls-inline">
            <button type="button" className="ls-button ls-button--primary ls-button--small" onClick={props.onFork} disabled={busy}>
              {busy ? 'Forking…' : 'Fork and open in a new tab'}
            </button>
            <button type="button" className="ls-button ls-button--small" onClick={props.onCancelFork} disabled={busy}>Cancel</button>
          </div>
        </div>
      )}
    </li>
  );
}
