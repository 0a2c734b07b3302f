/**
 * Issue 12 in the browser: a board whose stored document holds values the schema does not allow (as one
 * poisoned before the server checked updates) still draws, also after a reload; the app and its exposure
 * worker run under the server's Content-Security-Policy; the board page takes its token out of the address bar.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { galliumBoard, importBoard, peopleOfTheSpec, person } from './support';

const enter = peopleOfTheSpec();
const BOUNDARY = 'Something went wrong while drawing this board';

/** Appends an update to a board straight into the e2e server's database, as an older server would have stored it. */
function poisonStoredBoard(boardId: string, mutate: (doc: Y.Doc) => void): void {
  const db = new Database(join(process.env.E2E_DATA_DIR!, 'e2e.db'));
  try {
    const rows = db.prepare('SELECT data FROM updates WHERE board_id = ? ORDER BY seq').all(boardId) as { data: Buffer }[];
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    const before = Y.encodeStateVector(doc);
    mutate(doc);
    // A seq far past the board's own, so the running server's next appends do not collide with it.
    db.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, 1000, ?)').run(boardId, Buffer.from(Y.encodeStateAsUpdate(doc, before)));
  } finally {
    db.close();
  }
}

/** Records the page's CSP violations (from the first script on). */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test('a board holding a Y.Doc, a BigInt, a nested map and an XmlText where the schema has none still draws, also after a reload', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  poisonStoredBoard(board.id, (doc) => {
    const node = (id: string) => doc.getMap('nodes').get(id) as Y.Map<unknown>;
    node('cn-mine').set('label', new Y.Doc());
    node('jp-mine').set('lat', 7n as never);
    node('store').set('country', new Y.XmlText('IT'));
    (doc.getMap('edges').get('e3') as Y.Map<unknown>).set('label', new Y.Map([['x', 1]]));
  });
  const ada = await enter(browser, 'Ada', '#2f5cd6', board.links.editor);
  const page = ada.page;
  await expect(page.getByTestId('node-cn-ref')).toBeVisible();
  await expect(page.getByTestId('node-it-fab')).toBeVisible();
  await expect(page.getByTestId('node-cn-mine')).toHaveCount(0);
  await expect(page.getByText(BOUNDARY)).toHaveCount(0);
  // The exposure worker computed the rest of the board.
  await expect(page.getByTestId('exposure-gallium-it-fab')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId('node-cn-ref')).toBeVisible();
  await expect(page.getByText(BOUNDARY)).toHaveCount(0);
  // Editing the rest goes on.
  await expect(page.getByTestId('exposure-gallium-it-fab')).toBeVisible();
});

test('the app, its exposure worker and the exports run under the CSP; the token leaves the address bar and a reload still opens the board', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const response = await fetch(`${baseURL}/b/${board.id}`);
  expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');

  const ada = await person(browser, 'Ada', '#2f5cd6', 'about:blank');
  test.info().annotations.push({ type: 'context', description: 'closed at the end of the test' });
  const violations = await recordViolations(ada.page);
  await ada.page.goto(board.links.facilitator);
  await expect(ada.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(ada.page.getByTestId('exposure-gallium-it-fab')).toBeVisible();
  expect(new URL(ada.page.url()).search).toBe('');
  expect(ada.page.url()).not.toContain(board.tokens.facilitator);

  // A picture of the canvas (html-to-image: data: and blob: URLs) under the policy.
  await ada.page.getByRole('tab', { name: 'Facilitator' }).click();
  const download = ada.page.waitForEvent('download');
  await ada.page.getByRole('button', { name: 'PNG picture', exact: true }).click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  await ada.page.reload();
  await expect(ada.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(ada.page.getByTestId('node-cn-ref')).toBeVisible();
  expect(await violations()).toEqual([]);
  // The landing page still holds the link (with its token) for this board.
  await ada.page.goto('/');
  await ada.page.getByRole('button', { name: `Open ${galliumBoard().title}` }).first().click();
  await expect(ada.page.getByTestId('node-cn-ref')).toBeVisible();
  await ada.context.close();
});
