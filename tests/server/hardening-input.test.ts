/**
 * Issue 12, points 1 and 9 (the 1009 close): input at the edges of the server. Malformed
 * percent-escapes in upgrade URLs and REST paths, odd upgrade requests and oversized frames must close
 * or answer only that request, with a sentence, and never reach the process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CHILD_SECRET, freePort, killAllChildren, startChildServer, type ChildServer } from '../utils/child-server';
import { api, closeOf, createBoard, waitFor } from '../utils/server-harness';

const SENTENCE = /^[A-Z][^]*\s[^]*[.;]/;
const dirs: string[] = [];
afterEach(async () => {
  await killAllChildren();
});
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function child(env: Record<string, string> = {}): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-hard-'));
  dirs.push(dir);
  return startChildServer({ PORT: String(await freePort()), LODESTONE_DB: join(dir, 'l.db'), LODESTONE_SECRET: CHILD_SECRET, LOG_LEVEL: 'warn', ...env });
}

/** Sends raw bytes on a TCP connection and resolves with everything the server answered before closing. */
function rawHttp(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    setTimeout(() => socket.destroy(), 3000).unref();
  });
}

const alive = async (s: ChildServer) => (await fetch(`${s.url}/healthz`)).status === 200;

describe('hardening: input at the edges', () => {
  it('[H1] malformed percent-escapes in upgrade URLs close that socket with 4404 and a sentence; the process keeps serving; REST answers 400/404', async () => {
    const s = await child();
    const board = await createBoard(s, 'blank');
    for (const path of ['%ZZ', '%E0%A4%A', '%', 'ok%ZZ', '%C0%80']) {
      const closed = await closeOf(`${s.wsUrl}/${path}?token=${board.tokens.editor}`);
      expect(closed.code, path).toBe(4404);
      expect(closed.reason, path).toMatch(SENTENCE);
      expect(await alive(s), `alive after /ws/${path}`).toBe(true);
    }
    // Odd upgrade requests: an absolute-form target, a query with a broken escape, no key.
    const odd = [
      'GET http://[::1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      `GET /ws/${board.id}?token=%ZZ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      `GET /ws/${board.id} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    ];
    for (const request of odd) {
      await rawHttp(s.port, request);
      expect(await alive(s), request.split('\r\n')[0]).toBe(true);
    }
    for (const path of ['/api/boards/%ZZ', '/api/boards/%E0%A4%A/export', '/api/boards/%ZZ/snapshots/%ZZ', '/%ZZ', '/b/%E0%A4%A']) {
      const res = await api(s, 'GET', path, { token: board.tokens.viewer }).catch(() => null);
      expect(res, path).not.toBeNull();
      expect([400, 404], path).toContain(res!.status);
      expect(res!.body.error, path).toMatch(SENTENCE);
      expect(['request-unreadable', 'not-found', 'board-id-invalid'], path).toContain(res!.body.code);
    }
    expect(s.stdout()).not.toMatch(/"level":50/);
    expect(s.child.exitCode).toBeNull();
  });

  it('[H9a] a message over the size limit is closed with 1009 and a sentence, and the server logs it', async () => {
    const s = await child({ LODESTONE_MAX_MESSAGE_BYTES: String(64 * 1024) });
    const board = await createBoard(s, 'blank');
    const closed = await closeOf(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws: WebSocket) => ws.send(new Uint8Array(100 * 1024)));
    expect(closed.code).toBe(1009);
    expect(closed.reason).toMatch(SENTENCE);
    await waitFor(() => /size limit/.test(s.stdout()), 5000, 'the 1009 close logged');
    expect(await alive(s)).toBe(true);
  });
});
