/**
 * Makes a live Y.Doc hold a given board with the fewest CRDT operations (restore a snapshot, import over a
 * board, a bot pushing its state): untouched fields keep their Yjs items, so concurrent edits elsewhere
 * survive, the update sent to peers stays small, and an UndoManager can undo the whole apply as one step.
 */
import * as Y from 'yjs';
import {
  DISRUPTION_LAYOUT, EDGE_LAYOUT, EXPANSION_LAYOUT, META_MAP, NODE_LAYOUT, NOTE_LAYOUT, PRICE_FLOOR_LAYOUT, PRICES_KEY, RANK_KEY,
  type ItemLayout,
} from './doc-layout';
import { hasOwn, isPlainObject, sameValue } from './same-value';
import type { Board } from './types';
import { disruptionToYMap, edgeToYMap, expansionToYMap, nodeToYMap, noteToYMap, priceFloorToYMap } from './yjs-doc';

/** How to build a fresh item Y.Map of one list. */
type ToYMap<T> = (item: T, rank: number) => Y.Map<unknown>;

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
function syncList<T extends { id: string }>(doc: Y.Doc, items: readonly T[], layout: ItemLayout, toYMap: ToYMap<T>): void {
  const map = doc.getMap<unknown>(layout.map);
  // With duplicate ids the last one wins, as in writeBoardToDoc.
  const wanted = new Map<string, { item: T; rank: number }>();
  items.forEach((item, rank) => wanted.set(item.id, { item, rank }));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const [id, { item, rank }] of wanted) {
    const current = map.get(id);
    if (!updatable(current)) {
      map.set(id, toYMap(item, rank));
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
    syncAmounts(meta, PRICES_KEY, board.prices);
    syncList(doc, board.nodes, NODE_LAYOUT, nodeToYMap);
    syncList(doc, board.edges, EDGE_LAYOUT, edgeToYMap);
    syncList(doc, board.scenario.disruptions, DISRUPTION_LAYOUT, disruptionToYMap);
    // A v1 board (an old snapshot) has no lists of its own: applying it removes the live board's.
    syncList(doc, board.scenario.expansions ?? [], EXPANSION_LAYOUT, expansionToYMap);
    syncList(doc, board.scenario.priceFloors ?? [], PRICE_FLOOR_LAYOUT, priceFloorToYMap);
    syncList(doc, board.notes, NOTE_LAYOUT, noteToYMap);
  }, origin ?? null);
}
