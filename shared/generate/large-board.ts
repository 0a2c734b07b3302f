import type { Board, BoardEdge, BoardNode, NodeKind } from '../board/types';
import { seededRandom } from './random';

/** Options for a generated supply-chain board. */
export interface LargeBoardOptions {
  nodes: number;
  /** Average edges per node (about 4 gives 40,000 edges for 10,000 nodes). */
  edgesPerNode?: number;
  minerals?: string[];
  seed?: number;
}

/** Each country of the generated boards with a point inland (lat, lon), around which its nodes are scattered. */
const PLACES: Record<string, readonly [number, number]> = {
  CN: [33, 108], CD: [-4, 23], AU: [-25, 134], CL: [-27, -70], ID: [-2, 114], ZA: [-29, 25], US: [39, -98], CA: [55, -105],
  BR: [-12, -50], PE: [-10, -75], MZ: [-17, 36], ZM: [-14, 28], FI: [63, 27], SE: [62, 16], NO: [61, 9], DE: [51, 10],
  FR: [46.5, 2.5], IT: [42.5, 12.5], JP: [36, 138], KR: [36.5, 128], IN: [22, 79], MY: [3.5, 102], GL: [72, -40], RU: [60, 60], AR: [-34, -64],
};
const COUNTRIES = Object.keys(PLACES);
/** How far (degrees) nodes are scattered around their country's point. */
const SCATTER = 4;
const STAGES: { kind: NodeKind; share: number }[] = [
  { kind: 'mine', share: 0.2 },
  { kind: 'transport', share: 0.2 },
  { kind: 'refinery', share: 0.15 },
  { kind: 'transport', share: 0.15 },
  { kind: 'recycler', share: 0.03 },
  { kind: 'stockpile', share: 0.05 },
  { kind: 'consumer', share: 0.22 },
];

/**
 * A layered supply graph: mines -> transports -> refineries -> transports -> consumers, with recyclers and
 * stockpiles. Each node links to a few nodes of the next stage nearby in its stage (supply chains are
 * regional), and carries one or two minerals. Flows conserve volume, so the board computes without warnings.
 * Every node has a latitude and longitude near its country's point (drawn from their own random stream, so the
 * graph is the same as without them).
 */
export function generateLargeBoard(options: LargeBoardOptions): Board {
  const random = seededRandom(options.seed ?? 1);
  const minerals = options.minerals ?? ['cobalt', 'copper', 'gallium', 'lithium', 'rare-earths-heavy'];
  const perNode = options.edgesPerNode ?? 4;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const scatter = seededRandom((options.seed ?? 1) + 7919);
  const around = (degrees: number, limit: number) => Math.max(-limit, Math.min(limit, Math.round((degrees + (scatter() - 0.5) * 2 * SCATTER) * 1e4) / 1e4));
  const stages: BoardNode[][] = STAGES.map(() => []);
  const nodes: BoardNode[] = [];
  const mineralOf = new Map<string, string>();
  STAGES.forEach((stage, s) => {
    const count = Math.max(1, Math.round(options.nodes * stage.share));
    for (let i = 0; i < count && nodes.length < options.nodes; i++) {
      const id = `${stage.kind}-${s}-${i}`;
      const country = pick(COUNTRIES);
      const [lat, lon] = PLACES[country];
      const node: BoardNode = { id, kind: stage.kind, label: `${stage.kind} ${s}.${i}`, country, position: { x: s * 400, y: i * 80 }, lat: around(lat, 89), lon: around(lon, 180) };
      mineralOf.set(id, minerals[Math.floor((i / count) * minerals.length) % minerals.length]);
      stages[s].push(node);
      nodes.push(node);
    }
  });
  const edges: BoardEdge[] = [];
  const inflow = new Map<string, number>();
  const addEdge = (from: BoardNode, to: BoardNode, mineral: string, volume: number) => {
    edges.push({ id: `e${edges.length}`, from: from.id, to: to.id, mineral, volume });
    inflow.set(`${to.id}|${mineral}`, (inflow.get(`${to.id}|${mineral}`) ?? 0) + volume);
  };
  const near = (list: BoardNode[], fraction: number) => list[Math.min(list.length - 1, Math.max(0, Math.round(fraction * (list.length - 1) + (random() - 0.5) * 6)))];
  const flowStages = [0, 1, 2, 3, 6];
  for (let k = 0; k < flowStages.length - 1; k++) {
    const sources = stages[flowStages[k]];
    const targets = stages[flowStages[k + 1]];
    sources.forEach((node, i) => {
      const mineral = mineralOf.get(node.id)!;
      const available = node.kind === 'mine' ? 1000 + Math.round(random() * 9000) : inflow.get(`${node.id}|${mineral}`) ?? 0;
      const fanOut = Math.max(1, Math.round(perNode * 1.4 + (random() - 0.5) * 2));
      for (let j = 0; j < fanOut; j++) addEdge(node, near(targets, i / sources.length), mineral, Math.floor(available / fanOut));
    });
  }
  const consumers = stages[6];
  for (const consumer of consumers) {
    const mineral = mineralOf.get(consumer.id)!;
    consumer.demand = { [mineral]: Math.round((inflow.get(`${consumer.id}|${mineral}`) ?? 0) * 1.1) };
  }
  stages[4].forEach((recycler, i) => {
    const consumer = near(consumers, i / stages[4].length);
    const refinery = near(stages[2], i / stages[4].length);
    const mineral = mineralOf.get(consumer.id)!;
    const scrap = Math.floor((inflow.get(`${consumer.id}|${mineral}`) ?? 0) * 0.05);
    addEdge(consumer, recycler, mineral, scrap);
    addEdge(recycler, refinery, mineral, scrap);
  });
  stages[5].forEach((stockpile, i) => {
    const mineral = minerals[i % minerals.length];
    stockpile.stock = { [mineral]: 500 + Math.round(random() * 5000) };
    for (let j = 0; j < 3; j++) addEdge(stockpile, near(consumers, random()), mineral, 0);
  });
  const cn = nodes.filter((n) => n.kind === 'refinery' && n.country === 'CN').slice(0, 1);
  return {
    format: 'lodestone.board', version: 2, title: `Generated ${options.nodes} nodes`, nodes, edges, notes: [],
    scenario: {
      name: 'Generated',
      disruptions: [
        { id: 'cn-exports', label: 'China export stop', enabled: true, target: { country: 'CN', kinds: ['refinery'], exportsOnly: true }, factor: 0, days: 180 },
        ...cn.map((n) => ({ id: 'outage', label: 'Refinery outage', enabled: true, target: { node: n.id }, factor: 0.5, days: 60 })),
      ],
      expansions: [],
      priceFloors: [],
    },
  };
}
