/**
 * A room's awareness (cursors, names, selections): who introduced each client id, so no connection can
 * change another's entry, here or on another instance; relay to this room's clients; and what goes to
 * the other instances (our clients' changes, not theirs, not timeouts).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from '../protocol/awareness-update';
import { encodeAwareness, LimitError, ProtocolError } from '../protocol/messages';
import { awarenessForRole } from './awareness-roles';
import type { Connection } from './connection';

/** Owner and origin of entries another instance's clients introduced. */
const REMOTE = Symbol('remote');
/** Origin of the removals of a connection that left or of a stopping instance (published, unlike the 30 s timeout's). */
const LEAVE = Symbol('leave');

/** What the awareness needs from its room. */
export interface RoomAwarenessDeps {
  boardId: string;
  metrics: Metrics;
  log: Logger;
  /** The origin is one of the room's open connections. */
  isConnection(origin: unknown): origin is Connection;
  /** Sends a frame to every connection of the room. */
  broadcast(frame: Uint8Array): void;
  /** Sends an awareness update to the other instances. */
  publish(update: Uint8Array): void;
  /** Client ids one connection may announce, and characters of JSON their states may hold together. */
  limits?: AwarenessLimits;
  /** Milliseconds since the epoch (reservations of client ids after a connection left). */
  now?: () => number;
}

/** How long a client id stays its owner's after the connection left: the awareness timeout of y-protocols. */
export const RESERVATION_MS = awarenessProtocol.outdatedTimeout;

/** Per-connection awareness limits (LODESTONE_MAX_AWARENESS_STATES, LODESTONE_MAX_AWARENESS_BYTES). */
export interface AwarenessLimits {
  maxStates: number;
  maxBytes: number;
}

/** The defaults of the settings. */
export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxStates: 8, maxBytes: 64 * 1024 };

