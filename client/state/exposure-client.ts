/**
 * The page's side of the exposure worker: sends each board as a delta, mirrors the worker's replies into one
 * report. Loaded by use-exposure.ts right after the first draw (the first report needs the worker anyway).
 */
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import { exposureDelta } from './exposure-delta';
import { mergeAdapted, mergeReport, type ExposureReply, type ExposureRequest } from './exposure-protocol';
import type { ExposureState } from './types';

/** The exposure worker, or null when this browser has none. */
export function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./exposure.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** A JSON copy: values JSON cannot hold (a BigInt, a cycle) are left out. */
function plainCopy<T>(value: T): T {
  const seen = new WeakSet<object>();
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return undefined;
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return undefined;
      seen.add(v);
    }
    return v;
  })) as T;
}

/** The page's side of the worker: sends each board as a delta from the last one, mirrors the worker's report. */
export class ExposureClient {
  private id = 0;
  /** The board the worker holds once it has read every message sent. */
  private base: Board | null = null;
  /** Replies to messages before this id are ignored after a failed patch (a reload is on its way). */
  private reloadId = 0;
  private mirror: ExposureReport | null = null;
  /** Milliseconds of the last immediate phase (the adapted reply adds its own). */
  private immediateMs = 0;

  constructor(private readonly worker: Worker, private readonly onReport: (state: ExposureState) => void) {
    worker.onmessage = (event: MessageEvent<ExposureReply>) => this.receive(event.data);
  }

  /** Sends what changed between the last board and `board` (nothing when exposure cannot change). */
  update(board: Board): void {
    const delta = exposureDelta(this.base, board);
    this.base = board;
    if (delta.type === 'none') return;
    const request: ExposureRequest = delta.type === 'load'
      ? { id: ++this.id, type: 'load', board }
      : { id: ++this.id, type: 'patch', volumes: delta.volumes, disruptions: delta.disruptions };
    this.post(request);
  }

  /**
   * Posts to the worker. The board reader hands over plain data only, but should a value ever not survive
   * a structured clone (DataCloneError), a JSON copy of the board goes instead (what JSON cannot hold is
   * left out) rather than the exception breaking the page.
   */
  private post(request: ExposureRequest): void {
    try {
      this.worker.postMessage(request);
    } catch (error) {
      console.warn('Lodestone: the board could not be handed to the exposure worker as it is; sending a plain copy.', error);
      this.worker.postMessage(request.type === 'load' ? { ...request, board: plainCopy(request.board) } : plainCopy(request));
    }
  }

  private receive(reply: ExposureReply): void {
    if (reply.id < this.reloadId) return;
    if (reply.type === 'stale') {
      this.reloadId = ++this.id;
      if (this.base) this.post({ id: this.reloadId, type: 'load', board: this.base });
      return;
    }
    // Every reply updates the mirror (the worker sends only what changed since its previous reply).
    if (reply.type === 'adapted') {
      if (this.mirror === null) return;
      this.mirror = mergeAdapted(this.mirror, reply);
      if (reply.id === this.id) this.onReport({ report: this.mirror, computeMs: this.immediateMs + reply.computeMs, adaptedPending: false });
      return;
    }
    this.mirror = mergeReport(this.mirror, reply);
    this.immediateMs = reply.computeMs;
    if (reply.id === this.id) this.onReport({ report: this.mirror, computeMs: reply.computeMs, adaptedPending: true });
  }
}
