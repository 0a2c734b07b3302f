/**
 * Issue 17: two people on one board, one in Italian and one in English: each reads the interface in their own
 * language and number format, the switch in the header changes it and is remembered, and the printable report is Italian.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { galliumBoard, importBoard } from './support';

/** A person whose browser speaks `locale`. */
async function openIn(browser: Browser, locale: string, name: string, url: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1500, height: 900 } });
  await context.addInitScript((n) => localStorage.setItem('lodestone.identity', JSON.stringify({ name: n, color: '#2f5cd6' })), name);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  return page;
}

test('Ada reads the board in Italian and Ben in English, each in their own number format; the report is Italian', async ({ browser, baseURL }) => {
  const b = galliumBoard();
  b.nodes = b.nodes.map((n) => (n.id === 'it-fab' ? { ...n, demand: { gallium: 12345 } } : n));
  const board = await importBoard(baseURL!, b);
  const ada = await openIn(browser, 'it-IT', 'Ada', board.links.facilitator);
  const ben = await openIn(browser, 'en-GB', 'Ben', board.links.editor);
  try {
    await expect(ada.locator('html')).toHaveAttribute('lang', 'it');
    await expect(ben.locator('html')).toHaveAttribute('lang', 'en');
    await expect(ada.getByRole('combobox', { name: 'Lingua' })).toHaveValue('it');
    await expect(ben.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(ada.getByRole('tab', { name: 'Esposizione' })).toBeVisible();
    await expect(ben.getByRole('tab', { name: 'Exposure' })).toBeVisible();
    const demand = (p: Page) => p.getByTestId('exposure-gallium-it-fab').locator('[data-field="demand"]');
    await expect(demand(ada)).toHaveText('12.345 t/anno');
    await expect(demand(ben)).toHaveText('12,345 t/yr');

    // Ben changes the demand; each sees the new figure in their own format.
    await ben.evaluate(() => (window as unknown as { __lodestone: { actions: { updateNode(id: string, c: object): void } } }).__lodestone.actions.updateNode('it-fab', { demand: { gallium: 2345 } }));
    await expect(demand(ben)).toHaveText('2,345 t/yr');
    await expect(demand(ada)).toHaveText('2.345 t/anno');

    // The printable report, from Ada's facilitator tab, is in Italian.
    await ada.getByRole('tab', { name: 'Facilitatore' }).click();
    const [report] = await Promise.all([ada.waitForEvent('popup'), ada.getByRole('button', { name: 'Rapporto stampabile' }).click()]);
    await report.waitForLoadState();
    await expect(report.locator('html')).toHaveAttribute('lang', 'it');
    await expect(report.locator('body')).toContainText('t/anno');
    await expect(report.locator('body')).not.toContainText('t/yr');

    // Ada switches to English in the header: her words change, Ben's do not, and a reload keeps her choice.
    await ada.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await expect(ada.getByRole('tab', { name: 'Exposure' })).toBeVisible();
    await ada.reload();
    await expect(ada.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(ben.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  } finally {
    await ada.context().close();
    await ben.context().close();
  }
});
