/** Workshop-ready, the room side (issue 16): offline shell, slides, help, toasts, fork; screenshots (board, exposure summary, slide, compare, help) at 1440x900 and 1024x768. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as join_ } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { Board } from '../../shared/board/types';
import { freePort, killAllChildren, startChildServer, type ChildServer } from '../utils/child-server';
import { galliumBoard, importBoard, peopleOfTheSpec, person } from './support';

const join = peopleOfTheSpec();

const SIZES = [{ width: 1440, height: 900 }, { width: 1024, height: 768 }] as const;

/** The Allied refiners seed (first lever on unless told): long consumer names, several minerals, a shortfall. */
function alliedBoard(leverOn = true): Board {
  const board = JSON.parse(readFileSync(join_(import.meta.dirname, '../../seeds/allied-refiners.json'), 'utf8')) as Board;
  board.scenario.disruptions[0].enabled = leverOn;
  return board;
}

async function shot(page: Page, testInfo: import('@playwright/test').TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Opens a person at a screen size. */
async function at(browser: Browser, name: string, url: string, size: { width: number; height: number }): Promise<Page> {
  const p = await join(browser, name, '#2f5cd6', url);
  await p.page.setViewportSize(size);
  return p.page;
}

/** Each element is inside the window and not hidden by a scroll box or another element (its centre is hit). */
async function expectAllInViewport(items: Locator): Promise<number> {
  const problems = await items.evaluateAll((els) =>
    els.flatMap((el) => {
      const r = el.getBoundingClientRect();
      const inside = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth + 0.5 && r.bottom <= window.innerHeight + 0.5;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return inside && hit && (hit === el || el.contains(hit)) ? [] : [`${el.textContent} at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`];
    }),
  );
  expect(problems).toEqual([]);
  return items.count();
}

/** The texts' boxes do not overlap each other. */
async function expectNoOverlap(items: Locator): Promise<void> {
  const boxes = await items.evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', ...el.getBoundingClientRect().toJSON() as DOMRect })));
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlapping.push(`${a.text} / ${b.text}`);
    }
  }
  expect(overlapping).toEqual([]);
}

async function saveSnapshotByApi(baseURL: string, id: string, token: string, name: string): Promise<void> {
  const res = await fetch(`${baseURL}/api/boards/${id}/snapshots`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name, author: 'Fran' }) });
  expect(res.status).toBe(201);
}

