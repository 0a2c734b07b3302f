/**
 * Issue 12, points 5, 6 and 8: awareness bounds per connection, backpressure (a client that stops
 * reading, frames sent while a board loads), and presence ownership across a reconnect.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAwareness } from '../../server/protocol/messages';
import { outdatedTimeout as RESERVATION_MS } from 'y-protocols/awareness';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import type { Storage } from '../../server/storage/storage';
import { mark, markOf } from '../utils/doc-marks';
import { closeOf, connectClient, createBoard, settled, startTestServer, waitFor, type TestClient, type TestServer } from '../utils/server-harness';

const SENTENCE = /^[A-Z][^]*\s[^]*[.;]/;
let servers: TestServer[] = [];
let clients: TestClient[] = [];
let sockets: Array<WebSocket | Socket> = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) (s instanceof WebSocket ? s.terminate() : s.destroy());
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function server(env: Record<string, string> = {}, options = {}): Promise<TestServer> {
  const s = await startTestServer(env, undefined, 'sqlite', options);
  servers.push(s);
  return s;
}

function client(s: TestServer, boardId: string, token: string): TestClient {
  const c = connectClient(s.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

/** An awareness frame announcing `states` (client id, clock, state). */
function awarenessFrame(states: Array<[number, number, unknown]>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, states.length);
  for (const [id, clock, state] of states) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encodeAwareness(encoding.toUint8Array(e));
}

const closesWith = async (s: TestServer, code: number) => (await s.metrics.closes.get()).values.find((v) => v.labels.code === String(code))?.value ?? 0;

