/**
 * Sync server benchmark: Lodestone (SQLite storage + token auth) side by side with the y-websocket
 * reference server (in memory) and two durable peers (the reference with LevelDB persistence, Hocuspocus
 * with its SQLite extension), N clients in one room, clients spread over several worker processes.
 * SYNC_BENCH_SERVERS=lodestone,leveldb picks servers (Lodestone always runs; `baseline`, a second Lodestone from
 * SYNC_BENCH_BASELINE_ROOT, runs only when asked for or when that variable is set).
 *
 * Each server first does one unmeasured run (JIT warm-up). Per server and N: a warm-up, a fixed-rate phase (WRITERS x RATE edits/s: fan-out latency over every
 * (edit, receiver) pair) and a full-rate phase (writers send as fast as a window of unconfirmed edits
 * allows: delivered updates/s and server CPU time per delivered update, from /proc/<pid>/stat).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { printBars } from '../bars';
import { envInt } from '../env';
import { ms, printTable, quantile } from '../stats';
import { preciseNow, type ClientSpec, type ClockReply, type ConnectReply, type CpuReply, type PhaseReply, type StatsReply, type WorkerCommand, type WorkerReply } from './messages';
import { DURABLE_PEERS, killAllChildren, ROOT, SERVER_KINDS, startBenchServer, stopChild, systemBusyMs, trackChild, type BenchServer, type ServerKind } from './servers';

/** Settings can be overridden for exploration, e.g. SYNC_BENCH_CLIENTS=10,100 SYNC_BENCH_WINDOW=64. */
const envList = (name: string, fallback: number[]) => process.env[name]?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 1) ?? fallback;
const CLIENT_COUNTS = envList('SYNC_BENCH_CLIENTS', [10, 50, 100]);
/** Client worker processes (the machine this was tuned on has 2 cores). */
const WORKERS = envInt('SYNC_BENCH_WORKERS', 4);
/** Niceness of the client workers, so the server under test is not starved by its own load generators. */
const WORKER_NICE = envInt('SYNC_BENCH_NICE', 5, 0);
const WRITERS = 5;
const RATE_PER_WRITER = 20;
const WARMUP_MS = envInt('SYNC_BENCH_WARMUP_MS', 1000);
const FIXED_MS = envInt('SYNC_BENCH_FIXED_MS', 5000);
const FULL_MS = envInt('SYNC_BENCH_FULL_MS', 2500);
/**
 * Runs per server and N, in the order A B B A A B ..., so load drift does not favour one server. Counts and
 * CPU are pooled over the runs; latency percentiles are the median of the runs' percentiles, so one run
 * disturbed by other load on the machine does not decide the row.
 */
const ROUNDS = envInt('SYNC_BENCH_ROUNDS', 5);
/** Full rate: edits a writer may have sent that no other client of its worker has received yet. */
const WINDOW = envInt('SYNC_BENCH_WINDOW', 64);
/** A phase starts this long after the command, so all workers start together. */
const START_DELAY_MS = 150;
/** Stop waiting for missing deliveries after this long without progress. */
const DRAIN_STALL_MS = 3000;

/** The servers of this run: SYNC_BENCH_SERVERS (Lodestone always), or all of them. */
const SERVERS: ServerKind[] = (() => {
  const asked = process.env.SYNC_BENCH_SERVERS?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!asked) return SERVER_KINDS.filter((kind) => kind !== 'baseline' || Boolean(process.env.SYNC_BENCH_BASELINE_ROOT));
  const unknown = asked.filter((name) => !(SERVER_KINDS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`SYNC_BENCH_SERVERS: unknown server ${unknown.join(', ')}; servers: ${SERVER_KINDS.join(', ')}`);
  return SERVER_KINDS.filter((kind) => kind === 'lodestone' || asked.includes(kind) || (kind === 'baseline' && Boolean(process.env.SYNC_BENCH_BASELINE_ROOT)));
})();

