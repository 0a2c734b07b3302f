/** Board sessions (client/sync's door, as the board page opens it) on one real server for a describe block; all closed after it. */
import { afterAll, beforeAll } from 'vitest';
import { WebSocket } from 'ws';
import { openBoardSession, type BoardSession } from '../../client/sync/board-session';
import { startTestServer, waitFor, type TestServer } from './server-harness';

/** The server of the block (started in beforeAll) and `open`: a synced session of a person on a board (no offline copy). */
export interface SessionsOnServer {
  server(): TestServer;
  open(boardId: string, token: string, name: string): Promise<BoardSession>;
}

/** Registers beforeAll (start a server) and afterAll (destroy the sessions, stop it); call inside a describe. */
export function useSessionsOnServer(): SessionsOnServer {
  let server: TestServer | null = null;
  const sessions: BoardSession[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const session of sessions.splice(0)) session.destroy();
    await server?.stop();
    server = null;
  });
  const running = () => {
    if (!server) throw new Error('the test server is not running (useSessionsOnServer registers it in beforeAll)');
    return server;
  };
  return {
    server: running,
    async open(boardId, token, name) {
      const session = openBoardSession(boardId, token, { name, color: '#123456' }, { serverUrl: running().wsUrl, offlineCopy: false, WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
      sessions.push(session);
      await waitFor(() => session.getState().synced === true, 10_000, `${name} synced`);
      return session;
    },
  };
}
