/** scenario-analysis.md section 3 (rerouting), each rule on a tiny board worked by hand (arithmetic in the comments). */
import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../shared/exposure/engine';
import type { RerouteReport } from '../../../shared/exposure/types';
import { board, edge, lever, node, route, type Json } from '../../utils/board-v2-builder';

const CU = 'copper';

function close(actual: number | null | undefined, expected: number, what = 'value'): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-9);
}

function reroute(b: Json, mineral = CU): RerouteReport {
  const r = computeExposure(b).minerals[mineral].reroute;
  expect(r).toBeDefined();
  return r!;
}

// A mine ships 200 t/yr through Suez, 100 each to Italy and Germany. The Cape is an alternative: 150 t/yr
// from the mine, 12 days longer; from the Cape 100 can reach Italy and 30 Germany.
const suezNodes = [
  node('mine', 'mine', 'CD'), node('suez', 'transport', 'EG'), node('cape', 'transport', 'ZA', { capacity: { copper: 150 } }),
  node('it', 'consumer', 'IT'), node('de', 'consumer', 'DE'),
];
const suezEdges = [
  edge('e1', 'mine', 'suez', CU, 200), route('e2', 'mine', 'cape', CU, 150, 12),
  edge('e3', 'suez', 'it', CU, 100), edge('e4', 'suez', 'de', CU, 100), route('e5', 'cape', 'it', CU, 100), route('e6', 'cape', 'de', CU, 30),
];
const closeSuez = lever('suez-closed', { node: 'suez' }, 0, 60);

