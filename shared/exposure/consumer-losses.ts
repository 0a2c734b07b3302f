/**
 * What each consumer loses when one node alone stops, for every node upstream of it (the v1 critical
 * rule, per consumer). In the baseline every ratio is 1 and r_w = A_w / I_w is linear, so the loss is a
 * sensitivity: walking back from consumer c, s_c[w] = [w = c] + sum over w's out-edges of
 * (volume / I_to) * s_c[to] counts every walk from w to c, and c loses I_c * s_c[n] when n stops.
 * Inside a cycle a stopped node's ratio is pinned at 0, so nothing loops through it: there the
 * loss is the drop of the component's ratios (one sweep per stopped node, shared by every consumer)
 * priced by what the component sends out. Only each consumer's upstream cone is visited.
 */
import type { MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import { MAX_SWEEPS } from './origins';
import { ZERO_TOLERANCE } from './types';

const TOLERANCE = 1e-14;

/** Every (consumer, stopped node, loss) with a loss above 1e-9 t/yr, as flat lists grouped by consumer. */
export interface ConsumerLosses {
  consumer: number[];
  node: number[];
  loss: number[];
  /** The consumers with an edge of the mineral, and where each one's entries start (one more at the end). */
  consumers: number[];
  start: number[];
  converged: boolean;
}

/**
 * For a node n inside a cyclic component: the drop of every ratio in its component when n alone stops
 * (n's own drop is 1), swept from 0 up to the least fixed point; indexed by position in the component.
 */
function dropsInside(g: MineralGraph, n: number, position: Int32Array): { drop: Float64Array; settled: boolean } {
  const k = g.sccOf[n];
  const start = g.sccStart[k];
  const end = g.sccStart[k + 1];
  const drop = new Float64Array(end - start);
  const at = (w: number) => drop[position[w] - start];
  drop[position[n] - start] = 1;
  let settled = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
    let change = 0;
    for (let i = start; i < end; i++) {
      const w = g.order[i];
      if (w === n || !(g.inflow[w] > 0)) continue;
      let value = 0;
      for (let j = g.inStart[w]; j < g.inStart[w + 1]; j++) {
        const e = g.inEdges[j];
        if (g.sccOf[g.from[e]] === k && g.volume[e] > 0) value += (g.volume[e] / g.inflow[w]) * at(g.from[e]);
      }
      change = Math.max(change, Math.abs(value - drop[i - start]));
      drop[i - start] = value;
    }
    settled = change <= TOLERANCE;
  }
  return { drop, settled };
}

/** A max-heap of nodes by their position in topological order. */
class PositionHeap {
  private nodes: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  clear(): void {
    this.nodes.length = this.keys.length = 0;
  }

  private swap(i: number, j: number): void {
    const node = this.nodes[i];
    const key = this.keys[i];
    this.nodes[i] = this.nodes[j];
    this.keys[i] = this.keys[j];
    this.nodes[j] = node;
    this.keys[j] = key;
  }

  push(node: number, key: number): void {
    this.nodes.push(node);
    this.keys.push(key);
    for (let i = this.nodes.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] >= this.keys[i]) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.nodes[0];
    this.swap(0, this.nodes.length - 1);
    this.nodes.pop();
    this.keys.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.nodes.length && this.keys[l] > this.keys[best]) best = l;
      if (r < this.nodes.length && this.keys[r] > this.keys[best]) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }

  /** Removes every queued node of component k (its group was just solved as a whole). */
  dropComponent(sccOf: Int32Array, k: number): void {
    while (this.nodes.length > 0 && sccOf[this.nodes[0]] === k) this.pop();
  }
}

