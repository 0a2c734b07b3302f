import { cleanDisruption, cleanEdge, cleanNode, itemWord, warnInto, type CleanDisruption, type CleanEdge, type CleanNode } from './sanitize';
import { cleanExpansions, cleanPriceFloors, cleanPrices, type CleanExpansion, type CleanPriceFloor } from './sanitize-scenario';
import type { ExposureWarning } from './types';

/** A board reduced to the items the engine can use, with a warning for everything it dropped or fixed. */
export interface CleanBoard {
  nodes: CleanNode[];
  edges: CleanEdge[];
  disruptions: CleanDisruption[];
  /** Scenario expansions (v2), in board order. */
  expansions: CleanExpansion[];
  /** Scenario price floors (v2), in board order. */
  priceFloors: CleanPriceFloor[];
  /** Market prices in USD/kg (v2). */
  prices: Record<string, number>;
  /** Warnings about nodes, edges, expansions, price floors and prices. */
  warnings: ExposureWarning[];
  /** Warnings about the scenario levers (replaced whenever the levers are). */
  disruptionWarnings: ExposureWarning[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty clean board. */
export function emptyCleanBoard(): CleanBoard {
  return { nodes: [], edges: [], disruptions: [], expansions: [], priceFloors: [], prices: Object.create(null), warnings: [], disruptionWarnings: [] };
}

/** Why an input is not a v1 or v2 board at all (null when it is one); bad items inside do not count. */
export function boardEnvelopeProblem(input: unknown): string | null {
  if (!isRecord(input)) return 'the file is not a JSON object';
  if (input.format !== 'lodestone.board') return `format is ${JSON.stringify(input.format) ?? 'missing'}, expected "lodestone.board"`;
  if (input.version !== 1 && input.version !== 2) return `version is ${JSON.stringify(input.version) ?? 'missing'}, expected 1 or 2`;
  if (!Array.isArray(input.nodes)) return 'nodes is not an array';
  if (!Array.isArray(input.edges)) return 'edges is not an array';
  return null;
}

function list(value: unknown, name: string, warnings: ExposureWarning[]): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return Array.from(value);
  warnings.push({ code: 'bad-field', message: `${name} is not an array; it is ignored`, ref: name, key: 'bad-field.list', values: { field: name } });
  return [];
}

function dedupe<T extends { id: string }>(items: (T | null)[], what: string, warnings: ExposureWarning[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    if (item === null) continue;
    if (seen.has(item.id)) {
      warnings.push({ code: 'duplicate-id', message: `${what} id ${item.id} is used twice; the later one is ignored`, ref: item.id, key: 'duplicate-id', values: { what: itemWord(what), id: item.id } });
      continue;
    }
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

/** Cleans any JSON value into a board the engine can compute; never throws. */
export function cleanBoard(input: unknown): CleanBoard {
  const warnings: ExposureWarning[] = [];
  const warn = warnInto(warnings);
  if (!isRecord(input)) {
    warn('bad-board', 'the board is not an object; nothing to compute', '', 'bad-board', {});
    return { ...emptyCleanBoard(), warnings };
  }
  const scenario = isRecord(input.scenario) ? input.scenario : {};
  const rawNodes = list(input.nodes, 'nodes', warnings);
  const nodes = dedupe(rawNodes.map((raw, i) => cleanNode(raw, i, warn)), 'node', warnings);
  const nodeIds = new Set<string>();
  for (const node of nodes) nodeIds.add(node.id);
  const rawEdges = list(input.edges, 'edges', warnings);
  const edges: CleanEdge[] = [];
  const edgeIds = new Set<string>();
  for (let i = 0; i < rawEdges.length; i++) {
    const edge = cleanEdge(rawEdges[i], i, warn);
    if (edge === null) continue;
    if (edgeIds.has(edge.id)) {
      warn('duplicate-id', `edge id ${edge.id} is used twice; the later one is ignored`, edge.id, 'duplicate-id', { what: 'edge', id: edge.id });
      continue;
    }
    edgeIds.add(edge.id);
    const hasFrom = nodeIds.has(edge.from);
    const hasTo = nodeIds.has(edge.to);
    if (hasFrom && hasTo) {
      edges.push(edge);
      continue;
    }
    const both = !hasFrom && !hasTo && edge.from !== edge.to;
    const missing = both ? `${edge.from} and ${edge.to}` : hasFrom ? edge.to : edge.from;
    const which = both ? 'both' : hasFrom ? 'to' : 'from';
    warn('dangling-edge', `edge ${edge.id} points to missing node ${missing}; it is ignored`, edge.id, 'dangling-edge', { id: edge.id, which, from: edge.from, to: edge.to });
  }
  const levers = cleanDisruptions(scenario.disruptions, nodeIds, lazyIdSet(edges));
  const expansions = cleanExpansions(scenario.expansions, nodeIds, warn);
  const priceFloors = cleanPriceFloors(scenario.priceFloors, warn);
  const prices = cleanPrices(input.prices, warn);
  return { nodes, edges, disruptions: levers.disruptions, expansions, priceFloors, prices, warnings, disruptionWarnings: levers.warnings };
}

/** Anything that can tell whether an id exists (a Set, or a Map keyed by id). */
export interface IdSet {
  has(id: string): boolean;
}

/** An IdSet over items that builds its Set only if asked. */
export function lazyIdSet(items: readonly { id: string }[]): IdSet {
  let ids: Set<string> | null = null;
  return { has: (id) => (ids ??= new Set(items.map((item) => item.id))).has(id) };
}

/** Cleans a raw list of scenario levers against the board's node and edge ids. */
export function cleanDisruptions(raw: unknown, nodeIds: IdSet, edgeIds: IdSet): { disruptions: CleanDisruption[]; warnings: ExposureWarning[] } {
  const warnings: ExposureWarning[] = [];
  const warn = warnInto(warnings);
  const items = list(raw, 'scenario.disruptions', warnings);
  const disruptions = dedupe(items.map((item, i) => cleanDisruption(item, i, warn)), 'disruption', warnings);
  for (const d of disruptions) {
    const t = d.target;
    if ((t.type === 'node' && !nodeIds.has(t.id)) || (t.type === 'edge' && !edgeIds.has(t.id))) {
      warn('dangling-disruption', `disruption ${d.id} targets missing ${t.type} ${t.id}; it matches nothing`, d.id, 'dangling-disruption', { id: d.id, type: t.type, target: t.id });
    }
  }
  return { disruptions, warnings };
}
