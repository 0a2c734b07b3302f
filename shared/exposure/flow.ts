import type { MineralGraph } from './graph';
import { MAX_SWEEPS } from './origins';

/** Actual flows under a scenario: A_n (actual inflow) and r_n (throughput ratio) per node. */
export interface Flow {
  actualInflow: Float64Array;
  ratio: Float64Array;
  converged: boolean;
}

const TOLERANCE = 1e-13;

/**
 * Propagates r_n = min(f_n, A_n / I_n) (or f_n without planned inflow) and a_e = volume_e * r_from * g_e.
 * A_n / I_n is summed as weights volume_e / I_n (each at most 1), so tiny or subnormal volumes keep their ratio exactly.
 * Cycles start from the plan (r = f) and sweep down to the greatest fixed point.
 */
export function propagateFlow(g: MineralGraph, nodeFactor: Float64Array | null, edgeFactor: Float64Array | null): Flow {
  const actualInflow = new Float64Array(g.nodeCount);
  const ratio = new Float64Array(g.nodeCount).fill(1);
  const visit = (v: number): number => {
    const planned = g.inflow[v];
    let actual = 0;
    let passed = 0;
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i];
      const carried = ratio[g.from[e]] * (edgeFactor === null ? 1 : edgeFactor[e]);
      actual += g.volume[e] * carried;
      if (planned > 0) passed += (g.volume[e] / planned) * carried;
    }
    actualInflow[v] = actual;
    const f = nodeFactor === null ? 1 : nodeFactor[v];
    const r = planned > 0 ? Math.min(f, passed) : f;
    const change = Math.abs(ratio[v] - r);
    ratio[v] = r;
    return change;
  };
  let converged = true;
  for (let k = 0; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    if (!g.sccCyclic[k]) {
      visit(g.order[start]);
      continue;
    }
    for (let i = start; i < end; i++) {
      const v = g.order[i];
      ratio[v] = nodeFactor === null ? 1 : nodeFactor[v];
    }
    let settled = false;
    for (let sweep = 0; sweep < MAX_SWEEPS && !settled; sweep++) {
      let change = 0;
      for (let i = start; i < end; i++) change = Math.max(change, visit(g.order[i]));
      settled = change <= TOLERANCE;
    }
    if (!settled) converged = false;
  }
  return { actualInflow, ratio, converged };
}

/** The largest days of a cut on any path of positive planned volume into each node (the node itself included). */
export function disruptionDays(g: MineralGraph, nodeDays: Float64Array, edgeDays: Float64Array): Float64Array {
  const days = new Float64Array(g.nodeCount);
  const visit = (v: number): boolean => {
    let d = nodeDays[v];
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i];
      if (!(g.volume[e] > 0)) continue;
      d = Math.max(d, edgeDays[e], days[g.from[e]]);
    }
    const changed = d !== days[v];
    days[v] = d;
    return changed;
  };
  for (let k = 0; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    if (!g.sccCyclic[k]) {
      visit(g.order[start]);
      continue;
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = start; i < end; i++) if (visit(g.order[i])) changed = true;
    }
  }
  return days;
}
