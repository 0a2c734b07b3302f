import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/board/types';
import { api, waitFor } from '../../utils/server-harness';
import { useSessionsOnServer } from '../../utils/sessions-on-server';

const board: Board = {
  format: 'lodestone.board', version: 2, title: 'Activity',
  nodes: [{ id: 'mine', kind: 'mine', label: 'Mine', country: 'CN', position: { x: 0, y: 0 }, capacity: { gallium: 100 } }],
  edges: [],
  scenario: { name: 'Baseline', disruptions: [{ id: 'ban', label: 'Ban', enabled: false, target: { country: 'CN' }, minerals: ['gallium'], factor: 0, days: 90 }], expansions: [], priceFloors: [] },
  notes: [],
};

describe('shared actions reach the others with the name of who did them', () => {
  const { server, open } = useSessionsOnServer();

  it('arrange and a lever switched on are notices for both, marked mine only for the one who did it; latecomers get no old news', async () => {
    const created = await api(server(), 'POST', '/api/boards/import', { body: board });
    const { id, tokens } = created.body;
    const ada = await open(id, tokens.editor, 'Ada');
    const bo = await open(id, tokens.editor, 'Bo');
    ada.actions.arrange({ mine: { x: 10, y: 10 } });
    ada.actions.updateLever('ban', { enabled: true });
    await waitFor(() => (bo.getState().activity ?? []).length === 2, 5000, 'Bo told');
    expect(bo.getState().activity!.map((a) => [a.type, a.by, a.mine])).toEqual([['arrange', 'Ada', false], ['lever', 'Ada', false]]);
    await waitFor(() => (ada.getState().activity ?? []).length === 2, 5000, 'Ada told');
    expect(ada.getState().activity!.every((a) => a.mine)).toBe(true);
    const cy = await open(id, tokens.editor, 'Cy');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cy.getState().activity).toBeUndefined();
    bo.dismissActivity(bo.getState().activity![0].id);
    await waitFor(() => bo.getState().activity!.length === 1, 1000, 'dismissed');
  });
});
