/**
 * Level of detail for dense boards zoomed far out: node cards are drawn as plain tinted blocks in a few
 * batched SVG paths (the cards' DOM is hidden, which spares the browser 2,000 transformed layers per frame).
 */
import type { NodeKind } from '../../shared/board/types';
import type { NodeBox } from './far-edge-paths';
import type { FlowNode, NodeLook } from './flow-model';
import { criticalityTint } from './nodes';

/** Block fill per kind when a node has no criticality tint (the far-zoom card colours). */
export const FAR_KIND_FILL: Record<NodeKind, string> = {
  mine: '#eadfd8', refinery: '#e7eaf0', transport: '#e7eaf0', stockpile: '#e7eaf0', recycler: '#e7eaf0', consumer: '#dcd3ee', manufacturer: '#e7eaf0',
};
const FAR_BORDER = '#c3c9d4';
/** Outline of my selection. */
export const FAR_SELECTED = '#2563eb';

/** One batched path of node blocks: same fill and border, or an outline (selection, a peer's selection). */
export interface FarNodePath {
  key: string;
  d: string;
  fill: string;
  stroke: string;
  /** True for outlines, drawn with a non-scaling stroke of 2 screen pixels. */
  outline: boolean;
}

/** Nodes per block: a changed tint re-sends only its block's path data. */
export const FAR_NODE_BLOCK = 256;

const rect = (b: NodeBox) => `M${Math.round(b.x)} ${Math.round(b.y)}h${Math.round(b.width)}v${Math.round(b.height)}h${-Math.round(b.width)}z`;

type Block = { box: NodeBox; criticality: number; fill: string; stroke: string; d: string };
// A node object and its box are immutable: their block is computed once per criticality.
const blocks = new WeakMap<FlowNode, Block>();

function blockOf(n: FlowNode, box: NodeBox, criticality: number): Block {
  const hit = blocks.get(n);
  if (hit && hit.box === box && hit.criticality === criticality) return hit;
  const tint = criticalityTint(criticality);
  const block = { box, criticality, fill: tint.background ?? FAR_KIND_FILL[n.data.node.kind] ?? '#e7eaf0', stroke: tint.borderColor ?? FAR_BORDER, d: rect(box) };
  blocks.set(n, block);
  return block;
}

/** Blocks for `nodes` at their boxes, tinted by their criticality in `looks`, grouped by look; outlines for selected nodes and nodes a peer selected. */
export function farNodePaths(nodes: readonly FlowNode[], boxes: ReadonlyMap<string, NodeBox>, looks: ReadonlyMap<string, NodeLook>): FarNodePath[] {
  const fills = new Map<string, { fill: string; stroke: string; parts: string[] }>();
  const outlines = new Map<string, string[]>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const box = boxes.get(n.id);
    if (!box) continue;
    const { fill, stroke, d } = blockOf(n, box, looks.get(n.id)?.criticality ?? 0);
    const key = `${Math.floor(i / FAR_NODE_BLOCK)}|${fill}|${stroke}`;
    let group = fills.get(key);
    if (!group) fills.set(key, (group = { fill, stroke, parts: [] }));
    group.parts.push(d);
    for (const color of [n.data.peer?.color, n.selected ? FAR_SELECTED : undefined]) {
      if (color === undefined) continue;
      const list = outlines.get(color) ?? [];
      list.push(d);
      outlines.set(color, list);
    }
  }
  return [
    ...[...fills].map(([key, g]) => ({ key, d: g.parts.join(''), fill: g.fill, stroke: g.stroke, outline: false })),
    ...[...outlines].map(([color, parts]) => ({ key: `outline|${color}`, d: parts.join(''), fill: 'none', stroke: color, outline: true })),
  ];
}
