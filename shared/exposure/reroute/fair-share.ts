/**
 * The lexicographically max-min fair delivery of scenario-analysis.md section 3, by divide and conquer
 * over parametric minimum cuts. Consumer c's sink arc gets x_c(t) = max(F_c, t * S_c). For any level t
 * the maximum flow with those caps delivers min(x*_c, x_c(t)) to each consumer (x* the fair vector),
 * so its minimum cut splits the consumers: those reachable from the super-source in the residual graph
 * get at least x_c(t), the others exactly their fair share, all of which crosses the cut. Both sides
 * are then solved on their own (the cut arcs become fixed demands on one side and supplies on the
 * other), each on its part of the graph, until every part delivers its share.
 */
import { FlowNetwork } from './flow-network';
import { SINK, SOURCE, type FlowGraph, type RerouteNetwork } from './network';

/** The fair delivery, a flow that achieves it, and the root cut (for bottlenecks). */
export interface FairShare {
  /** Delivered per consumer node. */
  delivered: Float64Array;
  /** Flow per arc of the flow graph. */
  arcFlow: Float64Array;
  /** 1 for each point of the flow graph reachable from the super-source at the maximum flow with caps S_c. */
  reach: Uint8Array;
}

interface Region {
  points: number[];
  /** Fixed amounts entering at a point (cut arcs from a part solved elsewhere). */
  supply: Map<number, number>;
  /** Fixed amounts that must leave at a point (cut arcs into a part solved elsewhere). */
  demand: Map<number, number>;
  consumers: number[];
  lo: number;
  hi: number;
  /** What the region's consumers receive in total, when known. */
  target: number | null;
}

/** Largest t in [lo, hi] with sum of max(F_c, t * S_c) <= target. */
export function levelFor(consumers: readonly number[], floor: Float64Array, planned: Float64Array, target: number, lo: number, hi: number): number {
  const order = [...consumers].sort((a, b) => floor[a] / planned[a] - floor[b] / planned[b]);
  let sumFloor = 0;
  let sumPlanned = 0;
  let i = 0;
  for (const c of order) sumFloor += floor[c];
  while (i < order.length && floor[order[i]] / planned[order[i]] < lo) {
    sumFloor -= floor[order[i]];
    sumPlanned += planned[order[i]];
    i++;
  }
  if (sumFloor + lo * sumPlanned > target) return lo;
  for (;;) {
    const next = i < order.length ? Math.min(hi, floor[order[i]] / planned[order[i]]) : hi;
    if (sumFloor + next * sumPlanned > target) return Math.min(hi, Math.max(lo, (target - sumFloor) / sumPlanned));
    if (next >= hi) return hi;
    sumFloor -= floor[order[i]];
    sumPlanned += planned[order[i]];
    i++;
  }
}

/** Arc lists by tail point, and the super-source's arcs by head point. */
interface Adjacency {
  out: number[][];
  fromSource: number[][];
}

function adjacency(fg: FlowGraph): Adjacency {
  const out: number[][] = Array.from({ length: fg.pointCount }, () => []);
  const fromSource: number[][] = Array.from({ length: fg.pointCount }, () => []);
  for (let a = 0; a < fg.tail.length; a++) {
    if (fg.tail[a] === SOURCE) fromSource[fg.head[a]].push(a);
    else out[fg.tail[a]].push(a);
  }
  return { out, fromSource };
}

