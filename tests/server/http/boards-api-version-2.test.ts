/** The boards API on board format version 2: import and export, templates, snapshots (a real server on SQLite). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Board } from '../../../shared/board/types';
import { EXPANSIONS_MAP, META_MAP, PRICES_KEY } from '../../../shared/board/yjs-doc';
import { computeExposure } from '../../../shared/exposure/engine';
import { everyV2Field } from '../../utils/board-v2-sample';
import { api, connectClient, createBoard, startTestServer, waitFor, type TestServer } from '../../utils/server-harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

async function importBoard(file: unknown) {
  const created = await api(s, 'POST', '/api/boards/import', { body: file });
  expect(created.status).toBe(201);
  return created.body as { id: string; tokens: Record<'facilitator' | 'editor' | 'viewer', string> };
}

const exportOf = async (id: string, token: string) => (await api(s, 'GET', `/api/boards/${id}/export`, { token })).body;

describe('boards API, version 2', () => {
  it('[V1] imports a board with every version 2 field and exports it back unchanged', async () => {
    const board = await importBoard(everyV2Field());
    const exported = await exportOf(board.id, board.tokens.viewer);
    expect(exported).toEqual(everyV2Field());
    expect(exported.version).toBe(2);
  });

  it('[V2] imports a version 1 file and exports it as version 2 with none of the new fields', async () => {
    const v1 = {
      format: 'lodestone.board', version: 1, title: 'Nordic cobalt', description: 'A version 1 file',
      nodes: [
        { id: 'fi-mine', kind: 'mine', label: 'Kevitsa', country: 'FI', position: { x: 0, y: 0 }, capacity: { cobalt: 1 }, tags: ['estimate'] },
        { id: 'fi-ref', kind: 'refinery', label: 'Kokkola', country: 'FI', position: { x: 200, y: 0 } },
        { id: 'eu', kind: 'consumer', label: 'EU batteries', country: 'DE', position: { x: 400, y: 0 }, demand: { cobalt: 5 } },
      ],
      edges: [{ id: 'e1', from: 'fi-mine', to: 'fi-ref', mineral: 'cobalt', volume: 1 }, { id: 'e2', from: 'fi-ref', to: 'eu', mineral: 'cobalt', volume: 1, label: 'Rail' }],
      scenario: { name: 'Baseline', disruptions: [{ id: 'd1', label: 'Strike', enabled: false, target: { node: 'fi-ref' }, factor: 0.5, days: 30 }] },
      notes: [{ id: 'n1', text: 'Figures from 2023', position: { x: 0, y: 100 } }],
    };
    const board = await importBoard(v1);
    const exported = await exportOf(board.id, board.tokens.viewer);
    expect(exported).toEqual({ ...v1, version: 2, scenario: { ...v1.scenario, expansions: [], priceFloors: [] } });
    expect('prices' in exported).toBe(false);
  });

  it('[V3] refuses a version 1 file that uses version 2 fields, naming each, and a bad expansion', async () => {
    const v1 = { ...everyV2Field(), version: 1 };
    const refused = await api(s, 'POST', '/api/boards/import', { body: v1 });
    expect(refused.status).toBe(400);
    const paths = refused.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['prices', 'nodes[0].recoveryDays', 'edges[2].delayDays', 'scenario.expansions']));
    const bad = everyV2Field();
    bad.scenario.expansions[0].node = 'ghost';
    const refusedV2 = await api(s, 'POST', '/api/boards/import', { body: bad });
    expect(refusedV2.status).toBe(400);
    expect(refusedV2.body.problems).toEqual([{ path: 'scenario.expansions[0].node', message: 'Expansion "x1" adds capacity to node "ghost", which does not exist.' }]);
  });

  it('[V4] the blank template is a version 2 board', async () => {
    const board = await createBoard(s, 'blank', 'Empty');
    expect(await exportOf(board.id, board.tokens.viewer)).toEqual({
      format: 'lodestone.board', version: 2, title: 'Empty', nodes: [], edges: [],
      scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] }, notes: [],
    });
  });

  it('[V5] snapshots store the version 2 fields; compare lists live changes to them; restore and fork bring them back', async () => {
    const board = await importBoard(everyV2Field());
    const f = board.tokens.facilitator;
    const saved = await api(s, 'POST', `/api/boards/${board.id}/snapshots`, { token: f, body: { name: 'Plan' } });
    expect(saved.status).toBe(201);
    const got = await api(s, 'GET', `/api/boards/${board.id}/snapshots/${saved.body.id}`, { token: f });
    expect(got.body.board).toEqual(everyV2Field());

    const editor = connectClient(s.wsUrl, board.id, board.tokens.editor);
    await editor.synced();
    editor.doc.transact(() => {
      (editor.doc.getMap(EXPANSIONS_MAP).get('x1') as Y.Map<unknown>).set('enabled', false);
      (editor.doc.getMap(META_MAP).get(PRICES_KEY) as Y.Map<number>).set('gallium', 1750);
    });
    await waitFor(async () => (await exportOf(board.id, f)).prices.gallium === 1750);
    const compare = await api(s, 'GET', `/api/boards/${board.id}/compare?from=${saved.body.id}&to=live`, { token: f });
    expect(compare.status).toBe(200);
    expect(compare.body.diff.expansions.changed).toEqual([expect.objectContaining({ id: 'x1', fields: [{ field: 'enabled', before: true, after: false }] })]);
    expect(compare.body.diff.meta).toEqual([{ field: 'prices.gallium', before: 0, after: 1750 }]);

    const restored = await api(s, 'POST', `/api/boards/${board.id}/snapshots/${saved.body.id}/restore`, { token: f, body: {} });
    expect(restored.status).toBe(200);
    await waitFor(() => (editor.doc.getMap(EXPANSIONS_MAP).get('x1') as Y.Map<unknown>).get('enabled') === true, 10_000, 'the client sees the restore');
    expect(await exportOf(board.id, f)).toEqual(everyV2Field());
    const fork = await api(s, 'POST', `/api/boards/${board.id}/snapshots/${saved.body.id}/fork`, { token: f, body: { title: 'Fork' } });
    expect(await exportOf(fork.body.id, fork.body.tokens.viewer)).toEqual({ ...everyV2Field(), title: 'Fork' });
    editor.destroy();
  });

  it('[V6] reads a snapshot an older server saved (a version 1 board) as version 2, and restores and forks it', async () => {
    const board = await importBoard(everyV2Field());
    const f = board.tokens.facilitator;
    const v1Board = {
      format: 'lodestone.board', version: 1, title: 'Old plan',
      nodes: [{ id: 'm', kind: 'mine', label: 'Mine', country: 'AU', position: { x: 0, y: 0 } }],
      edges: [], scenario: { name: 'Baseline', disruptions: [] }, notes: [],
    } as unknown as Board;
    await s.storage.saveSnapshot({
      id: 'old-snap', boardId: board.id, name: 'Old', author: 'an older server', createdAt: new Date(0).toISOString(),
      state: new Uint8Array([0, 0]), board: v1Board, exposure: computeExposure(v1Board),
    });
    const upgraded = { ...v1Board, version: 2, scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] } };
    const got = await api(s, 'GET', `/api/boards/${board.id}/snapshots/old-snap`, { token: f });
    expect(got.body.board).toEqual(upgraded);
    const compare = await api(s, 'GET', `/api/boards/${board.id}/compare?from=old-snap&to=live`, { token: f });
    expect(compare.body.diff.expansions.added.map((x: { id: string }) => x.id)).toEqual(['x1']);
    const fork = await api(s, 'POST', `/api/boards/${board.id}/snapshots/old-snap/fork`, { token: f, body: { title: 'Old plan' } });
    expect(fork.status).toBe(201);
    expect(await exportOf(fork.body.id, fork.body.tokens.viewer)).toEqual(upgraded);
    expect((await api(s, 'POST', `/api/boards/${board.id}/snapshots/old-snap/restore`, { token: f, body: {} })).status).toBe(200);
    expect(await exportOf(board.id, f)).toEqual(upgraded);
  });
});
