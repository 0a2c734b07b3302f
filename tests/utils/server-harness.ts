/** Starts real Lodestone servers on temporary storage and connects real y-websocket clients to them. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer, type StartOptions } from '../../server/app';
import type { CreatedBoard } from '../../server/boards/board-service';
import { readConfig } from '../../server/config';

/** A running test server with its temporary directory. */
export interface TestServer extends RunningServer {
  wsUrl: string;
  dir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The machine's PostgreSQL test database. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Storage backends the server tests run against. */
export const BACKENDS = ['sqlite', 'postgres'] as const;

/** Settings that put a server on a fresh PostgreSQL schema (dropped by dropSchema / TestServer.stop). */
export function postgresEnv(): Record<string, string> {
  return { DATABASE_URL: TEST_DATABASE_URL, LODESTONE_PG_SCHEMA: `lodestone_t_${randomBytes(6).toString('hex')}` };
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client(TEST_DATABASE_URL);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a server on a temporary SQLite file, or on a fresh PostgreSQL schema for backend 'postgres';
 * `env` overrides settings; `options` passes parts (a clock, a storage) to startServer. Pass the same env and dir to restart on the same storage.
 */
export async function startTestServer(env: Record<string, string> = {}, dir = mkdtempSync(join(tmpdir(), 'lodestone-srv-')), backend: (typeof BACKENDS)[number] = 'sqlite', options: StartOptions = {}): Promise<TestServer> {
  const storageEnv = backend === 'postgres' && !env.DATABASE_URL ? postgresEnv() : {};
  const fullEnv: Record<string, string> = { LOG_LEVEL: 'silent', PORT: '0', LODESTONE_DB: join(dir, 'lodestone.db'), LODESTONE_ROOM_IDLE_MS: '100', ...storageEnv, ...env };
  const server = await startServer(readConfig(fullEnv, null), options);
  return {
    ...server, dir, env: fullEnv, wsUrl: `${server.url.replace('http', 'ws')}/ws`,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      if (fullEnv.LODESTONE_PG_SCHEMA?.startsWith('lodestone_t_')) await dropSchema(fullEnv.LODESTONE_PG_SCHEMA);
    },
  };
}

/** Calls the REST API and returns status and JSON body. */
export async function api(server: { url: string }, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Creates a board through the API. */
export async function createBoard(server: { url: string }, template = 'blank', title?: string): Promise<CreatedBoard> {
  const res = await api(server, 'POST', '/api/boards', { body: { template, ...(title ? { title } : {}) } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A y-websocket client in this process. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced(): Promise<void>;
  destroy(): void;
}

/** Connects a stock WebsocketProvider (as any Yjs client would) to a board. */
export function connectClient(wsUrl: string, boardId: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    // A session key, as the board page sends: the same person reconnecting gets its presence back.
    params: { token, session: randomBytes(12).toString('base64url') }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, maxBackoffTime: 300,
  });
  return {
    doc, provider,
    synced: () => waitFor(() => provider.synced, 10_000, 'client sync'),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls a condition until it holds, or throws after timeoutMs. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a raw WebSocket and resolves with its close code and reason (or times out). */
export function closeOf(url: string, send?: (ws: WebSocket) => void, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no close within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on('open', () => send?.(ws));
    ws.on('error', () => undefined);
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** Resolves when the server has processed everything sent on a raw socket so far (its pong), or the socket closed. */
export function settled(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ws.readyState !== WebSocket.OPEN) return resolve();
    const timer = setTimeout(() => reject(new Error('no pong or close within 10 s')), 10_000);
    const done = () => {
      clearTimeout(timer);
      ws.off('pong', done);
      ws.off('close', done);
      resolve();
    };
    ws.on('pong', done);
    ws.on('close', done);
    ws.ping();
  });
}
