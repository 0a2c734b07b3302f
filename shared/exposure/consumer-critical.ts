/**
 * Critical nodes per consumer (scenario-analysis.md section 5): what each consumer loses when one node
 * alone stops, the time its stock lets it survive that loss, against the node's time to recover.
 *
 * In the baseline every throughput ratio is 1 and the v1 rule r_w = A_w / I_w is linear, so 1 - r_w when
 * node n stops is D_w[n], where D_n[n] = 1 and D_w = sum over in-edges of (volume / I_w) * D_from for
 * w != n. One downstream pass computes every node's vector D_w (sparse, over the nodes upstream of w),
 * iterating inside cycles from D = unit up to the least fixed point (the greatest fixed point of r).
 * A consumer c then loses I_c * D_c[n] when n stops.
 */
import type { MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import { MAX_SWEEPS } from './origins';
import { Accumulator, SparseStore } from './sparse';
import type { Backing } from './stock';
import { ZERO_TOLERANCE, type ConsumerCriticalNode } from './types';

const TOLERANCE = 1e-13;

/** Per consumer, every node whose stop costs it more than 1e-9 t/yr, largest loss first. */
export interface ConsumerCritical {
  /** Consumer node index -> its entries (sorted), for consumers with an edge of the mineral. */
  byConsumer: Map<number, ConsumerCriticalNode[]>;
  /** 1 for each node whose stop leaves some consumer at risk. */
  atRisk: Uint8Array;
  converged: boolean;
}

function visit(g: MineralGraph, d: SparseStore, acc: Accumulator, v: number): void {
  const planned = g.inflow[v];
  if (!(planned > 0)) {
    d.setUnit(v, v);
    return;
  }
  for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
    const e = g.inEdges[i];
    if (g.volume[e] > 0) d.addTo(acc, g.from[e], g.volume[e] / planned);
  }
  acc.set(v, 1);
  d.commit(v, acc);
}

/** The loss vectors D_w of every touched node. */
function lossVectors(g: MineralGraph): { d: SparseStore; converged: boolean } {
  const d = new SparseStore(g.nodeCount);
  const acc = new Accumulator(g.nodeCount);
  let converged = true;
  for (let k = 0; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    if (!g.sccCyclic[k]) {
      visit(g, d, acc, g.order[start]);
      continue;
    }
    for (let i = start; i < end; i++) d.setUnit(g.order[i], g.order[i]);
    let settled = false;
    for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
      let change = 0;
      for (let i = start; i < end; i++) {
        const v = g.order[i];
        const before = d.start[v];
        const length = d.length[v];
        visit(g, d, acc, v);
        change = Math.max(change, d.distance(acc, v, before, length));
      }
      settled = change <= TOLERANCE;
    }
    if (!settled) converged = false;
  }
  return { d, converged };
}

/** One (consumer, stopped node, loss) triple. */
interface Hit {
  consumer: number;
  node: number;
  loss: number;
}

/** Computes every consumer's critical nodes with time to survive against time to recover. */
export function computeConsumerCritical(g: MineralGraph, table: NodeTable, backing: Backing): ConsumerCritical {
  const { d, converged } = lossVectors(g);
  const hits: Hit[] = [];
  for (let c = 0; c < g.nodeCount; c++) {
    if (!g.touched[c] || table.kind[c] !== KIND.consumer) continue;
    const supplied = g.inflow[c];
    d.forEach(c, (n, share) => {
      if (n === c || table.kind[n] === KIND.consumer) return;
      const loss = supplied * Math.min(1, share);
      if (loss > ZERO_TOLERANCE) hits.push({ consumer: c, node: n, loss });
    });
  }
  const backersOf = new Map<number, number[]>();
  backing.backed.forEach((backed, k) => {
    for (const c of backed) {
      const list = backersOf.get(c) ?? [];
      list.push(k);
      backersOf.set(c, list);
    }
  });
  hits.sort((a, b) => a.node - b.node);
  const byConsumer = new Map<number, ConsumerCriticalNode[]>();
  const atRisk = new Uint8Array(g.nodeCount);
  const totalLoss = new Float64Array(backing.stockpiles.length);
  for (let from = 0; from < hits.length; ) {
    const n = hits[from].node;
    let to = from;
    while (to < hits.length && hits[to].node === n) to++;
    for (let i = from; i < to; i++) for (const k of backersOf.get(hits[i].consumer) ?? []) totalLoss[k] += hits[i].loss;
    const ttr = table.nodes[n].recoveryDays;
    for (let i = from; i < to; i++) {
      const { consumer, loss } = hits[i];
      let allocated = 0;
      for (const k of backersOf.get(consumer) ?? []) allocated += (backing.stock[k] * loss) / totalLoss[k];
      const tts = (allocated * 365) / loss;
      const risk = ttr !== null && tts < ttr;
      if (risk) atRisk[n] = 1;
      const list = byConsumer.get(consumer) ?? [];
      list.push({ node: table.nodes[n].id, loss, lossPct: loss / g.inflow[consumer], tts, ttr, atRisk: risk });
      byConsumer.set(consumer, list);
    }
    for (let i = from; i < to; i++) for (const k of backersOf.get(hits[i].consumer) ?? []) totalLoss[k] = 0;
    from = to;
  }
  for (const list of byConsumer.values()) {
    list.sort((a, b) => (Math.abs(a.loss - b.loss) > 1e-12 * Math.max(a.loss, b.loss) ? b.loss - a.loss : a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  }
  return { byConsumer, atRisk, converged };
}
