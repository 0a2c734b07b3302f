/** Comment threads on the selected node, flow, lever or note: read, post, reply, resolve, delete my own. */
import { useId, useState, type KeyboardEvent } from 'react';
import { threadsOf, type BoardComment, type CommentTarget, type CommentThread } from '../../shared/workshop/comments';
import type { WorkshopActions } from '../sync/workshop-sync';
import { commentWords } from './comment-words';
import { useIntl } from 'react-intl';
import './comments.css';

/** Who I am, for the comments I write. */
export interface CommentAuthor {
  name: string;
  color: string;
  personId: string;
}

/** Props of CommentsPanel. */
export interface CommentsPanelProps {
  target: CommentTarget;
  comments: readonly BoardComment[];
  actions: Pick<WorkshopActions, 'addComment' | 'setResolved' | 'deleteComment'>;
  me: CommentAuthor;
  readOnly: boolean;
  /** The clock (tests). */
  now?: () => number;
}

/** A text box that posts with its button or Ctrl/Cmd+Enter, and shows why a text cannot be posted. */
function Composer({ label, placeholder, button, onPost }: { label: string; placeholder: string; button: string; onPost(text: string): string | null }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const post = () => {
    const problem = onPost(text);
    setError(problem);
    if (problem === null) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      post();
    }
    // Keys typed here are text, not canvas shortcuts.
    event.stopPropagation();
  };
  return (
    <div className="comment-composer">
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <textarea id={id} rows={2} value={text} placeholder={placeholder} aria-invalid={error !== null} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      {error !== null && <span role="alert" className="field-error">{error}</span>}
      <button type="button" className="panel-button" disabled={text.trim() === ''} onClick={post}>{button}</button>
    </div>
  );
}

function CommentBody({ comment, mine, readOnly, now, onDelete }: { comment: BoardComment; mine: boolean; readOnly: boolean; now: number; onDelete(): void }) {
  const words = commentWords(useIntl());
  return (
    <div className="comment" data-comment={comment.id}>
      <div className="comment-meta">
        <span className="comment-dot" style={{ background: comment.color ?? '#888888' }} aria-hidden="true" />
        <span className="comment-author">{comment.author}</span>
        <time dateTime={new Date(comment.createdAt).toISOString()} title={words.at(comment.createdAt)}>{words.when(comment.createdAt, now)}</time>
        {mine && !readOnly && <button type="button" className="icon-button comment-delete" onClick={onDelete}>{words.delete}</button>}
      </div>
      <p className="comment-text">{comment.text}</p>
    </div>
  );
}

/** The threads of one item, open ones first shown, resolved ones folded away. */
export function CommentsPanel({ target, comments, actions, me, readOnly, now = Date.now }: CommentsPanelProps) {
  const words = commentWords(useIntl());
  const [showResolved, setShowResolved] = useState(false);
  const threads = threadsOf(comments, target);
  const open = threads.filter((t) => !t.root.resolved);
  const resolved = threads.filter((t) => t.root.resolved);
  const at = now();
  const post = (text: string, parent?: string) => {
    const refusal = actions.addComment({ target, author: me.name, color: me.color, person: me.personId, text, createdAt: now(), resolved: false, ...(parent ? { parent } : {}) });
    return refusal && words.refused(refusal);
  };

  const thread = ({ root, replies }: CommentThread) => (
    <li key={root.id} className={`comment-thread${root.resolved ? ' is-resolved' : ''}`}>
      <CommentBody comment={root} mine={root.person === me.personId} readOnly={readOnly} now={at} onDelete={() => actions.deleteComment(root.id)} />
      {replies.map((reply) => (
        <div key={reply.id} className="comment-reply">
          <CommentBody comment={reply} mine={reply.person === me.personId} readOnly={readOnly} now={at} onDelete={() => actions.deleteComment(reply.id)} />
        </div>
      ))}
      {root.resolved && <p className="comment-resolved">{words.resolved}</p>}
      {!readOnly && (
        <div className="comment-actions">
          <button type="button" className="panel-button" onClick={() => actions.setResolved(root.id, !root.resolved)}>{root.resolved ? words.reopen : words.resolve}</button>
        </div>
      )}
      {!readOnly && !root.resolved && (
        <Composer label={words.replyLabel(root.author)} placeholder={words.replyPlaceholder} button={words.reply} onPost={(text) => post(text, root.id)} />
      )}
    </li>
  );

  return (
    <section className="comments-panel" aria-label={words.region}>
      <h3 className="comments-heading">
        {words.heading}
        {open.length > 0 && <span className="comment-badge" aria-label={words.badge(open.length)}>{open.length}</span>}
      </h3>
      {threads.length === 0 && <p className="comments-empty">{words.none}</p>}
      <ul className="comment-threads">{open.map(thread)}</ul>
      {resolved.length > 0 && (
        <>
          <button type="button" className="icon-button comments-fold" aria-expanded={showResolved} onClick={() => setShowResolved(!showResolved)}>
            {showResolved ? words.hideResolved : words.showResolved(resolved.length)}
          </button>
          {showResolved && <ul className="comment-threads">{resolved.map(thread)}</ul>}
        </>
      )}
      {readOnly ? <p className="comments-empty">{words.readOnly}</p> : (
        <Composer label={words.newLabel} placeholder={words.placeholder} button={words.post} onPost={(text) => post(text)} />
      )}
    </section>
  );
}
