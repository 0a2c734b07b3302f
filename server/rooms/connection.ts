/** One client's WebSocket in a room: its role, rate limit, guarded send and keepalive. */
import type { WebSocket } from 'ws';
import type { Role } from '../auth/tokens';

/** Close codes the server uses, each with its meaning. */
export const CLOSE = {
  /** The server is restarting: reconnect. */
  restart: 1012,
  /** Internal error (storage unavailable): reconnect later. */
  internal: 1011,
  /** Too many messages. */
  rateLimited: 1008,
  /** A message the protocol does not allow, or an update Yjs cannot apply. */
  badMessage: 4400,
  /** Missing, bad or expired token. */
  unauthorized: 4401,
  /** A token for another board. */
  forbidden: 4403,
  /** No board with that id. */
  notFound: 4404,
} as const;

/** Token bucket settings. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

let nextId = 1;

/** A client connection; the room talks to it only through this class. */
export class Connection {
  readonly id = nextId++;
  /** Awareness client ids this connection introduced (removed when it closes). */
  readonly awarenessClients = new Set<number>();
  alive = true;
  closed = false;
  private tokens: number;
  private refilledAt: number;

  constructor(
    readonly ws: WebSocket,
    readonly boardId: string,
    readonly role: Role,
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.refilledAt = now();
  }

  /** Sends a frame; a failed send closes the connection instead of throwing. */
  send(data: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    try {
      this.ws.send(data, (error) => {
        if (error) this.close(CLOSE.internal, 'send failed');
      });
    } catch {
      this.close(CLOSE.internal, 'send failed');
    }
  }

  /** Closes with a code and a sentence (reasons are cut to the 123 bytes WebSocket allows). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
    } catch {
      this.ws.terminate();
    }
  }

  /** Takes one message from the token bucket; false when the connection is over its rate. */
  takeMessage(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.limit.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
