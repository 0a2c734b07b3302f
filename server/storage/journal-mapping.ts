/** Loads native/journal-mmap (built by `npm install`'s postinstall), or says it is not there. */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The addon's two calls (see native/journal-mmap/journal_mmap.c). */
export interface JournalMapping {
  /** A shared read-write mapping of the file's first `length` bytes, unmapped when garbage-collected. */
  map(fd: number, length: number): ArrayBuffer;
  /** Allocates the file's blocks up to `length` (posix_fallocate); throws with code ENOSPC on a full disk. */
  allocate(fd: number, length: number): void;
}

const ADDON = join(import.meta.dirname, '../../native/journal-mmap/build/Release/journal_mmap.node');
let addon: JournalMapping | null | undefined;

/** The addon, or null when it did not build (the journal then writes with write(2)). */
export function journalMapping(): JournalMapping | null {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url)(ADDON) as JournalMapping;
    } catch {
      addon = null;
    }
  }
  return addon;
}
