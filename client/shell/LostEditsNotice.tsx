/** After a reconnect: which of my offline edits someone else overwrote meanwhile (shown until dismissed). */
import { useIntl } from 'react-intl';
import { describeLostEdits } from '../sync/lost-edit-words';
import type { LostEdit } from '../sync/offline-edits';
import './shell.css';

/** Props of LostEditsNotice. */
export interface LostEditsNoticeProps {
  lost: LostEdit[] | undefined;
  onDismiss(): void;
}

/** The notice, or nothing when no edit was lost. */
export function LostEditsNotice({ lost, onDismiss }: LostEditsNoticeProps) {
  const intl = useIntl();
  const lines = describeLostEdits(intl, lost ?? []);
  if (lines.length === 0) return null;
  const t = (id: string, count: number) => intl.formatMessage({ id: `sync.lost.${id}` }, { count });
  return (
    <div role="alert" className="ls-shell ls-lost-edits" data-testid="lost-edits">
      <strong>{t('heading', lines.length)}</strong>
      <ul>
        {lines.slice(0, 8).map((line) => <li key={line}>{line}</li>)}
        {lines.length > 8 && <li>{t('more', lines.length - 8)}</li>}
      </ul>
      <button type="button" className="ls-button ls-button--small" onClick={onDismiss}>{t('dismiss', 0)}</button>
    </div>
  );
}
