import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteCheckpointer } from '../../server/storage/sqlite-checkpointer';
import { waitFor } from '../utils/server-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A WAL database with one table, its schema already checkpointed into the main file. */
function walDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-ckpt-'));
  const file = join(dir, 'x.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { file, db, size: () => statSync(file).size, commit: () => insert.run(Buffer.alloc(8192, 1)) };
}

function start(file: string, commitsPerCheckpoint: number, maxWaitMs: number): SqliteCheckpointer {
  const errors: string[] = [];
  const checkpointer = new SqliteCheckpointer(file, (message) => errors.push(message), { checkEveryMs: 20, commitsPerCheckpoint, maxWaitMs });
  cleanups.push(async () => {
    await checkpointer.stop();
    expect(errors).toEqual([]);
  });
  return checkpointer;
}

describe('SqliteCheckpointer', () => {
  it('copies the WAL into the database once enough commits are noted, not before', async () => {
    const { file, size, commit } = walDatabase();
    const checkpointer = start(file, 20, 60_000);
    const empty = size();
    for (let i = 0; i < 19; i++) {
      commit();
      checkpointer.noteCommit();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(size()).toBe(empty);
    commit();
    checkpointer.noteCommit();
    await waitFor(() => size() > empty + 20 * 8192, 5000, 'the 20 commits copied into the database file');
  });

  it('keeps the process alive until it has stopped, so closing storage completes even with nothing else running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lodestone-ckpt-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/close-storage.ts'), join(dir, 'x.db')], { encoding: 'utf8' });
    expect(out).toBe('closed\n');
  });

  it('checkpoints a quiet database after the longest wait, and once more when stopped', async () => {
    const { file, size, commit } = walDatabase();
    const checkpointer = start(file, 1000, 200);
    const empty = size();
    commit();
    checkpointer.noteCommit();
    await waitFor(() => size() > empty, 5000, 'the commit copied after the longest wait');
    const after = size();
    commit();
    await checkpointer.stop();
    expect(size()).toBeGreaterThan(after);
  });
});
