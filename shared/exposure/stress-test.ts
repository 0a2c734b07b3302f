/** The stress test (scenario-analysis.md section 4): every lever alone, without rerouting, and the stock it takes to survive. */
import { computeFactors } from './factors';
import { disruptionDays, propagateFlow } from './flow';
import type { MineralGraph } from './graph';
import { consumersOf, scenarioShortfalls } from './mineral-report';
import type { NodeTable } from './node-table';
import type { Origins } from './origins';
import type { CleanDisruption } from './sanitize';
import { allocateStock, stockDays, stockNeeded, survives, type Backing } from './stock';
import type { StressLever, StressTest } from './types';

/** One lever's row and what each consumer would need under it (kept so an unchanged lever is not run again). */
export interface StressRow {
  row: StressLever;
  /** Consumer index -> stockNeeded under this lever alone (only consumers that need some). */
  needed: Map<number, number>;
}

/** Runs one lever alone (enabled, every other lever off) on one mineral. */
export function stressRow(g: MineralGraph, table: NodeTable, origins: Origins, backing: Backing, lever: CleanDisruption): StressRow {
  const empty: StressRow = { row: { lever: lever.id, shortfall: 0, stockpileGap: 0, failing: [] }, needed: new Map() };
  if (lever.minerals !== null && !lever.minerals.has(g.mineral)) return empty;
  const alone = [{ ...lever, enabled: true }];
  const factors = computeFactors(g, table, alone, origins);
  if (!factors.cuts) return empty;
  const flow = propagateFlow(g, factors.node, factors.edge);
  const days = disruptionDays(g, factors.nodeDays, factors.edgeDays);
  const consumers = consumersOf(g, table);
  const shortfall = scenarioShortfalls(g, consumers, flow);
  const allocated = allocateStock(backing, shortfall, g.nodeCount);
  return { row: rowOf(lever.id, consumers, shortfall, days, table, allocated), needed: neededOf(consumers, shortfall, days, allocated) };
}

function rowOf(id: string, consumers: number[], shortfall: Float64Array, days: Float64Array, table: NodeTable, allocated: Float64Array): StressLever {
  let total = 0;
  let gap = 0;
  const failing: string[] = [];
  for (const c of consumers) {
    total += shortfall[c];
    gap += stockNeeded(shortfall[c], days[c], allocated[c]);
    if (!survives(stockDays(allocated[c], shortfall[c]), days[c])) failing.push(table.nodes[c].id);
  }
  failing.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { lever: id, shortfall: total, stockpileGap: gap, failing };
}

function neededOf(consumers: number[], shortfall: Float64Array, days: Float64Array, allocated: Float64Array): Map<number, number> {
  const needed = new Map<number, number>();
  for (const c of consumers) {
    const n = stockNeeded(shortfall[c], days[c], allocated[c]);
    if (n > 0) needed.set(c, n);
  }
  return needed;
}

/** Combines the rows of every lever: separate national stocks against one pooled stock. */
export function combineStress(rows: readonly StressRow[]): StressTest {
  const worst = new Map<number, number>();
  let pooledStock = 0;
  for (const { row, needed } of rows) {
    pooledStock = Math.max(pooledStock, row.stockpileGap);
    for (const [c, n] of needed) worst.set(c, Math.max(worst.get(c) ?? 0, n));
  }
  let separateStock = 0;
  for (const n of worst.values()) separateStock += n;
  return { levers: rows.map((r) => r.row), separateStock, pooledStock, poolingGain: separateStock - pooledStock };
}
