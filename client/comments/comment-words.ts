/** Every sentence of the comment threads, in the page's language (the "comments" catalog). */
import type { IntlShape } from 'react-intl';
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
