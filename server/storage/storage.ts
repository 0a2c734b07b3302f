/** The durable storage every server instance writes through; SQLite and PostgreSQL implement it. */
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';

/** A board's catalogue entry (its content lives in its updates). */
export interface BoardRecord {
  id: string;
  title: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** The roles whose links a facilitator can replace. */
export const ROTATABLE_ROLES = ['editor', 'viewer'] as const;
/** One of ROTATABLE_ROLES. */
export type RotatableRole = (typeof ROTATABLE_ROLES)[number];
/** A board's link generations: a token of a rotatable role is valid only for the current one. */
export type LinkGenerations = Record<RotatableRole, number>;

/** One stored Yjs update of a board, in append order. */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

/** A snapshot's catalogue entry. */
export interface SnapshotSummary {
  id: string;
  boardId: string;
  name: string;
  author: string;
  createdAt: string;
}

/** A named version of a board: its Yjs state, the board file and the exposure report at that moment. */
export interface SnapshotRecord extends SnapshotSummary {
  state: Uint8Array;
  board: Board;
  exposure: ExposureReport;
}

/** Durable storage. Every method resolves only once the data is durable (survives kill -9 of the process). */
export interface Storage {
  /** Which backend this is, for logs and metrics. */
  readonly kind: 'sqlite' | 'postgres';
  /** Creates tables if needed. Must be called once before anything else. */
  init(): Promise<void>;
  /** Closes connections; pending writes are finished first. */
  close(): Promise<void>;
  /** Resolves when the backend answers a trivial query (readiness). */
  ping(): Promise<void>;
  /** Returns the stored secret, or stores and returns generate()'s result if there is none (atomic). */
  getOrCreateSecret(generate: () => string): Promise<string>;

  /** Creates a board with its first update (its initial content) in one transaction. Rejects if the id exists. */
  createBoard(record: BoardRecord, initialUpdate: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  /** Boards, most recently updated first: all of them, or the page `limit` long after skipping `offset`. */
  listBoards(page?: { limit: number; offset: number }): Promise<BoardRecord[]>;
  /** The current generation of each rotatable link of a board (0 until rotated), or null for an unknown board. */
  linkGenerations(boardId: string): Promise<LinkGenerations | null>;
  /** Moves a board's link of `role` to a new generation and returns it (old tokens of that role stop working); null for an unknown board. */
  rotateLink(boardId: string, role: RotatableRole): Promise<number | null>;
  /** Sets title and/or updatedAt. */
  updateBoard(id: string, changes: { title?: string; updatedAt?: string }): Promise<void>;
  /** Deletes a board with its updates and snapshots; false if it did not exist. */
  deleteBoard(id: string): Promise<boolean>;

  /** Every update of a board in seq order (empty for an unknown board). */
  loadUpdates(boardId: string): Promise<StoredUpdate[]>;
  /**
   * The updates with seq > afterSeq, in seq order (catch-up of an instance that already holds the rows up to
   * afterSeq). After a compaction up to U, a reader with afterSeq < U gets the merged row at U, which holds
   * every update up to U.
   */
  loadUpdatesAfter(boardId: string, afterSeq: number): Promise<StoredUpdate[]>;
  /** Appends updates in order, in one transaction; resolves with the seq of the last one. */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * The same, durable before it returns, for a backend whose writes are synchronous (embedded SQLite):
   * the relay then goes on in the same turn instead of after a promise resolves.
   */
  appendUpdatesNow?(boardId: string, updates: readonly Uint8Array[]): number;
  /** In one transaction: deletes the updates with seq <= upToSeq and stores `merged` as update upToSeq. */
  compact(boardId: string, merged: Uint8Array, upToSeq: number): Promise<void>;
  /** How many update rows a board has (to decide when to compact). */
  countUpdates(boardId: string): Promise<number>;

  saveSnapshot(snapshot: SnapshotRecord): Promise<void>;
  /** A board's snapshots, oldest first. */
  listSnapshots(boardId: string): Promise<SnapshotSummary[]>;
  getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | null>;
}

/** A board's generations from its stored rows (roles without a row are at 0). */
export function generationsFrom(rows: readonly { role: string; generation: number | string }[]): LinkGenerations {
  const generations: LinkGenerations = { editor: 0, viewer: 0 };
  for (const row of rows) if ((ROTATABLE_ROLES as readonly string[]).includes(row.role)) generations[row.role as RotatableRole] = Number(row.generation);
  return generations;
}
