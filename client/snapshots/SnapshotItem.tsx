/** One snapshot on the timeline: name, author, time, and its actions (open, compare, restore with confirmation, fork). */
import { useIntl, type IntlShape } from 'react-intl';
import type { SnapshotSummary } from './snapshot-api';
import { timeAgo } from '../i18n/format';

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

function absolute(intl: IntlShape, iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A list item; `data-snapshot` carries the id. */
export function SnapshotItem(props: SnapshotItemProps) {
  const { snapshot: s, busy } = props;
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `snapshots.item.${id}` }, values);
  const name = s.name;
  return (
    <li className={`ls-fac-snapshot${props.picked ? ' ls-fac-snapshot--picked' : ''}`} data-snapshot={s.id} aria-label={s.name}>
      <label className="ls-fac-snapshot__pick">
        <input type="checkbox" checked={props.picked} onChange={(e) => props.onPick(e.target.checked)} aria-label={t('pick', { name })} />
      </label>
      <div className="ls-fac-snapshot__text">
        <span className="ls-fac-snapshot__name">{s.name}</span>
        <span className="ls-muted ls-fac-snapshot__meta">
          {s.author} · <time dateTime={s.createdAt} title={absolute(intl, s.createdAt)}>{timeAgo(intl, s.createdAt, props.now)}</time>
        </span>
      </div>
      <div className="ls-fac-snapshot__actions">
        <button type="button" className="ls-button ls-button--small" onClick={props.onOpen} aria-label={t('openLabel', { name })}>{t('open')}</button>
        <button type="button" className="ls-button ls-button--small" onClick={props.onCompareLive} aria-label={t('compareLabel', { name })}>{t('compare')}</button>
        <button type="button" className="ls-button ls-button--small" onClick={props.onAskRestore} disabled={busy} aria-label={t('restoreLabel', { name })}>{t('restore')}</button>
        <button type="button" className="ls-button ls-button--small" onClick={props.onAskFork ?? props.onFork} disabled={busy} aria-label={t('forkLabel', { name })}>{t('fork')}</button>
      </div>
      {props.confirming && (
        <div className="ls-note ls-fac-confirm" role="group" aria-label={t('confirmRestoreLabel', { name })}>
          <p>{t('confirmRestore', { name })}</p>
          <div className="ls-inline">
            <button type="button" className="ls-button ls-button--primary ls-button--small" onClick={props.onRestore} disabled={busy}>
              {t(busy ? 'restoring' : 'restoreForEveryone')}
            </button>
            <button type="button" className="ls-button ls-button--small" onClick={props.onCancelRestore} disabled={busy}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {props.confirmingFork && (
        <div className="ls-note ls-fac-confirm" role="group" aria-label={t('confirmForkLabel', { name })}>
          <p>{t('confirmFork', { name })}</p>
          <div className="ls-inline">
            <button type="button" className="ls-button ls-button--primary ls-button--small" onClick={props.onFork} disabled={busy}>
              {t(busy ? 'forking' : 'forkAndOpen')}
            </button>
            <button type="button" className="ls-button ls-button--small" onClick={props.onCancelFork} disabled={busy}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </li>
  );
}
