/**
 * Scale-out: three server processes on one PostgreSQL schema and the machine's Redis, clients spread over
 * them. Every test gets a fresh schema (so its own Redis channels) and leaves Redis running.
 */
import { mark, marks } from '../../utils/doc-marks';
import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { readConfig } from '../../../server/config';
import { encodeAwareness } from '../../../server/protocol/messages';
import { killAllChildren, restartChildServer, type ChildServer } from '../../utils/child-server';
import { digest, dropCluster, ensureRedis, startCluster, stopRedis, storedDoc, type Cluster } from '../../utils/scale-cluster';
import { api, connectClient, createBoard, waitFor, type TestClient } from '../../utils/server-harness';

let clients: TestClient[] = [];
let clusters: Cluster[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await killAllChildren();
  // Whatever happened in the test, Redis is running again for the next one.
  await ensureRedis();
  for (const cluster of clusters.splice(0)) await dropCluster(cluster);
});

async function cluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const c = await startCluster(count, env);
  clusters.push(c);
  return c;
}

function client(server: { wsUrl: string }, boardId: string, token: string, doc?: Y.Doc): TestClient {
  const c = connectClient(server.wsUrl, boardId, token, doc);
  clients.push(c);
  return c;
}

/** Moves a client to another instance, keeping its doc (as a browser does when a load balancer sends its reconnect elsewhere). */
function moveClient(c: TestClient, to: { wsUrl: string }, boardId: string, token: string): TestClient {
  c.provider.destroy();
  clients = clients.filter((x) => x !== c);
  return client(to, boardId, token, c.doc);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Number of local transactions (updates the client itself made) of a client's doc. */
function countLocalUpdates(c: TestClient): () => number {
  let n = 0;
  c.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== c.provider) n++;
  });
  return () => n;
}

/** Streams marks `<name>-<i>` = i until stop() (a few ms apart); resolves with the count. */
function stream(c: TestClient, name: string): { stop(): Promise<number> } {
  let stopped = false;
  let i = 0;
  const done = (async () => {
    while (!stopped) {
      mark(c.doc, `${name}-${i}`, i);
      i++;
      await sleep(3 + Math.random() * 4);
    }
    return i;
  })();
  return {
    stop: async () => {
      stopped = true;
      return done;
    },
  };
}

async function expectConverged(peers: TestClient[], schema: string, boardId: string, what: (doc: Y.Doc) => boolean): Promise<string> {
  await waitFor(() => peers.every((p) => what(p.doc)), 30_000, 'every client has every edit');
  await waitFor(() => new Set(peers.map((p) => digest(p.doc))).size === 1, 30_000, 'identical state on every client');
  const converged = digest(peers[0].doc);
  // Stored rows arrive after the relays (durable before relayed), so the stored state equals it now.
  const { doc } = await storedDoc(schema, boardId);
  expect(digest(doc)).toBe(converged);
  return converged;
}

