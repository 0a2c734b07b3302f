/** Client entry: `/` is the landing page, `/b/<id>?token=` a board opened with a share link. */
import { StrictMode, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FormattedMessage } from 'react-intl';
import { I18nProvider } from './i18n/I18nProvider';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { lazyPart } from './shell/lazy-part';
import { loadIdentity, saveIdentity } from './shell/identity';
import { registerOfflineShell } from './shell/offline-shell';
import type { Me } from './sync/board-session';
import { BoardPage } from './views/BoardPage';
import { takeBoardToken } from './views/board-token';

/** The landing page, in its own chunk: a board link does not load it. */
const Landing = lazyPart(async () => (await import('./shell/Landing')).Landing);
/** The name-and-colour question, in its own chunk: only someone without a name on this device sees it. */
const IdentityDialog = lazyPart(async () => (await import('./shell/IdentityDialog')).IdentityDialog);

const homeLink = (chunks: ReactNode[]) => <a href="/">{chunks}</a>;

function App() {
  const [me, setMe] = useState<Me | null>(() => loadIdentity());
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(location.pathname);
  const [token] = useState(() => (match ? takeBoardToken(match[1]) : null));
  if (!match) return <Landing />;
  if (!token) {
    return (
      <div className="ls-page-message" role="alert">
        <FormattedMessage id="views.noToken" values={{ a: homeLink }} />
      </div>
    );
  }
  if (!me) {
    return (
      <IdentityDialog
        onSave={(identity) => {
          saveIdentity(identity);
          setMe(identity);
        }}
      />
    );
  }
  return <BoardPage boardId={match[1]} token={token} me={me} />;
}

registerOfflineShell();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
