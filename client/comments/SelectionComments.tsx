/** The comment threads of the one selected item, and the badge that counts its open threads. */
import { openThreadCounts, targetKey, type CommentTarget } from '../../shared/workshop/comments';
import type { Board } from '../../shared/board/types';
import { personId } from '../shell/person-id';
import type { Role } from '../state/types';
import { useWorkshop } from '../state/use-workshop';
import type { BoardSession } from '../sync/board-session';
import { commentWords } from './comment-words';
import { useIntl } from 'react-intl';
import { CommentsPanel } from '../workshop/lazy-workshop';

/** What a comment on `id` is about, or null when the id is no node, edge, lever or note of the board. */
export function commentTarget(board: Board, id: string): CommentTarget | null {
  if (board.nodes.some((n) => n.id === id)) return { type: 'node', id };
  if (board.edges.some((e) => e.id === id)) return { type: 'edge', id };
  if (board.scenario.disruptions.some((d) => d.id === id)) return { type: 'lever', id };
  if (board.notes.some((n) => n.id === id)) return { type: 'note', id };
  return null;
}

/** Props of SelectionComments and CommentBadge. */
export interface SelectionCommentsProps {
  session: BoardSession | null;
  board: Board;
  selection: readonly string[];
  role: Role;
  me: { name: string; color: string };
}

/** The comment threads of the selected item (nothing when none or several are selected). */
export function SelectionComments({ session, board, selection, role, me }: SelectionCommentsProps) {
  const { workshop, workshopActions } = useWorkshop(session);
  const target = selection.length === 1 ? commentTarget(board, selection[0]) : null;
  if (!workshop || !workshopActions || !target) return null;
  return (
    <CommentsPanel key={targetKey(target)} target={target} comments={workshop.comments} actions={workshopActions}
      me={{ ...me, personId: personId() }} readOnly={role === 'viewer'} />
  );
}

/** The number of open threads on the selected item, as a small badge (nothing when there are none; hidden from the tab's name, the panel says it). */
export function CommentBadge({ session, board, selection }: Pick<SelectionCommentsProps, 'session' | 'board' | 'selection'>) {
  const { workshop } = useWorkshop(session);
  const words = commentWords(useIntl());
  const target = selection.length === 1 ? commentTarget(board, selection[0]) : null;
  const count = workshop && target ? (openThreadCounts(workshop.comments).get(targetKey(target)) ?? 0) : 0;
  return count > 0 ? <span className="comment-tab-badge" aria-hidden="true" title={words.badge(count)}>{count}</span> : null;
}
