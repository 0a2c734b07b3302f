import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../shared/csv/csv';
import { computeExposure } from '../../shared/exposure/engine';
import { exportBoard, galliumBoard, importBoard, peopleOfTheSpec, person, saveSnapshot } from './support';

const join = peopleOfTheSpec();

async function facilitator(browser: Parameters<typeof person>[0], link: string): Promise<Page> {
  const fran = await join(browser, 'Fran', '#2f5cd6', link);
  await fran.page.getByRole('tab', { name: 'Facilitator' }).click();
  return fran.page;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
}

test('the facilitator saves two snapshots and compares them, with the engine exposure deltas', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const page = await facilitator(browser, board.links.facilitator);
  await saveSnapshot(page, 'Baseline');
  await page.getByRole('tab', { name: 'Levers' }).click();
  await page.getByLabel('Enable China gallium export ban').check();
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).scenario.disruptions[0].enabled).toBe(true);
  await page.getByRole('tab', { name: 'Facilitator' }).click();
  await saveSnapshot(page, 'Gallium ban');

  await page.getByLabel('Pick "Baseline" to compare').check();
  await page.getByLabel('Pick "Gallium ban" to compare').check();
  await page.getByRole('button', { name: 'Compare picked' }).click();
  const before = computeExposure(galliumBoard()).minerals.gallium.consumers['it-fab'];
  const after = computeExposure(await exportBoard(baseURL!, board.id, board.tokens.viewer)).minerals.gallium.consumers['it-fab'];
  const row = page.getByTestId('delta-gallium-it-fab');
  await expect(row.locator('[data-field="shortfall-before"]')).toHaveAttribute('data-value', JSON.stringify(before.shortfall));
  await expect(row.locator('[data-field="shortfall-after"]')).toHaveAttribute('data-value', JSON.stringify(after.shortfall));
  await expect(row.locator('[data-field="delivered-after"]')).toHaveAttribute('data-value', JSON.stringify(after.delivered));
  expect(after.shortfall).toBeGreaterThan(before.shortfall);
  await expect(page.getByRole('dialog').getByText('enabled', { exact: false }).first()).toBeVisible();
});

test('exports re-import to the same board and carry the engine numbers; a CSV import names every bad row', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const page = await facilitator(browser, board.links.facilitator);

  const json = JSON.parse(await download(page, 'Board file'));
  expect(json).toEqual(await exportBoard(baseURL!, board.id, board.tokens.viewer));
  const again = await importBoard(baseURL!, json);
  expect(await exportBoard(baseURL!, again.id, again.tokens.viewer)).toEqual(json);

  const csv = parseCsv(await download(page, 'Exposure CSV'));
  if (!('rows' in csv)) throw new Error('exposure CSV did not parse');
  const [header, ...rows] = csv.rows;
  const row = rows.find((r) => r[header.indexOf('consumer')] === 'it-fab')!;
  const engine = computeExposure(json).minerals.gallium.consumers['it-fab'];
  expect(Number(row[header.indexOf('delivered')])).toBe(engine.delivered);
  expect(Number(row[header.indexOf('supplied')])).toBe(engine.supplied);

  const nodes = [
    'id,kind,label,country,x,y',
    'ok-1,mine,Good mine,AU,0,500',
    'bad-1,volcano,Bad kind,AU,0,600',
    'bad-2,mine,Bad country,cn1,0,700',
  ].join('\n');
  await page.getByLabel('Nodes CSV').setInputFiles({ name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(nodes) });
  const problems = page.getByRole('table', { name: 'Problems in the CSV files' });
  await expect(problems.locator('tr[data-row="3"][data-column="kind"]')).toBeVisible();
  await expect(problems.locator('tr[data-row="4"][data-column="country"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});

test('a board file imported on the board page replaces the live board for everyone, undoably', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const page = await facilitator(browser, board.links.facilitator);
  const original = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  const edited = structuredClone(original);
  edited.nodes = edited.nodes.filter((n) => n.id !== 'eu-store');
  edited.edges = edited.edges.filter((e) => e.from !== 'eu-store' && e.to !== 'eu-store');
  edited.scenario.disruptions[0].enabled = true;
  await page.getByLabel('Board file to import').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await page.getByRole('button', { name: 'Replace the board with this file' }).click();
  await expect.poll(async () => exportBoard(baseURL!, board.id, board.tokens.viewer)).toEqual(edited);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(async () => exportBoard(baseURL!, board.id, board.tokens.viewer)).toEqual(original);
});
