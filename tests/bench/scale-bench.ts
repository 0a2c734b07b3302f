/**
 * Scale-out benchmark: one Lodestone instance against three instances behind Redis, both on PostgreSQL, N
 * clients in one room, measured in the same run. Clients live in 3 worker processes (the sync benchmark's
 * client-worker); on three instances worker w connects to instance w, so two thirds of every edit's
 * receivers sit on another instance than its writer (fan-out through PostgreSQL commit + Redis).
 *
 * Per setup and N: warm-up, a fixed-rate phase (WRITERS x RATE edits/s: fan-out latency over every (edit,
 * receiver) pair) and a full-rate phase (writers as fast as a window of unconfirmed edits allows: delivered
 * updates/s). Runs alternate between the setups (A B B A ...); each row pools its runs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { killAllChildren as killServers, startChildServer, freePort, type ChildServer } from '../utils/child-server';
import { clusterEnv, dropCluster, redisAlive, startCluster, type Cluster } from '../utils/scale-cluster';
import { printBars } from './bars';
import { printTable, quantile } from './stats';
import { preciseNow, type ClientSpec, type ConnectReply, type PhaseReply, type StatsReply, type WorkerCommand, type WorkerReply } from './sync/messages';

type Log = (line: string) => void;

const CLIENT_COUNTS = [50, 200];
/** Runs per setup and N (SCALE_BENCH_ROUNDS overrides). */
const ROUNDS = Math.max(1, Number(process.env.SCALE_BENCH_ROUNDS) || 2);
const WORKERS = 3;
const WRITERS = 5;
const RATE_PER_WRITER = 20;
const WARMUP_MS = 1000;
const FIXED_MS = 3000;
const FULL_MS = 2500;
const WINDOW = 32;
const START_DELAY_MS = 150;
const DRAIN_STALL_MS = 3000;
/** Settings of every instance: rate limits out of the way, quiet logs, a short idle time between runs. */
const SERVER_ENV = { LODESTONE_RATE_LIMIT: '100000', LODESTONE_RATE_BURST: '1000000', LODESTONE_ROOM_IDLE_MS: '2000' };

/** One row of the scale table. */
export interface ScaleBenchRow {
  setup: '1 instance' | '3 instances + Redis';
  instances: number;
  clients: number;
  writers: number;
  runs: number;
  /** Fixed phase: edits/s in total, latency samples, and fan-out latency percentiles. */
  fixedEditsPerSecond: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  fixedLost: number;
  /** Full phase: edits sent, deliveries, and deliveries per second from the first send to the last delivery. */
  fullEdits: number;
  fullDelivered: number;
  fullLost: number;
  deliveredPerSecond: number;
  disconnects: number;
  /** On 3-instance rows: this row / the 1-instance row of the same N. */
  p50Ratio?: number;
  p99Ratio?: number;
  throughputRatio?: number;
}

const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The client worker processes and a request/reply channel to each. */
class Workers {
  private readonly children: ChildProcess[] = [];
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  start(count: number): void {
    const script = join(import.meta.dirname, 'sync/client-worker.ts');
    for (let i = 0; i < count; i++) {
      const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
      this.children.push(child);
    }
  }

  request<T>(worker: number, command: WorkerCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.children[worker].send({ ...command, id });
    });
  }

  all<T>(command: WorkerCommand | ((worker: number) => WorkerCommand)): Promise<T[]> {
    return Promise.all(this.children.map((_, w) => this.request<T>(w, typeof command === 'function' ? command(w) : command)));
  }

  stop(): void {
    for (const child of this.children) {
      if (child.connected) child.disconnect();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
}

interface PhaseResult {
  edits: number;
  expected: number;
  delivered: number;
  startAt: number;
  lastAt: number;
  disconnects: number;
  latencies: number[];
}

/** Runs one phase on every worker and waits until every delivery arrived (or nothing moved for a while). */
async function runPhase(workers: Workers, clients: number, phase: string, command: (startAt: number) => WorkerCommand, withLatencies: boolean): Promise<PhaseResult> {
  const startAt = preciseNow() + START_DELAY_MS;
  const replies = await workers.all<PhaseReply>(command(startAt));
  const edits = sum(replies.flatMap((r) => r.sent.map((s) => s.sent)));
  const expected = edits * (clients - 1);
  let stats: StatsReply[] = [];
  let seen = -1;
  let progressAt = Date.now();
  while (true) {
    stats = await workers.all<StatsReply>({ cmd: 'stats', phase, latencies: false });
    const delivered = sum(stats.map((s) => s.delivered));
    if (delivered >= expected) break;
    if (delivered > seen) {
      seen = delivered;
      progressAt = Date.now();
    } else if (Date.now() - progressAt > DRAIN_STALL_MS) break;
    await sleep(20);
  }
  if (withLatencies) stats = await workers.all<StatsReply>({ cmd: 'stats', phase, latencies: true });
  return {
    edits, expected, startAt,
    delivered: sum(stats.map((s) => s.delivered)),
    lastAt: Math.max(...stats.map((s) => s.lastAt)),
    disconnects: sum(stats.map((s) => s.disconnects)),
    latencies: withLatencies ? stats.flatMap((s) => s.latencies ?? []) : [],
  };
}

/** A set of instances on one schema: one alone, or three behind Redis. */
interface Setup {
  name: ScaleBenchRow['setup'];
  cluster: Cluster;
}

async function newBoard(server: ChildServer): Promise<{ id: string; token: string }> {
  const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template: 'blank' }) });
  const body = (await res.json()) as { id: string; tokens: { editor: string } };
  if (res.status !== 201) throw new Error(`creating a board failed: ${res.status} ${JSON.stringify(body)}`);
  return { id: body.id, token: body.tokens.editor };
}

