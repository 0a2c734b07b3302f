/** Exports: downloaded file contents, the canvas picture (html-to-image mocked), the printable report HTML, opening it. */
import { readFileSync } from 'node:fs';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { intlIn, renderIn } from '../../utils/intl';
import { toPng, toSvg } from 'html-to-image';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBoardCsv, downloadBoardJson, downloadExposureCsv, downloadText, exportCanvasImage, fileSlug, keepInPicture, openPrintableReport, renderedNodesBounds } from '../../../client/export/export';
import { ExportMenu } from '../../../client/export/ExportMenu';
import { printableReport } from '../../../client/export/report';
import { StaticBoard } from '../../../client/snapshots/StaticBoard';
import { compareBoards } from '../../../shared/board/diff';
import type { Board } from '../../../shared/board/types';
import { parseCsv } from '../../../shared/csv/csv';
import { parseNodesCsv } from '../../../shared/csv/nodes-csv';
import { computeExposure } from '../../../shared/exposure/engine';

vi.mock('html-to-image', () => ({
  toPng: vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo='),
  toSvg: vi.fn(async () => 'data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E'),
}));

const seed = JSON.parse(readFileSync('seeds/africa-corridors.json', 'utf8')) as Board;
const pulled: Board = { ...seed, scenario: { ...seed.scenario, disruptions: seed.scenario.disruptions.map((d) => ({ ...d, enabled: true })) } };
const report = computeExposure(pulled);

/** Captures what downloadText hands to the browser. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let pending: Blob | null = null;
  vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: vi.fn((blob: Blob) => ((pending = blob), 'blob:test')), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: pending! });
  });
  return files;
}

/** The blob's text with a byte order mark kept (FileReader.readAsText would drop it). */
const text = (blob: Blob) => new Promise<string>((resolve) => {
  const reader = new FileReader();
  reader.onload = () => resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(reader.result as ArrayBuffer));
  reader.readAsArrayBuffer(blob);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloads', () => {
  it('names files after the board title', async () => {
    expect(fileSlug('Africa corridors: Cobalt & Copper (2025)')).toBe('africa-corridors-cobalt-copper-2025');
    expect(fileSlug('Ærø — Søren')).toBe('r-s-ren');
    expect(fileSlug('!!!')).toBe('board');
  });

  it('downloads text with its name and type', async () => {
    const files = captureDownloads();
    downloadText('notes.txt', 'hello', 'text/plain');
    expect(files[0].name).toBe('notes.txt');
    expect(files[0].blob.type).toBe('text/plain');
    expect(await text(files[0].blob)).toBe('hello');
  });

  it('downloads the exposure CSV with a byte order mark, the labels and the engine\'s numbers', async () => {
    const files = captureDownloads();
    downloadExposureCsv(report, pulled);
    expect(files[0].name).toBe('africa-corridors-2024-25-flows-exposure.csv');
    expect(files[0].blob.type).toBe('text/csv;charset=utf-8');
    const content = await text(files[0].blob);
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsv(content);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [header, ...rows] = parsed.rows;
    const col = (name: string) => header.indexOf(name);
    const row = rows.find((r) => Number(r[col('shortfall')]) > 0)!;
    const c = report.minerals[row[col('mineral')]].consumers[row[col('consumer')]];
    expect(Number(row[col('shortfall')])).toBe(c.shortfall);
    expect(Number(row[col('delivered')])).toBe(c.delivered);
    expect(row[col('label')]).toBe(pulled.nodes.find((n) => n.id === row[col('consumer')])!.label);
  });

  it('downloads the board file as indented JSON that reads back to the board', async () => {
    const files = captureDownloads();
    downloadBoardJson(pulled);
    expect(files[0].name).toBe('africa-corridors-2024-25-flows.lodestone.json');
    expect(JSON.parse(await text(files[0].blob))).toEqual(pulled);
  });

  it('downloads nodes and edges as CSV files the importer reads back', async () => {
    const files = captureDownloads();
    downloadBoardCsv(pulled);
    expect(files.map((f) => f.name)).toEqual(['africa-corridors-2024-25-flows-nodes.csv', 'africa-corridors-2024-25-flows-edges.csv']);
    const nodes = parseNodesCsv(await text(files[0].blob));
    expect(nodes.ok && nodes.items).toEqual(pulled.nodes);
  });
});

