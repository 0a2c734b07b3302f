/** Every sentence of the comment threads, in the page's language (the "comments" catalog). */
import type { IntlShape } from 'react-intl';
import type { CommentRefusal } from '../../shared/workshop/comments';
import { formatsFor } from '../i18n/format';
import { wordTable } from '../state/word-table';

/** The comment words of `intl`'s language (built once per language). */
export const commentWords = wordTable((intl: IntlShape) => {
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `comments.${id}` }, values);
  return {
    heading: t('heading'),
    region: t('region'),
    none: t('none'),
    placeholder: t('placeholder'),
    replyPlaceholder: t('replyPlaceholder'),
    newLabel: t('newLabel'),
    replyLabel: (author: string) => t('replyLabel', { author }),
    post: t('post'),
    reply: t('reply'),
    resolve: t('resolve'),
    reopen: t('reopen'),
    delete: t('delete'),
    resolved: t('resolved'),
    readOnly: t('readOnly'),
    badge: (count: number) => t('badge', { count }),
    showResolved: (count: number) => t('showResolved', { count }),
    hideResolved: t('hideResolved'),
    /** Why a comment was not posted, from its code (its numbers grouped in the locale: 2,000 against 2.000). */
    refused: (refusal: CommentRefusal) => t(`refused.${refusal.code}`, Object.fromEntries(Object.entries(refusal.values).map(([k, v]) => [k, formatsFor(intl).number(v)]))),
    /** "just now", "5 min ago", "3 h ago", else the date. */
    when: (createdAt: number, now: number) => {
      const minutes = Math.floor((now - createdAt) / 60_000);
      if (minutes < 1) return t('when.now');
      if (minutes < 60) return t('when.minutes', { count: minutes });
      if (minutes < 24 * 60) return t('when.hours', { count: Math.floor(minutes / 60) });
      return intl.formatDate(createdAt, { dateStyle: 'medium' });
    },
    /** The full date and time, for the tooltip. */
    at: (createdAt: number) => intl.formatDate(createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
  };
});
