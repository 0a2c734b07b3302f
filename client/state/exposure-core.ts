/** The exposure worker's logic without the worker: one incremental engine, requests in, replies out. */
import { dict } from '../../shared/exposure/dict';
import { ExposureEngine } from '../../shared/exposure/engine';
import type { MineralReport } from '../../shared/exposure/types';
import type { ExposureReply, ExposureRequest } from './exposure-protocol';

/** Critical nodes kept per consumer on the board page (the CLI and the REST API report them all). */
export const CRITICAL_PER_CONSUMER = 8;

/** Applies loads and patches to one engine; each reply carries only the mineral reports that changed. */
export class ExposureCore {
  private readonly engine = new ExposureEngine(undefined, { consumerCriticalLimit: CRITICAL_PER_CONSUMER });
  /** The mineral reports the page holds; null until a load (or after a failed patch). */
  private sent: Map<string, MineralReport> | null = null;

  /** The reply to one request (`now` gives milliseconds, for the compute time). */
  handle(request: ExposureRequest, now: () => number = () => performance.now()): ExposureReply {
    const started = now();
    if (request.type === 'load') {
      this.engine.load(request.board);
      this.sent = new Map();
    } else {
      if (this.sent === null || !request.volumes.every(([id, volume]) => this.engine.setEdgeVolume(id, volume))) {
        this.sent = null;
        return { id: request.id, type: 'stale' };
      }
      if (request.disruptions !== null) this.engine.setDisruptions(request.disruptions);
    }
    const report = this.engine.report();
    const minerals = Object.keys(report.minerals);
    const changed = dict<MineralReport>();
    for (const name of minerals) if (this.sent.get(name) !== report.minerals[name]) changed[name] = report.minerals[name];
    this.sent = new Map(minerals.map((name) => [name, report.minerals[name]]));
    return { id: request.id, type: 'report', minerals, changed, priceFloors: report.priceFloors, warnings: report.warnings, computeMs: now() - started };
  }
}
