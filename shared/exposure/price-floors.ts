/** The annual cost of the enabled price floors (scenario-analysis.md section 7). */
import type { MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import type { CleanPriceFloor, FloorStage } from './sanitize-scenario';
import type { PriceFloorReport } from './types';

const STAGE_KIND: Record<FloorStage, number> = { mining: KIND.mine, refining: KIND.refinery, manufacturing: KIND.manufacturer };

/** One entry per enabled floor, in board order: the covered producers' planned output and what topping it up to the floor costs. */
export function priceFloorCosts(
  floors: readonly CleanPriceFloor[], graphs: ReadonlyMap<string, MineralGraph>, table: NodeTable, prices: Readonly<Record<string, number>>,
): PriceFloorReport[] {
  const out: PriceFloorReport[] = [];
  for (const floor of floors) {
    if (!floor.enabled) continue;
    const g = graphs.get(floor.mineral);
    let volume = 0;
    if (g !== undefined) {
      for (let v = 0; v < g.nodeCount; v++) {
        if (table.kind[v] !== STAGE_KIND[floor.stage]) continue;
        const country = table.nodes[v].country;
        if (floor.countries !== null && !floor.countries.has(country)) continue;
        if (floor.excludeCountries.has(country)) continue;
        volume += g.outflow[v];
      }
    }
    const market = Object.hasOwn(prices, floor.mineral) ? prices[floor.mineral] : null;
    out.push({
      id: floor.id, mineral: floor.mineral, stage: floor.stage, floor: floor.floor, market, volume,
      annualCost: market === null ? null : Math.max(0, floor.floor - market) * volume * 1000,
    });
  }
  return out;
}
