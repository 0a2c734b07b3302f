/** server/rooms/room.ts on fake sockets: what a room sends, stores and closes, without a network. */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/ops/logger';
import { createMetrics } from '../../../server/ops/metrics';
import { encodeSyncStep1, encodeUpdate } from '../../../server/protocol/messages';
import { CLOSE, Connection } from '../../../server/rooms/connection';
import { Room } from '../../../server/rooms/room';
import { LocalBoardBus } from '../../../server/scale/local-board-bus';
import { SqliteStorage } from '../../../server/storage/sqlite-storage';
import { mark, markOf } from '../../utils/doc-marks';
import { FakeRoomSocket } from '../../utils/fake-room-socket';
import type { Role } from '../../../server/auth/tokens';

const BOARD = 'room-test';
const UNLIMITED = { perSecond: 1e9, burst: 1e9 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openRoom(): Promise<{ room: Room; storage: SqliteStorage; broken: Room[] }> {
  const storage = new SqliteStorage(':memory:');
  await storage.init();
  await storage.createBoard({ id: BOARD, title: 't', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }, Y.encodeStateAsUpdate(new Y.Doc()));
  const broken: Room[] = [];
  const room = await Room.load(BOARD, {
    storage, bus: new LocalBoardBus('room-test'), log: createLogger('silent'), metrics: createMetrics(), compactAfterUpdates: 1_000_000, now: () => new Date(),
    onBroken: (r) => broken.push(r), onDeleted: () => undefined,
  });
  cleanups.push(() => storage.close(), () => room.destroy());
  return { room, storage, broken };
}

function join(room: Room, role: Role = 'editor'): { conn: Connection; socket: FakeRoomSocket } {
  const socket = new FakeRoomSocket();
  const conn = new Connection(socket, BOARD, role, UNLIMITED);
  room.join(conn);
  return { conn, socket };
}

/** An edit as a client sends it: one update setting mark `key`. */
function edit(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  mark(doc, key, value);
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a room on fake sockets', () => {
  it('greets a joining socket with the server\'s state vector and answers its sync request', async () => {
    const { room } = await openRoom();
    const { conn, socket } = join(room);
    expect(socket.messages()[0].type).toBe('sync-step-1');
    room.receive(conn, encodeSyncStep1(new Y.Doc()));
    await settle();
    expect(socket.messages().map((m) => m.type)).toStrictEqual(['sync-step-1', 'sync-update']);
  });

  it('stores an edit before relaying it to the others, and does not echo it to its sender', async () => {
    const { room, storage } = await openRoom();
    const writer = join(room);
    const reader = join(room);
    const rowsWhenRelayed: number[] = [];
    const send = reader.socket.sendFrame.bind(reader.socket);
    reader.socket.sendFrame = (frame) => {
      void storage.countUpdates(BOARD).then((n) => rowsWhenRelayed.push(n));
      send(frame);
    };
    room.receive(writer.conn, edit('lever', 'gallium ban'));
    await room.flushed();
    await settle();
    const relayed = new Y.Doc();
    for (const update of reader.socket.updates()) Y.applyUpdate(relayed, update);
    expect(markOf(relayed, 'lever')).toBe('gallium ban');
    expect(rowsWhenRelayed).toStrictEqual([2]);
    expect(writer.socket.updates()).toStrictEqual([]);
  });

  it('drops a viewer\'s edit and closes a socket that sends a malformed frame with 4400 and a sentence', async () => {
    const { room, storage } = await openRoom();
    const viewer = join(room, 'viewer');
    const other = join(room);
    room.receive(viewer.conn, edit('lever', 'x'));
    await room.flushed();
    expect(await storage.countUpdates(BOARD)).toBe(1);
    room.receive(other.conn, new Uint8Array([0, 9, 9]));
    expect(other.socket.closedWith?.code).toBe(CLOSE.badMessage);
    expect(other.socket.closedWith?.sentence).toMatch(/could not read a message/);
    expect(viewer.socket.closedWith).toBeNull();
  });

  it('closes every socket with 1011 when storage fails, and relays nothing', async () => {
    const { room, storage, broken } = await openRoom();
    const writer = join(room);
    const reader = join(room);
    storage.appendUpdatesNow = () => {
      throw new Error('disk full');
    };
    room.receive(writer.conn, edit('lever', 'x'));
    await settle();
    expect(writer.socket.closedWith?.code).toBe(CLOSE.internal);
    expect(reader.socket.closedWith?.code).toBe(CLOSE.internal);
    expect(reader.socket.updates()).toStrictEqual([]);
    expect(broken).toStrictEqual([room]);
  });

  it('closes a socket whose send buffer is over the limit with 1013', async () => {
    const { room } = await openRoom();
    const writer = join(room);
    const slow = join(room);
    slow.conn.maxSendBufferBytes = 1000;
    slow.socket.bufferedAmount = 5000;
    room.receive(writer.conn, edit('lever', 'x'));
    await room.flushed();
    expect(slow.socket.closedWith?.code).toBe(CLOSE.tryAgain);
  });
});

describe('a server change in a room on fake sockets', () => {
  it('goes through the same door: stored, then relayed to every socket, and resolves once durable', async () => {
    const { room, storage } = await openRoom();
    const reader = join(room);
    await room.change((doc) => mark(doc, 'restored', 'yes'));
    expect(await storage.countUpdates(BOARD)).toBe(2);
    const relayed = new Y.Doc();
    for (const update of reader.socket.updates()) Y.applyUpdate(relayed, update);
    expect(markOf(relayed, 'restored')).toBe('yes');
  });

  it('refuses a change the document schema does not allow, storing and relaying nothing', async () => {
    const { room, storage } = await openRoom();
    const reader = join(room);
    await expect(room.change((doc) => doc.getMap('not-a-board-map').set('x', 1))).rejects.toThrow();
    await room.flushed();
    expect(await storage.countUpdates(BOARD)).toBe(1);
    expect(reader.socket.updates()).toStrictEqual([]);
    expect(room.doc.share.has('not-a-board-map')).toBe(false);
  });
});
