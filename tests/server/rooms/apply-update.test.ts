import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyClientUpdate } from '../../../server/rooms/apply-update';
import { decodableButUnappliable } from '../fixtures/bad-updates';
import { successiveUpdates } from '../fixtures/successive-updates';

/** A doc with some content, and its state as a comparable value. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Board');
  doc.getMap('nodes').set('n1', 'mine');
  return doc;
}
const stateOf = (doc: Y.Doc) => ({ vector: Array.from(Y.encodeStateVector(doc)), json: doc.toJSON(), pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null });

describe('applyClientUpdate', () => {
  it('[A1] applies a valid update with its origin', () => {
    const doc = board();
    const other = new Y.Doc();
    other.getMap('meta').set('title', 'Renamed');
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    expect(applyClientUpdate(doc, Y.encodeStateAsUpdate(other), 'conn')).toEqual({ ok: true, changed: true });
    expect(origins).toEqual(['conn']);
    expect(doc.getMap('nodes').get('n1')).toBe('mine');
  });

  it('[A1b] says whether a valid update changed anything: a repeat or a delete already applied did not; parked structs did', () => {
    const doc = board();
    const other = new Y.Doc();
    other.getMap('nodes').set('n2', 'refinery');
    const added = Y.encodeStateAsUpdate(other);
    expect(applyClientUpdate(doc, added, 'conn')).toEqual({ ok: true, changed: true });
    expect(applyClientUpdate(doc, added, 'conn')).toEqual({ ok: true, changed: false });

    // A deletion changes the doc once.
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const beforeDelete = Y.encodeStateVector(other);
    other.getMap('nodes').delete('n1');
    const deletion = Y.encodeStateAsUpdate(other, beforeDelete);
    expect(applyClientUpdate(doc, deletion, 'conn')).toEqual({ ok: true, changed: true });
    expect(doc.getMap('nodes').has('n1')).toBe(false);
    expect(applyClientUpdate(doc, deletion, 'conn')).toEqual({ ok: true, changed: false });

    // An update whose predecessor is missing integrates nothing yet, but is parked: that is a change to keep.
    const { base, later } = successiveUpdates('nodes', 'n3', 'port', 'hub');
    const vector = Array.from(Y.encodeStateVector(doc));
    expect(applyClientUpdate(doc, later, 'conn')).toEqual({ ok: true, changed: true });
    expect(Array.from(Y.encodeStateVector(doc))).toEqual(vector);
    expect(applyClientUpdate(doc, base, 'conn')).toEqual({ ok: true, changed: true });
    expect(doc.getMap('nodes').get('n3')).toBe('hub');
  });

  it('[A2] an update Yjs cannot decode fails with the doc unchanged', () => {
    const doc = board();
    const before = stateOf(doc);
    for (const bytes of [new Uint8Array([1, 2, 3, 200, 255, 7]), new Uint8Array([9]), Y.encodeStateAsUpdate(board()).slice(0, 9)]) {
      const outcome = applyClientUpdate(doc, bytes, 'conn');
      expect(outcome.ok).toBe(false);
      expect(outcome.ok === false && outcome.changed).toBe(false);
    }
    expect(stateOf(doc)).toEqual(before);
  });

  it('[A3] an update that throws half-way is reported as having changed the doc', () => {
    const doc = board();
    const outcome = applyClientUpdate(doc, decodableButUnappliable(), 'conn');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.changed).toBe(true);
  });
});
