import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CREATE_KEY_STORAGE, NETWORK_MESSAGE, createBoard, deleteBoard, getLinks, importBoard, listBoards, saveCreateKey } from '../../../client/shell/api';
import { apiErrorMessage } from '../../../client/api/error-message';
import { parseShareLink } from '../../../client/shell/share-link';
import { intlIn } from '../../utils/intl';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api', () => {
  it('turns a 400 with {error} into an ApiError carrying that sentence', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(400, { error: 'title: Too big: expected string to have <=200 characters' })));
    const failure = await createBoard({ title: 'x'.repeat(300) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe('title: Too big: expected string to have <=200 characters');
    expect((failure as ApiError).status).toBe(400);
  });

  it('turns a network failure into the friendly sentence, never a raw TypeError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const failure = await listBoards([]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toBe(NETWORK_MESSAGE);
    expect((failure as ApiError).message).toBe('Cannot reach the server; check your connection.');
    expect((failure as ApiError).status).toBe(0);
  });

  it('falls back to the status when the error body is not the server JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(listBoards([])).rejects.toThrow('The server answered 502');
  });

  it('keeps the problems list of a refused import', async () => {
    const problems = [{ path: 'nodes[0].kind', message: 'unknown kind "volcano"' }];
    vi.stubGlobal('fetch', vi.fn(async () => json(400, { error: 'The board file is not valid:\n- nodes[0].kind: unknown kind', problems })));
    const failure = (await importBoard({}).catch((e: unknown) => e)) as ApiError;
    expect(failure.problems).toEqual(problems);
  });

  it('sends the token as a Bearer header and the body as JSON', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, { tokens: {}, links: { facilitator: '/b/b1?token=a.b.c' } }));
    vi.stubGlobal('fetch', fetch);
    await getLinks('b1', 'a.b.c');
    expect(fetch.mock.calls[0][0]).toBe('/api/boards/b1/links');
    expect((fetch.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer a.b.c');

    fetch.mockResolvedValueOnce(json(201, { id: 'n', title: 't', tokens: {}, links: {} }));
    await createBoard({ template: 'arctic', title: '  Nordic drill  ' });
    expect(fetch.mock.calls[1][1]?.method).toBe('POST');
    expect(JSON.parse(String(fetch.mock.calls[1][1]?.body))).toEqual({ template: 'arctic', title: 'Nordic drill' });
  });

  it('presents the tokens it holds when listing, sends the stored creation key, and flags a refusal that needs the key', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, { boards: [] }));
    vi.stubGlobal('fetch', fetch);
    await listBoards(['t.one.x', 't.two.y']);
    expect((fetch.mock.calls[0][1]?.headers as Record<string, string>)['X-Board-Tokens']).toBe('t.one.x,t.two.y');
    saveCreateKey('  the-key-of-the-server  ');
    try {
      expect(localStorage.getItem(CREATE_KEY_STORAGE)).toBe('the-key-of-the-server');
      fetch.mockResolvedValueOnce(json(401, { error: 'This server needs its creation key to create or import boards; ask whoever runs it.', createKeyRequired: true }));
      const failure = (await createBoard({}).catch((e: unknown) => e)) as ApiError;
      expect((fetch.mock.calls[1][1]?.headers as Record<string, string>)['X-Create-Key']).toBe('the-key-of-the-server');
      expect(failure.createKeyRequired).toBe(true);
    } finally {
      saveCreateKey('');
    }
    expect(localStorage.getItem(CREATE_KEY_STORAGE)).toBeNull();
  });

  it('resolves a 204 delete without reading a body', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    await expect(deleteBoard('b1', 'a.b.c')).resolves.toBeUndefined();
  });
});

