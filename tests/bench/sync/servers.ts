/**
 * Starts the servers the sync benchmark compares as child processes, and reads their CPU time:
 * Lodestone (server/index.ts with SQLite storage and token auth, as deployed), the y-websocket reference
 * server (@y/websocket-server's src/server.js, in-memory docs, no auth), the same with its LevelDB
 * persistence (YPERSISTENCE: y-leveldb stores every update, asynchronously), and Hocuspocus 3 with its
 * SQLite extension (hocuspocus-server.mjs).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../utils/child-server';
import type { SyncProtocol } from './messages';

/** Repository root (tests/bench/sync -> ../../..). */
export const ROOT = join(import.meta.dirname, '../../..');

/**
 * The servers compared: Lodestone, the in-memory reference, and the two durable peers; `baseline` is a second
 * Lodestone from another checkout (SYNC_BENCH_BASELINE_ROOT), to compare a server change before and after in the same runs.
 */
export const SERVER_KINDS = ['lodestone', 'baseline', 'reference', 'leveldb', 'hocuspocus'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];
/** The peers that keep documents on disk, like Lodestone. */
export const DURABLE_PEERS: readonly ServerKind[] = ['leveldb', 'hocuspocus'];

/** A room to put clients in: the protocol, the provider's server URL, room name and token (null = no auth). */
export interface BenchRoom {
  protocol: SyncProtocol;
  serverUrl: string;
  room: string;
  token: string | null;
}

/** A running server child process. */
export interface BenchServer {
  kind: ServerKind;
  pid: number;
  port: number;
  /** CPU time the process has used so far (clock-tick resolution). */
  cpu(): CpuTimes;
  /** A fresh room for one run. */
  newRoom(label: string): Promise<BenchRoom>;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Child process registry: whatever happens, no child outlives the benchmark.

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', killAllChildren);
}

/** Tracks a child so killAllChildren (and process exit) ends it. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
  installExitHook();
}

function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-bench-'));
  tempDirs.add(dir);
  installExitHook();
  return dir;
}

function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** SIGKILLs every tracked child that is still running and removes temp dirs (synchronous; safe in an exit handler). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const dir of tempDirs) removeTempDir(dir);
}

/** Sends SIGTERM, then SIGKILL after graceMs; resolves when the child has exited. */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------------------
// CPU time from /proc/<pid>/stat.

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU time of a process (all its threads) in ms: user (utime) and system (stime) at clock-tick resolution,
 * and `totalMs`, the same time at nanosecond resolution (the threads' runtime from schedstat).
 */
export interface CpuTimes {
  userMs: number;
  sysMs: number;
  totalMs: number;
}

/** CPU time of a process from /proc (see CpuTimes). */
export function processCpu(pid: number): CpuTimes {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may contain spaces: split after its closing parenthesis. Then index 0 is
  // field 3 (state), so utime (field 14) is index 11 and stime (field 15) index 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const tick = 1000 / clockTicks();
  const userMs = Number(fields[11]) * tick;
  const sysMs = Number(fields[12]) * tick;
  return { userMs, sysMs, totalMs: threadsRuntimeMs(pid) ?? userMs + sysMs };
}

/**
 * The summed on-CPU time of a process's live threads, from /proc/<pid>/task/<tid>/schedstat (first field, ns),
 * or null where schedstat is unavailable. A run of a few seconds uses only tens of clock ticks of a quiet
 * server, so tick-resolution times would quantise the comparison by several per cent.
 */
function threadsRuntimeMs(pid: number): number | null {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread exited between the listing and the read
      }
    }
    return ns > 0 ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/** CPU time the whole machine spent busy (all CPUs, everything but idle and iowait), in ms, from /proc/stat. */
export function systemBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user).
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / clockTicks();
}

// ---------------------------------------------------------------------------------------------
// Launching.


