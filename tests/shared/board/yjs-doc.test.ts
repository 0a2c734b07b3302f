import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Board, BoardNode } from '../../../shared/board/types';
import { validateBoard } from '../../../shared/board/validate';
import {
  META_MAP,
  NODES_MAP,
  RANK_KEY,
  nextRank,
  nodeFromYMap,
  nodeToYMap,
  readBoardFromDoc,
  writeBoardToDoc,
} from '../../../shared/board/yjs-doc';
import { boardArbitrary } from '../../utils/board-arbitrary';
import { copyOf, exchange } from '../../utils/doc-peers';

function node(id: string, extra: Partial<BoardNode> = {}): BoardNode {
  return { id, kind: 'refinery', label: id, country: 'CN', position: { x: 0, y: 0 }, ...extra };
}

function board(nodes: BoardNode[]): Board {
  return { format: 'lodestone.board', version: 2, title: 'T', nodes, edges: [], scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] }, notes: [] };
}

describe('board <-> Y.Doc round trip', () => {
  it('reads back exactly the board that was written', () => {
    fc.assert(
      fc.property(boardArbitrary(), (b) => {
        expect(readBoardFromDoc(writeBoardToDoc(new Y.Doc(), b))).toStrictEqual(b);
      }),
    );
  });

  it('reads back the same board from a fresh doc after encodeStateAsUpdate/applyUpdate', () => {
    fc.assert(
      fc.property(boardArbitrary(), (b) => {
        expect(readBoardFromDoc(copyOf(writeBoardToDoc(new Y.Doc(), b)))).toStrictEqual(b);
      }),
    );
  });

  it('keeps an empty amounts object as an empty Y.Map and absent ones absent', () => {
    const doc = writeBoardToDoc(new Y.Doc(), board([node('a', { capacity: {} }), node('b')]));
    const nodes = doc.getMap<Y.Map<unknown>>(NODES_MAP);
    expect(nodes.get('a')?.get('capacity')).toBeInstanceOf(Y.Map);
    expect(nodes.get('b')?.has('capacity')).toBe(false);
    expect(nodes.get('b')?.has('lat')).toBe(false);
    expect(readBoardFromDoc(copyOf(doc)).nodes).toStrictEqual([node('a', { capacity: {} }), node('b')]);
  });

  it('replaces earlier content in one transaction with the given origin, leaving other maps alone', () => {
    const doc = writeBoardToDoc(new Y.Doc(), board([node('old')]));
    doc.getMap('presence-extra').set('k', 1);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const next = board([node('new')]);
    writeBoardToDoc(doc, next, 'import');
    expect(origins).toEqual(['import']);
    expect(readBoardFromDoc(doc)).toStrictEqual(next);
    expect(doc.getMap('presence-extra').get('k')).toBe(1);
  });

  it('reads an empty doc as a board that validation rejects', () => {
    const read = readBoardFromDoc(new Y.Doc());
    expect(read.nodes).toEqual([]);
    const result = validateBoard(read);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['title', 'scenario.name']);
  });
});

describe('concurrent edits', () => {
  it('keeps both peers edits to different minerals of one node capacity', () => {
    const a = writeBoardToDoc(new Y.Doc(), board([node('ref', { capacity: { gallium: 10 } })]));
    const b = copyOf(a);
    const capacityIn = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(NODES_MAP).get('ref')!.get('capacity') as Y.Map<number>;
    capacityIn(a).set('cobalt', 5);
    capacityIn(b).set('nickel', 7);
    exchange(a, b);
    const expected = { cobalt: 5, gallium: 10, nickel: 7 };
    expect(readBoardFromDoc(a).nodes[0].capacity).toStrictEqual(expected);
    expect(readBoardFromDoc(b).nodes[0].capacity).toStrictEqual(expected);
    expect(readBoardFromDoc(a)).toStrictEqual(readBoardFromDoc(b));
  });

  it('reads the same board on both peers after concurrent additions with equal ranks', () => {
    const a = writeBoardToDoc(new Y.Doc(), board([node('first')]));
    const b = copyOf(a);
    const nodesA = a.getMap<unknown>(NODES_MAP);
    const nodesB = b.getMap<unknown>(NODES_MAP);
    nodesA.set('zeta', nodeToYMap(node('zeta'), nextRank(nodesA)));
    nodesB.set('alpha', nodeToYMap(node('alpha'), nextRank(nodesB)));
    exchange(a, b);
    expect(readBoardFromDoc(a).nodes.map((n) => n.id)).toEqual(['first', 'alpha', 'zeta']);
    expect(readBoardFromDoc(b)).toStrictEqual(readBoardFromDoc(a));
  });
});