interface RunResult {
  fixed: PhaseResult;
  full: PhaseResult;
}

async function runOne(workers: Workers, setup: Setup, clients: number, log: Log): Promise<RunResult> {
  const { instances } = setup.cluster;
  const board = await newBoard(instances[0]);
  const specs: ClientSpec[][] = Array.from({ length: WORKERS }, () => []);
  for (let c = 0; c < clients; c++) specs[c % WORKERS].push({ index: c, writer: c < WRITERS ? c : null });
  const connected = await workers.all<ConnectReply>((w) => ({
    cmd: 'connect', protocol: 'y-websocket', serverUrl: instances[w % instances.length].wsUrl, room: board.id, token: board.token, clients: specs[w], timeoutMs: 60_000,
  }));
  try {
    await sleep(300);
    const fixedRate = (phase: string, durationMs: number) => (startAt: number): WorkerCommand => ({ cmd: 'fixed', phase, startAt, durationMs, ratePerWriter: RATE_PER_WRITER, totalWriters: WRITERS });
    await runPhase(workers, clients, 'warmup', fixedRate('warmup', WARMUP_MS), false);
    const fixed = await runPhase(workers, clients, 'fixed', fixedRate('fixed', FIXED_MS), true);
    const full = await runPhase(workers, clients, 'full', (startAt) => ({ cmd: 'full', phase: 'full', startAt, durationMs: FULL_MS, window: WINDOW }), false);
    const span = full.lastAt - full.startAt;
    log(
      `scale: ${setup.name.padEnd(19)} ${String(clients).padStart(3)} clients (synced in ${Math.max(...connected.map((c) => c.ms)).toFixed(0)} ms): ` +
        `p50 ${quantile(fixed.latencies, 0.5).toFixed(2)} p99 ${quantile(fixed.latencies, 0.99).toFixed(2)} ms; full ${full.edits} edits, ${Math.round((full.delivered / span) * 1000)} delivered/s`,
    );
    const lost = fixed.expected - fixed.delivered + full.expected - full.delivered;
    const reconnects = fixed.disconnects + full.disconnects;
    if (lost > 0 || reconnects > 0) log(`scale: WARNING ${setup.name} ${clients}: ${lost} deliveries missing, ${reconnects} reconnects; numbers are suspect`);
    return { fixed, full };
  } finally {
    await workers.all({ cmd: 'disconnect' });
    await sleep(300);
  }
}

/** The instances' catch-up counters by reason, summed (reads of missed rows from storage). */
async function catchUpCounts(cluster: Cluster): Promise<string> {
  const totals = new Map<string, number>();
  for (const instance of cluster.instances) {
    const text = await (await fetch(`${instance.url}/metrics`)).text();
    for (const [, reason, value] of text.matchAll(/^lodestone_catchups_total\{reason="([^"]+)"\} (\d+)/gm)) totals.set(reason, (totals.get(reason) ?? 0) + Number(value));
  }
  return [...totals].map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none';
}

/** Pools the runs of one setup and N into a row. */
function toRow(setup: Setup, clients: number, runs: RunResult[]): ScaleBenchRow {
  const latencies = runs.flatMap((r) => r.fixed.latencies);
  const fullDelivered = sum(runs.map((r) => r.full.delivered));
  const span = sum(runs.map((r) => r.full.lastAt - r.full.startAt));
  return {
    setup: setup.name, instances: setup.cluster.instances.length, clients, writers: WRITERS, runs: runs.length,
    fixedEditsPerSecond: WRITERS * RATE_PER_WRITER, samples: latencies.length,
    p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), maxMs: latencies.reduce((a, b) => Math.max(a, b), 0),
    fixedLost: sum(runs.map((r) => r.fixed.expected - r.fixed.delivered)),
    fullEdits: sum(runs.map((r) => r.full.edits)), fullDelivered, fullLost: sum(runs.map((r) => r.full.expected - r.full.delivered)),
    deliveredPerSecond: span > 0 ? (fullDelivered / span) * 1000 : 0,
    disconnects: sum(runs.map((r) => r.fixed.disconnects + r.full.disconnects)),
  };
}

