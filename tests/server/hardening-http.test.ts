/**
 * Issue 12, points 4 and 9: the routes that need no board token (create, import, list), replaceable
 * links, the links route of a deleted board, security headers, and `__proto__` keys in a board file.
 */
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { api, closeOf, connectClient, createBoard, startTestServer, waitFor, type TestClient, type TestServer } from '../utils/server-harness';

const SENTENCE = /^[A-Z][^]*\s[^]*[.;]/;
const KEY = 'a-creation-key-of-enough-length';
let servers: TestServer[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer(env);
  servers.push(s);
  return s;
}

/** A raw POST with the given headers and body text. */
async function post(s: TestServer, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${s.url}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

const count = async (s: TestServer) => (await s.storage.listBoards()).length;
const json = { 'content-type': 'application/json' };

describe('hardening: the routes without a board token', () => {
  it('[H4a] creating and importing refuse text/plain and foreign origins, and are rate limited per client address', async () => {
    const s = await server({ LODESTONE_CREATE_RATE: '1', LODESTONE_CREATE_BURST: '4' });
    // A cross-site form (text/plain, or any body a form can send) creates nothing.
    const plain = await post(s, '/api/boards', { 'content-type': 'text/plain' }, '{"template":"blank"}');
    expect(plain.status).toBe(415);
    expect(plain.body.error).toMatch(SENTENCE);
    expect(plain.body.code).toBe('json-required');
    const form = await post(s, '/api/boards/import', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=b');
    expect(form.status).toBe(415);
    const foreign = await post(s, '/api/boards', { ...json, origin: 'https://evil.example' }, '{}');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatch(SENTENCE);
    expect(foreign.body.code).toBe('cross-site');
    expect(await count(s)).toBe(0);
    // The server's own pages (same Origin) and non-browser clients (no Origin) may.
    expect((await post(s, '/api/boards', { ...json, origin: s.url }, '{}')).status).toBe(201);
    expect((await post(s, '/api/boards', json, '{}')).status).toBe(201);
    // The burst is 4 per address (the refused requests counted too, 415 and 403 excepted): then 429 with Retry-After.
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await post(s, '/api/boards', json, '{}')).status);
    expect(answers.filter((code) => code === 429).length).toBeGreaterThan(0);
    const limited = await post(s, '/api/boards/import', json, '{}');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error).toMatch(SENTENCE);
    expect(limited.body).toMatchObject({ code: 'rate-limited', minutes: Math.ceil(Number(limited.headers.get('retry-after')) / 60) });
    expect(await count(s)).toBeLessThanOrEqual(4);
  });

  it('[H4b] with LODESTONE_CREATE_KEY, creating and importing need the key; listing every board needs it too', async () => {
    const s = await server({ LODESTONE_CREATE_KEY: KEY });
    const without = await post(s, '/api/boards', json, '{}');
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ createKeyRequired: true, code: 'create-key-required' });
    expect(without.body.error).toMatch(SENTENCE);
    expect((await post(s, '/api/boards', { ...json, 'x-create-key': 'wrong-key-of-the-same-length!!' }, '{}')).status).toBe(401);
    expect((await post(s, '/api/boards/import', json, '{}')).status).toBe(401);
    const made = await post(s, '/api/boards', { ...json, 'x-create-key': KEY }, '{"title":"Keyed"}');
    expect(made.status).toBe(201);
    expect(await count(s)).toBe(1);
  });

  it('[H9a] GET /api/boards lists only the boards whose tokens the caller presents (or all, with the key), a page at a time', async () => {
    const s = await server({ LODESTONE_CREATE_KEY: KEY });
    const make = async (title: string) => (await post(s, '/api/boards', { ...json, 'x-create-key': KEY }, JSON.stringify({ title }))).body;
    const boards = [];
    for (let i = 0; i < 5; i++) boards.push(await make(`Board ${i}`));
    expect((await api(s, 'GET', '/api/boards')).body).toEqual({ boards: [], next: null });
    const mine = await api(s, 'GET', '/api/boards', { headers: { 'x-board-tokens': `${boards[1].tokens.viewer},${boards[3].tokens.editor}, not-a-token` } });
    expect(mine.body.boards.map((b: { id: string }) => b.id).sort()).toEqual([boards[1].id, boards[3].id].sort());
    const first = await api(s, 'GET', '/api/boards?limit=2', { headers: { 'x-create-key': KEY } });
    expect(first.body.boards).toHaveLength(2);
    expect(first.body.next).toBe(2);
    const last = await api(s, 'GET', '/api/boards?limit=2&offset=4', { headers: { 'x-create-key': KEY } });
    expect(last.body).toMatchObject({ next: null });
    expect(last.body.boards).toHaveLength(1);
    const tooLong = await api(s, 'GET', '/api/boards?limit=1000');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'page-invalid', max: expect.any(Number) });
  });

  it('[H9b] a facilitator replaces the editor link: old editor tokens stop at once and their sockets close with 4401; other roles carry on', async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const editor = connectClient(s.wsUrl, board.id, board.tokens.editor);
    const viewer = connectClient(s.wsUrl, board.id, board.tokens.viewer);
    const facilitator = connectClient(s.wsUrl, board.id, board.tokens.facilitator);
    clients.push(editor, viewer, facilitator);
    await Promise.all([editor, viewer, facilitator].map((c) => c.synced()));
    const closes: Array<{ who: string; code: number; reason: string }> = [];
    for (const [who, c] of [['editor', editor], ['viewer', viewer], ['facilitator', facilitator]] as const) {
      c.provider.on('connection-close', (event) => closes.push({ who, code: event?.code ?? -1, reason: event?.reason ?? '' }));
    }
    const notMine = await api(s, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.editor, body: { role: 'editor' } });
    expect(notMine.status).toBe(403);
    expect(notMine.body).toMatchObject({ code: 'role-required', needed: 'facilitator', held: 'editor' });
    const rotated = await api(s, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.facilitator, body: { role: 'editor' } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.tokens.editor).not.toBe(board.tokens.editor);
    await waitFor(() => closes.length > 0, 10_000, 'the old editor socket closed');
    expect(closes).toEqual([{ who: 'editor', code: 4401, reason: expect.stringMatching(SENTENCE) }]);
    const old = await api(s, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.editor });
    expect(old.status).toBe(401);
    expect(old.body.error).toMatch(/replaced/);
    expect(old.body.code).toBe('token-revoked');
    expect((await closeOf(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`)).code).toBe(4401);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: rotated.body.tokens.editor })).status).toBe(200);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.viewer })).status).toBe(200);
    const fresh = new WebSocket(`${s.wsUrl}/${board.id}?token=${rotated.body.tokens.editor}`);
    await new Promise((resolve, reject) => { fresh.once('open', resolve); fresh.once('close', reject); });
    fresh.terminate();
    // The viewer link next; the links route then hands out the current ones.
    await api(s, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.facilitator, body: { role: 'viewer' } });
    await waitFor(() => closes.some((c) => c.who === 'viewer' && c.code === 4401), 10_000, 'the old viewer socket closed');
    const links = await api(s, 'GET', `/api/boards/${board.id}/links`, { token: board.tokens.facilitator });
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: links.body.tokens.viewer })).status).toBe(200);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: links.body.tokens.editor })).status).toBe(200);
    expect(closes.filter((c) => c.who === 'facilitator')).toEqual([]);
  });

  it('[H9c] the links route of a deleted board answers 404 and mints nothing', async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    expect((await api(s, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.facilitator })).status).toBe(204);
    const links = await api(s, 'GET', `/api/boards/${board.id}/links`, { token: board.tokens.facilitator });
    expect(links.status).toBe(404);
    expect(links.body.error).toMatch(SENTENCE);
    expect(links.body.code).toBe('board-not-found');
    expect(links.body.tokens).toBeUndefined();
  });

  it('[H9d] every answer carries a CSP with frame-ancestors, Referrer-Policy no-referrer and nosniff', async () => {
    const s = await server();
    for (const path of ['/healthz', '/api/boards', '/api/nope', '/b/x']) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy'), path).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('[H9e] a "__proto__" key in a board file is reported with its path, not dropped', async () => {
    const s = await server();
    const file = '{"format":"lodestone.board","version":1,"title":"t","nodes":[{"id":"a","kind":"mine","label":"A","country":"CD","position":{"x":0,"y":0},"capacity":{"__proto__":5,"cobalt":1}}],"edges":[],"scenario":{"name":"B","disruptions":[]},"notes":[]}';
    const res = await post(s, '/api/boards/import', json, file);
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([{ path: 'nodes[0].capacity.__proto__', message: expect.stringMatching(SENTENCE) }]);
  });
});
