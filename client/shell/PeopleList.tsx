/** Who is on the board: me first, then each peer, with a Follow button when following is offered. */
import { useIntl } from 'react-intl';
import type { Peer } from '../state/types';
import { Avatar } from './Avatar';
import type { Identity } from './identity';
import './shell.css';

/** Props of PeopleList. */
export interface PeopleListProps {
  me: Identity;
  peers: Peer[];
  /** Follows a person, or stops (null). */
  onFollow?(clientId: number | null): void;
  /** Whom I follow, if anyone. */
  following?: number | null;
}

/** The people list. */
export function PeopleList({ me, peers, onFollow, following = null }: PeopleListProps) {
  const count = peers.length + 1;
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `shell.people.${id}` }, values);
  return (
    <section className="ls-shell ls-people" data-testid="people-list" aria-label={t('label', { count })}>
      <ul className="ls-people__list">
        <li className="ls-person" data-testid={`person-${me.name}`} title={t('meTitle', { name: me.name })}>
          <Avatar name={me.name} color={me.color} />
          <span className="ls-person__name">{me.name}</span>
          <span className="ls-muted ls-person__tag">{t('you')}</span>
        </li>
        {peers.map((peer) => {
          const name = peer.name.trim() || t('anonymous');
          return (
            <li key={peer.clientId} className="ls-person" data-testid={`person-${name}`} title={[name, ...(peer.viewer ? [t('viewing')] : []), ...(peer.presenting ? [t('presenting')] : [])].join(' ')}>
              <Avatar name={name} color={peer.color} />
              <span className="ls-person__name">{name}</span>
              {peer.viewer && <span className="ls-muted ls-person__tag">{t('viewing')}</span>}
              {peer.presenting && <span className="ls-muted ls-person__tag">{t('presenting')}</span>}
              {onFollow && (following === peer.clientId ? (
                <button type="button" className="ls-button ls-button--small ls-person__follow" onClick={() => onFollow(null)} aria-pressed="true" aria-label={t('stopFollowing', { name })} title={t('stopFollowing', { name })}>
                  <span className="ls-person__follow-text">{t('following')}</span>
                </button>
              ) : (
                <button type="button" className="ls-button ls-button--small ls-button--quiet ls-person__follow" onClick={() => onFollow(peer.clientId)} aria-pressed="false" aria-label={t('follow', { name })} title={t('followTitle', { name })}>
                  <span className="ls-person__follow-text">{t('follow', { name })}</span>
                </button>
              ))}
            </li>
          );
        })}
      </ul>
      {peers.length === 0 && <p className="ls-muted ls-people__alone">{t('alone')}</p>}
    </section>
  );
}
