/** One board in memory: its Y.Doc and awareness, its connections, and the durable write path. */
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseClientMessage, ProtocolError, type ClientMessage } from '../protocol/messages';
import type { BoardBus } from '../scale/board-bus';
import { BoardLink, type LinkedRoom } from '../scale/board-link';
import type { Storage } from '../storage/storage';
import { CLOSE, type Connection } from './connection';
import { RoomAwareness } from './room-awareness';

/** What a room needs from the server around it. */
export interface RoomContext {
  storage: Storage;
  log: Logger;
  metrics: Metrics;
  compactAfterUpdates: number;
  now: () => Date;
  /** The other instances serving the same boards (a no-op bus for a single instance). */
  bus: BoardBus;
  /** Called when the room cannot keep its promises (storage failed) and must be dropped. */
  onBroken: (room: Room) => void;
  /** Called when another instance deleted the board. */
  onDeleted: (room: Room) => void;
}

const TOUCH_EVERY_MS = 2000;

interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/** Origin of changes another instance already stored: relayed to this room's clients, never stored or published again. */
const REMOTE = Symbol('remote');

/**
 * Every update is applied to the doc, appended to storage, and only then published to the other
 * instances and relayed, so nothing another client has seen can be lost by a crash. Sync answers wait for
 * pending writes for the same reason. Updates other instances stored arrive through the link.
 */
export class Room implements LinkedRoom {
  readonly doc = new Y.Doc();
  readonly connections = new Set<Connection>();
  private readonly presence: RoomAwareness;
  private readonly link: BoardLink;
  private pending: PendingUpdate[] = [];
  private writing: Promise<void> | null = null;
  private rows = 0;
  private compacting = false;
  private touchedAt = 0;
  broken = false;

  private constructor(readonly boardId: string, private readonly ctx: RoomContext) {
    this.link = new BoardLink(boardId, ctx, this);
    this.presence = new RoomAwareness(this.doc, {
      boardId, metrics: ctx.metrics, log: ctx.log,
      isConnection: (origin): origin is Connection => typeof origin === 'object' && origin !== null && this.connections.has(origin as Connection),
      broadcast: (frame) => this.broadcast(frame, null),
      publish: (update) => this.link.publishAwareness(update),
    });
  }

