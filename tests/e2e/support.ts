/** Helpers for the end-to-end tests: people in their own browser contexts, boards via the API, cuttable sockets. */
import { expect, test, type Browser, type BrowserContext, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import type { Board } from '../../shared/board/types';

/** One person: a browser context (own IndexedDB and BroadcastChannel) with a remembered name and colour. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Cuts this person's WebSocket(s) and refuses new ones until `reconnect`. */
  cut(): Promise<void>;
  reconnect(): void;
}

/**
 * The people a spec file opens: `join` opens one and waits until they are connected; after every test
 * each page is screenshotted (a test artifact) and its context closed. Call it once, at the top of the file.
 */
export function peopleOfTheSpec(): (browser: Browser, name: string, color: string, url: string) => Promise<Person> {
  const people: Person[] = [];
  test.afterEach(async ({}, testInfo) => {
    for (const p of people.splice(0)) {
      await p.page.screenshot({ path: testInfo.outputPath(`${p.name}.png`) }).catch(() => undefined);
      await p.context.close();
    }
  });
  return async (browser, name, color, url) => {
    const p = await person(browser, name, color, url);
    people.push(p);
    await expect(p.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
    return p;
  };
}

/** Opens a person on a URL; their sockets go through a route that can be cut (context.setOffline does not close WebSockets). */
export async function person(browser: Browser, name: string, color: string, url: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  await context.addInitScript(([n, c]) => localStorage.setItem('lodestone.identity', JSON.stringify({ name: n, color: c })), [name, color]);
  const page = await context.newPage();
  let offline = false;
  const open: { client: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/ws\//, (client) => {
    if (offline) {
      void client.close({ code: 1001, reason: 'offline (test)' });
      return;
    }
    const server = client.connectToServer();
    open.push({ client, server });
  });
  await page.goto(url);
  return {
    name, context, page,
    cut: async () => {
      offline = true;
      for (const { client, server } of open.splice(0)) {
        await server.close().catch(() => undefined);
        await client.close({ code: 1001, reason: 'offline (test)' }).catch(() => undefined);
      }
    },
    reconnect: () => {
      offline = false;
    },
  };
}

/** Creates a board from a board file through the import API; returns its id and links. */
export async function importBoard(baseURL: string, board: Board): Promise<{ id: string; links: Record<string, string>; tokens: Record<string, string> }> {
  const res = await fetch(`${baseURL}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(board) });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The live board as the server has it. */
export async function exportBoard(baseURL: string, id: string, token: string): Promise<Board> {
  const res = await fetch(`${baseURL}/api/boards/${id}/export`, { headers: { authorization: `Bearer ${token}` } });
  return res.json();
}

/** A small gallium board: a Chinese mine and refinery supplying an Italian consumer, a store, one lever. */
export function galliumBoard(): Board {
  const at = (x: number, y: number) => ({ x, y });
  return {
    format: 'lodestone.board', version: 2, title: 'E2E gallium',
    nodes: [
      { id: 'cn-mine', kind: 'mine', label: 'Bayer alumina (CN)', country: 'CN', position: at(0, 0), capacity: { gallium: 500 } },
      { id: 'jp-mine', kind: 'mine', label: 'Zinc residue (JP)', country: 'JP', position: at(0, 220) },
      { id: 'cn-ref', kind: 'refinery', label: 'Gallium refinery (CN)', country: 'CN', position: at(320, 0) },
      { id: 'store', kind: 'stockpile', label: 'EU store', country: 'IT', position: at(320, 300), stock: { gallium: 20 } },
      { id: 'it-fab', kind: 'consumer', label: 'Italian fabs', country: 'IT', position: at(640, 100), demand: { gallium: 100 } },
    ],
    edges: [
      { id: 'e1', from: 'cn-mine', to: 'cn-ref', mineral: 'gallium', volume: 72 },
      { id: 'e2', from: 'jp-mine', to: 'cn-ref', mineral: 'gallium', volume: 18 },
      { id: 'e3', from: 'cn-ref', to: 'it-fab', mineral: 'gallium', volume: 90 },
      { id: 'e4', from: 'store', to: 'it-fab', mineral: 'gallium', volume: 0 },
    ],
    scenario: {
      name: 'Baseline',
      disruptions: [{ id: 'ga-ban', label: 'China gallium export ban', enabled: false, target: { country: 'CN', kinds: ['refinery'], exportsOnly: true }, minerals: ['gallium'], factor: 0, days: 180 }],
      expansions: [],
      priceFloors: [],
    },
    notes: [],
  };
}

/** Saves the board as a named snapshot from the Facilitator tab and waits for it in the timeline. */
export async function saveSnapshot(page: Page, name: string): Promise<void> {
  await page.getByLabel('Snapshot name').fill(name);
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.locator(`li[aria-label="${name}"]`)).toBeVisible();
}

/** Drags from the source handle inside `from` to the target handle inside `to` (node wrappers), then fills in the new-flow dialog. */
export async function connectByDrag(page: Page, from: Locator, to: Locator, mineral: string, volume: number): Promise<void> {
  const source = await from.locator('.react-flow__handle.source').boundingBox();
  const target = await to.locator('.react-flow__handle.target').boundingBox();
  if (!source || !target) throw new Error('handles not found');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Mineral', { exact: true }).fill(mineral);
  await dialog.getByLabel('Volume (t/yr)').fill(String(volume));
  await dialog.getByRole('button', { name: 'Add flow' }).click();
}
