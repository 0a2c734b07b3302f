/** Properties of `reroute` on random small v2 boards, checked against a brute-force reading of scenario-analysis.md section 3. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../shared/exposure/engine';
import type { RerouteReport } from '../../../shared/exposure/types';
import type { Json } from '../../utils/board-v2-builder';
import { bruteMaxFlow, bruteNetwork, factorsOf, type BruteNetwork } from '../../utils/brute-reroute';
import { contendedBoardArbitrary, flowBoardV2Arbitrary, V2_MINERAL as M } from '../../utils/flow-board-v2-arbitrary';

const RUNS = { numRuns: 150 };

function reroute(b: Json): RerouteReport | undefined {
  return computeExposure(b).minerals[M]?.reroute;
}

const near = (a: number, b: number, rel = 1e-7) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Lexicographic max-min fair delivery by progressive filling with bisection, on the brute-force network. */
function bruteFair(net: BruteNetwork, floors: Map<string, number>): Map<string, number> {
  const active = new Set([...net.consumers.keys()]);
  const fixed = new Map<string, number>();
  const capsAt = (t: number, bump: string | null = null) => {
    const caps = new Map<number, number>();
    for (const [id, c] of net.consumers) {
      const x = fixed.has(id) ? fixed.get(id)! : Math.max(floors.get(id)!, t * c.planned);
      caps.set(c.point, id === bump ? x + 1e-6 * c.planned : x);
    }
    return caps;
  };
  const feasible = (caps: Map<number, number>) => {
    const total = [...caps.values()].reduce((a, b) => a + b, 0);
    return bruteMaxFlow(net, caps) >= total * (1 - 1e-12) - 1e-12;
  };
  let lo = 0;
  while (active.size > 0) {
    let hi = 1;
    if (!feasible(capsAt(hi))) {
      for (let i = 0; i < 50; i++) {
        const mid = (lo + hi) / 2;
        if (feasible(capsAt(mid))) lo = mid;
        else hi = mid;
      }
      // Freeze a hair below the bisected level, so a frozen consumer never holds more than can reach it.
      lo *= 1 - 1e-10;
    } else lo = 1;
    const frozen = [...active].filter((id) => lo >= 1 || !feasible(capsAt(lo, id)));
    for (const id of frozen.length > 0 ? frozen : [...active]) {
      const c = net.consumers.get(id)!;
      fixed.set(id, Math.max(floors.get(id)!, lo * c.planned));
      active.delete(id);
    }
  }
  return fixed;
}

/** Checks reported flows against every capacity, factor and balance of the network. */
function checkFlows(b: Json, r: RerouteReport): void {
  const nodes = b.nodes as Json[];
  const edges = (b.edges as Json[]).filter((e) => e.mineral === M);
  const kind = new Map(nodes.map((n) => [n.id as string, n.kind as string]));
  const isArc = (e: Json) => kind.get(e.from as string) !== 'consumer' && !['mine', 'recycler'].includes(kind.get(e.to as string)!);
  const arcs = edges.filter(isArc);
  const { f, g } = factorsOf(b, M);
  const tol = 1e-7;
  for (const [id, flow] of Object.entries(r.flows)) {
    const e = arcs.find((x) => x.id === id);
    expect(e, `flow on a network arc ${id}`).toBeDefined();
    const limit = e!.capacity === undefined ? (e!.volume as number) : Math.max(e!.capacity as number, e!.volume as number);
    expect(flow).toBeLessThanOrEqual(g(id) * limit * (1 + tol) + tol);
  }
  const sum = (list: Json[], pick: (e: Json) => number) => list.reduce((s, e) => s + pick(e), 0);
  const flowOf = (e: Json) => r.flows[e.id as string] ?? 0;
  const expansions = (((b.scenario as Json).expansions as Json[]) ?? []).filter((x) => x.enabled === true);
  let delay = 0;
  for (const e of arcs) delay += flowOf(e) * ((e.delayDays as number | undefined) ?? 0);
  expect(near(delay, 365 * r.delayGap, 1e-6)).toBe(true);
  for (const n of nodes) {
    const id = n.id as string;
    const into = arcs.filter((e) => e.to === id);
    const out = arcs.filter((e) => e.from === id);
    if (into.length === 0 && out.length === 0) continue;
    const inflow = sum(into, flowOf);
    const outflow = sum(out, flowOf);
    if (n.kind === 'consumer') {
      expect(near(inflow, r.consumers[id].delivered, 1e-6)).toBe(true);
      continue;
    }
    const I = sum(into, (e) => e.volume as number);
    const O = sum(out, (e) => e.volume as number);
    const added = expansions.filter((x) => x.node === id).reduce((s, x) => s + ((x.capacity as Json)[M] as number), 0);
    const stated = (n.capacity as Json | undefined)?.[M] as number | undefined;
    const C = stated === undefined ? O + added : Math.max(stated + added, O);
    expect(outflow).toBeLessThanOrEqual(f(id) * C * (1 + tol) + tol);
    const source = n.kind === 'mine' || n.kind === 'recycler' || into.length === 0;
    if (!source) expect(outflow).toBeLessThanOrEqual(inflow + f(id) * Math.max(0, O - I) + tol * (1 + inflow));
  }
}

