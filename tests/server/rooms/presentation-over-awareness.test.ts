import { describe, expect, it } from 'vitest';
import { useBoardOnServer } from '../../utils/board-on-server';
import { api, waitFor } from '../../utils/server-harness';

const boardOnServer = useBoardOnServer();

async function setUp() {
  const { server, board, join } = await boardOnServer();
  const saved = await api(server, 'POST', `/api/boards/${board.id}/snapshots`, { token: board.tokens.facilitator, body: { name: 'Baseline' } });
  expect(saved.status).toBe(201);
  return { server, board, join, sid: saved.body.id as string };
}

describe('presentation over awareness', () => {
  it('[P1] participants can read a snapshot only while a facilitator presents it', async () => {
    const { server, board, join, sid } = await setUp();
    const slide = (token: string) => api(server, 'GET', `/api/boards/${board.id}/slides/${sid}`, { token });

    const before = await slide(board.tokens.editor);
    expect(before.status).toBe(403);
    expect(before.body.error).toMatch(/not being presented/);
    expect(before.body.code).toBe('slide-not-presented');
    expect((await api(server, 'GET', `/api/boards/${board.id}/snapshots/${sid}`, { token: board.tokens.editor })).status).toBe(403);

    const facilitator = join(board.tokens.facilitator);
    const watcher = join(board.tokens.viewer);
    await Promise.all([facilitator.synced(), watcher.synced()]);
    facilitator.provider.awareness.setLocalState({ user: { name: 'Fay' }, presenting: { snapshotId: sid, index: 0, count: 1 }, summon: 1 });
    await waitFor(() => (watcher.provider.awareness.getStates().get(facilitator.doc.clientID) as any)?.presenting?.snapshotId === sid);

    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      const during = await slide(token);
      expect(during.status).toBe(200);
      expect(during.body.name).toBe('Baseline');
      expect(during.body.board.nodes.length).toBeGreaterThan(10);
      expect(during.body.exposure.minerals).toBeTypeOf('object');
      expect(during.body.state).toBeUndefined();
    }

    facilitator.provider.awareness.setLocalStateField('presenting', null);
    await waitFor(() => (watcher.provider.awareness.getStates().get(facilitator.doc.clientID) as any)?.presenting === null);
    expect((await slide(board.tokens.viewer)).status).toBe(403);
    // The facilitator may always open it.
    expect((await slide(board.tokens.facilitator)).status).toBe(200);
  });

  it("[P2] an editor's presenting and summon fields are dropped, so an editor cannot expose a snapshot or pull people", async () => {
    const { server, board, join, sid } = await setUp();
    const editor = join(board.tokens.editor);
    const other = join(board.tokens.editor);
    await Promise.all([editor.synced(), other.synced()]);
    editor.provider.awareness.setLocalState({ user: { name: 'Ed' }, viewport: { x: 1, y: 2, zoom: 0.5 }, presenting: { snapshotId: sid, index: 0, count: 1 }, summon: 3 });
    await waitFor(() => (other.provider.awareness.getStates().get(editor.doc.clientID) as any)?.user?.name === 'Ed');
    expect(other.provider.awareness.getStates().get(editor.doc.clientID)).toEqual({ user: { name: 'Ed' }, viewport: { x: 1, y: 2, zoom: 0.5 } });
    expect((await api(server, 'GET', `/api/boards/${board.id}/slides/${sid}`, { token: board.tokens.editor })).status).toBe(403);
  });

  it("[P3] a viewer may share where it looks, nothing else beyond name and cursor; a facilitator's malformed fields are cleaned", async () => {
    const { board, join } = await setUp();
    const viewer = join(board.tokens.viewer);
    const facilitator = join(board.tokens.facilitator);
    const other = join(board.tokens.editor);
    await Promise.all([viewer.synced(), facilitator.synced(), other.synced()]);
    viewer.provider.awareness.setLocalState({ user: { name: 'Vi' }, viewport: { x: 3, y: 4, zoom: 2 }, summon: 9, presenting: { snapshotId: 'x', index: 0, count: 1 } });
    facilitator.provider.awareness.setLocalState({ user: { name: 'Fay' }, presenting: { snapshotId: 'bad id!', index: 0, count: 1 }, summon: -4 });
    await waitFor(() => other.provider.awareness.getStates().has(viewer.doc.clientID) && other.provider.awareness.getStates().has(facilitator.doc.clientID));
    expect(other.provider.awareness.getStates().get(viewer.doc.clientID)).toEqual({ user: { name: 'Vi', viewer: true }, viewport: { x: 3, y: 4, zoom: 2 } });
    expect(other.provider.awareness.getStates().get(facilitator.doc.clientID)).toEqual({ user: { name: 'Fay' }, presenting: null, summon: 0 });
  });

  it('[P4] the slide route checks the snapshot id and the board', async () => {
    const { server, board } = await setUp();
    expect((await api(server, 'GET', `/api/boards/${board.id}/slides/no*such`, { token: board.tokens.editor })).status).toBe(404);
    expect((await api(server, 'GET', `/api/boards/${board.id}/slides/nosuch`, { token: board.tokens.facilitator })).status).toBe(404);
    expect((await api(server, 'GET', `/api/boards/${board.id}/slides/nosuch`, {})).status).toBe(401);
  });
});
