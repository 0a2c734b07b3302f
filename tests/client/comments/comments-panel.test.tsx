import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CommentsPanel } from '../../../client/comments/CommentsPanel';
import type { BoardComment } from '../../../shared/workshop/comments';

const target = { type: 'node' as const, id: 'n1' };
const me = { name: 'Bo', color: '#1c7ed6', personId: 'p-bo' };
const NOW = 1_700_000_000_000;
const comment = (id: string, fields: Partial<BoardComment> = {}): BoardComment => ({ id, target, author: 'Ann', color: '#e5484d', text: `text ${id}`, createdAt: NOW - 5 * 60_000, resolved: false, person: 'p-ann', ...fields });
const actions = () => ({ addComment: vi.fn(() => null as string | null), setResolved: vi.fn(), deleteComment: vi.fn() });

describe('CommentsPanel', () => {
  it('shows who wrote each comment and when, with replies and a count of open threads', () => {
    render(<CommentsPanel target={target} comments={[comment('a'), comment('r', { parent: 'a', author: 'Bo', person: 'p-bo' }), comment('other', { target: { type: 'edge', id: 'e' } })]}
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

  it('posts a comment with the button and a reply with Ctrl+Enter, as me', () => {
    const a = actions();
    render(<CommentsPanel target={target} comments={[comment('a')]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    fireEvent.change(screen.getByLabelText('New comment'), { target: { value: 'Is this volume right?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(a.addComment).toHaveBeenLastCalledWith({ target, author: 'Bo', color: '#1c7ed6', person: 'p-bo', text: 'Is this volume right?', createdAt: NOW, resolved: false });
    expect((screen.getByLabelText('New comment') as HTMLTextAreaElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Reply to Ann'), { target: { value: 'Yes' } });
    fireEvent.keyDown(screen.getByLabelText('Reply to Ann'), { key: 'Enter', ctrlKey: true });
    expect(a.addComment).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Yes', parent: 'a' }));
  });

  it('shows why a comment was not posted and keeps the text', () => {
    const a = actions();
    a.addComment.mockReturnValue('Keep a comment to 2000 characters or fewer (this one has 2001).');
    render(<CommentsPanel target={target} comments={[]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    fireEvent.change(screen.getByLabelText('New comment'), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(screen.getByRole('alert').textContent).toMatch(/2000 characters/);
    expect((screen.getByLabelText('New comment') as HTMLTextAreaElement).value).toHaveLength(2001);
  });

  it('resolves a thread, folds resolved threads away, and reopens one', () => {
    const a = actions();
    const { rerender } = render(<CommentsPanel target={target} comments={[comment('a')]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(a.setResolved).toHaveBeenCalledWith('a', true);
    rerender(<CommentsPanel target={target} comments={[comment('a', { resolved: true })]} actions={a} me={me} readOnly={false} now={() => NOW} />);
    expect(screen.queryByText('text a')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 resolved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(a.setResolved).toHaveBeenLastCalledWith('a', false);
  });

  it('lets a viewer read but not write', () => {
    render(<CommentsPanel target={target} comments={[comment('a', { person: 'p-bo' })]} actions={actions()} me={me} readOnly now={() => NOW} />);
    expect(screen.getByText('text a')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText(/View-only links can read comments/)).toBeTruthy();
  });
});
