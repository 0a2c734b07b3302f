/**
 * The append-only file in front of the SQLite backend's updates table, written with write(2): the journal
 * where the mapped one (mapped-journal.ts) cannot be used. A stored update costs one write(2) here instead
 * of a SQLite commit (locks, B-tree pages, WAL frames); once written, it survives kill -9 of the process
 * like a commit with synchronous=NORMAL does. SqliteStorage copies the records into the table
 * in one transaction per batch and then empties the journal; at start it replays whatever a killed
 * process left behind. Records: journal-records.ts.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { decodeJournal, type JournalContents } from './journal-records';

/** An update journal file: appends records durably (kill -9 proof), reads them back, empties. */
export interface Journal {
  readonly file: string;
  /** The file's intact records (for replay at start; see decodeJournal). */
  read(): JournalContents;
  /** Appends encoded records; on return they survive kill -9. Throws, leaving no torn record, if they could not. */
  append(bytes: Uint8Array): void;
  /** Empties the journal (its records are in SQLite). */
  truncate(): void;
  /** Closes the file (its records stay for the next start to replay). */
  close(): void;
}

/** One journal file, open for appending with write(2). */
export class UpdateJournal implements Journal {
  private fd: number | null;
  /** Bytes in the file: every append ends here, and a failed one is cut back to it. */
  private length: number;
  /** Set when a failed append could not be cut back: the file may end in a torn record, so nothing more may follow it. */
  private brokenBy: Error | null = null;

  /** Opens (creating if needed) the journal at `file`. */
  constructor(readonly file: string) {
    this.fd = openSync(file, 'a+');
    this.length = fstatSync(this.fd).size;
  }

  /** Reads the file's intact records (for replay at start; see decodeJournal). */
  read(): JournalContents {
    const fd = this.open();
    const bytes = Buffer.allocUnsafe(this.length);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeJournal(bytes.subarray(0, read));
  }

  /**
   * Appends encoded records; on return they are in the OS's page cache (kill -9 proof). Throws if they
   * could not all be written, after cutting the file back so no torn record is left in front of later ones.
   */
  append(bytes: Uint8Array): void {
    const fd = this.open();
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      this.length += bytes.length;
    } catch (error) {
      try {
        ftruncateSync(fd, this.length);
      } catch (cutError) {
        this.brokenBy = cutError instanceof Error ? cutError : new Error(String(cutError));
      }
      throw error;
    }
  }

  /** Cuts the file to its first `bytes` bytes (0: empties it, once its records are in SQLite). */
  truncate(bytes = 0): void {
    const fd = this.open();
    if (bytes === this.length) return;
    try {
      ftruncateSync(fd, bytes);
      this.length = bytes;
    } catch (error) {
      this.brokenBy = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  /** Closes the file (its records stay for the next start to replay). */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private open(): number {
    if (this.brokenBy) throw new Error(`the update journal ${this.file} is unusable: ${this.brokenBy.message}`);
    if (this.fd === null) throw new Error(`the update journal ${this.file} is closed`);
    return this.fd;
  }
}
