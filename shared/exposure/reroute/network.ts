/**
 * The rerouting network of one mineral (scenario-analysis.md section 3) and its flow graph: every
 * non-consumer node is two points joined by its throughput limit, a consumer is one point that
 * reaches the super-sink, edges run from their tail's out-point to their head's in-point.
 */
import type { Factors } from '../factors';
import { propagateFlow } from '../flow';
import { compileMineralGraph, type IndexedEdge, type MineralGraph } from '../graph';
import { KIND, type NodeTable } from '../node-table';
import { ZERO_TOLERANCE } from '../types';

/** The super-source and super-sink points. */
export const SOURCE = 0;
export const SINK = 1;

/** What rerouting can use, per node and per edge, under the scenario's factors. */
export interface RerouteNetwork {
  /** 1 for edges that are network arcs (not leaving a consumer, not entering a mine or recycler). */
  isArc: Uint8Array;
  /** Planned inflow and outflow over network arcs (I_n, O_n). */
  inflow: Float64Array;
  outflow: Float64Array;
  /** 1 for mines, recyclers and other non-consumer nodes with no network arc into them. */
  source: Uint8Array;
  /** C_n, the usable throughput before lever factors. */
  usable: Float64Array;
  /** f_n * C_n. */
  nodeLimit: Float64Array;
  /** f_n * max(0, O_n - I_n) for non-source nodes. */
  localSupply: Float64Array;
  /** The edge's limit before factors (max(capacity, volume), or volume), and g_e times it split into planned and extra parts. */
  edgeLimit: Float64Array;
  plannedPart: Float64Array;
  extraPart: Float64Array;
  /** S_c: planned inflow over network arcs, per consumer node. */
  planned: Float64Array;
  /** F_c: the v1 flow rule run on the network. */
  floor: Float64Array;
  /** The flow of that rule per mineral edge (a feasible flow that delivers the floors). */
  floorFlow: Float64Array;
  /** Consumer nodes of the network with S_c > 0. */
  consumers: number[];
  /** Whether the scenario cuts nothing the network carries (then every consumer gets S_c). */
  uncut: boolean;
}

/** Builds the rerouting network; `added` is the enabled expansions' capacity per node for this mineral. */
export function buildNetwork(g: MineralGraph, table: NodeTable, factors: Factors | null, added: Float64Array | null): RerouteNetwork {
  const n = g.nodeCount;
  const m = g.from.length;
  const isArc = new Uint8Array(m);
  const inflow = new Float64Array(n);
  const outflow = new Float64Array(n);
  const hasArcIn = new Uint8Array(n);
  const arcs: IndexedEdge[] = [];
  const arcEdge: number[] = [];
  for (let e = 0; e < m; e++) {
    const from = g.from[e];
    const to = g.to[e];
    if (table.kind[from] === KIND.consumer || table.kind[to] === KIND.mine || table.kind[to] === KIND.recycler) continue;
    isArc[e] = 1;
    inflow[to] += g.volume[e];
    outflow[from] += g.volume[e];
    hasArcIn[to] = 1;
    arcs.push({ id: g.edgeIds[e], from, to, volume: g.volume[e] });
    arcEdge.push(e);
  }
  const source = new Uint8Array(n);
  const usable = new Float64Array(n);
  const nodeLimit = new Float64Array(n);
  const localSupply = new Float64Array(n);
  const planned = new Float64Array(n);
  const consumers: number[] = [];
  for (let v = 0; v < n; v++) {
    if (!g.touched[v]) continue;
    const kind = table.kind[v];
    if (kind === KIND.consumer) {
      planned[v] = inflow[v];
      if (inflow[v] > 0) consumers.push(v);
      continue;
    }
    source[v] = kind === KIND.mine || kind === KIND.recycler || hasArcIn[v] === 0 ? 1 : 0;
    const stated = table.nodes[v].capacity[g.mineral];
    const extra = added === null ? 0 : added[v];
    usable[v] = stated === undefined ? outflow[v] + extra : Math.max(stated + extra, outflow[v]);
    const f = factors === null ? 1 : factors.node[v];
    nodeLimit[v] = f * usable[v];
    if (source[v] === 0) localSupply[v] = f * Math.max(0, outflow[v] - inflow[v]);
  }
  const edgeLimit = new Float64Array(m);
  const plannedPart = new Float64Array(m);
  const extraPart = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    if (!isArc[e]) continue;
    const volume = g.volume[e];
    const cap = g.capacity[e];
    edgeLimit[e] = Number.isNaN(cap) ? volume : Math.max(cap, volume);
    const factor = factors === null ? 1 : factors.edge[e];
    plannedPart[e] = factor * volume;
    extraPart[e] = factor * (edgeLimit[e] - volume);
  }
  const floor = new Float64Array(n);
  const floorFlow = new Float64Array(m);
  let uncut = true;
  if (factors !== null && factors.cuts) {
    const network = compileMineralGraph(g.mineral, n, arcs);
    const edgeFactor = new Float64Array(arcs.length);
    arcEdge.forEach((e, i) => (edgeFactor[i] = factors.edge[e]));
    const flow = propagateFlow(network, factors.node, edgeFactor);
    arcEdge.forEach((e, i) => (floorFlow[e] = g.volume[e] * flow.ratio[g.from[e]] * edgeFactor[i]));
    for (const c of consumers) {
      floor[c] = Math.min(planned[c], flow.actualInflow[c]);
      if (floor[c] < planned[c] - ZERO_TOLERANCE) uncut = false;
    }
  } else {
    for (const e of arcEdge) floorFlow[e] = g.volume[e];
    for (const c of consumers) floor[c] = planned[c];
  }
  return { isArc, inflow, outflow, source, usable, nodeLimit, localSupply, edgeLimit, plannedPart, extraPart, planned, floor, floorFlow, consumers, uncut };
}