describe('error codes', () => {
  it('carry the code and the values of the answer, and read in the person\'s language', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(429, { error: 'Too many boards were created from your address; try again in 3 minute(s).', code: 'rate-limited', minutes: 3 })));
    const failure = (await createBoard({}).catch((e: unknown) => e)) as ApiError;
    expect(failure).toMatchObject({ status: 429, code: 'rate-limited', values: { minutes: 3 } });
    expect(apiErrorMessage(await intlIn('en'), failure, 'shell.newBoard.failed')).toBe('Too many boards were created from your address; try again in 3 minutes.');
    expect(apiErrorMessage(await intlIn('it'), failure, 'shell.newBoard.failed')).toBe('Dal tuo indirizzo sono state create troppe lavagne; riprova tra 3 minuti.');
  });

  it('word roles, network failures and bare statuses in Italian too', async () => {
    const it_ = await intlIn('it');
    vi.stubGlobal('fetch', vi.fn(async () => json(403, { error: 'This needs the facilitator link; yours is a viewer link.', code: 'role-required', needed: 'facilitator', held: 'viewer' })));
    const role = await getLinks('b1', 'a.b.c').catch((e: unknown) => e);
    expect(apiErrorMessage(await intlIn('en'), role, 'shell.share.loadFailed')).toBe('This needs the facilitator link; yours is a viewer link.');
    expect(apiErrorMessage(it_, role, 'shell.share.loadFailed')).toBe('Serve il link da facilitatore; il tuo è un link da osservatore.');
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    expect(apiErrorMessage(it_, await listBoards([]).catch((e: unknown) => e), 'shell.boards.failed')).toBe('Impossibile raggiungere il server; controlla la connessione.');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(apiErrorMessage(it_, await listBoards([]).catch((e: unknown) => e), 'shell.boards.failed')).toBe('Il server ha risposto 502.');
  });

  it("fall back to the server's sentence for a code this page does not know, and to the page's own words for anything else", async () => {
    const it_ = await intlIn('it');
    vi.stubGlobal('fetch', vi.fn(async () => json(409, { error: 'A brand new refusal.', code: 'not-yet-known' })));
    expect(apiErrorMessage(it_, await createBoard({}).catch((e: unknown) => e), 'shell.newBoard.failed')).toBe('A brand new refusal.');
    vi.stubGlobal('fetch', vi.fn(async () => json(400, { error: 'An answer without a code.' })));
    expect(apiErrorMessage(it_, await createBoard({}).catch((e: unknown) => e), 'shell.newBoard.failed')).toBe('An answer without a code.');
    expect(apiErrorMessage(it_, new Error('boom'), 'shell.newBoard.failed')).toBe('Impossibile creare la lavagna; riprova.');
  });
});

describe('parseShareLink', () => {
  const origin = 'https://lodestone.example';

  it('accepts a full URL and a path, keeping a path for this server', () => {
    const full = parseShareLink('https://lodestone.example/b/abc_1?token=lt1.eyJi.sig', origin);
    const path = parseShareLink('/b/abc_1?token=lt1.eyJi.sig', origin);
    expect(full).toEqual({ ok: true, link: { boardId: 'abc_1', token: 'lt1.eyJi.sig', url: '/b/abc_1?token=lt1.eyJi.sig' } });
    expect(path).toEqual(full);
  });

  it('follows a link to another server there', () => {
    const other = parseShareLink('http://other.example:8787/b/abc?token=lt1.x.y', origin);
    expect(other.ok && other.link.url).toBe('http://other.example:8787/b/abc?token=lt1.x.y');
  });

  it('names what is wrong with a bad link', () => {
    const reason = (text: string) => {
      const parsed = parseShareLink(text, origin);
      return parsed.ok ? null : parsed.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('https://lodestone.example/boards/abc')).toBe('notBoard');
    expect(reason('/b/abc')).toBe('noToken');
    expect(reason('/b/abc?token=broken')).toBe('badToken');
    expect(reason('/b/a%2Fb?token=lt1.x.y')).toBe('boardId');
    expect(reason('javascript:alert(1)')).toBe('protocol');
    expect(reason('http://[::1')).toBe('notLink');
  });
});
