/**
 * Issue 12, points 2 and 3 on the server: what an editor's valid-but-hostile update may do to a board.
 * One update with a client id per item, updates that pile up client ids, and values the board schema does
 * not allow (a Y.Doc, a nested Y.Map where a string belongs, a BigInt, a Y.XmlText) are refused with 4400
 * and a sentence; nothing of them is kept; honest clients stay connected; a board poisoned before this
 * check existed still exports, snapshots, compares and restores.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/protocol/messages';
import { readBoardFromDoc } from '../../shared/board/yjs-doc';
import { mark, markOf } from '../utils/doc-marks';
import { api, closeOf, connectClient, createBoard, startTestServer, waitFor, type TestClient, type TestServer } from '../utils/server-harness';

const SENTENCE = /^[A-Z][^]*\s[^]*[.;]/;
let servers: TestServer[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer(env);
  servers.push(s);
  return s;
}

async function honestPair(s: TestServer, boardId: string, token: string) {
  const pair = [connectClient(s.wsUrl, boardId, token), connectClient(s.wsUrl, boardId, token)];
  clients.push(...pair);
  await Promise.all(pair.map((c) => c.synced()));
  const closes: number[] = [];
  for (const c of pair) c.provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
  return { a: pair[0], b: pair[1], closes };
}

async function stillEditTogether(a: TestClient, b: TestClient, tag: string): Promise<void> {
  mark(a.doc, `${tag}-a`, 1);
  mark(b.doc, `${tag}-b`, 2);
  await waitFor(() => markOf(b.doc, `${tag}-a`) === '1' && markOf(a.doc, `${tag}-b`) === '2', 10_000, `${tag}: honest edits relayed`);
}

/**
 * A Yjs update (v1 encoding, written by hand: building it through 70,000 docs would take minutes) in which
 * each of `count` client ids sets meta.title once: every item a valid value at a valid key.
 */
function oneItemPerClient(count: number, firstClient: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(e, 1); // one struct
    encoding.writeVarUint(e, firstClient + i); // its client
    encoding.writeVarUint(e, 0); // its clock
    encoding.writeUint8(e, 8 | 0x20); // ContentAny, with a parentSub, no origins
    encoding.writeVarUint(e, 1); // the parent is a root type, named:
    encoding.writeVarString(e, 'meta');
    encoding.writeVarString(e, 'title');
    encoding.writeVarUint(e, 1); // one value
    encoding.writeUint8(e, 119); // lib0 "any": a string
    encoding.writeVarString(e, `t${i}`);
  }
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

const exportOf = async (s: TestServer, boardId: string, token: string) => {
  const res = await api(s, 'GET', `/api/boards/${boardId}/export`, { token });
  expect(res.status).toBe(200);
  return res.body;
};

