/** The analyst's view in a real browser: rerouting, stockpile sizing, the CRMA dashboard and price floors, each against the shared engine. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Board } from '../../shared/board/types';
import { computeExposure } from '../../shared/exposure/engine';
import { connectByDrag, exportBoard, importBoard, peopleOfTheSpec } from './support';

const join = peopleOfTheSpec();
const seed = (name: string) => JSON.parse(readFileSync(`seeds/${name}.json`, 'utf8')) as Board;

/** Kolwezi ore to Italy through Suez, which is closed; the Cape route to Italy exists, the mine has no road to it yet. */
function suezBoard(): Board {
  const at = (x: number, y: number) => ({ x, y });
  return {
    format: 'lodestone.board', version: 2, title: 'E2E rerouting',
    nodes: [
      { id: 'mine', kind: 'mine', label: 'Kolwezi', country: 'CD', position: at(0, 100), capacity: { cobalt: 200 } },
      { id: 'suez', kind: 'transport', label: 'Suez', country: 'EG', position: at(340, -60) },
      { id: 'cape', kind: 'transport', label: 'Cape route', country: 'ZA', position: at(340, 300), capacity: { cobalt: 60 } },
      { id: 'it', kind: 'consumer', label: 'Italian industry', country: 'IT', position: at(700, 100), demand: { cobalt: 100 } },
    ],
    edges: [
      { id: 'm-s', from: 'mine', to: 'suez', mineral: 'cobalt', volume: 100 },
      { id: 's-it', from: 'suez', to: 'it', mineral: 'cobalt', volume: 100 },
      { id: 'c-it', from: 'cape', to: 'it', mineral: 'cobalt', volume: 0, capacity: 60 },
    ],
    scenario: { name: 'Baseline', disruptions: [{ id: 'shut', label: 'Suez closed', enabled: true, target: { node: 'suez' }, factor: 0, days: 90 }], expansions: [], priceFloors: [] },
    notes: [],
  };
}

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);

test('A draws an alternative route with a capacity; B, after rerouting, sees its flow and the engine\'s adapted shortfall', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, suezBoard());
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await join(browser, 'Bo', '#c2185b', board.links.editor);
  await expect(node(ada.page, 'cape')).toBeVisible();

  await connectByDrag(ada.page, node(ada.page, 'mine').locator('xpath=..'), node(ada.page, 'cape').locator('xpath=..'), 'cobalt', 0);
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).edges.length).toBe(4);
  const added = (await exportBoard(baseURL!, board.id, board.tokens.viewer)).edges.find((e) => e.from === 'mine' && e.to === 'cape')!;
  // Select the new flow by clicking on it (its label lets clicks through to the path), then give it a capacity and a delay.
  const label = (await ada.page.getByTestId(`edge-${added.id}`).boundingBox())!;
  await ada.page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
  const capacity = ada.page.getByLabel('Route capacity (t/yr)');
  await capacity.fill('60');
  await capacity.press('Enter');
  const delay = ada.page.getByLabel('Delay (days)');
  await delay.fill('12');
  await delay.press('Enter');
  await expect(ada.page.getByTestId('alternative-route')).toContainText('60 t/yr');

  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).edges.find((e) => e.id === added.id)?.delayDays).toBe(12);
  const live = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  const reroute = computeExposure(live).minerals.cobalt.reroute!;
  expect(reroute.flows[added.id]).toBeGreaterThan(0);
  expect(reroute.consumers.it.shortfall).toBeLessThan(100);

  await bo.page.getByTestId('reroute-toggle').check();
  await expect(bo.page.getByTestId('reroute-legend')).toHaveAttribute('data-pending', 'false');
  await expect(bo.page.getByTestId(`edge-${added.id}`)).toHaveAttribute('data-rerouted', String(reroute.flows[added.id]));
  // The alternative route lights up: no longer drawn as an unused (grey dashed) route.
  await expect(bo.page.locator(`path[id="${added.id}"]`)).not.toHaveAttribute('data-alternative', 'true');
  await expect(bo.page.getByTestId('reroute-legend').locator('[data-field="delayGap"]')).toHaveAttribute('data-value', JSON.stringify(reroute.delayGap));
  const card = bo.page.getByTestId('exposure-cobalt-it');
  await expect(card.locator('[data-field="reroutedShortfall"]')).toHaveAttribute('data-value', JSON.stringify(reroute.consumers.it.shortfall));
  await expect(card.locator('.adapted-table')).toHaveAttribute('data-pending', 'false');
});

