/**
 * The update journal through a shared memory mapping of its file (native/journal-mmap): an append is a copy
 * into the page cache, with no syscall, and survives kill -9 like a write(2) does. The file is allocated
 * ahead (posix_fallocate, so a full disk is an error at allocation, never a SIGBUS at a store) and holds
 * records followed by zeros; emptying it zeroes what was used. Same records as the write(2) journal
 * (journal-records.ts), so either reads the other's file. Only for regular files; see openJournal.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { decodeJournal, type JournalContents } from './journal-records';
import type { JournalMapping } from './journal-mapping';
import type { Journal } from './update-journal';

/** The mapping's first size, and the unit it grows by (a copy into SQLite runs from 4 MB waiting). */
export const MAPPED_JOURNAL_CHUNK = 8 * 1024 * 1024;

const roundUp = (bytes: number) => Math.max(MAPPED_JOURNAL_CHUNK, Math.ceil(bytes / MAPPED_JOURNAL_CHUNK) * MAPPED_JOURNAL_CHUNK);

/** A journal file mapped into memory. */
export class MappedJournal implements Journal {
  private fd: number | null;
  private memory: Buffer;
  /** End of the records: the next append goes here. */
  private length = 0;
  /**
   * Bytes that may be non-zero (records, and whatever a killed process left): emptying zeroes them, from the
   * start. A kill half-way leaves zeros in front: the next start replays nothing (every record was already
   * copied into SQLite) and reports the rest as a torn tail.
   */
  private dirty: number;

  /** Opens (creating if needed) the regular file `file` and maps it; throws if the disk is full. */
  constructor(readonly file: string, private readonly addon: JournalMapping) {
    this.fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      const size = fstatSync(this.fd).size;
      this.dirty = size;
      this.memory = this.mapAtLeast(size);
    } catch (error) {
      closeSync(this.fd);
      this.fd = null;
      throw error;
    }
  }

  read(): JournalContents {
    this.open();
    // decodeJournal copies what it returns, so nothing keeps pointing into the mapping.
    const contents = decodeJournal(this.memory.subarray(0, this.dirty));
    this.length = contents.validBytes;
    this.dirty = contents.validBytes + contents.tailBytes;
    return contents;
  }

  append(bytes: Uint8Array): void {
    this.open();
    const end = this.length + bytes.length;
    if (end > this.memory.length) this.memory = this.mapAtLeast(end);
    this.memory.set(bytes, this.length);
    this.length = end;
    if (end > this.dirty) this.dirty = end;
  }

  truncate(): void {
    this.open();
    this.memory.fill(0, 0, Math.min(this.dirty, this.memory.length));
    this.length = 0;
    this.dirty = 0;
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    // The mapping is unmapped when the buffer is garbage-collected; nothing touches it after this.
    this.memory = Buffer.alloc(0);
  }

  /** Allocates the file to a whole number of chunks covering `bytes` and maps all of it. */
  private mapAtLeast(bytes: number): Buffer {
    const size = roundUp(bytes);
    const fd = this.fd as number;
    this.addon.allocate(fd, size);
    return Buffer.from(this.addon.map(fd, size));
  }

  private open(): void {
    if (this.fd === null) throw new Error(`the update journal ${this.file} is closed`);
  }
}
