/** The v1 stock rule: stockpiles back consumers, their stock is shared by shortfall; what it buys in days and what is still needed. */
import type { MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import { ZERO_TOLERANCE } from './types';

/** For each stockpile holding this mineral, the consumers it backs (an edge of the mineral to them, any volume). */
export interface Backing {
  stockpiles: number[];
  stock: number[];
  backed: number[][];
}

/** Finds the stockpiles of this mineral with stock > 0 and the consumers each backs. */
export function findBacking(g: MineralGraph, table: NodeTable): Backing {
  const backing: Backing = { stockpiles: [], stock: [], backed: [] };
  for (let s = 0; s < g.nodeCount; s++) {
    if (!g.touched[s] || table.kind[s] !== KIND.stockpile) continue;
    const stock = table.nodes[s].stock[g.mineral] ?? 0;
    if (!(stock > 0)) continue;
    const backed = new Set<number>();
    for (let i = g.outStart[s]; i < g.outStart[s + 1]; i++) {
      const c = g.to[g.outEdges[i]];
      if (table.kind[c] === KIND.consumer) backed.add(c);
    }
    if (backed.size === 0) continue;
    backing.stockpiles.push(s);
    backing.stock.push(stock);
    backing.backed.push([...backed]);
  }
  return backing;
}

/** Stock allocated to each consumer: each stockpile's stock shared among the consumers it backs in proportion to `need`. */
export function allocateStock(backing: Backing, need: Float64Array, nodeCount: number): Float64Array {
  const allocated = new Float64Array(nodeCount);
  for (let k = 0; k < backing.stockpiles.length; k++) {
    const backed = backing.backed[k];
    let total = 0;
    for (const c of backed) total += need[c];
    if (!(total > 0)) continue;
    for (const c of backed) allocated[c] += (backing.stock[k] * need[c]) / total;
  }
  return allocated;
}

/** A shortfall with floating-point noise (within 1e-9 t/yr of zero, or negative) taken out. */
export function cleanShortfall(gap: number): number {
  return gap > ZERO_TOLERANCE ? gap : 0;
}

/** Days the allocated stock covers a shortfall (null without shortfall). */
export function stockDays(allocated: number, shortfall: number): number | null {
  return shortfall > 0 ? (allocated * 365) / shortfall : null;
}

/** Tonnes a consumer still lacks to outlast `days` of `shortfall` t/yr with `allocated` tonnes in stock. */
export function stockNeeded(shortfall: number, days: number, allocated: number): number {
  if (!(shortfall > ZERO_TOLERANCE)) return 0;
  return Math.max(0, (shortfall * days) / 365 - allocated);
}

/** Whether the stock days outlast the disruption (true without shortfall). */
export function survives(days: number | null, disruptionDays: number): boolean {
  return days === null || days >= disruptionDays;
}