test('the stress-test chart shows the engine\'s pooled and separate stock', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, seed('gallium-germanium'));
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.facilitator);
  const live = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  const stress = computeExposure(live).minerals.gallium.stressTest!;
  await ada.page.getByRole('tab', { name: /gallium/ }).click();
  const view = ada.page.getByTestId('stress-gallium');
  await expect(view.locator('[data-field="pooledStock"]')).toHaveAttribute('data-value', JSON.stringify(stress.pooledStock));
  await expect(view.locator('[data-field="separateStock"]')).toHaveAttribute('data-value', JSON.stringify(stress.separateStock));
  await expect(view.locator('[data-field="poolingGain"]')).toHaveAttribute('data-value', JSON.stringify(stress.poolingGain));
  await expect(view.locator('.recharts-rectangle').first()).toBeVisible();

  // The facilitator sizes the Italian store for these scenarios in one step, and undoes it.
  const store = live.nodes.find((n) => n.id === 'italian-strategic-store')!;
  await view.getByLabel('Stockpile to size').selectOption('italian-strategic-store');
  await view.getByRole('button', { name: 'Add the pooled stock to this stockpile' }).click();
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).nodes.find((n) => n.id === store.id)?.stock?.gallium)
    .toBeCloseTo((store.stock?.gallium ?? 0) + stress.pooledStock, 9);
  await ada.page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).nodes.find((n) => n.id === store.id)?.stock?.gallium).toBe(store.stock?.gallium);
});

test('the CRMA dashboard flips to met when A raises an EU refinery\'s capacity past the benchmark', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, seed('gallium-germanium'));
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await join(browser, 'Bo', '#c2185b', board.links.editor);
  await bo.page.getByRole('tab', { name: /gallium/ }).click();
  const processing = bo.page.getByTestId('crma-gallium').locator('[data-benchmark="processing"]');
  await expect(processing).toHaveAttribute('data-met', 'false');
  await expect(processing).toContainText('not met');

  await node(ada.page, 'metlen-gallium').click();
  await ada.page.getByRole('button', { name: 'Add capacity row' }).click();
  await ada.page.getByLabel('New capacity mineral').fill('gallium');
  await ada.page.getByLabel('New capacity amount (t/yr)').fill('30');
  await ada.page.getByRole('form', { name: 'New capacity row' }).getByRole('button', { name: 'Add' }).click();

  await expect(processing).toHaveAttribute('data-met', 'true');
  await expect(processing).not.toContainText('not met');
  const live = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  const crma = computeExposure(live).minerals.gallium.crma!;
  expect(crma.meets.processing).toBe(true);
  await expect(processing.locator('[data-field="crma-processing"]')).toHaveAttribute('data-value', JSON.stringify(crma.processing));
});

test('a price floor switched on costs what the engine says', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, seed('rare-earth-magnets'));
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await join(browser, 'Bo', '#c2185b', board.links.editor);
  const floor = seed('rare-earth-magnets').scenario.priceFloors[0];
  await ada.page.getByRole('tab', { name: 'Levers' }).click();
  await ada.page.getByRole('region', { name: 'Price floors' }).getByRole('switch', { name: `Enable ${floor.label}` }).check();
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).scenario.priceFloors[0].enabled).toBe(true);
  const report = computeExposure(await exportBoard(baseURL!, board.id, board.tokens.viewer)).priceFloors.find((f) => f.id === floor.id)!;
  expect(report.annualCost).not.toBeNull();
  const row = bo.page.getByTestId('floor-costs').locator(`[data-floor="${floor.id}"]`);
  await expect(row.locator('[data-field="floor-cost"]')).toHaveAttribute('data-value', JSON.stringify(report.annualCost));
  await expect(row.locator('[data-field="floor-volume"]')).toHaveAttribute('data-value', JSON.stringify(report.volume));
});
