/**
 * The exposure worker's logic without the worker: one incremental engine, requests in, replies out, in
 * two phases: `handle` answers with the immediate figures (no rerouting, so a lever toggle shows at once),
 * `adapted` then adds the reroute blocks.
 */
import { dict } from '../../shared/exposure/dict';
import { ExposureEngine } from '../../shared/exposure/engine';
import type { MineralReport, RerouteReport } from '../../shared/exposure/types';
import type { ExposureReply, ExposureRequest } from './exposure-protocol';
import { mineralUpdate, rerouteUpdate, type MineralUpdate, type RerouteUpdate } from './report-patch';

/** Critical nodes kept per consumer on the board page (the CLI and the REST API report them all). */
export const CRITICAL_PER_CONSUMER = 8;

/** Applies loads and patches to one engine; each reply carries only what changed since the previous one. */
export class ExposureCore {
  private readonly engine = new ExposureEngine(undefined, { consumerCriticalLimit: CRITICAL_PER_CONSUMER });
  /** The mineral reports the page holds; null until a load (or after a failed patch). */
  private sent: Map<string, MineralReport> | null = null;
  /** The reroute blocks the page holds. */
  private sentReroutes = new Map<string, RerouteReport>();
  /** The request whose adapted phase is still owed, or null. */
  private owed: number | null = null;

  /** The immediate reply to one request (`now` gives milliseconds, for the compute time). */
  handle(request: ExposureRequest, now: () => number = () => performance.now()): ExposureReply {
    const started = now();
    if (request.type === 'load') {
      this.engine.load(request.board);
      this.sent = new Map();
      this.sentReroutes = new Map();
    } else {
      if (this.sent === null || !request.volumes.every(([id, volume]) => this.engine.setEdgeVolume(id, volume))) {
        this.sent = null;
        this.owed = null;
        return { id: request.id, type: 'stale' };
      }
      if (request.disruptions !== null) this.engine.setDisruptions(request.disruptions);
    }
    const report = this.engine.report({ reroute: false });
    const minerals = Object.keys(report.minerals);
    const changed = dict<MineralUpdate>();
    for (const name of minerals) {
      const before = this.sent.get(name);
      if (before === report.minerals[name]) continue;
      changed[name] = mineralUpdate(before, report.minerals[name]);
      // A mineral the page did not hold comes without a reroute block there: its next one goes whole.
      if (before === undefined) this.sentReroutes.delete(name);
    }
    for (const name of this.sentReroutes.keys()) if (!Object.prototype.hasOwnProperty.call(report.minerals, name)) this.sentReroutes.delete(name);
    this.sent = new Map(minerals.map((name) => [name, report.minerals[name]]));
    this.owed = request.id;
    return { id: request.id, type: 'report', minerals, changed, priceFloors: report.priceFloors, warnings: report.warnings, computeMs: now() - started };
  }

  /** The adapted phase of the last handled request (the reroute blocks that changed), or null when none is owed. */
  adapted(now: () => number = () => performance.now()): ExposureReply | null {
    if (this.owed === null || this.sent === null) return null;
    const id = this.owed;
    this.owed = null;
    const started = now();
    const report = this.engine.report();
    const reroutes = dict<RerouteUpdate>();
    const kept = new Map<string, RerouteReport>();
    for (const [name, mineral] of Object.entries(report.minerals)) {
      if (mineral.reroute === undefined) continue;
      kept.set(name, mineral.reroute);
      const before = this.sentReroutes.get(name);
      if (before !== mineral.reroute) reroutes[name] = rerouteUpdate(before, mineral.reroute);
    }
    this.sentReroutes = kept;
    return { id, type: 'adapted', reroutes, computeMs: now() - started };
  }
}
