import type { MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import type { ExposureWarning } from './types';

const exceeds = (value: number, limit: number) => value > limit * (1 + 1e-9) + 1e-9;

/** Warnings for planned outflow above a node's capacity, or above its inflow when the node is not a mine or recycler. */
export function flowWarnings(g: MineralGraph, table: NodeTable): ExposureWarning[] {
  const warnings: ExposureWarning[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (!g.touched[v]) continue;
    const node = table.nodes[v];
    const out = g.outflow[v];
    const capacity = node.capacity[g.mineral];
    if (capacity !== undefined && exceeds(out, capacity)) {
      const values = { node: node.id, mineral: g.mineral, out, capacity };
      warnings.push({ code: 'over-capacity', message: `${node.id} plans ${out} t/yr of ${g.mineral} out, above its capacity of ${capacity} t/yr`, ref: node.id, key: 'over-capacity', values });
    }
    const kind = table.kind[v];
    if (kind !== KIND.mine && kind !== KIND.recycler && exceeds(out, g.inflow[v])) {
      const values = { node: node.id, mineral: g.mineral, out, inflow: g.inflow[v] };
      warnings.push({ code: 'outflow-exceeds-inflow', message: `${node.id} plans ${out} t/yr of ${g.mineral} out but only ${g.inflow[v]} t/yr in`, ref: node.id, key: 'outflow-exceeds-inflow', values });
    }
  }
  return warnings;
}
