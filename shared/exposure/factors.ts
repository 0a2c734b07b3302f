import { edgeIndexOf, type MineralGraph } from './graph';
import type { NodeTable } from './node-table';
import type { CleanDisruption } from './sanitize';

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

/** Evaluates the enabled disruptions for one mineral, as board-format.md defines f_n and g_e. */
export function computeFactors(g: MineralGraph, table: NodeTable, disruptions: readonly CleanDisruption[]): Factors {
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
  const hitEdge = (e: number, d: CleanDisruption) => {
    if (d.factor < edge[e]) edge[e] = d.factor;
    if (d.factor < 1) {
      cuts = true;
      if (d.days > edgeDays[e]) edgeDays[e] = d.days;
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
      if (e !== undefined) hitEdge(e, d);
    } else {
      const country = table.keyOf.get(t.country);
      if (country === undefined) continue;
      const kindOk = (v: number) => t.kinds === null || t.kinds.has(table.nodes[v].kind);
      if (t.exportsOnly) {
        for (let e = 0; e < g.from.length; e++) {
          const u = g.from[e];
          if (table.country[u] === country && table.country[g.to[e]] !== country && kindOk(u)) hitEdge(e, d);
        }
      } else {
        for (let v = 0; v < g.nodeCount; v++) if (table.country[v] === country && kindOk(v)) hitNode(v, d);
      }
    }
  }
  return { node, nodeDays, edge, edgeDays, cuts };
}
