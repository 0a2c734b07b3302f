/**
 * Crash safety of the real server process: whatever a client has received from the server must be
 * durable, because the server relays an update only after it was appended to storage. We SIGKILL
 * `node server/index.ts` at random moments while a writer streams edits and a watcher records what
 * it is sent, restart the process on the same storage, and check that nothing the watcher saw is gone.
 */
import { mark, markKeys, markOf } from '../utils/doc-marks';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { CHILD_SECRET, freePort, killAllChildren, restartChildServer, startChildServer, type ChildServer } from '../utils/child-server';
import { connectClient, createBoard, dropSchema, waitFor, type TestClient } from '../utils/server-harness';
import { seededRandom } from '../../shared/generate/random';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CYCLES = 6;


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let clients: TestClient[] = [];
const dirs: string[] = [];
const schemas: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await killAllChildren();
});

afterAll(async () => {
  await killAllChildren();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas.splice(0)) await dropSchema(schema);
});

function client(server: ChildServer, boardId: string, token: string): TestClient {
  const c = connectClient(server.wsUrl, boardId, token);
  clients.push(c);
  return c;
}

function drop(c: TestClient): void {
  c.destroy();
  clients = clients.filter((x) => x !== c);
}

/** Marks `w-<cycle>-<i>` of a doc for one cycle, as the sorted list of i. */
function cycleIndexes(c: TestClient, cycle: number): number[] {
  const prefix = `w-${cycle}-`;
  return markKeys(c.doc)
    .filter((k) => k.startsWith(prefix))
    .map((k) => Number(k.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/**
 * Runs CYCLES kill -9 cycles against a server with the given storage settings. Every cycle: a writer
 * streams edits, a viewer records what it receives, the server is SIGKILLed after a random delay,
 * both clients are destroyed (so nobody can resend anything), the server restarts on the same
 * storage and port, and a fresh client must hold every key any watcher has ever received.
 */
async function crashCycles(storageEnv: Record<string, string>): Promise<void> {
  const seed = Number(process.env.CRASH_SEED ?? randomBytes(4).readUInt32LE(0));
  onTestFailed(() => console.error(`crash test seed: CRASH_SEED=${seed}`));
  const rand = seededRandom(seed);
  const env = { ...storageEnv, PORT: String(await freePort()), LOG_LEVEL: 'silent', LODESTONE_SECRET: CHILD_SECRET };

  let server = await startChildServer(env);
  const board = await createBoard(server, 'blank');
  /** Every key some watcher received, with the value it received. */
  const seen = new Map<string, string>();

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const writer = client(server, board.id, board.tokens.editor);
    const watcher = client(server, board.id, board.tokens.viewer);
    await Promise.all([writer.synced(), watcher.synced()]);

    let stop = false;
    let written = 0;
    const writing = (async () => {
      while (!stop) {
        mark(writer.doc, `w-${cycle}-${written}`, written);
        written++;
        await sleep(2 + rand() * 3);
      }
    })();

    // The crash comes at a random moment after the first edit has gone round (on a loaded machine the first
    // relay can take longer than the shortest delay); this sleep is the point of the test, not a wait.
    await waitFor(() => cycleIndexes(watcher, cycle).length > 0, 10_000, 'the watcher receives a first edit');
    const delay = 100 + rand() * 500;
    await sleep(delay);
    const killedAt = server;
    killedAt.child.kill('SIGKILL');
    const exit = await killedAt.exited;
    stop = true;
    await writing;
    expect(exit.signal, `cycle ${cycle}: the server died of SIGKILL`).toBe('SIGKILL');

    // Everything the server sent before it died has arrived once the watcher's socket is closed.
    await waitFor(() => !watcher.provider.wsconnected, 10_000, 'watcher notices the crash');
    const received = cycleIndexes(watcher, cycle);
    for (const i of received) seen.set(`w-${cycle}-${i}`, markOf(watcher.doc, `w-${cycle}-${i}`) as string);
    // Destroy both clients BEFORE the restart: a reconnecting writer would resend what the server lost.
    drop(writer);
    drop(watcher);

    expect(received.length, `cycle ${cycle} (delay ${delay.toFixed(0)} ms, seed ${seed}): the watcher received edits before the crash`).toBeGreaterThan(0);
    // The server applies, stores and relays one writer's updates in order, so what a watcher sees has no gaps.
    expect(received, `cycle ${cycle}: the watcher saw a gap-free prefix of the writes`).toEqual(received.map((_, i) => i));
    expect(received.length).toBeLessThanOrEqual(written);

    server = await restartChildServer(env);
    const fresh = client(server, board.id, board.tokens.viewer);
    await fresh.synced();
    const lost = [...seen].filter(([key, value]) => markOf(fresh.doc, key) !== value).map(([key]) => key);
    expect(lost, `cycle ${cycle} (seed ${seed}): keys a watcher received but the restarted server lost`).toEqual([]);
    // What survived of this cycle is also a prefix (at least what was seen, at most what was written).
    const durable = cycleIndexes(fresh, cycle);
    expect(durable).toEqual(durable.map((_, i) => i));
    expect(durable.length).toBeGreaterThanOrEqual(received.length);
    drop(fresh);
  }
  expect(seen.size).toBeGreaterThan(CYCLES);
}

describe('crash safety (kill -9 of the server process)', () => {
  it('[C1] SQLite: nothing a client received is lost when the process is killed at a random moment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lodestone-crash-'));
    dirs.push(dir);
    await crashCycles({ LODESTONE_DB: join(dir, 'lodestone.db') });
  }, 240_000);

  it('[C2] PostgreSQL: nothing a client received is lost when the process is killed at a random moment', async () => {
    const schema = `lodestone_crash_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    await crashCycles({ DATABASE_URL, LODESTONE_PG_SCHEMA: schema });
  }, 240_000);
});
