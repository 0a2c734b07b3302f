/**
 * Board file <-> Y.Doc in the "Live document layout (Yjs)" of board-format.md (v2: scenario-analysis.md section 1).
 * Reading does not validate: a doc edited by untrusted clients must go through validateBoard before use.
 */
import * as Y from 'yjs';
import {
  BOARD_MAP_NAMES, DISRUPTION_LAYOUT, EDGE_LAYOUT, EXPANSION_LAYOUT, META_MAP, NODE_LAYOUT, NOTE_LAYOUT, PRICE_FLOOR_LAYOUT,
  PRICES_KEY, RANK_KEY, type ItemLayout,
} from './doc-layout';
import { BOARD_VERSION, type Board, type BoardEdge, type BoardNode, type BoardNote, type Disruption, type Expansion, type MineralAmounts, type PriceFloor } from './types';

export {
  BOARD_MAP_NAMES, DISRUPTIONS_MAP, EDGES_MAP, EXPANSIONS_MAP, META_MAP, NODES_MAP, NOTES_MAP, PRICE_FLOORS_MAP, PRICES_KEY, RANK_KEY,
} from './doc-layout';

/** Something fields can be read from: an item Y.Map, or a plain object some other client wrote instead. */
interface FieldSource {
  has(key: string): boolean;
  get(key: string): unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function sourceOf(value: unknown): FieldSource | null {
  if (value instanceof Y.Map) return value;
  if (!isPlainObject(value)) return null;
  return { has: (key) => Object.prototype.hasOwnProperty.call(value, key), get: (key) => value[key] };
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A detached deep copy of a stored value: Yjs types become JSON, plain objects and arrays are copied. */
function plain(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return plain(value.toJSON());
  if (Array.isArray(value)) return value.map(plain);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Mineral amounts with keys sorted, so every peer reads the same object whatever order updates arrived in. */
function amountsFrom(value: unknown): unknown {
  const entries = value instanceof Y.Map ? [...value.entries()] : isPlainObject(value) ? Object.entries(value) : null;
  if (entries === null) return plain(value);
  return Object.fromEntries(entries.sort(([a], [b]) => byCodeUnits(a, b)).map(([k, v]) => [k, plain(v)]));
}

/** Copies the layout's fields that are present (and not undefined) in a fixed order, after the id. */
function readFields(id: string, source: FieldSource, layout: ItemLayout): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const key of layout.keys) {
    const value = source.has(key) ? source.get(key) : undefined;
    if (value === undefined) continue;
    out[key] = layout.amountKeys.includes(key) ? amountsFrom(value) : plain(value);
  }
  return out;
}

/** Reads a node from its Y.Map (fields absent in the map stay absent). */
export function nodeFromYMap(id: string, ymap: Y.Map<unknown>): BoardNode {
  return readFields(id, ymap, NODE_LAYOUT) as unknown as BoardNode;
}

/** Reads an edge from its Y.Map. */
export function edgeFromYMap(id: string, ymap: Y.Map<unknown>): BoardEdge {
  return readFields(id, ymap, EDGE_LAYOUT) as unknown as BoardEdge;
}

/** Reads a disruption from its Y.Map. */
export function disruptionFromYMap(id: string, ymap: Y.Map<unknown>): Disruption {
  return readFields(id, ymap, DISRUPTION_LAYOUT) as unknown as Disruption;
}

/** Reads an expansion from its Y.Map. */
export function expansionFromYMap(id: string, ymap: Y.Map<unknown>): Expansion {
  return readFields(id, ymap, EXPANSION_LAYOUT) as unknown as Expansion;
}

/** Reads a price floor from its Y.Map. */
export function priceFloorFromYMap(id: string, ymap: Y.Map<unknown>): PriceFloor {
  return readFields(id, ymap, PRICE_FLOOR_LAYOUT) as unknown as PriceFloor;
}

/** Reads a note from its Y.Map. */
export function noteFromYMap(id: string, ymap: Y.Map<unknown>): BoardNote {
  return readFields(id, ymap, NOTE_LAYOUT) as unknown as BoardNote;
}

/** The board's prices as the meta map holds them (a nested Y.Map, or a plain object another client wrote), minerals sorted; undefined when absent. */
export function pricesFromMeta(meta: Y.Map<unknown>): MineralAmounts | undefined {
  const value = meta.get(PRICES_KEY);
  return value === undefined ? undefined : (amountsFrom(value) as MineralAmounts);
}

function rankOf(source: FieldSource): number | null {
  const rank = source.get(RANK_KEY);
  return typeof rank === 'number' && Number.isFinite(rank) ? rank : null;
}

/** The items of one map in board order: by rank, then id; items without a numeric rank last, by id. */
function orderedItems(map: Y.Map<unknown>): Array<[string, FieldSource]> {
  const items: Array<{ id: string; source: FieldSource; rank: number | null }> = [];
  map.forEach((value, id) => {
    const source = sourceOf(value);
    if (source !== null) items.push({ id, source, rank: rankOf(source) });
  });
  items.sort((a, b) => {
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank === null && b.rank !== null) return 1;
    if (a.rank !== null && b.rank === null) return -1;
    return byCodeUnits(a.id, b.id);
  });
  return items.map(({ id, source }) => [id, source]);
}

/** The rank for an item appended to `map` now: the largest numeric rank + 1, or 0 for an empty map. */
export function nextRank(map: Y.Map<unknown>): number {
  let max = -1;
  map.forEach((value) => {
    const source = sourceOf(value);
    const rank = source === null ? null : rankOf(source);
    if (rank !== null && rank > max) max = rank;
  });
  return Math.floor(max) + 1;
}

