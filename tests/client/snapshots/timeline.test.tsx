/** Snapshot fetchers and the SnapshotTimeline, with fetch stubbed by a small in-memory fake of the snapshot routes. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { intlIn, renderIn } from '../../utils/intl';
import type { Locale } from '../../../client/i18n/locales';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareSnapshots, forkSnapshot, listSnapshots, restoreSnapshot, saveSnapshot, snapshotNameProblem, type SnapshotSummary } from '../../../client/snapshots/snapshot-api';
import { SnapshotTimeline } from '../../../client/snapshots/SnapshotTimeline';
import { ApiError, NETWORK_MESSAGE } from '../../../client/shell/api';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

type Call = { url: string; method: string; auth: string | undefined; body: unknown };

/** The snapshot routes of one board, in memory; every call is recorded. */
function fakeServer(initial: SnapshotSummary[]) {
  const snapshots = [...initial];
  const calls: Call[] = [];
  let next = 100;
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, method, auth: (init?.headers as Record<string, string>)?.Authorization, body });
    const add = (name: string, author: string) => {
      const s = { id: `s${next++}`, boardId: 'b1', name, author, createdAt: new Date(NOW).toISOString() };
      snapshots.push(s);
      return s;
    };
    if (url === '/api/boards/b1/snapshots' && method === 'GET') return json(200, { snapshots });
    if (url === '/api/boards/b1/snapshots' && method === 'POST') return json(201, add(body.name, body.author ?? 'facilitator'));
    const restore = /\/snapshots\/(\w+)\/restore$/.exec(url);
    if (restore) {
      const target = snapshots.find((s) => s.id === restore[1])!;
      const backup = add(`Before restoring "${target.name}"`, body.author ?? 'facilitator');
      return json(200, { restored: target, backup });
    }
    if (/\/snapshots\/\w+\/fork$/.test(url)) return json(201, { id: 'b2', title: 'fork', tokens: {}, links: { facilitator: '/b/b2?token=f.a.c', editor: '/b/b2?token=e', viewer: '/b/b2?token=v' } });
    return json(404, { error: 'There is no snapshot with this id on this board.' });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, calls, snapshots };
}

const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const seeded: SnapshotSummary[] = [
  { id: 's1', name: 'Baseline', author: 'Ana', createdAt: at(180) },
  { id: 's2', name: 'Gallium ban', author: 'Ben', createdAt: at(5) },
];

async function renderTimeline(extra: Partial<Parameters<typeof SnapshotTimeline>[0]> = {}, locale: Locale = 'en') {
  const props = { boardId: 'b1', token: 'fac.tok', onOpen: vi.fn(), onCompare: vi.fn(), navigate: vi.fn(), author: 'Cleo', now: () => NOW, ...extra };
  await renderIn(<SnapshotTimeline {...props} />, locale);
  return props;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('snapshot fetchers', () => {
  it('send the facilitator token as a Bearer header and the name and author as JSON', async () => {
    const server = fakeServer([]);
    await saveSnapshot('b1', 'fac.tok', '  After the vote  ', 'Cleo');
    expect(server.calls[0]).toMatchObject({ url: '/api/boards/b1/snapshots', method: 'POST', auth: 'Bearer fac.tok', body: { name: 'After the vote', author: 'Cleo' } });
    await expect(listSnapshots('b1', 'fac.tok')).resolves.toHaveLength(1);
  });

  it('build the restore, fork and compare requests', async () => {
    const server = fakeServer(seeded);
    await restoreSnapshot('b1', 't', 's1');
    await forkSnapshot('b1', 't', 's2', 'Scenario B');
    await compareSnapshots('b1', 't', 's1', 'live').catch(() => undefined);
    expect(server.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/boards/b1/snapshots/s1/restore',
      'POST /api/boards/b1/snapshots/s2/fork',
      'GET /api/boards/b1/compare?from=s1&to=live',
    ]);
    expect(server.calls[1].body).toEqual({ title: 'Scenario B' });
  });

  it('carry the server sentence, or a sentence of their own when there is none', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(403, { error: 'This needs the facilitator link; yours is a editor link.' })));
    await expect(listSnapshots('b1', 't')).rejects.toThrow('This needs the facilitator link; yours is a editor link.');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>oops</html>', { status: 502 })));
    await expect(listSnapshots('b1', 't')).rejects.toThrow('The server had a problem; try again in a moment.');
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const failure = await listSnapshots('b1', 't').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe(NETWORK_MESSAGE);
  });
});

