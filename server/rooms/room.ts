/** One board in memory: its Y.Doc and awareness, its connections, and the durable write path. */
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { binaryFrame } from '../protocol/ws-frame';
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate, LimitError, parseClientMessage, ProtocolError, type ClientMessage } from '../protocol/messages';
import type { BoardBus } from '../scale/board-bus';
import { BoardLink, type LinkedRoom } from '../scale/board-link';
import type { RotatableRole, Storage } from '../storage/storage';
import { CLOSE, type Connection } from './connection';
import { applyClientUpdate, type ApplyOutcome } from './apply-update';
import { closeFor, closeRevoked, type CloseDeps } from './room-closes';
import { checkServerUpdate, type GateVerdict, type UpdateLimits } from './update-gate';
import { acceptRemote, UpdateIntake, warnIfCostly, type ApplyResult } from './update-intake';
import { RebuildGate } from './rebuild-gate';
import { RoomAwareness, type AwarenessLimits } from './room-awareness';
import { UpdateLog, type PendingUpdate } from './update-log';

/** What a room needs from the server around it. */
export interface RoomContext {
  storage: Storage;
  log: Logger;
  metrics: Metrics;
  compactAfterUpdates: number;
  /** Cost limits on clients' updates (DEFAULT_UPDATE_LIMITS when absent). */
  limits?: UpdateLimits;
  /** Awareness per connection (DEFAULT_AWARENESS_LIMITS when absent). */
  awarenessLimits?: AwarenessLimits;
  /** Bytes of updates one connection may have waiting for what they build on (4 MB when absent). */
  maxHeldBytes?: number;
  now: () => Date;
  /** The other instances serving the same boards (a no-op bus for a single instance). */
  bus: BoardBus;
  /** Called when the room cannot keep its promises (storage failed) and must be dropped. */
  onBroken: (room: Room) => void;
  /** Called when another instance deleted the board. */
  onDeleted: (room: Room) => void;
}


/** A server-side change would put something into the document that its schema does not allow. */
export class DocumentSchemaError extends Error {}

/** Origin of changes another instance already stored: relayed to this room's clients, never stored or published again. */
const REMOTE = Symbol('remote');

/**
 * Every change (a client's update the gate passed, or the server's own: restore, import) goes through one
 * door, commit(): queued in the log, appended to storage, and only then published to the other instances
 * and relayed, so nothing another client has seen can be lost by a crash. Sync answers wait for pending
 * writes for the same reason. Updates other instances stored arrive through the link and are relayed only.
 * The doc's own 'update' event is not listened to: the bytes stored and relayed are the ones received.
 */
export class Room implements LinkedRoom {
  readonly connections = new Set<Connection>();
  /** The board's content; replaced by a copy read from storage when an update fails half-way (see rebuild). */
  private current = new Y.Doc();
  private readonly presence: RoomAwareness;
  private readonly link: BoardLink;
  private readonly log: UpdateLog;
  /** Closed while the doc is rebuilt; what arrives meanwhile waits behind it. */
  private readonly gate = new RebuildGate();
  private destroyed = false;
  /** The gate and the updates waiting for what they build on. */
  private readonly intake: UpdateIntake;
  private readonly closing: CloseDeps;
  broken = false;

  private constructor(readonly boardId: string, private readonly ctx: RoomContext) {
    this.link = new BoardLink(boardId, ctx, this);
    this.closing = { boardId, metrics: ctx.metrics, log: ctx.log };
    this.intake = new UpdateIntake({
      ...this.closing, limits: ctx.limits, maxHeldBytes: ctx.maxHeldBytes,
      doc: () => this.current,
      boardBytes: () => this.log.bytes,
      apply: (conn, update) => this.applyChecked(conn, update),
      rebuilding: () => this.gate.closed,
    });
    this.log = new UpdateLog({
      boardId, storage: ctx.storage, metrics: ctx.metrics, log: ctx.log, now: ctx.now, compactAfterUpdates: ctx.compactAfterUpdates,
      stored: (lastSeq, batch) => {
        this.link.stored(lastSeq, batch.map((p) => p.update));
        this.relay(batch);
      },
      fail: (error) => this.fail(error, 'storage write failed; closing the room so clients resend'),
      title: () => {
        const title = this.current.getMap('meta').get('title');
        return typeof title === 'string' && title.length > 0 ? title : undefined;
      },
      compactable: async () => {
        if (this.broken) return null;
        await this.flushed();
        // Only up to the watermark: rows other instances stored past it may not be in this doc yet.
        return this.broken ? null : { state: Y.encodeStateAsUpdate(this.current), upTo: this.link.watermark };
      },
    });
    // Awareness lives on a doc of its own (it only takes a client id from it), so the content doc can be replaced.
    this.presence = new RoomAwareness(new Y.Doc(), {
      boardId, metrics: ctx.metrics, log: ctx.log,
      isConnection: (origin): origin is Connection => typeof origin === 'object' && origin !== null && this.connections.has(origin as Connection),
      broadcast: (frame) => this.broadcast(frame, null),
      publish: (update) => this.link.publishAwareness(update),
      limits: ctx.awarenessLimits,
      now: () => ctx.now().getTime(),
    });
  }

