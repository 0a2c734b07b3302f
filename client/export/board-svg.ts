/**
 * The board as a vector SVG that design tools open: nodes as rect + text, flows as paths with their width and
 * colour, flow labels, notes. Built from the board model and the current layout (node sizes as drawn), so it
 * never shows selections, cursors or the zoom's level of detail.
 */
import { Position, getBezierPath } from '@xyflow/react';
import type { IntlShape } from 'react-intl';
import type { Board, BoardNode } from '../../shared/board/types';
import { disruptedEdges } from '../canvas/disrupted';
import { DISRUPTED_COLOR, edgeWidth } from '../canvas/flow-model';
import { nodeFigures } from '../canvas/format';
import { DEFAULT_NODE_SIZE } from '../canvas/node-size';
import { criticalityTint } from '../canvas/nodes';
import { formatsFor } from '../i18n/format';
import { kindName } from '../i18n/kind-name';
import { mineralColor } from '../state/look';
import { DISRUPTED_ICON, KIND_ICONS, iconMarkup } from '../state/kind-icons';
import { esc } from './report-html';

/** A node's drawn size. */
export type Size = { width: number; height: number };

/** Per node: criticality 0..1 and (consumers) worst shortfall, as the canvas tints them. */
export type NodeLooks = ReadonlyMap<string, { criticality: number; shortfall: number | null }>;

/** Options of boardSvg. */
export interface BoardSvgOptions {
  /** Sizes as drawn on the canvas (missing ones use the default card size). */
  sizes?: ReadonlyMap<string, Size>;
  looks?: NodeLooks;
}

