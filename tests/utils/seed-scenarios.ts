/** Loads a seed board and runs the engine on it with chosen levers, expansions and price floors switched on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Board } from '../../shared/board/types';
import { computeExposure } from '../../shared/exposure/engine';
import type { ExposureReport, MineralReport, RerouteReport, StressTest } from '../../shared/exposure/types';

/** A seed board (board format v2). */
export type SeedBoard = Board;

/** One mineral's report with the parts the engine always computes unless told not to (rerouting, the stress test). */
export type MineralView = Omit<MineralReport, 'reroute' | 'stressTest'> & { reroute: RerouteReport; stressTest: StressTest };

/** The exposure report, read with rerouting and the stress test present. */
export type ReportView = Omit<ExposureReport, 'minerals'> & { minerals: Record<string, MineralView> };

const SEEDS = join(import.meta.dirname, '../../seeds');

/** The seed file of a template, parsed. */
export function loadSeed(name: string): SeedBoard {
  return JSON.parse(readFileSync(join(SEEDS, `${name}.json`), 'utf8')) as SeedBoard;
}

/** Every id a board can switch on: its levers, expansions and price floors. */
export function switchIds(board: SeedBoard): string[] {
  return [...board.scenario.disruptions, ...(board.scenario.expansions ?? []), ...(board.scenario.priceFloors ?? [])].map((s) => s.id);
}

/** A copy of the board with exactly the named levers, expansions and price floors enabled. */
export function withEnabled(board: SeedBoard, ids: Iterable<string>): SeedBoard {
  const on = new Set(ids);
  const set = <T extends { id: string; enabled: boolean }>(items: T[] | undefined) => (items ?? []).map((item) => ({ ...item, enabled: on.has(item.id) }));
  const { disruptions, expansions, priceFloors } = board.scenario;
  return { ...board, scenario: { ...board.scenario, disruptions: set(disruptions), expansions: set(expansions), priceFloors: set(priceFloors) } };
}

/** The exposure report of the board with exactly the named switches on. */
export function run(board: SeedBoard, ...ids: string[]): ReportView {
  return computeExposure(withEnabled(board, ids)) as ReportView;
}

/** Sum over the board's edges of one mineral leaving the given nodes for nodes outside them (planned t/yr). */
export function plannedOut(board: SeedBoard, mineral: string, from: (node: Board['nodes'][number]) => boolean): number {
  const byId = new Map(board.nodes.map((n) => [n.id, n]));
  return board.edges.filter((e) => e.mineral === mineral && from(byId.get(e.from)!)).reduce((sum, e) => sum + e.volume, 0);
}
