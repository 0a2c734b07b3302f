/**
 * The node kinds' icons as SVG shapes (Lucide's icon data, imported one by one so only these are bundled):
 * drawn the same without an emoji font (headless Linux, Windows), on cards, in lists and in exported files.
 */
import { Ban, Building2, Cog, Factory, Package, Pickaxe, Recycle, Ship } from 'lucide';
import type { NodeKind } from '../../shared/board/types';

/** An icon's shapes: [tag, attributes] pairs on a 24 x 24 grid, stroked. */
export type IconShapes = readonly (readonly [tag: string, attrs: Record<string, string | number | undefined>])[];

/** The icon of each node kind. */
export const KIND_ICONS: Readonly<Record<NodeKind, IconShapes>> = {
  mine: Pickaxe, refinery: Factory, transport: Ship, stockpile: Package, recycler: Recycle, consumer: Building2, manufacturer: Cog,
};

/** The mark of a flow cut by an enabled lever. */
export const DISRUPTED_ICON: IconShapes = Ban;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Options of iconMarkup. */
export interface IconMarkupOptions {
  size: number;
  /** Top left corner, for an icon placed inside a larger SVG. */
  x?: number;
  y?: number;
  color?: string;
}

/** The icon as SVG markup (a nested <svg> when x/y are given), for exports that are files and not React. */
export function iconMarkup(shapes: IconShapes, { size, x, y, color = 'currentColor' }: IconMarkupOptions): string {
  const place = x === undefined && y === undefined ? ' xmlns="http://www.w3.org/2000/svg"' : ` x="${x ?? 0}" y="${y ?? 0}"`;
  const inner = shapes.map(([tag, attrs]) => {
    const list = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');
    return `<${tag}${list}/>`;
  }).join('');
  return `<svg${place} width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="${esc(color)}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner}</svg>`;
}