describe('exportCanvasImage', () => {
  beforeEach(() => {
    vi.mocked(toPng).mockClear();
    vi.mocked(toSvg).mockClear();
  });

  it('frames every node of the viewport element and leaves out the minimap and controls', async () => {
    const small: Board = { ...pulled, nodes: pulled.nodes.slice(0, 3), edges: [] };
    const { container } = await renderIn(<div style={{ width: '800px', height: '600px' }}><StaticBoard board={small} /></div>);
    const url = await exportCanvasImage(container, 'png');
    expect(url).toBe('data:image/png;base64,iVBORw0KGgo=');
    const [element, options] = vi.mocked(toPng).mock.calls[0];
    expect(element.classList.contains('react-flow__viewport')).toBe(true);
    expect(options?.width).toBeGreaterThanOrEqual(480);
    expect(options?.style?.transform).toMatch(/^translate\(-?[\d.]+px, -?[\d.]+px\) scale\([\d.]+\)$/);
    expect(options?.backgroundColor).toBe('#ffffff');
    const filter = options!.filter!;
    const el = (cls: string) => Object.assign(document.createElement('div'), { className: cls });
    expect(filter(el('react-flow__minimap'))).toBe(false);
    expect(filter(el('react-flow__controls'))).toBe(false);
    expect(filter(el('react-flow__node'))).toBe(true);
    expect(keepInPicture(el('react-flow__panel top left'))).toBe(false);
  });

  it('reads the nodes\' box from the drawn node wrappers', async () => {
    const small: Board = { ...pulled, nodes: pulled.nodes.slice(0, 3), edges: [] };
    const { container } = await renderIn(<div><StaticBoard board={small} /></div>);
    const xs = small.nodes.map((n) => n.position.x);
    const ys = small.nodes.map((n) => n.position.y);
    const bounds = renderedNodesBounds(container);
    expect(bounds.x).toBe(Math.min(...xs));
    expect(bounds.y).toBe(Math.min(...ys));
    expect(bounds.width).toBeGreaterThan(Math.max(...xs) - Math.min(...xs));
  });

  it('makes an SVG when asked', async () => {
    const { container } = await renderIn(<div><StaticBoard board={pulled} /></div>);
    await expect(exportCanvasImage(container, 'svg')).resolves.toMatch(/^data:image\/svg\+xml/);
    expect(toSvg).toHaveBeenCalledTimes(1);
    expect(toPng).not.toHaveBeenCalled();
  });

  it('says so when there is no canvas', async () => {
    await expect(exportCanvasImage(document.createElement('div'), 'png')).rejects.toThrow('There is no board canvas to take a picture of.');
  });
});

