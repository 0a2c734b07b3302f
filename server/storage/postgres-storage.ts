/** Storage on PostgreSQL (pg Pool): the backend several server instances share. */
import pg from 'pg';
import { plainBytes, toRecord, toSummary, type BoardRow, type SnapshotSummaryRow } from './rows';
import { generationsFrom, type BoardRecord, type LinkGenerations, type RotatableRole, type SnapshotRecord, type SnapshotSummary, type Storage, type StoredUpdate } from './storage';

/** Options of PostgresStorage: the schema holding its tables (default public) and the pool size. */
export interface PostgresStorageOptions {
  schema?: string;
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const SECRET_KEY = 'secret';
/** Advisory lock key serialising init() across processes (CREATE ... IF NOT EXISTS races on the catalog). */
const INIT_LOCK = 0x4c6f6465; // 'Lode'



interface SnapshotRow extends SnapshotSummaryRow {
  state: Buffer;
  board: SnapshotRecord['board'];
  exposure: SnapshotRecord['exposure'];
}




function schemaDdl(q: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${q};
CREATE TABLE IF NOT EXISTS ${q}.boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS boards_updated_at ON ${q}.boards (updated_at);
CREATE TABLE IF NOT EXISTS ${q}.updates (
  board_id TEXT NOT NULL REFERENCES ${q}.boards (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS ${q}.snapshots (
  id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES ${q}.boards (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state BYTEA NOT NULL,
  board JSONB NOT NULL,
  exposure JSONB NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS ${q}.meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ${q}.link_generations (
  board_id TEXT NOT NULL REFERENCES ${q}.boards (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  generation BIGINT NOT NULL,
  PRIMARY KEY (board_id, role)
);`;
}

/** PostgreSQL storage; seqs are assigned under a per-board advisory lock, so several processes may append at once. */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly schema: string;
  /** The quoted schema name, safe to interpolate because it matched SCHEMA_NAME. */
  private readonly q: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  constructor(connectionString: string, options: PostgresStorageOptions = {}) {
    this.schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(this.schema)) throw new Error(`PostgresStorage: invalid schema name ${JSON.stringify(this.schema)}`);
    this.q = `"${this.schema}"`;
    this.pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    // An idle client losing its connection emits 'error' on the pool; without a listener that
    // kills the process. The pool drops the client and the next query opens a new one.
    this.pool.on('error', () => {});
  }

  /** Runs an operation, remembering it so close() can let it finish first. */
  private track<T>(run: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error('PostgresStorage: storage is closed'));
    const promise = run();
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.track(() => this.pool.query<R>(text, values));
  }

  /** Runs fn inside BEGIN/COMMIT on one client, rolling back if it throws. */
  private transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.track(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
  }

  /** Serialises writers of one board's updates across every process until the transaction ends. */
  private lockBoard(client: pg.PoolClient, boardId: string): Promise<unknown> {
    return client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [this.schema, boardId]);
  }

  async init(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK]);
      await client.query(schemaDdl(this.q));
    });
  }

  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        await Promise.allSettled([...this.inFlight]);
        await this.pool.end();
      })();
    }
    return this.closing;
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async getOrCreateSecret(generate: () => string): Promise<string> {
    const select = `SELECT value FROM ${this.q}.meta WHERE key = $1`;
    const existing = await this.query<{ value: string }>(select, [SECRET_KEY]);
    if (existing.rows[0]) return existing.rows[0].value;
    // The first writer wins; everyone then reads the winner's value.
    await this.query(`INSERT INTO ${this.q}.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
      SECRET_KEY,
      generate(),
    ]);
    const stored = await this.query<{ value: string }>(select, [SECRET_KEY]);
    return stored.rows[0]!.value;
  }

  async createBoard(record: BoardRecord, initialUpdate: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(`INSERT INTO ${this.q}.boards (id, title, created_at, updated_at) VALUES ($1, $2, $3, $4)`, [
        record.id,
        record.title,
        record.createdAt,
        record.updatedAt,
      ]);
      await client.query(`INSERT INTO ${this.q}.updates (board_id, seq, data) VALUES ($1, 1, $2)`, [record.id, initialUpdate]);
    });
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const result = await this.query<BoardRow>(`SELECT id, title, created_at, updated_at FROM ${this.q}.boards WHERE id = $1`, [id]);
    return result.rows[0] ? toRecord(result.rows[0]) : null;
  }

  async listBoards(page?: { limit: number; offset: number }): Promise<BoardRecord[]> {
    const sql = `SELECT id, title, created_at, updated_at FROM ${this.q}.boards ORDER BY updated_at DESC, created_at DESC, id`;
    const result = page ? await this.query<BoardRow>(`${sql} LIMIT $1 OFFSET $2`, [page.limit, page.offset]) : await this.query<BoardRow>(sql);
    return result.rows.map(toRecord);
  }

  async linkGenerations(boardId: string): Promise<LinkGenerations | null> {
    const result = await this.query<{ role: string | null; generation: string | null }>(
      `SELECT l.role, l.generation FROM ${this.q}.boards b LEFT JOIN ${this.q}.link_generations l ON l.board_id = b.id WHERE b.id = $1`,
      [boardId],
    );
    if (result.rows.length === 0) return null;
    return generationsFrom(result.rows.filter((row): row is { role: string; generation: string } => row.role !== null && row.generation !== null));
  }

  async rotateLink(boardId: string, role: RotatableRole): Promise<number | null> {
    const result = await this.query<{ generation: string }>(
      `INSERT INTO ${this.q}.link_generations (board_id, role, generation) SELECT id, $2, 1 FROM ${this.q}.boards WHERE id = $1
       ON CONFLICT (board_id, role) DO UPDATE SET generation = ${this.q}.link_generations.generation + 1 RETURNING generation`,
      [boardId, role],
    );
    return result.rows[0] ? Number(result.rows[0].generation) : null;
  }

  async updateBoard(id: string, changes: { title?: string; updatedAt?: string }): Promise<void> {
    await this.query(
      `UPDATE ${this.q}.boards SET title = coalesce($2, title), updated_at = coalesce($3, updated_at) WHERE id = $1`,
      [id, changes.title ?? null, changes.updatedAt ?? null],
    );
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Updates and snapshots go with the board through ON DELETE CASCADE.
    const result = await this.query(`DELETE FROM ${this.q}.boards WHERE id = $1`, [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async loadUpdates(boardId: string): Promise<StoredUpdate[]> {
    const result = await this.query<{ seq: string; data: Buffer }>(
      `SELECT seq, data FROM ${this.q}.updates WHERE board_id = $1 ORDER BY seq`,
      [boardId],
    );
    return result.rows.map((row) => ({ seq: Number(row.seq), data: plainBytes(row.data) }));
  }

  async loadUpdatesAfter(boardId: string, afterSeq: number): Promise<StoredUpdate[]> {
    const result = await this.query<{ seq: string; data: Buffer }>(
      `SELECT seq, data FROM ${this.q}.updates WHERE board_id = $1 AND seq > $2 ORDER BY seq`,
      [boardId, afterSeq],
    );
    return result.rows.map((row) => ({ seq: Number(row.seq), data: plainBytes(row.data) }));
  }

  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.transaction(async (client) => {
      await this.lockBoard(client, boardId);
      // Under READ COMMITTED this statement sees every append committed before the lock was granted.
      const max = await client.query<{ max: string }>(
        `SELECT coalesce(max(seq), 0) AS max FROM ${this.q}.updates WHERE board_id = $1`,
        [boardId],
      );
      const last = Number(max.rows[0]!.max);
      if (updates.length === 0) return last;
      await client.query(
        `INSERT INTO ${this.q}.updates (board_id, seq, data)
         SELECT $1, $2::bigint + t.ord, t.data FROM unnest($3::bytea[]) WITH ORDINALITY AS t(data, ord)`,
        [boardId, last, updates],
      );
      return last + updates.length;
    });
  }

  async compact(boardId: string, merged: Uint8Array, upToSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      await this.lockBoard(client, boardId);
      await client.query(`DELETE FROM ${this.q}.updates WHERE board_id = $1 AND seq <= $2`, [boardId, upToSeq]);
      await client.query(`INSERT INTO ${this.q}.updates (board_id, seq, data) VALUES ($1, $2, $3)`, [boardId, upToSeq, merged]);
    });
  }

  async countUpdates(boardId: string): Promise<number> {
    const result = await this.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.q}.updates WHERE board_id = $1`, [boardId]);
    return Number(result.rows[0]!.n);
  }

  async saveSnapshot(snapshot: SnapshotRecord): Promise<void> {
    const { id, boardId, name, author, createdAt, state, board, exposure } = snapshot;
    await this.query(
      `INSERT INTO ${this.q}.snapshots (id, board_id, name, author, created_at, state, board, exposure)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
      [id, boardId, name, author, createdAt, state, JSON.stringify(board), JSON.stringify(exposure)],
    );
  }

  async listSnapshots(boardId: string): Promise<SnapshotSummary[]> {
    const result = await this.query<SnapshotSummaryRow>(
      `SELECT id, board_id, name, author, created_at FROM ${this.q}.snapshots WHERE board_id = $1 ORDER BY created_at, id`,
      [boardId],
    );
    return result.rows.map(toSummary);
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<SnapshotRecord | null> {
    const result = await this.query<SnapshotRow>(`SELECT * FROM ${this.q}.snapshots WHERE board_id = $1 AND id = $2`, [
      boardId,
      snapshotId,
    ]);
    const row = result.rows[0];
    if (!row) return null;
    return { ...toSummary(row), state: plainBytes(row.state), board: row.board, exposure: row.exposure };
  }
}
