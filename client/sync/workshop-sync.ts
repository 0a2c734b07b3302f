/**
 * The workshop maps of a board's Y.Doc (timer, vote, ballots, comments; shared/board/doc-schema.ts) as plain
 * state and actions. Writes use their own origin: they are not part of anyone's undo history. Ballots are not
 * written here (the server writes them, see client/voting/ballot-api.ts); the timer and the vote only by a
 * facilitator (the server refuses them from others, so the views offer them to facilitators only).
 */
import * as Y from 'yjs';
import { BALLOTS_MAP, COMMENTS_MAP, FACILITATION_MAP } from '../../shared/board/doc-schema';
import { COMMENTS_FULL, MAX_COMMENTS, commentTextRefusal, readComment, type BoardComment, type CommentRefusal } from '../../shared/workshop/comments';
import { readTimer, type TimerState } from '../../shared/workshop/timer';
import { readVote, splitBallotKey, type VoteState } from '../../shared/workshop/vote';

/** The workshop part of a board, as views see it. */
export interface WorkshopState {
  timer: TimerState;
  vote: VoteState | null;
  /** The ballots of the current vote: person id -> the options they put their dots on. */
  ballots: Readonly<Record<string, readonly string[]>>;
  /** Every comment, oldest first. */
  comments: readonly BoardComment[];
}

/** What views may ask of the workshop maps. */
export interface WorkshopActions {
  /** Facilitators: writes the timer. */
  setTimer(timer: TimerState): void;
  /** Facilitators: writes the vote (null removes it). */
  setVote(vote: VoteState | null): void;
  /** Posts a comment; answers why when it cannot be posted, else null. */
  addComment(comment: Omit<BoardComment, 'id'>): CommentRefusal | null;
  setResolved(id: string, resolved: boolean): void;
  /** Deletes a comment and its replies. */
  deleteComment(id: string): void;
}

/** Read `getState()`, `subscribe` to changes, write through `actions`. */
export interface WorkshopSession {
  getState(): WorkshopState;
  subscribe(listener: () => void): () => void;
  actions: WorkshopActions;
}

/** The workshop state of a doc as it is now. */
export function readWorkshop(doc: Y.Doc): WorkshopState {
  const facilitation = doc.getMap(FACILITATION_MAP);
  const vote = readVote(facilitation.get('vote'));
  const ballots: Record<string, string[]> = {};
  if (vote) {
    for (const [key, value] of doc.getMap(BALLOTS_MAP).entries()) {
      const parts = splitBallotKey(key);
      if (parts?.voteId === vote.id && Array.isArray(value)) ballots[parts.personId] = value.filter((c): c is string => typeof c === 'string');
    }
  }
  const comments: BoardComment[] = [];
  for (const [id, value] of doc.getMap(COMMENTS_MAP).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const comment = readComment(id, Object.fromEntries(value.entries()));
    if (comment) comments.push(comment);
  }
  comments.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { timer: readTimer(facilitation.get('timer')), vote, ballots, comments };
}

/** Opens the workshop maps of a doc. */
export function createWorkshop(doc: Y.Doc, newId: () => string = () => `c-${crypto.randomUUID().slice(0, 12)}`): WorkshopSession {
  const origin = { workshop: true };
  const facilitation = doc.getMap(FACILITATION_MAP);
  const ballots = doc.getMap(BALLOTS_MAP);
  const comments = doc.getMap<Y.Map<unknown>>(COMMENTS_MAP);
  const listeners = new Set<() => void>();
  let state = readWorkshop(doc);
  const refresh = () => {
    state = readWorkshop(doc);
    for (const listener of listeners) listener();
  };
  facilitation.observe(refresh);
  ballots.observe(refresh);
  comments.observeDeep(refresh);

  const actions: WorkshopActions = {
    setTimer: (timer) => doc.transact(() => facilitation.set('timer', { ...timer }), origin),
    setVote: (vote) => doc.transact(() => (vote ? facilitation.set('vote', { ...vote }) : facilitation.delete('vote')), origin),
    addComment: (comment) => {
      const problem = commentTextRefusal(comment.text);
      if (problem) return problem;
      if (comments.size >= MAX_COMMENTS) return COMMENTS_FULL;
      const fields: [string, unknown][] = Object.entries({ ...comment, text: comment.text.trim() }).filter(([, v]) => v !== undefined);
      doc.transact(() => comments.set(newId(), new Y.Map<unknown>(fields)), origin);
      return null;
    },
    setResolved: (id, resolved) => {
      const comment = comments.get(id);
      if (comment instanceof Y.Map) doc.transact(() => comment.set('resolved', resolved), origin);
    },
    deleteComment: (id) => {
      doc.transact(() => {
        for (const [other, value] of comments.entries()) if (value instanceof Y.Map && value.get('parent') === id) comments.delete(other);
        comments.delete(id);
      }, origin);
    },
  };
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
  };
}
