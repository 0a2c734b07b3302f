/** The EU Critical Raw Materials Act 2030 benchmarks of one mineral (scenario-analysis.md section 6). */
import { EU_MEMBERS } from '../board/countries';
import type { MineralGraph } from './graph';
import { isPseudoOrigin, KIND, type NodeTable } from './node-table';
import type { Origins } from './origins';
import type { SparseStore } from './sparse';
import { BENCHMARK_SHARE } from './stage-report';
import type { CrmaReport, TopCountry } from './types';

/** The Act's capacity benchmarks, as shares of EU consumption. */
export const CRMA_TARGETS = { extraction: 0.1, processing: 0.4, recycling: 0.25 } as const;

const NOISE = 1e-12;

/** Usable capacity of a node for this mineral: max(capacity, planned outflow) when stated, else the planned outflow. */
function usableCapacity(g: MineralGraph, table: NodeTable, v: number): number {
  const stated = table.nodes[v].capacity[g.mineral];
  return stated === undefined ? g.outflow[v] : Math.max(stated, g.outflow[v]);
}

/** The largest real non-EU country of one stage in the supply-weighted mix of the EU consumers. */
function largestThirdCountry(mixes: SparseStore, euConsumers: readonly number[], g: MineralGraph, table: NodeTable): TopCountry | null {
  let total = 0;
  const combined = new Map<number, number>();
  for (const c of euConsumers) {
    const supplied = g.inflow[c];
    if (!(supplied > 0)) continue;
    total += supplied;
    mixes.forEach(c, (key, share) => {
      if (isPseudoOrigin(key) || EU_MEMBERS.has(table.keyNames[key])) return;
      combined.set(key, (combined.get(key) ?? 0) + supplied * share);
    });
  }
  if (!(total > 0)) return null;
  let best: TopCountry | null = null;
  for (const [key, amount] of combined) {
    const share = amount / total;
    if (!(share > 0)) continue;
    const country = table.keyNames[key];
    if (best === null || share > best.share + NOISE || (Math.abs(share - best.share) <= NOISE && country < best.country)) best = { country, share };
  }
  return best;
}

/** The CRMA block of one mineral, or null when EU consumption is 0. */
export function computeCrma(g: MineralGraph, table: NodeTable, origins: Origins, consumers: readonly number[]): CrmaReport | null {
  const eu = consumers.filter((c) => EU_MEMBERS.has(table.nodes[c].country));
  let euConsumption = 0;
  for (const c of eu) {
    const demand = table.nodes[c].demand[g.mineral] ?? 0;
    euConsumption += demand > 0 ? demand : g.inflow[c];
  }
  if (!(euConsumption > 0)) return null;
  const capacity = { extraction: 0, processing: 0, recycling: 0 };
  for (let v = 0; v < g.nodeCount; v++) {
    if (!EU_MEMBERS.has(table.nodes[v].country)) continue;
    if (!g.touched[v] && table.nodes[v].capacity[g.mineral] === undefined) continue;
    const kind = table.kind[v];
    if (kind === KIND.mine) capacity.extraction += usableCapacity(g, table, v);
    else if (kind === KIND.refinery) capacity.processing += usableCapacity(g, table, v);
    else if (kind === KIND.recycler) capacity.recycling += usableCapacity(g, table, v);
  }
  const thirdCountry: CrmaReport['thirdCountry'] = {
    mining: largestThirdCountry(origins.mining, eu, g, table),
    refining: largestThirdCountry(origins.refining, eu, g, table),
  };
  if (origins.manufacturing !== null) thirdCountry.manufacturing = largestThirdCountry(origins.manufacturing, eu, g, table);
  const extraction = capacity.extraction / euConsumption;
  const processing = capacity.processing / euConsumption;
  const recycling = capacity.recycling / euConsumption;
  const withinCap = Object.values(thirdCountry).every((top) => top === null || top.share <= BENCHMARK_SHARE + NOISE);
  return {
    euConsumption, extraction, processing, recycling, thirdCountry,
    meets: {
      extraction: extraction >= CRMA_TARGETS.extraction - NOISE,
      processing: processing >= CRMA_TARGETS.processing - NOISE,
      recycling: recycling >= CRMA_TARGETS.recycling - NOISE,
      thirdCountry: withinCap,
    },
  };
}
