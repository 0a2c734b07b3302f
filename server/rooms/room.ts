/** One board in memory: its Y.Doc and awareness, its connections, and the durable write path. */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, viewerAwarenessState } from '../protocol/awareness-update';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseClientMessage, ProtocolError, type ClientMessage } from '../protocol/messages';
import type { Storage } from '../storage/storage';
import { CLOSE, type Connection } from './connection';

/** What a room needs from the server around it. */
export interface RoomContext {
  storage: Storage;
  log: Logger;
  metrics: Metrics;
  compactAfterUpdates: number;
  now: () => Date;
  /** Called when the room cannot keep its promises (storage failed) and must be dropped. */
  onBroken: (room: Room) => void;
}

const TOUCH_EVERY_MS = 2000;

interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * Every update is applied to the doc, appended to storage, and only then relayed, so nothing another
 * client has seen can be lost by a crash. Sync answers wait for pending writes for the same reason.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private readonly awarenessOwner = new Map<number, Connection>();
  private pending: PendingUpdate[] = [];
  private writing: Promise<void> | null = null;
  private rows = 0;
  private compacting = false;
  private lastSeq = 0;
  private touchedAt = 0;
  broken = false;

  private constructor(readonly boardId: string, private readonly ctx: RoomContext) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  /** From now on every doc change goes through the durable write path. */
  private listen(): void {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.pending.push({ update, origin });
      this.writing ??= this.flush();
    });
  }

  /** Loads a board's stored updates into a new room (rows that fail to apply are skipped and logged). */
  static async load(boardId: string, ctx: RoomContext): Promise<Room> {
    const stored = await ctx.storage.loadUpdates(boardId);
    const room = new Room(boardId, ctx);
    Y.transact(room.doc, () => {
      for (const row of stored) {
        try {
          Y.applyUpdate(room.doc, row.data, 'storage');
        } catch (error) {
          ctx.log.error({ boardId, seq: row.seq, err: error }, 'stored update failed to apply; skipped');
        }
      }
    }, 'storage');
    room.listen();
    room.rows = stored.length;
    room.lastSeq = stored.length > 0 ? stored[stored.length - 1].seq : 0;
    return room;
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
        this.lastSeq = await this.ctx.storage.appendUpdates(this.boardId, batch.map((p) => p.update));
        stop();
        this.rows += batch.length;
        for (const { update, origin } of batch) this.broadcast(encodeUpdate(update), origin);
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
      const state = Y.encodeStateAsUpdate(this.doc);
      const upTo = this.lastSeq;
      await this.ctx.storage.compact(this.boardId, state, upTo);
      this.rows = await this.ctx.storage.countUpdates(this.boardId);
      this.ctx.log.debug({ boardId: this.boardId, upTo, bytes: state.length }, 'compacted');
    } catch (error) {
      this.ctx.log.error({ boardId: this.boardId, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }

  private broadcast(frame: Uint8Array, origin: unknown): void {
    for (const conn of this.connections) {
      if (conn !== origin) conn.send(frame);
    }
    this.ctx.metrics.bytes.inc({ direction: 'out' }, frame.length * Math.max(0, this.connections.size - 1));
  }

  private relayAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const changed = [...added, ...updated, ...removed];
    const conn = this.isConnection(origin) ? origin : null;
    if (conn) {
      // A client id the room has seen before (it left, or its connection closed) comes back as
      // "updated", not "added", because its clock is still known: it must be owned all the same, or
      // its state outlives the connection (a ghost cursor) and anyone may overwrite it. receiveAwareness
      // already dropped entries owned by another connection, so these ids are this connection's or nobody's.
      for (const id of [...added, ...updated]) {
        conn.awarenessClients.add(id);
        this.awarenessOwner.set(id, conn);
      }
      for (const id of removed) {
        conn.awarenessClients.delete(id);
        this.awarenessOwner.delete(id);
      }
    }
    // Sent to everyone, the sender included (as the reference server does): a client alone on a board
    // hears its own awareness renewal every 15 s, so its 30 s silence watchdog does not drop it.
    this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null);
  };

  private isConnection(origin: unknown): origin is Connection {
    return typeof origin === 'object' && origin !== null && this.connections.has(origin as Connection);
  }

  /** Adds a connection: it gets the server's state vector and everyone's awareness. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** Removes a connection and the awareness states it introduced. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    const clients = [...conn.awarenessClients];
    for (const id of clients) this.awarenessOwner.delete(id);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
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
        const states = [...this.awareness.getStates().keys()];
        conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
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
      const scratch = new Y.Doc();
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
    let entries;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (error) {
      if (error instanceof ProtocolError) this.reject(conn, 'malformed', error.message);
      return;
    }
    const accepted = entries.filter((entry) => {
      const owner = this.awarenessOwner.get(entry.clientID);
      if (owner !== undefined && owner !== conn) {
        this.ctx.metrics.dropped.inc({ reason: 'awareness-spoof' });
        return false;
      }
      return true;
    });
    if (conn.role === 'viewer') for (const entry of accepted) entry.state = viewerAwarenessState(entry.state);
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), conn);
  }

  /** Applies a server-side change (restore, import) through the same durable path; resolves when durable. */
  async change(fn: (doc: Y.Doc) => void, origin: unknown = 'server'): Promise<void> {
    Y.transact(this.doc, () => fn(this.doc), origin);
    await this.flushed();
    if (this.broken) throw new Error('storage unavailable');
  }

  /** Frees the doc and awareness timers. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