/** One row of the sync table (ratios are Lodestone / reference, on Lodestone rows; durable: Lodestone / the better durable peer). */
export interface SyncBenchRow {
  server: ServerKind;
  clients: number;
  writers: number;
  /** Runs pooled into this row (each run: warm-up, fixed phase, full phase). */
  runs: number;
  /** Fixed rate: edits/s in total; fan-out latency over every (edit, receiver) pair of all runs. */
  fixedEditsPerSecond: number;
  fixedSamples: number;
  /** Median over the runs of each run's p50 and p99. */
  p50Ms: number;
  p99Ms: number;
  /** Each run's p99, and the percentiles of all runs' samples pooled. */
  p99PerRunMs: number[];
  p50PooledMs: number;
  p99PooledMs: number;
  maxMs: number;
  fixedDeliveredPerSecond: number;
  fixedServerCpuPct: number;
  fixedCpuMsPer1kDelivered: number;
  /** Each run's fixed-rate CPU ms per 1k delivered (their spread shows how noisy the machine was). */
  fixedCpuPerRunMsPer1k: number[];
  /** Share of the server's CPU time spent in the kernel (system time), fixed and full phases. */
  fixedServerSysShare: number;
  fixedLost: number;
  /** Full rate. */
  fullEdits: number;
  fullDelivered: number;
  fullLost: number;
  fullSpanMs: number;
  deliveredPerSecond: number;
  serverCpuMs: number;
  serverSysShare: number;
  /** Server CPU time / wall time over the phase, % of one core. */
  serverCpuPct: number;
  /** All client workers' CPU time / wall time, % of one core (200% = both cores of a 2-core machine). */
  clientCpuPct: number;
  /** Busy CPU of the machine not spent by the server, the client workers or this process (other load: noise). */
  otherCpuPct: number;
  cpuMsPer1kDelivered: number;
  disconnects: number;
  p99Ratio?: number;
  fixedCpuPer1kRatio?: number;
  cpuPer1kRatio?: number;
  /** Lodestone / the better (lower) durable peer of its N, per figure. */
  durableP99Ratio?: number;
  durableFixedCpuRatio?: number;
  durableCpuRatio?: number;
}

type Log = (line: string) => void;

const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The client worker processes and a request/reply channel to each. */
class WorkerPool {
  private readonly workers: ChildProcess[] = [];
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  get size(): number {
    return this.workers.length;
  }

  async start(count: number, log: Log): Promise<void> {
    const script = join(import.meta.dirname, 'client-worker.ts');
    for (let i = 0; i < count; i++) {
      const child = fork(script, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
      trackChild(child);
      child.stdout?.pipe(process.stderr);
      try {
        setPriority(child.pid as number, WORKER_NICE);
      } catch {
        // not allowed here: run at normal priority
      }
      child.on('message', (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id);
        if (!waiter) return;
        this.waiting.delete(reply.id);
        if (reply.ok) waiter.resolve(reply.result);
        else waiter.reject(new Error(`client worker ${i}: ${reply.error}`));
      });
      child.once('exit', (code, signal) => {
        for (const [id, waiter] of this.waiting) {
          this.waiting.delete(id);
          waiter.reject(new Error(`client worker ${i} exited (${code ?? signal})`));
        }
      });
      this.workers.push(child);
    }
    // The first request also waits for tsx to load the worker. Check the clocks agree (latency is
    // receive time in one process minus send time in another).
    let worst = 0;
    for (let w = 0; w < count; w++) {
      let best = { rtt: Infinity, offset: 0 };
      for (let k = 0; k < 5; k++) {
        const before = preciseNow();
        const { now } = await this.request<ClockReply>(w, { cmd: 'clock' });
        const after = preciseNow();
        if (after - before < best.rtt) best = { rtt: after - before, offset: now - (before + after) / 2 };
      }
      worst = Math.max(worst, Math.abs(best.offset));
    }
    log(`sync: ${count} client workers up (nice ${WORKER_NICE}); clock offset to parent <= ${worst.toFixed(3)} ms`);
  }

  request<T>(worker: number, command: WorkerCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.workers[worker].send({ ...command, id });
    });
  }

  all<T>(command: WorkerCommand | ((worker: number) => WorkerCommand)): Promise<T[]> {
    return Promise.all(this.workers.map((_, w) => this.request<T>(w, typeof command === 'function' ? command(w) : command)));
  }

  async cpuMs(): Promise<number> {
    return sum((await this.all<CpuReply>({ cmd: 'cpu' })).map((r) => r.cpuMs));
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((child) => {
      if (child.connected) child.disconnect();
      return stopChild(child, 2000);
    }));
  }
}

