import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdentityDialog } from '../../../client/shell/IdentityDialog';
import { IDENTITY_KEY, PALETTE, loadIdentity, saveIdentity } from '../../../client/shell/identity';
import { forget, list, remember } from '../../../client/shell/known-boards';
import { renderIn } from '../../utils/intl';

afterEach(() => localStorage.clear());

describe('IdentityDialog', () => {
  it('refuses an empty name and says why', async () => {
    const onSave = vi.fn();
    await renderIn(<IdentityDialog onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a name/);
    expect(screen.getByLabelText('Display name').getAttribute('aria-invalid')).toBe('true');
  });

  it('saves the trimmed name and the chosen colour', async () => {
    const onSave = vi.fn();
    await renderIn(<IdentityDialog onSave={onSave} />);
    expect(screen.getAllByRole('radio')).toHaveLength(10);
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: '  Ada Lovelace  ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Teal' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ name: 'Ada Lovelace', color: '#0c8599' });
  });

  it('starts from the current identity when changing it, and can be cancelled with Escape', async () => {
    const onCancel = vi.fn();
    await renderIn(<IdentityDialog initial={{ name: 'Grace', color: '#7950f2' }} onSave={vi.fn()} onCancel={onCancel} />);
    expect(screen.getByRole('dialog', { name: 'Your name and colour' })).toBeTruthy();
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Grace');
    expect((screen.getByRole('radio', { name: 'Violet' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('identity storage', () => {
  it('remembers the name and colour under lodestone.identity', () => {
    expect(loadIdentity()).toBeNull();
    saveIdentity({ name: ' Ada ', color: PALETTE[3].value });
    expect(JSON.parse(localStorage.getItem(IDENTITY_KEY)!)).toEqual({ name: 'Ada', color: PALETTE[3].value });
    expect(loadIdentity()).toEqual({ name: 'Ada', color: PALETTE[3].value });
  });

  it('treats damaged storage as a first visit', () => {
    localStorage.setItem(IDENTITY_KEY, '{not json');
    expect(loadIdentity()).toBeNull();
    localStorage.setItem(IDENTITY_KEY, JSON.stringify({ name: '', color: 'red' }));
    expect(loadIdentity()).toBeNull();
  });

  it('offers ten distinct colours', () => {
    expect(new Set(PALETTE.map((c) => c.value)).size).toBe(10);
  });
});

describe('known boards', () => {
  it('remembers links per role, most recent first, and forgets', () => {
    remember('a', 'Board A', 'viewer', '/b/a?token=v');
    remember('b', 'Board B', 'facilitator', '/b/b?token=f');
    remember('a', '', 'editor', '/b/a?token=e');
    expect(list()).toEqual([
      { id: 'a', title: 'Board A', links: { viewer: '/b/a?token=v', editor: '/b/a?token=e' } },
      { id: 'b', title: 'Board B', links: { facilitator: '/b/b?token=f' } },
    ]);
    expect(JSON.parse(localStorage.getItem('lodestone.boards')!)).toHaveLength(2);
    forget('a');
    expect(list().map((b) => b.id)).toEqual(['b']);
  });
});
