/** The two lists on the landing page: boards this browser holds links for, and every board on the server. */
import { useState } from 'react';
import type { BoardSummary } from './api';
import { ROLE_WORDS, timeAgo } from './format';
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
  return (
    <section className="ls-card" aria-labelledby="ls-known-h">
      <h2 id="ls-known-h" className="ls-card__title">Your boards</h2>
      {boards.length === 0 ? (
        <p className="ls-muted">Boards you create or open in this browser appear here.</p>
      ) : (
        <ul className="ls-board-list" aria-label="Your boards">
          {boards.map((board) => {
            const link = bestLink(board);
            const role = bestRole(board);
            return (
              <li key={board.id} className="ls-board-row" data-testid={`known-${board.id}`}>
                <span className="ls-board-row__title">{board.title}</span>
                <span className={`ls-role ls-role--${role}`}>{ROLE_WORDS[role].name}</span>
                <span className="ls-board-row__actions">
                  <button type="button" className="ls-button ls-button--small ls-button--quiet" onClick={() => onForget(board.id)} aria-label={`Forget ${board.title}`}>
                    Forget
                  </button>
                  <button type="button" className="ls-button ls-button--small ls-button--primary" disabled={!link} onClick={() => link && onOpen(link)} aria-label={`Open ${board.title}`}>
                    Open
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
export type ServerBoards = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; boards: BoardSummary[] };

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
  return (
    <section className="ls-card" aria-labelledby="ls-server-h">
      <h2 id="ls-server-h" className="ls-card__title">Boards on this server</h2>
      {boards.state === 'loading' && <p className="ls-muted" role="status">Loading boards…</p>}
      {boards.state === 'failed' && (
        <div role="alert" className="ls-error">
          <p>{boards.message}</p>
          <button type="button" className="ls-button ls-button--small" onClick={onRetry}>Try again</button>
        </div>
      )}
      {boards.state === 'ready' && boards.boards.length === 0 && <p className="ls-muted">No boards yet; create the first one.</p>}
      {boards.state === 'ready' && boards.boards.length > 0 && (
        <ul className="ls-board-list" aria-label="Boards on this server">
          {boards.boards.map((board) => {
            const mine = known.find((k) => k.id === board.id);
            const link = mine ? bestLink(mine) : null;
            return (
              <li key={board.id} className="ls-board-row" data-testid={`server-${board.id}`}>
                <span className="ls-board-row__title">{board.title}</span>
                <span className="ls-muted ls-board-row__time" title={board.updatedAt}>updated {timeAgo(board.updatedAt)}</span>
                <span className="ls-board-row__actions">
                  <button
                    type="button"
                    className="ls-button ls-button--small"
                    aria-label={`Open ${board.title}`}
                    onClick={() => (link ? onOpen(link) : setNeedsLink(board.id))}
                  >
                    Open
                  </button>
                </span>
                {needsLink === board.id && (
                  <p role="alert" className="ls-note ls-board-row__note">
                    You need a share link to open this board; ask its facilitator for one and paste it under “Open a share link”.
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
