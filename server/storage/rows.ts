/** The rows both SQL backends store boards and snapshots in, and how they read as records. */
import type { BoardRecord, SnapshotSummary } from './storage';

/** A row of the boards table. */
export interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

/** The catalogue columns of a row of the snapshots table. */
export interface SnapshotSummaryRow {
  id: string;
  board_id: string;
  name: string;
  author: string;
  created_at: string;
}

/** A board row as a record. */
export function toRecord(row: BoardRow): BoardRecord {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A snapshot row as its catalogue entry. */
export function toSummary(row: SnapshotSummaryRow): SnapshotSummary {
  return { id: row.id, boardId: row.board_id, name: row.name, author: row.author, createdAt: row.created_at };
}

/** A plain Uint8Array view of a driver's Buffer, so Yjs and deep-equality checks see the type they expect. */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
