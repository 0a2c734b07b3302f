/**
 * A ws WebSocket as a RoomSocket. Frames are written to the TCP socket the upgrade came on (the one the
 * gateway handed to `handleUpgrade`), so a broadcast framed once costs one write per receiver; ws itself
 * then only writes control frames (ping, pong, close) to the same socket, in order. That holds because the
 * server negotiates no extension (no permessage-deflate), so ws never holds frames back.
 * It also owns the keepalive (ping, and terminate when no pong came back) and cuts off a socket that
 * has not finished closing two seconds after close() (a client that stopped reading never will).
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { RoomSocket } from '../rooms/room-socket';

/** How long a closed socket may take to finish the closing handshake before it is cut off. */
const CLOSE_GRACE_MS = 2000;

/** A ws WebSocket and the TCP socket under it. */
export class WsRoomSocket implements RoomSocket {
  private alive = true;

  constructor(private readonly ws: WebSocket, private readonly tcp: Duplex) {
    ws.on('pong', () => (this.alive = true));
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN && this.tcp.writable;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  sendFrame(frame: Uint8Array): void {
    this.tcp.write(frame);
  }

  close(code: number, sentence: string): void {
    try {
      this.ws.close(code, Buffer.from(sentence).subarray(0, 123).toString());
    } catch {
      this.ws.terminate();
      return;
    }
    setTimeout(() => this.ws.readyState !== this.ws.CLOSED && this.ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  /** One keepalive round: false (and the socket cut off) when the last ping got no pong, else pings again. */
  keepAlive(): boolean {
    if (!this.alive) {
      this.ws.terminate();
      return false;
    }
    this.alive = false;
    this.ws.ping();
    return true;
  }
}