for (const size of SIZES) {
  test(`a slide shows every figure within the window, chart labels short and apart (${size.width}x${size.height})`, async ({ browser, baseURL }, testInfo) => {
    const board = await importBoard(baseURL!, alliedBoard());
    await saveSnapshotByApi(baseURL!, board.id, board.tokens.facilitator, 'Gallium and germanium stop');
    const fran = await at(browser, 'Fran', board.links.facilitator, size);
    await fran.screenshot({ path: testInfo.outputPath(`board-${size.width}x${size.height}.png`) });
    await testInfo.attach(`board ${size.width}x${size.height}`, { path: testInfo.outputPath(`board-${size.width}x${size.height}.png`), contentType: 'image/png' });
    // The exposure summary (the side panel's first view) as the room sees it.
    const summary = fran.getByTestId('exposure-summary');
    await expect(summary).toBeVisible();
    await expect(summary).not.toContainText('updating');
    await shot(fran, testInfo, `exposure-summary-${size.width}x${size.height}`);
    await fran.getByRole('tab', { name: 'Facilitator' }).click();
    await fran.getByRole('button', { name: 'Present…' }).click();
    await fran.getByRole('button', { name: /Start presentation/ }).click();
    const slide = fran.getByRole('dialog', { name: 'Presentation' });
    await expect(slide.getByRole('heading', { name: 'Gallium and germanium stop' })).toBeVisible();
    await expect(slide.locator('[data-testid^="slide-figure-"]').first()).toBeVisible();
    await expect(slide.getByTestId('slide-chart').locator('.ls-consumer-tick__line').first()).toBeVisible();
    const figures = await expectAllInViewport(slide.locator('[data-testid^="slide-figure-"] td, [data-testid^="slide-figure-"] th'));
    expect(figures).toBeGreaterThanOrEqual(4 * 3);
    const ticks = slide.getByTestId('slide-chart').locator('.ls-consumer-tick__line');
    for (const text of await ticks.allTextContents()) expect(text.length).toBeLessThanOrEqual(20);
    await expectNoOverlap(ticks);
    await expectAllInViewport(ticks);
    await shot(fran, testInfo, `slide-${size.width}x${size.height}`);
  });

  test(`compare: chart labels apart, consumer and delta columns stay in view while the table scrolls (${size.width}x${size.height})`, async ({ browser, baseURL }, testInfo) => {
    const seed = alliedBoard(false);
    const board = await importBoard(baseURL!, seed);
    await saveSnapshotByApi(baseURL!, board.id, board.tokens.facilitator, 'Baseline');
    const fran = await at(browser, 'Fran', board.links.facilitator, size);
    await fran.getByRole('tab', { name: 'Levers' }).click();
    await fran.getByLabel(`Enable ${seed.scenario.disruptions[0].label}`).check();
    await fran.getByRole('tab', { name: 'Facilitator' }).click();
    await fran.getByRole('button', { name: 'Compare "Baseline" with the live board' }).click();
    const view = fran.getByRole('region', { name: /Comparing Baseline/ });
    const ticks = view.getByTestId('shortfall-chart').locator('.ls-consumer-tick__line');
    await expect(ticks.first()).toBeVisible();
    for (const text of await ticks.allTextContents()) expect(text.length).toBeLessThanOrEqual(20);
    await expectNoOverlap(ticks);
    const wrap = view.locator('.ls-fac-deltas .ls-fac-table-wrap');
    await wrap.scrollIntoViewIfNeeded();
    await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const row = view.locator('[data-testid^="delta-"]').first();
    await row.scrollIntoViewIfNeeded();
    await expectAllInViewport(row.locator('th[scope="row"], [data-field="delivered-delta"], [data-field="shortfall-delta"], td:has([data-field="survives-after"])'));
    await shot(fran, testInfo, `compare-${size.width}x${size.height}`);
  });

  test(`the help dialog fits the screen and shows what each key does (${size.width}x${size.height})`, async ({ browser, baseURL }, testInfo) => {
    const board = await importBoard(baseURL!, galliumBoard());
    const ed = await at(browser, 'Ed', board.links.editor, size);
    await ed.getByRole('button', { name: 'Help' }).click();
    const dialog = ed.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    const cut = await dialog.locator('.ls-help__table td').evaluateAll((cells, right) =>
      cells.filter((c) => c.getBoundingClientRect().right > (right as number) + 0.5 || c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent), box.x + box.width);
    expect(cut).toEqual([]);
    // The dialog scrolls inside: its last row can be reached.
    const last = dialog.locator('.ls-help__table tbody tr').last();
    await last.scrollIntoViewIfNeeded();
    await expectAllInViewport(last.locator('td'));
    await shot(ed, testInfo, `help-${size.width}x${size.height}`);
  });
}

test('a toast names who arranged the board; the one who arranged gets Undo', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await join(browser, 'Bo', '#c2185b', board.links.editor);
  // The L shortcut (the canvas toolbar button is the same command).
  await ada.page.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
  await ada.page.keyboard.press('l');
  await expect(bo.page.getByTestId('activity-toast')).toHaveText(/Ada arranged the board by stage\./);
  await expect(bo.page.getByTestId('activity-toast').getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const mine = ada.page.getByTestId('activity-toast');
  await expect(mine).toContainText('You arranged the board by stage.');
  await mine.getByRole('button', { name: 'Undo' }).click();
  await expect(mine).toHaveCount(0);
});

/** No toast after the next two frames (counted once: a retrying assertion would wait for a shown toast to time out). */
async function expectNoToastNow(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.getByTestId('activity-toast').count()).toBe(0);
}

