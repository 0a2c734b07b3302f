/**
 * Bad input and operational limits: oversized messages, rate limits, malformed frames, undecodable
 * updates, bad board ids, environment validation and graceful shutdown. Each misbehaving socket must
 * be closed with its documented code while everyone else on the board carries on, and nothing changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens';
import { readConfig } from '../../server/config';
import { encodeAwareness, encodeUpdate } from '../../server/protocol/messages';
import { decodableButUnappliable } from './fixtures/bad-updates';
import { CHILD_SECRET, freePort, killAllChildren, restartChildServer, spawnServer, startChildServer } from '../utils/child-server';
import { mark, markOf } from '../utils/doc-marks';
import { api, closeOf, connectClient, createBoard, startTestServer, waitFor, type TestClient, type TestServer } from '../utils/server-harness';

const SECRET = 'a-test-secret-of-enough-length';

let servers: TestServer[] = [];
let clients: TestClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
  await killAllChildren();
});
afterAll(async () => {
  await killAllChildren();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer({ LODESTONE_SECRET: SECRET, ...env });
  servers.push(s);
  return s;
}

function client(wsUrl: string, boardId: string, token: string): TestClient {
  const c = connectClient(wsUrl, boardId, token);
  clients.push(c);
  return c;
}

/** Close codes a client's sockets were closed with (y-websocket reconnects, so there may be several). */
function closesOf(c: TestClient): number[] {
  const codes: number[] = [];
  c.provider.on('connection-close', (event) => codes.push(event?.code ?? -1));
  return codes;
}

/** Two honest editors on a board, synced, with their close codes recorded. */
async function honestPair(s: TestServer, boardId: string, token: string) {
  const a = client(s.wsUrl, boardId, token);
  const b = client(s.wsUrl, boardId, token);
  await Promise.all([a.synced(), b.synced()]);
  return { a, b, closes: [closesOf(a), closesOf(b)] };
}

/** a edits, b must see it (and the other way round). */
async function stillEditTogether(a: TestClient, b: TestClient, tag: string): Promise<void> {
  mark(a.doc, `${tag}-a`, 1);
  mark(b.doc, `${tag}-b`, 2);
  await waitFor(() => markOf(b.doc, `${tag}-a`) === '1' && markOf(a.doc, `${tag}-b`) === '2', 10_000, `${tag}: honest edits relayed`);
}

const exportOf = async (s: TestServer, boardId: string, token: string) => {
  const res = await api(s, 'GET', `/api/boards/${boardId}/export`, { token });
  expect(res.status).toBe(200);
  return res.body;
};

/** Opens a raw socket, runs send once it is open, and resolves with how the server closed it. */
const rawClose = (url: string, send: (ws: WebSocket) => void) => closeOf(url, send, 15_000);

/** A real, valid update frame setting meta[key] = value, or a note's text for a key meta does not have (captured from a Y.Doc). */
function updateFrame(key: string, value: string): { frame: Uint8Array; update: Uint8Array } {
  const doc = new Y.Doc();
  if (key === 'title') doc.getMap('meta').set(key, value);
  else mark(doc, key, value);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { frame: encodeUpdate(update), update };
}

/** A sentence, as the server's close reasons are: words, and a full stop or a semicolon clause. */
const SENTENCE = /^[A-Z][^]*\s[^]*[.;]/;