function amountsMap(amounts: MineralAmounts | undefined): Y.Map<number> | undefined {
  return amounts === undefined ? undefined : new Y.Map<number>(Object.entries(amounts));
}

/** A detached (not yet integrated) Y.Map holding the layout's fields of `item`; undefined values are left out. */
function itemMap(item: object, layout: ItemLayout, rank: number): Y.Map<unknown> {
  const fields = item as Record<string, unknown>;
  const ymap = new Y.Map<unknown>();
  for (const key of layout.keys) {
    const value = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (value === undefined) continue;
    ymap.set(key, layout.amountKeys.includes(key) ? amountsMap(value as MineralAmounts) : plain(value));
  }
  ymap.set(RANK_KEY, rank);
  return ymap;
}

/** A new node Y.Map to set into the nodes map (mineral amounts as nested Y.Maps). */
export function nodeToYMap(node: BoardNode, rank: number): Y.Map<unknown> {
  return itemMap(node, NODE_LAYOUT, rank);
}

/** A new edge Y.Map to set into the edges map. */
export function edgeToYMap(edge: BoardEdge, rank: number): Y.Map<unknown> {
  return itemMap(edge, EDGE_LAYOUT, rank);
}

/** A new disruption Y.Map to set into the disruptions map. */
export function disruptionToYMap(d: Disruption, rank: number): Y.Map<unknown> {
  return itemMap(d, DISRUPTION_LAYOUT, rank);
}

/** A new expansion Y.Map to set into the expansions map (its capacity as a nested Y.Map). */
export function expansionToYMap(x: Expansion, rank: number): Y.Map<unknown> {
  return itemMap(x, EXPANSION_LAYOUT, rank);
}

/** A new price floor Y.Map to set into the priceFloors map. */
export function priceFloorToYMap(p: PriceFloor, rank: number): Y.Map<unknown> {
  return itemMap(p, PRICE_FLOOR_LAYOUT, rank);
}

/** A new note Y.Map to set into the notes map. */
export function noteToYMap(note: BoardNote, rank: number): Y.Map<unknown> {
  return itemMap(note, NOTE_LAYOUT, rank);
}

/** A new nested Y.Map of mineral prices, to set under PRICES_KEY in the meta map. */
export function pricesToYMap(prices: MineralAmounts): Y.Map<number> {
  return new Y.Map<number>(Object.entries(prices));
}

function writeList<T extends { id: string }>(doc: Y.Doc, items: readonly T[], layout: ItemLayout): void {
  const map = doc.getMap<unknown>(layout.map);
  items.forEach((item, i) => map.set(item.id, itemMap(item, layout, i)));
}

/** Replaces the board maps' content with `board` in one transaction tagged with `origin`; returns the doc. */
export function writeBoardToDoc(doc: Y.Doc, board: Board, origin?: unknown): Y.Doc {
  doc.transact(() => {
    for (const name of BOARD_MAP_NAMES) doc.getMap(name).clear();
    const meta = doc.getMap<unknown>(META_MAP);
    meta.set('title', board.title);
    if (board.description !== undefined) meta.set('description', board.description);
    meta.set('scenarioName', board.scenario.name);
    if (board.prices !== undefined) meta.set(PRICES_KEY, pricesToYMap(board.prices));
    writeList(doc, board.nodes, NODE_LAYOUT);
    writeList(doc, board.edges, EDGE_LAYOUT);
    writeList(doc, board.scenario.disruptions, DISRUPTION_LAYOUT);
    writeList(doc, board.scenario.expansions, EXPANSION_LAYOUT);
    writeList(doc, board.scenario.priceFloors, PRICE_FLOOR_LAYOUT);
    writeList(doc, board.notes, NOTE_LAYOUT);
  }, origin ?? null);
  return doc;
}

function readList<T>(doc: Y.Doc, layout: ItemLayout): T[] {
  return orderedItems(doc.getMap<unknown>(layout.map)).map(([id, source]) => readFields(id, source, layout) as unknown as T);
}

/**
 * Reads the board the doc holds, deterministically (same content, same board, on every peer).
 * Values are NOT validated: for a doc that untrusted clients edit, pass the result to validateBoard.
 * Items that are neither Y.Maps nor plain objects are skipped; mineral keys come out sorted.
 */
export function readBoardFromDoc(doc: Y.Doc): Board {
  const meta = doc.getMap<unknown>(META_MAP);
  const board: Record<string, unknown> = { format: 'lodestone.board', version: BOARD_VERSION };
  if (meta.get('title') !== undefined) board.title = plain(meta.get('title'));
  if (meta.get('description') !== undefined) board.description = plain(meta.get('description'));
  const prices = pricesFromMeta(meta);
  if (prices !== undefined) board.prices = prices;
  board.nodes = readList<BoardNode>(doc, NODE_LAYOUT);
  board.edges = readList<BoardEdge>(doc, EDGE_LAYOUT);
  const scenario: Record<string, unknown> = {};
  if (meta.get('scenarioName') !== undefined) scenario.name = plain(meta.get('scenarioName'));
  scenario.disruptions = readList<Disruption>(doc, DISRUPTION_LAYOUT);
  scenario.expansions = readList<Expansion>(doc, EXPANSION_LAYOUT);
  scenario.priceFloors = readList<PriceFloor>(doc, PRICE_FLOOR_LAYOUT);
  board.scenario = scenario;
  board.notes = readList<BoardNote>(doc, NOTE_LAYOUT);
  return board as unknown as Board;
}
