/**
 * Connects one room to the other instances serving its board. This instance publishes what it has
 * stored (after the commit) and its clients' awareness; it applies what the others stored and tracks the
 * seqs it holds. The bus may lose messages (Redis pub/sub is fire and forget), so storage is the source of
 * truth: a gap in the seqs, a "head" past the watermark, a bus reconnect, or a client's sync request makes
 * the room read the rows after its watermark. Yjs updates are idempotent, so reading too much is harmless.
 */
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { Storage } from '../storage/storage';
import type { BoardBus, BoardBusHandler, BoardSubscription, BusMessage } from './board-bus';
import { SeqTracker } from './seq-tracker';

/** What the link needs from its room. */
export interface LinkedRoom {
  /** Applies updates another instance stored: relayed to the room's clients, not stored again. */
  applyRemote(updates: readonly Uint8Array[]): void;
  /** Applies another instance's clients' awareness: relayed to the room's clients, not published again. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** An awareness update holding the states of this instance's own clients, or null if it has none. */
  localAwareness(): Uint8Array | null;
  /** Another instance deleted the board. */
  remoteDeleted(): void;
  /** Another instance replaced a link of the board. */
  remoteLinksRotated(role: 'editor' | 'viewer', generation: number): void;
}

/** What the link needs from the server. */
export interface BoardLinkDeps {
  bus: BoardBus;
  storage: Storage;
  metrics: Metrics;
  log: Logger;
}

/** How long a gap in the seqs may last before it is read from storage (messages from several instances arrive out of order). */
export const GAP_WAIT_MS = 150;
/** Batches larger than this are announced by seq ("head") and read from storage by the others, not carried on the bus. */
export const INLINE_BYTES = 1024 * 1024;
const RETRY_MS = 1000;

export type CatchUpReason = 'gap' | 'head' | 'reconnect' | 'sync' | 'retry';

/** One room's connection to the bus, with its seq tracking and catch-up. */
export class BoardLink implements BoardBusHandler {
  private subscription: BoardSubscription | null = null;
  /** Null until the room has loaded its stored rows; messages are buffered until then. */
  private tracker: SeqTracker | null = null;
  private buffered: BusMessage[] = [];
  private missedWhileLoading = false;
  /** The last catch-up read queued, and one queued behind it that has not started yet. */
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(readonly boardId: string, private readonly deps: BoardLinkDeps, private readonly room: LinkedRoom) {}

  /** Subscribes to the board; call before reading storage, so nothing stored after the read is missed. */
  async open(): Promise<void> {
    this.subscription = await this.deps.bus.subscribe(this.boardId, this);
    if (this.closed) this.subscription.close();
  }

  /** The room holds the stored rows up to `loadedUpTo`: applies what arrived meanwhile and starts listening. */
  start(loadedUpTo: number): void {
    this.tracker = new SeqTracker(loadedUpTo);
    const buffered = this.buffered;
    this.buffered = [];
    for (const message of buffered) this.handle(message);
    if (this.missedWhileLoading) this.catchUpInBackground('reconnect');
    // Learn the other instances' clients (their states reach us otherwise only at their next renewal).
    if (this.deps.bus.shared) this.publish({ type: 'awareness-query' });
  }

  /** Every seq up to this one is in the room's doc: the highest safe point to compact up to. */
  get watermark(): number {
    return this.tracker?.watermark ?? 0;
  }

  /** After a durable append of `updates` ending at `lastSeq`: records it and tells the other instances. */
  stored(lastSeq: number, updates: readonly Uint8Array[]): void {
    this.tracker?.mark(lastSeq - updates.length + 1, lastSeq);
    if (this.deps.bus.shared) {
      const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
      this.publish(bytes > INLINE_BYTES ? { type: 'head', seq: lastSeq } : { type: 'update', seq: lastSeq, updates: [...updates] });
    }
    this.watchGap();
  }

  /** Tells the other instances about an awareness change of this instance's clients. */
  publishAwareness(update: Uint8Array): void {
    if (this.deps.bus.shared) this.publish({ type: 'awareness', update });
  }

