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
  /** Amounts that may enter at a point (cut arcs from a part solved elsewhere): [most, what flows in now]. */
  supply: Map<number, [number, number]>;
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
  const current = new Float64Array(fg.tail.length);
  let reach: Uint8Array | null = null;
  const adj = adjacency(fg);
  const local = new Int32Array(fg.pointCount).fill(-1);
  // Consumers whose floor is their whole plan get exactly that: their sink arcs are fixed demands, not levels.
  const tolerance = (x: number) => Math.max(eps * 1e3, 1e-12 * x);
  const fixed = new Set(net.consumers.filter((c) => net.floor[c] >= net.planned[c] - tolerance(net.planned[c])));
  const points: number[] = [];
  for (let p = 2; p < fg.pointCount; p++) points.push(p);
  const stack: Region[] = [{ points, supply: new Map(), demand: new Map(), consumers: net.consumers.filter((c) => !fixed.has(c)), lo: 0, hi: 1, target: null }];
  let root = true;
  while (stack.length > 0) {
    const region = stack.pop()!;
    const t = region.target === null ? region.hi : levelFor(region.consumers, net.floor, net.planned, region.target, region.lo, region.hi);
    region.points.forEach((p, i) => (local[p] = i + 2));
    const returnPoint = region.points.length + 2;
    const network = new FlowNetwork(region.points.length + 3, region.points.length * 3);
    const globalArcs: number[] = [];
    const localArcs: number[] = [];
    const levelArcs: number[] = [];
    const extra: number[] = [];
    const include = (a: number, u: number, v: number, cap: number) => {
      globalArcs.push(a);
      const arc = network.addArc(u, v, cap);
      localArcs.push(arc);
      if (fg.extra[a]) extra.push(arc);
      if (!root) network.setFlow(arc, current[a]);
    };
    for (const p of region.points) {
      for (const a of adj.fromSource[p]) include(a, 0, local[p], fg.cap[a]);
      for (const a of adj.out[p]) {
        const head = fg.head[a];
        if (head === SINK) {
          const c = fg.nodeOf[p];
          include(a, local[p], 1, fixed.has(c) ? fg.cap[a] : Math.max(current[a], 0));
          if (!fixed.has(c)) levelArcs.push(globalArcs.length - 1);
        } else if (local[head] >= 0) include(a, local[p], local[head], fg.cap[a]);
      }
    }
    const supplyArcs: [number, number][] = [];
    for (const [p, [cap, flow]] of region.supply) {
      const arc = network.addArc(0, local[p], cap);
      network.setFlow(arc, flow);
      supplyArcs.push([p, arc]);
    }
    for (const [p, amount] of region.demand) network.setFlow(network.addArc(local[p], 1, amount), amount);
    // Warm start: the parent's flow is in place; what reached the level consumers goes back to the source.
    const back: number[] = [];
    for (const i of levelArcs) {
      const arc = localArcs[i];
      const flow = network.flow(arc);
      network.setCapacity(arc, 0);
      network.setFlow(arc, 0);
      if (flow > 0) back.push(network.addArc(returnPoint, network.tail(arc), flow));
    }
    if (back.length > 0) network.maxFlow(returnPoint, 0, eps);
    for (const arc of back) network.remove(arc);
    // At the root, the planned parts of routes first, so an unchanged plan stays on its planned routes; a warm
    // region already carries its parent's flow, fixed demands included.
    let plannedOnly: Uint8Array | null = null;
    if (root && extra.length > 0) {
      plannedOnly = new Uint8Array(network.size).fill(1);
      for (const arc of extra) plannedOnly[arc] = plannedOnly[arc ^ 1] = 0;
    }
    if (root) {
      if (plannedOnly !== null) network.maxFlow(0, 1, eps, plannedOnly);
      network.maxFlow(0, 1, eps);
    }
    for (const i of levelArcs) {
      const c = fg.nodeOf[fg.tail[globalArcs[i]]];
      network.setCapacity(localArcs[i], Math.max(net.floor[c], t * net.planned[c]));
    }
    if (plannedOnly !== null) network.maxFlow(0, 1, eps, plannedOnly);
    network.maxFlow(0, 1, eps);
    root = false;
    let value = 0;
    for (const i of levelArcs) value += network.flow(localArcs[i]);
    for (let i = 0; i < globalArcs.length; i++) current[globalArcs[i]] = network.flow(localArcs[i]);
    const seen = network.reachable(0, eps);
    if (reach === null) {
      reach = new Uint8Array(fg.pointCount);
      reach[SOURCE] = 1;
      for (const p of region.points) reach[p] = seen[local[p]];
    }
    const inQ = new Uint8Array(fg.pointCount);
    for (const p of region.points) inQ[p] = seen[local[p]] === 0 ? 1 : 0;
    const unreached = region.consumers.filter((c) => inQ[fg.pointIn[c]]);
    const done = unreached.length === 0 || (region.target !== null && value >= region.target - tolerance(region.target))
      || (region.target !== null && unreached.length === region.consumers.length);
    for (const p of region.points) local[p] = -1;
    if (done) continue;
    const rSide: Region = { points: [], supply: new Map(), demand: new Map(), consumers: region.consumers.filter((c) => !inQ[fg.pointIn[c]]), lo: t, hi: region.hi, target: null };
    const qSide: Region = { points: [], supply: new Map(), demand: new Map(), consumers: unreached, lo: region.lo, hi: t, target: 0 };
    for (const p of region.points) (inQ[p] ? qSide : rSide).points.push(p);
    const add = (map: Map<number, number>, p: number, amount: number) => map.set(p, (map.get(p) ?? 0) + amount);
    const addSupply = (map: Map<number, [number, number]>, p: number, cap: number, flow: number) => {
      const [c, f] = map.get(p) ?? [0, 0];
      map.set(p, [c + cap, f + flow]);
    };
    let intoQ = 0;
    for (const a of globalArcs) {
      const head = fg.head[a];
      const tail = fg.tail[a];
      if (head === SINK || tail === SOURCE || inQ[tail] || !inQ[head]) continue;
      addSupply(qSide.supply, head, current[a], current[a]);
      add(rSide.demand, tail, current[a]);
      intoQ += current[a];
    }
    for (const p of qSide.points) for (const a of adj.fromSource[p]) intoQ += current[a];
    for (const [p, arc] of supplyArcs) {
      const flow = network.flow(arc);
      if (inQ[p]) {
        addSupply(qSide.supply, p, flow, flow);
        intoQ += flow;
      } else addSupply(rSide.supply, p, region.supply.get(p)![0], flow);
    }
    for (const [p, amount] of region.demand) {
      if (inQ[p]) {
        qSide.demand.set(p, amount);
        intoQ -= amount;
      } else add(rSide.demand, p, amount);
    }
    for (const p of qSide.points) {
      for (const a of adj.out[p]) if (fg.head[a] === SINK && fixed.has(fg.nodeOf[p])) intoQ -= current[a];
    }
    qSide.target = Math.max(0, intoQ);
    if (region.target !== null) {
      rSide.target = Math.max(0, region.target - qSide.target);
      stack.push(rSide);
    }
    stack.push(qSide);
  }
  const delivered = new Float64Array(net.planned.length);
  for (const [c, a] of fg.sinkArc) delivered[c] = current[a];
  return { delivered, arcFlow: current, reach: reach ?? new Uint8Array(fg.pointCount) };
}