  /** The board's content (only durable content once `flushed()` resolved). */
  get doc(): Y.Doc {
    return this.current;
  }

  /** The board's awareness (who is here, cursors). */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  /** The one door from "a change is in the doc" to "stored, then relayed" (see the class comment). */
  private commit(update: Uint8Array, origin: unknown): void {
    this.log.push(update, origin);
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
      room.applyRows(room.current, stored.map((row) => row.data), 'storage', stored.map((row) => row.seq));
      room.log.reset(stored);
      warnIfCostly(room.closing, room.current, ctx.limits);
      room.link.start(stored.length > 0 ? stored[stored.length - 1].seq : 0);
    } catch (error) {
      room.destroy();
      throw error;
    }
    return room;
  }

  private applyRows(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown, seqs?: number[]): void {
    Y.transact(doc, () => {
      updates.forEach((update, i) => {
        try {
          Y.applyUpdate(doc, update, origin);
        } catch (error) {
          this.ctx.log.error({ boardId: this.boardId, seq: seqs?.[i], err: error }, 'stored update failed to apply; skipped');
        }
      });
    }, origin);
  }

  /** Applies updates another instance stored (LinkedRoom); any that break the schema are skipped and logged. */
  applyRemote(received: readonly Uint8Array[]): void {
    this.gate.whenOpen(() => {
      const updates = acceptRemote(this.closing, this.current, received);
      if (updates.length === 0) return;
      this.applyRows(this.current, updates, REMOTE);
      // Relayed as received (idempotent for clients that hold them already).
      this.broadcast(encodeUpdate(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)), null);
      this.intake.retry();
    });
  }

  /** Resolves once the room holds everything committed to storage so far, by any instance. */
  async caughtUp(): Promise<void> {
    await this.flushed();
    await this.link.caughtUp();
  }

  /** Resolves once every update applied so far is durable (and the doc is not being rebuilt). */
  async flushed(): Promise<void> {
    while (this.log.busy || this.gate.closed) {
      if (this.gate.closed) await this.gate.opened();
      else await this.log.done();
    }
  }

  /** Merges the stored updates into one row, in the background. */
  compact(): Promise<void> {
    return this.log.compact();
  }

  /** Storage failed: the room cannot keep its promises, so its clients are closed (they reconnect and resend) and it is dropped. */
  private fail(error: unknown, message: string): void {
    this.ctx.metrics.storageErrors.inc();
    this.ctx.log.error({ boardId: this.boardId, err: error }, message);
    this.broken = true;
    for (const conn of this.connections) conn.close(CLOSE.internal, 'The server could not save changes; reconnecting.');
    this.ctx.onBroken(this);
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

  private broadcast(bytes: Uint8Array, origin: unknown): void {
    const frame = binaryFrame(bytes);
    let sent = 0;
    for (const conn of this.connections) {
      if (conn !== origin) {
        conn.sendFramed(frame);
        sent++;
      }
    }
    this.ctx.metrics.hot.bytesOut += bytes.length * sent;
  }

  /** Applies another instance's clients' awareness (LinkedRoom). */
  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.receiveRemote(update);
  }

  /** This instance's clients' awareness (LinkedRoom), or null if there is none. */
  localAwareness(): Uint8Array | null {
    return this.presence.local();
  }

  /** Closes the sockets whose token is of `role` and older than `generation` (the facilitator replaced that link). */
  closeRevoked(role: RotatableRole, generation: number): void {
    closeRevoked(this.closing, this.connections, role, generation);
  }

  /** Another instance replaced a link of the board (LinkedRoom). */
  remoteLinksRotated(role: RotatableRole, generation: number): void {
    this.closeRevoked(role, generation);
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
    this.gate.whenOpen(() => conn.send(encodeSyncStep1(this.current)));
    const everyone = this.presence.everyone();
    if (everyone) conn.send(everyone);
  }

  /** Removes a connection, the awareness states it introduced and the updates it had waiting. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.intake.drop(conn);
    this.presence.leave(conn);
  }

  /** Handles one frame from a connection; a bad frame closes that connection and changes nothing. */
  receive(conn: Connection, data: Uint8Array): void {
    if (this.gate.closed) {
      this.gate.whenOpen(() => {
        if (!conn.closed) this.receive(conn, data);
      });
      return;
    }
    let message: ClientMessage;
    try {
      message = parseClientMessage(data);
    } catch (error) {
      this.reject(conn, 'malformed', (error as Error).message);
      return;
    }
    this.ctx.metrics.hot.messages[message.type]++;
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
    const sentence = reason === 'malformed' ? 'The server could not read a message; reconnecting.' : 'The server refused an edit it could not apply.';
    closeFor(this.closing, conn, { code: CLOSE.badMessage, reason, sentence, detail });
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
    this.intake.receive(conn, update);
  }

  /** Applies an update the gate passed (UpdateIntake): stored and relayed as received, or refused if Yjs cannot apply it. */
  private applyChecked(conn: Connection, update: Uint8Array): ApplyResult {
    const outcome: ApplyOutcome = applyClientUpdate(this.current, update, conn);
    if (outcome.ok) {
      if (outcome.changed) this.commit(update, conn);
      return outcome.changed ? 'changed' : 'unchanged';
    }
    // Nothing of a failed update is stored or relayed. If part of it stayed in the doc, the doc is replaced.
    this.reject(conn, 'bad-update', outcome.error.message);
    if (outcome.changed) this.rebuild();
    return 'refused';
  }

  /**
   * Replaces the content doc with one read from storage, after an update failed half-way into it. The
   * updates queued before the bad one are valid: they are stored and relayed first, so the new doc holds
   * them too. Until it is in place, frames, remote updates and join answers wait, so nothing is read from
   * or applied to the broken doc; nobody is disconnected but the sender. A storage failure breaks the room.
   */
  private rebuild(): void {
    const broken = this.current;
    this.gate.close(async () => {
      try {
        await this.log.done();
        const stored = await this.ctx.storage.loadUpdates(this.boardId);
        const fresh = new Y.Doc();
        this.applyRows(fresh, stored.map((row) => row.data), 'storage', stored.map((row) => row.seq));
        if (this.destroyed) {
          fresh.destroy();
          return;
        }
        this.current = fresh;
        this.log.reset(stored);
        this.ctx.log.warn({ boardId: this.boardId, rows: stored.length }, 'board reloaded from storage after an update failed half-way');
      } catch (error) {
        this.fail(error, 'reloading the board after a bad update failed');
      } finally {
        broken.destroy();
      }
    });
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    try {
      this.presence.receive(conn, update);
    } catch (error) {
      if (error instanceof LimitError) closeFor(this.closing, conn, { code: CLOSE.badMessage, reason: 'awareness-limit', sentence: error.message, detail: error.message });
      else if (error instanceof ProtocolError) this.reject(conn, 'malformed', error.message);
      else throw error;
    }
  }

  /** Applies a server-side change (restore, import) through the same durable path; resolves when durable. */
  async change(fn: (doc: Y.Doc) => void, origin: unknown = 'server'): Promise<void> {
    await this.gate.opened();
    const doc = this.current;
    let update: Uint8Array | null = null;
    const capture = (produced: Uint8Array) => (update = update ? Y.mergeUpdates([update, produced]) : produced);
    doc.on('update', capture);
    try {
      Y.transact(doc, () => fn(doc), origin);
    } finally {
      doc.off('update', capture);
    }
    if (update) {
      const verdict: GateVerdict = checkServerUpdate(doc, update);
      if (!verdict.ok) {
        // Not stored or relayed; the doc holds it, so it is replaced by the stored board.
        this.rebuild();
        throw new DocumentSchemaError(verdict.detail);
      }
      this.commit(update, origin);
    }
    await this.flushed();
    if (this.broken) throw new Error('storage unavailable');
  }

  /** Leaves the bus and frees the doc and awareness timers. */
  destroy(): void {
    this.destroyed = true;
    this.link.close();
    this.presence.destroy();
    this.current.destroy();
  }
}
