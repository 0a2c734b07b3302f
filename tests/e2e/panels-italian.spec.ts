/** The exposure panel in a browser whose language is Italian: its words from the Italian catalog, its numbers in the Italian form (#17). */
import { expect, test } from '@playwright/test';
import { computeExposure } from '../../shared/exposure/engine';
import { galliumBoard, importBoard } from './support';

test('an Italian browser reads the exposure in Italian, with 12.255 t/anno and giorni', async ({ browser, baseURL }) => {
  const b = galliumBoard();
  b.nodes = b.nodes.map((n) => (n.id === 'it-fab' ? { ...n, demand: { gallium: 12345 } } : n));
  const report = computeExposure(b);
  const fab = report.minerals.gallium.consumers['it-fab'];
  expect(fab.demandGap).toBe(12255);
  const board = await importBoard(baseURL!, b);
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1500, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('lodestone.identity', JSON.stringify({ name: 'Ada', color: '#2f5cd6' })));
  const page = await context.newPage();
  try {
    await page.goto(board.links.editor);
    const panel = page.getByRole('region', { name: 'Esposizione' });
    const strip = panel.getByRole('group', { name: 'Riepilogo su tutti i minerali' });
    await expect(strip.locator('[data-field="summary-demandGap"]')).toHaveText('12.255 t/anno');
    await expect(strip).toContainText('1 su 1 sotto la domanda');
    const card = page.getByTestId('exposure-gallium-it-fab');
    await expect(card.locator('[data-field="survives"]')).toHaveText('sotto la domanda');
    await expect(card.locator('[data-field="demand"]')).toHaveText('12.345 t/anno');
    await expect(card.locator('[data-field="disruptionDays"]')).toHaveText('0 giorni');
    await expect(page.getByRole('region', { name: 'Soglie CRMA 2030 dell\'UE per gallium' })).toContainText('non raggiunta');
    await expect(panel.locator('.footnote')).toContainText('calcolato in');
  } finally {
    await context.close();
  }
});
