/**
 * Level of detail for dense boards zoomed far out: every flow is drawn as part of a few batched SVG paths
 * (per block of flows: one per colour, stroke class and dash), instead of one React Flow edge (three paths,
 * a marker and a store subscription) per flow.
 */
import type { BoardEdge, Disruption } from '../../shared/board/types';
import { mineralColor } from '../state/look';
import { DISRUPTED_COLOR } from './flow-model';
import type { RerouteView } from './reroute-view';
import { ALTERNATIVE_COLOR, isAlternative } from './route-look';

/** Where a node's flows leave (right middle) and arrive (left middle), in flow coordinates. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One batched path: flows of one block, colour, stroke class and dash. */
export interface FarPath {
  key: string;
  color: string;
  /** Stroke width in screen pixels (drawn with a non-scaling stroke). */
  width: number;
  /** Cut by a lever: dashed red. */
  dashed: boolean;
  /** An alternative route that carries nothing (in the plan, or after rerouting): dashed grey. */
  alternative?: boolean;
  d: string;
}

/** How one flow is drawn in the far layer. */
export interface FarFlowLook {
  color: string;
  /** Index into FAR_WIDTHS. */
  widthClass: number;
  dashed: boolean;
  alternative: boolean;
}

/** Screen-pixel stroke widths for small, medium and large flows (by the share of the board's largest flow). */
export const FAR_WIDTHS = [0.75, 1.25, 2] as const;
/** Flows per block: an edit re-sends only its block's path data to the browser. */
export const FAR_BLOCK = 256;

/** The width class (index into FAR_WIDTHS) of a volume against the largest one. */
export function widthClass(volume: number, maxVolume: number): number {
  const share = maxVolume > 0 && Number.isFinite(volume) && volume > 0 ? Math.sqrt(Math.min(1, volume / maxVolume)) : 0;
  return share > 0.6 ? 2 : share > 0.3 ? 1 : 0;
}

// The same curve as React Flow's bezier edge from a right handle to a left handle.
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** The bezier from `from`'s right middle to `to`'s left middle, rounded to whole flow pixels. */
export function farCurve(from: NodeBox, to: NodeBox): string {
  const sx = Math.round(from.x + from.width);
  const sy = Math.round(from.y + from.height / 2);
  const tx = Math.round(to.x);
  const ty = Math.round(to.y + to.height / 2);
  const o = Math.round(controlOffset(tx - sx));
  return `M${sx} ${sy}C${sx + o} ${sy} ${tx - o} ${ty} ${tx} ${ty}`;
}

/** What one block's paths were drawn from, and the paths. */
interface BlockEntry {
  inputs: unknown[];
  paths: FarPath[];
}

/**
 * Remembers each flow's curve while the flow and both end boxes are the same objects, and each block's paths
 * while everything they were drawn from is the same (a lever toggle redraws only the blocks whose flows it cuts).
 */
export class CurveCache {
  private cache = new Map<string, { edge: BoardEdge; from: NodeBox; to: NodeBox; d: string }>();
  /** Block index -> its last paths. */
  readonly blocks = new Map<number, BlockEntry>();

  /** The curve of `edge` between two boxes. */
  get(edge: BoardEdge, from: NodeBox, to: NodeBox): string {
    const hit = this.cache.get(edge.id);
    if (hit && hit.from === from && hit.to === to && (hit.edge === edge || (hit.edge.from === edge.from && hit.edge.to === edge.to))) return hit.d;
    const d = farCurve(from, to);
    this.cache.set(edge.id, { edge, from, to, d });
    return d;
  }

