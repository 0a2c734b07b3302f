/**
 * The SQLite backend's updates on their way from the update journal (mapped or write(2), see open-journal.ts) into the updates
 * table: appended to the journal at once (durable), copied into the table in one transaction a while later
 * or when many are waiting, and replayed from the journal at start after a kill.
 */
import { encodeJournalBatch, type JournalRecord } from './journal-records';
import type { Journal } from './update-journal';

/** When journaled updates are copied into the table: this long after the first one waiting… */
const COPY_AFTER_MS = 1000;
/** …or as soon as this many updates, or bytes of them, are waiting. */
const COPY_AT_UPDATES = 2000;
const COPY_AT_BYTES = 4 * 1024 * 1024;

/** Updates of one board written to the journal and not yet copied into the table. */
interface JournaledBatch {
  boardId: string;
  firstSeq: number;
  updates: readonly Uint8Array[];
}

/** What the pipeline needs from the database. */
export interface JournalTarget {
  /**
   * Inserts records in one transaction. `replay`: records a killed process left, which may already be in
   * the table or belong to boards deleted since (skipped); otherwise every record is new (a clash throws).
   */
  copy(records: readonly JournalRecord[], replay: boolean): void;
  /** Hears a failed background copy, and a torn tail dropped at replay. */
  warn(message: string): void;
}

/** Expands journaled batches into one record per update. */
function recordsOf(batches: readonly JournaledBatch[]): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const { boardId, firstSeq, updates } of batches) updates.forEach((data, i) => records.push({ boardId, seq: firstSeq + i, data }));
  return records;
}

/** One database's journaled updates. */
export class JournaledUpdates {
  private waiting: JournaledBatch[] = [];
  private waitingUpdates = 0;
  private waitingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(private readonly journal: Journal, private readonly target: JournalTarget) {}

  /** At start: copies what a killed process left in the journal, drops a torn tail (with a warning), and empties it. */
  replay(): void {
    const { records, tailBytes } = this.journal.read();
    if (records.length > 0) this.target.copy(records, true);
    if (tailBytes > 0) this.target.warn(`dropped ${tailBytes} bytes of a torn or corrupt record at the end of ${this.journal.file} (after ${records.length} intact updates)`);
    // Always: a file of zeros (a mapped journal's padding) is emptied too, so appends start at its beginning.
    this.journal.truncate();
  }

  /** Makes consecutive updates of a board durable, the first at `firstSeq`: encoded whole first (a bad update writes none), then written in one call. */
  append(boardId: string, firstSeq: number, updates: readonly Uint8Array[]): void {
    const encoded = encodeJournalBatch(boardId, firstSeq, updates);
    this.journal.append(encoded);
    this.waiting.push({ boardId, firstSeq, updates });
    this.waitingUpdates += updates.length;
    this.waitingBytes += encoded.length;
    this.schedule();
  }

  /** Copies the waiting updates into the table in one transaction, then empties the journal; throws (keeping them) if the copy fails. */
  copyNow(): void {
    this.cancel();
    if (this.waiting.length === 0) return;
    this.target.copy(recordsOf(this.waiting), false);
    this.waiting = [];
    this.waitingUpdates = 0;
    this.waitingBytes = 0;
    this.journal.truncate();
  }

  /** Stops the scheduled copy and closes the journal file (copyNow first to copy what waits; what does not stays for the next start). */
  close(): void {
    this.cancel();
    this.journal.close();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  /** Schedules the copy: soon when much is waiting, else after a while. */
  private schedule(): void {
    if (this.immediate) return;
    if (this.waitingUpdates >= COPY_AT_UPDATES || this.waitingBytes >= COPY_AT_BYTES) {
      this.cancel();
      this.immediate = setImmediate(this.copyInBackground);
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(this.copyInBackground, COPY_AFTER_MS);
    this.timer.unref();
  }

  private readonly copyInBackground = (): void => {
    this.timer = null;
    this.immediate = null;
    try {
      this.copyNow();
    } catch (error) {
      // The updates stay in the journal (durable) and in memory; the next append or read tries again.
      this.target.warn(`copying journaled updates into the database failed (they stay in the journal): ${(error as Error).message}`);
    }
  };
}
