/** Loads a seed board and runs the engine on it with chosen levers, expansions and price floors switched on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Board } from '../../shared/board/types';
import { computeExposure } from '../../shared/exposure/engine';

/** Anything a scenario can switch on: a lever, an expansion or a price floor. */
export interface Switch {
  id: string;
  enabled: boolean;
}

/** A seed board with the v2 parts these tests read. */
export type SeedBoard = Board & {
  prices?: Record<string, number>;
  scenario: Board['scenario'] & { expansions?: (Switch & { node: string })[]; priceFloors?: Switch[] };
};

/** The per-consumer part of the report these tests read (scenario-analysis.md sections 3 and 4). */
export interface ConsumerView {
  supplied: number;
  delivered: number;
  shortfall: number;
  shortfallPct: number;
  stockDays: number | null;
  survives: boolean;
  stockNeeded: number;
  disruptionDays: number;
  stages: Record<string, { shares: Record<string, number>; top: { country: string; share: number } | null }>;
  benchmark65: Record<string, boolean>;
  routes: Record<string, number>;
}

/** The per-mineral part of the report these tests read. */
export interface MineralView {
  consumers: Record<string, ConsumerView>;
  stockpileGap: number;
  stockpileGapCost: number | null;
  reroute: {
    delivered: number;
    recovered: number;
    consumers: Record<string, { delivered: number; floor: number; shortfall: number; shortfallPct: number; survives: boolean; stockNeeded: number }>;
    flows: Record<string, number>;
    stockpileGap: number;
    delayGap: number;
  };
  stressTest: { levers: { lever: string; shortfall: number; stockpileGap: number; failing: string[] }[]; separateStock: number; pooledStock: number; poolingGain: number };
  crma: null | { euConsumption: number; extraction: number; processing: number; recycling: number; meets: Record<string, boolean>; thirdCountry: Record<string, { country: string; share: number } | null> };
}

/** The report these tests read. */
export interface ReportView {
  minerals: Record<string, MineralView>;
  warnings: { code: string; message: string; ref: string }[];
  priceFloors?: { id: string; mineral: string; stage: string; floor: number; market: number | null; volume: number; annualCost: number | null }[];
}

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
  const set = <T extends Switch>(items: T[] | undefined) => items?.map((item) => ({ ...item, enabled: on.has(item.id) }));
  const scenario = { ...board.scenario, disruptions: set(board.scenario.disruptions)! };
  if (board.scenario.expansions) scenario.expansions = set(board.scenario.expansions);
  if (board.scenario.priceFloors) scenario.priceFloors = set(board.scenario.priceFloors);
  return { ...board, scenario };
}

/** The exposure report of the board with exactly the named switches on. */
export function run(board: SeedBoard, ...ids: string[]): ReportView {
  return computeExposure(withEnabled(board, ids)) as unknown as ReportView;
}

/** Sum over the board's edges of one mineral leaving the given nodes for nodes outside them (planned t/yr). */
export function plannedOut(board: SeedBoard, mineral: string, from: (node: Board['nodes'][number]) => boolean): number {
  const byId = new Map(board.nodes.map((n) => [n.id, n]));
  return board.edges.filter((e) => e.mineral === mineral && from(byId.get(e.from)!)).reduce((sum, e) => sum + e.volume, 0);
}
