/** Output of the exposure engine, in the shape of the `exposure` command (docs/board-format.md). */

/** The items and numbers a warning's sentence names (numbers stay numbers, so a client can format them in its locale). */
export type WarningValues = Record<string, string | number>;

/**
 * A problem in the input that the engine worked around. `code`, `message` and `ref` are the documented shape;
 * `key` names the exact sentence (one code has several) and `values` what it names, so a client can say it in
 * the person's language.
 */
export interface ExposureWarning {
  code: string;
  message: string;
  ref: string;
  key?: string;
  values?: WarningValues;
}

/** A warning in the documented shape {code, message, ref} (what the `exposure` command prints). */
export function documentedWarning({ code, message, ref }: ExposureWarning): ExposureWarning {
  return { code, message, ref };
}

/** The largest real-country share of one stage. */
export interface TopCountry {
  country: string;
  share: number;
}

/** Origin shares of one stage (mining or refining) for one consumer. */
export interface StageReport {
  shares: Record<string, number>;
  hhi: number;
  top: TopCountry | null;
}

/** The stages of origin tracing; `manufacturing` only where a manufacturer carries the mineral (v2). */
export interface StageReports {
  mining: StageReport;
  refining: StageReport;
  manufacturing?: StageReport;
}

/** The CRMA 65 % single-country flag per stage. */
export interface StageFlags {
  mining: boolean;
  refining: boolean;
  manufacturing?: boolean;
}

/** What one consumer loses if one node alone stops, against the stock it can draw on (v2 section 5). */
export interface ConsumerCriticalNode {
  node: string;
  loss: number;
  lossPct: number;
  /** Time to survive: days the allocated stock covers the loss. */
  tts: number;
  /** Time to recover: the node's recoveryDays, or null. */
  ttr: number | null;
  atRisk: boolean;
}

/** Exposure of one consumer to one mineral. */
export interface ConsumerReport {
  demand: number;
  supplied: number;
  delivered: number;
  shortfall: number;
  shortfallPct: number;
  secondaryShare: number;
  stages: StageReports;
  benchmark65: StageFlags;
  routes: Record<string, number>;
  disruptionDays: number;
  stockDays: number | null;
  survives: boolean;
  /** max(0, demand - delivered). */
  demandGap: number;
  /** delivered / demand, null when demand is 0. */
  coverage: number | null;
  /** Tonnes still lacking to outlast the disruption. */
  stockNeeded: number;
  criticalNodes: ConsumerCriticalNode[];
}

/** Consumer supply lost if one node alone stopped. */
export interface CriticalNode {
  node: string;
  loss: number;
  lossPct: number;
  ttr: number | null;
  atRisk: boolean;
}

/** One consumer after rerouting (v2 section 3). */
export interface RerouteConsumer {
  delivered: number;
  floor: number;
  shortfall: number;
  shortfallPct: number;
  stockDays: number | null;
  survives: boolean;
  stockNeeded: number;
}

/** A node or an edge that limits rerouted delivery. */
export type Bottleneck = { node: string } | { edge: string };

/** The adapted picture of one mineral: planned and alternative routes carry what they can. */
export interface RerouteReport {
  delivered: number;
  recovered: number;
  consumers: Record<string, RerouteConsumer>;
  flows: Record<string, number>;
  bottlenecks: Bottleneck[];
  stockpileGap: number;
  delayGap: number;
}

/** One lever run alone in the stress test. */
export interface StressLever {
  lever: string;
  shortfall: number;
  stockpileGap: number;
  failing: string[];
}

/** Every lever alone: separate national stocks against one pooled stock (v2 section 4). */
export interface StressTest {
  levers: StressLever[];
  separateStock: number;
  pooledStock: number;
  poolingGain: number;
}

/** The largest non-EU country of one stage in the EU consumers' combined supply. */
export interface ThirdCountryShares {
  mining: TopCountry | null;
  refining: TopCountry | null;
  manufacturing?: TopCountry | null;
}

/** The EU CRMA 2030 benchmarks for one mineral (v2 section 6). */
export interface CrmaReport {
  euConsumption: number;
  extraction: number;
  processing: number;
  recycling: number;
  thirdCountry: ThirdCountryShares;
  meets: { extraction: boolean; processing: boolean; recycling: boolean; thirdCountry: boolean };
}

/** Everything computed for one mineral. */
export interface MineralReport {
  converged: boolean;
  consumers: Record<string, ConsumerReport>;
  criticalNodes: CriticalNode[];
  stockpileGap: number;
  stockpileGapCost: number | null;
  /** Absent when the stress test was switched off. */
  stressTest?: StressTest;
  /** Absent when rerouting was switched off. */
  reroute?: RerouteReport;
  crma: CrmaReport | null;
}

/** The cost of one enabled price floor (v2 section 7). */
export interface PriceFloorReport {
  id: string;
  mineral: string;
  stage: 'mining' | 'refining' | 'manufacturing';
  floor: number;
  market: number | null;
  volume: number;
  annualCost: number | null;
}

/** The whole exposure report of a board. */
export interface ExposureReport {
  minerals: Record<string, MineralReport>;
  priceFloors: PriceFloorReport[];
  warnings: ExposureWarning[];
}

/** Shortfalls and losses closer to zero than this (t/yr) are floating-point noise and count as zero. */
export const ZERO_TOLERANCE = 1e-9;
