import { once } from 'node:events';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signToken } from '../../server/auth/tokens';
import { successiveUpdates } from './fixtures/successive-updates';
import { encodeUpdate } from '../../server/protocol/messages';
import { readBoardFromDoc } from '../../shared/board/yjs-doc';
import { mark, markOf } from '../utils/doc-marks';
import { api, BACKENDS, closeOf, connectClient, createBoard, startTestServer, waitFor, type TestClient, type TestServer } from '../utils/server-harness';

let servers: TestServer[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
});

let backend: (typeof BACKENDS)[number] = 'sqlite';
async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer(env, undefined, backend);
  servers.push(s);
  return s;
}

function client(s: TestServer, boardId: string, token: string): TestClient {
  const c = connectClient(s.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

const state = (doc: Y.Doc) => JSON.stringify(readBoardFromDoc(doc));

/** Closes a server and starts a new one on the same storage (the backend of the running describe block). */
async function restart(first: TestServer): Promise<TestServer> {
  await first.close();
  const second = await startTestServer(first.env, first.dir, backend);
  servers = servers.map((s) => (s === first ? second : s));
  return second;
}

describe.each(BACKENDS)('sync server on %s', (name) => {
  beforeEach(() => {
    backend = name;
  });

  it('[S1] a stock WebsocketProvider receives the board seeded from a template', async () => {
    const s = await server();
    const board = await createBoard(s, 'africa-corridors');
    const c = client(s, board.id, board.tokens.editor);
    await c.synced();
    expect(readBoardFromDoc(c.doc).nodes.length).toBeGreaterThanOrEqual(15);
  });

  it('[S2] N clients editing concurrently converge to identical state', async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const peers = Array.from({ length: 6 }, () => client(s, board.id, board.tokens.editor));
    await Promise.all(peers.map((p) => p.synced()));
    for (let round = 0; round < 20; round++) {
      peers.forEach((p, i) => {
        mark(p.doc, `k${i}`, round);
        p.doc.getMap('notes').set(`n-${i}-${round}`, new Y.Map(Object.entries({ text: `note ${i}.${round}`, position: { x: i, y: round } })));
      });
    }
    const expected = (doc: Y.Doc) => doc.getMap('notes').size === 126;
    await waitFor(() => peers.every((p) => expected(p.doc)), 10_000, 'all notes everywhere');
    const first = state(peers[0].doc);
    expect(peers.every((p) => state(p.doc) === first)).toBe(true);
    const exported = await api(s, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.viewer });
    expect(exported.body.notes).toHaveLength(126);
  });

  it('[S3] every edit survives a server restart on the same storage', async () => {
    const first = await server();
    const board = await createBoard(first, 'blank');
    const c = client(first, board.id, board.tokens.editor);
    await c.synced();
    for (let i = 0; i < 50; i++) mark(c.doc, `edit-${i}`, i);
    await waitFor(async () => (await api(first, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.viewer })).status === 200);
    const watcher = client(first, board.id, board.tokens.viewer);
    await waitFor(() => markOf(watcher.doc, 'edit-49') === '49', 10_000, 'watcher sees all edits');
    c.destroy();
    watcher.destroy();
    const again = client(await restart(first), board.id, board.tokens.viewer);
    await again.synced();
    for (let i = 0; i < 50; i++) expect(markOf(again.doc, `edit-${i}`)).toBe(String(i));
  });

  it('[S3b] an update that arrives before the one it builds on is kept: stored, relayed, and whole after a restart', async () => {
    const first = await server();
    const board = await createBoard(first, 'blank');
    const watcher = client(first, board.id, board.tokens.viewer);
    await watcher.synced();
    const { base, later } = successiveUpdates('meta', 'description', 'Lobito', 'Lobito via Kolwezi');
    const ws = new WebSocket(`${first.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    await once(ws, 'open');
    // The same socket, so the server handles them in this order: the later edit first, parked until its base.
    ws.send(encodeUpdate(later));
    ws.send(encodeUpdate(base));
    await waitFor(() => watcher.doc.getMap('meta').get('description') === 'Lobito via Kolwezi', 10_000, 'the watcher gets both updates');
    ws.close();
    watcher.destroy();
    const again = client(await restart(first), board.id, board.tokens.viewer);
    await again.synced();
    expect(again.doc.getMap('meta').get('description')).toBe('Lobito via Kolwezi');
  });

  it("[S4] a viewer's write changes nothing anywhere", async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const editor = client(s, board.id, board.tokens.editor);
    const viewer = client(s, board.id, board.tokens.viewer);
    await Promise.all([editor.synced(), viewer.synced()]);
    viewer.doc.getMap('meta').set('title', 'hijacked by a viewer');
    mark(editor.doc, 'marker', 'after');
    await waitFor(() => markOf(viewer.doc, 'marker') === 'after', 10_000, 'viewer receives the editor edit');
    const exported = await api(s, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.viewer });
    expect(exported.body.title).toBe('Untitled board');
    expect(editor.doc.getMap('meta').get('title')).toBe('Untitled board');
    const fresh = client(s, board.id, board.tokens.viewer);
    await fresh.synced();
    expect(fresh.doc.getMap('meta').get('title')).toBe('Untitled board');
  });

  it("[S5] a viewer's awareness keeps only name, colour and cursor; spoofed fields are dropped", async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const editor = client(s, board.id, board.tokens.editor);
    const viewer = client(s, board.id, board.tokens.viewer);
    await Promise.all([editor.synced(), viewer.synced()]);
    viewer.provider.awareness.setLocalState({ user: { name: 'Vera', color: '#f00', role: 'facilitator' }, cursor: { x: 1, y: 2 }, selection: ['n1'], presenter: true });
    const viewerId = viewer.doc.clientID;
    await waitFor(() => editor.provider.awareness.getStates().has(viewerId), 10_000, 'viewer awareness relayed');
    expect(editor.provider.awareness.getStates().get(viewerId)).toEqual({ user: { name: 'Vera', color: '#f00', viewer: true }, cursor: { x: 1, y: 2 } });
  });

  it("[S6] a connection cannot overwrite another client's awareness", async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const a = client(s, board.id, board.tokens.editor);
    const b = client(s, board.id, board.tokens.editor);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalState({ user: { name: 'Ana' } });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ana');
    // b forges an update for a's client id with a higher clock.
    const forged = new (await import('y-protocols/awareness')).Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.setLocalState({ user: { name: 'Mallory' } });
    forged.setLocalState({ user: { name: 'Mallory' }, x: 1 });
    forged.setLocalState({ user: { name: 'Mallory' }, x: 2 });
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const { encodeAwareness } = await import('../../server/protocol/messages');
    (b.provider.ws as unknown as { send(d: Uint8Array): void }).send(encodeAwareness(encodeAwarenessUpdate(forged, [a.doc.clientID])));
    b.provider.awareness.setLocalState({ user: { name: 'Bob' } });
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bob');
    const c = client(s, board.id, board.tokens.viewer);
    await waitFor(() => c.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bob', 10_000, 'third client sees Bob');
    expect(c.provider.awareness.getStates().get(a.doc.clientID)?.user?.name).toBe('Ana');
    forged.destroy();
  });

  it('[S8] a client alone on a board hears its own awareness back, so its silence watchdog never fires', async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const { WebSocket } = await import('ws');
    const { encodeAwareness, MESSAGE_AWARENESS } = await import('../../server/protocol/messages');
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const ws = new WebSocket(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`);
    const frames: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    await new Promise((resolve) => ws.on('open', resolve));
    const mine = new Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'Solo' } });
    ws.send(encodeAwareness(encodeAwarenessUpdate(mine, [mine.clientID])));
    await waitFor(() => frames.some((f) => f[0] === MESSAGE_AWARENESS), 5000, 'own awareness echoed');
    ws.close();
    mine.destroy();
  });

  it('[S7] bad, expired and other-board tokens close with 4401 and 4403; unknown boards with 4404', async () => {
    const s = await server({ LODESTONE_SECRET: 'a-test-secret-of-enough-length' });
    const board = await createBoard(s, 'blank');
    const other = await createBoard(s, 'blank');
    const ws = (id: string, token?: string) => `${s.wsUrl}/${id}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
    const expired = signToken({ boardId: board.id, role: 'editor', exp: Math.floor(Date.now() / 1000) - 10 }, 'a-test-secret-of-enough-length');
    const forged = signToken({ boardId: board.id, role: 'facilitator', exp: Math.floor(Date.now() / 1000) + 100 }, 'some-other-secret-xxxxxxxx');
    const cases = await Promise.all([
      closeOf(ws(board.id)),
      closeOf(ws(board.id, 'garbage')),
      closeOf(ws(board.id, expired)),
      closeOf(ws(board.id, forged)),
      closeOf(ws(board.id, other.tokens.editor)),
      closeOf(ws('no-such-board', signToken({ boardId: 'no-such-board', role: 'editor', exp: Math.floor(Date.now() / 1000) + 100 }, 'a-test-secret-of-enough-length'))),
      closeOf(ws('..%2F..%2Fetc', board.tokens.editor)),
    ]);
    expect(cases.map((c) => c.code)).toEqual([4401, 4401, 4401, 4401, 4403, 4404, 4404]);
    expect(cases[2].reason).toMatch(/expired/);
    expect(cases[4].reason).toMatch(/another board/);
    for (const c of cases) expect(c.reason.length).toBeGreaterThan(10);
  });
});