/** Solves the fair delivery on the flow graph (consumer sink caps are set per level; fg.cap of sink arcs is S_c). */
export function fairShare(fg: FlowGraph, net: RerouteNetwork, eps: number): FairShare {
  const delivered = new Float64Array(net.planned.length);
  const arcFlow = new Float64Array(fg.tail.length);
  let reach: Uint8Array | null = null;
  const adj = adjacency(fg);
  const local = new Int32Array(fg.pointCount).fill(-1);
  const points: number[] = [];
  for (let p = 2; p < fg.pointCount; p++) points.push(p);
  const stack: Region[] = [{ points, supply: new Map(), demand: new Map(), consumers: net.consumers, lo: 0, hi: 1, target: null }];
  while (stack.length > 0) {
    const region = stack.pop()!;
    const t = region.target === null ? region.hi : levelFor(region.consumers, net.floor, net.planned, region.target, region.lo, region.hi);
    region.points.forEach((p, i) => (local[p] = i + 2));
    const network = new FlowNetwork(region.points.length + 2, region.points.length * 3);
    const globalArcs: number[] = [];
    const localArcs: number[] = [];
    const sinkArcs: number[] = [];
    const include = (a: number, u: number, v: number, cap: number) => {
      globalArcs.push(a);
      localArcs.push(network.addArc(u, v, cap));
    };
    for (const p of region.points) {
      for (const a of adj.fromSource[p]) include(a, 0, local[p], fg.cap[a]);
      for (const a of adj.out[p]) {
        const head = fg.head[a];
        if (head === SINK) {
          include(a, local[p], 1, 0);
          sinkArcs.push(globalArcs.length - 1);
        } else if (local[head] >= 0) include(a, local[p], local[head], fg.cap[a]);
      }
    }
    const supplyArcs: [number, number][] = [];
    for (const [p, amount] of region.supply) supplyArcs.push([p, network.addArc(0, local[p], amount)]);
    for (const [p, amount] of region.demand) network.addArc(local[p], 1, amount);
    network.maxFlow(0, 1, eps);
    let value = 0;
    for (const i of sinkArcs) {
      const c = fg.nodeOf[fg.tail[globalArcs[i]]];
      network.setCapacity(localArcs[i], Math.max(net.floor[c], t * net.planned[c]));
    }
    network.maxFlow(0, 1, eps);
    for (const i of sinkArcs) value += network.flow(localArcs[i]);
    const seen = network.reachable(0, eps);
    if (reach === null) {
      reach = new Uint8Array(fg.pointCount);
      reach[SOURCE] = 1;
      for (const p of region.points) reach[p] = seen[local[p]];
    }
    const inQ = (p: number) => seen[local[p]] === 0;
    const unreached = region.consumers.filter((c) => inQ(fg.pointIn[c]));
    const tolerance = Math.max(eps * 1e3, 1e-9 * Math.abs(region.target ?? 0));
    const done = unreached.length === 0 || (region.target !== null && value >= region.target - tolerance)
      || (region.target !== null && unreached.length === region.consumers.length);
    const record = (only: ((p: number) => boolean) | null) => {
      for (let i = 0; i < globalArcs.length; i++) {
        const a = globalArcs[i];
        const owner = fg.tail[a] === SOURCE ? fg.head[a] : fg.tail[a];
        if (only !== null && !only(owner)) continue;
        const flow = network.flow(localArcs[i]);
        arcFlow[a] = flow;
        if (fg.head[a] === SINK) delivered[fg.nodeOf[fg.tail[a]]] = flow;
      }
    };
    if (done) {
      record(null);
      for (const p of region.points) local[p] = -1;
      continue;
    }
    const rSide: Region = { points: [], supply: new Map(), demand: new Map(), consumers: [], lo: t, hi: region.hi, target: null };
    const qSide: Region = { points: [], supply: new Map(), demand: new Map(), consumers: unreached, lo: region.lo, hi: t, target: 0 };
    for (const p of region.points) (inQ(p) ? qSide : rSide).points.push(p);
    rSide.consumers = region.consumers.filter((c) => !inQ(fg.pointIn[c]));
    let intoQ = 0;
    for (let i = 0; i < globalArcs.length; i++) {
      const a = globalArcs[i];
      const head = fg.head[a];
      const tail = fg.tail[a];
      if (head === SINK || tail === SOURCE || inQ(tail) || !inQ(head)) continue;
      const flow = network.flow(localArcs[i]);
      arcFlow[a] = flow;
      qSide.supply.set(head, (qSide.supply.get(head) ?? 0) + flow);
      rSide.demand.set(tail, (rSide.demand.get(tail) ?? 0) + flow);
      intoQ += flow;
    }
    for (const p of qSide.points) for (const a of adj.fromSource[p]) intoQ += fg.cap[a];
    for (const [p, arc] of supplyArcs) {
      if (inQ(p)) {
        qSide.supply.set(p, (qSide.supply.get(p) ?? 0) + network.flow(arc));
        intoQ += network.flow(arc);
      } else rSide.supply.set(p, (rSide.supply.get(p) ?? 0) + region.supply.get(p)!);
    }
    for (const [p, amount] of region.demand) {
      if (inQ(p)) {
        qSide.demand.set(p, amount);
        intoQ -= amount;
      } else rSide.demand.set(p, (rSide.demand.get(p) ?? 0) + amount);
    }
    qSide.target = Math.max(0, intoQ);
    if (region.target === null) {
      record((p) => !inQ(p));
    } else {
      rSide.target = Math.max(0, region.target - qSide.target);
      stack.push(rSide);
    }
    for (const p of region.points) local[p] = -1;
    stack.push(qSide);
  }
  return { delivered, arcFlow, reach: reach ?? new Uint8Array(fg.pointCount) };
}
