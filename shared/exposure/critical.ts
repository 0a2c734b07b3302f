import type { MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import { MAX_SWEEPS } from './origins';

/** Baseline loss per node: the consumer supply lost if that node alone stopped. */
export interface Losses {
  loss: Float64Array;
  totalSupplied: number;
  converged: boolean;
}

const TOLERANCE = 1e-13;

/**
 * reach[w] = d(total consumer delivery) / d(r_w). In the baseline every r_n is 1 and r_n = A_n / I_n is
 * linear in the inflow, so reach[w] = [w is a consumer] * I_w + sum over out-edges e of
 * (volume_e / I_to) * reach[to], solved downstream-first (and iterated inside cycles). Each edge's weight
 * volume_e / I_to is at most 1, so tiny or huge volumes cannot overflow.
 */
function consumerReach(g: MineralGraph, table: NodeTable): { reach: Float64Array; converged: boolean } {
  const reach = new Float64Array(g.nodeCount);
  const visit = (v: number): number => {
    let r = table.kind[v] === KIND.consumer ? g.inflow[v] : 0;
    for (let i = g.outStart[v]; i < g.outStart[v + 1]; i++) {
      const e = g.outEdges[i];
      const to = g.to[e];
      if (g.volume[e] > 0 && reach[to] !== 0) r += (g.volume[e] / g.inflow[to]) * reach[to];
    }
    const change = Math.abs(r - reach[v]) / Math.max(1, r);
    reach[v] = r;
    return change;
  };
  let converged = true;
  for (let k = g.sccStart.length - 2; k >= 0; k--) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    if (!g.sccCyclic[k]) {
      visit(g.order[start]);
      continue;
    }
    let settled = false;
    for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
      let change = 0;
      for (let i = end - 1; i >= start; i--) change = Math.max(change, visit(g.order[i]));
      settled = change <= TOLERANCE;
    }
    if (!settled) converged = false;
  }
  return { reach, converged };
}

/**
 * Loss of a node inside a cyclic component: stop it, sweep only its component to the new fixed point
 * (upstream components are unaffected), and price every drop of flow leaving the component with reach.
 */
function lossInsideCycle(g: MineralGraph, table: NodeTable, reach: Float64Array, ratio: Float64Array, start: number, end: number, stopped: number): { loss: number; converged: boolean } {
  for (let i = start; i < end; i++) ratio[g.order[i]] = 1;
  ratio[stopped] = 0;
  let settled = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
    let change = 0;
    for (let i = start; i < end; i++) {
      const w = g.order[i];
      if (w === stopped) continue;
      const planned = g.inflow[w];
      if (!(planned > 0)) continue;
      let passed = 0;
      for (let j = g.inStart[w]; j < g.inStart[w + 1]; j++) {
        const e = g.inEdges[j];
        passed += (g.volume[e] / planned) * ratio[g.from[e]];
      }
      const r = Math.min(1, passed);
      change = Math.max(change, Math.abs(r - ratio[w]));
      ratio[w] = r;
    }
    settled = change <= TOLERANCE;
  }
  const component = g.sccOf[stopped];
  let loss = 0;
  for (let i = start; i < end; i++) {
    const w = g.order[i];
    if (table.kind[w] === KIND.consumer) loss += g.inflow[w] * (1 - ratio[w]);
    for (let j = g.outStart[w]; j < g.outStart[w + 1]; j++) {
      const e = g.outEdges[j];
      const to = g.to[e];
      if (g.sccOf[to] !== component && g.volume[e] > 0 && reach[to] !== 0) loss += (g.volume[e] / g.inflow[to]) * (1 - ratio[w]) * reach[to];
    }
  }
  for (let i = start; i < end; i++) ratio[g.order[i]] = 1;
  return { loss, converged: settled };
}

/** Computes every touched node's baseline loss without one full propagation per node. */
export function computeLosses(g: MineralGraph, table: NodeTable): Losses {
  const loss = new Float64Array(g.nodeCount);
  let totalSupplied = 0;
  for (let v = 0; v < g.nodeCount; v++) if (g.touched[v] && table.kind[v] === KIND.consumer) totalSupplied += g.inflow[v];
  const { reach, converged } = consumerReach(g, table);
  let allConverged = converged;
  let ratio: Float64Array | null = null;
  for (let k = 0; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    for (let i = start; i < end; i++) {
      const v = g.order[i];
      if (table.kind[v] === KIND.consumer) continue;
      if (g.sccCyclic[k]) {
        ratio ??= new Float64Array(g.nodeCount).fill(1);
        const inside = lossInsideCycle(g, table, reach, ratio, start, end, v);
        loss[v] = inside.loss;
        if (!inside.converged) allConverged = false;
        continue;
      }
      let lost = 0;
      for (let j = g.outStart[v]; j < g.outStart[v + 1]; j++) {
        const e = g.outEdges[j];
        const to = g.to[e];
        if (g.volume[e] > 0 && reach[to] !== 0) lost += (g.volume[e] / g.inflow[to]) * reach[to];
      }
      loss[v] = lost;
    }
  }
  return { loss, totalSupplied, converged: allConverged };
}