/**
 * Whether the residual graph of the reported flow (consumer deliveries held fixed) has a cycle of
 * negative delay: none exists exactly when no flow delivering the same amounts has a smaller delay.
 */
function hasNegativeDelayCycle(b: Json, r: RerouteReport): boolean {
  const all = b.nodes as Json[];
  const kind = new Map(all.map((n) => [n.id as string, n.kind as string]));
  const edges = (b.edges as Json[]).filter((e) => e.mineral === M && kind.get(e.from as string) !== 'consumer' && !['mine', 'recycler'].includes(kind.get(e.to as string)!));
  const { f, g } = factorsOf(b, M);
  // Points: 0 the super-source; node i has in-point 2i + 1 and out-point 2i + 2 (a consumer uses its in-point only).
  const pin = new Map(all.map((n, i) => [n.id as string, 2 * i + 1]));
  const pout = new Map(all.map((n, i) => [n.id as string, n.kind === 'consumer' ? 2 * i + 1 : 2 * i + 2]));
  const residual: [number, number, number][] = [];
  const tol = 1e-7;
  const arc = (u: number, v: number, flow: number, cap: number, cost: number) => {
    if (flow < cap - tol) residual.push([u, v, cost]);
    if (flow > tol) residual.push([v, u, -cost]);
  };
  const sum = (list: Json[], pick: (e: Json) => number) => list.reduce((s, e) => s + pick(e), 0);
  const flowOf = (e: Json) => r.flows[e.id as string] ?? 0;
  for (const e of edges) {
    const limit = g(e.id as string) * (e.capacity === undefined ? (e.volume as number) : Math.max(e.capacity as number, e.volume as number));
    arc(pout.get(e.from as string)!, pin.get(e.to as string)!, flowOf(e), limit, (e.delayDays as number | undefined) ?? 0);
  }
  for (const n of all) {
    const id = n.id as string;
    if (n.kind === 'consumer') continue;
    const into = edges.filter((e) => e.to === id);
    const out = edges.filter((e) => e.from === id);
    const I = sum(into, (e) => e.volume as number);
    const O = sum(out, (e) => e.volume as number);
    const stated = (n.capacity as Json | undefined)?.[M] as number | undefined;
    const C = stated === undefined ? O : Math.max(stated, O);
    const outflow = sum(out, flowOf);
    const source = n.kind === 'mine' || n.kind === 'recycler' || into.length === 0;
    arc(pin.get(id)!, pout.get(id)!, outflow, f(id) * C, 0);
    arc(0, pin.get(id)!, source ? outflow : outflow - sum(into, flowOf), source ? Infinity : f(id) * Math.max(0, O - I), 0);
  }
  const dist = new Array(2 * all.length + 1).fill(0);
  for (let round = 0; round <= dist.length; round++) {
    let changed = false;
    for (const [u, v, c] of residual) if (dist[u] + c < dist[v] - 1e-9) {
      dist[v] = dist[u] + c;
      changed = true;
    }
    if (!changed) return false;
  }
  return true;
}

