/**
 * Everything the engine computed for one mineral, with what each part depends on, so a change
 * recomputes only what it can affect: a planned volume resets the mineral; levers reset the scenario,
 * the stress-test rows of the levers that changed, and the reroute only when its factors changed.
 */
import { computeConsumerCritical } from './consumer-critical';
import { computeCrma } from './crma';
import { computeLosses } from './critical';
import { computeFactors, type Factors } from './factors';
import { disruptionDays, propagateFlow } from './flow';
import { flowWarnings } from './flow-warnings';
import type { MineralGraph } from './graph';
import { buildConsumerSide, consumersOf, type ConsumerSide, type MineralBaseline, type ScenarioResult } from './mineral-report';
import type { NodeTable } from './node-table';
import { retraceOrigins, traceOrigins, type Origins } from './origins';
import { computeReroute } from './reroute/reroute';
import type { CleanDisruption } from './sanitize';
import { findBacking } from './stock';
import { combineStress, stressRow, type StressRow } from './stress-test';
import type { CrmaReport, ExposureWarning, MineralReport, RerouteReport } from './types';

/** What a mineral's report is computed from, besides its own graph. */
export interface MineralContext {
  table: NodeTable;
  disruptions: readonly CleanDisruption[];
  /** A stable key per lever of `disruptions` (same key: same stress-test row). */
  leverKeys: readonly string[];
  /** Enabled expansions' capacity per node for this mineral, or null. */
  added: Float64Array | null;
  prices: Readonly<Record<string, number>>;
  reroute: boolean;
  stress: boolean;
  criticalLimit: number;
  /** Adds the milliseconds one part took (only when the caller passed a clock). */
  time: (<T>(part: EnginePart, run: () => T) => T);
}

/** The parts of a mineral's report whose cost the engine can measure. */
export type EnginePart = 'baseline' | 'consumerCritical' | 'scenario' | 'stress' | 'reroute';

interface Baseline extends MineralBaseline {
  warnings: ExposureWarning[];
  consumers: number[];
  crma: CrmaReport | null;
}

interface Scenario extends ScenarioResult {
  factors: Factors;
}

