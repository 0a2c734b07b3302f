import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/board/types';
import { api, waitFor } from '../../utils/server-harness';
import { useSessionsOnServer } from '../../utils/sessions-on-server';
import { describeLostEdits } from '../../../client/sync/lost-edit-words';
import { intlIn } from '../../utils/intl';

const board: Board = {
  format: 'lodestone.board', version: 2, title: 'Offline conflicts',
  nodes: [
    { id: 'mine', kind: 'mine', label: 'Mine', country: 'CN', position: { x: 0, y: 0 }, capacity: { gallium: 100 } },
    { id: 'fab', kind: 'consumer', label: 'Fab', country: 'IT', position: { x: 300, y: 0 }, demand: { gallium: 50 } },
  ],
  edges: [{ id: 'e1', from: 'mine', to: 'fab', mineral: 'gallium', volume: 40 }],
  scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] },
  notes: [],
};

describe('offline edits overwritten by others are named after the reconnect', () => {
  const { server, open } = useSessionsOnServer();

  it('names a field someone else changed and a card someone else deleted; keeps quiet about edits that survived', async () => {
    const created = await api(server(), 'POST', '/api/boards/import', { body: board });
    expect(created.status).toBe(201);
    const ada = await open(created.body.id, created.body.tokens.editor, 'Ada');
    const bo = await open(created.body.id, created.body.tokens.editor, 'Bo');

    ada.disconnect();
    await waitFor(() => ada.getState().status === 'offline', 5000, 'Ada offline');
    ada.actions.updateEdge('e1', { volume: 45 });
    ada.actions.updateNode('mine', { label: 'Ada mine' });
    ada.actions.updateNode('fab', { label: 'Ada fab' });
    bo.actions.updateNode('mine', { label: 'Bo mine' });
    bo.actions.deleteItems(['fab']);
    await waitFor(async () => (await api(server(), 'GET', `/api/boards/${created.body.id}/export`, { token: created.body.tokens.viewer })).body.nodes.length === 1, 5000, 'Bo on the server');

    ada.reconnect();
    await waitFor(() => ada.getState().synced === true, 10_000, 'Ada back');
    const lost = describeLostEdits(await intlIn('en'), ada.getState().lostEdits ?? []);
    expect(lost).toContain('The card you edited (fab) was deleted by someone else.');
    // The same field set concurrently: Yjs keeps one of the two values; Ada hears of it only when hers lost.
    const mineLabel = ada.getState().board.nodes.find((n) => n.id === 'mine')!.label;
    expect(lost.includes('Your change to the label of card "Bo mine" was changed by someone else.')).toBe(mineLabel === 'Bo mine');
    expect(lost.some((line) => line.includes('volume'))).toBe(false);
    expect(bo.getState().lostEdits).toBeUndefined();
    ada.dismissLostEdits();
    await waitFor(() => ada.getState().lostEdits === undefined, 1000, 'dismissed');
  });
});
