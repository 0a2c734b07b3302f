import { readFileSync } from 'node:fs';
import { fireEvent, screen } from '@testing-library/react';
import { intlIn, renderIn } from '../../utils/intl';
import { toPng, toSvg } from 'html-to-image';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardSvg, drawnSizes, wrapText } from '../../../client/export/board-svg';
import { PICTURE_CLASS, exportCanvasImage, keepInPicture } from '../../../client/export/export';
import { ExportMenu } from '../../../client/export/ExportMenu';
import { printableReport } from '../../../client/export/report';
import { notesSection } from '../../../client/export/report-html';
import { nodeLooks } from '../../../client/canvas/flow-model';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import { compareBoards } from '../../../shared/board/diff';

vi.mock('html-to-image', () => ({
  toPng: vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo='),
  toSvg: vi.fn(async () => 'data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E'),
}));

const seed = JSON.parse(readFileSync('seeds/africa-corridors.json', 'utf8')) as Board;
const pulled: Board = { ...seed, scenario: { ...seed.scenario, disruptions: seed.scenario.disruptions.map((d) => ({ ...d, enabled: true })) } };
const withNote: Board = { ...pulled, notes: [...pulled.notes, { id: 'n-test', text: 'Ask <the> port about\nthe 2026 plan', position: { x: -400, y: -300 } }] };

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

afterEach(() => vi.restoreAllMocks());

describe('boardSvg: the board as vector shapes', () => {
  it('draws each node kind\'s icon and a cut flow\'s mark as nested SVG shapes, with no emoji or flag characters', async () => {
    const svg = boardSvg(await intlIn('en'), pulled);
    const doc = parse(svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    for (const g of doc.querySelectorAll('g.node')) {
      const icon = g.querySelector('svg');
      expect(icon?.getAttribute('viewBox')).toBe('0 0 24 24');
      expect(icon?.querySelectorAll('path, rect, circle, line, polyline').length).toBeGreaterThan(0);
    }
    expect(doc.querySelectorAll('g.flow-label svg').length).toBeGreaterThan(0);
    expect(svg).not.toMatch(/\p{Extended_Pictographic}|\p{Regional_Indicator}/u);
  });

  it('shows a changed node\'s kind icon as inline SVG in the printable report\'s diff', async () => {
    const after: Board = { ...pulled, nodes: pulled.nodes.map((n, i) => (i === 0 ? { ...n, label: `${n.label} (renamed)` } : n)) };
    const html = printableReport(await intlIn('en'), { title: 'r', board: after, exposure: computeExposure(after), comparison: compareBoards(pulled, after) });
    const item = new DOMParser().parseFromString(html, 'text/html').querySelector('li[data-change="changed"]');
    expect(item?.textContent).toContain('(renamed)');
    expect(item?.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 24 24');
    expect(html).not.toMatch(/\p{Extended_Pictographic}|\p{Regional_Indicator}/u);
  });

  it('is well-formed SVG with a rect and texts per node, a path per flow, labels and notes, and no HTML inside', async () => {
    const doc = parse(boardSvg(await intlIn('en'), withNote));
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.nodeName).toBe('svg');
    expect(doc.querySelector('foreignObject')).toBeNull();
    expect(doc.querySelectorAll('g.node').length).toBe(seed.nodes.length);
    for (const g of doc.querySelectorAll('g.node')) {
      expect(g.querySelector('rect')).not.toBeNull();
      expect(g.querySelectorAll('text').length).toBeGreaterThanOrEqual(2);
    }
    const first = seed.nodes[0];
    expect(doc.querySelector(`g.node[data-id="${first.id}"] text`)?.textContent).toContain(first.label.slice(0, 10));
    expect(doc.querySelectorAll('path.flow').length).toBe(seed.edges.length);
    expect(doc.querySelectorAll('g.flow-label text').length).toBe(seed.edges.length);
    expect(doc.querySelector('g.note[data-id="n-test"]')?.textContent).toContain('Ask <the> port about');
  });

  it('draws flows with their width and colour, cut ones dashed red, and frames every node and note', async () => {
    const doc = parse(boardSvg(await intlIn('en'), withNote));
    const widths = [...doc.querySelectorAll('path.flow')].map((p) => Number(p.getAttribute('stroke-width')));
    expect(Math.max(...widths)).toBeCloseTo(7.5);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(1.5);
    const dashed = [...doc.querySelectorAll('path.flow[stroke-dasharray]')];
    expect(dashed.length).toBeGreaterThan(0);
    for (const p of dashed) expect(p.getAttribute('stroke')).toBe('#d62728');
    expect(parse(boardSvg(await intlIn('en'), seed)).querySelectorAll('path.flow[stroke-dasharray]').length).toBe(0);
    const [x, y] = doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number);
    expect(x).toBeLessThanOrEqual(-440);
    expect(y).toBeLessThanOrEqual(-340);
  });

  it('tints nodes by criticality and shows consumer shortfall from the exposure report, sized as drawn', async () => {
    const looks = nodeLooks(computeExposure(pulled));
    const critical = [...looks].find(([, l]) => l.criticality > 0)![0];
    const sizes = new Map([[critical, { width: 260, height: 140 }]]);
    const doc = parse(boardSvg(await intlIn('en'), pulled, { looks, sizes }));
    const rect = doc.querySelector(`g.node[data-id="${critical}"] rect`)!;
    expect(rect.getAttribute('fill')).toMatch(/^hsl/);
    expect(rect.getAttribute('width')).toBe('260');
    expect(doc.documentElement.textContent).toMatch(/short \d+%/);
  });

  it('wraps note text in lines and cuts what does not fit', async () => {
    expect(wrapText('one two three four', 9, 5)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('a\nb\nc\nd', 10, 2)).toEqual(['a', 'b …']);
  });

  it('reads the drawn sizes of node wrappers', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<div class="react-flow__node" data-id="a" style="width: 210px; height: 95px"></div>';
    expect(drawnSizes(root).get('a')).toEqual({ width: 210, height: 95 });
    expect(drawnSizes(null).size).toBe(0);
  });
});

