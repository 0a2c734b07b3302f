/** The connection as a person sees it: a small pill always, a banner with a sentence when something is wrong. */
import type { ConnectionStatus } from '../state/types';
import './shell.css';

/** Props of ConnectionBanner. */
export interface ConnectionBannerProps {
  status: ConnectionStatus;
  message: string | null;
  loaded: boolean;
}

const PILL: Record<ConnectionStatus, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline — edits kept on this device',
  refused: 'Refused',
};

/** The pill and, when there is a message, the banner. */
export function ConnectionBanner({ status, message, loaded }: ConnectionBannerProps) {
  const loading = !loaded && status !== 'refused';
  return (
    <div className="ls-shell ls-connection">
      <span className={`ls-pill ls-pill--${status}`} data-testid="connection-status" data-status={status} data-loaded={loaded} title={loading ? 'The board has not arrived yet' : undefined}>
        <span className="ls-pill__dot" aria-hidden="true" />
        {PILL[status]}
      </span>
      {message && (
        <div role="alert" className={`ls-banner ls-banner--${status}`}>
          <span>{message}</span>
          {status === 'refused' && (
            <a className="ls-banner__link" href="/">
              Back to your boards
            </a>
          )}
        </div>
      )}
      {!message && loading && status === 'offline' && (
        <div role="status" className="ls-banner ls-banner--offline">
          <span>This board is not on this device yet; it will appear when the connection comes back.</span>
        </div>
      )}
    </div>
  );
}
