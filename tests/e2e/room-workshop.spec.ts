/** Workshop-ready, the room side (issue 16): offline shell, slides, help, toasts, fork; screenshots at 1440x900 and 1024x768. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, killAllChildren, startChildServer, type ChildServer } from '../utils/child-server';
import { galliumBoard, importBoard, peopleOfTheSpec, person } from './support';

const open = peopleOfTheSpec();
void open;

test.describe('offline shell', () => {
  let dir: string;
  let server: ChildServer | null = null;
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-e2e-offline-'));
  });
  test.afterAll(async () => {
    await killAllChildren();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a reload with the server stopped shows the board from the offline copy', async ({ browser }, testInfo) => {
    const port = await freePort();
    server = await startChildServer({ PORT: String(port), LODESTONE_DB: join(dir, 'offline.db'), LOG_LEVEL: 'warn', LODESTONE_SECRET: 'e2e-secret-of-sufficient-length' });
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
