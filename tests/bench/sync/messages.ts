/** The IPC protocol between the sync benchmark's parent and its client workers. */

/** One client a worker opens: its global index and, for writers, the writer id (0-based). */
export interface ClientSpec {
  index: number;
  writer: number | null;
}

/** The wire protocol a server speaks: y-websocket's (Lodestone, the references) or Hocuspocus's. */
export type SyncProtocol = 'y-websocket' | 'hocuspocus';

/** Commands the parent sends; each gets one reply with the same id. */
export type WorkerCommand =
  | { cmd: 'connect'; protocol: SyncProtocol; serverUrl: string; room: string; token: string | null; clients: ClientSpec[]; timeoutMs: number }
  /** Each writer of the worker sends `ratePerWriter` edits/s from startAt for durationMs, spread evenly over totalWriters. */
  | { cmd: 'fixed'; phase: string; startAt: number; durationMs: number; ratePerWriter: number; totalWriters: number }
  /** Each writer sends as fast as it can from startAt for durationMs, with at most `window` edits not yet seen by another client of the worker. */
  | { cmd: 'full'; phase: string; startAt: number; durationMs: number; window: number }
  /** Delivered count and last delivery time of a phase (optionally with every latency sample). */
  | { cmd: 'stats'; phase: string; latencies: boolean }
  | { cmd: 'cpu' }
  | { cmd: 'clock' }
  | { cmd: 'disconnect' };

/** A request as sent over IPC. */
export type WorkerRequest = WorkerCommand & { id: number };

/** What a writer of a worker sent in a phase. */
export interface SentReport {
  writer: number;
  sent: number;
}

/** Replies, by command. */
export interface ConnectReply { connected: number; ms: number }
export interface PhaseReply { sent: SentReport[] }
export interface StatsReply {
  /** (edit, receiver) pairs seen for edits of other clients. */
  delivered: number;
  /** Time (performance.timeOrigin + now) of the last delivery, 0 if none. */
  lastAt: number;
  /** Receive time minus send time per delivery, ms (only when asked). */
  latencies?: number[];
  /** Provider disconnects seen since connect (a healthy run has 0). */
  disconnects: number;
}
export interface CpuReply { cpuMs: number }
export interface ClockReply { now: number }

/** A reply as sent over IPC. */
export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Wall clock with sub-millisecond resolution, comparable across processes on one machine. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();
