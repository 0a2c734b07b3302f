/** server/rooms/yjs-pending.ts: the Yjs internals it reads are where it reads them (fails loudly on a Yjs upgrade that moves them). */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkYjsPending, pendingMark, pendingMoved } from '../../../server/rooms/yjs-pending';

/** Two successive updates of one client: the second builds on the first. */
function successiveUpdates(): [Uint8Array, Uint8Array] {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  source.getArray('a').insert(0, ['first']);
  source.getArray('a').insert(1, ['second']);
  return [updates[0], updates[1]];
}

describe('the Yjs internals the room reads', () => {
  it('are there on this Yjs (the server starts)', () => {
    expect(() => checkYjsPending()).not.toThrow();
  });

  it('show an update parked for lack of what it builds on, and its integration later', () => {
    const [first, second] = successiveUpdates();
    const doc = new Y.Doc();
    const empty = pendingMark(doc);
    expect(empty).toStrictEqual({ structs: null, structsUpdate: undefined, deletions: null });
    Y.applyUpdate(doc, second);
    expect(doc.getArray('a').length).toBe(0);
    expect(pendingMoved(doc, empty)).toBe(true);
    expect(pendingMark(doc).structsUpdate).toBeInstanceOf(Uint8Array);
    const parked = pendingMark(doc);
    Y.applyUpdate(doc, first);
    expect(doc.getArray('a').toArray()).toStrictEqual(['first', 'second']);
    expect(pendingMoved(doc, parked)).toBe(true);
    expect(pendingMark(doc)).toStrictEqual(empty);
  });

  it('show a deletion parked for lack of the items it deletes', () => {
    const source = new Y.Doc();
    source.getArray('a').insert(0, ['x']);
    const insert = Y.encodeStateAsUpdate(source);
    const before = Y.encodeStateVector(source);
    source.getArray('a').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(source, before);
    const doc = new Y.Doc();
    const empty = pendingMark(doc);
    Y.applyUpdate(doc, deletion);
    expect(pendingMark(doc).deletions).toBeInstanceOf(Uint8Array);
    expect(pendingMoved(doc, empty)).toBe(true);
    Y.applyUpdate(doc, insert);
    expect(doc.getArray('a').length).toBe(0);
  });
});
