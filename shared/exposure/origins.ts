import type { MineralGraph } from './graph';
import { KIND, UNKNOWN, UNMANUFACTURED, UNREFINED, type NodeTable } from './node-table';
import { Accumulator, SparseStore } from './sparse';

/** Baseline origin tracing of one mineral: per node, mining, refining and manufacturing mixes, routes and secondary share. */
export interface Origins {
  mining: SparseStore;
  refining: SparseStore;
  /** Manufacturing mixes, traced only when a manufacturer has an edge of this mineral (else null). */
  manufacturing: SparseStore | null;
  routes: SparseStore;
  secondary: Float64Array;
  converged: boolean;
  /** 1 for each cyclic component that did not settle (so a retrace can clear it again). */
  unsettled: Uint8Array;
}

/** Sweeps through one cyclic component before it is reported as not converged. */
export const MAX_SWEEPS = 5000;
const TOLERANCE = 1e-12;
/** Shares below this inside a settled cycle are what is left of the starting guess. */
const RESIDUE = 1e-10;

/** Computes one node's vectors from its in-edges, as board-format.md (and scenario-analysis.md 2b) define the mixes. */
function visit(g: MineralGraph, table: NodeTable, o: Origins, accs: Accumulator[], v: number): void {
  const [countryAcc, refineAcc, routeAcc, makeAcc] = accs;
  const made = o.manufacturing;
  const kind = table.kind[v];
  const country = table.country[v];
  if (kind === KIND.mine || kind === KIND.recycler) {
    o.mining.setUnit(v, country);
    o.refining.setUnit(v, kind === KIND.mine ? UNREFINED : country);
    made?.setUnit(v, UNMANUFACTURED);
    o.routes.setEmpty(v);
    o.secondary[v] = kind === KIND.recycler ? 1 : 0;
    return;
  }
  const refines = kind === KIND.refinery;
  const makes = kind === KIND.manufacturer;
  const inflow = g.inflow[v];
  const transport = kind === KIND.transport;
  if (!(inflow > 0)) {
    o.mining.setUnit(v, UNKNOWN);
    if (refines) o.refining.setUnit(v, country);
    else o.refining.setUnit(v, UNKNOWN);
    made?.setUnit(v, makes ? country : UNKNOWN);
    if (transport) o.routes.setUnit(v, v);
    else o.routes.setEmpty(v);
    o.secondary[v] = 0;
    return;
  }
  let only = -1;
  let sources = 0;
  for (let i = g.inStart[v]; i < g.inStart[v + 1] && sources < 2; i++) {
    const e = g.inEdges[i];
    if (g.volume[e] > 0) {
      only = g.from[e];
      sources++;
    }
  }
  if (sources === 1 && only !== v) {
    o.mining.share(v, only);
    if (refines) o.refining.setUnit(v, country);
    else o.refining.share(v, only);
    if (makes) made?.setUnit(v, country);
    else made?.share(v, only);
    if (transport) {
      o.routes.addTo(routeAcc, only, 1);
      routeAcc.set(v, 1);
      o.routes.commit(v, routeAcc);
    } else o.routes.share(v, only);
    o.secondary[v] = o.secondary[only];
    return;
  }
  let second = 0;
  for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
    const e = g.inEdges[i];
    const w = g.volume[e] / inflow;
    if (w === 0) continue;
    const u = g.from[e];
    o.mining.addTo(countryAcc, u, w);
    if (!refines) o.refining.addTo(refineAcc, u, w);
    if (made !== null && !makes) made.addTo(makeAcc, u, w);
    o.routes.addTo(routeAcc, u, w);
    second += w * o.secondary[u];
  }
  o.mining.commit(v, countryAcc);
  if (refines) o.refining.setUnit(v, country);
  else o.refining.commit(v, refineAcc);
  if (made !== null) {
    if (makes) made.setUnit(v, country);
    else made.commit(v, makeAcc);
  }
  if (transport) routeAcc.set(v, 1);
  o.routes.commit(v, routeAcc);
  o.secondary[v] = second > 1 ? 1 : second;
}