const PAD = 40;
const NOTE_W = 180;
const NOTE_H = 120;
const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`);
const n = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : 0);

/** Note text in lines of at most `width` characters (at most `lines` lines). */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
      while (line.length > width) {
        out.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    out.push(line);
  }
  const kept = out.slice(0, lines);
  if (out.length > lines) kept[lines - 1] = cut(`${kept[lines - 1]} …`, width);
  return kept;
}

function nodeSvg(intl: IntlShape, node: BoardNode, size: Size, look: { criticality: number; shortfall: number | null } | undefined): string {
  const f = formatsFor(intl);
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `export.svg.${id}` }, values);
  const { x, y } = node.position;
  const tint = criticalityTint(look?.criticality ?? 0);
  const chars = Math.floor((size.width - 52) / 7);
  const parts = [
    `<rect x="${n(x)}" y="${n(y)}" width="${n(size.width)}" height="${n(size.height)}" rx="10" fill="${tint.background ?? '#ffffff'}" stroke="${tint.borderColor ?? '#d9dde5'}" stroke-width="1.5"/>`,
    iconMarkup(KIND_ICONS[node.kind], { size: 15, x: n(x + 10), y: n(y + 9), color: '#1f2430' }),
    `<text x="${n(x + 30)}" y="${n(y + 21)}" font-size="13" font-weight="600" fill="#1f2430">${esc(cut(node.label, chars))}</text>`,
    `<text x="${n(x + 10)}" y="${n(y + 38)}" font-size="11" fill="#667085">${esc(`${node.country} · ${kindName(intl, node.kind)}`)}</text>`,
  ];
  if (node.kind === 'consumer' && look && look.shortfall !== null) {
    const bad = look.shortfall > 0;
    parts.push(`<text x="${n(x + size.width - 10)}" y="${n(y + 38)}" font-size="11" font-weight="600" text-anchor="end" fill="${bad ? '#d62728' : '#2e7d32'}">${esc(bad ? t('short', { share: f.percent(look.shortfall) }) : t('covered'))}</text>`);
  }
  const rows = Math.max(0, Math.floor((size.height - 50) / 16));
  const primary = nodeFigures(node)[0]?.field;
  nodeFigures(node).slice(0, rows).forEach((figure, i) => {
    const ty = y + 60 + i * 16;
    // The card's words in the report's language: the main field bare, the others named ("cap 12K t/yr").
    const amount = f.compact(node[figure.field]?.[figure.mineral] ?? 0);
    const text = t(`figure.${figure.field}${figure.field === primary ? '' : '.named'}`, { amount });
    parts.push(
      `<circle cx="${n(x + 14)}" cy="${n(ty - 4)}" r="4" fill="${mineralColor(figure.mineral)}"/>`,
      `<text x="${n(x + 24)}" y="${n(ty)}" font-size="11.5" fill="#667085">${esc(figure.mineral)}</text>`,
      `<text x="${n(x + size.width - 10)}" y="${n(ty)}" font-size="11.5" font-weight="600" text-anchor="end" fill="#1f2430">${esc(text)}</text>`,
    );
  });
  return `<g class="node" data-id="${esc(node.id)}">${parts.join('')}</g>`;
}

/** The whole board as an SVG document (text), its words and numbers in `intl`'s language. */
export function boardSvg(intl: IntlShape, board: Board, options: BoardSvgOptions = {}): string {
  const f = formatsFor(intl);
  const sizeOf = (id: string): Size => options.sizes?.get(id) ?? DEFAULT_NODE_SIZE;
  const byId = new Map(board.nodes.map((node) => [node.id, node]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const node of board.nodes) {
    const s = sizeOf(node.id);
    xs.push(node.position.x, node.position.x + s.width);
    ys.push(node.position.y, node.position.y + s.height);
  }
  for (const note of board.notes) {
    xs.push(note.position.x, note.position.x + NOTE_W);
    ys.push(note.position.y, note.position.y + NOTE_H);
  }
  const minX = xs.length > 0 ? Math.min(...xs) - PAD : 0;
  const minY = ys.length > 0 ? Math.min(...ys) - PAD : 0;
  const width = xs.length > 0 ? Math.max(...xs) + PAD - minX : 400;
  const height = ys.length > 0 ? Math.max(...ys) + PAD - minY : 300;

  const cutBy = disruptedEdges(board);
  const maxVolume = board.edges.reduce((m, e) => (Number.isFinite(e.volume) && e.volume > m ? e.volume : m), 0);
  const colors = new Set<string>();
  const flows: string[] = [];
  const labels: string[] = [];
  for (const edge of board.edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b) continue;
    const sa = sizeOf(a.id);
    const sb = sizeOf(b.id);
    const [d, lx, ly] = getBezierPath({
      sourceX: a.position.x + sa.width, sourceY: a.position.y + sa.height / 2, sourcePosition: Position.Right,
      targetX: b.position.x, targetY: b.position.y + sb.height / 2, targetPosition: Position.Left,
    });
    const disrupted = cutBy.has(edge.id);
    const color = disrupted ? DISRUPTED_COLOR : mineralColor(edge.mineral);
    colors.add(color);
    const marker = `arrow-${[...colors].indexOf(color)}`;
    flows.push(`<path class="flow" data-id="${esc(edge.id)}" d="${d}" fill="none" stroke="${color}" stroke-width="${n(edgeWidth(edge.volume, maxVolume))}"${disrupted ? ' stroke-dasharray="7 5"' : ''} marker-end="url(#${marker})"/>`);
    const text = `${edge.mineral} · ${f.perYear(edge.volume)}`;
    // A cut flow's label starts with the no-entry mark (an SVG icon, 12 wide, and a gap).
    const mark = disrupted ? 15 : 0;
    const w = text.length * 6.2 + 12 + mark;
    labels.push(
      `<g class="flow-label"><rect x="${n(lx - w / 2)}" y="${n(ly - 9)}" width="${n(w)}" height="18" rx="6" fill="#ffffff" fill-opacity="0.92" stroke="${disrupted ? DISRUPTED_COLOR : '#d9dde5'}"/>` +
      (disrupted ? iconMarkup(DISRUPTED_ICON, { size: 12, x: n(lx - w / 2 + 6), y: n(ly - 6), color: DISRUPTED_COLOR }) : '') +
      `<text x="${n(lx + mark / 2)}" y="${n(ly + 4)}" font-size="11" text-anchor="middle" fill="${disrupted ? DISRUPTED_COLOR : '#1f2430'}">${esc(text)}</text></g>`,
    );
  }
  const markers = [...colors].map((c, i) => `<marker id="arrow-${i}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`);
  const nodes = board.nodes.map((node) => nodeSvg(intl, node, sizeOf(node.id), options.looks?.get(node.id)));
  const notes = board.notes.map((note) => {
    const { x, y } = note.position;
    const lines = wrapText(note.text, 24, 6).map((line, i) => `<tspan x="${n(x + 12)}" y="${n(y + 24 + i * 17)}">${esc(line)}</tspan>`).join('');
    return `<g class="note" data-id="${esc(note.id)}"><rect x="${n(x)}" y="${n(y)}" width="${NOTE_W}" height="${NOTE_H}" rx="4" fill="#fff3a3" stroke="#e6c700"/><text font-size="13" fill="#3d3300">${lines}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(minX)} ${n(minY)} ${n(width)} ${n(height)}" font-family="${esc(FONT)}">`,
    `<title>${esc(board.title)}</title><defs>${markers.join('')}</defs>`,
    `<rect x="${n(minX)}" y="${n(minY)}" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    `<g class="flows">${flows.join('')}</g><g class="nodes">${nodes.join('')}</g><g class="flow-labels">${labels.join('')}</g><g class="notes">${notes.join('')}</g>`,
    '</svg>',
  ].join('');
}

/** Node sizes as drawn in a React Flow element (nodes not drawn, e.g. off screen, are left out). */
export function drawnSizes(root: ParentNode | null): Map<string, Size> {
  const sizes = new Map<string, Size>();
  root?.querySelectorAll<HTMLElement>('.react-flow__node[data-id]').forEach((el) => {
    if (el.offsetWidth > 0 && el.offsetHeight > 0) sizes.set(el.dataset.id!, { width: el.offsetWidth, height: el.offsetHeight });
  });
  return sizes;
}

/** An SVG document as a data URL. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
