/** The two lists on the landing page: boards this browser holds links for, and every board on the server. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import { timeAgo } from '../i18n/format';
import type { BoardSummary } from './api';
import { roleName } from './format';
import { bestLink, bestRole, type KnownBoard } from './known-boards';
import './shell.css';

/** Props of KnownBoardList. */
export interface KnownBoardListProps {
  boards: KnownBoard[];
  onOpen(link: string): void;
  onForget(boardId: string): void;
}

/** Boards this browser knows, each with its strongest role and an Open button. */
export function KnownBoardList({ boards, onOpen, onForget }: KnownBoardListProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `shell.boards.${id}` }, values);
  return (
    <section className="ls-card" aria-labelledby="ls-known-h">
      <h2 id="ls-known-h" className="ls-card__title">{t('yours')}</h2>
      {boards.length === 0 ? (
        <p className="ls-muted">{t('yoursEmpty')}</p>
      ) : (
        <ul className="ls-board-list" aria-label={t('yours')}>
          {boards.map((board) => {
            const link = bestLink(board);
            const role = bestRole(board);
            return (
              <li key={board.id} className="ls-board-row" data-testid={`known-${board.id}`}>
                <span className="ls-board-row__title">{board.title}</span>
                <span className={`ls-role ls-role--${role}`}>{roleName(intl, role)}</span>
                <span className="ls-board-row__actions">
                  <button type="button" className="ls-button ls-button--small ls-button--quiet" onClick={() => onForget(board.id)} aria-label={t('forgetBoard', { title: board.title })}>
                    {t('forget')}
                  </button>
                  <button type="button" className="ls-button ls-button--small ls-button--primary" disabled={!link} onClick={() => link && onOpen(link)} aria-label={t('openBoard', { title: board.title })}>
                    {t('open')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** What the server list shows while loading, after a failure, or with its boards. */
export type ServerBoards = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; boards: BoardSummary[] };

/** Props of ServerBoardList. */
export interface ServerBoardListProps {
  boards: ServerBoards;
  known: KnownBoard[];
  onOpen(link: string): void;
  onRetry(): void;
}

/** Every board on the server; one without a link in this browser explains that a share link is needed. */
export function ServerBoardList({ boards, known, onOpen, onRetry }: ServerBoardListProps) {
  const [needsLink, setNeedsLink] = useState<string | null>(null);
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `shell.boards.${id}` }, values);
  return (
    <section className="ls-card" aria-labelledby="ls-server-h">
      <h2 id="ls-server-h" className="ls-card__title">{t('server')}</h2>
      {boards.state === 'loading' && <p className="ls-muted" role="status">{t('loading')}</p>}
      {boards.state === 'failed' && (
        <div role="alert" className="ls-error">
          <p>{apiErrorMessage(intl, boards.error, 'shell.boards.failed')}</p>
          <button type="button" className="ls-button ls-button--small" onClick={onRetry}>{t('retry')}</button>
        </div>
      )}
      {boards.state === 'ready' && boards.boards.length === 0 && <p className="ls-muted">{t('serverEmpty')}</p>}
      {boards.state === 'ready' && boards.boards.length > 0 && (
        <ul className="ls-board-list" aria-label={t('server')}>
          {boards.boards.map((board) => {
            const mine = known.find((k) => k.id === board.id);
            const link = mine ? bestLink(mine) : null;
            return (
              <li key={board.id} className="ls-board-row" data-testid={`server-${board.id}`}>
                <span className="ls-board-row__title">{board.title}</span>
                <span className="ls-muted ls-board-row__time" title={board.updatedAt}>{t('updated', { ago: timeAgo(intl, board.updatedAt) })}</span>
                <span className="ls-board-row__actions">
                  <button
                    type="button"
                    className="ls-button ls-button--small"
                    aria-label={t('openBoard', { title: board.title })}
                    onClick={() => (link ? onOpen(link) : setNeedsLink(board.id))}
                  >
                    {t('open')}
                  </button>
                </span>
                {needsLink === board.id && (
                  <p role="alert" className="ls-note ls-board-row__note">
                    {t('needsLink', { form: intl.formatMessage({ id: 'shell.openLink.title' }) })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
