/** The Share button and its panel: the facilitator gets a link per role, everyone else the link of this page. */
import { useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../state/types';
import { ApiError, getLinks, rotateLink, type BoardLinks } from './api';
import { CopyField } from './CopyField';
import { ROLE_WORDS } from './format';
import './shell.css';

/** Props of ShareMenu. */
export interface ShareMenuProps {
  boardId: string;
  token: string;
  role: Role;
}

const ROLES: readonly Role[] = ['facilitator', 'editor', 'viewer'];

type Links = { state: 'idle' | 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; links: BoardLinks['links'] };

/** An absolute URL for a board-page link the server gave as a path. */
function absolute(link: string): string {
  return new URL(link, window.location.origin).href;
}

/** The share menu. */
export function ShareMenu({ boardId, token, role }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const [links, setLinks] = useState<Links>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const facilitator = role === 'facilitator';

  useEffect(() => {
    if (!open || !facilitator) return;
    const abort = new AbortController();
    setLinks({ state: 'loading' });
    getLinks(boardId, token, abort.signal).then(
      (answer) => setLinks({ state: 'ready', links: answer.links }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLinks({ state: 'failed', message: error instanceof ApiError ? error.message : 'The links could not be loaded.' });
      },
    );
    return () => abort.abort();
  }, [open, facilitator, boardId, token, attempt]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open]);

  // A leaked link stops working at once; whoever uses it now is disconnected and needs the new one.
  const replace = async (r: 'editor' | 'viewer') => {
    if (!window.confirm(`Replace the ${ROLE_WORDS[r].name.toLowerCase()} link? The current one stops working and everyone using it is disconnected.`)) return;
    try {
      setLinks({ state: 'ready', links: (await rotateLink(boardId, token, r)).links });
    } catch (error) {
      setLinks({ state: 'failed', message: error instanceof ApiError ? error.message : 'The link could not be replaced.' });
    }
  };

  const here = absolute(`/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`);

  return (
    <div className="ls-shell ls-share" ref={root}>
      <button ref={button} type="button" className="ls-button ls-button--primary" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}>
        Share
      </button>
      {open && (
        <div id={panelId} className="ls-popover ls-share__panel" role="region" aria-label="Share this board">
          {facilitator ? (
            <>
              <p className="ls-popover__title">Share links</p>
              <p className="ls-muted">Anyone holding a link opens this board with that role; hand each person the weakest link that does the job.</p>
              {(links.state === 'loading' || links.state === 'idle') && <p className="ls-muted" role="status">Getting fresh links…</p>}
              {links.state === 'failed' && (
                <div role="alert" className="ls-error">
                  <p>{links.message}</p>
                  <button type="button" className="ls-button ls-button--small" onClick={() => setAttempt((n) => n + 1)}>Try again</button>
                </div>
              )}
              {links.state === 'ready' &&
                ROLES.map((r) => (
                  <div key={r} className="ls-share__row" data-testid={`share-${r}`}>
                    <div className="ls-share__head">
                      <span className={`ls-role ls-role--${r}`}>{ROLE_WORDS[r].name}</span>
                      <span className="ls-share__can">{ROLE_WORDS[r].can}</span>
                    </div>
                    <CopyField label={`${ROLE_WORDS[r].name} link`} value={absolute(links.links[r])} />
                    {r !== 'facilitator' && (
                      <button type="button" className="ls-button ls-button--small ls-button--quiet" onClick={() => void replace(r)}>
                        Replace {ROLE_WORDS[r].name.toLowerCase()} link
                      </button>
                    )}
                  </div>
                ))}
            </>
          ) : (
            <>
              <p className="ls-popover__title">Link to this board</p>
              <div className="ls-share__row" data-testid={`share-${role}`}>
                <div className="ls-share__head">
                  <span className={`ls-role ls-role--${role}`}>{ROLE_WORDS[role].name}</span>
                  <span className="ls-share__can">{ROLE_WORDS[role].can}</span>
                </div>
                <CopyField label="This page's link" value={here} />
              </div>
              <p className="ls-muted">This link gives the same {role} access you have. Only the facilitator can hand out other links.</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
