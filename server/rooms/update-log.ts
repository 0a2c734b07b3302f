/**
 * A room's durable write path: changes are queued, appended to storage in one call per turn (every frame of
 * one socket read shares it; for SQLite one transaction), and only then handed on (published to the other
 * instances, relayed). Also keeps the board record's "updated" time current and compacts the stored rows
 * in the background.
 */
import type { Logger } from '../ops/logger';
import { noteStorageWrite, type Metrics } from '../ops/metrics';
import type { Storage } from '../storage/storage';

const TOUCH_EVERY_MS = 2000;
const RESOLVED = Promise.resolve();

/** An update waiting to be stored, with the origin it was applied with (the sending connection, or the server). */
export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/** What the log needs: the storage calls it makes, and its room's answers. */
export interface UpdateLogDeps {
  boardId: string;
  storage: Pick<Storage, 'appendUpdates' | 'appendUpdatesNow' | 'updateBoard' | 'compact' | 'countUpdates'>;
  metrics: Metrics;
  log: Logger;
  now: () => Date;
  compactAfterUpdates: number;
  /** A batch is durable, its last update at `lastSeq`: hand it on. */
  stored(lastSeq: number, batch: readonly PendingUpdate[]): void;
  /** Storage failed: the room cannot keep its promises. */
  fail(error: unknown): void;
  /** The board's title as the doc says now (kept on the board record), if any. */
  title(): string | undefined;
  /** Once the room is flushed and sound: its state and the seq it covers, to compact to; null when it cannot be compacted. */
  compactable(): Promise<{ state: Uint8Array; upTo: number } | null>;
}

/** One room's queue of updates on their way to storage. */
export class UpdateLog {
  /** Stored rows of the board, to decide when to compact. */
  rows = 0;
  /** Bytes of the board's stored rows (its encoded state after a compaction, plus what was appended since): the board-size limit. */
  bytes = 0;
  private pending: PendingUpdate[] = [];
  /** A flush is scheduled or running; the `idle` callbacks run once it is done. */
  private writing = false;
  private idle: (() => void)[] = [];
  private compacting = false;
  private touchedAt = 0;

  constructor(private readonly deps: UpdateLogDeps) {}

  /** What was stored before the log started (a load or a reload of the board). */
  reset(rows: readonly { data: Uint8Array }[]): void {
    this.rows = rows.length;
    this.bytes = rows.reduce((sum, row) => sum + row.data.byteLength, 0);
  }

  /**
   * Queues an update; the first of a turn schedules the flush as a microtask, which runs when the callback
   * (e.g. one socket read, with every frame in it) is done, so those updates share one write.
   */
  push(update: Uint8Array, origin: unknown): void {
    this.pending.push({ update, origin });
    if (this.writing) return;
    this.writing = true;
    // A resolved promise's reaction, not queueMicrotask, which also creates an async resource per call.
    RESOLVED.then(this.flushSoon);
  }

  /** True while a flush is scheduled or running. */
  get busy(): boolean {
    return this.writing;
  }

  /** Resolves once the current flush, if any, is done. */
  done(): Promise<void> {
    return this.writing ? new Promise<void>((resolve) => this.idle.push(resolve)) : Promise.resolve();
  }

  private readonly flushSoon = (): void => {
    if (this.deps.storage.appendUpdatesNow) this.flushNow();
    else void this.flushAsync();
  };

  /** Flush through a synchronous backend (embedded SQLite): stored and relayed within this microtask. */
  private flushNow(): void {
    try {
      while (this.pending.length > 0) {
        const batch = this.takeBatch();
        const startedAt = performance.now();
        this.stored(batch, this.deps.storage.appendUpdatesNow!(this.deps.boardId, batch.map((p) => p.update)), startedAt);
      }
    } catch (error) {
      this.deps.fail(error);
    }
    this.finish();
  }

  private async flushAsync(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.takeBatch();
        const startedAt = performance.now();
        this.stored(batch, await this.deps.storage.appendUpdates(this.deps.boardId, batch.map((p) => p.update)), startedAt);
      }
    } catch (error) {
      this.deps.fail(error);
    }
    this.finish();
  }

  private takeBatch(): PendingUpdate[] {
    const batch = this.pending;
    this.pending = [];
    return batch;
  }

  private stored(batch: PendingUpdate[], lastSeq: number, startedAt: number): void {
    noteStorageWrite(this.deps.metrics, (performance.now() - startedAt) / 1000);
    this.rows += batch.length;
    for (const { update } of batch) this.bytes += update.byteLength;
    this.deps.stored(lastSeq, batch);
    this.touch();
  }

  private finish(): void {
    this.writing = false;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
    if (this.rows >= this.deps.compactAfterUpdates && !this.compacting) setImmediate(() => void this.compact());
  }

  /** Keeps the board list's title and "updated" time current, at most every few seconds (fire and forget). */
  private touch(): void {
    const { boardId, storage, log } = this.deps;
    const now = this.deps.now();
    if (now.getTime() - this.touchedAt < TOUCH_EVERY_MS) return;
    this.touchedAt = now.getTime();
    const title = this.deps.title();
    const changes = { updatedAt: now.toISOString(), ...(title ? { title: title.slice(0, 200) } : {}) };
    storage.updateBoard(boardId, changes).catch((error: unknown) => log.warn({ boardId, err: error }, 'could not update the board record'));
  }

  /** Merges the stored updates into one row, in the background. */
  async compact(): Promise<void> {
    const { boardId, storage, log } = this.deps;
    if (this.compacting) return;
    this.compacting = true;
    try {
      const target = await this.deps.compactable();
      if (!target) return;
      await storage.compact(boardId, target.state, target.upTo);
      this.rows = await storage.countUpdates(boardId);
      this.bytes = target.state.length;
      log.debug({ boardId, upTo: target.upTo, bytes: target.state.length }, 'compacted');
    } catch (error) {
      log.error({ boardId, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }
}
