/**
 * Whiteboard benchmark in Debian's Chromium: from an edit in one browser to the updated exposure figure in
 * another (p50/p95 over 50 edits) on a seed board and a generated 2,000-node board (it has two levers), the time until
 * the board is drawn, the frame rate while panning the 2,000-node board zoomed out (fitted) and at working zoom (1),
 * from a lever toggle to the immediate and adapted figures, and the frame rate while panning its map view.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../e2e/find-chromium';
import type { Board } from '../../shared/board/types';
import { generateLargeBoard } from '../../shared/generate/large-board';
import { freePort, killAllChildren, ROOT, startChildServer } from '../utils/child-server';
import { printBars } from './bars';
import { stopFrames, watchFrames } from './frames';
import { leverFramesAlone, leverToAdapted } from './browser-lever';
import { ms, printTable, quantile } from './stats';

/** One row of the browser table. */
export interface BrowserBenchRow {
  board: string;
  nodes: number;
  edits: number;
  p50Ms: number;
  p95Ms: number;
  /** Milliseconds from navigation start until the canvas shows the board (cards or the far layer). */
  drawMs: number;
  panFps: number | null;
  panP95FrameMs: number | null;
  /** Panning at zoom 1 after the search box flew to a node. */
  workPanFps: number | null;
  workPanP95FrameMs: number | null;
  /** Panning the map view: the whole world, then zoomed in 4 times (labels show from zoom 3). */
  mapPanFps?: number | null;
  mapPanP95FrameMs?: number | null;
  mapNearPanFps?: number | null;
  mapNearPanP95FrameMs?: number | null;
  /** Lever toggle in A -> immediate and adapted (after rerouting) figures in B, ms (null where not measured). */
  leverP50Ms?: number | null;
  leverP95Ms?: number | null;
  adaptedP50Ms?: number | null;
  adaptedP95Ms?: number | null;
  /** A's longest frame while the worker solved the toggles. */
  leverLongestFrameMs?: number | null;
  /** A's 99th-percentile frame and its frames over 50 ms meanwhile (robust to one stray frame on a shared machine). */
  leverP99FrameMs?: number | null;
  leverFramesOver50?: number | null;
  /** The same toggles with B closed, each waiting for A's own adapted figures: A's longest and p99 frame, frames over 50 ms. */
  aloneLongestFrameMs?: number | null;
  aloneP99FrameMs?: number | null;
  aloneFramesOver50?: number | null;
  /** Where A was when it toggled: 'zoom 1' (the search flew there) or 'fitted' (BENCH_LEVER_FITTED=1). */
  leverView?: string | null;
}

const EDITS = 50;

async function openPerson(browser: Browser, name: string, url: string, large = false): Promise<{ page: Page; drawMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  // tsx keeps function names by wrapping them in __name(...), which the page does not define.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript((n) => localStorage.setItem('lodestone.identity', JSON.stringify({ name: n, color: '#2f5cd6' })), name);
  const page = await context.newPage();
  await page.goto(url);
  // Polled every animation frame: the first frame in which the fitted board is on screen (a large board fits
  // zoomed far out, so its far layer's blocks; a small one its cards).
  const drawMs = await page.waitForFunction((farLayer) => {
    const drawn = farLayer ? document.querySelector('.ls-far-layer__nodes path') : document.querySelector('.react-flow__node .ls-node__label');
    return drawn && !document.querySelector('.ls-canvas__loading') ? performance.now() : false;
  }, large, { timeout: 60_000, polling: 'raf' }).then((h) => h.jsonValue() as Promise<number>);
  await page.waitForFunction(() => {
    const l = (window as unknown as { __lodestone?: { exposure?: { report: unknown } } }).__lodestone;
    return Boolean(l?.exposure?.report);
  }, undefined, { timeout: 60_000 });
  if (process.env.BENCH_TAB) await page.getByRole('tab', { name: process.env.BENCH_TAB }).click();
  return { page, drawMs };
}

/** Flies to a node at zoom 1 with the canvas search box (the zoom people work at). */
async function toWorkingZoom(page: Page, label: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Find a node' });
  await box.fill(label);
  await box.press('Enter');
  await box.press('Escape');
  await page.waitForTimeout(1200);
}

/** Edits the volume of an edge into a consumer in page A; measures until page B's exposure shows the new supply. */
async function editToExposure(a: Page, b: Page, board: Board): Promise<number[]> {
  const consumers = new Set(board.nodes.filter((n) => n.kind === 'consumer').map((n) => n.id));
  const edge = board.edges.find((e) => consumers.has(e.to) && e.volume > 0)!;
  const others = board.edges.filter((e) => e.to === edge.to && e.mineral === edge.mineral && e.id !== edge.id).reduce((sum, e) => sum + e.volume, 0);
  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const volume = edge.volume + i + 1;
    const seen = b.evaluate(
      ({ mineral, consumer, supplied }) =>
        new Promise<number>((resolve) => {
          const check = () => {
            const report = (window as unknown as { __lodestone: { exposure: { report: { minerals: Record<string, { consumers: Record<string, { supplied: number }> }> } } } }).__lodestone.exposure.report;
            if (Math.abs((report.minerals[mineral]?.consumers[consumer]?.supplied ?? -1) - supplied) < 1e-6) resolve(performance.timeOrigin + performance.now());
            else requestAnimationFrame(check);
          };
          check();
        }),
      { mineral: edge.mineral, consumer: edge.to, supplied: others + volume },
    );
    const sent = await a.evaluate(({ id, v }) => {
      const t = performance.timeOrigin + performance.now();
      (window as unknown as { __lodestone: { actions: { updateEdge(id: string, c: object): void } } }).__lodestone.actions.updateEdge(id, { volume: v });
      return t;
    }, { id: edge.id, v: volume });
    samples.push((await seen) - sent);
  }
  return samples;
}

