/** The landing page: known boards, server boards, new board, open a share link, import a board file. */
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { Role } from '../state/types';
import { listBoards, type CreatedBoard } from './api';
import { KnownBoardList, ServerBoardList, type ServerBoards } from './BoardLists';
import { ImportForm } from './ImportForm';
import { forget, list, remember, tokensOf } from './known-boards';
import { NewBoardForm } from './NewBoardForm';
import { OpenLinkForm } from './OpenLinkForm';
import './shell.css';

/** Props of Landing; `navigate` defaults to `location.assign` (tests pass their own). */
export interface LandingProps {
  navigate?(url: string): void;
}

const goTo = (url: string) => window.location.assign(url);

/** The landing page. */
export function Landing({ navigate = goTo }: LandingProps = {}) {
  const [known, setKnown] = useState(list);
  const intl = useIntl();
  const [server, setServer] = useState<ServerBoards>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setServer({ state: 'loading' });
    listBoards(tokensOf(list()), abort.signal).then(
      (boards) => setServer({ state: 'ready', boards }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setServer({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [attempt]);

  const keep = useCallback((boardId: string, title: string, role: Role, link: string) => {
    remember(boardId, title, role, link);
    setKnown(list());
  }, []);

  const opened = (board: CreatedBoard) => {
    keep(board.id, board.title, 'facilitator', board.links.facilitator);
    navigate(board.links.facilitator);
  };

  return (
    <div className="ls-shell ls-landing">
      <header className="ls-landing__header">
        <span className="ls-logo" aria-hidden="true">◆</span>
        <div>
          <h1 className="ls-landing__title">Lodestone</h1>
          <p className="ls-muted">{intl.formatMessage({ id: 'shell.landing.tagline' })}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="ls-landing__grid">
        <div className="ls-landing__column">
          <NewBoardForm onCreated={opened} />
          <OpenLinkForm
            origin={window.location.origin}
            onOpen={({ boardId, url, title, role }) => {
              if (role) keep(boardId, title ?? '', role, url);
              navigate(url);
            }}
          />
          <ImportForm onImported={opened} />
        </div>
        <div className="ls-landing__column">
          <KnownBoardList
            boards={known}
            onOpen={navigate}
            onForget={(boardId) => {
              forget(boardId);
              setKnown(list());
            }}
          />
          <ServerBoardList boards={server} known={known} onOpen={navigate} onRetry={() => setAttempt((n) => n + 1)} />
        </div>
      </main>
    </div>
  );
}
