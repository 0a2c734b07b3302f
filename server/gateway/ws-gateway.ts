/** The `/ws/<boardId>?token=` endpoint: checks the token, joins the board's room, relays frames. */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { checkBoardAccess } from '../auth/board-access';
import type { Storage } from '../storage/storage';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { isBoardId } from '../boards/board-id';
import { CLOSE, Connection, type RateLimit } from '../rooms/connection';
import { UnknownBoardError, type RoomManager } from '../rooms/room-manager';
import { WsRoomSocket } from './ws-room-socket';

/** What the gateway needs. */
export interface GatewayDeps {
  manager: RoomManager;
  /** For the link generations a token must match. */
  storage: Pick<Storage, 'linkGenerations'>;
  secret: string;
  maxMessageBytes: number;
  rateLimit: RateLimit;
  /** Bytes queued for one socket past which it is closed with 1013. */
  maxSendBufferBytes: number;
  /** Bytes a connection may send while its board loads. */
  maxEarlyBytes: number;
  metrics: Metrics;
  log: Logger;
  nowSeconds: () => number;
}

/** Open gateway: stop() closes every socket with a code and stops keepalive. */
export interface Gateway {
  stop(code: number, reason: string): void;
  connections(): number;
}

const KEEPALIVE_MS = 30_000;
const TOO_BIG = 'That message is larger than this server accepts (LODESTONE_MAX_MESSAGE_BYTES); it was not applied.';

/**
 * The board id and token of an upgrade URL, or null when it is not a `/ws/<id>` path. An id that does not
 * decode (a malformed percent-escape) comes back as '' so the socket is closed with 4404 and a sentence.
 */
export function upgradeTarget(url: string | undefined): { boardId: string; token: string | null; session: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
  const match = /^\/ws\/([^/]*)$/.exec(parsed.pathname);
  if (!match) return null;
  let boardId: string;
  try {
    boardId = decodeURIComponent(match[1]);
  } catch {
    boardId = '';
  }
  const session = parsed.searchParams.get('session');
  return { boardId, token: parsed.searchParams.get('token'), session: session !== null && SESSION_KEY.test(session) ? session : null };
}

/** A client's random session key: what lets the same person reclaim its presence after a reconnect. */
const SESSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Attaches the WebSocket endpoint to an HTTP server. */
export function attachGateway(server: Server, deps: GatewayDeps): Gateway {
  // No permessage-deflate: frames are framed once per broadcast and written as they are (ws-room-socket.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes, perMessageDeflate: false });
  const live = new Map<Connection, WsRoomSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the handshake must not become an unhandled 'error' event.
    socket.on('error', () => undefined);
    try {
      const target = upgradeTarget(req.url);
      if (!target) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, socket, target.boardId, target.token, target.session).catch((error: unknown) => {
        deps.log.error({ err: error }, 'accepting a connection failed');
        refuse(ws, CLOSE.internal, 'The server could not open this board; try again shortly.');
      }));
    } catch (error) {
      deps.log.warn({ err: error, url: req.url?.slice(0, 200) }, 'refused an upgrade request');
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    }
  });

  const refuse = (ws: WebSocket, code: number, reason: string) => {
    deps.metrics.closes.inc({ code: String(code) });
    ws.close(code, reason);
  };

  async function accept(ws: WebSocket, tcp: Duplex, boardId: string, token: string | null, session: string | null): Promise<void> {
    // What arrives while the room loads waits, up to maxEarlyBytes.
    const early: { data: RawData; binary: boolean }[] = [];
    let earlyBytes = 0;
    const buffer = (data: RawData, binary: boolean) => {
      earlyBytes += Array.isArray(data) ? data.reduce((sum, part) => sum + part.byteLength, 0) : data.byteLength;
      if (earlyBytes <= deps.maxEarlyBytes) return void early.push({ data, binary });
      early.length = 0;
      if (earlyBytes === Number.POSITIVE_INFINITY) return;
      earlyBytes = Number.POSITIVE_INFINITY;
      deps.log.warn({ boardId, limit: deps.maxEarlyBytes }, 'too much sent while the board loaded; socket closed with 1008');
      refuse(ws, CLOSE.rateLimited, 'Too much was sent while the board was loading; reconnecting.');
    };
    ws.on('message', buffer);
    // ws closes an oversized message with a bare 1009 (its receiver calls close(1009)): give it the sentence.
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) => close(code, code === 1009 && reason === undefined ? TOO_BIG : reason);
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        deps.metrics.closes.inc({ code: '1009' });
        deps.log.warn({ boardId, limit: deps.maxMessageBytes }, 'message over the size limit; socket closed with 1009');
      } else {
        deps.log.warn({ boardId, err: error }, 'websocket error');
      }
    });
    if (!isBoardId(boardId)) return refuse(ws, CLOSE.notFound, 'That board id is not valid.');
    const access = await checkBoardAccess(token, boardId, { secret: deps.secret, storage: deps.storage, nowSeconds: deps.nowSeconds });
    if (!access.ok) return refuse(ws, access.code, access.message);
    let room;
    try {
      room = await deps.manager.acquire(boardId);
    } catch (error) {
      if (error instanceof UnknownBoardError) return refuse(ws, CLOSE.notFound, 'There is no board with this id; it may have been deleted.');
      deps.log.error({ boardId, err: error }, 'room failed to load');
      return refuse(ws, CLOSE.internal, 'The server could not load this board; try again shortly.');
    }
    if (ws.readyState !== ws.OPEN) {
      deps.manager.release(boardId);
      return;
    }
    const socket = new WsRoomSocket(ws, tcp);
    const conn = new Connection(socket, boardId, access.claims.role, deps.rateLimit, Date.now, session);
    conn.generation = access.claims.generation ?? 0;
    conn.maxSendBufferBytes = deps.maxSendBufferBytes;
    conn.onOverflow = () => {
      deps.metrics.closes.inc({ code: String(CLOSE.tryAgain) });
      deps.log.warn({ boardId, conn: conn.id, limit: deps.maxSendBufferBytes }, 'send buffer over the limit (the client stopped reading); socket closed with 1013');
    };
    live.set(conn, socket);
    deps.metrics.connections.set(live.size);
    const receive = (data: RawData, binary: boolean) => {
      if (conn.closed) return;
      if (!conn.takeMessage()) {
        deps.metrics.closes.inc({ code: String(CLOSE.rateLimited) });
        deps.log.warn({ boardId, conn: conn.id }, 'rate limit exceeded');
        conn.close(CLOSE.rateLimited, 'Too many messages; slow down and reconnect.');
        return;
      }
      const bytes = toBytes(data);
      deps.metrics.hot.bytesIn += bytes.length;
      if (!binary) {
        deps.metrics.closes.inc({ code: String(CLOSE.badMessage) });
        conn.close(CLOSE.badMessage, 'The server expects binary messages.');
        return;
      }
      room.receive(conn, bytes);
    };
    ws.off('message', buffer);
    ws.on('message', receive);
    ws.on('close', () => {
      live.delete(conn);
      deps.metrics.connections.set(live.size);
      room.leave(conn);
      deps.manager.release(boardId);
    });
    room.join(conn);
    for (const { data, binary } of early) receive(data, binary);
  }

  const keepalive = setInterval(() => {
    for (const socket of live.values()) socket.keepAlive();
  }, KEEPALIVE_MS);
  keepalive.unref();

  return {
    stop(code, reason) {
      clearInterval(keepalive);
      for (const conn of live.keys()) conn.close(code, reason);
      wss.close();
    },
    connections: () => live.size,
  };
}
