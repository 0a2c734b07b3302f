/**
 * WAL checkpoints of a SQLite file on a worker thread. A checkpoint copies the WAL's pages into the database
 * and fsyncs both; run by the connection that commits (SQLite's automatic checkpoint), it stalls the event
 * loop for milliseconds every few hundred commits, and every delivery waiting behind it. On its own
 * connection in a worker thread it only costs that thread's time. It runs once enough commits have piled
 * up, or a while after the last one: each checkpoint costs an fsync whatever it copies, and a page written
 * by many commits (the tail of the updates table) is copied once per checkpoint, not once per commit.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** When the worker checkpoints. */
export interface CheckpointPolicy {
  /** How often the worker looks at the commit count. */
  checkEveryMs: number;
  /** Checkpoint once this many commits were noted since the last checkpoint. */
  commitsPerCheckpoint: number;
  /** Checkpoint at least this often (which also covers writes that were not noted; an empty WAL makes it a no-op). */
  maxWaitMs: number;
}

/** About 2 MB to 8 MB of WAL at 1 to 4 pages per commit; a quiet board is checkpointed within 10 s. */
export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { checkEveryMs: 1000, commitsPerCheckpoint: 500, maxWaitMs: 10_000 };

// CommonJS run by the worker (eval), so it needs no transpiler under tsx or vitest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { checkEveryMs, commitsPerCheckpoint, maxWaitMs } = workerData.policy;
const commits = new Int32Array(workerData.commits);
const db = new Database(workerData.file);
let seen = 0;
let checkpointedAt = Date.now();
const checkpoint = () => {
  seen = Atomics.load(commits, 0);
  checkpointedAt = Date.now();
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(() => {
  const pending = Atomics.load(commits, 0) - seen;
  if (pending >= commitsPerCheckpoint || Date.now() - checkpointedAt >= maxWaitMs) checkpoint();
}, checkEveryMs);
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
  /** Commits noted so far (wraps after 2^31, which only shifts one checkpoint). */
  private readonly commits = new Int32Array(new SharedArrayBuffer(4));
  private stopped: Promise<void> | null = null;
  private exited = false;

  /** Starts checkpointing `file` as `policy` says; `onError` hears failed checkpoints (the WAL then grows until the next one works). */
  constructor(file: string, onError: (message: string) => void, policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, policy, commits: this.commits.buffer } });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) onError(message.error);
    });
    this.worker.on('error', (error) => onError(error.message));
    this.worker.on('exit', () => (this.exited = true));
    // Never keeps the process alive on its own.
    this.worker.unref();
  }

  /** Counts a commit towards the next checkpoint. */
  noteCommit(): void {
    Atomics.add(this.commits, 0, 1);
  }

  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      // Unreferenced, the worker would let the process exit before its last checkpoint and before the
      // caller's `await` resumes (nothing else may be keeping the event loop alive during shutdown).
      this.worker.ref();
      this.worker.postMessage('stop');
      // A worker stuck on a lock must not hold up shutdown.
      setTimeout(() => void this.worker.terminate(), 5000).unref();
    });
    return this.stopped;
  }
}
