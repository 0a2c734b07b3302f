/** The share menu's panel, loaded when the menu is first opened: the facilitator's links per role (each replaceable), or this page's link. */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import type { Role } from '../state/types';
import { getLinks, rotateLink, type BoardLinks } from './api';
import { CopyField } from './CopyField';
import { roleCan, roleName } from './format';
import './shell.css';

/** Props of SharePanel. */
export interface SharePanelProps {
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

/** The panel's content (fresh links are fetched each time it opens). */
export function SharePanel({ boardId, token, role }: SharePanelProps) {
  const [links, setLinks] = useState<Links>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const facilitator = role === 'facilitator';
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `shell.share.${id}` }, values);

  useEffect(() => {
    if (!facilitator) return;
    const abort = new AbortController();
    setLinks({ state: 'loading' });
    getLinks(boardId, token, abort.signal).then(
      (answer) => setLinks({ state: 'ready', links: answer.links }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLinks({ state: 'failed', error, fallback: 'shell.share.loadFailed' });
      },
    );
    return () => abort.abort();
  }, [facilitator, boardId, token, attempt]);

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

  return facilitator ? (
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
  );
}
