import { cleanBoard, cleanDisruptions, emptyCleanBoard, type CleanBoard } from './clean-board';
import { dict } from './dict';
import { compileMineralGraph, edgeIndexOf, setEdgeVolume, type IndexedEdge, type MineralGraph } from './graph';
import { MineralState, type EnginePart, type MineralContext } from './mineral-state';
import { buildNodeTable, KIND, type NodeTable } from './node-table';
import { priceFloorCosts } from './price-floors';
import { readAmount, type CleanDisruption } from './sanitize';
import type { ExposureReport, ExposureWarning, MineralReport } from './types';

/** What the engine computes beyond the v1 report. */
export interface EngineOptions {
  /** Compute each mineral's `reroute` block (default true). */
  reroute?: boolean;
  /** Compute each mineral's `stressTest` block (default true). */
  stress?: boolean;
  /** Keep at most this many critical nodes per consumer (default all; the board page keeps a few). */
  consumerCriticalLimit?: number;
  /** A millisecond clock: when given, `timings` holds what each part of the last report cost (benchmarks). */
  clock?: () => number;
}

/** Milliseconds per part of the last report, summed over minerals; a part measured inside another counts only in its own. */
export type EngineTimings = Record<EnginePart, number>;

/** A key that is equal for two levers exactly when the stress test runs them the same way. */
function leverKey(d: CleanDisruption): string {
  const t = d.target;
  const target = t.type === 'country'
    ? `country:${t.country}:${t.kinds === null ? '*' : [...t.kinds].sort().join(',')}:${t.exportsOnly}:${t.to === null ? '*' : [...t.to].sort().join(',')}`
    : `${t.type}:${t.id}`;
  return `${d.id}|${target}|${d.minerals === null ? '*' : [...d.minerals].sort().join(',')}|${d.factor}|${d.days}`;
}

/**
 * Computes the exposure report of a board and keeps what it computed, so that a change to one edge's
 * volume recomputes only that edge's mineral, and a change of levers recomputes only the scenario side.
 */
export class ExposureEngine {
  private board: CleanBoard = emptyCleanBoard();
  private table: NodeTable = buildNodeTable([]);
  private minerals = new Map<string, MineralState>();
  private graphs = new Map<string, MineralGraph>();
  /** Enabled expansions' capacity per node, per mineral. */
  private added = new Map<string, Float64Array>();
  private leverKeys: string[] = [];
  /** Edge id -> mineral, built on first use. */
  private edgeMineralCache: Map<string, string> | null = null;
  private volumeWarnings = new Map<string, ExposureWarning>();
  private readonly options: Required<Omit<EngineOptions, 'clock'>>;
  private readonly clock: (() => number) | null;
  /** What each part of the last report cost, when a clock was given. */
  readonly timings: EngineTimings = { baseline: 0, consumerCritical: 0, scenario: 0, stress: 0, reroute: 0 };
  /** Milliseconds spent in parts measured inside the part now running. */
  private innerMs = 0;

  constructor(input?: unknown, options: EngineOptions = {}) {
    this.options = { reroute: options.reroute ?? true, stress: options.stress ?? true, consumerCriticalLimit: options.consumerCriticalLimit ?? Infinity };
    this.clock = options.clock ?? null;
    if (input !== undefined) this.load(input);
  }

  /** Replaces the whole board (any JSON value; bad items become warnings). */
  load(input: unknown): void {
    this.board = cleanBoard(input);
    this.table = buildNodeTable(this.board.nodes);
    this.volumeWarnings.clear();
    this.leverKeys = this.board.disruptions.map(leverKey);
    const byMineral = new Map<string, IndexedEdge[]>();
    this.edgeMineralCache = null;
    for (const edge of this.board.edges) {
      const list = byMineral.get(edge.mineral) ?? [];
      list.push({
        id: edge.id, from: this.table.index.get(edge.from)!, to: this.table.index.get(edge.to)!,
        volume: edge.volume, capacity: edge.capacity, delayDays: edge.delayDays,
      });
      byMineral.set(edge.mineral, list);
    }
    for (const node of this.board.nodes) {
      if (node.kind !== 'consumer') continue;
      for (const mineral of Object.keys(node.demand)) if (!byMineral.has(mineral)) byMineral.set(mineral, []);
    }
    this.minerals.clear();
    this.graphs.clear();
    for (const mineral of [...byMineral.keys()].sort()) {
      const graph = compileMineralGraph(mineral, this.table.nodes.length, byMineral.get(mineral)!);
      this.graphs.set(mineral, graph);
      this.minerals.set(mineral, new MineralState(graph));
    }
    this.added.clear();
    for (const expansion of this.board.expansions) {
      const v = this.table.index.get(expansion.node);
      if (!expansion.enabled || v === undefined) continue;
      for (const [mineral, amount] of Object.entries(expansion.capacity)) {
        let added = this.added.get(mineral);
        if (added === undefined) this.added.set(mineral, (added = new Float64Array(this.table.nodes.length)));
        added[v] += amount;
      }
    }
  }