describe('printableReport', () => {
  const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  it('is a standalone document with print styles, the picture and a table per mineral', async () => {
    const html = printableReport(await intlIn('en'), { title: 'Snapshot: all levers', board: pulled, exposure: report, imageDataUrl: 'data:image/png;base64,AAAA', generatedAt: '2025-03-01T12:00:00Z' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page');
    expect(html).toContain('break-before: page');
    const d = doc(html);
    expect(d.title).toBe('Snapshot: all levers');
    expect(d.querySelector('figure.picture img')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect([...d.querySelectorAll('section.mineral')].map((s) => s.getAttribute('data-mineral'))).toEqual(Object.keys(report.minerals).sort());
    expect(d.querySelectorAll('svg.chart').length).toBe(Object.keys(report.minerals).length);
    expect(d.querySelector('script')).toBeNull();
  });

  it('shows the world map when one is given (only data images), after the canvas picture', async () => {
    const d = doc(printableReport(await intlIn('en'), { title: 'r', board: pulled, exposure: report, imageDataUrl: 'data:image/png;base64,AAAA', mapImageDataUrl: 'data:image/png;base64,BBBB' }));
    const figures = [...d.querySelectorAll('figure.picture img')];
    expect(figures.map((img) => img.getAttribute('src'))).toEqual(['data:image/png;base64,AAAA', 'data:image/png;base64,BBBB']);
    expect(figures[1].getAttribute('alt')).toBe(`The board ${pulled.title} on the world map`);
    const refused = doc(printableReport(await intlIn('en'), { title: 'r', board: pulled, exposure: report, mapImageDataUrl: 'https://example.com/map.png' }));
    expect(refused.querySelector('figure.map')).toBeNull();
  });

  it('carries the engine\'s exact numbers in every consumer row', async () => {
    const d = doc(printableReport(await intlIn('en'), { title: 'r', board: pulled, exposure: report }));
    let rows = 0;
    for (const [mineral, m] of Object.entries(report.minerals)) {
      for (const [id, c] of Object.entries(m.consumers)) {
        const row = d.querySelector(`section.mineral[data-mineral="${mineral}"] tr[data-consumer="${id}"]`)!;
        for (const key of ['demand', 'supplied', 'delivered', 'shortfall', 'shortfallPct', 'stockDays', 'disruptionDays', 'survives'] as const) {
          expect(row.querySelector(`[data-field="${key}"]`)?.getAttribute('data-value'), `${mineral}/${id}/${key}`).toBe(JSON.stringify(c[key]));
        }
        expect(row.querySelector('th')?.textContent).toBe(pulled.nodes.find((n) => n.id === id)!.label);
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(0);
    expect(d.querySelector('[data-field="failing"]')?.getAttribute('data-value')).toBe(String(Object.values(report.minerals).flatMap((m) => Object.values(m.consumers)).filter((c) => !c.survives).length));
  });

  it('escapes board text and refuses pictures that are not data images', async () => {
    const evil: Board = { ...pulled, title: '<img src=x onerror=alert(1)>', nodes: pulled.nodes.map((n, i) => (i === 0 ? { ...n, label: '</td><script>alert(1)</script>' } : n)) };
    const html = printableReport(await intlIn('en'), { title: '<b>t</b>', board: evil, exposure: computeExposure(evil), imageDataUrl: 'javascript:alert(1)' });
    const d = doc(html);
    expect(d.querySelector('script')).toBeNull();
    expect(d.querySelector('img')).toBeNull();
    expect(d.querySelector('b')).toBeNull();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('adds the comparison: chart, delta table and the diff lines', async () => {
    const before: Board = { ...seed };
    const comparison = { from: 's1', to: 'live', fromLabel: 'Baseline', toLabel: 'All levers', ...compareBoards(before, pulled) };
    const d = doc(printableReport(await intlIn('en'), { title: 'Baseline → All levers', board: pulled, exposure: report, comparison }));
    const part = d.querySelector('section.comparison')!;
    expect(part.querySelector('h2')?.textContent).toBe('Comparison: Baseline → All levers');
    const moved = comparison.exposure.find((x) => x.delta.shortfall > 0)!;
    const row = part.querySelector(`table.deltas tr[data-mineral="${moved.mineral}"][data-consumer="${moved.consumer}"]`)!;
    expect(row.querySelector('[data-field="shortfall-after"]')?.getAttribute('data-value')).toBe(JSON.stringify(moved.after!.shortfall));
    expect(row.querySelector('[data-field="shortfall-delta"]')?.getAttribute('data-value')).toBe(JSON.stringify(moved.delta.shortfall));
    const lever = comparison.diff.levers.changed[0];
    expect(part.textContent).toContain('enabled: off → on');
    expect(part.textContent).toContain(lever.after.label);
    expect(part.querySelector('svg.chart')).not.toBeNull();
  });
});

describe('openPrintableReport', () => {
  it('opens the report in a new window and prints it once loaded', async () => {
    captureDownloads();
    const listeners: Record<string, () => void> = {};
    const win = { addEventListener: vi.fn((type: string, fn: () => void) => (listeners[type] = fn)), focus: vi.fn(), print: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    expect(openPrintableReport('<!doctype html><title>x</title>')).toBe(true);
    expect(open).toHaveBeenCalledWith('blob:test', '_blank');
    listeners.load();
    expect(win.print).toHaveBeenCalled();
  });

  it('says when the browser blocked the window', async () => {
    captureDownloads();
    vi.spyOn(window, 'open').mockReturnValue(null);
    expect(openPrintableReport('<p>x</p>')).toBe(false);
  });
});

describe('StaticBoard', () => {
  it('draws the board read-only', async () => {
    await renderIn(<div style={{ width: '800px', height: '600px' }}><StaticBoard board={pulled} exposure={report} /></div>);
    expect(screen.getByTestId('static-board')).toBeTruthy();
    expect(document.querySelectorAll('.react-flow__node').length).toBe(pulled.nodes.length);
    expect(document.querySelector('.react-flow__node.draggable')).toBeNull();
  });
});

describe('ExportMenu', () => {
  it('downloads the exposure CSV and opens the report with the canvas picture', async () => {
    const files = captureDownloads();
    const listeners: Record<string, () => void> = {};
    const win = { addEventListener: vi.fn((type: string, fn: () => void) => (listeners[type] = fn)), focus: vi.fn(), print: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    const blobs: Blob[] = [];
    vi.mocked(URL.createObjectURL).mockImplementation((blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:test'));
    const { container } = await renderIn(<div><StaticBoard board={pulled} /><ExportMenu board={pulled} exposure={report} canvas={() => container as HTMLElement} now={() => Date.parse('2025-03-01T12:00:00Z')} /></div>);
    fireEvent.click(screen.getByRole('button', { name: 'Exposure CSV' }));
    expect(files.at(-1)?.name).toBe('africa-corridors-2024-25-flows-exposure.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Printable report' }));
    await waitFor(() => expect(open).toHaveBeenCalled());
    const html = await text(blobs.at(-1)!);
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).toContain(`<title>${seed.title}</title>`);
  });

  it('says so when the report window is blocked or there is no canvas', async () => {
    captureDownloads();
    vi.spyOn(window, 'open').mockReturnValue(null);
    await renderIn(<ExportMenu board={pulled} exposure={report} canvas={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'PNG picture' }));
    expect(screen.getByRole('alert').textContent).toBe('Open the board canvas to take a picture of it.');
    fireEvent.click(screen.getByRole('button', { name: 'Printable report' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The browser blocked the report window'));
  });
});

describe('printableReport in Italian', () => {
  it('writes the words in Italian, numbers as 1.234,5 and dates the Italian way, with lang="it"', async () => {
    const html = printableReport(await intlIn('it'), { title: 'Rapporto', board: pulled, exposure: report, generatedAt: '2025-03-01T12:00:00Z' });
    const d = new DOMParser().parseFromString(html, 'text/html');
    expect(d.documentElement.getAttribute('lang')).toBe('it');
    expect(d.querySelector('section.summary h2')?.textContent).toBe('Sintesi');
    expect(d.querySelector('section.exposure h2')?.textContent).toBe('Esposizione per utilizzatore');
    expect(d.querySelector('.meta')?.textContent).toMatch(/^Lavagna “.*” · scenario “.*” · \d+ nodi, \d+ flussi · creato il 1 marzo 2025/);
    expect(d.querySelector('section.summary p')?.textContent).toMatch(/coppie utilizzatore–minerale; \d+ non resist/);
    const headers = [...d.querySelectorAll('section.mineral table thead th')].map((th) => th.textContent);
    expect(headers).toContain('Utilizzatore');
    expect(headers).toContain('Giorni di scorta');
    // A demand of at least 1,000 t is written with a dot for thousands and, when it has one, a comma for the decimal.
    const cells = [...d.querySelectorAll('td[data-field="demand"]')];
    const big = cells.find((td) => Number(td.getAttribute('data-value')) >= 1000)!;
    expect(big, 'a consumer with a demand of at least 1,000 t').toBeDefined();
    expect(big.textContent).toMatch(/^\d{1,3}(\.\d{3})+ t$/);
    // Board text is the board's own; every figure the report writes uses Italian marks.
    for (const td of d.querySelectorAll('td[data-field]')) expect(td.textContent).not.toMatch(/\d,\d{3}|\d\.\d{1,2}(?!\d)/);
    expect(d.querySelector('td[data-field="survives"]')?.textContent).toMatch(/^(resiste|non resiste|nessun ammanco)$/);
    expect(d.querySelector('td[data-field="stockDays"]')?.textContent).toMatch(/giorn|—/);
  });

  it('writes a price floor of 1234.5 USD/kg as "1.234,5 USD/kg" in Italian and "1,234.5 USD/kg" in English', async () => {
    const magnets = JSON.parse(readFileSync('seeds/rare-earth-magnets.json', 'utf8')) as Board;
    const floors: Board = { ...magnets, scenario: { ...magnets.scenario, priceFloors: magnets.scenario.priceFloors.map((f) => ({ ...f, enabled: true, floor: 1234.5 })) } };
    const exposure = computeExposure(floors);
    expect(exposure.priceFloors.length).toBeGreaterThan(0);
    const it = new DOMParser().parseFromString(printableReport(await intlIn('it'), { title: 'r', board: floors, exposure }), 'text/html');
    const en = new DOMParser().parseFromString(printableReport(await intlIn('en'), { title: 'r', board: floors, exposure }), 'text/html');
    const price = (doc: Document) => doc.querySelector('td[data-field="floor"]')?.textContent;
    expect(price(it)).toBe('1.234,5 USD/kg');
    expect(price(en)).toBe('1,234.5 USD/kg');
    expect(it.querySelector('section.floors h2')?.textContent).toBe('Prezzi minimi garantiti');
    expect(en.documentElement.getAttribute('lang')).toBe('en');
  });
});

describe('ExportMenu in Italian', () => {
  it('names the exports in Italian and opens the report in Italian', async () => {
    captureDownloads();
    const win = { addEventListener: vi.fn(), focus: vi.fn(), print: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    const blobs: Blob[] = [];
    vi.mocked(URL.createObjectURL).mockImplementation((blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:test'));
    await renderIn(<ExportMenu board={pulled} exposure={report} canvas={() => null} />, 'it');
    expect(screen.getByRole('group', { name: 'Esporta' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Immagine PNG' }));
    expect(screen.getByRole('alert').textContent).toBe('Apri la lavagna per farne un’immagine.');
    fireEvent.click(screen.getByRole('button', { name: 'Rapporto stampabile' }));
    await waitFor(() => expect(open).toHaveBeenCalled());
    const html = await text(blobs.at(-1)!);
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('<h2>Sintesi</h2>');
  });
});