describe('hardening: presence and backpressure', () => {
  it('[H5] one connection may announce at most LODESTONE_MAX_AWARENESS_STATES client ids and LODESTONE_MAX_AWARENESS_BYTES of state; over it, only it is closed', async () => {
    const s = await server();
    const board = await createBoard(s, 'blank');
    const watcher = client(s, board.id, board.tokens.viewer);
    await watcher.synced();
    const url = `${s.wsUrl}/${board.id}?token=${board.tokens.editor}`;
    const foreign = () => [...watcher.provider.awareness.getStates().keys()].filter((id) => id !== watcher.doc.clientID);

    // 1,000 client ids in one frame.
    const many = Array.from({ length: 1000 }, (_, i): [number, number, unknown] => [5_000_000 + i, 1, { user: { name: `bot ${i}` }, cursor: { x: i, y: i } }]);
    const flood = await closeOf(url, (ws) => ws.send(awarenessFrame(many)));
    expect(flood.code).toBe(4400);
    expect(flood.reason).toMatch(SENTENCE);
    // Eight ids one frame at a time are fine; the ninth closes the socket.
    const drip = await closeOf(url, (ws) => {
      for (let i = 0; i < 12; i++) ws.send(awarenessFrame([[6_000_000 + i, 1, { user: { name: `drip ${i}` } }]]));
    });
    expect(drip.code).toBe(4400);
    expect(drip.reason).toMatch(/more than 8/);
    // One state of 70 KB (over the 64 KB default).
    const big = await closeOf(url, (ws) => ws.send(awarenessFrame([[7_000_000, 1, { user: { name: 'big' }, selection: ['x'.repeat(70 * 1024)] }]])));
    expect(big.code).toBe(4400);
    // None of it reached the watcher beyond what the limits allow, and all of it left with its socket.
    await waitFor(() => foreign().length === 0, 10_000, 'attackers awareness removed');
    expect(watcher.provider.wsconnected).toBe(true);
    // A person with a normal state is unaffected.
    const person = client(s, board.id, board.tokens.editor);
    person.provider.awareness.setLocalState({ user: { name: 'Ana', color: '#123456' }, cursor: { x: 1, y: 2 }, selection: Array.from({ length: 500 }, (_, i) => `node-${i}`) });
    await waitFor(() => foreign().includes(person.doc.clientID), 10_000, 'the person is seen');
  });

  it('[H6] a client that stops reading is closed once LODESTONE_MAX_SEND_BUFFER_BYTES wait for it; the board carries on', async () => {
    const s = await server({ LODESTONE_MAX_SEND_BUFFER_BYTES: String(256 * 1024), LODESTONE_MAX_MESSAGE_BYTES: String(1024 * 1024) });
    const board = await createBoard(s, 'blank');
    const writer = client(s, board.id, board.tokens.editor);
    const reader = client(s, board.id, board.tokens.viewer);
    await Promise.all([writer.synced(), reader.synced()]);
    // A viewer that completes the handshake and then never reads again.
    const stalled = await stalledViewer(s.port, board.id, board.tokens.viewer);
    sockets.push(stalled);
    await waitFor(async () => (await s.metrics.connections.get()).values[0]?.value === 3, 10_000, 'three connections');
    const before = await closesWith(s, 1013);
    for (let i = 0; i < 400 && (await closesWith(s, 1013)) === before; i++) {
      mark(writer.doc, `big-${i % 20}`, `${i}:${'x'.repeat(200 * 1024)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await closesWith(s, 1013)).toBe(before + 1);
    await waitFor(async () => (await s.metrics.connections.get()).values[0]?.value === 2, 10_000, 'the stalled socket is gone');
    // The honest reader got everything and both honest clients are still connected.
    mark(writer.doc, 'after', 'done');
    await waitFor(() => markOf(reader.doc, 'after') === 'done', 10_000, 'the reader still receives');
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);
  });

  it('[H6b] what a connection sends while its board loads is buffered up to LODESTONE_MAX_EARLY_BYTES; more closes it with 1008', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lodestone-early-'));
    dirs.push(dir);
    const storage = new SqliteStorage(join(dir, 'early.db'));
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    // The real storage, with its reads of a board's updates held until the test lets them go.
    const slow: Storage = Object.assign(Object.create(storage) as Storage, {
      async loadUpdates(this: Storage, id: string) {
        await gate;
        return SqliteStorage.prototype.loadUpdates.call(this, id);
      },
    });
    const s = await server({ LODESTONE_MAX_EARLY_BYTES: String(64 * 1024), LODESTONE_DB: join(dir, 'early.db') }, { storage: slow });
    const board = await createBoard(s, 'blank');
    gate = new Promise<void>((resolve) => (release = resolve));
    const result = closeOf(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws) => {
      for (let i = 0; i < 40; i++) ws.send(new Uint8Array(4096).fill(3));
    });
    const closed = await result;
    release();
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(SENTENCE);
    const fine = client(s, board.id, board.tokens.editor);
    await fine.synced();
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('[H8] while a person is disconnected nobody else may take their client id; when they come back, their presence is theirs', async () => {
    let now = Date.now();
    const s = await server({}, { now: () => new Date(now) });
    const board = await createBoard(s, 'blank');
    const watcher = client(s, board.id, board.tokens.viewer);
    const ana = client(s, board.id, board.tokens.editor);
    await Promise.all([watcher.synced(), ana.synced()]);
    const id = ana.doc.clientID;
    ana.provider.awareness.setLocalState({ user: { name: 'Ana', color: '#00aa00' } });
    const nameOf = () => (watcher.provider.awareness.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;
    await waitFor(() => nameOf() === 'Ana', 10_000, 'Ana is seen');

    ana.provider.disconnect();
    await waitFor(() => nameOf() === undefined, 10_000, "Ana's presence removed when she left");
    // A viewer (any member of the board) claims Ana's client id with a newer clock.
    const mallory = new WebSocket(`${s.wsUrl}/${board.id}?token=${board.tokens.viewer}&session=${randomBytes(12).toString('base64url')}`);
    sockets.push(mallory);
    await new Promise((resolve) => mallory.once('open', resolve));
    mallory.send(awarenessFrame([[id, 1000, { user: { name: 'Mallory' } }]]));
    await settled(mallory);
    expect(nameOf()).toBeUndefined();

    ana.provider.connect();
    ana.provider.awareness.setLocalState({ user: { name: 'Ana', color: '#00aa00' }, cursor: { x: 3, y: 4 } });
    await waitFor(() => nameOf() === 'Ana', 10_000, 'Ana is back under her own id');
    mallory.send(awarenessFrame([[id, 2000, { user: { name: 'Mallory' } }]]));
    await settled(mallory);
    expect(nameOf()).toBe('Ana');

    // Once Ana has been gone longer than the awareness timeout, her old id is free again.
    ana.provider.disconnect();
    await waitFor(() => nameOf() === undefined, 10_000, 'Ana left again');
    now += RESERVATION_MS + 1;
    mallory.send(awarenessFrame([[id, 3000, { user: { name: 'Someone new' } }]]));
    await waitFor(() => nameOf() === 'Someone new', 10_000, 'the id is free after the timeout');
  });
});

/** A raw TCP socket that completes the WebSocket handshake for a board and then stops reading. */
function stalledViewer(port: number, boardId: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /ws/${boardId}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      );
    });
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      if (!chunk.toString('latin1').startsWith('HTTP/1.1 101')) return reject(new Error('no upgrade'));
      socket.pause();
      resolve(socket);
    });
  });
}
