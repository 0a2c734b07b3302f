/**
 * Among the flows that deliver a given amount to each consumer, one with the least sum of
 * flow * delayDays (scenario-analysis.md section 3, "Delay"); ties go to the flow that uses the least
 * capacity above planned volumes, so an unchanged plan stays on its planned routes. Primal-dual
 * minimum-cost flow: Dijkstra on reduced costs (pairs compared delay first), then a blocking flow on
 * the arcs of zero reduced cost, until every consumer has its amount.
 */
import { FlowNetwork } from './flow-network';
import { SINK, SOURCE, type FlowGraph } from './network';

/** A binary heap of points keyed by (primary, secondary) as they were when pushed, smallest first. */
class PairHeap {
  private points: number[] = [];
  private k1: number[] = [];
  private k2: number[] = [];

  private less(i: number, j: number): boolean {
    return this.k1[i] < this.k1[j] || (this.k1[i] === this.k1[j] && this.k2[i] < this.k2[j]);
  }

  private swap(i: number, j: number): void {
    [this.points[i], this.points[j]] = [this.points[j], this.points[i]];
    [this.k1[i], this.k1[j]] = [this.k1[j], this.k1[i]];
    [this.k2[i], this.k2[j]] = [this.k2[j], this.k2[i]];
  }

  push(v: number, key1: number, key2: number): void {
    this.points.push(v);
    this.k1.push(key1);
    this.k2.push(key2);
    let i = this.points.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number | undefined {
    const n = this.points.length;
    if (n === 0) return undefined;
    const top = this.points[0];
    this.swap(0, n - 1);
    this.points.pop();
    this.k1.pop();
    this.k2.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.points.length && this.less(l, best)) best = l;
      if (r < this.points.length && this.less(r, best)) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }
}

/** The least-delay flow per arc of the flow graph that delivers `delivered[c]` to each consumer c. */
export function leastDelayFlow(fg: FlowGraph, delayDays: Float64Array, delivered: Float64Array, eps: number): Float64Array {
  const network = new FlowNetwork(fg.pointCount, fg.tail.length);
  const arcs: number[] = [];
  let maxDelay = 0;
  for (let a = 0; a < fg.tail.length; a++) {
    const sinkOf = fg.head[a] === SINK ? fg.nodeOf[fg.tail[a]] : -1;
    arcs.push(network.addArc(fg.tail[a], fg.head[a], sinkOf >= 0 ? delivered[sinkOf] : fg.cap[a]));
    if (fg.edge[a] >= 0) maxDelay = Math.max(maxDelay, delayDays[fg.edge[a]]);
  }
  const cost1 = new Float64Array(network.size);
  const cost2 = new Float64Array(network.size);
  for (let a = 0; a < fg.tail.length; a++) {
    const e = fg.edge[a];
    const c1 = e >= 0 ? delayDays[e] : 0;
    const c2 = fg.extra[a];
    cost1[arcs[a]] = c1;
    cost1[arcs[a] ^ 1] = -c1;
    cost2[arcs[a]] = c2;
    cost2[arcs[a] ^ 1] = -c2;
  }
  const zero = 1e-9 * (1 + maxDelay);
  const p1 = new Float64Array(fg.pointCount);
  const p2 = new Float64Array(fg.pointCount);
  const d1 = new Float64Array(fg.pointCount);
  const d2 = new Float64Array(fg.pointCount);
  const reduced1 = (a: number) => {
    const r = cost1[a] + p1[network.tail(a)] - p1[network.head[a]];
    return Math.abs(r) <= zero ? 0 : r;
  };
  const reduced2 = (a: number) => cost2[a] + p2[network.tail(a)] - p2[network.head[a]];
  const admissible = new Uint8Array(network.size);
  let wanted = 0;
  for (const [c] of fg.sinkArc) wanted += delivered[c];
  let total = 0;
  while (total < wanted - eps * 1e3) {
    d1.fill(Infinity);
    d2.fill(Infinity);
    const done = new Uint8Array(fg.pointCount);
    const heap = new PairHeap();
    d1[SOURCE] = 0;
    d2[SOURCE] = 0;
    heap.push(SOURCE, 0, 0);
    for (let u = heap.pop(); u !== undefined; u = heap.pop()) {
      if (done[u]) continue;
      done[u] = 1;
      if (u === SINK) break;
      for (let a = network.first[u]; a !== -1; a = network.next[a]) {
        if (network.residual[a] <= eps) continue;
        const v = network.head[a];
        if (done[v]) continue;
        const n1 = d1[u] + Math.max(0, reduced1(a));
        const n2 = d2[u] + reduced2(a);
        if (n1 < d1[v] || (n1 === d1[v] && n2 < d2[v])) {
          d1[v] = n1;
          d2[v] = n2;
          heap.push(v, n1, n2);
        }
      }
    }
    if (!done[SINK]) break;
    const t1 = d1[SINK];
    const t2 = d2[SINK];
    for (let v = 0; v < fg.pointCount; v++) {
      const closer = done[v] && (d1[v] < t1 || (d1[v] === t1 && d2[v] < t2));
      p1[v] += closer ? d1[v] : t1;
      p2[v] += closer ? d2[v] : t2;
    }
    for (let a = 0; a < network.size; a++) admissible[a] = reduced1(a) === 0 && reduced2(a) === 0 ? 1 : 0;
    const pushed = network.maxFlow(SOURCE, SINK, eps, admissible);
    if (pushed <= eps) break;
    total += pushed;
  }
  const flow = new Float64Array(fg.tail.length);
  for (let a = 0; a < fg.tail.length; a++) flow[a] = network.flow(arcs[a]);
  return flow;
}
