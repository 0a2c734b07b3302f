/** Canvas for a workshop: notes shared between browsers, search flies to a node, readable text at the first zoom. */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Board } from '../../shared/board/types';
import { generateLargeBoard } from '../../shared/generate/large-board';
import { galliumBoard, importBoard, peopleOfTheSpec } from './support';

const join = peopleOfTheSpec();
const africa = () => JSON.parse(readFileSync('seeds/africa-corridors.json', 'utf8')) as Board;

/** The canvas zoom, from the viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  return page.locator('.react-flow__viewport').first().evaluate((el) => Number(/scale\(([\d.e-]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));
}

test('notes are shared: one person adds, writes and moves a note, the other sees it and deletes it', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, { ...galliumBoard(), notes: [] });
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await join(browser, 'Bo', '#c2185b', board.links.editor);

  await ada.page.getByRole('button', { name: 'Add note' }).click();
  const field = ada.page.getByRole('textbox', { name: 'Note text' });
  await expect(field).toBeFocused();
  await field.fill('Ask the port about the 2026 plan');
  await field.press('Control+Enter');
  const bosNote = bo.page.getByRole('note', { name: 'Note: Ask the port about the 2026 plan' });
  await expect(bosNote).toBeVisible();

  const adasNote = ada.page.getByRole('note', { name: 'Note: Ask the port about the 2026 plan' });
  const before = (await bosNote.boundingBox())!;
  const box = (await adasNote.boundingBox())!;
  await ada.page.mouse.move(box.x + 40, box.y + 60);
  await ada.page.mouse.down();
  await ada.page.mouse.move(box.x + 160, box.y + 140, { steps: 8 });
  await ada.page.mouse.up();
  await expect.poll(async () => (await bosNote.boundingBox())!.x).toBeGreaterThan(before.x + 30);

  await bosNote.getByRole('button', { name: 'Delete note' }).click();
  await expect(adasNote).toHaveCount(0);
  // Bo's own undo brings it back for everyone.
  await bo.page.keyboard.press('Control+z');
  await expect(adasNote).toBeVisible();
});

test('the search box (Ctrl+F) finds a node by country name and flies to it, selected', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  const target = galliumBoard().nodes.find((n) => n.country === 'IT')!;
  await ada.page.getByLabel('Supply graph canvas').click({ position: { x: 5, y: 300 } });
  await ada.page.keyboard.press('Control+f');
  const box = ada.page.getByRole('combobox', { name: 'Find a node' });
  await expect(box).toBeFocused();
  await box.fill('Italy');
  await expect(ada.page.getByRole('option', { name: new RegExp(target.label) })).toBeVisible();
  await box.press('Enter');
  const card = ada.page.getByTestId(`node-${target.id}`);
  await expect(card).toHaveClass(/ls-node--selected/);
  await expect.poll(() => zoomOf(ada.page)).toBeGreaterThanOrEqual(1);
  // Centred: the card's middle is near the middle of the canvas.
  await expect.poll(async () => {
    const c = (await card.boundingBox())!;
    const pane = (await ada.page.locator('.react-flow').first().boundingBox())!;
    return Math.abs(c.x + c.width / 2 - (pane.x + pane.width / 2)) + Math.abs(c.y + c.height / 2 - (pane.y + pane.height / 2));
  }).toBeLessThan(40);
});

test('in a browser set to Italian, the search finds Chinese nodes by "Cina" and names the country in Italian', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(() => localStorage.setItem('lodestone.identity', JSON.stringify({ name: 'Gia', color: '#2f5cd6' })));
    const page = await context.newPage();
    await page.goto(board.links.editor);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
    const box = page.getByRole('combobox', { name: 'Cerca un nodo' });
    await box.fill('Cina');
    const options = page.getByRole('listbox', { name: 'Nodi trovati' }).getByRole('option');
    await expect(options).toHaveCount(2);
    await expect(options.first()).toContainText('Bayer alumina (CN)');
    await expect(options.first()).toContainText('CN Cina');
    await box.fill('China');
    await expect(options).toHaveCount(2);
  } finally {
    await context.close();
  }
});

test('on a dense board that opens in the far layer, the first search flies to the node and stays there', async ({ browser, baseURL }) => {
  const large = generateLargeBoard({ nodes: 600, seed: 3 });
  const board = await importBoard(baseURL!, large);
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.editor);
  await expect(ada.page.locator('.ls-canvas--far-layer')).toBeVisible({ timeout: 30_000 });
  const target = large.nodes[300];
  const box = ada.page.getByRole('combobox', { name: 'Find a node' });
  await box.fill(target.label);
  await box.press('Enter');
  await expect(ada.page.getByTestId(`node-${target.id}`)).toBeVisible();
  await expect.poll(() => zoomOf(ada.page)).toBeGreaterThanOrEqual(1);
  // React Flow's own first fit, queued until cards were measured, used to undo the fly once the cards showed.
  await ada.page.waitForTimeout(1500);
  expect(await zoomOf(ada.page)).toBeGreaterThanOrEqual(1);
  await expect(ada.page.getByTestId(`node-${target.id}`)).toBeInViewport();
});

async function openAt(browser: Browser, url: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => localStorage.setItem('lodestone.identity', JSON.stringify({ name: 'Reader', color: '#2f5cd6' })));
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
}

for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
  test(`at the first zoom on ${width}x${height}, card titles and flow labels are at least 9 px on screen and labels do not overlap`, async ({ browser, baseURL }, testInfo) => {
    const board = await importBoard(baseURL!, africa());
    const page = await openAt(browser, board.links.editor, width, height);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.waitForTimeout(800);
    const zoom = await zoomOf(page);
    const sizes = await page.locator('.ls-canvas').first().evaluate((root) => {
      const visible = (el: Element) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
      };
      const titles = [...root.querySelectorAll('.ls-node__label, .ls-node__compact-label')].filter(visible);
      const labels = [...root.querySelectorAll('.ls-edge-label')].filter(visible);
      return {
        titles: titles.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
        labels: labels.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
        boxes: labels.map((el) => el.getBoundingClientRect().toJSON() as { left: number; top: number; right: number; bottom: number }),
      };
    });
    await page.screenshot({ path: testInfo.outputPath(`board-${width}x${height}.png`) });
    expect(sizes.titles.length).toBeGreaterThanOrEqual(africa().nodes.length);
    for (const px of sizes.titles) expect(px * zoom).toBeGreaterThanOrEqual(9);
    expect(sizes.labels.length).toBeGreaterThan(0);
    for (const px of sizes.labels) expect(px * zoom).toBeGreaterThanOrEqual(9);
    const overlaps = sizes.boxes.flatMap((a, i) => sizes.boxes.slice(i + 1).filter((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));
    expect(overlaps).toEqual([]);

    // The legend explains the marks.
    await page.getByRole('button', { name: 'Legend' }).click();
    await expect(page.getByRole('region', { name: 'Legend' })).toContainText('Red dashes');
    await page.screenshot({ path: testInfo.outputPath(`board-legend-${width}x${height}.png`) });
    await page.context().close();
  });
}

test('at 1440x900 and 1024x768 the canvas toolbar and the "After rerouting" switch do not cover each other', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, africa());
  const ada = await join(browser, 'Ada', '#2f5cd6', board.links.facilitator);
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
    await ada.page.setViewportSize(size);
    const switchBox = (await ada.page.getByTestId('reroute-toggle').locator('xpath=..').boundingBox())!;
    const controls = ada.page.locator('.ls-toolbar button, .ls-toolbar input');
    const boxes = await controls.evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, name: el.textContent || el.getAttribute('aria-label') || '' }; }));
    expect(boxes.length).toBeGreaterThan(5);
    for (const b of boxes) {
      const apart = b.x + b.width <= switchBox.x || switchBox.x + switchBox.width <= b.x || b.y + b.height <= switchBox.y || switchBox.y + switchBox.height <= b.y;
      expect(apart, `${size.width}x${size.height}: "${b.name}" under the switch`).toBe(true);
    }
    // The facilitator's header button keeps to one line.
    const summon = (await ada.page.getByRole('button', { name: 'Bring everyone to me' }).boundingBox())!;
    expect(summon.height, `${size.width}x${size.height}: summon button height`).toBeLessThan(40);
  }
});
