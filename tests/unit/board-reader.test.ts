import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardReader } from '../../client/sync/board-reader';
import { EDGES_MAP, writeBoardToDoc } from '../../shared/board/yjs-doc';
import { generateLargeBoard } from '../../shared/generate/large-board';

describe('BoardReader', () => {
  const board = generateLargeBoard({ nodes: 60, seed: 2 });

  it('keeps order and every other item’s identity when one edge’s volume changes', () => {
    const doc = new Y.Doc();
    writeBoardToDoc(doc, board);
    const reader = new BoardReader(doc);
    const before = reader.board();
    const target = before.edges[5];
    (doc.getMap(EDGES_MAP).get(target.id) as Y.Map<unknown>).set('volume', 999);
    const after = reader.board();
    expect(after.edges).not.toBe(before.edges);
    expect(after.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id));
    expect(after.edges[5].volume).toBe(999);
    expect(after.edges.filter((e, i) => e !== before.edges[i])).toHaveLength(1);
    expect(after.nodes).toBe(before.nodes);
  });

  it('drops a deleted edge and keeps the rest in order', () => {
    const doc = new Y.Doc();
    writeBoardToDoc(doc, board);
    const reader = new BoardReader(doc);
    const before = reader.board();
    doc.getMap(EDGES_MAP).delete(before.edges[2].id);
    expect(reader.board().edges.map((e) => e.id)).toEqual(before.edges.filter((_, i) => i !== 2).map((e) => e.id));
  });
});
