/**
 * Board file <-> Y.Doc in the "Live document layout (Yjs)" of board-format.md.
 * Reading does not validate: a doc edited by untrusted clients must go through validateBoard before use.
 */
import * as Y from 'yjs';
import type { Board, BoardEdge, BoardNode, BoardNote, Disruption, MineralAmounts } from './types';

/** Name of the map of node id -> node Y.Map. */
export const NODES_MAP = 'nodes';
/** Name of the map of edge id -> edge Y.Map. */
export const EDGES_MAP = 'edges';
/** Name of the map of disruption id -> disruption Y.Map. */
export const DISRUPTIONS_MAP = 'disruptions';
/** Name of the map holding title, description and scenarioName. */
export const META_MAP = 'meta';
/** Name of the map of note id -> note Y.Map. */
export const NOTES_MAP = 'notes';
/** The maps writeBoardToDoc owns and clears; other maps in the doc are left alone. */
export const BOARD_MAP_NAMES = [NODES_MAP, EDGES_MAP, DISRUPTIONS_MAP, META_MAP, NOTES_MAP] as const;
/** Key of the number that orders items across peers (Y.Map key order is not stable). */
export const RANK_KEY = 'rank';

/** Node fields held as nested Y.Maps so concurrent edits of different minerals merge. */
const AMOUNT_KEYS = ['capacity', 'demand', 'stock'] as const;
const NODE_KEYS = ['kind', 'label', 'country', 'position', 'lat', 'lon', 'capacity', 'demand', 'stock', 'tags'] as const;
const EDGE_KEYS = ['from', 'to', 'mineral', 'volume', 'label'] as const;
const DISRUPTION_KEYS = ['label', 'enabled', 'target', 'minerals', 'factor', 'days'] as const;
const NOTE_KEYS = ['text', 'position'] as const;

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

/** Copies the fields that are present (and not undefined) in a fixed order, after the id. */
function readFields(id: string, source: FieldSource, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const key of keys) {
    const value = source.has(key) ? source.get(key) : undefined;
    if (value === undefined) continue;
    out[key] = (AMOUNT_KEYS as readonly string[]).includes(key) ? amountsFrom(value) : plain(value);
  }
  return out;
}

/** Reads a node from its Y.Map (fields absent in the map stay absent). */
export function nodeFromYMap(id: string, ymap: Y.Map<unknown>): BoardNode {
  return readFields(id, ymap, NODE_KEYS) as unknown as BoardNode;
}

/** Reads an edge from its Y.Map. */
export function edgeFromYMap(id: string, ymap: Y.Map<unknown>): BoardEdge {
  return readFields(id, ymap, EDGE_KEYS) as unknown as BoardEdge;
}

/** Reads a disruption from its Y.Map. */
export function disruptionFromYMap(id: string, ymap: Y.Map<unknown>): Disruption {
  return readFields(id, ymap, DISRUPTION_KEYS) as unknown as Disruption;
}

/** Reads a note from its Y.Map. */
export function noteFromYMap(id: string, ymap: Y.Map<unknown>): BoardNote {
  return readFields(id, ymap, NOTE_KEYS) as unknown as BoardNote;
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

/** A detached (not yet integrated) Y.Map holding `fields`; undefined values are left out. */
function itemMap(fields: Record<string, unknown>, rank: number): Y.Map<unknown> {
  const ymap = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) ymap.set(key, value);
  ymap.set(RANK_KEY, rank);
  return ymap;
}

function amountsMap(amounts: MineralAmounts | undefined): Y.Map<number> | undefined {
  return amounts === undefined ? undefined : new Y.Map<number>(Object.entries(amounts));
}

