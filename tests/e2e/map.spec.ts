import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Board } from '../../shared/board/types';
import { exportBoard, galliumBoard, importBoard, peopleOfTheSpec, person, type Person } from './support';

const join = peopleOfTheSpec();

/** The gallium board with places: Chinese mine and refinery, the Italian store and fabs; the Japanese mine has none. */
function placedBoard(): Board {
  const board = galliumBoard();
  const places: Record<string, { lat: number; lon: number }> = {
    'cn-mine': { lat: 23.8, lon: 106.6 }, 'cn-ref': { lat: 40.6, lon: 110.0 }, store: { lat: 41.9, lon: 12.5 }, 'it-fab': { lat: 37.5, lon: 15.1 },
  };
  return { ...board, title: 'E2E map', nodes: board.nodes.map((n) => ({ ...n, ...places[n.id] })) };
}

async function open(browser: Parameters<typeof person>[0], name: string, color: string, url: string): Promise<Person> {
  const p = await join(browser, name, color, url);
  await expect(p.page.getByTestId('node-cn-ref')).toBeVisible();
  return p;
}

async function toMap(page: Page): Promise<void> {
  await page.getByTestId('view-map').click();
  await expect(page.getByTestId('map-node-cn-ref')).toBeVisible();
}

async function centre(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(testId).locator('circle').last().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a node dragged on the map moves for everyone; a lever cut shows dashed; unplaced nodes are dropped onto the map', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, placedBoard());
  const ada = await open(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await open(browser, 'Bo', '#c2185b', board.links.editor);

  // A switches to the map: the placed nodes, their flows, and the Japanese mine in the "not on the map" strip.
  await toMap(ada.page);
  await expect(ada.page.getByTestId('map-flow-e3')).toHaveAttribute('data-disrupted', 'false');
  await expect(ada.page.getByTestId('map-off-map')).toContainText('Zinc residue (JP)');
  await expect(ada.page.getByTestId('map-node-jp-mine')).toHaveCount(0);

  // A drags the refinery west on the map.
  const from = await centre(ada.page, 'map-node-cn-ref');
  const to = { x: from.x - 160, y: from.y + 40 };
  await ada.page.mouse.move(from.x, from.y);
  await ada.page.mouse.down();
  await ada.page.mouse.move(to.x, to.y, { steps: 10 });
  await ada.page.mouse.up();
  await expect.poll(async () => (await exportBoard(baseURL!, board.id, board.tokens.viewer)).nodes.find((n) => n.id === 'cn-ref')!.lon).toBeLessThan(100);
  const moved = (await exportBoard(baseURL!, board.id, board.tokens.viewer)).nodes.find((n) => n.id === 'cn-ref')!;
  expect(moved.lat).not.toBe(40.6);

  // B, on the canvas, sees the new latitude and longitude in the inspector.
  await bo.page.getByTestId('node-cn-ref').click();
  await expect(bo.page.getByLabel('Latitude')).toHaveValue(String(moved.lat));
  await expect(bo.page.getByLabel('Longitude')).toHaveValue(String(moved.lon));
  // Switching to the map, B sees the node where A dropped it (both see the whole world in the same window).
  await toMap(bo.page);
  const seen = await centre(bo.page, 'map-node-cn-ref');
  expect(Math.abs(seen.x - to.x)).toBeLessThan(4);
  expect(Math.abs(seen.y - to.y)).toBeLessThan(4);
  // The choice is remembered: a reload opens the map again.
  await bo.page.reload();
  await expect(bo.page.getByTestId('map-node-cn-ref')).toBeVisible();

  // Cursors: A sees B's cursor on the map.
  await bo.page.mouse.move(seen.x + 60, seen.y + 60, { steps: 4 });
  await expect(ada.page.locator('[data-testid^="map-cursor-"]').filter({ hasText: 'Bo' })).toBeVisible();

  // B pulls the export ban: the refinery's flow to the fabs is cut, dashed red on A's map, and the fabs are short.
  await bo.page.getByRole('tab', { name: 'Levers' }).click();
  await bo.page.getByLabel('Enable China gallium export ban').check();
  const cut = ada.page.getByTestId('map-flow-e3');
  await expect(cut).toHaveAttribute('data-disrupted', 'true');
  await expect(cut).toHaveAttribute('stroke-dasharray', /\d/);
  await expect(ada.page.getByTestId('map-flow-e1')).toHaveAttribute('data-disrupted', 'false');
  await expect(ada.page.getByTestId('map-shortfall-it-fab')).toHaveText(/short/);

  // A pans the map from an empty spot of the South Atlantic: the nodes slide with the pointer and stay there once drawn for real.
  const mapBox = (await ada.page.getByRole('application', { name: 'World map of the supply graph' }).boundingBox())!;
  const fab = await centre(ada.page, 'map-node-it-fab');
  const grab = { x: mapBox.x + mapBox.width * 0.5, y: mapBox.y + mapBox.height * 0.85 };
  await ada.page.mouse.move(grab.x, grab.y);
  await ada.page.mouse.down();
  await ada.page.mouse.move(grab.x - 90, grab.y - 30, { steps: 8 });
  await ada.page.mouse.up();
  await expect(ada.page.locator('[data-map-zoom]')).toHaveAttribute('transform', /^translate\(-[\d.]+ -[\d.]+\) scale\(1\)$/);
  const panned = await centre(ada.page, 'map-node-it-fab');
  expect(Math.abs(panned.x - (fab.x - 90))).toBeLessThan(3);
  expect(Math.abs(panned.y - (fab.y - 30))).toBeLessThan(3);

  // A drops the Japanese mine from the strip onto the panned map: it lands under the pointer, gets a place and leaves the strip.
  await ada.page.getByTestId('map-off-jp-mine').dragTo(ada.page.getByRole('application', { name: 'World map of the supply graph' }), {
    targetPosition: { x: mapBox.width * 0.82, y: mapBox.height * 0.4 },
  });
  await expect(ada.page.getByTestId('map-node-jp-mine')).toBeVisible();
  await expect(ada.page.getByTestId('map-off-map')).toHaveCount(0);
  const landed = await centre(ada.page, 'map-node-jp-mine');
  expect(Math.abs(landed.x - (mapBox.x + mapBox.width * 0.82))).toBeLessThan(4);
  expect(Math.abs(landed.y - (mapBox.y + mapBox.height * 0.4))).toBeLessThan(4);
  const placed = (await exportBoard(baseURL!, board.id, board.tokens.viewer)).nodes.find((n) => n.id === 'jp-mine')!;
  expect(typeof placed.lat).toBe('number');
  expect(typeof placed.lon).toBe('number');

  // Selecting on the map selects for the inspector; the drag is one undoable step.
  await ada.page.getByTestId('map-node-cn-ref').click();
  await expect(ada.page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(ada.page.getByLabel('Label')).toHaveValue('Gallium refinery (CN)');

  // The map exports as an SVG drawing (whole world, nobody's cursor) and a PNG picture.
  const [svgFile] = await Promise.all([ada.page.waitForEvent('download'), ada.page.getByRole('button', { name: 'SVG' }).click()]);
  expect(svgFile.suggestedFilename()).toBe('e2e-map-map.svg');
  const svgText = readFileSync((await svgFile.path())!, 'utf8');
  expect(svgText).toContain('data-testid="map-node-cn-ref"');
  expect(svgText).toContain('data-disrupted="true"');
  expect(svgText).not.toContain('map-cursor-');
  const [pngFile] = await Promise.all([ada.page.waitForEvent('download'), ada.page.getByRole('button', { name: 'PNG' }).click()]);
  expect(pngFile.suggestedFilename()).toBe('e2e-map-map.png');
  expect(readFileSync((await pngFile.path())!).subarray(1, 4).toString()).toBe('PNG');
});
