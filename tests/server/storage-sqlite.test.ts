import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import type { Storage } from '../../server/storage/storage';
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
