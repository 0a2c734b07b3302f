/**
 * Comment threads on nodes, flows, levers and notes, as data in the live document (map "comments": comment id
 * -> Y.Map of target, author, color, text, createdAt, resolved, parent, person; see doc-schema.ts). A thread is
 * a comment without `parent` and the replies that name it. Pure.
 */

/** What a comment is about. */
export interface CommentTarget {
  type: 'node' | 'edge' | 'lever' | 'note';
  id: string;
}

/** One comment. */
export interface BoardComment {
  id: string;
  target: CommentTarget;
  author: string;
  color?: string;
  text: string;
  /** Milliseconds since the epoch, the writer's clock. */
  createdAt: number;
  resolved: boolean;
  /** The thread's first comment, for a reply. */
  parent?: string;
  /** The writer's person id (so they may delete their own comment). */
  person?: string;
}

/** A thread: its first comment and the replies, oldest first. */
export interface CommentThread {
  root: BoardComment;
  replies: BoardComment[];
}

/** Longest comment text (the server refuses longer ones). */
export const MAX_COMMENT_LENGTH = 2000;
/** Most comments a board keeps (the server refuses more). */
export const MAX_COMMENTS = 5000;

/** Why a comment is not posted: a stable code (for the person's language), its values and the English sentence. */
export type CommentRefusal =
  | { code: 'comment-empty'; values: Record<string, never>; sentence: string }
  | { code: 'comment-too-long'; values: { max: number; length: number }; sentence: string }
  | { code: 'comments-full'; values: { max: number }; sentence: string };

/** Why a text cannot be posted as a comment, or null when it can. */
export function commentTextRefusal(text: string): CommentRefusal | null {
  const trimmed = text.trim();
  if (trimmed === '') return { code: 'comment-empty', values: {}, sentence: 'Write something first.' };
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    return { code: 'comment-too-long', values: { max: MAX_COMMENT_LENGTH, length: trimmed.length }, sentence: `Keep a comment to ${MAX_COMMENT_LENGTH} characters or fewer (this one has ${trimmed.length}).` };
  }
  return null;
}

/** The refusal of a board that already holds MAX_COMMENTS comments. */
export const COMMENTS_FULL: CommentRefusal = { code: 'comments-full', values: { max: MAX_COMMENTS }, sentence: `This board holds the most comments it can (${MAX_COMMENTS}); delete resolved ones first.` };

/** The English sentence of commentTextRefusal, or null when the text can be posted. */
export function commentTextProblem(text: string): string | null {
  return commentTextRefusal(text)?.sentence ?? null;
}

/** One key per target, for counting: "node:kolwezi". */
export function targetKey(target: CommentTarget): string {
  return `${target.type}:${target.id}`;
}

/** Reads one comment from its plain fields (null when it lacks what a comment needs). */
export function readComment(id: string, fields: Record<string, unknown>): BoardComment | null {
  const target = fields.target as Partial<CommentTarget> | undefined;
  if (!target || typeof target.id !== 'string' || !['node', 'edge', 'lever', 'note'].includes(String(target.type))) return null;
  if (typeof fields.text !== 'string' || typeof fields.createdAt !== 'number') return null;
  return {
    id, target: { type: target.type as CommentTarget['type'], id: target.id },
    author: typeof fields.author === 'string' ? fields.author : 'Someone', text: fields.text, createdAt: fields.createdAt, resolved: fields.resolved === true,
    ...(typeof fields.color === 'string' ? { color: fields.color } : {}),
    ...(typeof fields.parent === 'string' ? { parent: fields.parent } : {}),
    ...(typeof fields.person === 'string' ? { person: fields.person } : {}),
  };
}

const byTime = (a: BoardComment, b: BoardComment) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** The threads on one target, oldest first; replies whose first comment is gone are shown as threads of their own. */
export function threadsOf(comments: readonly BoardComment[], target: CommentTarget): CommentThread[] {
  const mine = comments.filter((c) => c.target.type === target.type && c.target.id === target.id).sort(byTime);
  const roots = new Map(mine.filter((c) => c.parent === undefined || !mine.some((p) => p.id === c.parent)).map((c) => [c.id, { root: c, replies: [] as BoardComment[] }]));
  for (const c of mine) if (!roots.has(c.id) && c.parent !== undefined) roots.get(c.parent)?.replies.push(c);
  return [...roots.values()];
}

/** Threads not resolved, per target key (for badges). */
export function openThreadCounts(comments: readonly BoardComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    if (c.resolved || (c.parent !== undefined && ids.has(c.parent))) continue;
    const key = targetKey(c.target);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** "just now", "5 min ago", "3 h ago", or the date for older comments. */
export function whenText(createdAt: number, now: number): string {
  const minutes = Math.floor((now - createdAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(createdAt).toISOString().slice(0, 10);
}
