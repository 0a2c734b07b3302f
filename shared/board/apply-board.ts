/**
 * Makes a live Y.Doc hold a given board with the fewest CRDT operations (restore a snapshot, import over a
 * board, a bot pushing its state): untouched fields keep their Yjs items, so concurrent edits elsewhere
 * survive, the update sent to peers stays small, and an UndoManager can undo the whole apply as one step.
 */
import * as Y from 'yjs';
import { sameValue } from './same-value';
import type { Board } from './types';
import {
  DISRUPTIONS_MAP,
  EDGES_MAP,
  META_MAP,
  NODES_MAP,
  NOTES_MAP,
  RANK_KEY,
  disruptionToYMap,
  edgeToYMap,
  noteToYMap,
  nodeToYMap,
} from './yjs-doc';

/** How one board list maps onto its Y.Map (field names as in "Live document layout (Yjs)"). */
interface ListLayout<T> {
  keys: readonly string[];
  /** Fields held as nested Y.Map mineral -> number. */
  amountKeys: readonly string[];
  toYMap: (item: T, rank: number) => Y.Map<unknown>;
}

const NODE_LAYOUT: ListLayout<Board['nodes'][number]> = {
  keys: ['kind', 'label', 'country', 'position', 'lat', 'lon', 'capacity', 'demand', 'stock', 'tags'],
  amountKeys: ['capacity', 'demand', 'stock'],
  toYMap: nodeToYMap,
};
const EDGE_LAYOUT: ListLayout<Board['edges'][number]> = {
  keys: ['from', 'to', 'mineral', 'volume', 'label'],
  amountKeys: [],
  toYMap: edgeToYMap,
};
const DISRUPTION_LAYOUT: ListLayout<Board['scenario']['disruptions'][number]> = {
  keys: ['label', 'enabled', 'target', 'minerals', 'factor', 'days'],
  amountKeys: [],
  toYMap: disruptionToYMap,
};
const NOTE_LAYOUT: ListLayout<Board['notes'][number]> = {
  keys: ['text', 'position'],
  amountKeys: [],
  toYMap: noteToYMap,
};

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A detached copy, so later changes to the caller's board never reach the doc's stored values. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = copy(v);
    return out;
  }
  return value;
}

/** Sets `key` to a plain `want` (deletes it when undefined) unless the stored value is already deep-equal. */
function syncValue(ymap: Y.Map<unknown>, key: string, want: unknown): void {
  if (want === undefined) {
    if (ymap.has(key)) ymap.delete(key);
    return;
  }
  const have = ymap.get(key);
  // A Yjs type where the layout wants a plain value (a foreign client's choice) is replaced even if its JSON matches.
  if (!ymap.has(key) || have instanceof Y.AbstractType || !sameValue(have, want)) ymap.set(key, copy(want));
}

/** Makes the nested mineral -> number Y.Map under `key` equal `want`, touching only the minerals that differ. */
function syncAmounts(ymap: Y.Map<unknown>, key: string, want: unknown): void {
  if (want === undefined) {
    if (ymap.has(key)) ymap.delete(key);
    return;
  }
  const amounts = want as Record<string, unknown>;
  const entries = Object.entries(amounts).filter(([, v]) => v !== undefined);
  const have = ymap.get(key);
  if (!(have instanceof Y.Map)) {
    ymap.set(key, new Y.Map<unknown>(entries));
    return;
  }
  for (const mineral of [...have.keys()]) if (!hasOwn(amounts, mineral) || amounts[mineral] === undefined) have.delete(mineral);
  for (const [mineral, amount] of entries) if (!have.has(mineral) || !Object.is(have.get(mineral), amount)) have.set(mineral, amount);
}

/** True when the stored item can be updated in place: a Y.Map with a numeric rank (else it is replaced). */
function updatable(value: unknown): value is Y.Map<unknown> {
  if (!(value instanceof Y.Map)) return false;
  const rank = value.get(RANK_KEY);
  return typeof rank === 'number' && Number.isFinite(rank);
}

/** Makes one board map hold exactly `items`, in their order: deletes, adds, and per-field updates. */
function syncList<T extends { id: string }>(map: Y.Map<unknown>, items: readonly T[], layout: ListLayout<T>): void {
  // With duplicate ids the last one wins, as in writeBoardToDoc.
  const wanted = new Map<string, { item: T; rank: number }>();
  items.forEach((item, rank) => wanted.set(item.id, { item, rank }));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const [id, { item, rank }] of wanted) {
    const current = map.get(id);
    if (!updatable(current)) {
      map.set(id, layout.toYMap(item, rank));
      continue;
    }
    const fields = item as unknown as Record<string, unknown>;
    for (const key of layout.keys) {
      const want = hasOwn(fields, key) ? fields[key] : undefined;
      if (layout.amountKeys.includes(key)) syncAmounts(current, key, want);
      else syncValue(current, key, want);
    }
    if (current.get(RANK_KEY) !== rank) current.set(RANK_KEY, rank);
  }
}

/**
 * Makes the doc's board content equal `board` in one transaction tagged with `origin`, changing only what
 * differs; afterwards readBoardFromDoc(doc) deep-equals `board`. Maps and fields outside the layout are left alone.
 */
export function applyBoardToDoc(doc: Y.Doc, board: Board, origin?: unknown): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP);
    syncValue(meta, 'title', board.title);
    syncValue(meta, 'description', board.description);
    syncValue(meta, 'scenarioName', board.scenario.name);
    syncList(doc.getMap<unknown>(NODES_MAP), board.nodes, NODE_LAYOUT);
    syncList(doc.getMap<unknown>(EDGES_MAP), board.edges, EDGE_LAYOUT);
    syncList(doc.getMap<unknown>(DISRUPTIONS_MAP), board.scenario.disruptions, DISRUPTION_LAYOUT);
    syncList(doc.getMap<unknown>(NOTES_MAP), board.notes, NOTE_LAYOUT);
  }, origin ?? null);
}
