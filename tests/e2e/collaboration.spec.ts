import { expect, test, type Page } from '@playwright/test';
import { computeExposure } from '../../shared/exposure/engine';
import { connectByDrag, exportBoard, galliumBoard, importBoard, peopleOfTheSpec, person, type Person } from './support';

const join = peopleOfTheSpec();

async function open(browser: Parameters<typeof person>[0], name: string, color: string, url: string): Promise<Person> {
  const p = await join(browser, name, color, url);
  await expect(p.page.getByTestId('node-cn-ref')).toBeVisible();
  return p;
}

const node = (page: Page, text: string) => page.locator('.react-flow__node').filter({ hasText: text });

test('two people co-edit a board: nodes, flows, levers, exposure, cursors and undo', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const ada = await open(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await open(browser, 'Bo', '#c2185b', board.links.editor);

  // A adds a node and connects it to the consumer; B sees both.
  await ada.page.getByRole('button', { name: 'Add mine' }).click();
  await expect(node(ada.page, 'New mine')).toBeVisible();
  await node(ada.page, 'New mine').dragTo(ada.page.getByLabel('Supply graph canvas'), { targetPosition: { x: 300, y: 620 } });
  await connectByDrag(ada.page, node(ada.page, 'New mine'), node(ada.page, 'Italian fabs'), 'gallium', 25);
  await expect(node(bo.page, 'New mine')).toBeVisible();
  await expect(bo.page.locator('[data-testid^="edge-"]').filter({ hasText: /gallium · 25|Ga 25/ })).toBeVisible();

  // B pulls the gallium lever; A's exposure panel shows the engine's numbers for that board.
  await bo.page.getByRole('tab', { name: 'Levers' }).click();
  await bo.page.getByLabel('Enable China gallium export ban').check();
  await ada.page.getByRole('tab', { name: 'Exposure' }).click();
  const live = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  expect(live.scenario.disruptions[0].enabled).toBe(true);
  const expected = computeExposure(live).minerals.gallium.consumers['it-fab'];
  const card = ada.page.getByTestId('exposure-gallium-it-fab');
  for (const field of ['delivered', 'shortfall', 'stockDays', 'disruptionDays', 'survives'] as const) {
    await expect(card.locator(`[data-field="${field}"]`).first()).toHaveAttribute('data-value', JSON.stringify(expected[field]));
  }
  expect(expected.shortfall).toBeGreaterThan(0);

  // Each sees the other's cursor.
  const canvasBox = (await ada.page.getByLabel('Supply graph canvas').boundingBox())!;
  await ada.page.mouse.move(canvasBox.x + 500, canvasBox.y + 500, { steps: 5 });
  await expect(bo.page.locator('[data-testid^="cursor-"]').filter({ hasText: 'Ada' })).toBeVisible();
  const boBox = (await bo.page.getByLabel('Supply graph canvas').boundingBox())!;
  await bo.page.mouse.move(boBox.x + 450, boBox.y + 420, { steps: 5 });
  await expect(ada.page.locator('[data-testid^="cursor-"]').filter({ hasText: 'Bo' })).toBeVisible();

  // A's undo removes only A's change.
  await bo.page.getByRole('button', { name: 'Add refinery' }).click();
  await expect(node(ada.page, 'New refinery')).toBeVisible();
  await ada.page.getByRole('button', { name: 'Add stockpile' }).click();
  await expect(node(bo.page, 'New stockpile')).toBeVisible();
  await ada.page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(bo.page, 'New stockpile')).toHaveCount(0);
  await expect(node(ada.page, 'New stockpile')).toHaveCount(0);
  await expect(node(ada.page, 'New refinery')).toBeVisible();
  await expect(node(bo.page, 'New refinery')).toBeVisible();
});

test('a viewer link shows the board read-only and cannot change it', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const before = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  const vic = await open(browser, 'Vic', '#5e8c31', board.links.viewer);
  await expect(vic.page.locator('.board-readonly')).toHaveText('View only');
  await expect(vic.page.getByRole('button', { name: 'Add mine' })).toHaveCount(0);
  await vic.page.getByTestId('node-cn-ref').click();
  await vic.page.keyboard.press('Delete');
  await expect(vic.page.getByLabel('Label')).toBeDisabled();
  await vic.page.getByRole('tab', { name: 'Levers' }).click();
  await expect(vic.page.getByLabel('Enable China gallium export ban')).toBeDisabled();
  await expect(vic.page.getByTestId('node-cn-ref')).toBeVisible();
  // Even a write forced through the page's own client is dropped by the server.
  await vic.page.evaluate(() => (window as unknown as { __lodestone: { actions: { setTitle(t: string): void } } }).__lodestone.actions.setTitle('Hijacked'));
  const ed = await open(browser, 'Ed', '#c8692d', board.links.editor);
  await expect(ed.page.locator('.board-title')).toHaveText('E2E gallium');
  expect(await exportBoard(baseURL!, board.id, board.tokens.viewer)).toEqual(before);
});

test('edits made while cut off are kept (also across a reload) and reach the others on reconnect', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const ada = await open(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await open(browser, 'Bo', '#c2185b', board.links.editor);

  await ada.cut();
  await expect(ada.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await ada.page.getByRole('button', { name: 'Add recycler' }).click();
  await expect(node(ada.page, 'New recycler')).toBeVisible();
  await expect(node(bo.page, 'New recycler')).toHaveCount(0);

  // Reload while still cut off: the edit comes back from IndexedDB.
  await ada.page.reload();
  await expect(node(ada.page, 'New recycler')).toBeVisible();
  await expect(ada.page.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'connected');

  ada.reconnect();
  await expect(ada.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 15_000 });
  await expect(node(bo.page, 'New recycler')).toBeVisible();
  const live = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  expect(live.nodes.some((n) => n.label === 'New recycler')).toBe(true);
});