  /**
   * Sets one existing edge's planned volume; only its mineral is recomputed. Returns false when the
   * edge is unknown (then call load with the whole board).
   */
  setEdgeVolume(edgeId: string, volume: unknown): boolean {
    const mineral = this.edgeMineral().get(edgeId);
    const state = mineral === undefined ? undefined : this.minerals.get(mineral);
    const e = state === undefined ? undefined : edgeIndexOf(state.graph, edgeId);
    if (state === undefined || e === undefined) return false;
    this.volumeWarnings.delete(edgeId);
    const clean = readAmount(volume, 'volume', edgeId, (code, message, ref, key, values) => this.volumeWarnings.set(edgeId, { code, message, ref, key, values }));
    setEdgeVolume(state.graph, e, clean);
    state.volumeChanged(state.graph.to[e]);
    return true;
  }

  /** Replaces the scenario levers; only the scenario side of each mineral is recomputed. */
  setDisruptions(raw: unknown): void {
    const levers = cleanDisruptions(raw, this.table.index, this.edgeMineral());
    this.board.disruptions = levers.disruptions;
    this.board.disruptionWarnings = levers.warnings;
    this.leverKeys = levers.disruptions.map(leverKey);
    for (const state of this.minerals.values()) state.leversChanged();
  }

  private edgeMineral(): Map<string, string> {
    return (this.edgeMineralCache ??= new Map(this.board.edges.map((edge) => [edge.id, edge.mineral])));
  }

  /** Forgets every computed result, so the next report recomputes all minerals (the loaded graphs are kept). */
  invalidate(): void {
    for (const state of this.minerals.values()) state.invalidate();
  }

  private time<T>(part: EnginePart, run: () => T): T {
    if (this.clock === null) return run();
    const started = this.clock();
    const outerInner = this.innerMs;
    this.innerMs = 0;
    try {
      return run();
    } finally {
      const spent = this.clock() - started;
      this.timings[part] += spent - this.innerMs;
      this.innerMs = outerInner + spent;
    }
  }

  private context(mineral: string, reroute = this.options.reroute): MineralContext {
    return {
      time: (part, run) => this.time(part, run),
      table: this.table, disruptions: this.board.disruptions, leverKeys: this.leverKeys, added: this.added.get(mineral) ?? null,
      prices: this.board.prices, reroute, stress: this.options.stress, criticalLimit: this.options.consumerCriticalLimit,
    };
  }

  /**
   * The full exposure report, recomputing only what changed since the last call. `phase.reroute: false`
   * leaves the reroute blocks out this once (the immediate figures first; a later full report reuses them).
   */
  report(phase: { reroute?: boolean } = {}): ExposureReport {
    const reroute = this.options.reroute && (phase.reroute ?? true);
    const minerals = dict<MineralReport>();
    const warnings: ExposureWarning[] = [...this.board.warnings, ...this.board.disruptionWarnings, ...this.volumeWarnings.values()];
    for (const part of Object.keys(this.timings) as EnginePart[]) this.timings[part] = 0;
    for (const [mineral, state] of this.minerals) {
      const ctx = this.context(mineral, reroute);
      minerals[mineral] = state.mineralReport(ctx);
      warnings.push(...state.warnings(ctx));
    }
    const priceFloors = priceFloorCosts(this.board.priceFloors, this.graphs, this.table, this.board.prices);
    return { minerals, priceFloors, warnings };
  }

  /** Ids of the consumers on the board, for callers that index the report. */
  consumerIds(): string[] {
    return this.board.nodes.filter((n, i) => this.table.kind[i] === KIND.consumer).map((n) => n.id);
  }
}

/** Computes the exposure report of any JSON value; never throws. */
export function computeExposure(input: unknown, options: EngineOptions = {}): ExposureReport {
  return new ExposureEngine(input, options).report();
}
