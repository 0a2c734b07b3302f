/** Starts real Lodestone servers on temporary storage and connects real y-websocket clients to them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../server/app';
import type { CreatedBoard } from '../../server/boards/board-service';
import { readConfig } from '../../server/config';

/** A running test server with its temporary directory. */
export interface TestServer extends RunningServer {
  wsUrl: string;
  dir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts a server on a temporary SQLite file (or the env's DATABASE_URL); `env` overrides settings. */
export async function startTestServer(env: Record<string, string> = {}, dir = mkdtempSync(join(tmpdir(), 'lodestone-srv-'))): Promise<TestServer> {
  const fullEnv = { LOG_LEVEL: 'silent', PORT: '0', LODESTONE_DB: join(dir, 'lodestone.db'), LODESTONE_ROOM_IDLE_MS: '100', ...env };
  const server = await startServer(readConfig(fullEnv, null));
  return {
    ...server, dir, env: fullEnv, wsUrl: `${server.url.replace('http', 'ws')}/ws`,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the REST API and returns status and JSON body. */
export async function api(server: { url: string }, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
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
    params: { token }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, maxBackoffTime: 300,
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