describe('scale-out over Redis and PostgreSQL (three instances)', () => {
  it('[X0] REDIS_URL is validated and needs DATABASE_URL', () => {
    const pg = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };
    expect(readConfig({ ...pg, REDIS_URL: 'redis://127.0.0.1:6379' }, null).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(readConfig(pg, null).redisUrl).toBeNull();
    expect(() => readConfig({ ...pg, REDIS_URL: 'http://127.0.0.1:6379' }, null)).toThrow(/REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(() => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, null)).toThrow(/REDIS_URL needs DATABASE_URL/);
    expect(() => readConfig({ ...pg, LODESTONE_INSTANCE_ID: 'a b' }, null)).toThrow(/LODESTONE_INSTANCE_ID/);
  });

  it('[X1] clients spread over three instances converge to identical state; the stored state equals it, each update stored once', async () => {
    const c = await cluster(3, { LODESTONE_COMPACT_AFTER: '1000000' });
    const board = await createBoard(c.instances[1], 'blank');
    const peers = Array.from({ length: 9 }, (_, i) => client(c.instances[i % 3], board.id, board.tokens.editor));
    const local = peers.map(countLocalUpdates);
    await Promise.all(peers.map((p) => p.synced()));
    const ROUNDS = 30;
    await Promise.all(peers.map(async (p, i) => {
      for (let round = 0; round < ROUNDS; round++) {
        mark(p.doc, `shared-${round % 4}`, `${i}.${round}`);
        mark(p.doc, `p${i}-${round}`, round);
        await sleep(Math.random() * 6);
      }
    }));
    const total = peers.length * ROUNDS;
    await expectConverged(peers, c.schema, board.id, (doc) => [...marks(doc).keys()].filter((k) => k.startsWith('p')).length === total);
    // One row per client transaction (and the board's first row): no instance stored another's update again.
    const { rows } = await storedDoc(c.schema, board.id);
    expect(rows).toBe(1 + local.reduce((sum, n) => sum + n(), 0));
    // Each instance served its own clients and heard the others through the bus.
    for (const instance of c.instances) {
      const metrics = await (await fetch(`${instance.url}/metrics`)).text();
      expect(metrics).toMatch(/lodestone_instance_info\{instance_id="i\d",bus="redis"\} 1/);
      expect(metrics).toMatch(/lodestone_bus_messages_total\{direction="in",type="update"\} [1-9]/);
      expect(metrics).toMatch(/lodestone_bus_messages_total\{direction="out",type="update"\} [1-9]/);
    }
  }, 120_000);

  it('[X2] kill -9 of one instance mid-stream loses nothing any client saw; its clients reconnect elsewhere and all converge', async () => {
    const seed = randomBytes(2).readUInt16LE(0);
    onTestFailed(() => console.error(`scale kill test: kill delay seed ${seed}`));
    const c = await cluster(3, { LODESTONE_COMPACT_AFTER: '60' });
    const board = await createBoard(c.instances[0], 'blank');
    const writers = c.instances.map((s) => client(s, board.id, board.tokens.editor));
    const watchers = c.instances.map((s) => client(s, board.id, board.tokens.viewer));
    await Promise.all([...writers, ...watchers].map((p) => p.synced()));
    const streams = writers.map((w, i) => stream(w, `w${i}`));

    // The random moment of the crash is the point of the test: 300..900 ms into the stream.
    await sleep(300 + (seed % 600));
    const victim = c.instances[0];
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    await waitFor(() => !watchers[0].provider.wsconnected && !writers[0].provider.wsconnected, 10_000, 'the victim clients notice');

    // Everything any watcher has received is in storage, before any client of the victim reconnects.
    const seen = new Map<string, unknown>();
    for (const w of watchers) for (const [key, value] of marks(w.doc)) if (!seen.has(key)) seen.set(key, value);
    const fromVictim = [...seen.keys()].filter((k) => k.startsWith('w0-')).length;
    expect(fromVictim, 'watchers saw edits of the victim instance before it died').toBeGreaterThan(0);
    const stored = marks((await storedDoc(c.schema, board.id)).doc);
    expect([...seen].filter(([key, value]) => stored.get(key) !== value).map(([key]) => key), 'keys a client saw but storage lost').toEqual([]);

    // A replacement instance comes up while the others keep writing, and the victim's clients move over.
    const replacement: ChildServer = await restartChildServer({ ...victim.env, LODESTONE_INSTANCE_ID: 'i0b' });
    const movedWriter = moveClient(writers[0], c.instances[1], board.id, board.tokens.editor);
    const movedWatcher = moveClient(watchers[0], replacement, board.id, board.tokens.viewer);
    const late = client(replacement, board.id, board.tokens.viewer);
    await Promise.all([movedWriter.synced(), movedWatcher.synced(), late.synced()]);
    const resumed = stream(movedWriter, 'w0b');
    await sleep(300);
    const counts = await Promise.all([...streams.slice(1), resumed].map((s) => s.stop()));
    const written0 = await streams[0].stop();

    const peers = [movedWriter, writers[1], writers[2], movedWatcher, watchers[1], watchers[2], late];
    const has = (doc: Y.Doc) => {
      const t = marks(doc);
      return t.has(`w0-${written0 - 1}`) && t.has(`w1-${counts[0] - 1}`) && t.has(`w2-${counts[1] - 1}`) && t.has(`w0b-${counts[2] - 1}`);
    };
    await expectConverged(peers, c.schema, board.id, has);
    // Every edit of every writer, the victim's unsent ones included, is there (its client resent them).
    const t = marks(peers[0].doc);
    for (const [name, n] of [['w0', written0], ['w1', counts[0]], ['w2', counts[1]], ['w0b', counts[2]]] as const) {
      for (let i = 0; i < n; i++) expect(t.get(`${name}-${i}`), `${name}-${i}`).toBe(String(i));
    }
  }, 120_000);

  it('[X3] a Redis restart during edits is survived: readiness drops while it is down, then every instance resynchronises and all converge', async () => {
    const c = await cluster(3, { LODESTONE_COMPACT_AFTER: '40' });
    const board = await createBoard(c.instances[2], 'blank');
    const writers = c.instances.map((s) => client(s, board.id, board.tokens.editor));
    const watchers = c.instances.map((s) => client(s, board.id, board.tokens.viewer));
    const peers = [...writers, ...watchers];
    await Promise.all(peers.map((p) => p.synced()));
    let streams = writers.map((w, i) => stream(w, `a${i}`));
    await sleep(300);
    // Only instance 0's client edits through the outage: the other instances have no later edit of their
    // own to reveal a gap, so only the resynchronisation on reconnect can bring them these edits.
    const before = [0, ...(await Promise.all(streams.slice(1).map((s) => s.stop())))];

    await stopRedis();
    await waitFor(async () => (await api(c.instances[1], 'GET', '/readyz')).status === 503, 10_000, 'not ready without Redis');
    const down = await api(c.instances[1], 'GET', '/readyz');
    expect(down.body).toMatchObject({ ready: false, bus: 'redis', code: 'not-ready' });
    expect(down.body.error).toMatch(/bus \(redis\) is not answering/);
    await sleep(500);
    before[0] = await streams[0].stop();
    await ensureRedis();
    await waitFor(async () => (await Promise.all(c.instances.map((s) => api(s, 'GET', '/readyz')))).every((r) => r.status === 200), 15_000, 'ready again');
    await expectConverged(peers, c.schema, board.id, (doc) => before.every((n, i) => marks(doc).has(`a${i}-${n - 1}`)));

    // And the bus carries edits again.
    streams = writers.map((w, i) => stream(w, `b${i}`));
    await sleep(300);
    const after = await Promise.all(streams.map((s) => s.stop()));
    await expectConverged(peers, c.schema, board.id, (doc) => after.every((n, i) => marks(doc).has(`b${i}-${n - 1}`)));
    expect(marks(peers[0].doc).size).toBe([...before, ...after].reduce((a, b) => a + b, 0));
    const metrics = await (await fetch(`${c.instances[0].url}/metrics`)).text();
    expect(metrics).toMatch(/lodestone_catchups_total\{reason="reconnect"\} [1-9]/);
  }, 120_000);

  it('[X4] awareness crosses instances: late joiners see it, leaving and a graceful stop remove it, spoofing across instances fails', async () => {
    const c = await cluster(3);
    const board = await createBoard(c.instances[0], 'blank');
    const ana = client(c.instances[0], board.id, board.tokens.editor);
    await ana.synced();
    ana.provider.awareness.setLocalState({ user: { name: 'Ana' } });
    // Instance 1 loads the board only now: it asks the others for their clients instead of waiting for a renewal (15 s).
    const bo = client(c.instances[1], board.id, board.tokens.editor);
    const vic = client(c.instances[2], board.id, board.tokens.viewer);
    await Promise.all([bo.synced(), vic.synced()]);
    await waitFor(() => bo.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name === 'Ana', 5000, 'Bo sees Ana');
    await waitFor(() => vic.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name === 'Ana', 5000, 'Vic sees Ana');
    vic.provider.awareness.setLocalState({ user: { name: 'Vic', color: '#0a0', role: 'facilitator' }, cursor: { x: 1, y: 2 } });
    await waitFor(() => ana.provider.awareness.getStates().get(vic.doc.clientID)?.user?.name === 'Vic', 5000, 'Ana sees Vic');
    // The viewer filter applied on Vic's instance holds on the others.
    expect(ana.provider.awareness.getStates().get(vic.doc.clientID)).toEqual({ user: { name: 'Vic', color: '#0a0', viewer: true }, cursor: { x: 1, y: 2 } });

    // A raw connection on instance 1 forges Ana's entry: nobody takes it.
    const forged = new Awareness(new Y.Doc());
    forged.clientID = ana.doc.clientID;
    for (let i = 0; i < 3; i++) forged.setLocalState({ user: { name: 'Mallory' }, i });
    const raw = new WebSocket(`${c.instances[1].wsUrl}/${board.id}?token=${board.tokens.editor}`);
    raw.on('error', () => undefined);
    await new Promise((resolve) => raw.once('message', resolve));
    raw.send(encodeAwareness(encodeAwarenessUpdate(forged, [ana.doc.clientID])));
    bo.provider.awareness.setLocalState({ user: { name: 'Bo' } });
    await waitFor(() => vic.provider.awareness.getStates().get(bo.doc.clientID)?.user?.name === 'Bo', 5000, 'Vic sees Bo');
    await waitFor(() => ana.provider.awareness.getStates().get(bo.doc.clientID)?.user?.name === 'Bo', 5000, 'Ana sees Bo');
    expect(bo.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name).toBe('Ana');
    expect(vic.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name).toBe('Ana');
    raw.close();
    forged.destroy();

    // Ana leaves: her entry goes everywhere at once.
    ana.destroy();
    clients = clients.filter((x) => x !== ana);
    await waitFor(() => !bo.provider.awareness.getStates().has(ana.doc.clientID) && !vic.provider.awareness.getStates().has(ana.doc.clientID), 5000, 'Ana gone everywhere');

    // A graceful stop of instance 2 removes its clients' entries on the others (well before the 30 s timeout).
    c.instances[2].child.kill('SIGTERM');
    expect(await c.instances[2].exited).toEqual({ code: 0, signal: null });
    await waitFor(() => !bo.provider.awareness.getStates().has(vic.doc.clientID), 5000, "Vic's entry gone after her instance stopped");
  }, 120_000);

  it('[X5] deleting a board on one instance closes its clients on the others with 4404', async () => {
    const c = await cluster(2);
    const board = await createBoard(c.instances[0], 'blank');
    const elsewhere = client(c.instances[1], board.id, board.tokens.editor);
    await elsewhere.synced();
    const closes: number[] = [];
    elsewhere.provider.on('connection-close', (event: CloseEvent | null) => void (event && closes.push(event.code)));
    expect((await api(c.instances[0], 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.facilitator })).status).toBe(204);
    await waitFor(() => closes.includes(4404), 5000, 'the client on the other instance is told the board is gone');
  }, 60_000);

  it('[X6] replacing the editor link on one instance closes the old editor sockets on the others with 4401; viewers stay', async () => {
    const c = await cluster(2);
    const board = await createBoard(c.instances[0], 'blank');
    const editor = client(c.instances[1], board.id, board.tokens.editor);
    const viewer = client(c.instances[1], board.id, board.tokens.viewer);
    await Promise.all([editor.synced(), viewer.synced()]);
    const closes: string[] = [];
    editor.provider.on('connection-close', (event: CloseEvent | null) => void (event && closes.push(`editor ${event.code}`)));
    viewer.provider.on('connection-close', (event: CloseEvent | null) => void (event && closes.push(`viewer ${event.code}`)));
    const rotated = await api(c.instances[0], 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.facilitator, body: { role: 'editor' } });
    expect(rotated.status).toBe(200);
    await waitFor(() => closes.includes('editor 4401'), 5000, 'the editor on the other instance is closed');
    expect((await api(c.instances[1], 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.editor })).status).toBe(401);
    expect((await api(c.instances[1], 'GET', `/api/boards/${board.id}/export`, { token: rotated.body.tokens.editor })).status).toBe(200);
    expect(closes).toEqual(['editor 4401']);
  }, 60_000);
});