describe('hardening: the live document', () => {
  it('[H2] one update carrying a client id per item is refused (4400); client ids cannot pile up past the board limit; nothing is kept', async () => {
    const s = await server({ LODESTONE_MAX_BOARD_CLIENTS: '200' });
    const board = await createBoard(s, 'africa-corridors');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const before = await exportOf(s, board.id, board.tokens.viewer);
    const clientsBefore = Y.decodeStateVector(Y.encodeStateVector(a.doc)).size;
    const url = `${s.wsUrl}/${board.id}?token=${board.tokens.editor}`;

    const flood = oneItemPerClient(70_000, 1_000_000);
    expect(Y.decodeUpdate(flood).structs).toHaveLength(70_000);
    expect(flood.length).toBeLessThan(2 * 1024 * 1024);
    const closed = await closeOf(url, (ws) => ws.send(encodeUpdate(flood)), 30_000);
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(SENTENCE);
    expect(closed.reason).toMatch(/client ids/);

    // Under the per-update limit (64), but piling up: the board takes client ids up to 200 in all.
    const verdicts: number[] = [];
    for (let round = 0; round < 5; round++) {
      const update = oneItemPerClient(60, 2_000_000 + round * 100);
      const result = await closeOf(url, (ws) => {
        ws.send(encodeUpdate(update));
        ws.ping();
        ws.once('pong', () => ws.close(1000));
      });
      verdicts.push(result.code);
    }
    // Each round's 60 new ids fit until the board would hold more than 200.
    const accepted = verdicts.filter((code) => code === 1000).length;
    expect(accepted).toBe(Math.floor((200 - clientsBefore) / 60));
    expect(verdicts.slice(accepted).every((code) => code === 4400)).toBe(true);

    await stillEditTogether(a, b, 'after-flood');
    const fresh = connectClient(s.wsUrl, board.id, board.tokens.viewer);
    clients.push(fresh);
    await fresh.synced();
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).size).toBeLessThanOrEqual(200);
    const after = await exportOf(s, board.id, board.tokens.viewer);
    expect(after.nodes).toEqual(before.nodes);
    expect(closes).toEqual([]);
  }, 60_000);

  it('[H3] a Y.Doc, a nested Y.Map where a string belongs, a BigInt or a Y.XmlText in a node field is refused with 4400; nothing of it is kept', async () => {
    const s = await server();
    const board = await createBoard(s, 'africa-corridors');
    const { a, b, closes } = await honestPair(s, board.id, board.tokens.editor);
    const before = await exportOf(s, board.id, board.tokens.viewer);
    const nodeId = before.nodes[0].id;
    const values: Array<[string, () => unknown]> = [
      ['Y.Doc', () => new Y.Doc()],
      ['nested Y.Map', () => new Y.Map([['x', 1]])],
      ['BigInt', () => 12n],
      ['Y.XmlText', () => new Y.XmlText('x')],
    ];
    for (const [what, value] of values) {
      const attacker = new Y.Doc();
      Y.applyUpdate(attacker, Y.encodeStateAsUpdate(a.doc));
      const sv = Y.encodeStateVector(attacker);
      (attacker.getMap('nodes').get(nodeId) as Y.Map<unknown>).set('label', value());
      const update = Y.encodeStateAsUpdate(attacker, sv);
      const closed = await closeOf(`${s.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws) => ws.send(encodeUpdate(update)));
      expect(closed.code, what).toBe(4400);
      expect(closed.reason, what).toMatch(SENTENCE);
    }
    expect(await exportOf(s, board.id, board.tokens.viewer)).toEqual(before);
    expect((a.doc.getMap('nodes').get(nodeId) as Y.Map<unknown>).get('label')).toBe(before.nodes[0].label);
    await stillEditTogether(a, b, 'after-bad-values');
    expect(closes).toEqual([]);
  });

  it('[H3b] a board poisoned before the check existed (a BigInt and a Y.Doc stored) still exports, snapshots, compares and restores', async () => {
    const s = await server();
    const board = await createBoard(s, 'africa-corridors');
    // Written straight into storage (the room is not loaded yet), as an older server would have kept it.
    const poisoner = await storedDoc(s, board.id);
    const ids = readBoardFromDoc(poisoner).nodes.map((n) => n.id);
    const [bigintNode, docNode] = ids;
    const sv = Y.encodeStateVector(poisoner);
    (poisoner.getMap('nodes').get(bigintNode) as Y.Map<unknown>).set('lat', 5n);
    (poisoner.getMap('nodes').get(docNode) as Y.Map<unknown>).set('label', new Y.Doc());
    await s.storage.appendUpdates(board.id, [Y.encodeStateAsUpdate(poisoner, sv)]);

    const fac = board.tokens.facilitator;
    const exported = await api(s, 'GET', `/api/boards/${board.id}/export`, { token: fac });
    expect(exported.status).toBe(200);
    expect(exported.body.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(2));
    expect((await api(s, 'GET', `/api/boards/${board.id}/exposure`, { token: fac })).status).toBe(200);
    const snapshot = await api(s, 'POST', `/api/boards/${board.id}/snapshots`, { token: fac, body: { name: 'poisoned' } });
    expect(snapshot.status).toBe(201);
    const compared = await api(s, 'GET', `/api/boards/${board.id}/compare?from=${snapshot.body.id}&to=live`, { token: fac });
    expect(compared.status).toBe(200);
    const restored = await api(s, 'POST', `/api/boards/${board.id}/snapshots/${snapshot.body.id}/restore`, { token: fac, body: {} });
    expect(restored.status).toBe(200);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: fac })).status).toBe(200);
  });
});

/** The board's doc as stored. */
async function storedDoc(s: TestServer, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await s.storage.loadUpdates(boardId)) Y.applyUpdate(doc, row.data);
  return doc;
}
