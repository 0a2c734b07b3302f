/** Short toasts for shared actions, with the person's name; Undo on my own arrange or import; each goes after a few seconds. */
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { activitySentence, leverOf, offersUndo, type ActivityNotice } from './activity-words';
import './shell.css';

/** How long a toast stays. */
export const TOAST_MS = 8000;

/** Props of ActivityToasts. */
export interface ActivityToastsProps {
  notices: ActivityNotice[] | undefined;
  /** Whether I am looking at this lever (lever toasts show only then). */
  watchingLever(id: string): boolean;
  onUndo(): void;
  onDismiss(id: string): void;
}

function Toast({ notice, text, onUndo, onDismiss }: { notice: ActivityNotice; text: string; onUndo(): void; onDismiss(id: string): void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `shell.activity.${id}` });
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.at, onDismiss]);
  return (
    <li className="ls-toast" data-testid="activity-toast" data-type={notice.type}>
      <span>{text}</span>
      {offersUndo(notice) && (
        <button type="button" className="ls-button ls-button--small" onClick={() => (onUndo(), onDismiss(notice.id))} aria-label={t(`undo.${notice.type}`)}>{t('undo')}</button>
      )}
      <button type="button" className="ls-toast__close" aria-label={t('dismiss')} onClick={() => onDismiss(notice.id)}>×</button>
    </li>
  );
}

/** The stack of toasts (bottom centre), announced politely to screen readers. */
export function ActivityToasts({ notices, watchingLever, onUndo, onDismiss }: ActivityToastsProps) {
  const intl = useIntl();
  const shown = (notices ?? []).flatMap((notice) => {
    const lever = leverOf(notice);
    if (lever !== null && !watchingLever(lever)) return [];
    const text = activitySentence(intl, notice);
    return text ? [{ notice, text }] : [];
  });
  return (
    <ul className="ls-shell ls-toasts" role="status" aria-live="polite">
      {shown.map(({ notice, text }) => <Toast key={`${notice.id}-${notice.at}`} notice={notice} text={text} onUndo={onUndo} onDismiss={onDismiss} />)}
    </ul>
  );
}