/** Spawns a server and resolves once GET readyUrl answers 200; rejects (with its output) if it exits or times out. */
async function launch(args: string[], env: NodeJS.ProcessEnv, readyUrl: string, cwd = ROOT, timeoutMs = 30_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited during start (${child.exitCode ?? child.signalCode}): ${output.trim()}`);
    try {
      const res = await fetch(readyUrl);
      await res.arrayBuffer();
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`server did not listen within ${timeoutMs} ms: ${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lodestone as deployed: SQLite in a temp dir, HMAC tokens, rate limit raised out of the way; `baseline` runs the checkout at SYNC_BENCH_BASELINE_ROOT. */
export async function startLodestone(kind: 'lodestone' | 'baseline' = 'lodestone'): Promise<BenchServer> {
  const port = await freePort();
  const dir = makeTempDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LODESTONE_DB: join(dir, 'lodestone.db'),
    LODESTONE_SECRET: randomBytes(24).toString('base64url'),
    LODESTONE_RATE_LIMIT: '100000',
    LODESTONE_RATE_BURST: '1000000',
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  const httpUrl = `http://127.0.0.1:${port}`;
  // For investigation: extra node flags (e.g. SYNC_BENCH_LODESTONE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"),
  // and another checkout to run the server from (SYNC_BENCH_LODESTONE_ROOT=/tmp/variant, with node_modules linked),
  // to compare a server change without touching this tree.
  const extra = process.env.SYNC_BENCH_LODESTONE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const root = kind === 'baseline' ? process.env.SYNC_BENCH_BASELINE_ROOT : process.env.SYNC_BENCH_LODESTONE_ROOT || ROOT;
  if (!root) throw new Error('the baseline server needs SYNC_BENCH_BASELINE_ROOT (a checkout with node_modules linked)');
  let child: ChildProcess;
  try {
    child = await launch([...extra, '--import', 'tsx', 'server/index.ts'], env, `${httpUrl}/healthz`, root);
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
  const pid = child.pid as number;
  return {
    kind, pid, port,
    cpu: () => processCpu(pid),
    async newRoom() {
      const res = await fetch(`${httpUrl}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template: 'blank' }) });
      const body = (await res.json()) as { id: string; tokens: { editor: string } };
      if (res.status !== 201) throw new Error(`creating a board failed: ${res.status} ${JSON.stringify(body)}`);
      return { protocol: 'y-websocket', serverUrl: `ws://127.0.0.1:${port}/ws`, room: body.id, token: body.tokens.editor };
    },
    async stop() {
      await stopChild(child);
      removeTempDir(dir);
    },
  };
}

/** The y-websocket reference server, @y/websocket-server's own bin: documents in memory only, or with `leveldb` in y-leveldb under a temp dir. */
export async function startReference(kind: 'reference' | 'leveldb' = 'reference'): Promise<BenchServer> {
  const port = await freePort();
  const bin = join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  const dir = kind === 'leveldb' ? makeTempDir() : null;
  if (dir) env.YPERSISTENCE = join(dir, 'leveldb');
  const extra = process.env.SYNC_BENCH_REFERENCE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = await launch([...extra, bin], env, `http://127.0.0.1:${port}/`);
  const pid = child.pid as number;
  return {
    kind, pid, port,
    cpu: () => processCpu(pid),
    newRoom: async (label) => ({ protocol: 'y-websocket', serverUrl: `ws://127.0.0.1:${port}`, room: `bench-${label}-${randomBytes(4).toString('hex')}`, token: null }),
    async stop() {
      await stopChild(child);
      if (dir) removeTempDir(dir);
    },
  };
}

/** Hocuspocus 3 with @hocuspocus/extension-sqlite on a temp file (hocuspocus-server.mjs), no auth. */
export async function startHocuspocus(): Promise<BenchServer> {
  const port = await freePort();
  const dir = makeTempDir();
  const extra = process.env.SYNC_BENCH_HOCUSPOCUS_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = await launch([...extra, join(import.meta.dirname, 'hocuspocus-server.mjs'), String(port), join(dir, 'hocuspocus.sqlite')], { ...process.env }, `http://127.0.0.1:${port}/`);
  const pid = child.pid as number;
  return {
    kind: 'hocuspocus', pid, port,
    cpu: () => processCpu(pid),
    newRoom: async (label) => ({ protocol: 'hocuspocus', serverUrl: `ws://127.0.0.1:${port}`, room: `bench-${label}-${randomBytes(4).toString('hex')}`, token: null }),
    async stop() {
      await stopChild(child);
      removeTempDir(dir);
    },
  };
}

/** Starts a server of the given kind. */
export function startBenchServer(kind: ServerKind): Promise<BenchServer> {
  if (kind === 'lodestone' || kind === 'baseline') return startLodestone(kind);
  if (kind === 'hocuspocus') return startHocuspocus();
  return startReference(kind);
}
