/**
 * Sync benchmark client worker (`node --import tsx client-worker.ts`, forked with an IPC channel).
 * Opens stock y-websocket providers, makes timestamped edits for the writers, and records for every
 * client the latency and count of the edits other clients made. Exits when the parent goes away.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { preciseNow, type SyncProtocol, type ClockReply, type ConnectReply, type CpuReply, type PhaseReply, type SentReport, type StatsReply, type WorkerReply, type WorkerRequest } from './messages';

/** What a writer sends: send time, writer, sequence number within the phase, phase name. */
interface Edit {
  t: number;
  w: number;
  i: number;
  p: string;
}

/**
 * An edit as the entry it is stored in: an `activity` entry of the live document (Lodestone refuses
 * updates outside the document's schema), with the time in `at` and the rest in `by` and `detail`.
 */
interface ActivityEntry {
  type: 'arrange';
  by: string;
  at: number;
  detail: string;
}

const toEntry = (edit: Edit): ActivityEntry => ({ type: 'arrange', by: String(edit.w), at: edit.t, detail: `${edit.p}|${edit.i}` });

function fromEntry(entry: ActivityEntry | undefined): Edit | undefined {
  if (!entry) return undefined;
  const bar = entry.detail.lastIndexOf('|');
  return { t: entry.at, w: Number(entry.by), i: Number(entry.detail.slice(bar + 1)), p: entry.detail.slice(0, bar) };
}

/** What the worker uses of a provider, whichever protocol it speaks. */
interface SyncProvider {
  readonly synced: boolean;
  destroy(): void;
}

interface Client {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  provider: SyncProvider;
  map: Y.Map<ActivityEntry>;
  writer: number | null;
}

interface PhaseStats {
  delivered: number;
  lastAt: number;
  latencies: number[];
}

const MAP_NAME = 'activity';
let clients: Client[] = [];
let disconnects = 0;
let closing = false;
const stats = new Map<string, PhaseStats>();
/** Per phase and writer: 1 + the highest sequence number some client of this worker has received. */
const acked = new Map<string, number>();
const ackWaiters = new Map<string, () => void>();

// Every provider adds a process 'exit' listener.
process.setMaxListeners(0);

const sleepUntil = (at: number) => {
  const wait = at - preciseNow();
  return wait > 0 ? new Promise<void>((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
};
const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

function phaseStats(phase: string): PhaseStats {
  let s = stats.get(phase);
  if (!s) stats.set(phase, (s = { delivered: 0, lastAt: 0, latencies: [] }));
  return s;
}

function ack(phase: string, writer: number, upTo: number): void {
  const key = `${phase}:${writer}`;
  if ((acked.get(key) ?? 0) >= upTo) return;
  acked.set(key, upTo);
  const waiter = ackWaiters.get(key);
  if (waiter) {
    ackWaiters.delete(key);
    waiter();
  }
}

/** A stock provider of the protocol, counting unexpected disconnects. */
function openProvider(protocol: SyncProtocol, serverUrl: string, room: string, token: string | null, doc: Y.Doc, awareness: awarenessProtocol.Awareness): SyncProvider {
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'disconnected' && !closing) disconnects++;
  };
  if (protocol === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: serverUrl, name: room, document: doc, awareness, token,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      maxDelay: 1000,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    provider.on('status', onStatus);
    return { get synced() { return provider.isSynced; }, destroy: () => provider.destroy() };
  }
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    awareness,
    maxBackoffTime: 1000,
  });
  provider.on('status', onStatus);
  return provider;
}

function openClient(protocol: SyncProtocol, serverUrl: string, room: string, token: string | null, writer: number | null): Client {
  const doc = new Y.Doc();
  // No awareness state: the benchmark measures document updates only (no 15 s awareness renewals).
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const provider = openProvider(protocol, serverUrl, room, token, doc, awareness);
  const map = doc.getMap<ActivityEntry>(MAP_NAME);
  // Per phase and writer, how many of its edits this client has. A server may coalesce several edits of
  // one key into one update (the receiver then sees only the last): those count as delivered too, but
  // only the edit whose value arrived gives a latency sample.
  const have = new Map<string, number>();
  map.observe((event) => {
    if (event.transaction.local) return;
    const at = preciseNow();
    for (const key of event.keysChanged) {
      const edit = fromEntry(map.get(key));
      if (!edit || edit.w === writer) continue;
      const seq = `${edit.p}:${edit.w}`;
      const before = have.get(seq) ?? 0;
      if (edit.i + 1 <= before) continue;
      have.set(seq, edit.i + 1);
      const s = phaseStats(edit.p);
      s.delivered += edit.i + 1 - before;
      s.lastAt = at;
      s.latencies.push(at - edit.t);
      ack(edit.p, edit.w, edit.i + 1);
    }
  });
  return { doc, awareness, provider, map, writer };
}

