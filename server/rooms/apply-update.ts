/**
 * Applies a client's update to a room's doc and, when Yjs throws, says whether the doc was changed first.
 * Yjs decodes all of an update's structs before integrating any, but integrates them one by one and
 * reads the delete set afterwards, so a decodable but inconsistent update can throw half-way, after part
 * of it was integrated or parked as pending structs (to be integrated along with some later update).
 * Checking afterwards costs nothing on the normal path, unlike applying each update to a scratch doc first.
 * On success it says whether the update changed anything, so the room can store and relay the bytes as
 * received instead of having Yjs encode the transaction again.
 */
import * as Y from 'yjs';
import { pendingMark, pendingMoved } from './yjs-pending';

/** The result of applying one update. */
export type ApplyOutcome =
  /** `changed`: the update added content, deletions or pending structs (false for an update the doc already held). */
  | { ok: true; changed: boolean }
  /** `changed`: the doc now holds part of the update (content, deletions or pending structs) and must be replaced. */
  | { ok: false; error: Error; changed: boolean };

const CHANGED: ApplyOutcome = { ok: true, changed: true };
const UNCHANGED: ApplyOutcome = { ok: true, changed: false };

/** Applies `update` with `origin`; never throws. */
export function applyClientUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): ApplyOutcome {
  const pending = pendingMark(doc);
  let transaction: Y.Transaction | null = null;
  try {
    Y.transact(doc, (tr) => {
      transaction = tr;
      Y.applyUpdate(doc, update, origin);
    }, origin);
    const tr = transaction as unknown as Y.Transaction;
    return tr.deleteSet.clients.size > 0 || clocksDiffer(tr.beforeState, tr.afterState) || pendingMoved(doc, pending) ? CHANGED : UNCHANGED;
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const tr = transaction as Y.Transaction | null;
    return { ok: false, error: err, changed: tr === null || pendingMoved(doc, pending) || tr.deleteSet.clients.size > 0 || stateMoved(doc, tr.beforeState) };
  }
}

function clocksDiffer(before: Map<number, number>, after: Map<number, number>): boolean {
  if (after.size !== before.size) return true;
  for (const [client, clock] of after) if (before.get(client) !== clock) return true;
  return false;
}

/** Whether any client's clock in the doc differs from `before` (read from the doc itself, not the transaction, which may have stopped early). */
function stateMoved(doc: Y.Doc, before: Map<number, number>): boolean {
  try {
    return clocksDiffer(before, Y.decodeStateVector(Y.encodeStateVector(doc)));
  } catch {
    return true;
  }
}