  /**
   * Resolves once the room holds every row committed before the call (one storage read when other
   * instances write the board; nothing to do for a single instance without a gap).
   */
  caughtUp(): Promise<void> {
    if (this.closed || !this.tracker || (!this.deps.bus.shared && !this.tracker.hasGap)) return Promise.resolve();
    return this.catchUp('sync');
  }

  message(message: BusMessage): void {
    if (this.closed) return;
    if (!this.tracker) this.buffered.push(message);
    else this.handle(message);
  }

  reconnected(): void {
    if (this.closed) return;
    if (!this.tracker) {
      this.missedWhileLoading = true;
      return;
    }
    this.catchUpInBackground('reconnect');
    // Our own publishes may have been lost too: say how far the board goes, and ask for awareness again.
    this.publish({ type: 'head', seq: this.tracker.highest });
    this.publish({ type: 'awareness-query' });
  }

  /** Unsubscribes and stops every timer. */
  close(): void {
    this.closed = true;
    this.subscription?.close();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private handle(message: BusMessage): void {
    const tracker = this.tracker as SeqTracker;
    switch (message.type) {
      case 'update': {
        const from = message.seq - message.updates.length + 1;
        if (tracker.covers(from, message.seq)) return;
        this.room.applyRemote(message.updates);
        tracker.mark(from, message.seq);
        this.watchGap();
        return;
      }
      case 'head':
        tracker.noteHead(message.seq);
        if (tracker.hasGap) this.catchUpInBackground('head');
        return;
      case 'awareness':
        this.room.applyRemoteAwareness(message.update);
        return;
      case 'awareness-query': {
        const update = this.room.localAwareness();
        if (update) this.publish({ type: 'awareness', update });
        return;
      }
      case 'deleted':
        this.room.remoteDeleted();
        return;
      case 'links-rotated':
        this.room.remoteLinksRotated(message.role, message.generation);
    }
  }

  private publish(message: BusMessage): void {
    if (!this.closed) this.deps.bus.publish(this.boardId, message);
  }

  /**
   * A gap usually closes by itself within milliseconds (the missing message is on its way); if the seq
   * missing now is still missing after GAP_WAIT_MS, read it. Under steady traffic from several instances
   * there is often some fresh gap, which gets its own wait rather than a read.
   */
  private watchGap(): void {
    if (this.closed || this.gapTimer || !this.tracker?.hasGap) return;
    const missing = this.tracker.watermark + 1;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (!this.tracker || this.closed) return;
      if (this.tracker.watermark < missing) this.catchUpInBackground('gap');
      else this.watchGap();
    }, GAP_WAIT_MS);
    this.gapTimer.unref();
  }

  private catchUpInBackground(reason: CatchUpReason): void {
    this.catchUp(reason).catch((error: unknown) => {
      this.deps.metrics.busErrors.inc({ reason: 'catch-up' });
      this.deps.log.warn({ boardId: this.boardId, reason, err: error }, 'catch-up from storage failed; retrying');
      if (this.closed || this.retryTimer) return;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.catchUpInBackground('retry');
      }, RETRY_MS);
      this.retryTimer.unref();
    });
  }

  /**
   * Reads the rows after the watermark. Calls share a read that has not started yet (it will see
   * everything committed before any of them), so a burst of triggers costs at most two reads.
   */
  private catchUp(reason: CatchUpReason): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.tail.catch(() => undefined).then(() => {
      this.queued = null;
      return this.readOnce(reason);
    });
    this.queued = run;
    this.tail = run;
    return run;
  }

  private async readOnce(reason: CatchUpReason): Promise<void> {
    const tracker = this.tracker;
    if (this.closed || !tracker) return;
    const rows = await this.deps.storage.loadUpdatesAfter(this.boardId, tracker.watermark);
    if (this.closed) return;
    this.deps.metrics.catchUps.inc({ reason });
    if (rows.length > 0) {
      this.deps.metrics.catchUpRows.inc(rows.length);
      this.room.applyRemote(rows.map((row) => row.data));
      tracker.advanceTo(rows[rows.length - 1].seq);
    }
    this.watchGap();
  }
}
