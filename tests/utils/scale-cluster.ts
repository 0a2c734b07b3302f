/**
 * Several Lodestone server processes on one PostgreSQL schema and the machine's Redis (scale-out tests and
 * benchmark), plus helpers to restart Redis and to read a board's stored state.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { CHILD_SECRET, freePort, startChildServer, type ChildServer } from './child-server';
import { dropSchema, TEST_DATABASE_URL } from './server-harness';

const run = promisify(execFile);

/** The machine's Redis. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The command line that starts the machine's Redis (it keeps nothing on disk). */
const REDIS_START = ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log'];

/** Instances sharing one fresh schema (so one channel prefix, shared with no other test). */
export interface Cluster {
  schema: string;
  env: Record<string, string>;
  instances: ChildServer[];
}

/** Settings of one cluster: fresh schema, shared secret, Redis; `extra` overrides. */
export function clusterEnv(extra: Record<string, string> = {}): Record<string, string> {
  const schema = `lodestone_scale_${randomBytes(6).toString('hex')}`;
  return {
    DATABASE_URL: TEST_DATABASE_URL, LODESTONE_PG_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent', LODESTONE_SECRET: CHILD_SECRET, LODESTONE_ROOM_IDLE_MS: '1000', ...extra,
  };
}

/** Starts `count` instances (the first alone, so only it seeds the empty schema; then the rest at once). */
export async function startCluster(count: number, extra: Record<string, string> = {}): Promise<Cluster> {
  const env = clusterEnv(extra);
  const start = async (i: number) => startChildServer({ ...env, PORT: String(await freePort()), LODESTONE_INSTANCE_ID: `i${i}` });
  const first = await start(0);
  const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
  return { schema: env.LODESTONE_PG_SCHEMA, env, instances: [first, ...rest] };
}

/** Drops a cluster's schema (its processes must be gone). */
export function dropCluster(cluster: Cluster): Promise<void> {
  return dropSchema(cluster.schema);
}

/** A doc built from a board's stored rows, read straight from PostgreSQL. */
export async function storedDoc(schema: string, boardId: string): Promise<{ doc: Y.Doc; rows: number }> {
  const storage = new PostgresStorage(TEST_DATABASE_URL, { schema, poolSize: 1 });
  try {
    const rows = await storage.loadUpdates(boardId);
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return { doc, rows: rows.length };
  } finally {
    await storage.close();
  }
}

/** A comparable digest of a doc: the map's entries sorted by key, and the state vector. */
export function digest(doc: Y.Doc, map = 'notes'): string {
  const entries = Object.entries(doc.getMap(map).toJSON()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const vector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  return JSON.stringify({ entries, vector });
}

/** True when Redis answers PING. */
export async function redisAlive(): Promise<boolean> {
  try {
    const { stdout } = await run('redis-cli', ['-u', TEST_REDIS_URL, 'ping'], { timeout: 2000 });
    return stdout.trim() === 'PONG';
  } catch {
    return false;
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops Redis without saving (everything in it is gone, as after a crash of a cache-only Redis). */
export async function stopRedis(): Promise<void> {
  await run('redis-cli', ['-u', TEST_REDIS_URL, 'shutdown', 'nosave']).catch(() => undefined);
  await until(async () => !(await redisAlive()), 10_000, 'Redis to stop');
}

/** Starts Redis if it is not answering (also the clean-up after a failed test), and waits for it. */
export async function ensureRedis(): Promise<void> {
  if (await redisAlive()) return;
  await run('redis-server', REDIS_START).catch(() => undefined);
  await until(redisAlive, 10_000, 'Redis to start');
}