describe('reroute properties (random small v2 boards)', () => {
  it('delivers between each floor and the planned supply, and the reported flows respect every limit', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary(), (b) => {
      const r = reroute(b);
      if (r === undefined) return;
      for (const c of Object.values(r.consumers)) {
        expect(c.delivered).toBeGreaterThanOrEqual(c.floor - 1e-7 * (1 + c.floor));
        expect(c.delivered).toBeLessThanOrEqual(c.delivered + c.shortfall + 1e-9);
      }
      checkFlows(b, r);
    }), RUNS);
  });

  it('delivers in total the maximum flow of the network (brute force over every cut)', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary(), (b) => {
      const r = reroute(b);
      if (r === undefined) return;
      expect(near(r.delivered, bruteMaxFlow(bruteNetwork(b, M)), 1e-7)).toBe(true);
    }), RUNS);
  });

  it('delivers the lexicographically max-min fair vector (brute-force progressive filling)', () => {
    fc.assert(fc.property(contendedBoardArbitrary(), (b) => {
      const r = reroute(b);
      if (r === undefined) return;
      const net = bruteNetwork(b, M);
      const floors = new Map([...net.consumers.keys()].map((id) => [id, r.consumers[id].floor]));
      const fair = bruteFair(net, floors);
      for (const [id, x] of fair) expect(near(r.consumers[id].delivered, x, 1e-5), `${id}: ${r.consumers[id].delivered} vs ${x}`).toBe(true);
    }), { numRuns: 100 });
  });

  it('reports flows within every limit and of least delay on contended boards', () => {
    fc.assert(fc.property(contendedBoardArbitrary(), (b) => {
      const r = reroute(b);
      if (r === undefined) return;
      checkFlows(b, r);
      expect(hasNegativeDelayCycle(b, r)).toBe(false);
      expect(near(r.delivered, bruteMaxFlow(bruteNetwork(b, M)), 1e-7)).toBe(true);
    }), RUNS);
  });

  it('never delivers less than v1 when consumers send material only to recyclers', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary({ consumersFeedRecyclersOnly: true, plainExportLevers: false }), (b) => {
      const m = computeExposure(b).minerals[M];
      if (m?.reroute === undefined) return;
      for (const [id, c] of Object.entries(m.consumers)) {
        expect(m.reroute.consumers[id].delivered).toBeGreaterThanOrEqual(c.delivered - 1e-7 * (1 + c.delivered));
      }
    }), RUNS);
  });

  it('more spare capacity or an expansion never lowers the total nor the smallest delivered ratio', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary(), fc.nat(), fc.double({ min: 0, max: 100, noNaN: true }), (b, pick, more) => {
      const before = reroute(b);
      if (before === undefined) return;
      const nodes = b.nodes as Json[];
      const target = nodes[pick % nodes.length];
      const grown = {
        ...b,
        scenario: { ...(b.scenario as Json), expansions: [...((b.scenario as Json).expansions as Json[]), { id: 'grow', label: 'g', enabled: true, node: target.id, capacity: { [M]: more } }] },
      };
      const after = reroute(grown)!;
      expect(after.delivered).toBeGreaterThanOrEqual(before.delivered - 1e-7 * (1 + before.delivered));
      const smallest = (r: RerouteReport) => Math.min(1, ...Object.values(r.consumers).filter((c) => c.delivered + c.shortfall > 0).map((c) => c.delivered / (c.delivered + c.shortfall)));
      expect(smallest(after)).toBeGreaterThanOrEqual(smallest(before) - 1e-7);
    }), RUNS);
  });
});
