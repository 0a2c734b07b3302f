/**
 * One server process per SQLite database: the update journal and the cached last seqs of SqliteStorage are
 * this process's alone, so a second process on the same file would hand out the same seqs. The lock is
 * SQLite's own file lock on a small side file held in EXCLUSIVE locking mode: the OS drops it when the
 * process ends, kill -9 included, so there is no stale lock to clean up.
 */
import Database from 'better-sqlite3';

/** A held lock. */
export interface ProcessLock {
  release(): void;
}

/** Takes the lock for `databaseFile` (on `${databaseFile}-lock`), or throws a sentence if another process or connection holds it. */
export function lockDatabaseFile(databaseFile: string): ProcessLock {
  const lockFile = `${databaseFile}-lock`;
  const db = new Database(lockFile, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // It never holds data: no rollback journal file beside it.
    db.pragma('journal_mode = MEMORY');
    // The first write lock taken in EXCLUSIVE mode is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`the database ${databaseFile} is in use by another Lodestone server (or storage) on this machine; stop it first, or set LODESTONE_DB to another file`);
    }
    throw error;
  }
  return { release: () => db.open && db.close() };
}
