/** Exports: files to download (board file, exposure CSV, node and edge CSV), a picture of the canvas, the printable report window. */
import { getNodesBounds, getViewportForBounds, type InternalNode, type Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type { Board } from '../../shared/board/types';
import { BOM } from '../../shared/csv/csv';
import { edgesToCsv } from '../../shared/csv/edges-csv';
import { exposureToCsv } from '../../shared/csv/exposure-csv';
import { nodesToCsv } from '../../shared/csv/nodes-csv';
import type { ExposureReport } from '../../shared/exposure/types';

/** A file name from a board title: lower case, words joined by "-", at most 60 characters. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'board';
}

/** Saves text as a file through a temporary link (the browser's download). */
export function downloadText(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns: revoke on the next turn, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves a data URL (a canvas picture) as a file. */
export function downloadDataUrl(name: string, dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The board file (format v1, indented JSON) as `<title>.lodestone.json`. */
export function downloadBoardJson(board: Board): void {
  downloadText(`${fileSlug(board.title)}.lodestone.json`, `${JSON.stringify(board, null, 2)}\n`, 'application/json');
}

/** Consumer id -> label of a board's nodes. */
export function labelsOf(board: Board): Map<string, string> {
  return new Map(board.nodes.map((n) => [n.id, n.label]));
}

/** The exposure table (exposureToCsv with the board's labels) as `<title>-exposure.csv`, with a byte order mark so Excel reads UTF-8. */
export function downloadExposureCsv(report: ExposureReport, board: Board): void {
  downloadText(`${fileSlug(board.title)}-exposure.csv`, BOM + exposureToCsv(report, labelsOf(board)), 'text/csv;charset=utf-8');
}

/** The board's nodes and edges as two CSV files in the import format (edit them in a spreadsheet and import them back). */
export function downloadBoardCsv(board: Board): void {
  const slug = fileSlug(board.title);
  downloadText(`${slug}-nodes.csv`, BOM + nodesToCsv(board.nodes), 'text/csv;charset=utf-8');
  downloadText(`${slug}-edges.csv`, BOM + edgesToCsv(board.edges), 'text/csv;charset=utf-8');
}

/** Canvas parts left out of pictures: overlays and one person's marks (peer cursors and selections), not the board. */
const LEFT_OUT = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel', 'react-flow__attribution', 'ls-cursor', 'ls-node__peer', 'ls-edge__peer', 'ls-note__remove'];

/** While a picture is taken, this class on the viewport draws cards unselected and in full detail (canvas.css). */
export const PICTURE_CLASS = 'ls-picture';

/** html-to-image filter: false for the minimap, controls, panels, attribution, peer cursors and selection marks. */
export function keepInPicture(node: HTMLElement): boolean {
  const classes = (node as Element).classList;
  return !classes || !LEFT_OUT.some((name) => classes.contains(name));
}

const TRANSLATE = /translate(?:3d)?\(\s*(-?[\d.]+(?:e[+-]?\d+)?)px\s*,\s*(-?[\d.]+(?:e[+-]?\d+)?)px/i;

/** The flow-space box of every node drawn in a React Flow element, read from the node wrappers (position transform and size). */
export function renderedNodesBounds(root: ParentNode): Rect {
  const lookup = new Map<string, InternalNode>();
  root.querySelectorAll<HTMLElement>('.react-flow__node').forEach((el, i) => {
    const match = TRANSLATE.exec(el.style.transform);
    if (!match) return;
    const position = { x: Number(match[1]), y: Number(match[2]) };
    const id = el.dataset.id ?? String(i);
    const measured = { width: el.offsetWidth, height: el.offsetHeight };
    lookup.set(id, { id, position, data: {}, measured, internals: { positionAbsolute: position, z: 0, userNode: { id, position, data: {} } } } as InternalNode);
  });
  return getNodesBounds([...lookup.keys()], { nodeOrigin: [0, 0], nodeLookup: lookup });
}

/** Options of exportCanvasImage. */
export interface CanvasImageOptions {
  /** The picture's background (default white). */
  background?: string;
  /** Flow-space box to frame (default: every node drawn). */
  bounds?: Rect;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * A picture of a React Flow canvas (the element or an ancestor of its `.react-flow__viewport`) as a PNG or
 * SVG data URL, framing every node as React Flow's "download image" example does (getNodesBounds +
 * getViewportForBounds), without the minimap, controls or panels. Rejects with a sentence when there is no canvas.
 */
export async function exportCanvasImage(element: HTMLElement, kind: 'png' | 'svg', options: CanvasImageOptions = {}): Promise<string> {
  const viewportEl = element.classList.contains('react-flow__viewport') ? element : element.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportEl) throw new Error('There is no board canvas to take a picture of.');
  const bounds = options.bounds ?? renderedNodesBounds(viewportEl);
  const width = Math.round(clamp(bounds.width * 1.1 + 80, 480, 2400));
  const height = Math.round(clamp(bounds.height * 1.1 + 80, 320, 2400));
  const view = getViewportForBounds(bounds.width > 0 ? bounds : { x: 0, y: 0, width, height }, width, height, 0.05, 2, 0.05);
  const settings = {
    backgroundColor: options.background ?? '#ffffff',
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` },
    filter: keepInPicture,
  };
  viewportEl.classList.add(PICTURE_CLASS);
  try {
    return await (kind === 'png' ? toPng(viewportEl, { ...settings, pixelRatio: 2 }) : toSvg(viewportEl, settings));
  } finally {
    viewportEl.classList.remove(PICTURE_CLASS);
  }
}

/**
 * Opens the printable report in a new window (a blob URL, so the page's own scripts never run in it) and
 * opens the print dialog once it has loaded. False when the browser blocked the window.
 */
export function openPrintableReport(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  // Long enough for a slow machine to load the picture; the window keeps its document after revoking.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (!win) return false;
  win.addEventListener('load', () => {
    win.focus();
    win.print();
  });
  return true;
}
