import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteStorage } from '../../../server/storage/sqlite-storage';
import type { Storage } from '../../../server/storage/storage';
import { appendUntilKilled, boardRecord, bytes, storageContract } from './storage-contract';

const dirs: string[] = [];

/** A fresh directory under the OS temp dir, removed after each test. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-sqlite-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string): Promise<Storage> {
  const storage = new SqliteStorage(file);
  await storage.init();
  return storage;
}

storageContract('sqlite', async () => {
  // A nested path also checks that the parent directory is created.
  const file = join(tempDir(), 'nested', 'dir', 'lodestone.db');
  let storage = await open(file);
  return {
    storage,
    reopen: async () => {
      await storage.close();
      storage = await open(file);
      return storage;
    },
    cleanup: () => storage.close(),
  };
});

describe('SqliteStorage', () => {
  it('uses WAL, synchronous=NORMAL and foreign keys', async () => {
    const storage = new SqliteStorage(join(tempDir(), 'pragmas.db'));
    await storage.init();
    const db = (storage as unknown as { db: { pragma(p: string, o: { simple: true }): unknown } }).db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    await storage.close();
  });

  it('commits an append before it returns: another connection reads every update of the call at once', async () => {
    const file = join(tempDir(), 'committed.db');
    const storage = await open(file);
    await storage.createBoard(boardRecord('b1'), bytes(8));
    const lastSeq = await storage.appendUpdates('b1', [bytes(3), bytes(4), bytes(5)]);
    const other = new Database(file, { readonly: true });
    const rows = other.prepare('SELECT seq, length(data) AS n FROM updates WHERE board_id = ? ORDER BY seq').all('b1');
    other.close();
    await storage.close();
    expect(lastSeq).toBe(4);
    expect(rows).toStrictEqual([{ seq: 1, n: 8 }, { seq: 2, n: 3 }, { seq: 3, n: 4 }, { seq: 4, n: 5 }]);
  });

  it('stores no update of a call when one of them fails, and keeps counting seqs from what is stored', async () => {
    const file = join(tempDir(), 'atomic.db');
    const storage = await open(file);
    await storage.createBoard(boardRecord('b1'), bytes(8));
    // A real refusal by SQLite in the middle of the transaction: the third row of the call.
    const other = new Database(file);
    other.exec("CREATE TRIGGER refuse BEFORE INSERT ON updates WHEN NEW.seq = 4 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    await expect(storage.appendUpdates('b1', [bytes(3), bytes(4), bytes(5)])).rejects.toThrow(/refused by the test/);
    other.exec('DROP TRIGGER refuse');
    other.close();
    expect((await storage.loadUpdates('b1')).map((u) => u.seq)).toStrictEqual([1]);
    expect(await storage.appendUpdates('b1', [bytes(3)])).toBe(2);
    await storage.close();
  });

  it('keeps updates in a WITHOUT ROWID table, so an append of one update writes one page of it', async () => {
    const file = join(tempDir(), 'layout.db');
    const storage = await open(file);
    await storage.close();
    const db = new Database(file, { readonly: true });
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'updates'").get() as { sql: string };
    db.close();
    expect(sql).toMatch(/\) WITHOUT ROWID$/);
  });

  it("moves an older server's updates table to that layout when it opens the file, rows and seqs kept", async () => {
    const file = join(tempDir(), 'older.db');
    const older = new Database(file);
    older.exec(`CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE updates (board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (board_id, seq));
      INSERT INTO boards VALUES ('b1', 'Old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO updates VALUES ('b1', 1, x'0102'), ('b1', 2, x'03'), ('b1', 7, x'040506');`);
    older.close();
    const storage = await open(file);
    expect((await storage.loadUpdates('b1')).map((u) => [u.seq, [...u.data]])).toStrictEqual([[1, [1, 2]], [2, [3]], [7, [4, 5, 6]]]);
    expect(await storage.appendUpdates('b1', [bytes(2)])).toBe(8);
    expect(await storage.deleteBoard('b1')).toBe(true);
    await storage.close();
    const db = new Database(file, { readonly: true });
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'updates%'").all() as { name: string; sql: string }[];
    const left = db.prepare('SELECT count(*) AS n FROM updates').get() as { n: number };
    db.close();
    expect(tables.map((t) => t.name)).toStrictEqual(['updates']);
    expect(tables[0].sql).toMatch(/WITHOUT ROWID/);
    // The board's rows went with it (the foreign key cascades in the new table too).
    expect(left.n).toBe(0);
  });

  it('lets one storage at a time use a database file, and says so', async () => {
    const file = join(tempDir(), 'locked.db');
    const first = await open(file);
    expect(() => new SqliteStorage(file)).toThrow(/in use by another Lodestone server/);
    await first.close();
    const second = await open(file);
    expect(await second.listBoards()).toStrictEqual([]);
    await second.close();
  });

  it('keeps every seq a killed (kill -9) writer process printed', async () => {
    const file = join(tempDir(), 'killed.db');
    const before = await open(file);
    await before.createBoard(boardRecord('b1'), bytes(16));
    await before.close();

    const printed = await appendUntilKilled(['sqlite', file, 'b1']);

    const after = await open(file);
    const seqs = (await after.loadUpdates('b1')).map((u) => u.seq);
    await after.close();
    expect(printed.length).toBeGreaterThanOrEqual(50);
    expect(seqs).toStrictEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs).toEqual(expect.arrayContaining(printed));
  });
});
