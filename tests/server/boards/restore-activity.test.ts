import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseDetail, readActivity } from '../../../shared/board/activity';
import { ACTIVITY_MAP } from '../../../shared/board/doc-schema';
import type { Board } from '../../../shared/board/types';
import { api, connectClient, startTestServer, waitFor, type TestServer } from '../../utils/server-harness';

const board = (enabled: boolean): Board => ({
  format: 'lodestone.board', version: 2, title: 'Restore activity',
  nodes: [{ id: 'mine', kind: 'mine', label: 'Mine', country: 'CN', position: { x: 0, y: 0 }, capacity: { gallium: 100 } }],
  edges: [],
  scenario: { name: 'Baseline', disruptions: [{ id: 'ban', label: 'Ban', enabled, target: { country: 'CN' }, minerals: ['gallium'], factor: 0, days: 90 }], expansions: [], priceFloors: [] },
  notes: [],
});

describe('restore tells everyone and names its backup once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it('records who restored which snapshot and how many levers it switched off; backups do not nest their names', async () => {
    const created = await api(server, 'POST', '/api/boards/import', { body: board(false) });
    const { id, tokens } = created.body;
    const f = tokens.facilitator;
    const baseline = await api(server, 'POST', `/api/boards/${id}/snapshots`, { token: f, body: { name: 'Baseline', author: 'Fran' } });
    const client = connectClient(server.wsUrl, id, tokens.editor);
    try {
      await client.synced();
      (client.doc.getMap('disruptions').get('ban') as Y.Map<unknown>).set('enabled', true);
      await waitFor(async () => (await api(server, 'GET', `/api/boards/${id}/export`, { token: tokens.viewer })).body.scenario.disruptions[0].enabled === true, 5000, 'lever on');

      const first = await api(server, 'POST', `/api/boards/${id}/snapshots/${baseline.body.id}/restore`, { token: f, body: { author: 'Fran' } });
      expect(first.status).toBe(200);
      expect(first.body.backup.name).toBe('Before restoring "Baseline"');
      await waitFor(() => [...client.doc.getMap(ACTIVITY_MAP).keys()].length === 1, 5000, 'activity arrives');
      const [[key, value]] = [...client.doc.getMap(ACTIVITY_MAP).entries()];
      const entry = readActivity(key, value)!;
      expect(entry).toMatchObject({ type: 'restore', by: 'Fran' });
      expect(parseDetail(entry.detail)).toEqual({ name: 'Baseline', leversOff: 1 });

      const second = await api(server, 'POST', `/api/boards/${id}/snapshots/${first.body.backup.id}/restore`, { token: f, body: { author: 'Fran' } });
      expect(second.body.backup.name).toBe('Before restoring "Baseline"');
    } finally {
      client.destroy();
    }
  });
});