/** One room's awareness and who owns each entry. */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  /** Who introduced each client id: a connection here, or another instance (REMOTE). */
  private readonly owner = new Map<number, Connection | typeof REMOTE>();
  /**
   * Client ids whose connection left less than RESERVATION_MS ago, with that connection's session key: only
   * a connection presenting the same key (the same person reconnecting) may announce them meanwhile.
   */
  private readonly reserved = new Map<number, { session: string | null; until: number }>();

  constructor(doc: Y.Doc, private readonly deps: RoomAwarenessDeps) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relay);
  }

  private relay = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const changed = [...added, ...updated, ...removed];
    const conn = this.deps.isConnection(origin) ? origin : null;
    if (conn) {
      // A client id the room has seen before (it left, or its connection closed) comes back as
      // "updated", not "added", because its clock is still known: it must be owned all the same, or
      // its state outlives the connection (a ghost cursor) and anyone may overwrite it. receive()
      // already dropped entries owned by another connection, so these ids are this connection's or nobody's.
      for (const id of [...added, ...updated]) {
        conn.awarenessClients.add(id);
        this.owner.set(id, conn);
      }
      // A client that says it left (a null state) keeps its id reserved, as when its socket drops.
      for (const id of removed) {
        conn.awarenessClients.delete(id);
        conn.awarenessBytes.delete(id);
        this.owner.delete(id);
        this.reserve(id, conn);
      }
    } else {
      // Another instance's client left or timed out here: anyone may introduce that id again.
      for (const id of removed) if (this.owner.get(id) === REMOTE) this.owner.delete(id);
    }
    // Sent to everyone, the sender included (as the reference server does): a client alone on a board
    // hears its own awareness renewal every 15 s, so its 30 s silence watchdog does not drop it.
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.deps.broadcast(encodeAwareness(update));
    // Every instance times out entries on its own, and other instances' changes are theirs to publish.
    if (conn || origin === LEAVE) this.deps.publish(update);
  };

  /**
   * Applies a connection's awareness update; entries for ids someone else owns are dropped. Throws
   * ProtocolError if malformed, LimitError when the connection would hold more states or bytes than it may.
   */
  receive(conn: Connection, update: Uint8Array): void {
    const limits = this.deps.limits ?? DEFAULT_AWARENESS_LIMITS;
    const accepted = decodeAwarenessUpdate(update, limits.maxBytes).filter((entry) => {
      const owner = this.owner.get(entry.clientID);
      if ((owner !== undefined && owner !== conn) || (owner === undefined && this.reservedAgainst(entry.clientID, conn))) {
        this.deps.metrics.dropped.inc({ reason: 'awareness-spoof' });
        return false;
      }
      return true;
    });
    this.account(conn, accepted, limits);
    for (const entry of accepted) entry.state = awarenessForRole(conn.role, entry.state);
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), conn);
  }

  /** Records the sizes of a connection's states after `entries`, or throws LimitError (and records nothing) if that is over its limits. */
  private account(conn: Connection, entries: readonly AwarenessEntry[], limits: AwarenessLimits): void {
    const sizes = new Map(conn.awarenessBytes);
    for (const entry of entries) {
      if (entry.state === null) sizes.delete(entry.clientID);
      else sizes.set(entry.clientID, entry.bytes ?? 0);
    }
    if (sizes.size > limits.maxStates) throw new LimitError(`This connection announced more than ${limits.maxStates} people; the server closed it.`);
    let total = 0;
    for (const bytes of sizes.values()) total += bytes;
    if (total > limits.maxBytes) throw new LimitError(`This connection's presence data is larger than the server allows (${Math.round(limits.maxBytes / 1024)} KB).`);
    conn.awarenessBytes.clear();
    for (const [id, bytes] of sizes) conn.awarenessBytes.set(id, bytes);
  }

  /** Applies another instance's clients' awareness; entries for ids this instance's connections own are dropped. */
  receiveRemote(update: Uint8Array): void {
    let entries;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (error) {
      this.deps.metrics.busErrors.inc({ reason: 'bad-awareness' });
      this.deps.log.warn({ boardId: this.deps.boardId, err: error instanceof ProtocolError ? error.message : error }, 'unreadable awareness update from another instance');
      return;
    }
    const accepted = entries.filter((entry) => {
      const owner = this.owner.get(entry.clientID);
      if (owner !== undefined && owner !== REMOTE) return false;
      if (entry.state === null) this.owner.delete(entry.clientID);
      else this.owner.set(entry.clientID, REMOTE);
      return true;
    });
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), REMOTE);
  }

  /** Everyone's states as one awareness frame, or null when there are none (for a joining or asking client). */
  everyone(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  /** The states of this instance's own clients as an awareness update, or null if there are none. */
  local(): Uint8Array | null {
    const states = this.awareness.getStates();
    const ids = [...this.owner].filter(([id, owner]) => owner !== REMOTE && states.has(id)).map(([id]) => id);
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Keeps a client id for the connection's session for RESERVATION_MS (expired reservations are swept now and then). */
  private reserve(id: number, conn: Connection): void {
    const now = this.now();
    if (this.reserved.size > 256) for (const [other, r] of this.reserved) if (r.until <= now) this.reserved.delete(other);
    this.reserved.set(id, { session: conn.session, until: now + RESERVATION_MS });
  }

  /** Whether a client id is still reserved for someone other than this connection (a reservation it matches is used up). */
  private reservedAgainst(id: number, conn: Connection): boolean {
    const reservation = this.reserved.get(id);
    if (!reservation) return false;
    if (reservation.until <= this.now() || (reservation.session !== null && reservation.session === conn.session)) {
      this.reserved.delete(id);
      return false;
    }
    return true;
  }

  /** Removes the entries a connection introduced (it closed); their ids stay reserved for it for RESERVATION_MS. */
  leave(conn: Connection): void {
    const ids = [...conn.awarenessClients];
    for (const id of ids) {
      this.owner.delete(id);
      this.reserve(id, conn);
    }
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, LEAVE);
  }

  /** Removes every entry this instance's clients introduced, here and on the other instances (graceful shutdown). */
  retire(): void {
    const ids = [...this.owner].filter(([, owner]) => owner !== REMOTE).map(([id]) => id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, LEAVE);
  }

  /** Stops the awareness timers. */
  destroy(): void {
    this.awareness.destroy();
  }
}
