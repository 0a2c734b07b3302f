/** The SQLite backend's update journal on real files: replay after a kill, torn tails, background copies, one process per file. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeJournalBatch } from '../../server/storage/journal-records';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { UpdateJournal } from '../../server/storage/update-journal';
import { waitFor } from '../utils/server-harness';
import { boardRecord, bytes } from './storage-contract';

const dirs: string[] = [];
const open: SqliteStorage[] = [];

afterEach(async () => {
  for (const storage of open.splice(0)) await storage.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(name = 'lodestone.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'lodestone-journal-'));
  dirs.push(dir);
  return join(dir, name);
}

async function openStorage(file: string, warnings: string[] = []): Promise<SqliteStorage> {
  const storage = new SqliteStorage(file, { onBackgroundError: (message) => warnings.push(message) });
  open.push(storage);
  await storage.init();
  return storage;
}

async function closeStorage(storage: SqliteStorage): Promise<void> {
  open.splice(open.indexOf(storage), 1);
  await storage.close();
}

/** Rows of the updates table as another connection sees them (what is committed, not what is journaled). */
function committedSeqs(file: string, boardId: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[string], { seq: number }>('SELECT seq FROM updates WHERE board_id = ? ORDER BY seq').all(boardId).map((r) => r.seq);
  } finally {
    db.close();
  }
}

describe('the update journal of SqliteStorage', () => {
  it('writes an append to the journal, not the table, and copies it into the table a moment later', async () => {
    const file = tempFile();
    const storage = await openStorage(file);
    await storage.createBoard(boardRecord('b1'), bytes(8));
    expect(await storage.appendUpdates('b1', [bytes(10), bytes(20)])).toBe(3);
    expect(statSync(`${file}-updates`).size).toBeGreaterThan(30);
    expect(committedSeqs(file, 'b1')).toStrictEqual([1]);
    await waitFor(() => committedSeqs(file, 'b1').length === 3, 5000, 'the background copy');
    expect(committedSeqs(file, 'b1')).toStrictEqual([1, 2, 3]);
    expect(statSync(`${file}-updates`).size).toBe(0);
  });

  it('copies at once when many updates are waiting, without waiting for the timer', async () => {
    const file = tempFile();
    const storage = await openStorage(file);
    await storage.createBoard(boardRecord('b1'), bytes(8));
    for (let i = 0; i < 2000; i++) storage.appendUpdatesNow('b1', [bytes(4)]);
    expect(committedSeqs(file, 'b1')).toStrictEqual([1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(committedSeqs(file, 'b1')).toHaveLength(2001);
  });

  it('replays what a killed process left in the journal, once, and empties it', async () => {
    const file = tempFile();
    const first = await openStorage(file);
    await first.createBoard(boardRecord('b1'), bytes(8));
    const appended = [bytes(5), bytes(6), bytes(7)];
    await first.appendUpdates('b1', appended);
    // What a process killed now would leave: the records in the journal, none in the table.
    const journal = readFileSync(`${file}-updates`);
    await closeStorage(first);
    // And a process killed after copying them but before emptying the journal: the same records again.
    writeFileSync(`${file}-updates`, journal);

    const second = await openStorage(file);
    const loaded = await second.loadUpdates('b1');
    expect(loaded.map((u) => u.seq)).toStrictEqual([1, 2, 3, 4]);
    expect(loaded.slice(1).map((u) => u.data)).toStrictEqual(appended);
    expect(statSync(`${file}-updates`).size).toBe(0);
    expect(await second.appendUpdates('b1', [bytes(1)])).toBe(5);
  });

  it('recovers from a journal whose process was killed before the copy (nothing in the table)', async () => {
    const file = tempFile();
    const setup = await openStorage(file);
    await setup.createBoard(boardRecord('b1'), bytes(8));
    await closeStorage(setup);
    writeFileSync(`${file}-updates`, encodeJournalBatch('b1', 2, [bytes(3), bytes(4)]));
    const storage = await openStorage(file);
    expect((await storage.loadUpdates('b1')).map((u) => u.seq)).toStrictEqual([1, 2, 3]);
    expect(await storage.appendUpdates('b1', [bytes(1)])).toBe(4);
  });

  it('drops a torn tail with a warning and keeps every record before it', async () => {
    const file = tempFile();
    const setup = await openStorage(file);
    await setup.createBoard(boardRecord('b1'), bytes(8));
    await closeStorage(setup);
    const whole = encodeJournalBatch('b1', 2, [bytes(30)]);
    const torn = encodeJournalBatch('b1', 3, [bytes(30)]).subarray(0, 20);
    writeFileSync(`${file}-updates`, Buffer.concat([whole, torn]));
    const warnings: string[] = [];
    const storage = await openStorage(file, warnings);
    expect((await storage.loadUpdates('b1')).map((u) => u.seq)).toStrictEqual([1, 2]);
    expect(warnings).toStrictEqual([expect.stringMatching(/dropped 20 bytes of a torn or corrupt record.*after 1 intact update/)]);
    expect(statSync(`${file}-updates`).size).toBe(0);
  });

  it('skips journaled updates of a board deleted since, and keeps those of other boards', async () => {
    const file = tempFile();
    const setup = await openStorage(file);
    await setup.createBoard(boardRecord('b1'), bytes(8));
    await setup.createBoard(boardRecord('b2'), bytes(8));
    await setup.deleteBoard('b1');
    await closeStorage(setup);
    writeFileSync(`${file}-updates`, Buffer.concat([encodeJournalBatch('b1', 2, [bytes(3)]), encodeJournalBatch('b2', 2, [bytes(3)])]));
    const storage = await openStorage(file);
    expect(await storage.loadUpdates('b1')).toStrictEqual([]);
    expect((await storage.loadUpdates('b2')).map((u) => u.seq)).toStrictEqual([1, 2]);
  });

  it('lets one storage at a time use a database file, and says so', async () => {
    const file = tempFile();
    const first = await openStorage(file);
    expect(() => new SqliteStorage(file)).toThrow(/in use by another Lodestone server/);
    await closeStorage(first);
    const second = await openStorage(file);
    expect(await second.listBoards()).toStrictEqual([]);
  });
});

describe('UpdateJournal', () => {
  it('appends and reads back records, and empties on truncate', () => {
    const file = tempFile('journal');
    const journal = new UpdateJournal(file);
    const batch = encodeJournalBatch('b1', 1, [bytes(3), bytes(4)]);
    journal.append(batch);
    journal.append(encodeJournalBatch('b1', 3, [bytes(5)]));
    expect(journal.read().records.map((r) => r.seq)).toStrictEqual([1, 2, 3]);
    journal.truncate();
    expect(journal.read().records).toStrictEqual([]);
    journal.append(batch);
    journal.close();
    // Reopened, it finds what was appended after the truncation, at the start of the file.
    const again = new UpdateJournal(file);
    expect(again.read().records.map((r) => r.seq)).toStrictEqual([1, 2]);
    again.close();
  });

  it('throws on a failed write (ENOSPC on /dev/full) and refuses every later append', () => {
    const journal = new UpdateJournal('/dev/full');
    expect(() => journal.append(encodeJournalBatch('b1', 1, [bytes(3)]))).toThrow(/ENOSPC/);
    expect(() => journal.append(encodeJournalBatch('b1', 1, [bytes(3)]))).toThrow(/unusable/);
    journal.close();
  });
});
