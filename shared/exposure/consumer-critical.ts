/**
 * Critical nodes per consumer (scenario-analysis.md section 5): what each consumer loses when one node
 * alone stops (consumer-losses.ts), the time its stock lets it survive that loss, against the node's
 * time to recover.
 */
import { consumerLosses } from './consumer-losses';
import type { MineralGraph } from './graph';
import type { NodeTable } from './node-table';
import type { Backing } from './stock';
import type { ConsumerCriticalNode } from './types';

/** Per consumer, every node whose stop costs it more than 1e-9 t/yr, largest loss first. */
export interface ConsumerCritical {
  /** Consumer node index -> its entries (sorted), for consumers with an edge of the mineral. */
  byConsumer: Map<number, ConsumerCriticalNode[]>;
  /** 1 for each node whose stop leaves some consumer at risk. */
  atRisk: Uint8Array;
  converged: boolean;
}

/** Computes every consumer's critical nodes with time to survive against time to recover; each list keeps at most `limit` entries. */
export function computeConsumerCritical(g: MineralGraph, table: NodeTable, backing: Backing, limit = Infinity): ConsumerCritical {
  const losses = consumerLosses(g, table);
  const { consumer: hitConsumer, node: hitNode, loss: hitLoss, consumers, start: consumerStart, converged } = losses;
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
