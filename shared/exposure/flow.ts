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
 * Visits every node once in topological order of the strongly connected components; inside a cyclic
 * component, `reset` runs on its nodes first, then sweeps repeat until the largest change `visit` reports is at
 * most `tolerance` (or `maxSweeps` ran). Returns false when some component did not settle.
 */
export function sweepComponents(g: MineralGraph, visit: (v: number) => number, reset: ((v: number) => void) | null, tolerance: number, maxSweeps: number): boolean {
  let converged = true;
  for (let k = 0; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    if (!g.sccCyclic[k]) {
      visit(g.order[start]);
      continue;
    }
    if (reset) for (let i = start; i < end; i++) reset(g.order[i]);
    let settled = false;
    for (let sweep = 0; sweep < maxSweeps && !settled; sweep++) {
      let change = 0;
      for (let i = start; i < end; i++) change = Math.max(change, visit(g.order[i]));
      settled = change <= tolerance;
    }
    if (!settled) converged = false;
  }
  return converged;
}

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
  const converged = sweepComponents(g, visit, (v) => (ratio[v] = nodeFactor === null ? 1 : nodeFactor[v]), TOLERANCE, MAX_SWEEPS);
  return { actualInflow, ratio, converged };
}

/** The largest days of a cut on any path of positive planned volume into each node (the node itself included). */
export function disruptionDays(g: MineralGraph, nodeDays: Float64Array, edgeDays: Float64Array): Float64Array {
  const days = new Float64Array(g.nodeCount);
  const visit = (v: number): number => {
    let d = nodeDays[v];
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i];
      if (!(g.volume[e] > 0)) continue;
      d = Math.max(d, edgeDays[e], days[g.from[e]]);
    }
    const changed = d !== days[v];
    days[v] = d;
    return changed ? 1 : 0;
  };
  // A maximum over a finite component settles after at most one sweep per node: no sweep limit.
  sweepComponents(g, visit, null, 0, Number.POSITIVE_INFINITY);
  return days;
}