/** A new node Y.Map to set into the nodes map (mineral amounts as nested Y.Maps). */
export function nodeToYMap(node: BoardNode, rank: number): Y.Map<unknown> {
  return itemMap(
    {
      kind: node.kind,
      label: node.label,
      country: node.country,
      position: plain(node.position),
      lat: node.lat,
      lon: node.lon,
      capacity: amountsMap(node.capacity),
      demand: amountsMap(node.demand),
      stock: amountsMap(node.stock),
      tags: plain(node.tags),
    },
    rank,
  );
}

/** A new edge Y.Map to set into the edges map. */
export function edgeToYMap(edge: BoardEdge, rank: number): Y.Map<unknown> {
  const { from, to, mineral, volume, label } = edge;
  return itemMap({ from, to, mineral, volume, label }, rank);
}

/** A new disruption Y.Map to set into the disruptions map. */
export function disruptionToYMap(d: Disruption, rank: number): Y.Map<unknown> {
  const { label, enabled, factor, days } = d;
  return itemMap({ label, enabled, target: plain(d.target), minerals: plain(d.minerals), factor, days }, rank);
}

/** A new note Y.Map to set into the notes map. */
export function noteToYMap(note: BoardNote, rank: number): Y.Map<unknown> {
  return itemMap({ text: note.text, position: plain(note.position) }, rank);
}

/** Replaces the board maps' content with `board` in one transaction tagged with `origin`; returns the doc. */
export function writeBoardToDoc(doc: Y.Doc, board: Board, origin?: unknown): Y.Doc {
  doc.transact(() => {
    for (const name of BOARD_MAP_NAMES) doc.getMap(name).clear();
    const meta = doc.getMap<unknown>(META_MAP);
    meta.set('title', board.title);
    if (board.description !== undefined) meta.set('description', board.description);
    meta.set('scenarioName', board.scenario.name);
    const nodes = doc.getMap<unknown>(NODES_MAP);
    board.nodes.forEach((node, i) => nodes.set(node.id, nodeToYMap(node, i)));
    const edges = doc.getMap<unknown>(EDGES_MAP);
    board.edges.forEach((edge, i) => edges.set(edge.id, edgeToYMap(edge, i)));
    const disruptions = doc.getMap<unknown>(DISRUPTIONS_MAP);
    board.scenario.disruptions.forEach((d, i) => disruptions.set(d.id, disruptionToYMap(d, i)));
    const notes = doc.getMap<unknown>(NOTES_MAP);
    board.notes.forEach((note, i) => notes.set(note.id, noteToYMap(note, i)));
  }, origin ?? null);
  return doc;
}

function readList<T>(doc: Y.Doc, name: string, keys: readonly string[]): T[] {
  return orderedItems(doc.getMap<unknown>(name)).map(([id, source]) => readFields(id, source, keys) as unknown as T);
}

/**
 * Reads the board the doc holds, deterministically (same content, same board, on every peer).
 * Values are NOT validated: for a doc that untrusted clients edit, pass the result to validateBoard.
 * Items that are neither Y.Maps nor plain objects are skipped; mineral keys come out sorted.
 */
export function readBoardFromDoc(doc: Y.Doc): Board {
  const meta = doc.getMap<unknown>(META_MAP);
  const board: Record<string, unknown> = { format: 'lodestone.board', version: 1 };
  if (meta.get('title') !== undefined) board.title = plain(meta.get('title'));
  if (meta.get('description') !== undefined) board.description = plain(meta.get('description'));
  board.nodes = readList<BoardNode>(doc, NODES_MAP, NODE_KEYS);
  board.edges = readList<BoardEdge>(doc, EDGES_MAP, EDGE_KEYS);
  const scenario: Record<string, unknown> = {};
  if (meta.get('scenarioName') !== undefined) scenario.name = plain(meta.get('scenarioName'));
  scenario.disruptions = readList<Disruption>(doc, DISRUPTIONS_MAP, DISRUPTION_KEYS);
  board.scenario = scenario;
  board.notes = readList<BoardNote>(doc, NOTES_MAP, NOTE_KEYS);
  return board as unknown as Board;
}