test('a lever change by someone else shows a toast naming them to whoever looks at that lever, and to no one else', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const label = 'China gallium export ban';
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await join(browser, 'Bo', '#c2185b', board.links.editor);
  const cy = await join(browser, 'Cy', '#2e7d32', board.links.editor);
  // Bo looks at the lever (opened from the Levers tab into the inspector); Cy stays on the Exposure tab.
  await bo.page.getByRole('tab', { name: 'Levers' }).click();
  await bo.page.getByRole('button', { name: `Edit ${label}` }).click();
  await expect(bo.page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(cy.page.getByRole('tab', { name: 'Exposure' })).toHaveAttribute('aria-selected', 'true');
  await ada.page.getByRole('tab', { name: 'Levers' }).click();
  const enable = ada.page.getByLabel(`Enable ${label}`);
  await enable.check();
  const boToast = bo.page.getByTestId('activity-toast');
  await expect(boToast).toHaveText(`Ada switched on "${label}".×`);
  await expect(boToast).toHaveAttribute('data-type', 'lever');
  await expect(ada.page.getByTestId('activity-toast')).toHaveCount(0);
  // Cy's board has the change but no toast; opening the Levers tab afterwards does not bring back old news.
  await expect.poll(() => cy.page.evaluate(() => (window as unknown as { __lodestone?: { state?: { board: Board } } }).__lodestone?.state?.board.scenario.disruptions[0].enabled)).toBe(true);
  await expectNoToastNow(cy.page);
  await cy.page.getByRole('tab', { name: 'Levers' }).click();
  await expect(cy.page.getByLabel(`Enable ${label}`)).toBeChecked();
  await expectNoToastNow(cy.page);
  // Cy is looking now (the Levers tab lists every lever): the next change is told, and in the right words.
  await enable.uncheck();
  await expect(cy.page.getByTestId('activity-toast')).toHaveText(`Ada switched off "${label}".×`);
  await expect(boToast).toHaveText(`Ada switched off "${label}".×`);
});

test('Fork asks first and opens the fork in a new tab; the facilitator\'s tab stays on the board', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  await saveSnapshotByApi(baseURL!, board.id, board.tokens.facilitator, 'Baseline');
  const fran = await join(browser, 'Fran', '#2f5cd6', board.links.facilitator);
  await fran.page.getByRole('tab', { name: 'Facilitator' }).click();
  await fran.page.getByRole('button', { name: 'Fork "Baseline" into a new board' }).click();
  const confirm = fran.page.getByRole('group', { name: 'Confirm forking "Baseline"' });
  await expect(confirm).toContainText('opens in a new tab');
  const [tab] = await Promise.all([fran.context.waitForEvent('page'), confirm.getByRole('button', { name: 'Fork and open in a new tab' }).click()]);
  await expect(tab.locator('.board-title')).toContainText('fork of Baseline');
  await expect(fran.page.locator('.board-title')).toHaveText('E2E gallium');
  await tab.close();
});

test('the side panel can be hidden for a projector, and stays hidden after a reload', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const page = await at(browser, 'Ed', board.links.editor, { width: 1024, height: 768 });
  const canvas = page.locator('.board-canvas');
  const before = (await canvas.boundingBox())!.width;
  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Exposure' })).toHaveCount(0);
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(before + 250);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the side panel' })).toBeVisible();
  await page.getByRole('button', { name: 'Show the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Exposure' })).toBeVisible();
});

test.describe('offline shell', () => {
  let dir: string;
  let server: ChildServer | null = null;
  test.beforeAll(() => {
    dir = mkdtempSync(join_(tmpdir(), 'lodestone-e2e-offline-'));
  });
  test.afterAll(async () => {
    await killAllChildren();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a reload with the server stopped shows the board from the offline copy', async ({ browser }, testInfo) => {
    const port = await freePort();
    server = await startChildServer({ PORT: String(port), LODESTONE_DB: join_(dir, 'offline.db'), LOG_LEVEL: 'warn', LODESTONE_SECRET: 'e2e-secret-of-sufficient-length' });
    const board = await importBoard(server.url, galliumBoard());
    const ada = await person(browser, 'Ada', '#2f5cd6', server.url + board.links.editor);
    try {
      const page = ada.page;
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
      await expect(page.locator('.react-flow__node', { hasText: 'Italian fabs' })).toBeVisible();
      // The service worker controls the page once it has kept the shell.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
      server.child.kill('SIGKILL');
      await server.exited;
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
      await page.reload();
      await expect(page.locator('.react-flow__node', { hasText: 'Italian fabs' })).toBeVisible();
      await expect(page.getByTestId('connection-banner')).toHaveText('Offline: your edits are kept on this device and will be sent when the connection returns.');
      await page.screenshot({ path: testInfo.outputPath('offline-board.png') });
    } finally {
      await ada.context.close();
    }
  });
});
