import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardReader } from '../../../client/sync/board-reader';
import { EDGES_MAP, writeBoardToDoc } from '../../../shared/board/yjs-doc';
import { generateLargeBoard } from '../../../shared/generate/large-board';

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

  it('[H3c] skips, with a warning, items holding values the schema does not allow; the board it hands on survives a structured clone', () => {
    const doc = new Y.Doc();
    writeBoardToDoc(doc, board);
    const [a, b, c, d] = board.nodes.map((n) => n.id);
    const node = (id: string) => doc.getMap('nodes').get(id) as Y.Map<unknown>;
    node(a).set('label', new Y.Doc());
    node(b).set('lat', 7n as never);
    node(c).set('label', new Y.Map([['x', 1]]));
    node(d).set('country', new Y.XmlText('CN'));
    (doc.getMap(EDGES_MAP).get(board.edges[0].id) as Y.Map<unknown>).set('volume', new Uint8Array([1]));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const reader = new BoardReader(doc);
      const read = reader.board();
      expect(read.nodes.map((n) => n.id)).toEqual(board.nodes.slice(4).map((n) => n.id));
      expect(read.edges.map((e) => e.id)).toEqual(board.edges.slice(1).map((e) => e.id));
      expect(() => structuredClone(read)).not.toThrow();
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`skipped nodes item "${a}"`))]));
      expect(warn).toHaveBeenCalledTimes(5);
      // A bad value that is fixed later brings the item back.
      node(a).set('label', 'Fixed');
      expect(reader.board().nodes.find((n) => n.id === a)?.label).toBe('Fixed');
    } finally {
      warn.mockRestore();
    }
  });
});
