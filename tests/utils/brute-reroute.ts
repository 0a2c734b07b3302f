/**
 * A deliberately naive reading of scenario-analysis.md section 3, written apart from the engine (tests
 * only): the rerouting network of a small valid board, its maximum flow by enumerating every cut, the
 * fair delivery by progressive filling with bisection, and a checker for reported flows.
 */
import type { Json } from './board-v2-builder';

interface Arc {
  from: number;
  to: number;
  cap: number;
}

/** The network of one mineral in point form: S = 0, T = 1, then two points per non-consumer node, one per consumer. */
export interface BruteNetwork {
  points: number;
  arcs: Arc[];
  /** Consumer id -> [point, S_c, F_c]. */
  consumers: Map<string, { point: number; planned: number; floor: number }>;
}

type Factor = (id: string) => number;

/** The v1 scenario factors for one mineral, by the contract's words, on a board whose export levers have no kinds. */
export function factorsOf(b: Json, mineral: string): { f: Factor; g: Factor } {
  const nodes = b.nodes as Json[];
  const edges = (b.edges as Json[]).filter((e) => e.mineral === mineral);
  const byId = new Map(nodes.map((n) => [n.id as string, n]));
  const levers = ((b.scenario as Json).disruptions as Json[]).filter((d) => d.enabled === true && (d.minerals === undefined || (d.minerals as string[]).includes(mineral)));
  const f = (id: string) => {
    let out = 1;
    const n = byId.get(id)!;
    for (const d of levers) {
      const t = d.target as Json;
      const kinds = t.kinds as string[] | undefined;
      const hits = t.node === id || (t.country === n.country && !t.exportsOnly && (kinds === undefined || kinds.includes(n.kind as string)));
      if (hits) out = Math.min(out, d.factor as number);
    }
    return out;
  };
  const g = (id: string) => {
    let out = 1;
    const e = edges.find((x) => x.id === id)!;
    for (const d of levers) {
      const t = d.target as Json;
      const from = byId.get(e.from as string)!;
      const to = byId.get(e.to as string)!;
      const hits = t.edge === id || (t.exportsOnly === true && t.country === from.country && to.country !== from.country);
      if (hits) out = Math.min(out, d.factor as number);
    }
    return out;
  };
  return { f, g };
}

/** Builds the network of `mineral` straight from the spec's sentences. */
export function bruteNetwork(b: Json, mineral: string): BruteNetwork {
  const nodes = b.nodes as Json[];
  const kindOf = new Map(nodes.map((n) => [n.id as string, n.kind as string]));
  const all = (b.edges as Json[]).filter((e) => e.mineral === mineral);
  const arcsOf = all.filter((e) => kindOf.get(e.from as string) !== 'consumer' && !['mine', 'recycler'].includes(kindOf.get(e.to as string)!));
  const touched = new Set(all.flatMap((e) => [e.from as string, e.to as string]));
  const { f, g } = factorsOf(b, mineral);
  const pointIn = new Map<string, number>();
  const pointOut = new Map<string, number>();
  let points = 2;
  for (const n of nodes) {
    const id = n.id as string;
    if (!touched.has(id)) continue;
    pointIn.set(id, points++);
    pointOut.set(id, n.kind === 'consumer' ? pointIn.get(id)! : points++);
  }
  const sum = (list: Json[]) => list.reduce((s, e) => s + (e.volume as number), 0);
  const expansions = (((b.scenario as Json).expansions as Json[] | undefined) ?? []).filter((x) => x.enabled === true);
  const arcs: Arc[] = [];
  const consumers = new Map<string, { point: number; planned: number; floor: number }>();
  for (const n of nodes) {
    const id = n.id as string;
    if (!touched.has(id)) continue;
    const I = sum(arcsOf.filter((e) => e.to === id));
    const O = sum(arcsOf.filter((e) => e.from === id));
    if (n.kind === 'consumer') {
      if (I > 0) {
        arcs.push({ from: pointIn.get(id)!, to: 1, cap: I });
        consumers.set(id, { point: pointIn.get(id)!, planned: I, floor: 0 });
      }
      continue;
    }
    const added = expansions.filter((x) => x.node === id).reduce((s, x) => s + (((x.capacity as Json)[mineral] as number | undefined) ?? 0), 0);
    const stated = (n.capacity as Json | undefined)?.[mineral] as number | undefined;
    const C = stated === undefined ? O + added : Math.max(stated + added, O);
    const source = n.kind === 'mine' || n.kind === 'recycler' || !arcsOf.some((e) => e.to === id);
    if (source) arcs.push({ from: 0, to: pointIn.get(id)!, cap: Infinity });
    else arcs.push({ from: 0, to: pointIn.get(id)!, cap: f(id) * Math.max(0, O - I) });
    arcs.push({ from: pointIn.get(id)!, to: pointOut.get(id)!, cap: f(id) * C });
  }
  for (const e of arcsOf) {
    const cap = e.capacity === undefined ? (e.volume as number) : Math.max(e.capacity as number, e.volume as number);
    arcs.push({ from: pointOut.get(e.from as string)!, to: pointIn.get(e.to as string)!, cap: g(e.id as string) * cap });
  }
  return { points, arcs, consumers };
}

/** Maximum flow by enumerating every S-T cut (small networks only). */
export function bruteMaxFlow(net: BruteNetwork, sinkCaps?: Map<number, number>): number {
  const inner = net.points - 2;
  let best = Infinity;
  for (let mask = 0; mask < 1 << inner; mask++) {
    const side = (p: number) => (p === 0 ? true : p === 1 ? false : ((mask >> (p - 2)) & 1) === 1);
    let cut = 0;
    for (const a of net.arcs) {
      if (!side(a.from) || side(a.to)) continue;
      cut += a.to === 1 && sinkCaps?.has(a.from) ? sinkCaps.get(a.from)! : a.cap;
      if (cut >= best) break;
    }
    best = Math.min(best, cut);
  }
  return best;
}