function sweepCycle(g: MineralGraph, table: NodeTable, o: Origins, accs: Accumulator[], start: number, end: number): boolean {
  const made = o.manufacturing;
  for (let i = start; i < end; i++) {
    const v = g.order[i];
    o.mining.setUnit(v, UNKNOWN);
    o.refining.setUnit(v, UNKNOWN);
    made?.setUnit(v, UNKNOWN);
    o.routes.setEmpty(v);
    o.secondary[v] = 0;
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let change = 0;
    for (let i = start; i < end; i++) {
      const v = g.order[i];
      const before = [o.mining.start[v], o.mining.length[v], o.refining.start[v], o.refining.length[v], o.routes.start[v], o.routes.length[v]];
      const madeBefore = made === null ? 0 : made.start[v];
      const madeLength = made === null ? 0 : made.length[v];
      const secondary = o.secondary[v];
      visit(g, table, o, accs, v);
      change = Math.max(change, o.mining.distance(accs[0], v, before[0], before[1]), o.refining.distance(accs[1], v, before[2], before[3]),
        o.routes.distance(accs[2], v, before[4], before[5]), Math.abs(secondary - o.secondary[v]));
      if (made !== null) change = Math.max(change, made.distance(accs[3], v, madeBefore, madeLength));
    }
    if (change <= TOLERANCE) {
      for (let i = start; i < end; i++) {
        o.mining.prune(g.order[i], RESIDUE);
        o.refining.prune(g.order[i], RESIDUE);
        made?.prune(g.order[i], RESIDUE);
      }
      return true;
    }
  }
  return false;
}

function accumulators(g: MineralGraph, table: NodeTable): Accumulator[] {
  const keys = table.keyNames.length;
  return [new Accumulator(keys), new Accumulator(keys), new Accumulator(g.nodeCount), new Accumulator(keys)];
}

/** Whether a manufacturer has an edge of this mineral (then the manufacturing stage is traced and reported). */
export function hasManufacturer(g: MineralGraph, table: NodeTable): boolean {
  for (let v = 0; v < g.nodeCount; v++) if (g.touched[v] && table.kind[v] === KIND.manufacturer) return true;
  return false;
}

/** Traces where each node's material of this mineral was mined, refined and shipped (no disruptions). */
export function traceOrigins(g: MineralGraph, table: NodeTable): Origins {
  const n = g.nodeCount;
  const o: Origins = {
    mining: new SparseStore(n), refining: new SparseStore(n), manufacturing: hasManufacturer(g, table) ? new SparseStore(n) : null,
    routes: new SparseStore(n), secondary: new Float64Array(n),
    converged: true, unsettled: new Uint8Array(g.sccStart.length - 1),
  };
  const accs = accumulators(g, table);
  // Consumers with a demand but no edge of this mineral are reported too: they get the no-inflow mixes.
  for (let v = 0; v < n; v++) if (!g.touched[v] && table.kind[v] === KIND.consumer) visit(g, table, o, accs, v);
  for (let k = 0; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    if (!g.sccCyclic[k]) visit(g, table, o, accs, g.order[start]);
    else if (!sweepCycle(g, table, o, accs, start, g.sccStart[k + 1])) o.unsettled[k] = 1;
  }
  o.converged = !o.unsettled.includes(1);
  return o;
}

/**
 * Recomputes origins after the inflow of `changed` nodes moved: only they and what lies downstream of
 * them are visited. Returns the nodes whose vectors were rewritten.
 */
export function retraceOrigins(g: MineralGraph, table: NodeTable, o: Origins, changed: Iterable<number>): Set<number> {
  const dirty = new Set<number>(changed);
  const accs = accumulators(g, table);
  let first = g.sccStart.length - 1;
  for (const v of dirty) first = Math.min(first, g.sccOf[v]);
  const rewritten = new Set<number>();
  for (let k = first; k < g.sccStart.length - 1; k++) {
    const start = g.sccStart[k];
    const end = g.sccStart[k + 1];
    let hit = false;
    for (let i = start; i < end && !hit; i++) hit = dirty.has(g.order[i]);
    if (!hit) continue;
    if (!g.sccCyclic[k]) visit(g, table, o, accs, g.order[start]);
    else o.unsettled[k] = sweepCycle(g, table, o, accs, start, end) ? 0 : 1;
    for (let i = start; i < end; i++) {
      const v = g.order[i];
      rewritten.add(v);
      for (let j = g.outStart[v]; j < g.outStart[v + 1]; j++) dirty.add(g.to[g.outEdges[j]]);
    }
  }
  o.converged = !o.unsettled.includes(1);
  return rewritten;
}
