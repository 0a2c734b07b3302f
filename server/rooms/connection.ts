/** One client's WebSocket in a room: its role, rate limit, guarded send and keepalive. */
import type { WebSocket } from 'ws';
import type { Role } from '../auth/tokens';

/** Close codes the server uses, each with its meaning. */
export const CLOSE = {
  /** The server is restarting: reconnect. */
  restart: 1012,
  /** This connection should reconnect and sync again (it fell behind, or sent an edit building on what the server lacks). */
  tryAgain: 1013,
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

/** The TCP socket under a ws WebSocket (ws keeps it in `_socket`), if it is there and writable. */
function rawSocket(ws: WebSocket): { write(data: Buffer): boolean } | null {
  const socket = (ws as unknown as { _socket?: { write?: unknown; writable?: boolean } })._socket;
  return socket && typeof socket.write === 'function' && socket.writable ? (socket as { write(data: Buffer): boolean }) : null;
}

/** A client connection; the room talks to it only through this class. */
export class Connection {
  readonly id = nextId++;
  /** Awareness client ids this connection introduced (removed when it closes). */
  readonly awarenessClients = new Set<number>();
  /** Characters of JSON of each awareness state this connection announced, for its per-connection limits. */
  readonly awarenessBytes = new Map<number, number>();
  alive = true;
  closed = false;
  /** The link generation of the token this socket opened with (a replaced link closes the older ones). */
  generation = 0;
  /** Bytes queued for this socket past which it is closed (a client that stopped reading holds memory). */
  maxSendBufferBytes = Number.POSITIVE_INFINITY;
  /** Called once when the send buffer overflowed and the socket is being closed (for the log and metrics). */
  onOverflow: (() => void) | null = null;
  private tokens: number;
  private refilledAt: number;

  constructor(
    readonly ws: WebSocket,
    readonly boardId: string,
    readonly role: Role,
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    /** The client's session key (`?session=`): the same person reconnecting presents the same one; null when absent. */
    readonly session: string | null = null,
  ) {
    this.tokens = limit.burst;
    this.refilledAt = now();
  }

  /**
   * Sends a message; a failed send closes the connection instead of throwing. No completion callback: a
   * socket that fails a write errors and closes on its own (the room hears 'close'), and a callback per
   * message costs an allocation and a deferred call per receiver.
   */
  send(data: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN || this.overflowed()) return;
    try {
      this.ws.send(data);
    } catch {
      this.close(CLOSE.internal, 'send failed');
    }
  }

  /**
   * Sends a frame framed once for all receivers (binaryFrame of `payload`) straight to the socket: ws would
   * otherwise allocate a header and write header and payload as two buffers for every receiver. Only
   * without a negotiated extension (the server enables none), when ws writes every frame to the socket
   * as it comes, so frames cannot interleave; otherwise, or if the socket is not reachable, through ws.
   */
  sendFramed(frame: Buffer, payload: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN || this.overflowed()) return;
    try {
      const socket = rawSocket(this.ws);
      if (socket && this.ws.extensions === '') socket.write(frame);
      else this.ws.send(payload);
    } catch {
      this.close(CLOSE.internal, 'send failed');
    }
  }

  /**
   * True (and the socket closed with 1013) when more than maxSendBufferBytes wait to be sent: the client
   * stopped reading. One message may still go past the limit (a large sync answer), a backlog may not.
   * The close frame would wait behind the backlog, so the socket is terminated shortly after.
   */
  private overflowed(): boolean {
    if (this.ws.bufferedAmount <= this.maxSendBufferBytes) return false;
    this.close(CLOSE.tryAgain, 'This connection fell too far behind the board (it stopped reading); reconnecting.');
    setTimeout(() => this.ws.terminate(), 2000).unref();
    this.onOverflow?.();
    return true;
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
