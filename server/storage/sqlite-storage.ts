/** Storage on one SQLite file (better-sqlite3): the single-instance backend. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { lockDatabaseFile, type ProcessLock } from './sqlite-process-lock';
import { createSchema } from './sqlite-schema';
import { plainBytes, toRecord, toSummary, type BoardRow, type SnapshotSummaryRow } from './rows';
import { generationsFrom, type BoardRecord, type LinkGenerations, type RotatableRole, type SnapshotRecord, type SnapshotSummary, type Storage, type StoredUpdate } from './storage';

const SECRET_KEY = 'secret';


interface SnapshotRow extends SnapshotSummaryRow {
  state: Buffer;
  board: string;
  exposure: string;
}




function prepareStatements(db: Database.Database) {
  return {
    insertBoard: db.prepare<[string, string, string, string]>(
      'INSERT INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
    ),
    getBoard: db.prepare<[string], BoardRow>('SELECT id, title, created_at, updated_at FROM boards WHERE id = ?'),
    listBoards: db.prepare<[], BoardRow>(
      'SELECT id, title, created_at, updated_at FROM boards ORDER BY updated_at DESC, created_at DESC, id',
    ),
    listBoardsPage: db.prepare<[number, number], BoardRow>(
      'SELECT id, title, created_at, updated_at FROM boards ORDER BY updated_at DESC, created_at DESC, id LIMIT ? OFFSET ?',
    ),
    linkGenerations: db.prepare<[string], { role: string; generation: number }>('SELECT role, generation FROM link_generations WHERE board_id = ?'),
    rotateLink: db.prepare<[string, string], { generation: number }>(
      `INSERT INTO link_generations (board_id, role, generation) VALUES (?, ?, 1)
       ON CONFLICT (board_id, role) DO UPDATE SET generation = generation + 1 RETURNING generation`,
    ),
    setTitle: db.prepare<[string, string]>('UPDATE boards SET title = ? WHERE id = ?'),
    setUpdatedAt: db.prepare<[string, string]>('UPDATE boards SET updated_at = ? WHERE id = ?'),
    deleteBoard: db.prepare<[string]>('DELETE FROM boards WHERE id = ?'),
    loadUpdates: db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
    ),
    loadUpdatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
    ),
    maxSeq: db.prepare<[string], { max: number | null }>('SELECT max(seq) AS max FROM updates WHERE board_id = ?'),
    insertUpdate: db.prepare<[string, number, Uint8Array]>('INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)'),
    deleteUpTo: db.prepare<[string, number]>('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
    countUpdates: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE board_id = ?'),
    insertSnapshot: db.prepare<[string, string, string, string, string, Uint8Array, string, string]>(
      `INSERT INTO snapshots (id, board_id, name, author, created_at, state, board, exposure)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    listSnapshots: db.prepare<[string], SnapshotSummaryRow>(
      'SELECT id, board_id, name, author, created_at FROM snapshots WHERE board_id = ? ORDER BY created_at, id',
    ),
    getSnapshot: db.prepare<[string, string], SnapshotRow>(
      'SELECT * FROM snapshots WHERE board_id = ? AND id = ?',
    ),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    insertMetaIfMissing: db.prepare<[string, string]>('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Transactions are built once; callers run them with .immediate() (see appendUpdates). */
function prepareTransactions(db: Database.Database, s: Statements) {
  return {
    createBoard: db.transaction((record: BoardRecord, initialUpdate: Uint8Array) => {
      s.insertBoard.run(record.id, record.title, record.createdAt, record.updatedAt);
      s.insertUpdate.run(record.id, 1, initialUpdate);
    }),
    updateBoard: db.transaction((id: string, changes: { title?: string; updatedAt?: string }) => {
      if (changes.title !== undefined) s.setTitle.run(changes.title, id);
      if (changes.updatedAt !== undefined) s.setUpdatedAt.run(changes.updatedAt, id);
    }),
    /** Inserts consecutive updates of a board, the first at `firstSeq`. */
    appendUpdates: db.transaction((boardId: string, firstSeq: number, updates: readonly Uint8Array[]) => {
      let seq = firstSeq;
      for (const update of updates) s.insertUpdate.run(boardId, seq++, update);
    }),
    compact: db.transaction((boardId: string, merged: Uint8Array, upToSeq: number) => {
      s.deleteUpTo.run(boardId, upToSeq);
      s.insertUpdate.run(boardId, upToSeq, merged);
    }),
  };
}

type Transactions = ReturnType<typeof prepareTransactions>;

