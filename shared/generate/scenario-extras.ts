/**
 * Adds what rerouting and stockpile sizing work with to a generated board (benchmarks, tests): stated
 * capacities with some spare on a share of the refineries and transports, alternative routes (volume 0,
 * a capacity and a delay) from second-stage transports to consumers, an expansion, more levers, prices.
 */
import type { Board, BoardEdge, BoardNode } from '../board/types';
import { seededRandom } from './random';

/** A generated board with the board format v2 fields (typed loosely: they are plain JSON here). */
export type ScenarioBoard = Board & { prices?: Record<string, number> };

/** Returns a copy of a generated board with capacities, alternative routes, an expansion, a price floor and extra levers. */
export function withScenarioAnalysis(board: Board, seed = 1): ScenarioBoard {
  const random = seededRandom(seed);
  const outflow = new Map<string, Map<string, number>>();
  for (const e of board.edges) {
    const byMineral = outflow.get(e.from) ?? new Map<string, number>();
    byMineral.set(e.mineral, (byMineral.get(e.mineral) ?? 0) + e.volume);
    outflow.set(e.from, byMineral);
  }
  const nodes: BoardNode[] = board.nodes.map((n) => {
    const out = outflow.get(n.id);
    if (out === undefined || (n.kind !== 'refinery' && n.kind !== 'transport') || random() > 0.4) return n;
    const capacity: Record<string, number> = {};
    for (const [mineral, volume] of out) capacity[mineral] = Math.round(volume * (1.1 + random() * 0.4));
    return { ...n, capacity, ...(random() < 0.5 ? { recoveryDays: 30 + Math.round(random() * 150) } : {}) } as BoardNode;
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const consumers = nodes.filter((n) => n.kind === 'consumer');
  const edges: BoardEdge[] = [...board.edges];
  for (const e of board.edges) {
    const to = byId.get(e.to);
    if (to === undefined || to.kind !== 'consumer' || byId.get(e.from)?.kind !== 'transport' || random() > 0.15) continue;
    const other = consumers[Math.min(consumers.length - 1, Math.max(0, consumers.indexOf(to) + Math.round((random() - 0.5) * 10)))];
    if (other === undefined || other.id === to.id) continue;
    const alternative = { id: `alt${edges.length}`, from: e.from, to: other.id, mineral: e.mineral, volume: 0, capacity: Math.round(e.volume * (0.3 + random())), delayDays: Math.round(random() * 20) };
    edges.push(alternative as BoardEdge);
  }
  const refinery = nodes.find((n) => n.kind === 'refinery' && n.capacity !== undefined);
  const minerals = [...new Set(board.edges.map((e) => e.mineral))].sort();
  const port = nodes.find((n) => n.kind === 'transport' && n.capacity !== undefined);
  const scenario = {
    ...board.scenario,
    disruptions: [
      ...board.scenario.disruptions,
      ...(port === undefined ? [] : [{ id: 'port-strike', label: 'Port strike', enabled: false, target: { node: port.id }, factor: 0.3, days: 45 }]),
      { id: 'cn-us-ban', label: 'China bans exports to the US', enabled: false, target: { country: 'CN', exportsOnly: true, to: ['US'] }, factor: 0, days: 365 },
    ],
    expansions: refinery === undefined ? [] : [{ id: 'new-refinery', label: 'Refinery expansion', enabled: true, node: refinery.id, capacity: { ...refinery.capacity } }],
    priceFloors: [{ id: 'allied-floor', label: 'Allied floor', enabled: true, mineral: minerals[0], stage: 'refining', floor: 60, excludeCountries: ['CN'] }],
  };
  const prices = Object.fromEntries(minerals.map((m, i) => [m, 20 + 15 * i]));
  return { ...board, nodes, edges, scenario: scenario as Board['scenario'], prices };
}
