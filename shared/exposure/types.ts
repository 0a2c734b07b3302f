/** Output of the exposure engine, in the shape of the `exposure` command (docs/board-format.md). */

/** A problem in the input that the engine worked around. */
export interface ExposureWarning {
  code: string;
  message: string;
  ref: string;
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

/** Exposure of one consumer to one mineral. */
export interface ConsumerReport {
  demand: number;
  supplied: number;
  delivered: number;
  shortfall: number;
  shortfallPct: number;
  secondaryShare: number;
  stages: { mining: StageReport; refining: StageReport };
  benchmark65: { mining: boolean; refining: boolean };
  routes: Record<string, number>;
  disruptionDays: number;
  stockDays: number | null;
  survives: boolean;
}

/** Consumer supply lost if one node alone stopped. */
export interface CriticalNode {
  node: string;
  loss: number;
  lossPct: number;
}

/** Everything computed for one mineral. */
export interface MineralReport {
  converged: boolean;
  consumers: Record<string, ConsumerReport>;
  criticalNodes: CriticalNode[];
}

/** The whole exposure report of a board. */
export interface ExposureReport {
  minerals: Record<string, MineralReport>;
  warnings: ExposureWarning[];
}

/** Shortfalls and losses closer to zero than this (t/yr) are floating-point noise and count as zero. */
export const ZERO_TOLERANCE = 1e-9;