interface PhaseResult {
  edits: number;
  delivered: number;
  expected: number;
  lastAt: number;
  startAt: number;
  wallMs: number;
  /** Server CPU time at nanosecond resolution (see CpuTimes.totalMs). */
  serverCpuMs: number;
  /** Server system time, and user + system time, at clock-tick resolution (for the system share). */
  serverSysMs: number;
  serverTickMs: number;
  clientCpuMs: number;
  otherCpuMs: number;
  disconnects: number;
  latencies: number[];
}

/** Runs one phase on every worker, waits for every delivery (or a stall), measures CPU around it. */
async function runPhase(pool: WorkerPool, server: BenchServer, clients: number, phase: string, command: (startAt: number) => WorkerCommand, withLatencies: boolean): Promise<PhaseResult> {
  const clientCpu0 = await pool.cpuMs();
  const wall0 = preciseNow();
  const cpu0 = server.cpu();
  const busy0 = systemBusyMs();
  const self0 = process.cpuUsage();
  const startAt = wall0 + START_DELAY_MS;
  const replies = await pool.all<PhaseReply>(command(startAt));
  const edits = sum(replies.flatMap((r) => r.sent.map((s) => s.sent)));
  const expected = edits * (clients - 1);
  let stats: StatsReply[] = [];
  let seen = -1;
  let progressAt = Date.now();
  while (true) {
    stats = await pool.all<StatsReply>({ cmd: 'stats', phase, latencies: false });
    const delivered = sum(stats.map((s) => s.delivered));
    if (delivered >= expected) break;
    if (delivered > seen) {
      seen = delivered;
      progressAt = Date.now();
    } else if (Date.now() - progressAt > DRAIN_STALL_MS) break;
    await sleep(20);
  }
  const cpu1 = server.cpu();
  const busy1 = systemBusyMs();
  const self = process.cpuUsage(self0);
  const wall1 = preciseNow();
  const clientCpu1 = await pool.cpuMs();
  if (withLatencies) stats = await pool.all<StatsReply>({ cmd: 'stats', phase, latencies: true });
  return {
    edits, expected, startAt,
    delivered: sum(stats.map((s) => s.delivered)),
    lastAt: Math.max(...stats.map((s) => s.lastAt)),
    wallMs: wall1 - wall0,
    serverCpuMs: cpu1.totalMs - cpu0.totalMs,
    serverSysMs: cpu1.sysMs - cpu0.sysMs,
    serverTickMs: cpu1.userMs + cpu1.sysMs - cpu0.userMs - cpu0.sysMs,
    clientCpuMs: clientCpu1 - clientCpu0,
    otherCpuMs: Math.max(0, busy1 - busy0 - (cpu1.totalMs - cpu0.totalMs) - (clientCpu1 - clientCpu0) - (self.user + self.system) / 1000),
    disconnects: sum(stats.map((s) => s.disconnects)),
    latencies: withLatencies ? stats.flatMap((s) => s.latencies ?? []) : [],
  };
}

/** The measured phases of one run. */
interface RunResult {
  fixed: PhaseResult;
  full: PhaseResult;
}

