/** Exposure engine benchmark: the v1 part, the full v2 report and its costly parts, and incremental recomputes, on generated boards. */
import { ExposureEngine, type EngineOptions } from '../../shared/exposure/engine';
import { generateLargeBoard } from '../../shared/generate/large-board';
import { seededRandom } from '../../shared/generate/random';
import { withScenarioAnalysis } from '../../shared/generate/scenario-extras';
import { printBars } from './bars';
import { ms, printTable, quantile, timeRuns } from './stats';

/** One row of the engine table. */
export interface EngineBenchRow {
  nodes: number;
  edges: number;
  coldMedianMs: number;
  v1MedianMs: number;
  v1P95Ms: number;
  /** The v1 report without the per-consumer critical nodes of scenario-analysis.md (what v1 computed). */
  v1PartMedianMs: number;
  consumerCriticalMedianMs: number;
  v2MedianMs: number;
  rerouteMedianMs: number;
  stressMedianMs: number;
  edgeVolumeMedianMs: number;
  edgeVolumeP95Ms: number;
  leverToggleMedianMs: number;
  leverRerouteMedianMs: number;
}

/** Board sizes to run: ENGINE_BENCH_SIZES="1000,10000" (positive whole numbers), or 1k, 10k and 50k. */
const SIZES = benchSizes(process.env.ENGINE_BENCH_SIZES);

function benchSizes(text: string | undefined): number[] {
  if (text === undefined || text.trim() === "") return [1000, 10000, 50000];
  const sizes = text.split(",").map((part) => Number(part.trim()));
  const bad = sizes.find((size) => !Number.isInteger(size) || size <= 0);
  if (bad !== undefined) throw new Error(`ENGINE_BENCH_SIZES must list positive whole numbers, got "${text}"`);
  return sizes;
}
const clock = () => performance.now();

function benchSize(nodes: number): EngineBenchRow {
  const board = withScenarioAnalysis(generateLargeBoard({ nodes, seed: 7 }), 7);
  const runs = nodes >= 50_000 ? 9 : 25;
  const v1Only: EngineOptions = { reroute: false, stress: false };
  const cold = timeRuns(runs, 3, () => new ExposureEngine(board, v1Only).report());
  const v1 = new ExposureEngine(board, { ...v1Only, clock });
  v1.report();
  const v1Part: number[] = [];
  const consumerCritical: number[] = [];
  const v1Full = timeRuns(runs, 3, () => {
    v1.invalidate();
    v1.report();
    v1Part.push(v1.timings.baseline + v1.timings.scenario);
    consumerCritical.push(v1.timings.consumerCritical);
  });
  const engine = new ExposureEngine(board, { clock });
  engine.report();
  const reroute: number[] = [];
  const stress: number[] = [];
  const v2Full = timeRuns(runs, 3, () => {
    engine.invalidate();
    engine.report();
    reroute.push(engine.timings.reroute);
    stress.push(engine.timings.stress);
  });
  const random = seededRandom(11);
  const planned = board.edges.filter((e) => e.volume > 0);
  const edgeVolume = timeRuns(40, 5, (i) => {
    const edge = planned[Math.floor(random() * planned.length)];
    engine.setEdgeVolume(edge.id, edge.volume * (0.5 + random()) + i);
    engine.report();
  });
  const levers = board.scenario.disruptions;
  const leverReroute: number[] = [];
  const lever = timeRuns(30, 3, (i) => {
    engine.setDisruptions(levers.map((d, j) => (j === 0 ? { ...d, enabled: i % 2 === 0 } : d)));
    engine.report();
    leverReroute.push(engine.timings.reroute);
  });
  return {
    nodes, edges: board.edges.length,
    coldMedianMs: quantile(cold, 0.5),
    v1MedianMs: quantile(v1Full, 0.5), v1P95Ms: quantile(v1Full, 0.95),
    v1PartMedianMs: quantile(v1Part, 0.5), consumerCriticalMedianMs: quantile(consumerCritical, 0.5),
    v2MedianMs: quantile(v2Full, 0.5),
    rerouteMedianMs: quantile(reroute, 0.5), stressMedianMs: quantile(stress, 0.5),
    edgeVolumeMedianMs: quantile(edgeVolume, 0.5), edgeVolumeP95Ms: quantile(edgeVolume, 0.95),
    leverToggleMedianMs: quantile(lever, 0.5), leverRerouteMedianMs: quantile(leverReroute, 0.5),
  };
}

/** Runs the engine benchmark, prints its table and charts, and returns the rows. */
export function runEngineBench(log: (line: string) => void): EngineBenchRow[] {
  const rows: EngineBenchRow[] = [];
  for (const size of SIZES) {
    log(`engine: ${size} nodes ...`);
    rows.push(benchSize(size));
  }
  printTable(
    [
      'Exposure engine, 5 minerals, generated boards with capacities, alternative routes, 4 levers, an expansion and a price floor.',
      'v1 = the report with reroute and stress test off, recomputed for every mineral; load+v1 = from the board JSON;',
      'v1 part = its v1 sections alone; per-consumer = the per-consumer critical nodes with time to survive (a v2 section it includes);',
      'v2 = the full report; reroute and stress = their share of a full v2 recompute; edge volume and lever toggle on the full v2 engine',
      '(lever reroute = the reroute part of a toggle). Goals at 10k nodes: v1 part <= 50 ms, reroute <= 250 ms, lever toggle reroute <= 100 ms (medians).',
    ].join('\n'),
    ['nodes', 'edges', 'load+v1 p50', 'v1 p50', 'v1 p95', 'v1 part p50', 'per-consumer p50', 'v2 p50', 'reroute p50', 'stress p50', 'edge-volume p50', 'edge-volume p95', 'lever p50', 'lever reroute p50'],
    rows.map((r) => [
      r.nodes, r.edges, ms(r.coldMedianMs), ms(r.v1MedianMs), ms(r.v1P95Ms), ms(r.v1PartMedianMs), ms(r.consumerCriticalMedianMs), ms(r.v2MedianMs), ms(r.rerouteMedianMs), ms(r.stressMedianMs),
      ms(r.edgeVolumeMedianMs), ms(r.edgeVolumeP95Ms), ms(r.leverToggleMedianMs), ms(r.leverRerouteMedianMs),
    ]),
  );
  printBars(
    'Median ms per recompute (shorter is faster)',
    rows.map((r) => ({
      name: `${r.nodes / 1000}k nodes`,
      bars: [
        { label: 'v1 part', value: r.v1PartMedianMs }, { label: 'per-consumer critical', value: r.consumerCriticalMedianMs }, { label: 'full v2 report', value: r.v2MedianMs },
        { label: 'reroute', value: r.rerouteMedianMs }, { label: 'stress test', value: r.stressMedianMs },
        { label: 'edge volume', value: r.edgeVolumeMedianMs }, { label: 'lever toggle', value: r.leverToggleMedianMs },
      ],
    })),
    (v) => `${v.toFixed(1)} ms`,
  );
  return rows;
}
