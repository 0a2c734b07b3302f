import type { ConsumerCritical } from './consumer-critical';
import type { Flow } from './flow';
import type { MineralGraph } from './graph';
import type { Losses } from './critical';
import { dict } from './dict';
import { KIND, type NodeTable } from './node-table';
import type { Origins } from './origins';
import { breachesBenchmark, stageReport } from './stage-report';
import { allocateStock, cleanShortfall, stockDays, stockNeeded, survives, type Backing } from './stock';
import { ZERO_TOLERANCE, type ConsumerReport, type CriticalNode, type StageFlags, type StageReports } from './types';

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

/** Shortfall of each consumer under a scenario (noise within 1e-9 t/yr counts as none). */
export function scenarioShortfalls(g: MineralGraph, consumers: readonly number[], flow: Flow | null): Float64Array {
  const shortfall = new Float64Array(g.nodeCount);
  if (flow === null) return shortfall;
  for (const c of consumers) shortfall[c] = cleanShortfall(g.inflow[c] - flow.actualInflow[c]);
  return shortfall;
}

function routeShares(origins: Origins, v: number, table: NodeTable): Record<string, number> {
  const routes = dict<number>();
  origins.routes.forEach(v, (t, share) => (routes[table.nodes[t].id] = Math.min(1, share)));
  return routes;
}

/** Touched non-consumer nodes, largest loss first; losses equal up to rounding noise are ordered by node id. */
function criticalNodes(g: MineralGraph, table: NodeTable, losses: Losses, critical: ConsumerCritical): CriticalNode[] {
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
  return nodes.map((v) => ({
    node: table.nodes[v].id, loss: loss[v], lossPct: total > 0 ? loss[v] / total : 0,
    ttr: table.nodes[v].recoveryDays, atRisk: critical.atRisk[v] === 1,
  }));
}

function stages(origins: Origins, c: number, table: NodeTable): { stages: StageReports; benchmark65: StageFlags } {
  const mining = stageReport(origins.mining, c, table.keyNames);
  const refining = stageReport(origins.refining, c, table.keyNames);
  if (origins.manufacturing === null) {
    return { stages: { mining, refining }, benchmark65: { mining: breachesBenchmark(mining), refining: breachesBenchmark(refining) } };
  }
  const manufacturing = stageReport(origins.manufacturing, c, table.keyNames);
  return {
    stages: { mining, refining, manufacturing },
    benchmark65: { mining: breachesBenchmark(mining), refining: breachesBenchmark(refining), manufacturing: breachesBenchmark(manufacturing) },
  };
}

/** The baseline inputs of one mineral's report. */
export interface MineralBaseline {
  losses: Losses;
  critical: ConsumerCritical;
  backing: Backing;
}

/** The v1 part of one mineral's report (with the v2 per-consumer fields), and its stockpile gap. */
export interface ConsumerSide {
  converged: boolean;
  consumers: Record<string, ConsumerReport>;
  criticalNodes: CriticalNode[];
  stockpileGap: number;
}

/** Builds the consumer reports and critical nodes of one mineral from its baseline and scenario results. */
export function buildConsumerSide(
  g: MineralGraph, table: NodeTable, origins: Origins, baseline: MineralBaseline, scenario: ScenarioResult, criticalLimit: number,
): ConsumerSide {
  const consumers = consumersOf(g, table);
  const shortfall = scenarioShortfalls(g, consumers, scenario.flow);
  const allocated = allocateStock(baseline.backing, shortfall, g.nodeCount);
  const report = dict<ConsumerReport>();
  let stockpileGap = 0;
  for (const c of consumers) {
    const node = table.nodes[c];
    const supplied = g.inflow[c];
    const gap = shortfall[c];
    const days = scenario.days ? scenario.days[c] : 0;
    const coverDays = stockDays(allocated[c], gap);
    const delivered = gap > 0 && scenario.flow ? scenario.flow.actualInflow[c] : supplied;
    const demand = node.demand[g.mineral] ?? 0;
    const needed = stockNeeded(gap, days, allocated[c]);
    stockpileGap += needed;
    report[node.id] = {
      demand,
      supplied,
      delivered,
      shortfall: gap,
      shortfallPct: supplied > 0 ? gap / supplied : 0,
      secondaryShare: origins.secondary[c],
      ...stages(origins, c, table),
      routes: routeShares(origins, c, table),
      disruptionDays: days,
      stockDays: coverDays,
      survives: survives(coverDays, days),
      demandGap: Math.max(0, demand - delivered),
      coverage: demand > 0 ? delivered / demand : null,
      stockNeeded: needed,
      criticalNodes: baseline.critical.byConsumer.get(c) ?? [],
    };
  }
  const converged = origins.converged && baseline.losses.converged && baseline.critical.converged && (scenario.flow?.converged ?? true);
  return { converged, consumers: report, criticalNodes: criticalNodes(g, table, baseline.losses, baseline.critical), stockpileGap };
}
