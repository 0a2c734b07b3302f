/**
 * Relay benchmark: the in-process CPU cost of relaying one update to 10 receivers, without sockets, so
 * it isolates the servers' own code from the kernel and the network. Lodestone's Room (with its SQLite
 * storage, one SQLite transaction per update, and with storage taken out) against the reference's y-websocket
 * handler (`@y/websocket-server/utils`), both fed the same updates through stub sockets that discard what
 * they are sent. Every update waits a macrotask, as it would between socket reads. Warm numbers unless
 * RELAY_BENCH_PACE_MS spaces them out: in a real server at a low rate, caches are cold and every part
 * costs several times more.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import * as Y from 'yjs';
import { createLogger } from '../../server/ops/logger';
import { createMetrics } from '../../server/ops/metrics';
import { encodeUpdate } from '../../server/protocol/messages';
import { Connection } from '../../server/rooms/connection';
import { Room } from '../../server/rooms/room';
import { LocalBoardBus } from '../../server/scale/local-board-bus';
import type { RoomSocket } from '../../server/rooms/room-socket';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { printBars } from './bars';
import { envInt } from './env';
import { printTable, quantile } from './stats';

const RECEIVERS = 10;
/** Updates per round (the first half warms up); RELAY_BENCH_PACE_MS > 0 spaces them out (a low rate, caches cold) instead of one per macrotask. */
const UPDATES = envInt('RELAY_BENCH_UPDATES', 20_000);
const PACE_MS = envInt('RELAY_BENCH_PACE_MS', 0);
const ROUNDS = envInt('RELAY_BENCH_ROUNDS', 3);

/** One row: microseconds of CPU per relayed update, median of the rounds. */
export interface RelayBenchRow {
  variant: string;
  receivers: number;
  updates: number;
  usPerUpdate: number;
  perRoundUs: number[];
}

type Variant = 'reference' | 'lodestone, no storage' | 'lodestone + SQLite';
const VARIANTS: Variant[] = ['reference', 'lodestone, no storage', 'lodestone + SQLite'];

/** A writer's successive updates, each a map entry overwritten, as the sync benchmark's writers send. */
function writerUpdates(count: number): Uint8Array[] {
  const writer = new Y.Doc();
  const updates: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => updates.push(update));
  // An activity entry, as the sync benchmark's writers send (the live document's schema allows it).
  for (let i = 0; i < count; i++) writer.getMap('activity').set('w0', { type: 'arrange', by: '0', at: i, detail: `relay|${i}` });
  return updates;
}

const nextMacrotask = () => new Promise<void>((resolve) => (PACE_MS > 0 ? setTimeout(resolve, PACE_MS) : setImmediate(resolve)));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Feeds every update through `receive`, one per macrotask, and returns µs of CPU per update for the second half (the first warms up). */
async function measure(updates: Uint8Array[], receive: (frame: Uint8Array) => void): Promise<number> {
  const half = Math.floor(updates.length / 2);
  const frames = updates.map(encodeUpdate);
  let start = 0;
  for (let i = 0; i < frames.length; i++) {
    if (i === half) start = cpuMs();
    receive(frames[i]);
    await nextMacrotask();
  }
  return ((cpuMs() - start) / half) * 1000;
}

async function lodestone(updates: Uint8Array[], store: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-relay-'));
  const storage = new SqliteStorage(join(dir, 'relay.db'));
  await storage.init();
  let room: Room | null = null;
  try {
    if (!store) {
      let seq = 1;
      storage.appendUpdatesNow = (_board, batch) => (seq += batch.length);
    }
    await storage.createBoard({ id: 'relay', title: 'relay', createdAt: '', updatedAt: '' }, Y.encodeStateAsUpdate(new Y.Doc()));
    room = await Room.load('relay', {
      storage, log: createLogger('silent'), metrics: createMetrics(), compactAfterUpdates: Number.MAX_SAFE_INTEGER, now: () => new Date(),
      bus: new LocalBoardBus('relay-bench'), onBroken: () => undefined, onDeleted: () => undefined,
    });
    const connections = Array.from({ length: RECEIVERS }, () => {
      const socket: RoomSocket = { isOpen: true, bufferedAmount: 0, sendFrame: () => undefined, close: () => undefined };
      const conn = new Connection(socket, 'relay', 'editor', { perSecond: Number.MAX_SAFE_INTEGER, burst: Number.MAX_SAFE_INTEGER });
      room!.join(conn);
      return conn;
    });
    await nextMacrotask();
    return await measure(updates, (frame) => room!.receive(connections[0], frame));
  } finally {
    room?.destroy();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function reference(updates: Uint8Array[], round: number): Promise<number> {
  const sockets = Array.from({ length: RECEIVERS }, () => {
    const socket = Object.assign(new EventEmitter(), {
      readyState: 1, binaryType: '', ping: () => undefined, close: () => undefined,
      send: (_data: unknown, _options: unknown, done?: (error?: Error) => void) => done?.(),
    });
    setupWSConnection(socket as never, { url: '' } as never, { docName: `relay-${round}` });
    return socket;
  });
  await nextMacrotask();
  try {
    return await measure(updates, (frame) => sockets[0].emit('message', frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength)));
  } finally {
    for (const socket of sockets) socket.emit('close');
    // Without persistence the reference keeps every document (and its awareness timer) forever.
    const doc = docs.get(`relay-${round}`);
    doc?.awareness.destroy();
    doc?.destroy();
    docs.delete(`relay-${round}`);
  }
}

/** Runs the relay benchmark, prints its table and chart, and returns the rows. */
export async function runRelayBench(log: (line: string) => void): Promise<RelayBenchRow[]> {
  const updates = writerUpdates(UPDATES);
  const results = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      const us = variant === 'reference' ? await reference(updates, round) : await lodestone(updates, variant === 'lodestone + SQLite');
      log(`relay: ${variant}: ${us.toFixed(1)} us per update`);
      results.get(variant)!.push(us);
    }
  }
  const rows = VARIANTS.map((variant) => {
    const perRoundUs = results.get(variant)!;
    return { variant, receivers: RECEIVERS, updates: UPDATES / 2, usPerUpdate: quantile(perRoundUs, 0.5), perRoundUs };
  });
  printTable(
    `Relay, in process: CPU per update relayed to ${RECEIVERS} receivers through stub sockets (no kernel, no network), ${PACE_MS > 0 ? `one every ${PACE_MS} ms (cold)` : 'back to back (warm)'}; median of ${ROUNDS} rounds of ${Math.floor(UPDATES / 2)} measured updates.`,
    ['variant', 'us per update', 'rounds'],
    rows.map((r) => [r.variant, r.usPerUpdate.toFixed(1), r.perRoundUs.map((v) => v.toFixed(1)).join(' / ')]),
  );
  printBars('CPU per relayed update, µs (shorter is better)', [{ name: `${RECEIVERS} receivers`, bars: rows.map((r) => ({ label: r.variant, value: r.usPerUpdate })) }], (v) => v.toFixed(1));
  return rows;
}
