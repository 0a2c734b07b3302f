/** One seed board on a fresh real server per test, with the y-websocket clients that join it; all stopped after each test. */
import { afterEach } from 'vitest';
import type { CreatedBoard } from '../../server/boards/board-service';
import { connectClient, createBoard, startTestServer, type TestClient, type TestServer } from './server-harness';

/** A started server, its board, and `join`: a client on that board (or another of the server's) with a token, destroyed after the test. */
export interface BoardOnServer {
  server: TestServer;
  board: CreatedBoard;
  join(token: string, boardId?: string): TestClient;
}

/**
 * Registers an afterEach that destroys the clients and stops the server of the test, and returns the
 * set-up to call in each test: a new server holding one board made from `template`.
 */
export function useBoardOnServer(template = 'africa-corridors'): () => Promise<BoardOnServer> {
  let server: TestServer | null = null;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
    server = null;
  });
  return async () => {
    const started = await startTestServer();
    server = started;
    const board = await createBoard(started, template);
    const join = (token: string, boardId = board.id) => {
      const client = connectClient(started.wsUrl, boardId, token);
      clients.push(client);
      return client;
    };
    return { server: started, board, join };
  };
}
