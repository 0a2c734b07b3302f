/** The channel between server instances that serve the same boards: one topic per board, fire and forget. */

/** What instances tell each other about one board. Nothing here is durable: storage is the log, the bus only says "look". */
export type BusMessage =
  /** Updates this instance appended, already committed; they hold the seqs `seq - updates.length + 1 .. seq`. */
  | { type: 'update'; seq: number; updates: Uint8Array[] }
  /** The highest seq the sender knows is stored (its own appends too big to inline, or after a reconnect). */
  | { type: 'head'; seq: number }
  /** An awareness update of the sender's own clients (never stored). */
  | { type: 'awareness'; update: Uint8Array }
  /** "Send me your clients' awareness states" (a room was just loaded, or the bus reconnected). */
  | { type: 'awareness-query' }
  /** The board was deleted: close its connections. */
  | { type: 'deleted' }
  /** A facilitator replaced the board's link of `role`: close sockets whose token is older than `generation`. */
  | { type: 'links-rotated'; role: 'editor' | 'viewer'; generation: number };

/** The kinds of message, for metrics. */
export type BusMessageType = BusMessage['type'];

/** Receives one board's messages from the other instances. */
export interface BoardBusHandler {
  /** A message another instance published (never one of this instance's own). */
  message(message: BusMessage): void;
  /**
   * The bus (re)connected and the board's subscription is active again: anything published meanwhile
   * may be lost, so the room must catch up from storage.
   */
  reconnected(): void;
}

/** An active subscription to one board. */
export interface BoardSubscription {
  close(): void;
}

/** Fan-out between instances. RedisBoardBus when REDIS_URL is set, LocalBoardBus (a single instance) otherwise. */
export interface BoardBus {
  readonly kind: 'redis' | 'local';
  /** This process's id on the bus (its own messages are not delivered back to it). */
  readonly instanceId: string;
  /** True when other instances may write the same boards, so rooms must listen and catch up. */
  readonly shared: boolean;
  /**
   * Subscribes to a board; resolves once messages published from now on will be delivered, or at once
   * when the bus is down (the handler's reconnected() then fires when it is back).
   */
  subscribe(boardId: string, handler: BoardBusHandler): Promise<BoardSubscription>;
  /** Publishes to every other instance subscribed to the board; never throws (a lost message is caught up from storage). */
  publish(boardId: string, message: BusMessage): void;
  /** Resolves when the bus answers (readiness). */
  ping(): Promise<void>;
  /** Publishes what is queued and disconnects. */
  close(): Promise<void>;
}
