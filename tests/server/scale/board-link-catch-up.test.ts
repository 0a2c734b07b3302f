/**
 * Catch-up logic in one process: rooms of two "instances" on one storage, joined by a bus the test
 * controls (hold, drop, reorder, reconnect), so every path of BoardLink runs deterministically.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/ops/logger';
import { createMetrics, type Metrics } from '../../../server/ops/metrics';
import { Room } from '../../../server/rooms/room';
import type { BoardBus, BoardBusHandler, BusMessage } from '../../../server/scale/board-bus';
import { GAP_WAIT_MS, INLINE_BYTES } from '../../../server/scale/board-link';
import { decodeBusMessage, encodeBusMessage } from '../../../server/scale/bus-codec';
import { SeqTracker } from '../../../server/scale/seq-tracker';
import { SqliteStorage } from '../../../server/storage/sqlite-storage';
import type { Storage } from '../../../server/storage/storage';
import { mark, markKeys, markOf } from '../../utils/doc-marks';
import { waitFor } from '../../utils/server-harness';

/** Messages in flight between fake instances; the test decides when (and whether) they arrive. */
class FakeNet {
  readonly handlers = new Map<string, BoardBusHandler>();
  held: { to: string; message: BusMessage }[] = [];

  bus(instanceId: string): BoardBus {
    return {
      kind: 'redis', shared: true, instanceId,
      subscribe: async (_boardId, handler) => {
        this.handlers.set(instanceId, handler);
        return { close: () => this.handlers.delete(instanceId) };
      },
      publish: (_boardId, message) => {
        for (const to of this.handlers.keys()) if (to !== instanceId) this.held.push({ to, message });
      },
      ping: async () => undefined,
      close: async () => undefined,
    };
  }

  /** Delivers the held messages (optionally only some, in a given order) and forgets the rest. */
  deliver(pick: (held: FakeNet['held']) => FakeNet['held'] = (held) => held): void {
    const held = this.held;
    this.held = [];
    for (const { to, message } of pick(held)) this.handlers.get(to)?.message(message);
  }

  updates(): FakeNet['held'] {
    return this.held.filter((h) => h.message.type === 'update');
  }
}

const BOARD = 'b1';
let dirs: string[] = [];
let rooms: Room[] = [];
let storages: Storage[] = [];

afterEach(async () => {
  for (const room of rooms.splice(0)) room.destroy();
  for (const storage of storages.splice(0)) await storage.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(): Promise<{ storage: Storage; net: FakeNet; open: (id: string, storage?: Storage) => Promise<{ room: Room; metrics: Metrics }> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-link-'));
  dirs.push(dir);
  const storage = new SqliteStorage(join(dir, 'db.sqlite'));
  await storage.init();
  storages.push(storage);
  await storage.createBoard({ id: BOARD, title: 't', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }, Y.encodeStateAsUpdate(new Y.Doc()));
  const net = new FakeNet();
  const open = async (id: string, store: Storage = storage) => {
    const metrics = createMetrics();
    const room = await Room.load(BOARD, {
      storage: store, bus: net.bus(id), log: createLogger('silent'), metrics, compactAfterUpdates: 1_000_000, now: () => new Date(),
      onBroken: () => undefined, onDeleted: () => undefined,
    });
    rooms.push(room);
    return { room, metrics };
  };
  return { storage, net, open };
}

const set = (room: Room, key: string, value: string | number) => room.change((doc) => mark(doc, key, value));
const keys = (room: Room) => markKeys(room.doc);
const catchUps = async (metrics: Metrics, reason: string) => (await metrics.catchUps.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SeqTracker', () => {
  it('advances the watermark only over held seqs, in any order', () => {
    const t = new SeqTracker(3);
    t.mark(6, 7);
    expect([t.watermark, t.highest, t.hasGap]).toEqual([3, 7, true]);
    expect(t.covers(6, 7)).toBe(true);
    expect(t.covers(5, 6)).toBe(false);
    t.mark(4, 4);
    expect(t.watermark).toBe(4);
    t.mark(5, 5);
    expect([t.watermark, t.hasGap]).toEqual([7, false]);
    expect(t.covers(1, 7)).toBe(true);
  });

  it('jumps to a storage read and keeps what was held past it; a head opens a gap', () => {
    const t = new SeqTracker(0);
    t.mark(9, 10);
    t.advanceTo(8);
    expect(t.watermark).toBe(10);
    t.noteHead(12);
    expect([t.watermark, t.hasGap]).toEqual([10, true]);
    t.advanceTo(12);
    expect(t.hasGap).toBe(false);
  });
});

describe('bus messages', () => {
  it('round-trip every type with the sender, and unreadable ones are refused', () => {
    const messages: BusMessage[] = [
      { type: 'update', seq: 7, updates: [new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3])] },
      { type: 'head', seq: 123456789 },
      { type: 'awareness', update: new Uint8Array([9, 9, 9]) },
      { type: 'awareness-query' },
      { type: 'deleted' },
      { type: 'links-rotated', role: 'viewer', generation: 3 },
    ];
    for (const message of messages) expect(decodeBusMessage(encodeBusMessage('host-1-abc', message))).toEqual({ from: 'host-1-abc', message });
    const good = encodeBusMessage('x', messages[0]);
    for (const bad of [new Uint8Array(0), new Uint8Array([2, 0]), good.subarray(0, good.length - 1), new Uint8Array([...good, 0]), new Uint8Array([1, 9, 1, 120])]) {
      expect(() => decodeBusMessage(bad)).toThrow();
    }
    // An update message cannot claim more updates than its seq allows.
    expect(() => decodeBusMessage(encodeBusMessage('x', { type: 'update', seq: 1, updates: [new Uint8Array(1), new Uint8Array(1)] }))).toThrow(/count/);
  });
});

