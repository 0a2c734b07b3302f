/** The workshop parts not needed for the board page's first paint, each loaded when first shown. */
import { lazyPart } from '../shell/lazy-part';
import type { CommentsPanelProps } from '../comments/CommentsPanel';
import type { VotePanelProps } from '../voting/VotePanel';
import type { VoteSetupProps } from '../voting/VoteSetup';

/** The facilitator's form that opens a vote. */
export const VoteSetup = lazyPart<VoteSetupProps>(async () => (await import('../voting/VoteSetup')).VoteSetup);
/** The vote as everyone sees it. */
export const VotePanel = lazyPart<VotePanelProps>(async () => (await import('../voting/VotePanel')).VotePanel);
/** The comment threads of the selected item. */
export const CommentsPanel = lazyPart<CommentsPanelProps>(async () => (await import('../comments/CommentsPanel')).CommentsPanel);