/** Where a pan starts: the canvas's empty pane, or the map away from its nodes. */
type PanSurface = 'canvas' | 'map';

/** Drags an empty spot of the canvas (or the map) for about two seconds and counts animation frames. */
async function panFrames(page: Page, surface: PanSurface = 'canvas'): Promise<{ fps: number; p95FrameMs: number }> {
  const start = await page.evaluate((where) => {
    const area = document.querySelector(where === 'map' ? '[data-map-svg]' : '.react-flow__pane')!.getBoundingClientRect();
    const empty = (el: Element | null) => (where === 'map' ? el?.closest('[data-map-svg]') !== null && el?.closest('[data-map-node]') === null : el?.classList.contains('react-flow__pane'));
    for (let y = area.top + 40; y < area.bottom - 40; y += 17) {
      for (let x = area.left + 40; x < area.right - 200; x += 23) {
        if (empty(document.elementFromPoint(x, y))) return { x, y };
      }
    }
    return { x: area.left + 60, y: area.top + 60 };
  }, surface);
  await watchFrames(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(start.x + 150 * Math.sin(i / 12), start.y + 100 * Math.cos(i / 15));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  // The first gap runs from the start of recording, not from a frame.
  const gaps = (await stopFrames(page)).frames.slice(1);
  return { fps: (1000 * gaps.length) / gaps.reduce((sum, gap) => sum + gap, 0), p95FrameMs: quantile(gaps, 0.95) };
}

/** Switches A to the map view and pans it showing the whole world, then zoomed in (4 times, every label shown). */
async function mapPan(page: Page): Promise<{ whole: { fps: number; p95FrameMs: number }; near: { fps: number; p95FrameMs: number } }> {
  await page.getByTestId('view-map').click();
  await page.locator('[data-map-node]').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  const whole = await panFrames(page, 'map');
  const zoomIn = page.locator('.ls-map-toolbar').getByRole('button', { name: 'Zoom in', exact: true });
  for (let i = 0; i < 3; i++) await zoomIn.click();
  await page.waitForTimeout(1000);
  const near = await panFrames(page, 'map');
  await page.getByTestId('view-canvas').click();
  return { whole, near };
}

async function importBoard(url: string, board: Board): Promise<{ links: Record<string, string> }> {
  const res = await fetch(`${url}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(board) });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs the browser benchmark, prints its table and returns the rows. */
export async function runBrowserBench(log: (line: string) => void): Promise<BrowserBenchRow[]> {
  log('browser: building the client ...');
  execFileSync('npx', ['vite', 'build', '--mode', 'test', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-bench-browser-'));
  const port = await freePort();
  const server = await startChildServer({ PORT: String(port), LODESTONE_DB: join(dir, 'bench.db'), LOG_LEVEL: 'silent', LODESTONE_MAX_MESSAGE_BYTES: String(16 * 1024 * 1024) });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'] });
  const rows: BrowserBenchRow[] = [];
  const edgesOf = new Map<string, number>();
  try {
    const seed = (await import('../../seeds/africa-corridors.json', { with: { type: 'json' } })).default as unknown as Board;
    const boards: [string, Board][] = [['africa-corridors (seed)', seed], ['generated', generateLargeBoard({ nodes: 2000, seed: 3 })]];
    for (const [name, board] of boards) {
      log(`browser: ${name}, ${board.nodes.length} nodes ...`);
      const { links } = await importBoard(server.url, board);
      const large = board.nodes.length >= 1000;
      edgesOf.set(name, board.edges.length);
      const { page: a, drawMs } = await openPerson(browser, 'A', `${server.url}${links.editor}`, large);
      const { page: b } = await openPerson(browser, 'B', `${server.url}${links.editor}`, large);
      const samples = await editToExposure(a, b, board);
      const pan = large ? await panFrames(a) : null;
      // BENCH_LEVER_FITTED=1: the lever toggles run in the fitted view (the far layer of a large board) instead of at zoom 1.
      const fitted = process.env.BENCH_LEVER_FITTED === '1';
      const lever0 = board.scenario.disruptions[0];
      const early = fitted && lever0 ? await leverToAdapted(a, b, lever0.id) : null;
      if (large) await toWorkingZoom(a, board.nodes[Math.floor(board.nodes.length / 2)].label);
      const work = large ? await panFrames(a) : null;
      const lever = early ?? (lever0 ? await leverToAdapted(a, b, lever0.id) : null);
      const view = await a.evaluate(() => /scale\(([\d.e-]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '')?.[1] ?? '?');
      const map = large ? await mapPan(a) : null;
      rows.push({
        board: name, nodes: board.nodes.length, edits: samples.length, p50Ms: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), drawMs,
        panFps: pan?.fps ?? null, panP95FrameMs: pan?.p95FrameMs ?? null, workPanFps: work?.fps ?? null, workPanP95FrameMs: work?.p95FrameMs ?? null,
        mapPanFps: map?.whole.fps ?? null, mapPanP95FrameMs: map?.whole.p95FrameMs ?? null, mapNearPanFps: map?.near.fps ?? null, mapNearPanP95FrameMs: map?.near.p95FrameMs ?? null,
        leverP50Ms: lever ? quantile(lever.immediate, 0.5) : null, leverP95Ms: lever ? quantile(lever.immediate, 0.95) : null,
        adaptedP50Ms: lever ? quantile(lever.adapted, 0.5) : null, adaptedP95Ms: lever ? quantile(lever.adapted, 0.95) : null, leverLongestFrameMs: lever?.longestFrameMs ?? null,
        leverP99FrameMs: lever ? quantile(lever.frames, 0.99) : null, leverFramesOver50: lever ? lever.frames.filter((f) => f > 50).length : null,
        leverView: lever ? (early ? `fitted (zoom ${Number(view).toFixed(2)} after)` : `zoom ${Number(view).toFixed(2)}`) : null,
      });
      await b.context().close();
      const alone = large && lever0 ? await leverFramesAlone(a, lever0.id) : null;
      Object.assign(rows[rows.length - 1], {
        aloneLongestFrameMs: alone?.longestFrameMs ?? null, aloneP99FrameMs: alone ? quantile(alone.frames, 0.99) : null, aloneFramesOver50: alone ? alone.frames.filter((f) => f > 50).length : null,
      });
      await a.context().close();
    }
  } finally {
    await browser.close();
    await killAllChildren();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    'Whiteboard in Chromium: edit in browser A -> updated exposure figure in browser B (goal p95 < 100 ms); time to draw (goal < 2 s); panning frame rate fitted and at zoom 1 (goal >= 50 fps)',
    ['board', 'nodes', 'edits', 'p50 ms', 'p95 ms', 'draw ms', 'pan fps (fitted)', 'pan p95 frame ms', 'pan fps (zoom 1)', 'pan p95 frame ms (zoom 1)'],
    rows.map((r) => [
      r.board, r.nodes, r.edits, ms(r.p50Ms), ms(r.p95Ms), ms(r.drawMs), r.panFps === null ? '-' : r.panFps.toFixed(1), r.panP95FrameMs === null ? '-' : ms(r.panP95FrameMs),
      r.workPanFps === null ? '-' : r.workPanFps.toFixed(1), r.workPanP95FrameMs === null ? '-' : ms(r.workPanP95FrameMs),
    ]),
  );
  const opt = (v: number | null | undefined) => (v === null || v === undefined ? '-' : ms(v));
  const fps = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1));
  printTable(
    'Map view in Chromium: panning frame rate, the whole world and zoomed in 4 times (goal >= 50 fps)',
    ['board', 'nodes', 'flows', 'pan fps (world)', 'pan p95 frame ms (world)', 'pan fps (zoom 4)', 'pan p95 frame ms (zoom 4)'],
    rows.filter((r) => r.mapPanFps != null).map((r) => [r.board, r.nodes, edgesOf.get(r.board) ?? '-', fps(r.mapPanFps), opt(r.mapPanP95FrameMs), fps(r.mapNearPanFps), opt(r.mapNearPanP95FrameMs)]),
  );
  printTable(
    'Lever toggle in browser A -> immediate figures and adapted figures (after rerouting) in browser B, 30 toggles (goal adapted p95 < 500 ms; no frame in A over 50 ms); then 30 toggles with B closed (A alone)',
    ['board', 'nodes', 'A view', 'immediate p50', 'immediate p95', 'adapted p50', 'adapted p95', 'A longest frame ms', 'A p99 frame ms', 'A frames > 50 ms', 'A alone: longest', 'p99', '> 50 ms'],
    rows.map((r) => [
      r.board, r.nodes, r.leverView ?? '-', opt(r.leverP50Ms), opt(r.leverP95Ms), opt(r.adaptedP50Ms), opt(r.adaptedP95Ms), opt(r.leverLongestFrameMs), opt(r.leverP99FrameMs), r.leverFramesOver50 ?? '-',
      opt(r.aloneLongestFrameMs), opt(r.aloneP99FrameMs), r.aloneFramesOver50 ?? '-',
    ]),
  );
  printBars(
    'Edit in one browser to updated exposure in the other, ms (shorter is better; goal p95 < 100)',
    rows.map((r) => ({ name: `${r.nodes} nodes`, bars: [{ label: 'p50', value: r.p50Ms }, { label: 'p95', value: r.p95Ms }] })),
    (v) => v.toFixed(1),
  );
  return rows;
}
