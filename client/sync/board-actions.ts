/** Writes a person's edits into the Y.Doc, each in one transaction with the session's origin (undoable). */
import * as Y from 'yjs';
import { applyBoardToDoc } from '../../shared/board/apply-board';
import { EXPANSION_LAYOUT, NODE_LAYOUT } from '../../shared/board/doc-layout';
import type { BoardEdge, BoardNode, BoardNote, Disruption, Expansion, PriceFloor, Position } from '../../shared/board/types';
import {
  DISRUPTIONS_MAP, EDGES_MAP, EXPANSIONS_MAP, META_MAP, NODES_MAP, NOTES_MAP, PRICE_FLOORS_MAP, PRICES_KEY,
  disruptionToYMap, edgeToYMap, expansionToYMap, nextRank, nodeToYMap, noteToYMap, priceFloorToYMap,
} from '../../shared/board/yjs-doc';
import type { BoardActions } from '../state/types';

/** Fields of each map held as nested mineral -> number Y.Maps (an edge's `capacity` is a plain number). */
const NO_AMOUNTS: ReadonlySet<string> = new Set();
const NODE_AMOUNTS: ReadonlySet<string> = new Set(NODE_LAYOUT.amountKeys);
const EXPANSION_AMOUNTS: ReadonlySet<string> = new Set(EXPANSION_LAYOUT.amountKeys);

/** A short random id for new items. */
export function newItemId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The nested mineral -> number Y.Map under `key`, created when absent (or when a foreign client stored a plain value). */
function nestedAmounts(ymap: Y.Map<unknown>, key: string): Y.Map<number> {
  const nested = ymap.get(key);
  if (nested instanceof Y.Map) return nested as Y.Map<number>;
  const fresh = new Y.Map<number>();
  ymap.set(key, fresh);
  return fresh;
}

/** Sets each changed field; nested mineral maps are edited key by key so concurrent edits of other minerals survive. */
function writeFields(ymap: Y.Map<unknown>, changes: Record<string, unknown>, amountFields: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      ymap.delete(key);
      continue;
    }
    if (amountFields.has(key)) {
      const amounts = nestedAmounts(ymap, key);
      const wanted = value as Record<string, number>;
      for (const mineral of [...amounts.keys()]) if (!(mineral in wanted)) amounts.delete(mineral);
      for (const [mineral, amount] of Object.entries(wanted)) if (amounts.get(mineral) !== amount) amounts.set(mineral, amount);
      continue;
    }
    ymap.set(key, copy(value));
  }
}

/** Builds the actions of one session; `undo` and `redo` come from its UndoManager. */
export function createBoardActions(doc: Y.Doc, origin: object, undoManager: Y.UndoManager, presence: Pick<BoardActions, 'setCursor' | 'setSelection'>): BoardActions {
  const nodes = doc.getMap<unknown>(NODES_MAP);
  const edges = doc.getMap<unknown>(EDGES_MAP);
  const levers = doc.getMap<unknown>(DISRUPTIONS_MAP);
  const notes = doc.getMap<unknown>(NOTES_MAP);
  const expansions = doc.getMap<unknown>(EXPANSIONS_MAP);
  const priceFloors = doc.getMap<unknown>(PRICE_FLOORS_MAP);
  const meta = doc.getMap<unknown>(META_MAP);
  const edit = (fn: () => void) => doc.transact(fn, origin);
  const update = (map: Y.Map<unknown>, id: string, changes: object, amountFields = NO_AMOUNTS) =>
    edit(() => {
      const ymap = map.get(id);
      if (ymap instanceof Y.Map) writeFields(ymap, changes as Record<string, unknown>, amountFields);
    });
  const move = (positions: Record<string, Position>) => {
    for (const [id, position] of Object.entries(positions)) {
      const ymap = nodes.get(id);
      if (ymap instanceof Y.Map) ymap.set('position', { x: position.x, y: position.y });
    }
  };

  return {
    addNode: (node: BoardNode) => edit(() => nodes.set(node.id, nodeToYMap(node, nextRank(nodes)))),
    updateNode: (id, changes) => update(nodes, id, changes, NODE_AMOUNTS),
    moveNodes: (positions, final) => {
      edit(() => move(positions));
      if (final) undoManager.stopCapturing();
    },
    addEdge: (edge: BoardEdge) => edit(() => edges.set(edge.id, edgeToYMap(edge, nextRank(edges)))),
    updateEdge: (id, changes) => update(edges, id, changes),
    addLever: (lever: Disruption) => edit(() => levers.set(lever.id, disruptionToYMap(lever, nextRank(levers)))),
    updateLever: (id, changes) => update(levers, id, changes),
    addNote: (note: BoardNote) => edit(() => notes.set(note.id, noteToYMap(note, nextRank(notes)))),
    updateNote: (id, changes) => update(notes, id, changes),
    addExpansion: (x: Expansion) => edit(() => expansions.set(x.id, expansionToYMap(x, nextRank(expansions)))),
    updateExpansion: (id, changes) => update(expansions, id, changes, EXPANSION_AMOUNTS),
    addPriceFloor: (p: PriceFloor) => edit(() => priceFloors.set(p.id, priceFloorToYMap(p, nextRank(priceFloors)))),
    updatePriceFloor: (id, changes) => update(priceFloors, id, changes),
    setPrice: (mineral, price) =>
      edit(() => {
        if (price !== undefined) nestedAmounts(meta, PRICES_KEY).set(mineral, price);
        else if (meta.get(PRICES_KEY) instanceof Y.Map) (meta.get(PRICES_KEY) as Y.Map<number>).delete(mineral);
      }),
    setTitle: (title) => edit(() => meta.set('title', title)),
    deleteItems: (ids) =>
      edit(() => {
        const gone = new Set(ids);
        for (const [edgeId, ymap] of edges) {
          const ends = ymap instanceof Y.Map ? [String(ymap.get('from')), String(ymap.get('to'))] : [];
          if (gone.has(edgeId) || ends.some((end) => gone.has(end))) edges.delete(edgeId);
        }
        for (const id of ids) {
          nodes.delete(id);
          levers.delete(id);
          notes.delete(id);
          expansions.delete(id);
          priceFloors.delete(id);
        }
      }),
    paste: (items, offset) => {
      const renamed = new Map(items.nodes.map((n) => [n.id, newItemId(n.kind)]));
      const created: string[] = [];
      edit(() => {
        for (const node of items.nodes) {
          const id = renamed.get(node.id)!;
          nodes.set(id, nodeToYMap({ ...copy(node), id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } }, nextRank(nodes)));
          created.push(id);
        }
        for (const edge of items.edges) {
          const from = renamed.get(edge.from) ?? (nodes.has(edge.from) ? edge.from : null);
          const to = renamed.get(edge.to) ?? (nodes.has(edge.to) ? edge.to : null);
          if (from === null || to === null) continue;
          const id = newItemId('e');
          edges.set(id, edgeToYMap({ ...copy(edge), id, from, to }, nextRank(edges)));
          created.push(id);
        }
      });
      undoManager.stopCapturing();
      return created;
    },
    replaceBoard: (board) => {
      undoManager.stopCapturing();
      applyBoardToDoc(doc, board, origin);
      undoManager.stopCapturing();
    },
    arrange: (positions) => {
      undoManager.stopCapturing();
      edit(() => move(positions));
      undoManager.stopCapturing();
    },
    undo: () => void undoManager.undo(),
    redo: () => void undoManager.redo(),
    gesture: () => undoManager.stopCapturing(),
    ...presence,
  };
}
