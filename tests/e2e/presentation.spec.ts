import { expect, test, type Page } from '@playwright/test';
import { computeExposure } from '../../shared/exposure/engine';
import { exportBoard, galliumBoard, importBoard, peopleOfTheSpec, person, saveSnapshot } from './support';

const joinConnected = peopleOfTheSpec();

async function join(browser: Parameters<typeof person>[0], name: string, color: string, link: string): Promise<Page> {
  return (await joinConnected(browser, name, color, link)).page;
}

/** The zoom and the flow point at the centre of a page's live canvas. */
async function viewCenter(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.locator('.board-canvas .react-flow').evaluate((flow) => {
    const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport')!;
    const [tx, ty, zoom] = (viewport.style.transform.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
    const { width, height } = flow.getBoundingClientRect();
    return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom, zoom };
  });
}

test('a participant who follows the presenter sees each slide; "bring everyone" pulls the others; following a viewport', async ({ browser, baseURL }, testInfo) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const fran = await join(browser, 'Fran', '#2f5cd6', board.links.facilitator);
  await fran.getByRole('tab', { name: 'Facilitator' }).click();
  await saveSnapshot(fran, 'Baseline');
  await fran.getByRole('tab', { name: 'Levers' }).click();
  await fran.getByLabel('Enable China gallium export ban').check();
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).scenario.disruptions[0].enabled).toBe(true);
  const banned = await exportBoard(baseURL!, board.id, board.tokens.viewer);
  await fran.getByRole('tab', { name: 'Facilitator' }).click();
  await saveSnapshot(fran, 'Gallium ban');

  const ben = await join(browser, 'Ben', '#d6452f', board.links.editor);
  const vera = await join(browser, 'Vera', '#2fa84f', board.links.viewer);
  await ben.getByRole('button', { name: 'Follow Fran' }).click();
  await expect(ben.getByText('Following Fran')).toBeVisible();

  await fran.getByRole('button', { name: 'Present…' }).click();
  await fran.getByRole('button', { name: 'Start presentation (2 slides)' }).click();
  const franSlides = fran.getByRole('dialog', { name: 'Presentation' });
  await expect(franSlides.getByRole('heading', { name: 'Baseline' })).toBeVisible();

  // Ben follows: he sees the same slide, with the figures the engine gives for that snapshot.
  const benSlides = ben.getByRole('dialog', { name: 'Presentation' });
  await expect(benSlides.getByRole('heading', { name: 'Baseline' })).toBeVisible();
  await expect(benSlides.getByText('1 / 2')).toBeVisible();
  await expect(benSlides.getByText('Following Fran')).toBeVisible();
  const figure = (page: Page) => page.getByTestId('slide-figure-gallium-it-fab').locator('[data-field="shortfallPct"]');
  const before = computeExposure(galliumBoard()).minerals.gallium.consumers['it-fab'];
  await expect(figure(ben)).toHaveAttribute('data-value', JSON.stringify(before.shortfallPct));
  // Vera does not follow anyone: her board stays as it is.
  await expect(vera.getByRole('dialog', { name: 'Presentation' })).toHaveCount(0);
  await expect(vera.getByTestId('person-Fran')).toContainText('(presenting)');

  await franSlides.getByRole('button', { name: 'Next →' }).click();
  await expect(benSlides.getByRole('heading', { name: 'Gallium ban' })).toBeVisible();
  await expect(benSlides.getByText('2 / 2')).toBeVisible();
  const after = computeExposure(banned).minerals.gallium.consumers['it-fab'];
  expect(after.shortfallPct).toBeGreaterThan(before.shortfallPct);
  await expect(figure(ben)).toHaveAttribute('data-value', JSON.stringify(after.shortfallPct));
  await ben.screenshot({ path: testInfo.outputPath('ben-follows-slide-2.png') });

  // "Bring everyone here": Vera is pulled into the presentation too.
  await franSlides.getByRole('button', { name: 'Bring everyone here' }).click();
  const veraSlides = vera.getByRole('dialog', { name: 'Presentation' });
  await expect(veraSlides.getByRole('heading', { name: 'Gallium ban' })).toBeVisible();
  await expect(veraSlides.getByText('Following Fran')).toBeVisible();

  // The presentation ends: the followers are back on the live board, still following Fran's view.
  await franSlides.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(benSlides).toHaveCount(0);
  await expect(veraSlides).toHaveCount(0);
  const fitted = await viewCenter(ben);
  const canvas = fran.locator('.board-canvas .react-flow__pane');
  const box = (await canvas.boundingBox())!;
  await fran.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await fran.mouse.wheel(0, -300);
  await fran.mouse.down();
  await fran.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 80, { steps: 8 });
  await fran.mouse.up();
  const moved = await viewCenter(fran);
  // Fran really moved away from the fitted view everyone started with.
  expect(Math.abs(moved.zoom - fitted.zoom)).toBeGreaterThan(0.05);
  const same = (a: typeof moved, b: typeof moved) => Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.x - b.x) * a.zoom < 2 && Math.abs(a.y - b.y) * a.zoom < 2;
  await expect.poll(async () => same(await viewCenter(fran), await viewCenter(ben)), { message: "Ben's view follows Fran's" }).toBe(true);
  await expect.poll(async () => same(await viewCenter(fran), await viewCenter(vera)), { message: "Vera's view follows Fran's" }).toBe(true);

  // Ben moves his own view: he stops following.
  const benPane = (await ben.locator('.board-canvas .react-flow__pane').boundingBox())!;
  await ben.mouse.move(benPane.x + 200, benPane.y + 200);
  await ben.mouse.wheel(0, 200);
  await expect(ben.getByText('Following Fran')).toHaveCount(0);
  await expect(ben.getByRole('button', { name: 'Follow Fran' })).toBeVisible();
});
