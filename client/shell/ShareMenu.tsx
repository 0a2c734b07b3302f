/** The Share button and its panel: the facilitator gets a link per role, everyone else the link of this page. */
import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import type { Role } from '../state/types';
import { getLinks, rotateLink, type BoardLinks } from './api';
import { CopyField } from './CopyField';
import { roleCan, roleName } from './format';
import './shell.css';

/** Props of ShareMenu. */
export interface ShareMenuProps {
  boardId: string;
  token: string;
  role: Role;
}

const ROLES: readonly Role[] = ['facilitator', 'editor', 'viewer'];

type Links = { state: 'idle' | 'loading' } | { state: 'failed'; error: unknown; fallback: string } | { state: 'ready'; links: BoardLinks['links'] };

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
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `shell.share.${id}` }, values);

  useEffect(() => {
    if (!open || !facilitator) return;
    const abort = new AbortController();
    setLinks({ state: 'loading' });
    getLinks(boardId, token, abort.signal).then(
      (answer) => setLinks({ state: 'ready', links: answer.links }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLinks({ state: 'failed', error, fallback: 'shell.share.loadFailed' });
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
    if (!window.confirm(t(`replaceConfirm.${r}`))) return;
    try {
      setLinks({ state: 'ready', links: (await rotateLink(boardId, token, r)).links });
    } catch (error) {
      setLinks({ state: 'failed', error, fallback: 'shell.share.replaceFailed' });
    }
  };

  const here = absolute(`/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`);

  return (
    <div className="ls-shell ls-share" ref={root}>
      <button ref={button} type="button" className="ls-button ls-button--primary" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}>
        {t('button')}
      </button>
      {open && (
        <div id={panelId} className="ls-popover ls-share__panel" role="region" aria-label={t('panel')}>
          {facilitator ? (
            <>
              <p className="ls-popover__title">{t('links')}</p>
              <p className="ls-muted">{t('linksHint')}</p>
              {(links.state === 'loading' || links.state === 'idle') && <p className="ls-muted" role="status">{t('loading')}</p>}
              {links.state === 'failed' && (
                <div role="alert" className="ls-error">
                  <p>{apiErrorMessage(intl, links.error, links.fallback)}</p>
                  <button type="button" className="ls-button ls-button--small" onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</button>
                </div>
              )}
              {links.state === 'ready' &&
                ROLES.map((r) => (
                  <div key={r} className="ls-share__row" data-testid={`share-${r}`}>
                    <div className="ls-share__head">
                      <span className={`ls-role ls-role--${r}`}>{roleName(intl, r)}</span>
                      <span className="ls-share__can">{roleCan(intl, r)}</span>
                    </div>
                    <CopyField label={t(`link.${r}`)} copyLabel={t(`copyLink.${r}`)} value={absolute(links.links[r])} />
                    {r !== 'facilitator' && (
                      <button type="button" className="ls-button ls-button--small ls-button--quiet" onClick={() => void replace(r)}>
                        {t(`replace.${r}`)}
                      </button>
                    )}
                  </div>
                ))}
            </>
          ) : (
            <>
              <p className="ls-popover__title">{t('thisBoard')}</p>
              <div className="ls-share__row" data-testid={`share-${role}`}>
                <div className="ls-share__head">
                  <span className={`ls-role ls-role--${role}`}>{roleName(intl, role)}</span>
                  <span className="ls-share__can">{roleCan(intl, role)}</span>
                </div>
                <CopyField label={t('pageLink')} copyLabel={t('copyPageLink')} value={here} />
              </div>
              <p className="ls-muted">{t(`sameAccess.${role}`)}</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