/** The arcs of the flow graph as flat lists, with the points of each node. */
export interface FlowGraph {
  pointCount: number;
  /** In-point and out-point of each node (the same point for a consumer; -1 off the network). */
  pointIn: Int32Array;
  pointOut: Int32Array;
  /** The node of each point (-1 for the super-source and super-sink). */
  nodeOf: Int32Array;
  tail: number[];
  head: number[];
  cap: number[];
  /** The mineral edge an arc carries (-1 for node, supply and sink arcs). */
  edge: number[];
  /** 1 for the part of an edge above its planned volume. */
  extra: number[];
  /** Index of each consumer's sink arc in the lists, by consumer node. */
  sinkArc: Map<number, number>;
}

/** Lays the network out as a flow graph; consumers' sink arcs get capacity S_c. */
export function buildFlowGraph(g: MineralGraph, table: NodeTable, net: RerouteNetwork): FlowGraph {
  const n = g.nodeCount;
  const pointIn = new Int32Array(n).fill(-1);
  const pointOut = new Int32Array(n).fill(-1);
  const nodeOfPoints: number[] = [-1, -1];
  let points = 2;
  for (let v = 0; v < n; v++) {
    if (!g.touched[v]) continue;
    pointIn[v] = points++;
    nodeOfPoints.push(v);
    if (table.kind[v] === KIND.consumer) pointOut[v] = pointIn[v];
    else {
      pointOut[v] = points++;
      nodeOfPoints.push(v);
    }
  }
  const fg: FlowGraph = {
    pointCount: points, pointIn, pointOut, nodeOf: Int32Array.from(nodeOfPoints),
    tail: [], head: [], cap: [], edge: [], extra: [], sinkArc: new Map(),
  };
  const add = (u: number, v: number, cap: number, edge = -1, extra = 0): number => {
    fg.tail.push(u);
    fg.head.push(v);
    fg.cap.push(cap);
    fg.edge.push(edge);
    fg.extra.push(extra);
    return fg.tail.length - 1;
  };
  for (let v = 0; v < n; v++) {
    if (!g.touched[v] || table.kind[v] === KIND.consumer) continue;
    if (net.source[v]) add(SOURCE, pointIn[v], Infinity);
    else if (net.localSupply[v] > 0) add(SOURCE, pointIn[v], net.localSupply[v]);
    add(pointIn[v], pointOut[v], net.nodeLimit[v]);
  }
  for (let e = 0; e < g.from.length; e++) {
    if (!net.isArc[e]) continue;
    const u = pointOut[g.from[e]];
    const w = pointIn[g.to[e]];
    if (net.plannedPart[e] > 0) add(u, w, net.plannedPart[e], e, 0);
    if (net.extraPart[e] > 0) add(u, w, net.extraPart[e], e, 1);
  }
  for (const c of net.consumers) fg.sinkArc.set(c, add(pointIn[c], SINK, net.planned[c]));
  return fg;
}

/** A tolerance for flow amounts on this graph: a trillionth of its largest finite capacity. */
export function flowEpsilon(fg: FlowGraph): number {
  let scale = 0;
  for (const c of fg.cap) if (c !== Infinity && c > scale) scale = c;
  return scale > 0 ? scale * 1e-12 : 1e-300;
}
