/** applyBoardToDoc: the doc ends equal to the board, through the fewest CRDT changes, convergent and undoable. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyBoardToDoc } from '../../../shared/board/apply-board';
import type { Board, BoardNode } from '../../../shared/board/types';
import { validateBoard } from '../../../shared/board/validate';
import {
  BOARD_MAP_NAMES, EXPANSIONS_MAP, META_MAP, NODES_MAP, PRICES_KEY, RANK_KEY, readBoardFromDoc, writeBoardToDoc,
} from '../../../shared/board/yjs-doc';
import { boardArbitrary } from '../../utils/board-arbitrary';
import { board, node } from '../../utils/board-builder';
import { copyOf } from '../../utils/doc-peers';

const ORIGIN = Symbol('apply-board-test');

/** The key type of Transaction.changed (a shared type of any event). */
type ChangedType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;

/** Runs `fn` and returns the updates and the transactions it caused on `doc`. */
function record(doc: Y.Doc, fn: () => void): { updates: Uint8Array[]; changedTypes: ChangedType[] } {
  const updates: Uint8Array[] = [];
  const changedTypes: ChangedType[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  const onTransaction = (tr: Y.Transaction) => changedTypes.push(...tr.changed.keys());
  doc.on('update', onUpdate);
  doc.on('afterTransaction', onTransaction);
  try {
    fn();
  } finally {
    doc.off('update', onUpdate);
    doc.off('afterTransaction', onTransaction);
  }
  return { updates, changedTypes };
}

/** One change to a single field of a node; each result is guaranteed to differ from the input. */
const NODE_EDITS: Array<[string, (n: BoardNode) => BoardNode]> = [
  ['label', (n) => ({ ...n, label: n.label === 'Renamed' ? 'Renamed again' : 'Renamed' })],
  ['country', (n) => ({ ...n, country: n.country === 'FI' ? 'SE' : 'FI' })],
  ['position.x', (n) => ({ ...n, position: { ...n.position, x: n.position.x === 7 ? 8 : 7 } })],
  ['capacity.cobalt', (n) => ({ ...n, capacity: { ...n.capacity, cobalt: (n.capacity?.cobalt ?? 0) + 1 } })],
  ['tags', (n) => ({ ...n, tags: [...(n.tags ?? []), 'edited'] })],
];
const nodeEditArb = fc.constantFrom(...NODE_EDITS);

/** `b` with node `index` (modulo the node count) edited. */
function editNode(b: Board, index: number, edit: (n: BoardNode) => BoardNode): Board {
  const i = index % b.nodes.length;
  return { ...b, nodes: b.nodes.map((n, j) => (j === i ? edit(n) : n)) };
}

const boardWithNodesArb = boardArbitrary().filter((b) => b.nodes.length > 0);

describe('applyBoardToDoc', () => {
  it('makes a doc holding board A read back as board B', () => {
    fc.assert(
      fc.property(boardArbitrary(), boardArbitrary(), (a, b) => {
        const doc = writeBoardToDoc(new Y.Doc(), a);
        applyBoardToDoc(doc, b);
        expect(readBoardFromDoc(doc)).toStrictEqual(b);
        applyBoardToDoc(doc, a);
        expect(readBoardFromDoc(doc)).toStrictEqual(a);
      }),
    );
  });

  it('fills an empty doc', () => {
    fc.assert(
      fc.property(boardArbitrary(), (b) => {
        const doc = new Y.Doc();
        applyBoardToDoc(doc, b);
        expect(readBoardFromDoc(doc)).toStrictEqual(b);
      }),
    );
  });

  it('changes nothing and emits no update when the doc already holds the board', () => {
    fc.assert(
      fc.property(boardArbitrary(), fc.boolean(), (a, viaApply) => {
        const doc = new Y.Doc();
        if (viaApply) applyBoardToDoc(doc, a);
        else writeBoardToDoc(doc, a);
        const { updates, changedTypes } = record(doc, () => applyBoardToDoc(doc, structuredClone(a), ORIGIN));
        expect(updates).toEqual([]);
        expect(changedTypes).toEqual([]);
      }),
    );
  });

  it('sends a small update touching only the edited node when one node field changes', () => {
    fc.assert(
      fc.property(boardWithNodesArb, fc.nat(), nodeEditArb, (a, index, [, edit]) => {
        const b = editNode(a, index, edit);
        const doc = writeBoardToDoc(new Y.Doc(), a);
        const edited: unknown = doc.getMap<Y.Map<unknown>>(NODES_MAP).get(b.nodes[index % b.nodes.length].id);
        const { updates, changedTypes } = record(doc, () => applyBoardToDoc(doc, b, ORIGIN));
        expect(updates).toHaveLength(1);
        // Independent of board size: item header plus the new value (tags up to 4 strings of <= 30 UTF-16 units).
        expect(updates[0].length).toBeLessThan(400);
        expect(updates[0].length * 3).toBeLessThan(Y.encodeStateAsUpdate(doc).length);
        expect(edited).toBeInstanceOf(Y.Map);
        expect(changedTypes.length).toBeGreaterThan(0);
        for (const type of changedTypes) expect(type === edited || type.parent === edited).toBe(true);
      }),
    );
  });

  it('sends an update under 1% of the whole doc for each single-field edit of a seed board', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../../seeds/africa-corridors.json'), 'utf8')) as unknown;
    const result = validateBoard(raw);
    if (!result.ok) throw new Error('seed board does not validate');
    for (const [name, edit] of NODE_EDITS) {
      const doc = writeBoardToDoc(new Y.Doc(), result.board);
      const { updates } = record(doc, () => applyBoardToDoc(doc, editNode(result.board, 3, edit)));
      expect(updates, name).toHaveLength(1);
      expect(updates[0].length * 100, name).toBeLessThan(Y.encodeStateAsUpdate(doc).length);
    }
  });

  it('brings a peer that receives the update to board B', () => {
    fc.assert(
      fc.property(boardArbitrary(), boardArbitrary(), (a, b) => {
        const doc = writeBoardToDoc(new Y.Doc(), a);
        const peer = copyOf(doc);
        const { updates } = record(doc, () => applyBoardToDoc(doc, b, ORIGIN));
        for (const update of updates) Y.applyUpdate(peer, update);
        expect(readBoardFromDoc(peer)).toStrictEqual(b);
      }),
    );
  });

  it('can be undone back to A, and redone to B, by an UndoManager tracking its origin', () => {
    fc.assert(
      fc.property(boardArbitrary(), boardArbitrary(), (a, b) => {
        const doc = writeBoardToDoc(new Y.Doc(), a);
        const undo = new Y.UndoManager(
          BOARD_MAP_NAMES.map((name) => doc.getMap(name)),
          { trackedOrigins: new Set([ORIGIN]) },
        );
        try {
          applyBoardToDoc(doc, b, ORIGIN);
          undo.undo();
          expect(readBoardFromDoc(doc)).toStrictEqual(a);
          undo.redo();
          expect(readBoardFromDoc(doc)).toStrictEqual(b);
        } finally {
          undo.destroy();
        }
      }),
    );
  });

  it('keeps a concurrent edit of another mineral of the same node', () => {
    const a = board([node('m', 'mine', 'CD', { capacity: { cobalt: 120, lithium: 5 } })], []);
    const mine = writeBoardToDoc(new Y.Doc(), a);
    const theirs = copyOf(mine);
    applyBoardToDoc(mine, board([node('m', 'mine', 'CD', { capacity: { cobalt: 80, lithium: 5 } })], []));
    (theirs.getMap<Y.Map<unknown>>(NODES_MAP).get('m')!.get('capacity') as Y.Map<number>).set('lithium', 9);
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(theirs)));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));
    for (const doc of [mine, theirs]) expect(readBoardFromDoc(doc).nodes[0].capacity).toEqual({ cobalt: 80, lithium: 9 });
  });

  it('replaces items a foreign client stored as plain objects or without a rank', () => {
    const b = board([node('a', 'mine', 'CD', { capacity: { cobalt: 1 } }), node('b', 'refinery', 'CN'), node('c', 'consumer', 'DE')], []);
    const doc = writeBoardToDoc(new Y.Doc(), b);
    const nodes = doc.getMap<unknown>(NODES_MAP);
    nodes.set('a', { kind: 'mine', label: 'a', country: 'CD', position: { x: 0, y: 0 }, capacity: { cobalt: 1 }, rank: 0 });
    (nodes.get('b') as Y.Map<unknown>).delete(RANK_KEY);
    nodes.set('stray', 42);
    applyBoardToDoc(doc, b);
    expect(readBoardFromDoc(doc)).toStrictEqual(b);
    for (const id of ['a', 'b', 'c']) expect(nodes.get(id)).toBeInstanceOf(Y.Map);
    expect((nodes.get('a') as Y.Map<unknown>).get('capacity')).toBeInstanceOf(Y.Map);
    expect(nodes.has('stray')).toBe(false);
  });

  it('keeps a concurrent edit of another mineral of an expansion and of the prices (v2)', () => {
    const x = { id: 'x1', label: 'x', enabled: true, node: 'm', capacity: { cobalt: 10, lithium: 5 } };
    const withX = (cobalt: number, price: number): Board => {
      const b = board([node('m', 'mine', 'CD')], []);
      return { ...b, prices: { cobalt: price, lithium: 12 }, scenario: { ...b.scenario, expansions: [{ ...x, capacity: { ...x.capacity, cobalt } }] } };
    };
    const mine = writeBoardToDoc(new Y.Doc(), withX(10, 30));
    const theirs = copyOf(mine);
    applyBoardToDoc(mine, withX(80, 33));
    (theirs.getMap<Y.Map<unknown>>(EXPANSIONS_MAP).get('x1')!.get('capacity') as Y.Map<number>).set('lithium', 9);
    (theirs.getMap(META_MAP).get(PRICES_KEY) as Y.Map<number>).set('lithium', 14);
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(theirs)));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));
    for (const doc of [mine, theirs]) {
      const read = readBoardFromDoc(doc);
      expect(read.scenario.expansions[0].capacity).toEqual({ cobalt: 80, lithium: 9 });
      expect(read.prices).toEqual({ cobalt: 33, lithium: 14 });
    }
  });

  it('applies a board stored before version 2 (no expansions, floors or prices) as one with none', () => {
    const b = board([node('m', 'mine', 'CD')], []);
    const v2: Board = {
      ...b, prices: { cobalt: 30 },
      scenario: { ...b.scenario, expansions: [{ id: 'x', label: 'x', enabled: true, node: 'm', capacity: {} }], priceFloors: [{ id: 'p', label: 'p', enabled: true, mineral: 'cobalt', stage: 'mining', floor: 1 }] },
    };
    const doc = writeBoardToDoc(new Y.Doc(), v2);
    const { expansions: _x, priceFloors: _p, ...oldScenario } = b.scenario;
    applyBoardToDoc(doc, { ...b, version: 1, scenario: oldScenario } as unknown as Board);
    expect(readBoardFromDoc(doc)).toStrictEqual(b);
  });

  it('leaves maps outside the board layout alone', () => {
    const doc = writeBoardToDoc(new Y.Doc(), board([node('a', 'mine', 'CD')], []));
    doc.getMap('presence').set('cursor', 3);
    applyBoardToDoc(doc, board([], []));
    expect(doc.getMap('presence').toJSON()).toEqual({ cursor: 3 });
  });
});