describe('SnapshotTimeline', () => {
  it('lists snapshots newest first with name, author and relative time', async () => {
    fakeServer(seeded);
    await renderTimeline();
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-snapshot'))).toEqual(['s2', 's1']);
    expect(within(items[0]).getByText('Gallium ban')).toBeTruthy();
    expect(items[0].textContent).toContain('Ben');
    expect(items[0].textContent).toContain('5 minutes ago');
    expect(items[1].textContent).toContain('3 hours ago');
  });

  it('saves a named snapshot in one click, as the person, and shows it', async () => {
    const server = fakeServer(seeded);
    await renderTimeline();
    await screen.findAllByRole('listitem');
    fireEvent.change(screen.getByLabelText('Snapshot name'), { target: { value: 'After the vote' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save snapshot' }));
    await screen.findByText('After the vote');
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', body: { name: 'After the vote', author: 'Cleo' } });
    expect(screen.getAllByRole('listitem')[0].getAttribute('data-snapshot')).toBe('s100');
    expect((screen.getByLabelText('Snapshot name') as HTMLInputElement).value).toBe('');
  });

  it('saves with a default name when none is typed', async () => {
    const server = fakeServer(seeded);
    await renderTimeline();
    await screen.findAllByRole('listitem');
    fireEvent.click(screen.getByRole('button', { name: 'Save snapshot' }));
    await screen.findByText('Snapshot 3');
    expect(server.calls.at(-1)?.body).toMatchObject({ name: 'Snapshot 3' });
  });

  it('opens a snapshot and compares one with the live board', async () => {
    fakeServer(seeded);
    const props = await renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: 'Open "Baseline"' }));
    expect(props.onOpen).toHaveBeenCalledWith('s1');
    fireEvent.click(screen.getByRole('button', { name: 'Compare "Gallium ban" with the live board' }));
    expect(props.onCompare).toHaveBeenCalledWith('s2', 'live');
  });

  it('compares two picked snapshots, older first', async () => {
    fakeServer(seeded);
    const props = await renderTimeline();
    const button = await screen.findByRole('button', { name: 'Compare picked' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Pick "Gallium ban" to compare'));
    fireEvent.click(screen.getByLabelText('Pick "Baseline" to compare'));
    fireEvent.click(button);
    expect(props.onCompare).toHaveBeenCalledWith('s1', 's2');
  });

  it('restores only after confirmation, then offers to undo by restoring the backup', async () => {
    const server = fakeServer(seeded);
    await renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: 'Restore "Baseline"' }));
    expect(server.calls.some((c) => c.url.endsWith('/restore'))).toBe(false);
    const confirm = screen.getByRole('group', { name: 'Confirm restoring "Baseline"' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Restore for everyone' }));
    const status = await screen.findByText(/Restored “Baseline” for everyone/);
    expect(status.textContent).toContain('Before restoring "Baseline"');
    expect(server.calls.filter((c) => c.url.endsWith('/restore')).map((c) => [c.url, c.body])).toEqual([['/api/boards/b1/snapshots/s1/restore', { author: 'Cleo' }]]);
    await screen.findByText('Before restoring "Baseline"');
    fireEvent.click(screen.getByRole('button', { name: 'Undo restore' }));
    await waitFor(() => expect(server.calls.filter((c) => c.url.endsWith('/restore')).at(-1)?.url).toBe('/api/boards/b1/snapshots/s100/restore'));
  });

  it('cancels a restore without asking the server', async () => {
    const server = fakeServer(seeded);
    await renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: 'Restore "Gallium ban"' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(server.calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('asks before forking, then opens the new board\'s facilitator link and links it', async () => {
    const server = fakeServer(seeded);
    const props = await renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: 'Fork "Gallium ban" into a new board' }));
    const confirm = screen.getByRole('group', { name: 'Confirm forking "Gallium ban"' });
    expect(confirm.textContent).toContain('opens in a new tab');
    expect(server.calls.every((c) => c.method === 'GET')).toBe(true);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Fork and open in a new tab' }));
    await waitFor(() => expect(props.navigate).toHaveBeenCalledWith('/b/b2?token=f.a.c'));
    expect((await screen.findByRole('link', { name: 'Open the new board' })).getAttribute('href')).toBe('/b/b2?token=f.a.c');
  });

  it('cancels a fork without asking the server', async () => {
    const server = fakeServer(seeded);
    await renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: 'Fork "Gallium ban" into a new board' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(server.calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('shows the server\'s sentence when the list cannot be loaded, and tries again', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: 'This link has expired; ask the facilitator for a new one.' })));
    await renderTimeline();
    expect((await screen.findByRole('alert')).textContent).toContain('This link has expired; ask the facilitator for a new one.');
    fakeServer(seeded);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByRole('listitem')).toHaveLength(2);
  });

  it('says when there are no snapshots yet', async () => {
    fakeServer([]);
    await renderTimeline();
    await screen.findByText(/No snapshots yet/);
  });
});

describe('SnapshotTimeline in Italian', () => {
  it('shows the actions, relative times and a default name in Italian', async () => {
    const server = fakeServer(seeded);
    await renderTimeline({}, 'it');
    const items = await screen.findAllByRole('listitem');
    expect(items[0].textContent).toContain('5 minuti fa');
    expect(items[1].textContent).toContain('3 ore fa');
    expect(screen.getByRole('button', { name: 'Apri "Baseline"' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Duplica "Gallium ban" in una nuova lavagna' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Salva istantanea' }));
    await screen.findByText('Istantanea 3');
    expect(server.calls.at(-1)?.body).toMatchObject({ name: 'Istantanea 3' });
    expect(screen.getByRole('status').textContent).toBe('“Istantanea 3” salvata.');
  });

  it('words an answer that came without a sentence in Italian', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>oops</html>', { status: 502 })));
    await renderTimeline({}, 'it');
    expect((await screen.findByRole('alert')).textContent).toContain('Il server ha avuto un problema; riprova tra poco.');
    expect(screen.getByRole('button', { name: 'Riprova' })).toBeTruthy();
    await expect(listSnapshots('b1', 't', undefined, await intlIn('it'))).rejects.toThrow('Il server ha avuto un problema; riprova tra poco.');
  });

  it('words a refusal by its code in Italian, not the server\'s English sentence', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { code: 'token-expired', error: 'This access token has expired; ask the facilitator for a new share link.' })));
    await renderTimeline({}, 'it');
    expect((await screen.findByRole('alert')).textContent).toContain('Questo token di accesso è scaduto; chiedi al facilitatore un nuovo link di condivisione.');
    expect(screen.getByRole('alert').textContent).not.toContain('expired');
  });

  it('explains a name that is too long in the chosen language', async () => {
    const long = 'x'.repeat(201);
    expect(snapshotNameProblem(await intlIn('en'), long)).toBe('Keep the name to 200 characters or fewer (it has 201).');
    expect(snapshotNameProblem(await intlIn('it'), '  ')).toBe('Dai un nome all’istantanea.');
  });
});
