import type { Flow } from './flow';
import type { MineralGraph } from './graph';
import type { Losses } from './critical';
import { dict } from './dict';
import { KIND, type NodeTable } from './node-table';
import type { Origins } from './origins';
import { breachesBenchmark, stageReport } from './stage-report';
import { ZERO_TOLERANCE, type ConsumerReport, type CriticalNode, type MineralReport } from './types';

/** The scenario side of one mineral: actual flows and disruption days (null when nothing is cut). */
export interface ScenarioResult {
  flow: Flow | null;
  days: Float64Array | null;
}

/** The consumers reported for a mineral: those with an edge of it, or a demand entry for it. */
export function consumersOf(g: MineralGraph, table: NodeTable): number[] {
  const out: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (table.kind[v] !== KIND.consumer) continue;
    if (g.touched[v] || g.mineral in table.nodes[v].demand) out.push(v);
  }
  return out;
}

/** Stock of this mineral allocated to each consumer: each stockpile's stock shared by shortfall among the consumers it backs. */
function allocateStock(g: MineralGraph, table: NodeTable, shortfall: Float64Array): Float64Array {
  const allocated = new Float64Array(g.nodeCount);
  for (let s = 0; s < g.nodeCount; s++) {
    if (!g.touched[s] || table.kind[s] !== KIND.stockpile) continue;
    const stock = table.nodes[s].stock[g.mineral] ?? 0;
    if (stock <= 0) continue;
    const backed = new Set<number>();
    for (let i = g.outStart[s]; i < g.outStart[s + 1]; i++) {
      const c = g.to[g.outEdges[i]];
      if (table.kind[c] === KIND.consumer) backed.add(c);
    }
    let total = 0;
    for (const c of backed) total += shortfall[c];
    if (total <= 0) continue;
    for (const c of backed) allocated[c] += (stock * shortfall[c]) / total;
  }
  return allocated;
}

function routeShares(origins: Origins, v: number, table: NodeTable): Record<string, number> {
  const routes = dict<number>();
  origins.routes.forEach(v, (t, share) => (routes[table.nodes[t].id] = Math.min(1, share)));
  return routes;
}

/** Touched non-consumer nodes, largest loss first; losses equal up to rounding noise are ordered by node id. */
function criticalNodes(g: MineralGraph, table: NodeTable, losses: Losses): CriticalNode[] {
  const loss = losses.loss;
  const nodes: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (!g.touched[v] || table.kind[v] === KIND.consumer) continue;
    if (loss[v] <= ZERO_TOLERANCE) loss[v] = 0;
    nodes.push(v);
  }
  const idRank = table.idRank;
  nodes.sort((a, b) => {
    const la = loss[a];
    const lb = loss[b];
    if (Math.abs(la - lb) > 1e-12 * (la > lb ? la : lb)) return lb - la;
    return idRank[a] - idRank[b];
  });
  const total = losses.totalSupplied;
  return nodes.map((v) => ({ node: table.nodes[v].id, loss: loss[v], lossPct: total > 0 ? loss[v] / total : 0 }));
}

/** Builds the report of one mineral from its baseline and scenario results. */
export function buildMineralReport(g: MineralGraph, table: NodeTable, origins: Origins, losses: Losses, scenario: ScenarioResult): MineralReport {
  const consumers = consumersOf(g, table);
  const shortfall = new Float64Array(g.nodeCount);
  for (const c of consumers) {
    const delivered = scenario.flow ? scenario.flow.actualInflow[c] : g.inflow[c];
    const gap = g.inflow[c] - delivered;
    shortfall[c] = gap > ZERO_TOLERANCE ? gap : 0;
  }
  const allocated = allocateStock(g, table, shortfall);
  const report = dict<ConsumerReport>();
  for (const c of consumers) {
    const node = table.nodes[c];
    const supplied = g.inflow[c];
    const gap = shortfall[c];
    const days = scenario.days ? scenario.days[c] : 0;
    const stockDays = gap > 0 ? (allocated[c] * 365) / gap : null;
    const mining = stageReport(origins.mining, c, table.keyNames);
    const refining = stageReport(origins.refining, c, table.keyNames);
    report[node.id] = {
      demand: node.demand[g.mineral] ?? 0,
      supplied,
      delivered: gap > 0 && scenario.flow ? scenario.flow.actualInflow[c] : supplied,
      shortfall: gap,
      shortfallPct: supplied > 0 ? gap / supplied : 0,
      secondaryShare: origins.secondary[c],
      stages: { mining, refining },
      benchmark65: { mining: breachesBenchmark(mining), refining: breachesBenchmark(refining) },
      routes: routeShares(origins, c, table),
      disruptionDays: days,
      stockDays,
      survives: stockDays === null || stockDays >= days,
    };
  }
  const converged = origins.converged && losses.converged && (scenario.flow?.converged ?? true);
  return { converged, consumers: report, criticalNodes: criticalNodes(g, table, losses) };
}
