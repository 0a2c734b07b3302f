/**
 * The one place that reads Yjs internals: a doc's parked structs and deletions (`store.pendingStructs`,
 * `store.pendingDs`, Yjs 13.6), which Yjs keeps when an update builds on what the doc lacks. Yjs has no public
 * way to tell whether an update was parked, yet a parked update changed the doc (it is integrated with some
 * later update), so it must be stored and relayed. tests/server/rooms/yjs-pending.test.ts fails on a Yjs
 * that changes them, and checkYjsPending() refuses to start on one.
 */
import * as Y from 'yjs';

/** What a doc holds parked, compared by identity (Yjs replaces these objects when they change). */
export interface PendingMark {
  structs: unknown;
  structsUpdate: unknown;
  deletions: unknown;
}

interface PendingStore {
  pendingStructs: { update: Uint8Array } | null;
  pendingDs: Uint8Array | null;
}

/** The doc's parked structs and deletions as they are now. */
export function pendingMark(doc: Y.Doc): PendingMark {
  const store = doc.store as unknown as PendingStore;
  return { structs: store.pendingStructs, structsUpdate: store.pendingStructs?.update, deletions: store.pendingDs };
}

/** Whether the doc's parked structs or deletions differ from `before`. */
export function pendingMoved(doc: Y.Doc, before: PendingMark): boolean {
  const now = pendingMark(doc);
  return now.structs !== before.structs || now.structsUpdate !== before.structsUpdate || now.deletions !== before.deletions;
}

/** Throws a sentence when this Yjs does not keep parked structs and deletions where pendingMark reads them. */
export function checkYjsPending(): void {
  const doc = new Y.Doc();
  const store = doc.store as unknown as Record<string, unknown>;
  const ok = store.pendingStructs === null && store.pendingDs === null;
  doc.destroy();
  if (!ok) throw new Error('this Yjs version keeps parked updates elsewhere than store.pendingStructs / store.pendingDs; server/rooms/yjs-pending.ts must be updated before the server can tell whether an update changed a board');
}
