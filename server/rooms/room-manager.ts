/** Keeps one Room per board in memory while it is used: loads de-duplicated, idle rooms unloaded. */
import type { RotatableRole } from '../storage/storage';
import { CLOSE } from './connection';
import { Room, type RoomContext } from './room';

/** A board id the storage does not know. */
export class UnknownBoardError extends Error {}

/** Loads, shares and unloads rooms. */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly users = new Map<string, number>();

  constructor(private readonly ctx: Omit<RoomContext, 'onBroken' | 'onDeleted'>, private readonly idleMs: number) {}

  /** The loaded rooms (for metrics and shutdown). */
  async loaded(): Promise<Room[]> {
    const settled = await Promise.allSettled(this.rooms.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  /** Number of rooms in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /**
   * Runs fn with the board's room, loading it if needed; the room stays loaded while any caller
   * (a connection or a request) holds it, and is unloaded after idleMs once nobody does.
   */
  async acquire(boardId: string): Promise<Room> {
    this.users.set(boardId, (this.users.get(boardId) ?? 0) + 1);
    clearTimeout(this.idleTimers.get(boardId));
    this.idleTimers.delete(boardId);
    try {
      return await this.load(boardId);
    } catch (error) {
      this.release(boardId);
      throw error;
    }
  }

  /** Gives back a room taken with acquire. */
  release(boardId: string): void {
    const left = (this.users.get(boardId) ?? 1) - 1;
    if (left > 0) {
      this.users.set(boardId, left);
      return;
    }
    this.users.delete(boardId);
    if (!this.rooms.has(boardId)) return;
    this.idleTimers.set(boardId, setTimeout(() => void this.unloadIfIdle(boardId), this.idleMs));
  }

  /** Runs fn with the room held and holding everything stored so far (by any instance), then releases it. */
  async with<T>(boardId: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      await room.caughtUp();
      return await fn(room);
    } finally {
      this.release(boardId);
    }
  }

  private load(boardId: string): Promise<Room> {
    let loading = this.rooms.get(boardId);
    if (!loading) {
      loading = (async () => {
        if ((await this.ctx.storage.getBoard(boardId)) === null) throw new UnknownBoardError(`no board ${boardId}`);
        const room = await Room.load(boardId, {
          ...this.ctx,
          onBroken: (r) => this.drop(r),
          onDeleted: (r) => void this.evictHere(r.boardId, (deleted) => {
            for (const conn of deleted.connections) conn.close(CLOSE.notFound, 'This board was deleted by its facilitator.');
          }),
        });
        this.ctx.metrics.rooms.set(this.rooms.size);
        return room;
      })();
      this.rooms.set(boardId, loading);
      loading.catch(() => {
        if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId);
      });
    }
    return loading;
  }

  private async unloadIfIdle(boardId: string): Promise<void> {
    this.idleTimers.delete(boardId);
    const loading = this.rooms.get(boardId);
    if (!loading || this.users.has(boardId)) return;
    const room = await loading.catch(() => null);
    await room?.flushed();
    // Someone may have joined while we waited: re-check before unloading.
    if (this.users.has(boardId) || this.rooms.get(boardId) !== loading) return;
    this.rooms.delete(boardId);
    room?.destroy();
    this.ctx.metrics.rooms.set(this.rooms.size);
  }

  /** Forgets a broken room at once (its connections were closed; reconnecting clients get a fresh load). */
  private drop(room: Room): void {
    void this.rooms.get(room.boardId)?.then((current) => {
      if (current !== room) return;
      this.rooms.delete(room.boardId);
      room.destroy();
      this.ctx.metrics.rooms.set(this.rooms.size);
    });
  }

  /** Removes a deleted board's room here and on every other instance, closing its connections with the given code. */
  async evict(boardId: string, close: (room: Room) => void): Promise<void> {
    // Other instances may hold the board even if this one does not.
    this.ctx.bus.publish(boardId, { type: 'deleted' });
    await this.evictHere(boardId, close);
  }

  private async evictHere(boardId: string, close: (room: Room) => void): Promise<void> {
    const loading = this.rooms.get(boardId);
    if (!loading) return;
    this.rooms.delete(boardId);
    const room = await loading.catch(() => null);
    if (room) {
      close(room);
      room.destroy();
    }
    this.ctx.metrics.rooms.set(this.rooms.size);
  }

  /** A board's link of `role` moved to `generation`: closes older tokens' sockets here and on every other instance. */
  async revoke(boardId: string, role: RotatableRole, generation: number): Promise<void> {
    this.ctx.bus.publish(boardId, { type: 'links-rotated', role, generation });
    const loading = this.rooms.get(boardId);
    const room = loading ? await loading.catch(() => null) : null;
    room?.closeRevoked(role, generation);
  }

  /** Removes this instance's clients' awareness everywhere (shutdown: they reconnect to another instance). */
  async retireAll(): Promise<void> {
    for (const room of await this.loaded()) room.retire();
  }

  /** Flushes every room and stops the idle timers (shutdown). */
  async flushAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const room of await this.loaded()) await room.flushed();
  }
}
