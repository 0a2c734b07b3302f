/**
 * What happens to a connection's update before the room applies it: the gate (update-gate.ts) checks it
 * against the doc; one that builds on what the room lacks waits (held-updates.ts) and is tried again after
 * every change; one the gate refuses closes its sender (1013 when it only lacks what it builds on, so the
 * client resyncs; 4400 otherwise).
 */
import type * as Y from 'yjs';
import type { DocWriter } from '../../shared/board/doc-schema';
import { CLOSE, type Connection } from './connection';
import { HeldUpdates } from './held-updates';
import { closeFor, type CloseDeps } from './room-closes';
import { checkServerUpdate, checkUpdate, DEFAULT_UPDATE_LIMITS, type UpdateLimits } from './update-gate';

/** What became of an update handed to the room. */
export type ApplyResult = 'changed' | 'unchanged' | 'refused';

/** What the intake needs from its room. */
export interface IntakeDeps extends CloseDeps {
  limits?: UpdateLimits;
  /** Bytes one connection may have waiting (4 MB when absent). */
  maxHeldBytes?: number;
  /** The room's content doc. */
  doc(): Y.Doc;
  /** Bytes the board holds in storage (the board-size limit). */
  boardBytes(): number;
  /** Applies an update the gate passed (Yjs may still refuse it). */
  apply(conn: Connection, update: Uint8Array): ApplyResult;
  /** True while the doc is rebuilt (nothing may be applied then). */
  rebuilding(): boolean;
}

/** One room's intake of connections' updates. */
export class UpdateIntake {
  private readonly held: HeldUpdates;

  constructor(private readonly deps: IntakeDeps) {
    this.held = new HeldUpdates(deps.maxHeldBytes ?? 4 * 1024 * 1024);
  }

  /** Checks and applies a connection's update, then what was waiting for it. */
  receive(conn: Connection, update: Uint8Array): void {
    if (this.take(conn, update) === 'changed') this.retry();
  }

  /** After the doc changed: applies the waiting updates that can be placed now, until none more can. */
  retry(): void {
    let progress = true;
    while (progress && this.held.size > 0 && !this.deps.rebuilding()) {
      progress = false;
      for (const { conn, update } of this.held.takeAll()) {
        if (conn.closed) continue;
        if (this.deps.rebuilding()) this.held.hold(conn, update);
        else if (this.take(conn, update) === 'changed') progress = true;
      }
    }
  }

  /** Forgets what a connection had waiting (it closed; its client resends it). */
  drop(conn: Connection): void {
    this.held.drop(conn);
  }

  private take(conn: Connection, update: Uint8Array): ApplyResult | 'held' {
    const verdict = checkUpdate(this.deps.doc(), update, conn.role as DocWriter, this.deps.limits ?? DEFAULT_UPDATE_LIMITS, this.deps.boardBytes());
    if (verdict.ok) return this.deps.apply(conn, update);
    if (verdict.reason === 'unknown-parent' && this.held.hold(conn, update)) return 'held';
    const code = verdict.reason === 'unknown-parent' ? CLOSE.tryAgain : CLOSE.badMessage;
    closeFor(this.deps, conn, { code, reason: verdict.reason, sentence: verdict.message, detail: verdict.detail });
    return 'refused';
  }
}

/** The updates of another instance that fit the schema (the others are counted and logged, and skipped). */
export function acceptRemote(deps: CloseDeps, doc: Y.Doc, updates: readonly Uint8Array[]): Uint8Array[] {
  return updates.filter((update) => {
    const verdict = checkServerUpdate(doc, update);
    if (!verdict.ok) {
      deps.metrics.busErrors.inc({ reason: 'schema' });
      deps.log.error({ boardId: deps.boardId, detail: verdict.detail }, 'an update from another instance breaks the document schema; skipped');
    }
    return verdict.ok;
  });
}

/** A board loaded with more client ids than updates may bring it to (poisoned before the limit existed): says so once. */
export function warnIfCostly(deps: CloseDeps, doc: Y.Doc, limits: UpdateLimits = DEFAULT_UPDATE_LIMITS): void {
  const clients = doc.store.clients.size;
  if (clients > limits.maxBoardClients) {
    deps.log.warn({ boardId: deps.boardId, clients, limit: limits.maxBoardClients }, 'board holds more client ids than the limit; every edit costs more; fork it to get a fresh document');
  }
}