/**
 * SQLite storage; methods are async to match the interface, but each runs synchronously and is durable on
 * return: every write is one transaction, committed to the WAL (synchronous=NORMAL) before the call returns,
 * so it survives kill -9 of the process. The room appends the updates of one turn in one call, hence one
 * transaction. One process per file (sqlite-process-lock.ts), so the last seqs can be kept in memory.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private statements: Statements | null = null;
  private transactions: Transactions | null = null;
  private lock: ProcessLock | null = null;
  /** Each board's last seq, as read from the table once and kept since (this process is the only writer). */
  private readonly lastSeqs = new Map<string, number>();

  /** Opens `file` (":memory:" for a throwaway database); init() does the rest. */
  constructor(file: string) {
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true });
      this.lock = lockDatabaseFile(file);
    }
    try {
      this.db = new Database(file);
    } catch (error) {
      this.lock?.release();
      throw error;
    }
    // WAL with synchronous=NORMAL: a commit is in the WAL (the OS page cache) when the call
    // returns, so it survives kill -9 of this process; only a power loss or OS crash can roll
    // back the last commits (FULL would fsync every commit to survive that too).
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
  }

  private get s(): Statements {
    if (!this.statements) throw new Error('SqliteStorage: init() must be called first');
    return this.statements;
  }

  private get tx(): Transactions {
    if (!this.transactions) throw new Error('SqliteStorage: init() must be called first');
    return this.transactions;
  }

  async init(): Promise<void> {
    if (this.statements) return;
    createSchema(this.db);
    this.statements = prepareStatements(this.db);
    this.transactions = prepareTransactions(this.db, this.statements);
  }

  async close(): Promise<void> {
    try {
      if (this.db.open) this.db.close();
    } finally {
      this.lock?.release();
      this.lock = null;
    }
  }

  async ping(): Promise<void> {
    this.s.ping.get();
  }

  async getOrCreateSecret(generate: () => string): Promise<string> {
    const existing = this.s.getMeta.get(SECRET_KEY);
    if (existing) return existing.value;
    this.s.insertMetaIfMissing.run(SECRET_KEY, generate());
    return this.s.getMeta.get(SECRET_KEY)!.value;
  }

  async createBoard(record: BoardRecord, initialUpdate: Uint8Array): Promise<void> {
    this.tx.createBoard.immediate(record, initialUpdate);
    this.lastSeqs.set(record.id, 1);
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const row = this.s.getBoard.get(id);
    return row ? toRecord(row) : null;
  }

  async listBoards(page?: { limit: number; offset: number }): Promise<BoardRecord[]> {
    return (page ? this.s.listBoardsPage.all(page.limit, page.offset) : this.s.listBoards.all()).map(toRecord);
  }

  async linkGenerations(boardId: string): Promise<LinkGenerations | null> {
    if (!this.s.getBoard.get(boardId)) return null;
    return generationsFrom(this.s.linkGenerations.all(boardId));
  }

  async rotateLink(boardId: string, role: RotatableRole): Promise<number | null> {
    if (!this.s.getBoard.get(boardId)) return null;
    return this.s.rotateLink.get(boardId, role)!.generation;
  }

  async updateBoard(id: string, changes: { title?: string; updatedAt?: string }): Promise<void> {
    this.tx.updateBoard.immediate(id, changes);
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Updates and snapshots go with the board through ON DELETE CASCADE.
    this.lastSeqs.delete(id);
    return this.s.deleteBoard.run(id).changes > 0;
  }

  async loadUpdates(boardId: string): Promise<StoredUpdate[]> {
    return this.s.loadUpdates.all(boardId).map((row) => ({ seq: row.seq, data: plainBytes(row.data) }));
  }

  async loadUpdatesAfter(boardId: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.s.loadUpdatesAfter.all(boardId, afterSeq).map((row) => ({ seq: row.seq, data: plainBytes(row.data) }));
  }

  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.appendUpdatesNow(boardId, updates);
  }

  /**
   * Appends in one transaction, committed before it returns (see the class comment). A single update (what a
   * turn holds at a low rate) is one INSERT in autocommit mode: the same one committed transaction, without
   * running BEGIN and COMMIT as statements of their own.
   */
  appendUpdatesNow(boardId: string, updates: readonly Uint8Array[]): number {
    const lastSeq = this.lastSeq(boardId);
    if (updates.length === 0) return lastSeq;
    if (updates.length === 1) this.s.insertUpdate.run(boardId, lastSeq + 1, updates[0]);
    else this.tx.appendUpdates.immediate(boardId, lastSeq + 1, updates);
    this.lastSeqs.set(boardId, lastSeq + updates.length);
    return lastSeq + updates.length;
  }

  async compact(boardId: string, merged: Uint8Array, upToSeq: number): Promise<void> {
    this.tx.compact.immediate(boardId, merged, upToSeq);
  }

  async countUpdates(boardId: string): Promise<number> {
    return this.s.countUpdates.get(boardId)?.n ?? 0;
  }

  async saveSnapshot(snapshot: SnapshotRecord): Promise<void> {
    const { id, boardId, name, author, createdAt, state, board, exposure } = snapshot;
    this.s.insertSnapshot.run(id, boardId, name, author, createdAt, state, JSON.stringify(board), JSON.stringify(exposure));
  }

  async listSnapshots(boardId: string): Promise<SnapshotSummary[]> {
    return this.s.listSnapshots.all(boardId).map(toSummary);
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | null> {
    const row = this.s.getSnapshot.get(boardId, snapshotId);
    if (!row) return null;
    return {
      ...toSummary(row),
      state: plainBytes(row.state),
      board: JSON.parse(row.board) as SnapshotRecord['board'],
      exposure: JSON.parse(row.exposure) as SnapshotRecord['exposure'],
    };
  }

  /** A board's last seq; throws for an unknown board. */
  private lastSeq(boardId: string): number {
    const known = this.lastSeqs.get(boardId);
    if (known !== undefined) return known;
    const max = this.s.maxSeq.get(boardId)?.max ?? null;
    if (max === null && !this.s.getBoard.get(boardId)) throw new Error(`cannot append to unknown board ${boardId}`);
    this.lastSeqs.set(boardId, max ?? 0);
    return max ?? 0;
  }
}
