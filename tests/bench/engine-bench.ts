/** Exposure engine benchmark: full recompute and incremental recompute on generated boards. */
import { ExposureEngine } from '../../shared/exposure/engine';
import { generateLargeBoard } from '../../shared/generate/large-board';
import { seededRandom } from '../../shared/generate/random';
import { ms, printTable, quantile, timeRuns } from './stats';

/** One row of the engine table. */
export interface EngineBenchRow {
  nodes: number;
  edges: number;
  coldMedianMs: number;
  fullMedianMs: number;
  fullP95Ms: number;
  edgeVolumeMedianMs: number;
  edgeVolumeP95Ms: number;
  leverToggleMedianMs: number;
}

const SIZES = [1_000, 10_000, 50_000];

function benchSize(nodes: number): EngineBenchRow {
  const board = generateLargeBoard({ nodes, seed: 7 });
  const fullRuns = nodes >= 50_000 ? 9 : 25;
  const cold = timeRuns(fullRuns, 3, () => new ExposureEngine(board).report());
  const engine = new ExposureEngine(board);
  engine.report();
  const full = timeRuns(fullRuns, 3, () => {
    engine.invalidate();
    engine.report();
  });
  const random = seededRandom(11);
  const edges = board.edges;
  const edgeVolume = timeRuns(60, 5, (i) => {
    const edge = edges[Math.floor(random() * edges.length)];
    engine.setEdgeVolume(edge.id, edge.volume * (0.5 + random()) + i);
    engine.report();
  });
  const levers = board.scenario.disruptions;
  const lever = timeRuns(30, 3, (i) => {
    engine.setDisruptions(levers.map((d, j) => (j === 0 ? { ...d, enabled: i % 2 === 0 } : d)));
    engine.report();
  });
  return {
    nodes, edges: edges.length,
    coldMedianMs: quantile(cold, 0.5),
    fullMedianMs: quantile(full, 0.5), fullP95Ms: quantile(full, 0.95),
    edgeVolumeMedianMs: quantile(edgeVolume, 0.5), edgeVolumeP95Ms: quantile(edgeVolume, 0.95),
    leverToggleMedianMs: quantile(lever, 0.5),
  };
}

/** Runs the engine benchmark, prints its table and returns the rows. */
export function runEngineBench(log: (line: string) => void): EngineBenchRow[] {
  const rows: EngineBenchRow[] = [];
  for (const size of SIZES) {
    log(`engine: ${size} nodes ...`);
    rows.push(benchSize(size));
  }
  printTable(
    'Exposure engine, 5 minerals. full = recompute every mineral of a loaded board; load+compute = from the board JSON.\nGoals at 10k nodes: full <= 50 ms median, edge volume <= 5 ms median.',
    ['nodes', 'edges', 'load+compute p50 ms', 'full p50 ms', 'full p95 ms', 'edge-volume p50 ms', 'edge-volume p95 ms', 'lever p50 ms'],
    rows.map((r) => [r.nodes, r.edges, ms(r.coldMedianMs), ms(r.fullMedianMs), ms(r.fullP95Ms), ms(r.edgeVolumeMedianMs), ms(r.edgeVolumeP95Ms), ms(r.leverToggleMedianMs)]),
  );
  return rows;
}
