/** One client's socket in a room: its role, rate limit and guarded send. */
import type { Role } from '../auth/tokens';
import { binaryFrame } from '../protocol/ws-frame';
import type { RoomSocket } from './room-socket';

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

/** A client connection; the room talks to it only through this class. */
export class Connection {
  readonly id = nextId++;
  /** Awareness client ids this connection introduced (removed when it closes). */
  readonly awarenessClients = new Set<number>();
  /** Characters of JSON of each awareness state this connection announced, for its per-connection limits. */
  readonly awarenessBytes = new Map<number, number>();
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
    private readonly socket: RoomSocket,
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

  /** Sends one message (framed here); a failed send closes the connection instead of throwing. */
  send(data: Uint8Array): void {
    this.sendFramed(binaryFrame(data));
  }

  /** Sends a frame framed once for all receivers of a broadcast (binaryFrame); a failed send closes the connection. */
  sendFramed(frame: Uint8Array): void {
    if (this.closed || !this.socket.isOpen || this.overflowed()) return;
    try {
      this.socket.sendFrame(frame);
    } catch {
      this.close(CLOSE.internal, 'The server could not send to this connection; reconnecting.');
    }
  }

  /**
   * True (and the socket closed with 1013) when more than maxSendBufferBytes wait to be sent: the client
   * stopped reading. One message may still go past the limit (a large sync answer), a backlog may not.
   * The close frame would wait behind the backlog; the socket cuts the connection off shortly after.
   */
  private overflowed(): boolean {
    if (this.socket.bufferedAmount <= this.maxSendBufferBytes) return false;
    this.close(CLOSE.tryAgain, 'This connection fell too far behind the board (it stopped reading); reconnecting.');
    this.onOverflow?.();
    return true;
  }

  /** Closes with a code and a sentence (reasons are cut to the 123 bytes WebSocket allows). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
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