async function runOne(pool: WorkerPool, server: BenchServer, clients: number, log: Log): Promise<RunResult> {
  const room = await server.newRoom(String(clients));
  const specs: ClientSpec[][] = Array.from({ length: pool.size }, () => []);
  for (let c = 0; c < clients; c++) specs[c % pool.size].push({ index: c, writer: c < WRITERS ? c : null });
  const connected = await pool.all<ConnectReply>((w) => ({ cmd: 'connect', ...room, clients: specs[w], timeoutMs: 30_000 }));
  try {
    await sleep(300);
    const fixedRate = (phase: string, durationMs: number) => (startAt: number): WorkerCommand => ({ cmd: 'fixed', phase, startAt, durationMs, ratePerWriter: RATE_PER_WRITER, totalWriters: WRITERS });
    await runPhase(pool, server, clients, 'warmup', fixedRate('warmup', WARMUP_MS), false);
    const fixed = await runPhase(pool, server, clients, 'fixed', fixedRate('fixed', FIXED_MS), true);
    const full = await runPhase(pool, server, clients, 'full', (startAt) => ({ cmd: 'full', phase: 'full', startAt, durationMs: FULL_MS, window: WINDOW }), false);
    const pct = (cpu: number, wall: number) => `${((cpu / wall) * 100).toFixed(0)}%`;
    log(
      `sync: ${server.kind.padEnd(9)} ${String(clients).padStart(3)} clients (synced in ${Math.max(...connected.map((c) => c.ms)).toFixed(0)} ms): ` +
        `fixed p50 ${ms(quantile(fixed.latencies, 0.5))} p99 ${ms(quantile(fixed.latencies, 0.99))} ms, ${((fixed.serverCpuMs / fixed.delivered) * 1000).toFixed(1)} CPU ms/1k; ` +
        `full ${full.edits} edits, ${Math.round((full.delivered / (full.lastAt - full.startAt)) * 1000)} delivered/s, ${((full.serverCpuMs / full.delivered) * 1000).toFixed(1)} CPU ms/1k; ` +
        `CPU server ${pct(full.serverCpuMs, full.wallMs)} clients ${pct(full.clientCpuMs, full.wallMs)} other ${pct(full.otherCpuMs, full.wallMs)}`,
    );
    const lost = fixed.expected - fixed.delivered + full.expected - full.delivered;
    if (lost > 0 || full.disconnects > 0) log(`sync: WARNING ${server.kind} ${clients}: ${lost} deliveries missing, ${full.disconnects} reconnects; numbers are suspect`);
    return { fixed, full };
  } finally {
    await pool.all({ cmd: 'disconnect' });
    await sleep(200);
  }
}

/** Pools the runs of one server and N into a row. */
function toRow(server: ServerKind, clients: number, runs: RunResult[]): SyncBenchRow {
  const total = (pick: (r: RunResult) => number) => sum(runs.map(pick));
  const latencies = runs.flatMap((r) => r.fixed.latencies);
  const fullSpanMs = total((r) => r.full.lastAt - r.full.startAt);
  const fullWall = total((r) => r.full.wallMs);
  const fullDelivered = total((r) => r.full.delivered);
  const fixedDelivered = total((r) => r.fixed.delivered);
  return {
    server, clients, writers: WRITERS, runs: runs.length,
    fixedEditsPerSecond: WRITERS * RATE_PER_WRITER,
    fixedSamples: latencies.length,
    p50Ms: quantile(runs.map((r) => quantile(r.fixed.latencies, 0.5)), 0.5),
    p99Ms: quantile(runs.map((r) => quantile(r.fixed.latencies, 0.99)), 0.5),
    p99PerRunMs: runs.map((r) => quantile(r.fixed.latencies, 0.99)),
    p50PooledMs: quantile(latencies, 0.5), p99PooledMs: quantile(latencies, 0.99),
    maxMs: latencies.reduce((a, b) => Math.max(a, b), 0),
    fixedDeliveredPerSecond: (fixedDelivered / total((r) => r.fixed.lastAt - r.fixed.startAt)) * 1000,
    fixedServerCpuPct: (total((r) => r.fixed.serverCpuMs) / total((r) => r.fixed.wallMs)) * 100,
    fixedCpuMsPer1kDelivered: (total((r) => r.fixed.serverCpuMs) / Math.max(1, fixedDelivered)) * 1000,
    fixedCpuPerRunMsPer1k: runs.map((r) => (r.fixed.serverCpuMs / Math.max(1, r.fixed.delivered)) * 1000),
    fixedServerSysShare: total((r) => r.fixed.serverSysMs) / Math.max(1, total((r) => r.fixed.serverTickMs)),
    fixedLost: total((r) => r.fixed.expected - r.fixed.delivered),
    fullEdits: total((r) => r.full.edits), fullDelivered, fullLost: total((r) => r.full.expected - r.full.delivered), fullSpanMs,
    deliveredPerSecond: fullSpanMs > 0 ? (fullDelivered / fullSpanMs) * 1000 : 0,
    serverCpuMs: total((r) => r.full.serverCpuMs),
    serverSysShare: total((r) => r.full.serverSysMs) / Math.max(1, total((r) => r.full.serverTickMs)),
    serverCpuPct: (total((r) => r.full.serverCpuMs) / fullWall) * 100,
    clientCpuPct: (total((r) => r.full.clientCpuMs) / fullWall) * 100,
    otherCpuPct: (total((r) => r.full.otherCpuMs) / fullWall) * 100,
    cpuMsPer1kDelivered: (total((r) => r.full.serverCpuMs) / Math.max(1, fullDelivered)) * 1000,
    disconnects: total((r) => r.full.disconnects),
  };
}

