import { cleanBoard, cleanDisruptions, type CleanBoard } from './clean-board';
import { computeLosses, type Losses } from './critical';
import { computeFactors } from './factors';
import { disruptionDays, propagateFlow } from './flow';
import { dict } from './dict';
import { flowWarnings } from './flow-warnings';
import { compileMineralGraph, edgeIndexOf, setEdgeVolume, type IndexedEdge, type MineralGraph } from './graph';
import { buildMineralReport, type ScenarioResult } from './mineral-report';
import { buildNodeTable, KIND, type NodeTable } from './node-table';
import { retraceOrigins, traceOrigins, type Origins } from './origins';
import { readAmount, type CleanDisruption } from './sanitize';
import type { ExposureReport, ExposureWarning, MineralReport } from './types';

interface MineralState {
  graph: MineralGraph;
  origins: Origins | null;
  /** Nodes whose planned inflow changed since origins were traced. */
  inflowChanged: Set<number>;
  baseline: { losses: Losses; warnings: ExposureWarning[] } | null;
  scenario: ScenarioResult | null;
  report: MineralReport | null;
}

function computeScenario(state: MineralState, table: NodeTable, disruptions: readonly CleanDisruption[]): ScenarioResult {
  const factors = computeFactors(state.graph, table, disruptions);
  if (!factors.cuts) return { flow: null, days: null };
  return {
    flow: propagateFlow(state.graph, factors.node, factors.edge),
    days: disruptionDays(state.graph, factors.nodeDays, factors.edgeDays),
  };
}

/**
 * Computes the exposure report of a board and keeps what it computed, so that a change to one edge's
 * volume recomputes only that edge's mineral, and a change of levers recomputes only the scenario side.
 */
export class ExposureEngine {
  private board: CleanBoard = { nodes: [], edges: [], disruptions: [], warnings: [], disruptionWarnings: [] };
  private table: NodeTable = buildNodeTable([]);
  private minerals = new Map<string, MineralState>();
  /** Edge id -> mineral, built on first use. */
  private edgeMineralCache: Map<string, string> | null = null;
  private volumeWarnings = new Map<string, ExposureWarning>();

  constructor(input?: unknown) {
    if (input !== undefined) this.load(input);
  }

  /** Replaces the whole board (any JSON value; bad items become warnings). */
  load(input: unknown): void {
    this.board = cleanBoard(input);
    this.table = buildNodeTable(this.board.nodes);
    this.volumeWarnings.clear();
    const byMineral = new Map<string, IndexedEdge[]>();
    this.edgeMineralCache = null;
    for (const edge of this.board.edges) {
      const list = byMineral.get(edge.mineral) ?? [];
      list.push({ id: edge.id, from: this.table.index.get(edge.from)!, to: this.table.index.get(edge.to)!, volume: edge.volume });
      byMineral.set(edge.mineral, list);
    }
    for (const node of this.board.nodes) {
      if (node.kind !== 'consumer') continue;
      for (const mineral of Object.keys(node.demand)) if (!byMineral.has(mineral)) byMineral.set(mineral, []);
    }
    this.minerals.clear();
    for (const mineral of [...byMineral.keys()].sort()) {
      const graph = compileMineralGraph(mineral, this.table.nodes.length, byMineral.get(mineral)!);
      this.minerals.set(mineral, { graph, origins: null, inflowChanged: new Set(), baseline: null, scenario: null, report: null });
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
    const clean = readAmount(volume, 'volume', edgeId, (code, message, ref) => this.volumeWarnings.set(edgeId, { code, message, ref }));
    setEdgeVolume(state.graph, e, clean);
    state.inflowChanged.add(state.graph.to[e]);
    state.baseline = state.scenario = state.report = null;
    return true;
  }

  /** Replaces the scenario levers; only the scenario side of each mineral is recomputed. */
  setDisruptions(raw: unknown): void {
    const levers = cleanDisruptions(raw, this.table.index, this.edgeMineral());
    this.board.disruptions = levers.disruptions;
    this.board.disruptionWarnings = levers.warnings;
    for (const state of this.minerals.values()) state.scenario = state.report = null;
  }

  /** Origins traced from scratch, or retraced downstream of changed inflows while the arenas stay compact. */
  private currentOrigins(state: MineralState): Origins {
    const { origins, inflowChanged, graph } = state;
    if (origins !== null && inflowChanged.size === 0) return origins;
    state.inflowChanged = new Set();
    if (origins === null || origins.routes.used > 8 * graph.from.length + 4096) return traceOrigins(graph, this.table);
    retraceOrigins(graph, this.table, origins, inflowChanged);
    return origins;
  }

  private edgeMineral(): Map<string, string> {
    return (this.edgeMineralCache ??= new Map(this.board.edges.map((edge) => [edge.id, edge.mineral])));
  }

  /** Forgets every computed result, so the next report recomputes all minerals (the loaded graphs are kept). */
  invalidate(): void {
    for (const state of this.minerals.values()) {
      state.origins = state.baseline = state.scenario = state.report = null;
      state.inflowChanged.clear();
    }
  }

  /** The full exposure report, recomputing only what changed since the last call. */
  report(): ExposureReport {
    const minerals = dict<MineralReport>();
    const warnings: ExposureWarning[] = [...this.board.warnings, ...this.board.disruptionWarnings, ...this.volumeWarnings.values()];
    for (const [mineral, state] of this.minerals) {
      state.origins = this.currentOrigins(state);
      if (state.baseline === null) {
        state.baseline = {
          losses: computeLosses(state.graph, this.table),
          warnings: flowWarnings(state.graph, this.table),
        };
      }
      state.scenario ??= computeScenario(state, this.table, this.board.disruptions);
      state.report ??= buildMineralReport(state.graph, this.table, state.origins, state.baseline.losses, state.scenario);
      minerals[mineral] = state.report;
      warnings.push(...state.baseline.warnings);
    }
    return { minerals, warnings };
  }

  /** Ids of the consumers on the board, for callers that index the report. */
  consumerIds(): string[] {
    return this.board.nodes.filter((n, i) => this.table.kind[i] === KIND.consumer).map((n) => n.id);
  }
}

/** Computes the exposure report of any JSON value; never throws. */
export function computeExposure(input: unknown): ExposureReport {
  return new ExposureEngine(input).report();
}
