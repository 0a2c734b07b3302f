/** The behaviour every Storage backend must have, as a vitest suite run once per backend. */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardRecord, SnapshotRecord, Storage } from '../../../server/storage/storage';
import { computeExposure } from '../../../shared/exposure/engine';
import { seededRandom } from '../../../shared/generate/random';
import { board, edge, node } from '../../utils/board-builder';

/** A fresh, initialised storage; reopen() closes it and opens the same data again; cleanup() closes and deletes everything. */
export interface StorageHarness {
  storage: Storage;
  reopen: () => Promise<Storage>;
  cleanup: () => Promise<void>;
}

/** Random bytes as a plain Uint8Array (not a Buffer). */
export function bytes(length: number): Uint8Array {
  return new Uint8Array(randomBytes(length));
}

/** A board record whose timestamps are `second` seconds after a fixed instant. */
export function boardRecord(id: string, second = 0, title = `Board ${id}`): BoardRecord {
  const at = new Date(Date.UTC(2025, 0, 1) + second * 1000).toISOString();
  return { id, title, createdAt: at, updatedAt: at };
}

const digest = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function snapshot(boardId: string, id: string, second: number): SnapshotRecord {
  const b = board([node('m', 'mine', 'CD', { capacity: { cobalt: 100 } }), node('c', 'consumer', 'DE', { demand: { cobalt: 80 } })], [
    edge('e', 'm', 'c', 'cobalt', 80),
  ]);
  const at = new Date(Date.UTC(2025, 0, 1) + second * 1000).toISOString();
  return { id, boardId, name: `v${id}`, author: 'Ada', createdAt: at, state: bytes(300), board: b, exposure: computeExposure(b) };
}