/** Computes every consumer's losses by node. */
export function consumerLosses(g: MineralGraph, table: NodeTable): ConsumerLosses {
  const out: ConsumerLosses = { consumer: [], node: [], loss: [], consumers: [], start: [], converged: true };
  const position = new Int32Array(g.nodeCount);
  g.order.forEach((v, i) => (position[v] = i));
  const stamp = new Int32Array(g.nodeCount).fill(-1);
  const sens = new Float64Array(g.nodeCount);
  const drops = new Map<number, Float64Array>();
  const dropsOf = (n: number) => {
    let drop = drops.get(n);
    if (drop === undefined) {
      const r = dropsInside(g, n, position);
      if (!r.settled) out.converged = false;
      drops.set(n, (drop = r.drop));
    }
    return drop;
  };
  // Inside a cycle a stopped node's ratio is pinned at 0: its loss is the drop of its component's ratios,
  // priced by the sensitivity of what the component sends out (and by c itself when c is in it).
  const lossInCycle = (n: number, c: number): number => {
    const k = g.sccOf[n];
    const start = g.sccStart[k];
    const drop = dropsOf(n);
    let share = g.sccOf[c] === k ? drop[position[c] - start] : 0;
    for (let i = start; i < g.sccStart[k + 1]; i++) {
      const w = g.order[i];
      const d = drop[i - start];
      if (d === 0) continue;
      for (let j = g.outStart[w]; j < g.outStart[w + 1]; j++) {
        const e = g.outEdges[j];
        const v = g.to[e];
        if (g.sccOf[v] !== k && stamp[v] === c && g.volume[e] > 0 && g.inflow[v] > 0) share += (g.volume[e] / g.inflow[v]) * d * sens[v];
      }
    }
    return share;
  };
  const cone: number[] = [];
  const heap = new PositionHeap();
  const visit = (w: number, c: number): number => {
    let value = w === c ? 1 : 0;
    for (let j = g.outStart[w]; j < g.outStart[w + 1]; j++) {
      const e = g.outEdges[j];
      const to = g.to[e];
      if (stamp[to] === c && g.volume[e] > 0 && g.inflow[to] > 0) value += (g.volume[e] / g.inflow[to]) * sens[to];
    }
    const change = Math.abs(value - sens[w]);
    sens[w] = value;
    return change;
  };
  for (let c = 0; c < g.nodeCount; c++) {
    if (!g.touched[c] || table.kind[c] !== KIND.consumer) continue;
    out.consumers.push(c);
    out.start.push(out.node.length);
    const supplied = g.inflow[c];
    if (!(supplied > 0)) continue;
    // The cone: nodes with a walk of positive planned volume to c, visited downstream-first (largest
    // position in topological order first, a cyclic component as one group), so each node's successors
    // are done before it. A node whose stop would cost c less than a trillionth of a tonne a year does
    // not lead the walk further upstream.
    cone.length = 0;
    heap.clear();
    stamp[c] = c;
    sens[c] = 0;
    heap.push(c, position[c]);
    const floor = 1e-12 / supplied;
    while (heap.size > 0) {
      const w = heap.pop();
      const k = g.sccOf[w];
      let group: number[];
      if (!g.sccCyclic[k]) {
        visit(w, c);
        group = [w];
      } else {
        group = [];
        for (let i = g.sccStart[k]; i < g.sccStart[k + 1]; i++) {
          const v = g.order[i];
          if (stamp[v] !== c) {
            stamp[v] = c;
            sens[v] = 0;
          }
          group.push(v);
        }
        let settled = false;
        for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
          let change = 0;
          for (let x = group.length - 1; x >= 0; x--) change = Math.max(change, visit(group[x], c));
          settled = change <= TOLERANCE * Math.max(1, sens[w]);
        }
        if (!settled) out.converged = false;
        heap.dropComponent(g.sccOf, k);
      }
      for (const v of group) {
        cone.push(v);
        if (!(sens[v] > floor) && !g.sccCyclic[k]) continue;
        for (let j = g.inStart[v]; j < g.inStart[v + 1]; j++) {
          const e = g.inEdges[j];
          const u = g.from[e];
          if (stamp[u] === c || !(g.volume[e] > 0)) continue;
          stamp[u] = c;
          sens[u] = 0;
          heap.push(u, position[u]);
        }
      }
    }
    for (const n of cone) {
      if (n === c || table.kind[n] === KIND.consumer) continue;
      const share = g.sccCyclic[g.sccOf[n]] ? lossInCycle(n, c) : sens[n];
      const loss = supplied * Math.min(1, share);
      if (!(loss > ZERO_TOLERANCE)) continue;
      out.consumer.push(c);
      out.node.push(n);
      out.loss.push(loss);
    }
  }
  out.start.push(out.node.length);
  return out;
}
