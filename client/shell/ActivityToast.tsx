/** One toast: the sentence of a shared action, Undo on my own arrange or import, gone after a few seconds (loaded with the first notice). */
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { activitySentence, offersUndo, type ActivityNotice } from './activity-words';
import './shell.css';

/** How long a toast stays. */
export const TOAST_MS = 8000;

/** Props of ActivityToast. */
export interface ActivityToastProps {
  notice: ActivityNotice;
  onUndo(): void;
  onDismiss(id: string): void;
}

/** The toast, or nothing when there is nothing to tell (my own lever changes). */
export function ActivityToast({ notice, onUndo, onDismiss }: ActivityToastProps) {
  const intl = useIntl();
  const text = activitySentence(intl, notice);
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => onDismiss(notice.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.at, onDismiss, text === null]);
  if (text === null) return null;
  const t = (id: string) => intl.formatMessage({ id: `shell.activity.${id}` });
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