describe('[3] rerouting through spare and alternative capacity', () => {
  it('[3.1] with nothing cut, every consumer gets its plan on the planned routes', () => {
    const r = reroute(board(suezNodes, suezEdges));
    close(r.delivered, 200);
    close(r.recovered, 0);
    expect(r.flows).toEqual({ e1: 200, e3: 100, e4: 100 });
    expect(r.bottlenecks).toEqual([]);
    close(r.delayGap, 0);
  });

  it('[3.2] closing Suez sends what the Cape can carry, max-min fair, with the delay gap', () => {
    // Floors are 0 (v1 loses everything). Germany can get at most 30 (e6); raising both ratios, de stops at
    // 30/100 = 0.3 and it rises to 100/100 (the Cape node carries 130 <= 150). Delivered 130, recovered 130.
    // Least-delay flow: e2 130, e5 100, e6 30; delay 130 * 12 = 1560 t*days, delayGap = 1560 / 365.
    const r = reroute(board(suezNodes, suezEdges, [closeSuez]));
    close(r.consumers.it.delivered, 100);
    close(r.consumers.de.delivered, 30);
    close(r.consumers.de.floor, 0);
    close(r.consumers.de.shortfall, 70);
    close(r.consumers.de.shortfallPct, 0.7);
    close(r.delivered, 130);
    close(r.recovered, 130);
    close(r.flows.e2, 130);
    close(r.flows.e5, 100);
    close(r.flows.e6, 30);
    expect(Object.keys(r.flows).sort()).toEqual(['e2', 'e5', 'e6']);
    close(r.delayGap, 1560 / 365);
    // Suez: in-point reached, out-point not (closed, limit 200 > 0), and de is short downstream. e6 is full.
    expect(r.bottlenecks).toEqual([{ node: 'suez' }, { edge: 'e6' }]);
  });

  it('[3.3] consumers competing for too little rerouted supply rise to the same ratio', () => {
    // Suez at half (factor 0.5): 100 through Suez, floors it 50 and de 50. The Cape is limited to 50 here, so
    // 150 can reach the two consumers, who want 200: fair shares rise together to 150 / 200 = 0.75, 75 each.
    const smallCape = suezNodes.map((n) => (n.id === 'cape' ? node('cape', 'transport', 'ZA', { capacity: { copper: 50 } }) : n));
    const r = reroute(board(smallCape, suezEdges, [lever('half', { node: 'suez' }, 0.5, 30)]));
    close(r.consumers.it.floor, 50);
    close(r.consumers.de.floor, 50);
    close(r.consumers.it.delivered, 75);
    close(r.consumers.de.delivered, 75);
    close(r.recovered, 50);
    expect(r.bottlenecks).toEqual([{ node: 'cape' }, { node: 'suez' }]);
  });

  it('[3.4] a node without a stated capacity has no spare; an expansion adds some', () => {
    // Without the Cape's capacity its usable throughput is its planned outflow, 0: nothing can be rerouted.
    const noCap = suezNodes.map((n) => (n.id === 'cape' ? node('cape', 'transport', 'ZA') : n));
    close(reroute(board(noCap, suezEdges, [closeSuez])).delivered, 0);
    // An enabled expansion of 40 t/yr at the Cape: C = 0 + 40; it and de both rise to 20 (fair).
    const grown = board(noCap, suezEdges, [closeSuez], { expansions: [{ id: 'x1', label: 'x', enabled: true, node: 'cape', capacity: { copper: 40 } }] });
    const r = reroute(grown);
    close(r.consumers.it.delivered, 20);
    close(r.consumers.de.delivered, 20);
    expect(r.bottlenecks).toEqual([{ node: 'cape' }, { node: 'suez' }]);
    // A disabled expansion adds nothing.
    const off = board(noCap, suezEdges, [closeSuez], { expansions: [{ id: 'x1', label: 'x', enabled: false, node: 'cape', capacity: { copper: 40 } }] });
    close(reroute(off).delivered, 0);
  });

  it('[3.5] a route that never existed is no bottleneck; a closed one is', () => {
    // mine -> c planned 10, plus an alternative route of capacity 0 from a second mine. Stopping the first mine:
    // the zero-capacity route is no bottleneck; the stopped mine is.
    const nodes = [node('m1', 'mine', 'AU'), node('m2', 'mine', 'AU', { capacity: { copper: 50 } }), node('c', 'consumer', 'DE')];
    const edges = [edge('e1', 'm1', 'c', CU, 10), route('e2', 'm2', 'c', CU, 0)];
    const r = reroute(board(nodes, edges, [lever('stop', { node: 'm1' }, 0, 10)]));
    close(r.consumers.c.delivered, 0);
    expect(r.bottlenecks).toEqual([{ node: 'm1' }]);
  });

  it('[3.6] the least-delay flow prefers the shorter alternative', () => {
    // Two alternatives to c: via a (5 days, capacity 6) and via b (20 days, capacity 10); 10 are needed.
    // Least delay: 6 via a, 4 via b: 6 * 5 + 4 * 20 = 110 t*days.
    const nodes = [
      node('m', 'mine', 'AU'), node('p', 'transport', 'XX'), node('a', 'transport', 'XX', { capacity: { copper: 6 } }),
      node('b', 'transport', 'XX', { capacity: { copper: 10 } }), node('c', 'consumer', 'DE'),
    ];
    const edges = [
      edge('e1', 'm', 'p', CU, 10), edge('e2', 'p', 'c', CU, 10),
      route('e3', 'm', 'a', CU, 10, 5), route('e4', 'a', 'c', CU, 10), route('e5', 'm', 'b', CU, 10, 20), route('e6', 'b', 'c', CU, 10),
    ];
    const r = reroute(board(nodes, edges, [lever('stop', { node: 'p' }, 0, 30)]));
    close(r.delivered, 10);
    close(r.flows.e3, 6);
    close(r.flows.e5, 4);
    close(r.delayGap, 110 / 365);
  });

  it('[3.7] edges leaving a consumer and entering a mine or recycler are not in the network', () => {
    // The scrap loop consumer -> recycler -> refinery keeps its planned rate: the recycler is a source of 5.
    // Cutting the mine (factor 0): the refinery gets only the recycler's 5 (its local supply is 0), so c gets 5.
    const nodes = [node('mine', 'mine', 'AU'), node('ref', 'refinery', 'AU'), node('rec', 'recycler', 'DE'), node('c', 'consumer', 'DE')];
    const edges = [edge('e1', 'mine', 'ref', CU, 95), edge('e2', 'ref', 'c', CU, 100), edge('e3', 'c', 'rec', CU, 5), edge('e4', 'rec', 'ref', CU, 5)];
    const r = reroute(board(nodes, edges, [lever('stop', { node: 'mine' }, 0, 30)]));
    close(r.consumers.c.delivered, 5);
    close(r.consumers.c.floor, 5);
    expect(r.flows.e3).toBeUndefined();
  });

  it('[3.8] a node whose plan sends more than it receives keeps that local supply', () => {
    // A refinery receives 40 from a mine and plans 100 out (60 of its own). The mine stops: the v1 floor is
    // r = min(1, 0/40) = 0, but rerouting keeps the local supply f * max(0, O - I) = 60.
    const nodes = [node('mine', 'mine', 'AU'), node('ref', 'refinery', 'AU'), node('c', 'consumer', 'DE')];
    const edges = [edge('e1', 'mine', 'ref', CU, 40), edge('e2', 'ref', 'c', CU, 100)];
    const r = reroute(board(nodes, edges, [lever('stop', { node: 'mine' }, 0, 30)]));
    close(r.consumers.c.floor, 0);
    close(r.consumers.c.delivered, 60);
  });

  it('[3.9] rerouted stock days, survival and stock needed follow the v1 stock rule on the rerouted shortfalls', () => {
    // Suez closed for 60 days; a store with 10 t backs de. Rerouted: de short 70 t/yr -> stockDays 10 * 365 / 70 = 52.14
    // < 60: does not survive; stockNeeded = 70 * 60 / 365 - 10 = 1.5068... it is not short: 0.
    const nodes = [...suezNodes, node('store', 'stockpile', 'DE', { stock: { copper: 10 } })];
    const edges = [...suezEdges, edge('e7', 'store', 'de', CU, 0)];
    const r = reroute(board(nodes, edges, [closeSuez]));
    close(r.consumers.de.stockDays, (10 * 365) / 70);
    expect(r.consumers.de.survives).toBe(false);
    close(r.consumers.de.stockNeeded, (70 * 60) / 365 - 10);
    close(r.consumers.it.stockNeeded, 0);
    expect(r.consumers.it.stockDays).toBeNull();
    close(r.stockpileGap, (70 * 60) / 365 - 10);
  });
});
