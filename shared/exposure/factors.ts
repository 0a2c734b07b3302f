import { edgeIndexOf, type MineralGraph } from './graph';
import { KIND, type NodeTable } from './node-table';
import type { Origins } from './origins';
import type { CleanDisruption, CleanTarget } from './sanitize';

/** Node and edge factors of the enabled disruptions for one mineral, with the days of the cuts. */
export interface Factors {
  /** f_n (1 when nothing matches). */
  node: Float64Array;
  /** The largest `days` of the disruptions that cut node n (factor < 1); 0 if none. */
  nodeDays: Float64Array;
  /** g_e (1 when nothing matches). */
  edge: Float64Array;
  edgeDays: Float64Array;
  /** Whether any factor is below 1. */
  cuts: boolean;
}

/** Whether a disruption is on and applies to this mineral. */
export function appliesTo(d: CleanDisruption, mineral: string): boolean {
  return d.enabled && (d.minerals === null || d.minerals.has(mineral));
}

type CountryTarget = Extract<CleanTarget, { type: 'country' }>;

/**
 * The share s_e of an edge's material an export lever of country C covers (scenario-analysis.md
 * section 2): 1 without `kinds`; else the largest of C's share in the source node's refining, mining
 * or manufacturing mix (for the kinds named), and 1 when the source's own kind is named and is
 * none of those three.
 */
function coveredShare(t: CountryTarget, country: number, source: number, table: NodeTable, origins: Origins): number {
  if (t.kinds === null) return 1;
  const kind = table.kind[source];
  if (t.kinds.has(table.nodes[source].kind) && kind !== KIND.mine && kind !== KIND.refinery && kind !== KIND.manufacturer) return 1;
  let share = 0;
  if (t.kinds.has('refinery')) share = Math.max(share, origins.refining.valueAt(source, country));
  if (t.kinds.has('mine')) share = Math.max(share, origins.mining.valueAt(source, country));
  if (t.kinds.has('manufacturer') && origins.manufacturing !== null) share = Math.max(share, origins.manufacturing.valueAt(source, country));
  return Math.min(1, share);
}

/** Evaluates the enabled disruptions for one mineral, as board-format.md and scenario-analysis.md section 2 define f_n and g_e. */
export function computeFactors(g: MineralGraph, table: NodeTable, disruptions: readonly CleanDisruption[], origins: Origins): Factors {
  const node = new Float64Array(g.nodeCount).fill(1);
  const nodeDays = new Float64Array(g.nodeCount);
  const edge = new Float64Array(g.from.length).fill(1);
  const edgeDays = new Float64Array(g.from.length);
  let cuts = false;
  const hitNode = (v: number, d: CleanDisruption) => {
    if (d.factor < node[v]) node[v] = d.factor;
    if (d.factor < 1) {
      cuts = true;
      if (d.days > nodeDays[v]) nodeDays[v] = d.days;
    }
  };
  const hitEdge = (e: number, factor: number, days: number) => {
    if (factor < edge[e]) edge[e] = factor;
    if (factor < 1) {
      cuts = true;
      if (days > edgeDays[e]) edgeDays[e] = days;
    }
  };
  for (const d of disruptions) {
    if (!appliesTo(d, g.mineral)) continue;
    const t = d.target;
    if (t.type === 'node') {
      const v = table.index.get(t.id);
      if (v !== undefined) hitNode(v, d);
    } else if (t.type === 'edge') {
      const e = edgeIndexOf(g, t.id);
      if (e !== undefined) hitEdge(e, d.factor, d.days);
    } else {
      const country = table.keyOf.get(t.country);
      if (country === undefined) continue;
      if (t.exportsOnly) {
        for (let e = 0; e < g.from.length; e++) {
          const u = g.from[e];
          const destination = table.country[g.to[e]];
          if (table.country[u] !== country || destination === country) continue;
          if (t.to !== null && !t.to.has(table.keyNames[destination])) continue;
          const share = coveredShare(t, country, u, table, origins);
          if (share > 0) hitEdge(e, 1 - (1 - d.factor) * share, d.days);
        }
      } else {
        const kindOk = (v: number) => t.kinds === null || t.kinds.has(table.nodes[v].kind);
        for (let v = 0; v < g.nodeCount; v++) if (table.country[v] === country && kindOk(v)) hitNode(v, d);
      }
    }
  }
  return { node, nodeDays, edge, edgeDays, cuts };
}
