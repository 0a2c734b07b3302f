/** The SQLite backend's update journal on real files (mapped and write(2)): replay after a kill, torn tails, background copies, one process per file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { journalMapping } from '../../server/storage/journal-mapping';
import { decodeJournal, encodeJournalBatch } from '../../server/storage/journal-records';
import { MAPPED_JOURNAL_CHUNK, MappedJournal } from '../../server/storage/mapped-journal';
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

/** A new database holding boards with these ids (with one stored update each), closed again. */
async function closedDatabaseWith(...boardIds: string[]): Promise<string> {
  const file = tempFile();
  const setup = await openStorage(file);
  for (const id of boardIds) await setup.createBoard(boardRecord(id), bytes(8));
  await closeStorage(setup);
  return file;
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

/** The seqs of the intact records in a journal file. */
function journalSeqs(file: string): number[] {
  return decodeJournal(readFileSync(file)).records.map((r) => r.seq);
}

const statSize = (file: string) => statSync(file).size;

/** True when a journal file holds nothing but zeros (a mapped journal keeps its allocated size). */
function journalIsEmpty(file: string): boolean {
  return readFileSync(file).every((byte) => byte === 0);
}

describe('the update journal of SqliteStorage', () => {
  it('writes an append to the journal, not the table, and copies it into the table a moment later', async () => {
    const file = tempFile();
    const storage = await openStorage(file);
    await storage.createBoard(boardRecord('b1'), bytes(8));
    expect(await storage.appendUpdates('b1', [bytes(10), bytes(20)])).toBe(3);
    expect(journalSeqs(`${file}-updates`)).toStrictEqual([2, 3]);
    expect(committedSeqs(file, 'b1')).toStrictEqual([1]);
    await waitFor(() => committedSeqs(file, 'b1').length === 3, 5000, 'the background copy');
    expect(committedSeqs(file, 'b1')).toStrictEqual([1, 2, 3]);
    expect(journalIsEmpty(`${file}-updates`)).toBe(true);
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
    expect(journalIsEmpty(`${file}-updates`)).toBe(true);
    expect(await second.appendUpdates('b1', [bytes(1)])).toBe(5);
  });

  it('recovers from a journal whose process was killed before the copy (nothing in the table)', async () => {
    const file = await closedDatabaseWith('b1');
    writeFileSync(`${file}-updates`, encodeJournalBatch('b1', 2, [bytes(3), bytes(4)]));
    const storage = await openStorage(file);
    expect((await storage.loadUpdates('b1')).map((u) => u.seq)).toStrictEqual([1, 2, 3]);
    expect(await storage.appendUpdates('b1', [bytes(1)])).toBe(4);
  });

  it('drops a torn tail with a warning and keeps every record before it', async () => {
    const file = await closedDatabaseWith('b1');
    const whole = encodeJournalBatch('b1', 2, [bytes(30)]);
    const torn = encodeJournalBatch('b1', 3, [bytes(30)]).subarray(0, 20);
    writeFileSync(`${file}-updates`, Buffer.concat([whole, torn]));
    const warnings: string[] = [];
    const storage = await openStorage(file, warnings);
    expect((await storage.loadUpdates('b1')).map((u) => u.seq)).toStrictEqual([1, 2]);
    expect(warnings).toStrictEqual([expect.stringMatching(/dropped 20 bytes of a torn or corrupt record.*after 1 intact update/)]);
    expect(journalIsEmpty(`${file}-updates`)).toBe(true);
  });

  it('skips journaled updates of a board deleted since, and keeps those of other boards', async () => {
    const file = await closedDatabaseWith('b1', 'b2');
    const setup = await openStorage(file);
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

describe('MappedJournal', () => {
  const addon = journalMapping();

  it('is what SqliteStorage uses here (the addon built), and write(2) is used for a file that is not a regular one', async () => {
    expect(addon, 'native/journal-mmap did not build: run npm install').not.toBeNull();
    const storage = await openStorage(tempFile());
    expect(storage.journalKind).toBe('mapped');
    const onDevice = new SqliteStorage(tempFile(), { journalFile: '/dev/full' });
    open.push(onDevice);
    await onDevice.init();
    expect(onDevice.journalKind).toBe('write');
  });

  it('appends and reads back records, empties on truncate by zeroing, and finds later appends after a reopen', () => {
    const file = tempFile('journal');
    const journal = new MappedJournal(file, addon!);
    expect(journal.read().records).toStrictEqual([]);
    const batch = encodeJournalBatch('b1', 1, [bytes(3), bytes(4)]);
    journal.append(batch);
    journal.append(encodeJournalBatch('b1', 3, [bytes(5)]));
    expect(journal.read().records.map((r) => r.seq)).toStrictEqual([1, 2, 3]);
    expect(journalSeqs(file)).toStrictEqual([1, 2, 3]);
    expect(statSize(file)).toBe(MAPPED_JOURNAL_CHUNK);
    journal.truncate();
    expect(journalIsEmpty(file)).toBe(true);
    journal.append(batch);
    journal.close();
    const again = new MappedJournal(file, addon!);
    expect(again.read()).toMatchObject({ validBytes: batch.length, tailBytes: 0 });
    expect(again.read().records.map((r) => r.seq)).toStrictEqual([1, 2]);
    again.close();
  });

  it('grows past its first mapping and keeps every record', () => {
    const file = tempFile('journal');
    const journal = new MappedJournal(file, addon!);
    journal.read();
    const big = bytes(1024 * 1024);
    for (let seq = 1; seq <= 12; seq++) journal.append(encodeJournalBatch('b1', seq, [big]));
    journal.close();
    expect(statSize(file)).toBe(2 * MAPPED_JOURNAL_CHUNK);
    const { records, tailBytes } = decodeJournal(readFileSync(file));
    expect(records.map((r) => r.seq)).toStrictEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(records[11].data).toStrictEqual(big);
    expect(tailBytes).toBe(0);
  });

  it('keeps what was appended when its process is killed with SIGKILL right after', () => {
    const file = tempFile('journal');
    const script = join(import.meta.dirname, 'fixtures/mapped-append-then-die.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, file, '50'], { encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const journal = new MappedJournal(file, addon!);
    const { records, tailBytes } = journal.read();
    journal.close();
    expect(records.map((r) => r.seq)).toStrictEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(records[49].data).toStrictEqual(new Uint8Array(50).fill(50));
    expect(tailBytes).toBe(0);
  });

  it('leaves a file the write(2) journal reads: records first, zeros as padding, and appends that follow from the start', () => {
    const file = tempFile('journal');
    const mapped = new MappedJournal(file, addon!);
    mapped.read();
    mapped.append(encodeJournalBatch('b1', 1, [bytes(3)]));
    mapped.close();
    const plain = new UpdateJournal(file);
    expect(plain.read()).toMatchObject({ records: [{ boardId: 'b1', seq: 1 }], tailBytes: 0 });
    plain.truncate();
    plain.append(encodeJournalBatch('b1', 2, [bytes(4)]));
    plain.close();
    expect(journalSeqs(file)).toStrictEqual([2]);
  });
});