describe('BoardLink catch-up (two instances, one storage, a bus the test controls)', () => {
  it('[B1] relays a stored update to the other instance without storing it again', async () => {
    const { storage, net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    await set(a.room, 'x', 1);
    net.deliver();
    expect(markOf(b.room.doc, 'x')).toBe('1');
    await b.room.flushed();
    expect(await storage.countUpdates(BOARD)).toBe(2);
  });

  it('[B2] messages out of order within the grace period need no storage read', async () => {
    const { net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    await set(a.room, 'x', 1);
    await set(a.room, 'y', 2);
    net.deliver((held) => [...held].reverse());
    await sleep(GAP_WAIT_MS * 2);
    expect(keys(b.room)).toEqual(['x', 'y']);
    expect(await catchUps(b.metrics, 'gap')).toBe(0);
  });

  it('[B3] a lost message is read from storage once a later one reveals the gap', async () => {
    const { net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    await set(a.room, 'lost', 1);
    net.held = [];
    await set(a.room, 'later', 2);
    net.deliver();
    // 'later' is held by Yjs as pending (it follows the lost update of the same client) until the gap is read.
    expect(keys(b.room)).toEqual([]);
    await waitFor(() => keys(b.room).length === 2, 5000, 'the lost update caught up');
    expect(await catchUps(b.metrics, 'gap')).toBe(1);
  });

  it('[B4] a bus reconnect catches up what was published meanwhile, with no later message', async () => {
    const { net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    await set(a.room, 'lost', 1);
    net.held = [];
    net.handlers.get('B')?.reconnected();
    await waitFor(() => keys(b.room).includes('lost'), 5000, 'caught up after reconnect');
    // And it told the others how far the board goes and asked for their awareness.
    expect(net.held.map((h) => h.message.type).sort()).toEqual(['awareness-query', 'head']);
  });

  it('[B5] what another instance stores while a room loads is buffered and applied after the load', async () => {
    const { storage, net, open } = await setup();
    const a = await open('A');
    // B's storage read returns a snapshot taken before A's write, but only after A's message arrived.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Storage = Object.assign(Object.create(storage) as Storage, {
      loadUpdates: async (id: string) => {
        const rows = await storage.loadUpdates(id);
        await gate;
        return rows;
      },
    });
    const loading = open('B', slow);
    await waitFor(() => net.handlers.has('B'), 5000, 'B subscribed before reading storage');
    await set(a.room, 'during-load', 1);
    net.deliver();
    release();
    const b = await loading;
    expect(keys(b.room)).toEqual(['during-load']);
    await sleep(GAP_WAIT_MS * 2);
    expect(await catchUps(b.metrics, 'gap')).toBe(0);
  });

  it('[B6] an instance compacts only up to its watermark: a row still in flight to it is not lost', async () => {
    const { storage, net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    await set(a.room, 'in-flight', 1); // seq 2, its message not delivered yet
    await set(b.room, 'mine', 2); // seq 3
    await b.room.compact();
    const fresh = new Y.Doc();
    for (const row of await storage.loadUpdates(BOARD)) Y.applyUpdate(fresh, row.data);
    expect(markKeys(fresh)).toEqual(['in-flight', 'mine']);
    net.deliver();
    expect(keys(b.room)).toEqual(['in-flight', 'mine']);
  });

  it('[B7] a reader behind another instance\'s compaction catches up from the merged row', async () => {
    const { storage, net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    for (let i = 0; i < 10; i++) await set(a.room, `k${i}`, i);
    net.held = [];
    await a.room.compact();
    expect(await storage.countUpdates(BOARD)).toBe(1);
    expect(await b.room.caughtUp().then(() => keys(b.room).length)).toBe(10);
    expect(await catchUps(b.metrics, 'sync')).toBe(1);
  });

  it('[B8] a batch too big for the bus is announced by seq and read from storage by the others', async () => {
    const { net, open } = await setup();
    const [a, b] = [await open('A'), await open('B')];
    net.held = [];
    await set(a.room, 'big', 'x'.repeat(INLINE_BYTES + 10));
    expect(net.held.map((h) => h.message.type)).toEqual(['head']);
    net.deliver();
    await waitFor(() => markOf(b.room.doc, 'big') !== undefined, 5000, 'the big update read from storage');
    expect(await catchUps(b.metrics, 'head')).toBe(1);
  });

  it('[B9] an update from another instance that breaks the document schema is skipped; the rest of its message is applied', async () => {
    const { net, open } = await setup();
    const [, b] = [await open('A'), await open('B')];
    const bad = new Y.Doc();
    bad.getMap('notes').set('poison', new Y.Map<unknown>([['text', new Y.Doc()]]));
    const good = new Y.Doc();
    mark(good, 'fine', 1);
    net.handlers.get('B')!.message({ type: 'update', seq: 3, updates: [Y.encodeStateAsUpdate(bad), Y.encodeStateAsUpdate(good)] });
    expect(keys(b.room)).toEqual(['fine']);
    const errors = (await b.metrics.busErrors.get()).values.find((v) => v.labels.reason === 'schema')?.value;
    expect(errors).toBe(1);
  });

});

