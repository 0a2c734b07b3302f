import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Landing } from '../../../client/shell/Landing';
import { list, remember } from '../../../client/shell/known-boards';
import { renderIn } from '../../utils/intl';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
type Handler = (init: RequestInit) => Response | Promise<Response>;

/** Stubs fetch with answers keyed by "METHOD /path"; unknown routes answer 404. */
function serve(routes: Record<string, Handler>) {
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const handler = routes[`${init.method ?? 'GET'} ${url}`];
    return handler ? handler(init) : json(404, { error: `no route ${url}` });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
const SERVER_BOARDS = {
  boards: [
    { id: 'srv1', title: 'Gallium drill', createdAt: hourAgo, updatedAt: hourAgo },
    { id: 'mine1', title: 'My cobalt board', createdAt: hourAgo, updatedAt: hourAgo },
  ],
};
const CREATED = {
  id: 'new1',
  title: 'Arctic and Nordic sources',
  tokens: { facilitator: 'lt1.f.s', editor: 'lt1.e.s', viewer: 'lt1.v.s' },
  links: { facilitator: '/b/new1?token=lt1.f.s', editor: '/b/new1?token=lt1.e.s', viewer: '/b/new1?token=lt1.v.s' },
};

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('Landing in Italian', () => {
  it('speaks Italian: the lists, roles, relative times, templates and a refused link', async () => {
    remember('mine1', 'My cobalt board', 'editor', '/b/mine1?token=lt1.e.s');
    serve({ 'GET /api/boards': () => json(200, SERVER_BOARDS) });
    await renderIn(<Landing navigate={vi.fn()} />, 'it');

    const known = within(screen.getByRole('list', { name: 'Le tue lavagne' }));
    // Board content (the title) stays as it is; the role is translated.
    expect(known.getByText('My cobalt board')).toBeTruthy();
    expect(known.getByText('Redattore')).toBeTruthy();
    expect(known.getByRole('button', { name: 'Dimentica My cobalt board' })).toBeTruthy();
    const server = within(await screen.findByRole('list', { name: 'Lavagne su questo server' }));
    expect(server.getAllByText('aggiornata 1 ora fa')).toHaveLength(2);
    fireEvent.click(server.getByRole('button', { name: 'Apri Gallium drill' }));
    expect(server.getByRole('alert').textContent).toMatch(/serve un link di condivisione.*“Apri un link di condivisione”/);

    expect(screen.getByRole('heading', { name: 'Nuova lavagna' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Modello' }).textContent).toContain('Magneti di terre rare: dalla miniera al motore');
    expect(screen.getByRole('button', { name: 'Crea la lavagna' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Importa un file di lavagna' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Link di condivisione'), { target: { value: '/b/abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apri' }));
    expect((await screen.findByText(/non ha un token/)).textContent).toBe('Questo link non ha un token; copia l\'intero link di condivisione, compreso ?token=…');
  });

  it("shows the server's refusal from its code in Italian", async () => {
    serve({
      'GET /api/boards': () => json(200, { boards: [] }),
      'POST /api/boards': () => json(429, { error: 'Too many boards were created from your address; try again in 1 minute(s).', code: 'rate-limited', minutes: 1 }),
    });
    await renderIn(<Landing navigate={vi.fn()} />, 'it');
    expect(await screen.findByText('Ancora nessuna lavagna; crea la prima.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Crea la lavagna' }));
    expect((await screen.findByText(/troppe lavagne/)).textContent).toBe('Dal tuo indirizzo sono state create troppe lavagne; riprova tra 1 minuto.');
  });
});

describe('Landing', () => {
  it('lists the boards this browser knows and the boards on the server', async () => {
    remember('mine1', 'My cobalt board', 'editor', '/b/mine1?token=lt1.e.s');
    serve({ 'GET /api/boards': () => json(200, SERVER_BOARDS) });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);

    const known = within(screen.getByRole('list', { name: 'Your boards' }));
    expect(known.getByText('My cobalt board')).toBeTruthy();
    expect(known.getByText('Editor')).toBeTruthy();
    fireEvent.click(known.getByRole('button', { name: 'Open My cobalt board' }));
    expect(navigate).toHaveBeenCalledWith('/b/mine1?token=lt1.e.s');

    const server = within(await screen.findByRole('list', { name: 'Boards on this server' }));
    expect(server.getByText('Gallium drill')).toBeTruthy();
    expect(server.getAllByText('updated 1 hour ago')).toHaveLength(2);
  });

  it('explains that a share link is needed to open a server board without one', async () => {
    serve({ 'GET /api/boards': () => json(200, SERVER_BOARDS) });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);
    const server = within(await screen.findByRole('list', { name: 'Boards on this server' }));
    fireEvent.click(server.getByRole('button', { name: 'Open Gallium drill' }));
    expect(navigate).not.toHaveBeenCalled();
    expect(server.getByRole('alert').textContent).toMatch(/need a share link/);
  });

  it('creates a board from the chosen template and opens its facilitator link', async () => {
    const fetch = serve({
      'GET /api/boards': () => json(200, { boards: [] }),
      'POST /api/boards': () => json(201, CREATED),
    });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);
    fireEvent.click(screen.getByRole('radio', { name: /Arctic and Nordic sources/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create board' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/b/new1?token=lt1.f.s'));
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ template: 'arctic' });
    expect(list()).toEqual([{ id: 'new1', title: 'Arctic and Nordic sources', links: { facilitator: '/b/new1?token=lt1.f.s' } }]);
  });

  it('offers the five seed templates and the blank board, and sends the new magnet template by name', async () => {
    const fetch = serve({
      'GET /api/boards': () => json(200, { boards: [] }),
      'POST /api/boards': () => json(201, { ...CREATED, title: 'Rare-earth magnets: mine to motor' }),
    });
    await renderIn(<Landing navigate={vi.fn()} />);
    const names = within(screen.getByRole('radiogroup', { name: 'Template' }))
      .getAllByRole('radio')
      .map((radio) => (radio as HTMLInputElement).value);
    expect(names).toEqual(['africa-corridors', 'arctic', 'allied-refiners', 'rare-earth-magnets', 'gallium-germanium', 'blank']);
    expect(screen.getByRole('radio', { name: /Gallium and germanium: the stockpile coalition/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Rare-earth magnets: mine to motor/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create board' }));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ template: 'rare-earth-magnets' });
  });

  it('[H4c] asks once for the creation key when the server needs it, keeps it and retries; the server list presents the links it holds', async () => {
    remember('mine1', 'My cobalt board', 'editor', '/b/mine1?token=lt1.e.s');
    let keyed = 0;
    const fetch = serve({
      'GET /api/boards': () => json(200, { boards: [] }),
      'POST /api/boards': (init) => {
        if ((init.headers as Record<string, string>)['X-Create-Key'] !== 'the-server-key-1234') return json(401, { error: 'This server needs its creation key to create or import boards; ask whoever runs it.', createKeyRequired: true });
        keyed++;
        return json(201, CREATED);
      },
    });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect((fetch.mock.calls[0][1]?.headers as Record<string, string>)['X-Board-Tokens']).toBe('lt1.e.s');
    fireEvent.click(screen.getByRole('button', { name: 'Create board' }));
    const field = await screen.findByLabelText("This server's creation key");
    expect(screen.getByRole('alert').textContent).toMatch(/creation key/);
    fireEvent.change(field, { target: { value: 'the-server-key-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/b/new1?token=lt1.f.s'));
    expect(keyed).toBe(1);
    expect(localStorage.getItem('lodestone.create-key')).toBe('the-server-key-1234');
  });

  it('shows the reason when a pasted share link is not valid', async () => {
    const fetch = serve({ 'GET /api/boards': () => json(200, { boards: [] }) });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);
    fireEvent.change(screen.getByLabelText('Share link'), { target: { value: 'https://example.com/boards/42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('alert').textContent).toMatch(/does not point to a board/);
    expect(navigate).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('checks a pasted link with the server, remembers it and opens it', async () => {
    const fetch = serve({
      'GET /api/boards': () => json(200, { boards: [] }),
      'GET /api/boards/abc': () => json(200, { id: 'abc', title: 'Shared board', createdAt: hourAgo, updatedAt: hourAgo, role: 'viewer' }),
    });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);
    fireEvent.change(screen.getByLabelText('Share link'), { target: { value: `${location.origin}/b/abc?token=lt1.v.s` } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/b/abc?token=lt1.v.s'));
    const check = fetch.mock.calls.find(([url]) => url === '/api/boards/abc');
    expect((check?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer lt1.v.s');
    expect(list()[0]).toEqual({ id: 'abc', title: 'Shared board', links: { viewer: '/b/abc?token=lt1.v.s' } });
  });

  it("shows the server's problems when an import is refused", async () => {
    const problems = [
      { path: 'nodes[2].kind', message: 'must be one of mine, refinery, transport, stockpile, recycler, consumer' },
      { path: 'edges[0].to', message: 'no node has the id "ghost"' },
    ];
    serve({
      'GET /api/boards': () => json(200, { boards: [] }),
      'POST /api/boards/import': () => json(400, { error: 'The board file is not valid:\n- nodes[2].kind: ...', problems }),
    });
    const navigate = vi.fn();
    await renderIn(<Landing navigate={navigate} />);
    const file = new File([JSON.stringify({ format: 'lodestone.board', version: 1, nodes: [], edges: [] })], 'board.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Board file'), { target: { files: [file] } });

    const shown = within(await screen.findByRole('list', { name: 'Problems in the file' }));
    expect(shown.getAllByRole('listitem')).toHaveLength(2);
    expect(shown.getByText('edges[0].to')).toBeTruthy();
    expect(shown.getByText(/no node has the id "ghost"/)).toBeTruthy();
    expect(screen.getByText('The board file is not valid:')).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says so when the chosen file is not JSON', async () => {
    const fetch = serve({ 'GET /api/boards': () => json(200, { boards: [] }) });
    await renderIn(<Landing navigate={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Board file'), { target: { files: [new File(['not json'], 'notes.txt')] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/notes.txt is not a JSON file/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows a sentence, not a blank page, when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    await renderIn(<Landing navigate={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Cannot reach the server; check your connection\./);
    expect(screen.getByRole('heading', { name: 'New board' })).toBeTruthy();
  });
});
