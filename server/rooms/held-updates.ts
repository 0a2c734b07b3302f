/**
 * Updates a connection sent that build on something the room does not hold yet (Yjs would park them as
 * pending structs, where the schema cannot check them). They wait here, neither applied, stored nor relayed,
 * until what they build on arrives; bounded per connection, and dropped with it (its client resends them).
 */
import type { Connection } from './connection';

/** One waiting update. */
export interface HeldUpdate {
  conn: Connection;
  update: Uint8Array;
}

/** Most updates one connection may have waiting. */
export const MAX_HELD_PER_CONNECTION = 32;

/** The waiting updates of one room, in arrival order. */
export class HeldUpdates {
  private list: HeldUpdate[] = [];

  /** @param maxBytes bytes one connection may have waiting. */
  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.list.length;
  }

  /** Keeps an update; false when the connection already has as many or as many bytes waiting as it may. */
  hold(conn: Connection, update: Uint8Array): boolean {
    let count = 0;
    let bytes = update.byteLength;
    for (const held of this.list) {
      if (held.conn !== conn) continue;
      count++;
      bytes += held.update.byteLength;
    }
    if (count >= MAX_HELD_PER_CONNECTION || bytes > this.maxBytes) return false;
    this.list.push({ conn, update });
    return true;
  }

  /** Every waiting update, in order, leaving none (hold them again to keep them). */
  takeAll(): HeldUpdate[] {
    const list = this.list;
    this.list = [];
    return list;
  }

  /** Forgets a connection's waiting updates. */
  drop(conn: Connection): void {
    if (this.list.some((held) => held.conn === conn)) this.list = this.list.filter((held) => held.conn !== conn);
  }
}
