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

/** Computes every consumer's critical nodes with time to survive against time to recover; each list keeps at most `limit` entries. */
export function computeConsumerCritical(g: MineralGraph, table: NodeTable, backing: Backing, limit = Infinity): ConsumerCritical {
  const { d, converged } = lossVectors(g);
  // Every (consumer, stopped node, loss) as flat arrays, grouped by consumer.
  const hitConsumer: number[] = [];
  const hitNode: number[] = [];
  const hitLoss: number[] = [];
  const consumerStart: number[] = [];
  const consumers: number[] = [];
  for (let c = 0; c < g.nodeCount; c++) {
    if (!g.touched[c] || table.kind[c] !== KIND.consumer) continue;
    consumers.push(c);
    consumerStart.push(hitNode.length);
    const supplied = g.inflow[c];
    const end = d.start[c] + d.length[c];
    for (let i = d.start[c]; i < end; i++) {
      const n = d.keys[i];
      if (n === c || table.kind[n] === KIND.consumer) continue;
      const loss = supplied * Math.min(1, d.values[i]);
      if (!(loss > ZERO_TOLERANCE)) continue;
      hitConsumer.push(c);
      hitNode.push(n);
      hitLoss.push(loss);
    }
  }
  consumerStart.push(hitNode.length);
  const hits = hitNode.length;
  // Time to survive: each stockpile's stock shared among the consumers it backs in proportion to their loss, per stopped node.
  const tts = new Float64Array(hits);
  const atRisk = new Uint8Array(g.nodeCount);
  const backersOf: number[][] = [];
  backing.backed.forEach((backed, k) => {
    for (const c of backed) (backersOf[c] ??= []).push(k);
  });
  const byNode = new Int32Array(hits);
  const nodeStart = new Int32Array(g.nodeCount + 1);
  for (let h = 0; h < hits; h++) nodeStart[hitNode[h] + 1]++;
  for (let v = 0; v < g.nodeCount; v++) nodeStart[v + 1] += nodeStart[v];
  const fill = nodeStart.slice(0, g.nodeCount);
  for (let h = 0; h < hits; h++) byNode[fill[hitNode[h]]++] = h;
  const totalLoss = new Float64Array(backing.stockpiles.length);
  for (let n = 0; n < g.nodeCount; n++) {
    const from = nodeStart[n];
    const to = nodeStart[n + 1];
    if (from === to) continue;
    for (let i = from; i < to; i++) for (const k of backersOf[hitConsumer[byNode[i]]] ?? []) totalLoss[k] += hitLoss[byNode[i]];
    const ttr = table.nodes[n].recoveryDays;
    for (let i = from; i < to; i++) {
      const h = byNode[i];
      let allocated = 0;
      for (const k of backersOf[hitConsumer[h]] ?? []) allocated += (backing.stock[k] * hitLoss[h]) / totalLoss[k];
      tts[h] = (allocated * 365) / hitLoss[h];
      if (ttr !== null && tts[h] < ttr) atRisk[n] = 1;
    }
    for (let i = from; i < to; i++) for (const k of backersOf[hitConsumer[byNode[i]]] ?? []) totalLoss[k] = 0;
  }
  const byConsumer = new Map<number, ConsumerCriticalNode[]>();
  const idRank = table.idRank;
  consumers.forEach((c, j) => {
    const order: number[] = [];
    for (let h = consumerStart[j]; h < consumerStart[j + 1]; h++) order.push(h);
    order.sort((a, b) => {
      const la = hitLoss[a];
      const lb = hitLoss[b];
      if (Math.abs(la - lb) > 1e-12 * (la > lb ? la : lb)) return lb - la;
      return idRank[hitNode[a]] - idRank[hitNode[b]];
    });
    const supplied = g.inflow[c];
    byConsumer.set(c, order.slice(0, Math.min(order.length, limit)).map((h) => {
      const ttr = table.nodes[hitNode[h]].recoveryDays;
      return { node: table.nodes[hitNode[h]].id, loss: hitLoss[h], lossPct: hitLoss[h] / supplied, tts: tts[h], ttr, atRisk: ttr !== null && tts[h] < ttr };
    }));
  });
  return { byConsumer, atRisk, converged };
}
