import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkshop } from '../../../client/sync/workshop-sync';
import { docProblems } from '../../../shared/board/doc-check';
import { commentTextProblem, openThreadCounts, readComment, threadsOf, whenText, type BoardComment } from '../../../shared/workshop/comments';

const c = (id: string, fields: Partial<BoardComment> = {}): BoardComment => ({ id, target: { type: 'node', id: 'n1' }, author: 'Ann', text: id, createdAt: 1, resolved: false, ...fields });

describe('comment threads', () => {
  it('groups replies under their first comment, oldest first, one target at a time', () => {
    const all = [c('r2', { parent: 'a', createdAt: 5 }), c('a', { createdAt: 2 }), c('b', { createdAt: 1 }), c('r1', { parent: 'a', createdAt: 3 }), c('x', { target: { type: 'lever', id: 'n1' } })];
    const threads = threadsOf(all, { type: 'node', id: 'n1' });
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([['b', []], ['a', ['r1', 'r2']]]);
  });

  it('shows a reply whose first comment is gone as a thread of its own', () => {
    expect(threadsOf([c('r', { parent: 'gone' })], { type: 'node', id: 'n1' }).map((t) => t.root.id)).toEqual(['r']);
  });

  it('counts open threads per target, not replies or resolved threads', () => {
    const counts = openThreadCounts([c('a'), c('r', { parent: 'a' }), c('b', { resolved: true }), c('d', { target: { type: 'edge', id: 'e' } })]);
    expect([...counts]).toEqual([['node:n1', 1], ['edge:e', 1]]);
  });

  it('refuses empty and too long texts with a sentence', () => {
    expect(commentTextProblem('  ')).toBe('Write something first.');
    expect(commentTextProblem('x'.repeat(2001))).toBe('Keep a comment to 2000 characters or fewer (this one has 2001).');
    expect(commentTextProblem('ok')).toBeNull();
  });

  it('reads a comment from the document, skipping one without target or text', () => {
    expect(readComment('a', { target: { type: 'edge', id: 'e1' }, text: 't', createdAt: 3, author: 'Bo', resolved: true, person: 'p-1' }))
      .toEqual({ id: 'a', target: { type: 'edge', id: 'e1' }, author: 'Bo', text: 't', createdAt: 3, resolved: true, person: 'p-1' });
    expect(readComment('a', { text: 't', createdAt: 3 })).toBeNull();
    expect(readComment('a', { target: { type: 'planet', id: 'x' }, text: 't', createdAt: 3 })).toBeNull();
  });

  it('says when in words', () => {
    expect(whenText(0, 30_000)).toBe('just now');
    expect(whenText(0, 5 * 60_000)).toBe('5 min ago');
    expect(whenText(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(whenText(Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 9))).toBe('2026-01-02');
  });
});

describe('workshop maps in a Y.Doc', () => {
  const pair = () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u));
    return { a, b, wa: createWorkshop(a), wb: createWorkshop(b) };
  };

  it('a comment written on one side reads the same on the other, resolves and deletes with its replies; the doc stays schema-clean', () => {
    const { a, wa, wb } = pair();
    let heard = 0;
    wb.subscribe(() => heard++);
    expect(wa.actions.addComment({ target: { type: 'node', id: 'n1' }, author: 'Ann', color: '#e5484d', person: 'p-ann', text: '  Check the volume  ', createdAt: 10, resolved: false })).toBeNull();
    const [root] = wb.getState().comments;
    expect(root).toMatchObject({ author: 'Ann', text: 'Check the volume', person: 'p-ann', resolved: false });
    expect(heard).toBeGreaterThan(0);
    wb.actions.addComment({ target: root.target, author: 'Bo', text: 'Agreed', createdAt: 11, resolved: false, parent: root.id });
    wb.actions.setResolved(root.id, true);
    expect(wa.getState().comments.map((x) => [x.text, x.resolved])).toEqual([['Check the volume', true], ['Agreed', false]]);
    expect(docProblems(a)).toEqual([]);
    wa.actions.deleteComment(root.id);
    expect(wb.getState().comments).toEqual([]);
  });

  it('does not post an empty comment', () => {
    const { wa } = pair();
    expect(wa.actions.addComment({ target: { type: 'node', id: 'n1' }, author: 'Ann', text: ' ', createdAt: 1, resolved: false })).toEqual({ code: 'comment-empty', values: {}, sentence: 'Write something first.' });
    expect(wa.getState().comments).toEqual([]);
  });

  it('timer and vote written by a facilitator read the same on the other side, and only the current vote\'s ballots show', () => {
    const { a, b, wa, wb } = pair();
    wa.actions.setTimer({ state: 'running', durationMs: 60_000, endsAt: 123, by: 'Fay' });
    wa.actions.setVote({ id: 'v2', subject: 'levers', options: ['x', 'y'], perPerson: 2, status: 'open' });
    b.getMap('ballots').set('v2|p-1', ['x']);
    b.getMap('ballots').set('v1|p-1', ['y']);
    expect(wb.getState().timer).toEqual({ state: 'running', durationMs: 60_000, endsAt: 123, by: 'Fay' });
    expect(wa.getState().ballots).toEqual({ 'p-1': ['x'] });
    expect(docProblems(a)).toEqual([]);
    wa.actions.setVote(null);
    expect(wb.getState().vote).toBeNull();
  });
});