describe('Exports without one person\'s marks', () => {
  it('the SVG button downloads vector shapes, not an HTML snapshot', async () => {
    const links: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      links.push(this.href);
    });
    vi.mocked(toSvg).mockClear();
    await renderIn(<ExportMenu board={withNote} exposure={null} canvas={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'SVG picture' }));
    expect(toSvg).not.toHaveBeenCalled();
    const svg = decodeURIComponent(links[0].replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    const doc = parse(svg);
    expect(doc.querySelector('rect')).not.toBeNull();
    expect(doc.querySelector('path')).not.toBeNull();
    expect(doc.querySelector('text')).not.toBeNull();
    expect(doc.querySelector('foreignObject')).toBeNull();
  });

  it('the PNG is taken in picture mode (no selection styles) and leaves out peer names, peer outlines and cursors', async () => {
    const container = document.createElement('div');
    container.innerHTML = '<div class="react-flow__viewport"><div class="react-flow__node" data-id="a" style="transform: translate(0px, 0px); width: 200px; height: 90px"></div></div>';
    let during = false;
    vi.mocked(toPng).mockImplementationOnce(async (el: HTMLElement) => {
      during = el.classList.contains(PICTURE_CLASS);
      return 'data:image/png;base64,iVBORw0KGgo=';
    });
    await exportCanvasImage(container, 'png');
    expect(during).toBe(true);
    expect(container.querySelector(`.${PICTURE_CLASS}`)).toBeNull();
    const el = (cls: string) => Object.assign(document.createElement('div'), { className: cls });
    expect(keepInPicture(el('ls-node__peer'))).toBe(false);
    expect(keepInPicture(el('ls-edge__peer'))).toBe(false);
    expect(keepInPicture(el('ls-cursor'))).toBe(false);
    expect(keepInPicture(el('ls-node ls-node--selected'))).toBe(true);
  });
});

describe('Notes in the printable report', () => {
  it('lists the written notes, escaped, with their line breaks', async () => {
    const html = printableReport(await intlIn('en'), { title: 'R', board: withNote, exposure: computeExposure(withNote), generatedAt: '2025-03-01T12:00:00Z' });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const items = [...doc.querySelectorAll('section.notes li')];
    expect(items.length).toBe(withNote.notes.filter((n) => n.text.trim() !== '').length);
    const mine = doc.querySelector('li[data-note="n-test"]')!;
    expect(mine.innerHTML).toBe('Ask &lt;the&gt; port about<br>the 2026 plan');
    expect(notesSection([{ id: 'x', text: '  ' }], 'Notes')).toBe('');
  });
});

describe('boardSvg in Italian', () => {
  it('names kinds, shortfall and figures in Italian with Italian numbers', async () => {
    const looks = nodeLooks(computeExposure(pulled));
    const svg = boardSvg(await intlIn('it'), pulled, { looks });
    const doc = parse(svg);
    const mine = pulled.nodes.find((n) => n.kind === 'mine')!;
    expect(doc.querySelector(`g.node[data-id="${mine.id}"]`)?.textContent).toContain('Miniera');
    expect(doc.documentElement.textContent).toMatch(/ammanco \d+%/);
    expect(doc.documentElement.textContent).toContain('t/anno');
    // Notes are the board's own words; the cards and flow labels are the export's.
    expect(`${doc.querySelector('g.nodes')?.textContent}${doc.querySelector('g.flow-labels')?.textContent}`).not.toMatch(/t\/yr|short \d/);
    const big = pulled.edges.find((e) => e.volume >= 1000);
    if (big) expect(doc.querySelector('g.flow-labels')?.textContent).toMatch(/\d\.\d{3} t\/anno/);
  });
});