  /** Forgets flows that are gone. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.cache.keys()) if (!ids.has(id)) this.cache.delete(id);
  }
}

/**
 * The look of one flow, as the near view draws it: disrupted ones red and dashed; with "after rerouting" on
 * (`rerouted`), the width follows the rerouted volume (against the largest planned or rerouted flow) and an
 * alternative route that carries flow lights up in its mineral's colour; an idle alternative route is grey.
 */
export function farFlowLook(edge: BoardEdge, cutByLever: boolean, maxVolume: number, rerouted: RerouteView | null = null): FarFlowLook {
  const flow = rerouted === null ? null : rerouted.flows.get(edge.id) ?? 0;
  const alternative = !cutByLever && isAlternative(edge) && !(flow !== null && flow > 0);
  const color = cutByLever ? DISRUPTED_COLOR : alternative ? ALTERNATIVE_COLOR : mineralColor(edge.mineral);
  const w = flow === null ? widthClass(edge.volume, maxVolume) : widthClass(flow, Math.max(maxVolume, rerouted!.maxFlow));
  return { color, widthClass: w, dashed: cutByLever, alternative };
}

/**
 * The batched paths for `edges` (those in `skip`, drawn by React Flow, and those with a missing end are
 * left out); `cut` gives the disrupted edges, drawn dashed red.
 */
export function farEdgePaths(
  edges: readonly BoardEdge[],
  boxes: ReadonlyMap<string, NodeBox>,
  cut: ReadonlyMap<string, Disruption[]>,
  skip: ReadonlySet<string>,
  curves: CurveCache = new CurveCache(),
  rerouted: RerouteView | null = null,
): FarPath[] {
  let maxVolume = 0;
  for (const e of edges) if (Number.isFinite(e.volume) && e.volume > maxVolume) maxVolume = e.volume;
  const out: FarPath[] = [];
  const blocks = Math.ceil(edges.length / FAR_BLOCK);
  for (let b = 0; b < blocks; b++) {
    const start = b * FAR_BLOCK;
    const end = Math.min(edges.length, start + FAR_BLOCK);
    // Everything the block's look depends on, compared item by item with what it was last drawn from.
    const inputs: unknown[] = [maxVolume, rerouted === null ? null : rerouted.maxFlow];
    for (let i = start; i < end; i++) {
      const e = edges[i];
      inputs.push(e, boxes.get(e.from), boxes.get(e.to), cut.has(e.id), skip.has(e.id), rerouted === null ? null : rerouted.flows.get(e.id) ?? 0);
    }
    const hit = curves.blocks.get(b);
    if (hit !== undefined && hit.inputs.length === inputs.length && hit.inputs.every((v, i) => v === inputs[i])) {
      out.push(...hit.paths);
      continue;
    }
    const paths = blockPaths(b, edges, start, end, boxes, cut, skip, curves, maxVolume, rerouted);
    curves.blocks.set(b, { inputs, paths });
    out.push(...paths);
  }
  for (const b of curves.blocks.keys()) if (b >= blocks) curves.blocks.delete(b);
  // Idle alternative routes first, disrupted flows last (so they stay on top); then wider over thinner.
  const rank = (p: FarPath) => (p.dashed ? 2 : p.alternative ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.width - b.width || (a.key < b.key ? -1 : 1));
}

/** The paths of the flows edges[start..end), block `b`. */
function blockPaths(
  b: number, edges: readonly BoardEdge[], start: number, end: number, boxes: ReadonlyMap<string, NodeBox>, cut: ReadonlyMap<string, Disruption[]>,
  skip: ReadonlySet<string>, curves: CurveCache, maxVolume: number, rerouted: RerouteView | null,
): FarPath[] {
  const groups = new Map<string, { color: string; width: number; dashed: boolean; alternative: boolean; parts: string[] }>();
  for (let i = start; i < end; i++) {
    const edge = edges[i];
    if (skip.has(edge.id)) continue;
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) continue;
    const { color, widthClass: w, dashed, alternative } = farFlowLook(edge, cut.has(edge.id), maxVolume, rerouted);
    const key = `${b}|${color}|${w}|${dashed ? 'd' : alternative ? 'a' : 's'}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { color, width: FAR_WIDTHS[w], dashed, alternative, parts: [] }));
    group.parts.push(curves.get(edge, from, to));
  }
  return [...groups].map(([key, g]): FarPath => ({ key, color: g.color, width: g.width, dashed: g.dashed, ...(g.alternative ? { alternative: true } : {}), d: g.parts.join('') }));
}