const ratio = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
/** The lowest and highest of the runs' values, e.g. "35-80": how far one server moved between runs. */
const spread = (values: number[], digits: number) => `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;

/** Runs the sync benchmark, prints its table and returns the rows. Kills every child process it started. */
export async function runSyncBench(log: Log): Promise<SyncBenchRow[]> {
  const pool = new WorkerPool();
  const servers: BenchServer[] = [];
  const onSignal = (signal: NodeJS.Signals) => {
    killAllChildren();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const rows: SyncBenchRow[] = [];
  const started = Date.now();
  try {
    log('sync: starting the servers and client workers ...');
    servers.push(...(await Promise.all(SERVERS.map((kind) => startBenchServer(kind)))));
    await pool.start(WORKERS, log);
    // One unmeasured run per server first: each process compiles its hot paths (JIT) in its first run, and
    // counting that would charge start-up to whichever N comes first, not the steady state compared here.
    for (const server of servers) {
      log(`sync: warm-up run on ${server.kind} (not counted)`);
      await runOne(pool, server, CLIENT_COUNTS[0], () => undefined);
    }
    for (const [i, clients] of CLIENT_COUNTS.entries()) {
      // A B C D, D C B A, ..., starting one further for the next N, so drift does not favour one server.
      const order = [...servers.slice(i % servers.length), ...servers.slice(0, i % servers.length)];
      const results = new Map<ServerKind, RunResult[]>(servers.map((server) => [server.kind, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const server of round % 2 === 0 ? order : [...order].reverse()) results.get(server.kind)?.push(await runOne(pool, server, clients, log));
      }
      for (const [kind, runs] of results) rows.push(toRow(kind, clients, runs));
    }
    log(`sync: measured in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await pool.stop().catch(() => undefined);
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    killAllChildren();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  rows.sort((a, b) => a.clients - b.clients || SERVER_KINDS.indexOf(a.server) - SERVER_KINDS.indexOf(b.server));
  for (const row of rows) {
    if (row.server !== 'lodestone' && row.server !== 'baseline') continue;
    const ref = rows.find((r) => r.server === 'reference' && r.clients === row.clients);
    if (ref) {
      row.p99Ratio = row.p99Ms / ref.p99Ms;
      row.cpuPer1kRatio = row.cpuMsPer1kDelivered / ref.cpuMsPer1kDelivered;
      row.fixedCpuPer1kRatio = row.fixedCpuMsPer1kDelivered / ref.fixedCpuMsPer1kDelivered;
    }
    const peers = rows.filter((r) => DURABLE_PEERS.includes(r.server) && r.clients === row.clients);
    if (peers.length > 0) {
      const best = (pick: (r: SyncBenchRow) => number) => Math.min(...peers.map(pick));
      row.durableP99Ratio = row.p99Ms / best((r) => r.p99Ms);
      row.durableFixedCpuRatio = row.fixedCpuMsPer1kDelivered / best((r) => r.fixedCpuMsPer1kDelivered);
      row.durableCpuRatio = row.cpuMsPer1kDelivered / best((r) => r.cpuMsPer1kDelivered);
    }
  }
  printTable(
    `Sync server: N clients in one room, spread over ${WORKERS} client processes (nice ${WORKER_NICE}); ${ROUNDS} runs per server and N, interleaved.\n` +
      `Lodestone = SQLite storage + HMAC tokens; reference = @y/websocket-server 0.1.1 (memory only, no auth); leveldb = the same with YPERSISTENCE (y-leveldb);\n` +
      `hocuspocus = @hocuspocus/server 3.4.4 + extension-sqlite (debounced stores). Ratios = Lodestone / reference (in memory).\n` +
      `fixed: ${WRITERS} writers x ${RATE_PER_WRITER} edits/s for ${FIXED_MS / 1000} s per run; latency over every (edit, receiver) pair, median of the runs' p50 / p99;\n"runs" columns: lowest-highest of the single runs (the machine's noise).\n` +
      `full: writers as fast as a window of ${WINDOW} unconfirmed edits each allows, ${FULL_MS / 1000} s per run. CPU ms/1k = server user+sys per 1000 delivered updates (runs pooled);\n` +
      `CPU % = share of one core over the full phase (clients: all workers; other: load outside the benchmark, noise).`,
    ['server', 'clients', 'p50 ms', 'p99 ms', 'p99 runs', 'p99 ratio', 'fixed CPU ms/1k', 'fixed CPU runs', 'fixed CPU ratio', 'delivered/s', 'CPU ms/1k', 'CPU ratio', 'server %', 'clients %', 'other %'],
    rows.map((r) => [
      r.server, r.clients, ms(r.p50Ms), ms(r.p99Ms), spread(r.p99PerRunMs, 2), ratio(r.p99Ratio),
      r.fixedCpuMsPer1kDelivered.toFixed(1), spread(r.fixedCpuPerRunMsPer1k, 0), ratio(r.fixedCpuPer1kRatio),
      Math.round(r.deliveredPerSecond), r.cpuMsPer1kDelivered.toFixed(1), ratio(r.cpuPer1kRatio),
      r.serverCpuPct.toFixed(0), r.clientCpuPct.toFixed(0), r.otherCpuPct.toFixed(0),
    ]),
  );
  const durable = rows.filter((r) => r.server === 'lodestone' || r.server === 'baseline' || DURABLE_PEERS.includes(r.server));
  if (durable.some((r) => r.durableP99Ratio !== undefined)) {
    printTable(
      'Against the durable peers (the same runs): ratio = Lodestone / the better durable peer of each N and figure; goal <= 1. [runs] = lowest-highest of the single runs.',
      ['server', 'clients', 'p99 ms [runs]', 'p99 ratio', 'fixed CPU ms/1k [runs]', 'fixed CPU ratio', 'full CPU ms/1k', 'full CPU ratio', 'delivered/s'],
      durable.map((r) => [
        r.server, r.clients, `${ms(r.p99Ms)} [${spread(r.p99PerRunMs, 1)}]`, ratio(r.durableP99Ratio),
        `${r.fixedCpuMsPer1kDelivered.toFixed(1)} [${spread(r.fixedCpuPerRunMsPer1k, 0)}]`, ratio(r.durableFixedCpuRatio),
        r.cpuMsPer1kDelivered.toFixed(1), ratio(r.durableCpuRatio), Math.round(r.deliveredPerSecond),
      ]),
    );
  }
  const byClients = (pick: (row: SyncBenchRow) => number) =>
    CLIENT_COUNTS.map((clients) => ({
      name: `${clients} clients`,
      bars: rows.filter((r) => r.clients === clients).map((r) => ({ label: r.server, value: pick(r) })),
    }));
  printBars(`Fan-out latency p99 at ${WRITERS} x ${RATE_PER_WRITER} edits/s, ms (shorter is better)`, byClients((r) => r.p99Ms));
  printBars('Server CPU per 1,000 delivered updates at the fixed rate, ms (shorter is better)', byClients((r) => r.fixedCpuMsPer1kDelivered), (v) => v.toFixed(1));
  printBars('Delivered updates per second at full rate (longer is better)', byClients((r) => r.deliveredPerSecond), (v) => String(Math.round(v)));
  const noisy = rows.filter((r) => r.otherCpuPct > 25);
  if (noisy.length > 0) {
    console.log(
      `Note: other processes used up to ${Math.max(...noisy.map((r) => r.otherCpuPct)).toFixed(0)}% of a core during the runs (column "other %"); ` +
        'latency percentiles and delivered/s are then unreliable. Rerun on a quiet machine.',
    );
  }
  return rows;
}