/** Runs fixtures/append-until-killed.ts with `args`, SIGKILLs it once it printed `atLeast` seqs, and returns every seq it printed. */
export async function appendUntilKilled(args: string[], atLeast = 50): Promise<number[]> {
  const script = fileURLToPath(new URL('../fixtures/append-until-killed.ts', import.meta.url));
  const cwd = fileURLToPath(new URL('../../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const printed = () => out.split('\n').slice(0, -1).map(Number);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (printed().length >= atLeast) child.kill('SIGKILL');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const giveUp = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await once(child, 'close');
  clearTimeout(giveUp);
  if (printed().length < atLeast) throw new Error(`child printed ${printed().length} seqs before it ended: ${err}`);
  return printed();
}

/** Applies `count` random set/delete edits to a Y.Map, one transaction each. */
function randomMapEdits(doc: Y.Doc, count: number, random: () => number): void {
  const map = doc.getMap<unknown>('m');
  for (let i = 0; i < count; i++) {
    const key = `k${Math.floor(random() * 20)}`;
    const roll = random();
    if (roll < 0.2) map.delete(key);
    else if (roll < 0.3) map.set(key, new Y.Map<unknown>([['x', random()]]));
    else map.set(key, { value: Math.floor(random() * 1000), note: 'n'.repeat(Math.floor(random() * 5)) });
  }
}

/** Defines the Storage contract suite for one backend; `make` is called before every test. */
export function storageContract(name: string, make: () => Promise<StorageHarness>): void {
  describe(`Storage contract: ${name}`, () => {
    let harness: StorageHarness;
    let storage: Storage;
    const initial = bytes(64);

    beforeEach(async () => {
      harness = await make();
      storage = harness.storage;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    describe('boards', () => {
      it('returns a created board by id and null for an unknown id', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        expect(await storage.getBoard('b1')).toStrictEqual(boardRecord('b1'));
        expect(await storage.getBoard('nope')).toBeNull();
      });

      it('rejects creating an existing id and keeps the first board', async () => {
        await storage.createBoard(boardRecord('b1', 0, 'first'), initial);
        await expect(storage.createBoard(boardRecord('b1', 5, 'second'), bytes(8))).rejects.toThrow();
        expect((await storage.getBoard('b1'))?.title).toBe('first');
        expect((await storage.loadUpdates('b1')).map((u) => u.data)).toStrictEqual([initial]);
      });

      it('lists boards most recently updated first', async () => {
        await storage.createBoard(boardRecord('old', 1), initial);
        await storage.createBoard(boardRecord('new', 3), initial);
        await storage.createBoard(boardRecord('mid', 2), initial);
        expect((await storage.listBoards()).map((b) => b.id)).toStrictEqual(['new', 'mid', 'old']);
        await storage.updateBoard('old', { updatedAt: boardRecord('x', 9).updatedAt });
        expect((await storage.listBoards()).map((b) => b.id)).toStrictEqual(['old', 'new', 'mid']);
      });

      it('lists boards a page at a time', async () => {
        for (let i = 0; i < 5; i++) await storage.createBoard(boardRecord(`b${i}`, i), initial);
        expect((await storage.listBoards({ limit: 2, offset: 0 })).map((b) => b.id)).toStrictEqual(['b4', 'b3']);
        expect((await storage.listBoards({ limit: 2, offset: 2 })).map((b) => b.id)).toStrictEqual(['b2', 'b1']);
        expect((await storage.listBoards({ limit: 2, offset: 4 })).map((b) => b.id)).toStrictEqual(['b0']);
        expect(await storage.listBoards({ limit: 2, offset: 6 })).toStrictEqual([]);
      });

      it('keeps a generation per rotatable link; rotating moves one role only; unknown and deleted boards have none', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        expect(await storage.linkGenerations('b1')).toStrictEqual({ editor: 0, viewer: 0 });
        expect(await storage.rotateLink('b1', 'editor')).toBe(1);
        expect(await storage.rotateLink('b1', 'editor')).toBe(2);
        expect(await storage.rotateLink('b1', 'viewer')).toBe(1);
        expect(await storage.linkGenerations('b1')).toStrictEqual({ editor: 2, viewer: 1 });
        expect(await storage.linkGenerations('nope')).toBeNull();
        expect(await storage.rotateLink('nope', 'viewer')).toBeNull();
        await storage.deleteBoard('b1');
        expect(await storage.linkGenerations('b1')).toBeNull();
        await storage.createBoard(boardRecord('b1'), initial);
        expect(await storage.linkGenerations('b1')).toStrictEqual({ editor: 0, viewer: 0 });
      });

      it('updates the title and updatedAt independently', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        await storage.updateBoard('b1', { title: 'Renamed' });
        expect(await storage.getBoard('b1')).toStrictEqual({ ...boardRecord('b1'), title: 'Renamed' });
        const later = boardRecord('x', 60).updatedAt;
        await storage.updateBoard('b1', { updatedAt: later });
        expect(await storage.getBoard('b1')).toStrictEqual({ ...boardRecord('b1'), title: 'Renamed', updatedAt: later });
      });

      it('deletes a board with its updates and snapshots, and leaves other boards alone', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        await storage.createBoard(boardRecord('b2'), initial);
        await storage.appendUpdates('b1', [bytes(10), bytes(10)]);
        await storage.saveSnapshot(snapshot('b1', 's1', 1));
        expect(await storage.deleteBoard('b1')).toBe(true);
        expect(await storage.getBoard('b1')).toBeNull();
        expect(await storage.loadUpdates('b1')).toStrictEqual([]);
        expect(await storage.countUpdates('b1')).toBe(0);
        expect(await storage.listSnapshots('b1')).toStrictEqual([]);
        expect(await storage.getSnapshot('b1', 's1')).toBeNull();
        expect(await storage.getBoard('b2')).not.toBeNull();
        // The id is free again and starts from seq 1.
        await storage.createBoard(boardRecord('b1'), initial);
        expect((await storage.loadUpdates('b1')).map((u) => u.seq)).toStrictEqual([1]);
      });

      it('answers false when deleting an unknown board', async () => {
        expect(await storage.deleteBoard('nope')).toBe(false);
      });
    });

    describe('updates', () => {
      it('loads the initial update right after create, and nothing for an unknown board', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        expect(await storage.loadUpdates('b1')).toStrictEqual([{ seq: 1, data: initial }]);
        expect(await storage.loadUpdates('nope')).toStrictEqual([]);
      });

      it('returns increasing seqs and keeps order and bytes exactly, including empty and 1 MiB updates', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const batches = [[bytes(0)], [bytes(1), bytes(1024 * 1024), bytes(0)], [bytes(17)], [bytes(300), bytes(5)]];
        const lasts: number[] = [];
        for (const batch of batches) lasts.push(await storage.appendUpdates('b1', batch));
        expect(lasts).toStrictEqual([2, 5, 6, 8]);
        const loaded = await storage.loadUpdates('b1');
        expect(loaded.map((u) => u.seq)).toStrictEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(loaded.map((u) => digest(u.data))).toStrictEqual([initial, ...batches.flat()].map(digest));
        expect(loaded.map((u) => u.data.byteLength)).toStrictEqual([64, 0, 1, 1024 * 1024, 0, 17, 300, 5]);
      });

      it('loads plain Uint8Arrays, not Buffers', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        for (const update of await storage.loadUpdates('b1')) expect(update.data.constructor).toBe(Uint8Array);
      });

      it('appends nothing for an empty list and returns the current last seq', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        expect(await storage.appendUpdates('b1', [])).toBe(1);
        expect(await storage.countUpdates('b1')).toBe(1);
      });

      it('stores none of a batch when one of its updates fails (one transaction)', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const bad = [bytes(4), bytes(4), null as unknown as Uint8Array, bytes(4)];
        await expect(storage.appendUpdates('b1', bad)).rejects.toThrow();
        expect(await storage.loadUpdates('b1')).toStrictEqual([{ seq: 1, data: initial }]);
        expect(await storage.appendUpdates('b1', [bytes(4)])).toBe(2);
      });

      it('rejects appending to an unknown board', async () => {
        await expect(storage.appendUpdates('nope', [bytes(4)])).rejects.toThrow();
        expect(await storage.loadUpdates('nope')).toStrictEqual([]);
      });

      it('keeps every update of 50 concurrent appends exactly once, each batch at consecutive seqs', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const batches = Array.from({ length: 50 }, (_, i) => Array.from({ length: (i % 3) + 1 }, () => bytes(32)));
        const lasts = await Promise.all(batches.map((batch) => storage.appendUpdates('b1', batch)));
        const loaded = await storage.loadUpdates('b1');
        const total = 1 + batches.flat().length;
        expect(loaded.map((u) => u.seq)).toStrictEqual(Array.from({ length: total }, (_, i) => i + 1));
        const bySeq = new Map(loaded.map((u) => [u.seq, digest(u.data)]));
        batches.forEach((batch, i) => {
          const first = lasts[i]! - batch.length + 1;
          expect(batch.map(digest)).toStrictEqual(batch.map((_, j) => bySeq.get(first + j)));
        });
      });

      it('compacts rows up to upToSeq into one row at upToSeq and keeps later rows', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const later = [bytes(9), bytes(10)];
        await storage.appendUpdates('b1', [bytes(5), bytes(6), bytes(7)]);
        await storage.appendUpdates('b1', later);
        const merged = bytes(40);
        await storage.compact('b1', merged, 4);
        expect(await storage.loadUpdates('b1')).toStrictEqual([
          { seq: 4, data: merged },
          { seq: 5, data: later[0] },
          { seq: 6, data: later[1] },
        ]);
        expect(await storage.appendUpdates('b1', [bytes(1)])).toBe(7);
      });

      it('loads only the updates after a seq, in order, and nothing past the last or for an unknown board', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const more = [bytes(3), bytes(4), bytes(5)];
        await storage.appendUpdates('b1', more);
        expect(await storage.loadUpdatesAfter('b1', 0)).toStrictEqual(await storage.loadUpdates('b1'));
        expect(await storage.loadUpdatesAfter('b1', 2)).toStrictEqual([
          { seq: 3, data: more[1] },
          { seq: 4, data: more[2] },
        ]);
        expect(await storage.loadUpdatesAfter('b1', 4)).toStrictEqual([]);
        expect(await storage.loadUpdatesAfter('b1', 99)).toStrictEqual([]);
        expect(await storage.loadUpdatesAfter('nope', 0)).toStrictEqual([]);
        for (const update of await storage.loadUpdatesAfter('b1', 0)) expect(update.data.constructor).toBe(Uint8Array);
      });

      it('gives a reader behind a compaction the merged row, so it still catches up to the live state', async () => {
        // A reader holds the rows up to seq 3; meanwhile another instance appends and compacts up to 6.
        const live = new Y.Doc();
        const pending: Uint8Array[] = [];
        live.on('update', (update: Uint8Array) => pending.push(update));
        await storage.createBoard(boardRecord('b1'), Y.encodeStateAsUpdate(live));
        for (let i = 0; i < 8; i++) {
          live.getMap('m').set(`k${i % 5}`, i);
          expect(await storage.appendUpdates('b1', pending.splice(0))).toBe(i + 2);
        }
        const reader = new Y.Doc();
        for (const { data } of (await storage.loadUpdates('b1')).filter((u) => u.seq <= 3)) Y.applyUpdate(reader, data);
        const gcDoc = new Y.Doc({ gc: true });
        for (const { data } of (await storage.loadUpdates('b1')).filter((u) => u.seq <= 6)) Y.applyUpdate(gcDoc, data);
        await storage.compact('b1', Y.encodeStateAsUpdate(gcDoc), 6);
        const after = await storage.loadUpdatesAfter('b1', 3);
        expect(after.map((u) => u.seq)).toStrictEqual([6, 7, 8, 9]);
        for (const { data } of after) Y.applyUpdate(reader, data);
        expect(reader.getMap('m').toJSON()).toStrictEqual(live.getMap('m').toJSON());
        // A reader already past the compaction point reads only the later rows.
        expect((await storage.loadUpdatesAfter('b1', 6)).map((u) => u.seq)).toStrictEqual([7, 8, 9]);
      });

      it('counts update rows', async () => {
        expect(await storage.countUpdates('b1')).toBe(0);
        await storage.createBoard(boardRecord('b1'), initial);
        await storage.appendUpdates('b1', [bytes(1), bytes(2), bytes(3)]);
        expect(await storage.countUpdates('b1')).toBe(4);
        await storage.compact('b1', bytes(8), 3);
        expect(await storage.countUpdates('b1')).toBe(2);
      });

      it('rebuilds a live Y.Doc from its stored updates after a gc compaction', async () => {
        const live = new Y.Doc();
        const pending: Uint8Array[] = [];
        live.on('update', (update: Uint8Array) => pending.push(update));
        const random = seededRandom(42);
        let emitted = 0;
        const flush = async () => {
          emitted += pending.length;
          return storage.appendUpdates('b1', pending.splice(0));
        };
        await storage.createBoard(boardRecord('b1'), Y.encodeStateAsUpdate(live));
        for (let i = 0; i < 20; i++) {
          randomMapEdits(live, 10, random);
          await flush();
        }
        const stored = await storage.loadUpdates('b1');
        expect(stored).toHaveLength(1 + emitted); // deleting a missing key emits no update
        const gcDoc = new Y.Doc({ gc: true });
        for (const { data } of stored) Y.applyUpdate(gcDoc, data);
        await storage.compact('b1', Y.encodeStateAsUpdate(gcDoc), stored.at(-1)!.seq);
        expect(await storage.countUpdates('b1')).toBe(1);
        randomMapEdits(live, 50, random);
        await flush();
        const fresh = new Y.Doc();
        for (const { data } of await storage.loadUpdates('b1')) Y.applyUpdate(fresh, data);
        expect(fresh.getMap('m').toJSON()).toStrictEqual(live.getMap('m').toJSON());
        expect(Object.keys(live.getMap('m').toJSON()).length).toBeGreaterThan(0);
      });
    });

    describe('snapshots', () => {
      it('lists snapshots oldest first with their summaries', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        await storage.createBoard(boardRecord('b2'), initial);
        for (const [id, second] of [['late', 30], ['early', 10], ['mid', 20]] as const) await storage.saveSnapshot(snapshot('b1', id, second));
        await storage.saveSnapshot(snapshot('b2', 'other', 5));
        const list = await storage.listSnapshots('b1');
        expect(list.map((s) => s.id)).toStrictEqual(['early', 'mid', 'late']);
        const { state: _s, board: _b, exposure: _e, ...summary } = snapshot('b1', 'early', 10);
        expect(list[0]).toStrictEqual(summary);
      });

      it('round-trips state bytes, board and exposure JSON, and answers null for an unknown snapshot', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const saved = snapshot('b1', 's1', 1);
        await storage.saveSnapshot(saved);
        const loaded = await storage.getSnapshot('b1', 's1');
        expect(loaded).toEqual(saved);
        expect(loaded?.state.constructor).toBe(Uint8Array);
        expect(await storage.getSnapshot('b1', 'nope')).toBeNull();
        expect(await storage.getSnapshot('b2', 's1')).toBeNull();
      });
    });

    describe('secret, readiness and durability', () => {
      it('returns the same secret on later calls, even with another generator', async () => {
        const first = await storage.getOrCreateSecret(() => 'alpha');
        expect(first).toBe('alpha');
        expect(await storage.getOrCreateSecret(() => 'beta')).toBe('alpha');
      });

      it('agrees on one secret when asked concurrently', async () => {
        const secrets = await Promise.all(['a', 'b', 'c', 'd'].map((s) => storage.getOrCreateSecret(() => s)));
        expect(new Set(secrets).size).toBe(1);
      });

      it('answers ping', async () => {
        await expect(storage.ping()).resolves.toBeUndefined();
      });

      it('keeps boards, updates, snapshots and the secret across close and reopen', async () => {
        await storage.createBoard(boardRecord('b1'), initial);
        const more = [bytes(100), bytes(0)];
        await storage.appendUpdates('b1', more);
        const saved = snapshot('b1', 's1', 1);
        await storage.saveSnapshot(saved);
        const secret = await storage.getOrCreateSecret(() => 'kept');
        storage = await harness.reopen();
        expect(await storage.getBoard('b1')).toStrictEqual(boardRecord('b1'));
        expect((await storage.loadUpdates('b1')).map((u) => u.data)).toStrictEqual([initial, ...more]);
        expect(await storage.getSnapshot('b1', 's1')).toEqual(saved);
        expect(await storage.getOrCreateSecret(() => 'other')).toBe(secret);
        expect(await storage.appendUpdates('b1', [bytes(1)])).toBe(4);
      });
    });
  });
}
