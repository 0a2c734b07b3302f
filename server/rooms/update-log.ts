/**
 * A room's durable write path: updates applied to its doc are queued, appended to storage in one
 * transaction per callback (every frame of one socket read shares it), and only then handed on (published to
 * the other instances, relayed).
 * Also keeps the board record's "updated" time current and compacts the stored rows in the background.
 */
import * as Y from 'yjs';
import { noteStorageWrite } from '../ops/metrics';
import type { BoardLink } from '../scale/board-link';
import type { RoomContext } from './room';

const TOUCH_EVERY_MS = 2000;
const RESOLVED = Promise.resolve();

/** An update waiting to be stored, with the origin it was applied with (the sending connection, or the server). */
export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/** What the log needs from its room. */
export interface UpdateLogDeps {
  boardId: string;
  ctx: RoomContext;
  link: BoardLink;
  /** The room's current content doc. */
  doc(): Y.Doc;
  /** A batch is durable: send it to the room's clients. */
  relay(batch: readonly PendingUpdate[]): void;
  /** Storage failed: the room cannot keep its promises. */
  fail(error: unknown, message: string): void;
  /** Resolves once the room is flushed and its doc sound (compaction waits for it). */
  settled(): Promise<void>;
  broken(): boolean;
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

  /**
   * Queues an update; the first of a callback schedules the flush as a microtask, which runs when the callback
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
    if (this.deps.ctx.storage.appendUpdatesNow) this.flushNow();
    else void this.flushAsync();
  };

  /** Flush through a synchronous backend (embedded SQLite): stored and relayed within this microtask. */
  private flushNow(): void {
    const { boardId, ctx } = this.deps;
    try {
      while (this.pending.length > 0) {
        const batch = this.takeBatch();
        const startedAt = performance.now();
        const lastSeq = ctx.storage.appendUpdatesNow!(boardId, batch.updates);
        this.stored(batch, lastSeq, startedAt);
      }
    } catch (error) {
      this.deps.fail(error, 'storage write failed; closing the room so clients resend');
    }
    this.finish();
  }

  private async flushAsync(): Promise<void> {
    const { boardId, ctx } = this.deps;
    try {
      while (this.pending.length > 0) {
        const batch = this.takeBatch();
        const startedAt = performance.now();
        const lastSeq = await ctx.storage.appendUpdates(boardId, batch.updates);
        this.stored(batch, lastSeq, startedAt);
      }
    } catch (error) {
      this.deps.fail(error, 'storage write failed; closing the room so clients resend');
    }
    this.finish();
  }

  private takeBatch(): { pending: PendingUpdate[]; updates: Uint8Array[] } {
    const pending = this.pending;
    this.pending = [];
    return { pending, updates: pending.map((p) => p.update) };
  }

  /** A batch is durable: hand it on (other instances, then this room's clients). */
  private stored(batch: { pending: PendingUpdate[]; updates: Uint8Array[] }, lastSeq: number, startedAt: number): void {
    noteStorageWrite(this.deps.ctx.metrics, (performance.now() - startedAt) / 1000);
    this.deps.link.stored(lastSeq, batch.updates);
    this.rows += batch.pending.length;
    for (const update of batch.updates) this.bytes += update.byteLength;
    this.deps.relay(batch.pending);
    this.touch();
  }

  private finish(): void {
    this.writing = false;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
    if (this.rows >= this.deps.ctx.compactAfterUpdates && !this.compacting) setImmediate(() => void this.compact());
  }

  /** Keeps the board list's title and "updated" time current, at most every few seconds (fire and forget). */
  private touch(): void {
    const { boardId, ctx } = this.deps;
    const now = ctx.now();
    if (now.getTime() - this.touchedAt < TOUCH_EVERY_MS) return;
    this.touchedAt = now.getTime();
    const title = this.deps.doc().getMap('meta').get('title');
    const changes = { updatedAt: now.toISOString(), ...(typeof title === 'string' && title.length > 0 ? { title: title.slice(0, 200) } : {}) };
    ctx.storage.updateBoard(boardId, changes).catch((error: unknown) => ctx.log.warn({ boardId, err: error }, 'could not update the board record'));
  }

  /** Merges the stored updates into one row, in the background. */
  async compact(): Promise<void> {
    const { boardId, ctx } = this.deps;
    if (this.compacting || this.deps.broken()) return;
    this.compacting = true;
    try {
      await this.deps.settled();
      // Only up to the watermark: rows other instances stored past it may not be in this doc yet.
      const state = Y.encodeStateAsUpdate(this.deps.doc());
      const upTo = this.deps.link.watermark;
      await ctx.storage.compact(boardId, state, upTo);
      this.rows = await ctx.storage.countUpdates(boardId);
      this.bytes = state.length;
      ctx.log.debug({ boardId, upTo, bytes: state.length }, 'compacted');
    } catch (error) {
      ctx.log.error({ boardId, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }
}