function sameArray(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameFactors(a: Factors, b: Factors): boolean {
  return a.cuts === b.cuts && sameArray(a.node, b.node) && sameArray(a.edge, b.edge) && sameArray(a.nodeDays, b.nodeDays) && sameArray(a.edgeDays, b.edgeDays);
}

/** One mineral's graph and its cached results. */
export class MineralState {
  private origins: Origins | null = null;
  /** Nodes whose planned inflow changed since origins were traced. */
  private inflowChanged = new Set<number>();
  private baseline: Baseline | null = null;
  private scenario: Scenario | null = null;
  private consumerSide: ConsumerSide | null = null;
  private stressRows = new Map<string, StressRow>();
  private reroute: { factors: Factors; added: Float64Array | null; report: RerouteReport } | null = null;
  /** The report without the reroute block (the immediate phase), and the full one built from it. */
  private immediate: MineralReport | null = null;
  private report: MineralReport | null = null;

  constructor(readonly graph: MineralGraph) {}

  /** After a planned-volume change into node `to`: everything but the graph is stale. */
  volumeChanged(to: number): void {
    this.inflowChanged.add(to);
    this.baseline = this.scenario = this.consumerSide = this.immediate = this.report = this.reroute = null;
    this.stressRows.clear();
  }

  /** After the levers changed: the scenario side is stale (stress rows and reroute are checked when next asked). */
  leversChanged(): void {
    this.scenario = this.consumerSide = this.immediate = this.report = null;
  }

  /** Forgets every result (the graph is kept). */
  invalidate(): void {
    this.origins = this.baseline = this.scenario = this.consumerSide = this.reroute = this.immediate = this.report = null;
    this.inflowChanged.clear();
    this.stressRows.clear();
  }

  private currentOrigins(table: NodeTable): Origins {
    const { origins, inflowChanged, graph } = this;
    if (origins !== null && inflowChanged.size === 0) return origins;
    this.inflowChanged = new Set();
    if (origins === null || origins.routes.used > 8 * graph.from.length + 4096) return (this.origins = traceOrigins(graph, table));
    retraceOrigins(graph, table, origins, inflowChanged);
    return origins;
  }

  /** Baseline warnings of this mineral (planned outflow above capacity or inflow). */
  warnings(ctx: MineralContext): ExposureWarning[] {
    return this.currentBaseline(ctx).warnings;
  }

  private currentBaseline(ctx: MineralContext): Baseline {
    if (this.baseline !== null) return this.baseline;
    const g = this.graph;
    const origins = this.currentOrigins(ctx.table);
    const backing = findBacking(g, ctx.table);
    const consumers = consumersOf(g, ctx.table);
    this.baseline = {
      losses: computeLosses(g, ctx.table), warnings: flowWarnings(g, ctx.table), backing, consumers,
      critical: ctx.time('consumerCritical', () => computeConsumerCritical(g, ctx.table, backing, ctx.criticalLimit)), crma: computeCrma(g, ctx.table, origins, consumers),
    };
    return this.baseline;
  }

  private currentScenario(ctx: MineralContext, origins: Origins): Scenario {
    if (this.scenario !== null) return this.scenario;
    const factors = computeFactors(this.graph, ctx.table, ctx.disruptions, origins);
    this.scenario = factors.cuts
      ? { factors, flow: propagateFlow(this.graph, factors.node, factors.edge), days: disruptionDays(this.graph, factors.nodeDays, factors.edgeDays) }
      : { factors, flow: null, days: null };
    return this.scenario;
  }

  private stressTest(ctx: MineralContext, origins: Origins, baseline: Baseline) {
    const rows = new Map<string, StressRow>();
    const ordered = ctx.disruptions.map((lever, i) => {
      const key = ctx.leverKeys[i];
      const row = this.stressRows.get(key) ?? stressRow(this.graph, ctx.table, origins, baseline.backing, lever);
      rows.set(key, row);
      return row;
    });
    this.stressRows = rows;
    return combineStress(ordered);
  }

  private rerouteReport(ctx: MineralContext, scenario: Scenario, baseline: Baseline): RerouteReport {
    const kept = this.reroute;
    if (kept !== null && kept.added === ctx.added && sameFactors(kept.factors, scenario.factors)) return kept.report;
    const report = computeReroute(this.graph, ctx.table, {
      factors: scenario.factors, added: ctx.added, days: scenario.days, backing: baseline.backing, consumers: baseline.consumers,
    });
    this.reroute = { factors: scenario.factors, added: ctx.added, report };
    return report;
  }

  /**
   * The mineral's report; the same object as last time when nothing it depends on changed. Without
   * `ctx.reroute` it has no reroute block (the immediate phase); the full report reuses that work.
   */
  mineralReport(ctx: MineralContext): MineralReport {
    const immediate = this.immediateReport(ctx);
    if (!ctx.reroute) return immediate;
    if (this.report !== null) return this.report;
    const origins = ctx.time('baseline', () => this.currentOrigins(ctx.table));
    const baseline = ctx.time('baseline', () => this.currentBaseline(ctx));
    const scenario = ctx.time('scenario', () => this.currentScenario(ctx, origins));
    this.report = { ...immediate, reroute: ctx.time('reroute', () => this.rerouteReport(ctx, scenario, baseline)) };
    return this.report;
  }

  private immediateReport(ctx: MineralContext): MineralReport {
    if (this.immediate !== null) return this.immediate;
    const origins = ctx.time('baseline', () => this.currentOrigins(ctx.table));
    const baseline = ctx.time('baseline', () => this.currentBaseline(ctx));
    const scenario = ctx.time('scenario', () => this.currentScenario(ctx, origins));
    this.consumerSide ??= ctx.time('scenario', () => buildConsumerSide(this.graph, ctx.table, origins, baseline, scenario, ctx.criticalLimit));
    const side = this.consumerSide;
    const price = Object.hasOwn(ctx.prices, this.graph.mineral) ? ctx.prices[this.graph.mineral] : null;
    const report: MineralReport = {
      converged: side.converged,
      consumers: side.consumers,
      criticalNodes: side.criticalNodes,
      stockpileGap: side.stockpileGap,
      stockpileGapCost: price === null ? null : side.stockpileGap * 1000 * price,
      crma: baseline.crma,
    };
    if (ctx.stress) report.stressTest = ctx.time('stress', () => this.stressTest(ctx, origins, baseline));
    this.immediate = report;
    return report;
  }
}
