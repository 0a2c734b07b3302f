import * as Y from 'yjs';
import { mark, markOf } from '../utils/doc-marks';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeUpdate } from '../../server/protocol/messages';
import { closeOf, connectClient, createBoard, startTestServer, waitFor, type TestClient, type TestServer } from '../utils/server-harness';

let server: TestServer | null = null;
let watcher: TestClient | null = null;
afterEach(async () => {
  watcher?.destroy();
  await server?.stop();
  server = null;
  watcher = null;
});

describe('a storage write that fails', () => {
  it('relays nothing and closes the room\'s sockets with 1011 and a sentence, so clients resend', async () => {
    // The update journal on /dev/full: boards are created (in the database), and every append of an
    // update fails with ENOSPC, a real write failure of a real device.
    server = await startTestServer({ LODESTONE_JOURNAL: '/dev/full' });
    const board = await createBoard(server, 'blank');
    watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await watcher.synced();
    let watcherClose: number | null = null;
    watcher.provider.once('connection-close', (event) => (watcherClose = event?.code ?? null));

    const writer = new Y.Doc();
    mark(writer, 'lever', 'gallium ban');
    const closed = await closeOf(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws) => ws.send(encodeUpdate(Y.encodeStateAsUpdate(writer))));
    expect(closed.code).toBe(1011);
    expect(closed.reason).toMatch(/could not save/);
    await waitFor(() => watcherClose !== null, 5000, 'the watcher closed too');
    expect(watcherClose).toBe(1011);
    expect(markOf(watcher.doc, 'lever')).toBeUndefined();
  });
});
