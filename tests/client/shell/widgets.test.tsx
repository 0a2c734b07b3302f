import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Peer } from '../../../client/state/types';
import { ConnectionBanner } from '../../../client/shell/ConnectionBanner';
import { ErrorBoundary } from '../../../client/shell/ErrorBoundary';
import { HelpDialog } from '../../../client/shell/HelpDialog';
import { PeopleList } from '../../../client/shell/PeopleList';
import { renderIn } from '../../utils/intl';

const peer = (clientId: number, name: string, color: string, viewer = false): Peer => ({ clientId, name, color, viewer, cursor: null, selection: [] });

describe('PeopleList', () => {
  const peers = [peer(7, 'Grace Hopper', '#2f9e44'), peer(9, 'Linus', '#1c7ed6', true)];

  it('shows me and each peer with their name, initials and colour, and marks viewers', async () => {
    await renderIn(<PeopleList me={{ name: 'Ada Lovelace', color: '#e5484d' }} peers={peers} />);
    const list = screen.getByTestId('people-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);

    const me = within(screen.getByTestId('person-Ada Lovelace'));
    expect(me.getByTestId('avatar').textContent).toBe('AL');
    expect(me.getByTestId('avatar').style.backgroundColor).toBe('rgb(229, 72, 77)');

    const grace = within(screen.getByTestId('person-Grace Hopper'));
    expect(grace.getByText('Grace Hopper')).toBeTruthy();
    expect(grace.getByTestId('avatar').textContent).toBe('GH');
    expect(grace.getByTestId('avatar').style.backgroundColor).toBe('rgb(47, 158, 68)');
    expect(grace.queryByText('(viewing)')).toBeNull();

    const linus = within(screen.getByTestId('person-Linus'));
    expect(linus.getByText('(viewing)')).toBeTruthy();
    expect(linus.getByTestId('avatar').style.backgroundColor).toBe('rgb(28, 126, 214)');
  });

  it('offers Follow per peer only when following is possible', async () => {
    const onFollow = vi.fn();
    const { rerender } = await renderIn(<PeopleList me={{ name: 'Ada', color: '#e5484d' }} peers={peers} />);
    expect(screen.queryByRole('button', { name: /Follow/ })).toBeNull();
    rerender(<PeopleList me={{ name: 'Ada', color: '#e5484d' }} peers={peers} onFollow={onFollow} />);
    expect(screen.getAllByRole('button', { name: /Follow/ })).toHaveLength(2);
    const follow = screen.getByRole('button', { name: 'Follow Linus' });
    expect(follow.textContent).toBe('Follow Linus');
    expect(screen.getByTestId('person-Linus').getAttribute('title')).toBe('Linus (viewing)');
    fireEvent.click(follow);
    expect(onFollow).toHaveBeenCalledWith(9);
    // Following Linus: his button says so and stops following.
    rerender(<PeopleList me={{ name: 'Ada', color: '#e5484d' }} peers={peers} onFollow={onFollow} following={9} />);
    const stop = screen.getByRole('button', { name: 'Stop following Linus' });
    expect(stop.textContent).toBe('Following');
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(stop);
    expect(onFollow).toHaveBeenLastCalledWith(null);
  });

  it('marks a peer who is presenting', async () => {
    await renderIn(<PeopleList me={{ name: 'Ada', color: '#e5484d' }} peers={[{ ...peer(4, 'Fran', '#123456'), presenting: { snapshotId: 's1', index: 0, count: 2 } }, peer(5, 'Ben', '#654321')]} />);
    expect(within(screen.getByTestId('person-Fran')).getByText('(presenting)')).toBeTruthy();
    expect(within(screen.getByTestId('person-Ben')).queryByText('(presenting)')).toBeNull();
  });

  it('paints a peer colour that is not a colour in neutral grey', async () => {
    await renderIn(<PeopleList me={{ name: 'Ada', color: '#e5484d' }} peers={[peer(3, 'Mallory', 'url(https://evil.example/x.png)')]} />);
    expect(within(screen.getByTestId('person-Mallory')).getByTestId('avatar').style.backgroundColor).toBe('rgb(107, 114, 128)');
  });
});

describe('ConnectionBanner', () => {
  it('shows the sentence and a way back to the landing page when refused', async () => {
    await renderIn(<ConnectionBanner status="refused" message={{ id: 'closed', code: 4401, reason: 'This access token has expired; ask the facilitator for a new share link.' }} loaded={false} />);
    const pill = screen.getByTestId('connection-status');
    expect(pill.dataset.status).toBe('refused');
    expect(pill.textContent).toBe('Refused');
    expect(pill.getAttribute('title')).toMatch(/not valid, has expired or was replaced/);
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toMatch(/not valid, has expired or was replaced/);
    expect(within(banner).getByRole('link', { name: 'Back to your boards' }).getAttribute('href')).toBe('/');
  });

  it('shows the offline pill and the sentence when the connection is lost', async () => {
    await renderIn(<ConnectionBanner status="offline" message={null} loaded />);
    expect(screen.getByTestId('connection-status').textContent).toBe('Offline, edits kept');
    expect(screen.getByTestId('connection-status').dataset.status).toBe('offline');
    expect(screen.getByRole('alert').textContent).toBe('Offline: your edits are kept on this device and will be sent when the connection returns.');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows only the pill while all is well', async () => {
    const { rerender } = await renderIn(<ConnectionBanner status="connecting" message={null} loaded={false} />);
    expect(screen.getByTestId('connection-status').textContent).toBe('Connecting…');
    rerender(<ConnectionBanner status="connected" message={null} loaded synced={false} />);
    expect(screen.getByTestId('connection-status').textContent).toBe('Receiving…');
    rerender(<ConnectionBanner status="connected" message={null} loaded synced />);
    expect(screen.getByTestId('connection-status').textContent).toBe('Synced');
    expect(screen.getByTestId('connection-status').getAttribute('title')).toBe('Synced: everyone sees your edits.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ConnectionBanner in Italian', () => {
  it('words the pill, the close code and the way back in Italian', async () => {
    await renderIn(<ConnectionBanner status="refused" message={{ id: 'closed', code: 4404, reason: 'This board was deleted by its facilitator.' }} loaded={false} />, 'it');
    expect(screen.getByTestId('connection-status').textContent).toBe('Rifiutato');
    const banner = screen.getByTestId('connection-banner');
    expect(banner.textContent).toMatch(/^Questa lavagna non esiste più\./);
    expect(within(banner).getByRole('link', { name: 'Torna alle tue lavagne' }).getAttribute('href')).toBe('/');
  });
});

describe('HelpDialog', () => {
  const shortcuts = [
    { keys: 'Ctrl+Z', action: 'undo' },
    { keys: 'Ctrl+Shift+Z', action: 'redo' },
    { keys: 'Delete / Backspace', action: 'delete' },
    { keys: 'Shift+drag', action: 'boxSelect' },
  ];

  it('lists the shortcuts in a table with the how-to', async () => {
    await renderIn(<HelpDialog open onClose={vi.fn()} shortcuts={shortcuts} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['CtrlZUndo', 'CtrlShiftZRedo', 'Delete or BackspaceDelete the selected nodes and flows', 'ShiftdragSelect with a box']);
    expect(dialog.textContent).toMatch(/right handle/);
    expect(dialog.textContent).toMatch(/Levers/);
    expect(dialog.textContent).toMatch(/Exposure/);
  });

  it('speaks Italian: the how-to, each action and the gestures', async () => {
    await renderIn(<HelpDialog open onClose={vi.fn()} shortcuts={shortcuts} />, 'it');
    const dialog = screen.getByRole('dialog', { name: 'Scorciatoie da tastiera' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['CtrlZAnnulla', 'CtrlMaiuscZRipeti', 'Canc oppure BackspaceElimina i nodi e i flussi selezionati', 'MaiusctrascinaSeleziona con un riquadro']);
    expect(within(dialog).getByText('Leve').tagName).toBe('STRONG');
    expect(within(dialog).getByRole('button', { name: 'Chiudi' })).toBeTruthy();
  });

  it('closes on Escape and with its button, and renders nothing while closed', async () => {
    const onClose = vi.fn();
    const { rerender } = await renderIn(<HelpDialog open onClose={onClose} shortcuts={shortcuts} />);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    rerender(<HelpDialog open={false} onClose={onClose} shortcuts={shortcuts} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ErrorBoundary', () => {
  function Broken(): never {
    throw new Error('boom');
  }

  it('shows its sentence and a Reload button when a child throws', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onReload = vi.fn();
    await renderIn(<ErrorBoundary onReload={onReload}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(
      'Something went wrong while drawing this board. Your edits are safe on the server; reload the page.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });

  it('renders its children when nothing throws', async () => {
    await renderIn(<ErrorBoundary>
        <p>board</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('board')).toBeTruthy();
  });
});
