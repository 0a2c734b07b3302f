/**
 * WAL checkpoints of a SQLite file on a worker thread. A checkpoint copies the WAL's pages into the database
 * and fsyncs both; run by the connection that commits (SQLite's automatic checkpoint), it stalls the event
 * loop for milliseconds every few hundred commits, and every delivery waiting behind it. On its own
 * connection in a worker thread it only costs that thread's time.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints (a PASSIVE checkpoint never waits for readers or writers). */
export const CHECKPOINT_EVERY_MS = 1000;

// CommonJS run by the worker (eval), so it needs no transpiler under tsx or vitest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** A running checkpoint worker for one database file. */
export class SqliteCheckpointer {
  private readonly worker: Worker;
  private stopped: Promise<void> | null = null;
  private exited = false;

  /** Starts checkpointing `file` every `everyMs`; `onError` hears failed checkpoints (the WAL then grows until the next one works). */
  constructor(file: string, onError: (message: string) => void, everyMs = CHECKPOINT_EVERY_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) onError(message.error);
    });
    this.worker.on('error', (error) => onError(error.message));
    this.worker.on('exit', () => (this.exited = true));
    // Never keeps the process alive on its own.
    this.worker.unref();
  }

  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('stop');
      // A worker stuck on a lock must not hold up shutdown.
      setTimeout(() => void this.worker.terminate(), 5000).unref();
    });
    return this.stopped;
  }
}
