/**
 * What the map draws, derived from the board: each placed node (frame point, ring offset, criticality tint,
 * consumer shortfall) and each flow between placed nodes (arc, colour, width, dash), with the same looks as the canvas. Pure.
 */
import type { GeoProjection } from 'd3-geo';
import type { BoardEdge, BoardNode, Disruption } from '../../shared/board/types';
import { DISRUPTED_COLOR, edgeWidth, type NodeLook } from '../canvas/flow-model';
import type { RerouteView } from '../canvas/reroute-view';
import { ALTERNATIVE_COLOR, isAlternative } from '../canvas/route-look';
import { mineralColor } from '../state/look';
import { arcPath } from './arcs';
import { projectNode } from './projection';
import { spreadSites, type Offset } from './spread';

/** A node placed on the map. */
export interface MapNodeItem {
  node: BoardNode;
  x: number;
  y: number;
  /** Screen offset within a shared site's ring (0, 0 when alone). */
  dx: number;
  dy: number;
  criticality: number;
  /** Consumers: the worst shortfall share (null without a report entry, and for other kinds). */
  shortfall: number | null;
}

/** How a flow is drawn. */
export type ArcKind = 'flow' | 'cut' | 'alternative' | 'rerouted';

/** A flow drawn on the map. */
export interface MapArcItem {
  edge: BoardEdge;
  d: string;
  kind: ArcKind;
  stroke: string;
  /** Stroke width in screen pixels. */
  width: number;
  dash: string | undefined;
  /** Labels of the levers cutting it, or null. */
  cutBy: string | null;
  /** With "after rerouting" on: the rerouted t/yr; null otherwise. */
  rerouted: number | null;
}

const NO_OFFSET: Offset = { dx: 0, dy: 0 };

/** The board's placed nodes, in board order, with their looks and ring offsets. */
export function mapNodes(nodes: readonly BoardNode[], projection: GeoProjection, looks: ReadonlyMap<string, NodeLook>): MapNodeItem[] {
  const placed: { node: BoardNode; x: number; y: number }[] = [];
  for (const node of nodes) {
    const p = projectNode(projection, node);
    if (p) placed.push({ node, x: p.x, y: p.y });
  }
  const offsets = spreadSites(placed.map(({ node, x, y }) => ({ id: node.id, x, y })));
  return placed.map(({ node, x, y }) => {
    const look = looks.get(node.id);
    const { dx, dy } = offsets.get(node.id) ?? NO_OFFSET;
    return { node, x, y, dx, dy, criticality: look?.criticality ?? 0, shortfall: node.kind === 'consumer' ? (look?.shortfall ?? null) : null };
  });
}

/** Remembers arc paths by their two places, so a lever toggle or a volume edit recomputes no great circle. */
export class ArcPaths {
  private paths = new Map<string, string | null>();

  constructor(private readonly projection: GeoProjection) {}

  /** The path from one node to the other (both placed), or null. */
  get(from: { lat: number; lon: number }, to: { lat: number; lon: number }): string | null {
    const key = `${from.lon},${from.lat},${to.lon},${to.lat}`;
    let d = this.paths.get(key);
    if (d === undefined) {
      d = arcPath(this.projection, from, to);
      if (this.paths.size > 50_000) this.paths.clear();
      this.paths.set(key, d);
    }
    return d;
  }
}

/** The board's flows between placed nodes: arcs coloured by mineral, wider for larger volumes, cut ones dashed red, alternative routes dashed grey. */
export function mapArcs(
  edges: readonly BoardEdge[], nodes: readonly BoardNode[], paths: ArcPaths,
  cut: ReadonlyMap<string, Disruption[]>, rerouted: RerouteView | null,
): MapArcItem[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let maxVolume = 0;
  for (const e of edges) if (Number.isFinite(e.volume) && e.volume > maxVolume) maxVolume = e.volume;
  const out: MapArcItem[] = [];
  for (const edge of edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to || typeof from.lat !== 'number' || typeof from.lon !== 'number' || typeof to.lat !== 'number' || typeof to.lon !== 'number') continue;
    const d = paths.get({ lat: from.lat, lon: from.lon }, { lat: to.lat, lon: to.lon });
    if (d === null) continue;
    const levers = cut.get(edge.id);
    const flow = rerouted ? (rerouted.flows.get(edge.id) ?? 0) : null;
    let kind: ArcKind = 'flow';
    if (levers) kind = 'cut';
    else if (isAlternative(edge) && !(flow !== null && flow > 0)) kind = 'alternative';
    else if (flow !== null && flow > edge.volume + 1e-9) kind = 'rerouted';
    const width = flow !== null ? edgeWidth(flow, rerouted!.maxFlow) : edgeWidth(edge.volume, maxVolume);
    out.push({
      edge, d, kind, width,
      stroke: kind === 'cut' ? DISRUPTED_COLOR : kind === 'alternative' ? ALTERNATIVE_COLOR : mineralColor(edge.mineral),
      dash: kind === 'cut' ? '7 5' : kind === 'alternative' ? '4 4' : kind === 'rerouted' ? '10 3' : undefined,
      cutBy: levers ? levers.map((l) => l.label).join(', ') : null,
      rerouted: flow,
    });
  }
  return out;
}

/** A node being dragged: its id and the place under the pointer. */
export interface MovedNode {
  id: string;
  place: { lat: number; lon: number };
}

/** The path of `arc` with `moved` at its dragged place (the arc's own path when it does not touch that node, or when nothing shows). */
export function pathWithMovedNode(arc: MapArcItem, moved: MovedNode | null, placeOf: ReadonlyMap<string, { lat: number; lon: number }>, paths: ArcPaths): string {
  if (moved === null || (arc.edge.from !== moved.id && arc.edge.to !== moved.id)) return arc.d;
  const from = arc.edge.from === moved.id ? moved.place : placeOf.get(arc.edge.from);
  const to = arc.edge.to === moved.id ? moved.place : placeOf.get(arc.edge.to);
  return (from && to && paths.get(from, to)) || arc.d;
}
