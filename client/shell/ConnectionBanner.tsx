/** The connection as a person sees it: a small pill always (its sentence as tooltip), a banner with a sentence when something is wrong. */
import { useIntl } from 'react-intl';
import { connectionPill, connectionSentence, type ConnectionMessage } from '../sync/connection-state';
import type { ConnectionStatus } from '../state/types';
import './shell.css';

/** Props of ConnectionBanner. */
export interface ConnectionBannerProps {
  status: ConnectionStatus;
  message: ConnectionMessage | null;
  loaded: boolean;
  /** The server's content arrived on this connection (undefined: treated as synced once connected). */
  synced?: boolean;
}

/** The pill and, when there is a message, the banner. */
export function ConnectionBanner({ status, message, loaded, synced }: ConnectionBannerProps) {
  const isSynced = synced ?? (status === 'connected' && loaded);
  const intl = useIntl();
  const sentence = connectionSentence(intl, { status, synced: isSynced, loaded, message });
  return (
    <div className="ls-shell ls-connection">
      <span className={`ls-pill ls-pill--${status}`} data-testid="connection-status" data-status={status} data-synced={isSynced} data-loaded={loaded} title={sentence} aria-label={sentence}>
        <span className="ls-pill__dot" aria-hidden="true" />
        {connectionPill(intl, { status, synced: isSynced })}
      </span>
      {(status === 'offline' || status === 'refused') && (
        <div role="alert" className={`ls-banner ls-banner--${status}`} data-testid="connection-banner">
          <span>{sentence}</span>
          {status === 'refused' && (
            <a className="ls-banner__link" href="/">
              {intl.formatMessage({ id: 'sync.connection.backToBoards' })}
            </a>
          )}
        </div>
      )}
    </div>
  );
}