/** Runs the scale-out benchmark, prints its table and returns the rows. Kills every process it started and drops its schemas. */
export async function runScaleBench(log: Log): Promise<ScaleBenchRow[]> {
  if (!(await redisAlive())) throw new Error('scale bench: Redis does not answer at TEST_REDIS_URL (default redis://127.0.0.1:6379)');
  const started = Date.now();
  const workers = new Workers();
  const setups: Setup[] = [];
  const rows: ScaleBenchRow[] = [];
  try {
    log('scale: starting 1 + 3 instances on PostgreSQL and the client workers ...');
    const singleEnv = clusterEnv(SERVER_ENV);
    delete singleEnv.REDIS_URL;
    const single: Cluster = { schema: singleEnv.LODESTONE_PG_SCHEMA, env: singleEnv, instances: [] };
    setups.push({ name: '1 instance', cluster: single });
    single.instances.push(await startChildServer({ ...singleEnv, PORT: String(await freePort()) }));
    setups.push({ name: '3 instances + Redis', cluster: await startCluster(3, SERVER_ENV) });
    workers.start(WORKERS);
    for (const [i, clients] of CLIENT_COUNTS.entries()) {
      // A B B A ..., starting with the other setup for the next N, so drift on the machine does not favour one.
      const pair = i % 2 === 0 ? setups : [...setups].reverse();
      const results = new Map<Setup, RunResult[]>(setups.map((s) => [s, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const setup of round % 2 === 0 ? pair : [...pair].reverse()) results.get(setup)?.push(await runOne(workers, setup, clients, log));
      }
      for (const [setup, runs] of results) rows.push(toRow(setup, clients, runs));
    }
    log(`scale: measured in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    log(`scale: storage catch-ups on the 3 instances during the runs: ${await catchUpCounts(setups[1].cluster)}`);
  } finally {
    workers.stop();
    await killServers();
    for (const setup of setups) await dropCluster(setup.cluster).catch(() => undefined);
  }

  rows.sort((a, b) => a.clients - b.clients || a.instances - b.instances);
  for (const row of rows) {
    const base = rows.find((r) => r.instances === 1 && r.clients === row.clients);
    if (row.instances > 1 && base) {
      row.p50Ratio = row.p50Ms / base.p50Ms;
      row.p99Ratio = row.p99Ms / base.p99Ms;
      row.throughputRatio = row.deliveredPerSecond / base.deliveredPerSecond;
    }
  }
  const ratio = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
  printTable(
    `Scale-out: N clients in one room over ${WORKERS} client processes; 1 instance vs 3 instances behind Redis, both on PostgreSQL, same run, ` +
      `${ROUNDS} runs each pooled; machine: ${cpus().length} cores shared by servers, clients, PostgreSQL and Redis.\n` +
      `On 3 instances client process w talks to instance w. fixed: ${WRITERS} writers x ${RATE_PER_WRITER} edits/s for ${FIXED_MS / 1000} s, fan-out latency over every (edit, receiver) pair;\n` +
      `full: writers as fast as a window of ${WINDOW} unconfirmed edits allows for ${FULL_MS / 1000} s (delivered updates/s to all clients). Ratios = 3 instances / 1 instance.`,
    ['setup', 'clients', 'p50 ms', 'p99 ms', 'max ms', 'p50 ratio', 'p99 ratio', 'delivered/s', 'throughput ratio', 'lost', 'reconnects'],
    rows.map((r) => [
      r.setup, r.clients, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), r.maxMs.toFixed(1), ratio(r.p50Ratio), ratio(r.p99Ratio),
      Math.round(r.deliveredPerSecond), ratio(r.throughputRatio), r.fixedLost + r.fullLost, r.disconnects,
    ]),
  );
  const byClients = (pick: (row: ScaleBenchRow) => number) =>
    [...new Set(rows.map((r) => r.clients))].map((clients) => ({
      name: `${clients} clients`,
      bars: rows.filter((r) => r.clients === clients).map((r) => ({ label: r.setup, value: pick(r) })),
    }));
  printBars(`Fan-out latency p99 at ${WRITERS} x ${RATE_PER_WRITER} edits/s, ms (shorter is better)`, byClients((r) => r.p99Ms));
  printBars('Delivered updates per second at full rate (longer is better)', byClients((r) => r.deliveredPerSecond), (v) => String(Math.round(v)));
  return rows;
}