describe('order', () => {
  it('follows rank whatever order the items were inserted in', () => {
    fc.assert(
      fc.property(
        boardArbitrary().filter((b) => b.nodes.length > 1),
        fc.func(fc.integer()),
        (b, key) => {
          const doc = new Y.Doc();
          const nodes = doc.getMap<unknown>(NODES_MAP);
          const shuffled = b.nodes.map((n, rank) => ({ n, rank })).sort((x, y) => key(x.n.id) - key(y.n.id));
          doc.transact(() => shuffled.forEach(({ n, rank }) => nodes.set(n.id, nodeToYMap(n, rank))));
          doc.getMap(META_MAP).set('title', b.title);
          expect(readBoardFromDoc(copyOf(doc)).nodes).toStrictEqual(b.nodes);
        },
      ),
    );
  });

  it('puts items without a numeric rank last, by id, and breaks rank ties by id', () => {
    const doc = new Y.Doc();
    const nodes = doc.getMap<unknown>(NODES_MAP);
    nodes.set('u2', nodeToYMap(node('u2'), 0));
    nodes.set('u1', nodeToYMap(node('u1'), 0));
    nodes.set('r5', nodeToYMap(node('r5'), 5));
    nodes.set('r1b', nodeToYMap(node('r1b'), 1));
    nodes.set('r1a', nodeToYMap(node('r1a'), 1));
    (nodes.get('u2') as Y.Map<unknown>).delete(RANK_KEY);
    (nodes.get('u1') as Y.Map<unknown>).set(RANK_KEY, 'high');
    expect(readBoardFromDoc(doc).nodes.map((n) => n.id)).toEqual(['r1a', 'r1b', 'r5', 'u1', 'u2']);
  });

  it('gives the next rank after the largest one', () => {
    const doc = new Y.Doc();
    const nodes = doc.getMap<unknown>(NODES_MAP);
    expect(nextRank(nodes)).toBe(0);
    writeBoardToDoc(doc, board([node('a'), node('b'), node('c')]));
    expect(nextRank(nodes)).toBe(3);
    nodes.set('d', nodeToYMap(node('d'), 7.5));
    expect(nextRank(nodes)).toBe(8);
    nodes.set('e', nodeToYMap(node('e'), nextRank(nodes)));
    expect(readBoardFromDoc(doc).nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('item readers', () => {
  it('detaches plain values from the doc', () => {
    const doc = writeBoardToDoc(new Y.Doc(), board([node('a', { tags: ['x'] })]));
    const read = nodeFromYMap('a', doc.getMap<Y.Map<unknown>>(NODES_MAP).get('a')!);
    read.position.x = 99;
    read.tags!.push('y');
    expect(readBoardFromDoc(doc).nodes[0]).toStrictEqual(node('a', { tags: ['x'] }));
  });

  it('reads an item a foreign client wrote as a plain object', () => {
    const doc = new Y.Doc();
    doc.getMap<unknown>(NODES_MAP).set('p', { kind: 'mine', label: 'p', country: 'AU', position: { x: 1, y: 2 }, rank: 0 });
    expect(readBoardFromDoc(doc).nodes).toStrictEqual([node('p', { kind: 'mine', country: 'AU', position: { x: 1, y: 2 } })]);
  });
});
