/**
 * The board page's parts drawn from the start but not needed for its first paint, in their own script chunks
 * (they appear a moment after the board): people, the share menu, activity toasts, comments, viewport sharing.
 */
import { lazyPart } from '../shell/lazy-part';
import type { ActivityToastsProps } from '../shell/ActivityToasts';
import type { PeopleListProps } from '../shell/PeopleList';
import type { ShareMenuProps } from '../shell/ShareMenu';
import type { SelectionCommentsProps } from '../comments/SelectionComments';
import type { ViewportSyncProps } from '../presence/ViewportSync';

/** Who else is on the board (and whom I follow). */
export const PeopleList = lazyPart<PeopleListProps>(async () => (await import('../shell/PeopleList')).PeopleList);
/** The share button and its links. */
export const ShareMenu = lazyPart<ShareMenuProps>(async () => (await import('../shell/ShareMenu')).ShareMenu);
/** Others' shared actions, each with its undo. */
export const ActivityToasts = lazyPart<ActivityToastsProps>(async () => (await import('../shell/ActivityToasts')).ActivityToasts);
/** The comment threads of the selection (inspector tab). */
export const SelectionComments = lazyPart<SelectionCommentsProps>(async () => (await import('../comments/SelectionComments')).SelectionComments);
/** The count of open threads on the selection, on the inspector's tab. */
export const CommentBadge = lazyPart<Pick<SelectionCommentsProps, 'session' | 'board' | 'selection'>>(async () => (await import('../comments/SelectionComments')).CommentBadge);
/** Publishes my viewport and follows someone else's (a React Flow child). */
export const ViewportSync = lazyPart<ViewportSyncProps>(async () => (await import('../presence/ViewportSync')).ViewportSync);