describe('limits and bad input', () => {
  it('[L1] a message above LODESTONE_MAX_MESSAGE_BYTES closes that socket with 1009; others carry on; the board is unchanged', async () => {
    const s = await server({ LODESTONE_MAX_MESSAGE_BYTES: String(64 * 1024) });
    const board = await createBoard(s, 'africa-corridors');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const before = await exportOf(s, board.id, board.tokens.viewer);

    const { frame } = updateFrame('title', 'x'.repeat(100 * 1024));
    expect(frame.length).toBeGreaterThan(64 * 1024);
    const closed = await rawClose(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws) => ws.send(frame));
    expect(closed.code).toBe(1009);

    expect(await exportOf(s, board.id, board.tokens.viewer)).toEqual(before);
    expect(a.doc.getMap('meta').get('title')).toBe(before.title);
    await stillEditTogether(a, b, 'after-1009');
    // Just under the limit is still fine.
    const { frame: small } = updateFrame('under-limit', 'y'.repeat(60 * 1024));
    expect(small.length).toBeLessThan(64 * 1024);
    const sender = new WebSocket(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    sender.on('error', () => undefined);
    await new Promise((resolve) => sender.once('open', resolve));
    sender.send(small);
    await waitFor(() => (markOf(b.doc, 'under-limit') ?? '').length === 60 * 1024, 10_000, 'a message under the limit is relayed');
    sender.terminate();
    expect(closes).toEqual([[], []]);
  });

  it('[L2] a socket over the rate limit is closed with 1008; others are unaffected', async () => {
    const s = await server({ LODESTONE_RATE_LIMIT: '20', LODESTONE_RATE_BURST: '40' });
    const board = await createBoard(s, 'blank');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const before = await exportOf(s, board.id, board.tokens.viewer);

    const flood = (ws: WebSocket) => {
      for (let i = 0; i < 200; i++) {
        if (i % 2 === 0) {
          ws.send(new Uint8Array([3]));
        } else {
          const e = encoding.createEncoder();
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 424_242);
          encoding.writeVarUint(e, i);
          encoding.writeVarString(e, JSON.stringify({ user: { name: 'flood' }, cursor: { x: i, y: i } }));
          ws.send(encodeAwareness(encoding.toUint8Array(e)));
        }
      }
    };
    const closed = await rawClose(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`, flood);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(SENTENCE);

    await stillEditTogether(a, b, 'after-1008');
    // The flooder's awareness state left with it.
    await waitFor(() => !a.provider.awareness.getStates().has(424_242), 10_000, 'flooder awareness removed');
    // A well-behaved socket on the same server is not limited: 30 messages within the burst.
    const calm = new WebSocket(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    const calmCloses: number[] = [];
    calm.on('close', (code) => calmCloses.push(code));
    await new Promise((resolve) => calm.once('open', resolve));
    for (let i = 0; i < 30; i++) calm.send(new Uint8Array([3]));
    await new Promise<void>((resolve) => {
      calm.once('pong', () => resolve());
      calm.ping();
    });
    expect(calmCloses).toEqual([]);
    calm.terminate();
    // The export holds the board and the test's marks (notes), so without them it is as before.
    const after = await exportOf(s, board.id, board.tokens.viewer);
    expect({ ...after, notes: after.notes.filter((n: { id: string }) => !n.id.startsWith('after-')) }).toEqual(before);
    expect(closes).toEqual([[], []]);
  });

  it('[L3] a malformed protocol message closes only that socket with 4400 and a sentence, and changes nothing', async () => {
    const s = await server();
    const board = await createBoard(s, 'arctic');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const before = await exportOf(s, board.id, board.tokens.viewer);

    const url = `${s.wsUrl}/${board.id}?token=${board.tokens.editor}`;
    const cases = await Promise.all([
      rawClose(url, (ws) => ws.send(new Uint8Array([7, 7, 7]))),
      rawClose(url, (ws) => ws.send(new Uint8Array([0, 9, 1, 0]))),
      rawClose(url, (ws) => ws.send(new Uint8Array([0, 2, 200, 1, 2]))),
      rawClose(url, (ws) => ws.send(new Uint8Array([3, 0]))),
      rawClose(url, (ws) => ws.send(new Uint8Array([]))),
      rawClose(url, (ws) => ws.send('hello, I am text')),
    ]);
    for (const c of cases) {
      expect(c.code).toBe(4400);
      expect(c.reason).toMatch(SENTENCE);
    }

    expect(await exportOf(s, board.id, board.tokens.viewer)).toEqual(before);
    await stillEditTogether(a, b, 'after-4400');
    expect(closes).toEqual([[], []]);
  });

  it('[L4] an update Yjs cannot decode closes with 4400; the board is unchanged and others still sync', async () => {
    const s = await server();
    const board = await createBoard(s, 'africa-corridors');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const before = await exportOf(s, board.id, board.tokens.viewer);

    const { update } = updateFrame('title', 'Truncated takeover');
    const truncated = update.slice(0, update.length - 3);
    expect(() => Y.decodeUpdate(truncated)).toThrow();
    const url = `${s.wsUrl}/${board.id}?token=${board.tokens.editor}`;
    const asUpdate = await rawClose(url, (ws) => ws.send(encodeUpdate(truncated)));
    // The same payload as a SyncStep2 ([0, 1, ...]) goes through the same check.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, truncated);
    const asStep2 = await rawClose(url, (ws) => ws.send(encoding.toUint8Array(e)));
    for (const c of [asUpdate, asStep2]) {
      expect(c.code).toBe(4400);
      expect(c.reason).toMatch(SENTENCE);
    }

    expect(await exportOf(s, board.id, board.tokens.viewer)).toEqual(before);
    const late = client(s.wsUrl, board.id, board.tokens.viewer);
    await late.synced();
    expect(late.doc.getMap('meta').get('title')).toBe(before.title);
    expect(late.doc.getMap('nodes').size).toBe(before.nodes.length);
    await stillEditTogether(a, b, 'after-bad-update');
    expect(closes).toEqual([[], []]);
  });

  it('[L4b] an update that decodes but fails half-way through applying closes with 4400 and changes nothing', async () => {
    const s = await server();
    const board = await createBoard(s, 'africa-corridors');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const docState = async () => {
      const fresh = client(s.wsUrl, board.id, board.tokens.viewer);
      await fresh.synced();
      const state = { vector: Array.from(Y.encodeStateVector(fresh.doc)), json: fresh.doc.toJSON() };
      fresh.destroy();
      clients = clients.filter((c) => c !== fresh);
      return state;
    };
    const exported = await exportOf(s, board.id, board.tokens.viewer);
    const before = await docState();

    const bad = decodableButUnappliable();
    const closed = await rawClose(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws) => ws.send(encodeUpdate(bad)));
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(SENTENCE);

    expect(await exportOf(s, board.id, board.tokens.viewer)).toEqual(exported);
    expect(await docState()).toEqual(before);
    await stillEditTogether(a, b, 'after-unappliable');
    expect(closes).toEqual([[], []]);
  });

  it('[L5] bad board ids are refused: 4404 on the socket, 404 with a sentence over REST; unknown API routes answer 404 JSON', async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const long = 'a'.repeat(200);
    const token = (id: string) => signToken({ boardId: id, role: 'editor', exp: Math.floor(Date.now() / 1000) + 600 }, SECRET);
    const sockets = await Promise.all([
      closeOf(`${s.wsUrl}/..%2F..?token=${board.tokens.editor}`),
      closeOf(`${s.wsUrl}/${long}?token=${token(long)}`),
      closeOf(`${s.wsUrl}/${long}?token=${board.tokens.editor}`),
      closeOf(`${s.wsUrl}/a%00b?token=${board.tokens.editor}`),
    ]);
    expect(sockets.map((c) => c.code)).toEqual([4404, 4404, 4404, 4404]);
    for (const c of sockets) expect(c.reason).toMatch(SENTENCE);

    for (const bad of ['..%2F..', long, 'a%20b', 'bad!id', '%00']) {
      const res = await api(s, 'GET', `/api/boards/${bad}/export`, { token: board.tokens.viewer });
      expect(res.status, bad).toBe(404);
      expect(res.body.error, bad).toMatch(SENTENCE);
      expect(res.body.code, bad).toBe('board-id-invalid');
    }
    // A well-formed id with a valid token for it, but no such board.
    const missing = await api(s, 'GET', '/api/boards/no-such-board/export', { token: token('no-such-board') });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no board/);
    expect(missing.body.code).toBe('board-not-found');

    for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/boards/x/y/z'], ['DELETE', '/api/'], ['GET', '/api/boards/x/snapshots/y/z']]) {
      const res = await fetch(`${s.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/application\/json/);
      const answer = await res.json();
      expect(answer.error, `${method} ${path}`).toMatch(SENTENCE);
      expect(answer.code, `${method} ${path}`).toBe('no-such-route');
    }
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('[L6] readConfig names every bad variable; the entry point exits 2 with one line on stderr', async () => {
    const bad = { PORT: 'abc', LODESTONE_MAX_MESSAGE_BYTES: '-1', DATABASE_URL: 'mysql://x', LODESTONE_SECRET: 'short' };
    let message = '';
    try {
      readConfig(bad, null);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    for (const name of Object.keys(bad)) expect(message).toContain(name);
    // A good environment reads fine, and each variable alone is reported alone.
    expect(readConfig({ PORT: '8080', LODESTONE_SECRET: SECRET }, null).port).toBe(8080);
    for (const [name, value] of Object.entries(bad)) {
      expect(() => readConfig({ [name]: value }, null)).toThrow(name);
    }

    const child = spawnServer({ PORT: 'abc', LOG_LEVEL: 'silent', LODESTONE_DB: join(tmpdir(), 'lodestone-never-created.db') });
    const exit = await child.exited;
    expect(exit.code, child.stderr()).toBe(2);
    const lines = child.stderr().trim().split('\n');
    expect(lines, child.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
    expect(child.stdout()).toBe('');
  });

  it('[L7] SIGTERM: clients are closed with 1012, the process exits 0, and the edits are there after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lodestone-sigterm-'));
    dirs.push(dir);
    const env = { PORT: String(await freePort()), LODESTONE_DB: join(dir, 'lodestone.db'), LOG_LEVEL: 'silent', LODESTONE_SECRET: CHILD_SECRET };
    const first = await startChildServer(env);
    const board = await createBoard(first, 'blank');
    const editor = client(first.wsUrl, board.id, board.tokens.editor);
    await editor.synced();
    const closes = closesOf(editor);
    for (let i = 0; i < 20; i++) mark(editor.doc, `edit-${i}`, i);
    editor.doc.getMap('meta').set('title', 'Saved before shutdown');
    // Frames are applied in order and the export answers after pending writes: once it shows the
    // title (sent last), every edit is applied on the server.
    await waitFor(async () => (await api(first, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.viewer })).body?.title === 'Saved before shutdown', 10_000, 'edits reached the server');
    // A raw socket too, to see the exact close code and reason; it has joined once it hears SyncStep1.
    const raw = new WebSocket(`${first.wsUrl}/${board.id}?token=${board.tokens.viewer}`);
    raw.on('error', () => undefined);
    const rawClosed = new Promise<{ code: number; reason: string }>((resolve) => raw.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve) => raw.once('message', resolve));

    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit, first.stderr()).toEqual({ code: 0, signal: null });
    const rawClose = await rawClosed;
    expect(rawClose.code).toBe(1012);
    expect(rawClose.reason).toMatch(SENTENCE);
    await waitFor(() => closes.length > 0, 10_000, 'editor socket closed');
    expect(closes[0]).toBe(1012);
    editor.destroy();
    clients = clients.filter((c) => c !== editor);

    const second = await restartChildServer(env);
    const fresh = client(second.wsUrl, board.id, board.tokens.viewer);
    await fresh.synced();
    expect(fresh.doc.getMap('meta').get('title')).toBe('Saved before shutdown');
    for (let i = 0; i < 20; i++) expect(markOf(fresh.doc, `edit-${i}`)).toBe(String(i));
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});
