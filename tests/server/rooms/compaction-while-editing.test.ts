import { mark, markOf } from '../../utils/doc-marks';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, connectClient, createBoard, startTestServer, waitFor, type TestClient, type TestServer } from '../../utils/server-harness';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
});

describe.each(BACKENDS)('compaction on %s', (backend) => {
  it('[C1] merges stored updates past the threshold while edits keep flowing, losing nothing', async () => {
    const first = await startTestServer({ LODESTONE_COMPACT_AFTER: '25' }, undefined, backend);
    servers.push(first);
    const board = await createBoard(first, 'blank');
    const writer = connectClient(first.wsUrl, board.id, board.tokens.editor);
    const watcher = connectClient(first.wsUrl, board.id, board.tokens.viewer);
    clients.push(writer, watcher);
    await Promise.all([writer.synced(), watcher.synced()]);
    for (let i = 0; i < 200; i++) {
      mark(writer.doc, `k${i % 40}`, i);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor(() => markOf(watcher.doc, 'k39') === '199', 10_000, 'watcher sees the last edit');
    await waitFor(async () => (await first.storage.countUpdates(board.id)) < 25, 10_000, 'rows compacted below the threshold');
    writer.destroy();
    watcher.destroy();
    clients.length = 0;
    await first.close();
    const second = await startTestServer(first.env, first.dir, backend);
    servers.splice(0, 1, second);
    const reader = connectClient(second.wsUrl, board.id, board.tokens.viewer);
    clients.push(reader);
    await reader.synced();
    for (let k = 0; k < 40; k++) expect(markOf(reader.doc, `k${k}`)).toBe(String(160 + k));
  });
});