async function connect(protocol: SyncProtocol, serverUrl: string, room: string, token: string | null, specs: { writer: number | null }[], timeoutMs: number): Promise<ConnectReply> {
  const started = preciseNow();
  closing = false;
  disconnects = 0;
  clients = specs.map((spec) => openClient(protocol, serverUrl, room, token, spec.writer));
  const deadline = started + timeoutMs;
  while (!clients.every((c) => c.provider.synced)) {
    if (preciseNow() > deadline) throw new Error(`only ${clients.filter((c) => c.provider.synced).length}/${clients.length} clients synced within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { connected: clients.length, ms: preciseNow() - started };
}

function edit(client: Client, phase: string, i: number): void {
  const w = client.writer as number;
  client.map.set(`w${w}`, toEntry({ t: preciseNow(), w, i, p: phase }));
}

async function runFixed(phase: string, startAt: number, durationMs: number, ratePerWriter: number, totalWriters: number): Promise<PhaseReply> {
  const period = 1000 / ratePerWriter;
  const count = Math.round((durationMs / 1000) * ratePerWriter);
  const sent = await Promise.all(clients.filter((c) => c.writer !== null).map(async (c): Promise<SentReport> => {
    const offset = ((c.writer as number) * period) / totalWriters;
    for (let i = 0; i < count; i++) {
      await sleepUntil(startAt + offset + i * period);
      edit(c, phase, i);
    }
    return { writer: c.writer as number, sent: count };
  }));
  return { sent };
}

async function runFull(phase: string, startAt: number, durationMs: number, window: number): Promise<PhaseReply> {
  const endAt = startAt + durationMs;
  await sleepUntil(startAt);
  const sent = await Promise.all(clients.filter((c) => c.writer !== null).map(async (c): Promise<SentReport> => {
    const w = c.writer as number;
    const key = `${phase}:${w}`;
    let i = 0;
    while (preciseNow() < endAt) {
      if (i - (acked.get(key) ?? 0) >= window) {
        // Wait until another client of this worker has received an earlier edit (or 50 ms, to re-check the clock).
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            ackWaiters.delete(key);
            resolve();
          }, 50);
          ackWaiters.set(key, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        continue;
      }
      edit(c, phase, i++);
      await immediate();
    }
    return { writer: w, sent: i };
  }));
  return { sent };
}

function statsOf(phase: string, withLatencies: boolean): StatsReply {
  const s = phaseStats(phase);
  return { delivered: s.delivered, lastAt: s.lastAt, disconnects, ...(withLatencies ? { latencies: s.latencies } : {}) };
}

function disconnect(): { closed: number } {
  closing = true;
  for (const c of clients) {
    c.provider.destroy();
    c.awareness.destroy();
    c.doc.destroy();
  }
  const closed = clients.length;
  clients = [];
  stats.clear();
  acked.clear();
  ackWaiters.clear();
  return { closed };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'connect':
      return connect(request.protocol, request.serverUrl, request.room, request.token, request.clients, request.timeoutMs);
    case 'fixed':
      return runFixed(request.phase, request.startAt, request.durationMs, request.ratePerWriter, request.totalWriters);
    case 'full':
      return runFull(request.phase, request.startAt, request.durationMs, request.window);
    case 'stats':
      return statsOf(request.phase, request.latencies);
    case 'cpu': {
      const usage = process.cpuUsage();
      return { cpuMs: (usage.user + usage.system) / 1000 } satisfies CpuReply;
    }
    case 'clock':
      return { now: preciseNow() } satisfies ClockReply;
    case 'disconnect':
      return disconnect();
  }
}

if (!process.send) {
  process.stderr.write('client-worker: must be started with an IPC channel (child_process.fork)\n');
  process.exit(2);
}
process.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => process.send?.({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
// The parent exited or closed the channel: stop at once.
process.on('disconnect', () => {
  disconnect();
  process.exit(0);
});