  /** The board's awareness (who is here, cursors). */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  /** From now on every local doc change goes through the durable write path. */
  private listen(): void {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) {
        this.broadcast(encodeUpdate(update), null);
        return;
      }
      this.pending.push({ update, origin });
      // Wait one turn of the event loop, so every update that arrives in this turn shares one transaction.
      this.writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    });
  }

  /**
   * Loads a board's stored updates into a new room (rows that fail to apply are skipped and logged). The
   * room subscribes to the board's bus channel first, so what other instances store during the load is
   * buffered and applied after it.
   */
  static async load(boardId: string, ctx: RoomContext): Promise<Room> {
    const room = new Room(boardId, ctx);
    try {
      await room.link.open();
      const stored = await ctx.storage.loadUpdates(boardId);
      room.applyRows(stored.map((row) => row.data), 'storage', stored.map((row) => row.seq));
      room.rows = stored.length;
      room.link.start(stored.length > 0 ? stored[stored.length - 1].seq : 0);
    } catch (error) {
      room.destroy();
      throw error;
    }
    room.listen();
    return room;
  }

  private applyRows(updates: readonly Uint8Array[], origin: unknown, seqs?: number[]): void {
    Y.transact(this.doc, () => {
      updates.forEach((update, i) => {
        try {
          Y.applyUpdate(this.doc, update, origin);
        } catch (error) {
          this.ctx.log.error({ boardId: this.boardId, seq: seqs?.[i], err: error }, 'stored update failed to apply; skipped');
        }
      });
    }, origin);
  }

  /** Applies updates another instance stored (LinkedRoom). */
  applyRemote(updates: readonly Uint8Array[]): void {
    this.applyRows(updates, REMOTE);
  }

  /** Resolves once the room holds everything committed to storage so far, by any instance. */
  async caughtUp(): Promise<void> {
    await this.flushed();
    await this.link.caughtUp();
  }

  /** Resolves once every update applied so far is durable. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const stop = this.ctx.metrics.storageWriteSeconds.startTimer();
        const updates = batch.map((p) => p.update);
        const lastSeq = await this.ctx.storage.appendUpdates(this.boardId, updates);
        stop();
        this.link.stored(lastSeq, updates);
        this.rows += batch.length;
        this.relay(batch);
        this.touch();
      }
    } catch (error) {
      this.ctx.metrics.storageErrors.inc();
      this.ctx.log.error({ boardId: this.boardId, err: error }, 'storage write failed; closing the room so clients resend');
      this.broken = true;
      for (const conn of this.connections) conn.close(CLOSE.internal, 'The server could not save changes; reconnecting.');
      this.ctx.onBroken(this);
    } finally {
      this.writing = null;
    }
    if (this.rows >= this.ctx.compactAfterUpdates && !this.compacting) setImmediate(() => void this.compact());
  }

  /** Keeps the board list's title and "updated" time current, at most every few seconds (fire and forget). */
  private touch(): void {
    const now = this.ctx.now();
    if (now.getTime() - this.touchedAt < TOUCH_EVERY_MS) return;
    this.touchedAt = now.getTime();
    const title = this.doc.getMap('meta').get('title');
    const changes = { updatedAt: now.toISOString(), ...(typeof title === 'string' && title.length > 0 ? { title: title.slice(0, 200) } : {}) };
    this.ctx.storage.updateBoard(this.boardId, changes).catch((error: unknown) => this.ctx.log.warn({ boardId: this.boardId, err: error }, 'could not update the board record'));
  }

  /** Merges the stored updates into one row, in the background. */
  async compact(): Promise<void> {
    if (this.compacting || this.broken) return;
    this.compacting = true;
    try {
      await this.flushed();
      // Only up to the watermark: rows other instances stored past it may not be in this doc yet.
      const state = Y.encodeStateAsUpdate(this.doc);
      const upTo = this.link.watermark;
      await this.ctx.storage.compact(this.boardId, state, upTo);
      this.rows = await this.ctx.storage.countUpdates(this.boardId);
      this.ctx.log.debug({ boardId: this.boardId, upTo, bytes: state.length }, 'compacted');
    } catch (error) {
      this.ctx.log.error({ boardId: this.boardId, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }

  /**
   * Relays a durable batch: one frame per connection (a merged update when the batch holds several), not one
   * per update. The sender is skipped when the whole batch is its own; otherwise everyone gets the merged
   * update, and senders simply ignore their own edits in it.
   */
  private relay(batch: readonly PendingUpdate[]): void {
    if (batch.length === 1) {
      this.broadcast(encodeUpdate(batch[0].update), batch[0].origin);
      return;
    }
    const origin = batch.every((p) => p.origin === batch[0].origin) ? batch[0].origin : null;
    this.broadcast(encodeUpdate(Y.mergeUpdates(batch.map((p) => p.update))), origin);
  }

  private broadcast(frame: Uint8Array, origin: unknown): void {
    let sent = 0;
    for (const conn of this.connections) {
      if (conn !== origin) {
        conn.send(frame);
        sent++;
      }
    }
    this.ctx.metrics.bytes.inc({ direction: 'out' }, frame.length * sent);
  }

  /** Applies another instance's clients' awareness (LinkedRoom). */
  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.receiveRemote(update);
  }

  /** This instance's clients' awareness (LinkedRoom), or null if there is none. */
  localAwareness(): Uint8Array | null {
    return this.presence.local();
  }

  /** Another instance deleted the board (LinkedRoom). */
  remoteDeleted(): void {
    this.ctx.onDeleted(this);
  }

  /** Removes this instance's clients' awareness everywhere (graceful shutdown: they reconnect elsewhere). */
  retire(): void {
    this.presence.retire();
  }

  /** Adds a connection: it gets the server's state vector and everyone's awareness. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    const everyone = this.presence.everyone();
    if (everyone) conn.send(everyone);
  }

  /** Removes a connection and the awareness states it introduced. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.leave(conn);
  }

  /** Handles one frame from a connection; a bad frame closes that connection and changes nothing. */
  receive(conn: Connection, data: Uint8Array): void {
    let message: ClientMessage;
    try {
      message = parseClientMessage(data);
    } catch (error) {
      this.reject(conn, 'malformed', (error as Error).message);
      return;
    }
    this.ctx.metrics.messages.inc({ type: message.type });
    switch (message.type) {
      case 'sync-step-1':
        void this.answerSyncStep1(conn, message.stateVector);
        return;
      case 'sync-update':
        this.receiveUpdate(conn, message.update);
        return;
      case 'awareness':
        this.receiveAwareness(conn, message.update);
        return;
      case 'query-awareness': {
        const everyone = this.presence.everyone();
        if (everyone) conn.send(everyone);
      }
    }
  }

  private reject(conn: Connection, reason: string, detail: string): void {
    this.ctx.metrics.dropped.inc({ reason });
    this.ctx.metrics.closes.inc({ code: String(CLOSE.badMessage) });
    this.ctx.log.warn({ boardId: this.boardId, conn: conn.id, reason, detail }, 'closing connection after a bad message');
    conn.close(CLOSE.badMessage, reason === 'malformed' ? 'The server could not read a message; reconnecting.' : 'The server refused an edit it could not apply.');
  }

  private async answerSyncStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    await this.flushed();
    // With other instances, also what they stored that has not reached us yet (a lost message).
    await this.link.caughtUp().catch((error: unknown) => this.ctx.log.warn({ boardId: this.boardId, err: error }, 'catch-up before a sync answer failed'));
    if (conn.closed) return;
    try {
      conn.send(encodeSyncStep2(this.doc, stateVector));
    } catch (error) {
      this.reject(conn, 'malformed', `bad state vector: ${(error as Error).message}`);
    }
  }

  private receiveUpdate(conn: Connection, update: Uint8Array): void {
    if (conn.role === 'viewer') {
      this.ctx.metrics.dropped.inc({ reason: 'viewer-update' });
      return;
    }
    try {
      // A decodable but inconsistent update (e.g. an item whose origin lies past its own client's
      // structs) makes Yjs throw half-way through applyUpdate, after part of it was integrated, and that
      // part would be stored and relayed. Applying it to an empty scratch doc first reads all of it
      // (structs and delete set) and catches those, at the cost of the update's size, not the board's
      // (structs that need the board's items just wait as pending there).
      // A fixed guid: a new Y.Doc otherwise spends about 100 µs generating a random uuid.
      const scratch = new Y.Doc({ guid: 'validate' });
      try {
        Y.applyUpdate(scratch, update);
      } finally {
        scratch.destroy();
      }
      Y.applyUpdate(this.doc, update, conn);
    } catch (error) {
      this.reject(conn, 'bad-update', (error as Error).message);
    }
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    try {
      this.presence.receive(conn, update);
    } catch (error) {
      if (error instanceof ProtocolError) this.reject(conn, 'malformed', error.message);
      else throw error;
    }
  }

  /** Applies a server-side change (restore, import) through the same durable path; resolves when durable. */
  async change(fn: (doc: Y.Doc) => void, origin: unknown = 'server'): Promise<void> {
    Y.transact(this.doc, () => fn(this.doc), origin);
    await this.flushed();
    if (this.broken) throw new Error('storage unavailable');
  }

  /** Leaves the bus and frees the doc and awareness timers. */
  destroy(): void {
    this.link.close();
    this.presence.destroy();
    this.doc.destroy();
  }
}
