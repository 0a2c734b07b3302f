import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CommentsPanel } from '../../../client/comments/CommentsPanel';
import { commentTextRefusal, type BoardComment, type CommentRefusal } from '../../../shared/workshop/comments';
import { renderIn } from '../../utils/intl';

const target = { type: 'node' as const, id: 'n1' };
const me = { name: 'Bo', color: '#1c7ed6', personId: 'p-bo' };
const NOW = 1_700_000_000_000;
const comment = (id: string, fields: Partial<BoardComment> = {}): BoardComment => ({ id, target, author: 'Ann', color: '#e5484d', text: `text ${id}`, createdAt: NOW - 5 * 60_000, resolved: false, person: 'p-ann', ...fields });
const actions = () => ({ addComment: vi.fn(() => null as CommentRefusal | null), setResolved: vi.fn(), deleteComment: vi.fn() });

describe('CommentsPanel', () => {
  it('shows who wrote each comment and when, with replies and a count of open threads', async () => {
    await renderIn(<CommentsPanel target={target} comments={[comment('a'), comment('r', { parent: 'a', author: 'Bo', person: 'p-bo' }), comment('other', { target: { type: 'edge', id: 'e' } })]}
      actions={actions()} me={me} readOnly={false} now={() => NOW} />);
    const panel = screen.getByRole('region', { name: 'Comments on the selected item' });
    expect(within(panel).getByText('text a')).toBeTruthy();
    expect(within(panel).getByText('text r')).toBeTruthy();
    expect(within(panel).queryByText('text other')).toBeNull();
    expect(within(panel).getAllByText('5 min ago')).toHaveLength(2);
    expect(within(panel).getByLabelText('1 open comment thread')).toBeTruthy();
    // Only my own comment offers delete.
    expect(within(panel).getAllByRole('button', { name: 'Delete' })).toHaveLength(1);
  });

  it('speaks Italian: region, time, open threads and buttons', async () => {
    await renderIn(<CommentsPanel target={target} comments={[comment('a'), comment('b', { createdAt: NOW - 3 * 3_600_000 })]} actions={actions()} me={me} readOnly={false} now={() => NOW} />, 'it');
    const panel = screen.getByRole('region', { name: "Commenti sull'elemento selezionato" });
    expect(within(panel).getByText('5 min fa')).toBeTruthy();
    expect(within(panel).getByText('3 h fa')).toBeTruthy();
    expect(within(panel).getByLabelText('2 discussioni aperte')).toBeTruthy();
    expect(within(panel).getByLabelText('Nuovo commento')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Commenta' })).toBeTruthy();
    expect(within(panel).getAllByRole('button', { name: 'Risolvi' })).toHaveLength(2);
  });

  it('posts a comment with the button and a reply with Ctrl+Enter, as me', async () => {
    const a = actions();
    await renderIn(<CommentsPanel target={target} comments={[comment('a')]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    fireEvent.change(screen.getByLabelText('New comment'), { target: { value: 'Is this volume right?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(a.addComment).toHaveBeenLastCalledWith({ target, author: 'Bo', color: '#1c7ed6', person: 'p-bo', text: 'Is this volume right?', createdAt: NOW, resolved: false });
    expect((screen.getByLabelText('New comment') as HTMLTextAreaElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Reply to Ann'), { target: { value: 'Yes' } });
    fireEvent.keyDown(screen.getByLabelText('Reply to Ann'), { key: 'Enter', ctrlKey: true });
    expect(a.addComment).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Yes', parent: 'a' }));
  });

  it('shows why a comment was not posted and keeps the text', async () => {
    const a = actions();
    a.addComment.mockReturnValue(commentTextRefusal('x'.repeat(2001)));
    await renderIn(<CommentsPanel target={target} comments={[]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    fireEvent.change(screen.getByLabelText('New comment'), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(screen.getByRole('alert').textContent).toBe('Keep a comment to 2,000 characters or fewer (this one has 2,001).');
    expect((screen.getByLabelText('New comment') as HTMLTextAreaElement).value).toHaveLength(2001);
  });

  it('says in Italian why a comment was not posted, the numbers as 2.000', async () => {
    const a = actions();
    a.addComment.mockReturnValue(commentTextRefusal('x'.repeat(2001)));
    await renderIn(<CommentsPanel target={target} comments={[]} actions={a} me={me} readOnly={false} now={() => NOW} />, 'it');
    fireEvent.change(screen.getByLabelText('Nuovo commento'), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Commenta' }));
    expect(screen.getByRole('alert').textContent).toBe('Un commento può avere al massimo 2.000 caratteri (questo ne ha 2.001).');
  });

  it('resolves a thread, folds resolved threads away, and reopens one', async () => {
    const a = actions();
    const { rerender } = await renderIn(<CommentsPanel target={target} comments={[comment('a')]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(a.setResolved).toHaveBeenCalledWith('a', true);
    rerender(<CommentsPanel target={target} comments={[comment('a', { resolved: true })]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    expect(screen.queryByText('text a')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 resolved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(a.setResolved).toHaveBeenLastCalledWith('a', false);
  });

  it('lets a viewer read but not write', async () => {
    await renderIn(<CommentsPanel target={target} comments={[comment('a', { person: 'p-bo' })]} actions={actions()} me={me} readOnly now={() => NOW} />);
    expect(screen.getByText('text a')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText(/View-only links can read comments/)).toBeTruthy();
  });
});
