/**
 * Messages between the page and the exposure worker: board changes in; out, first the immediate figures
 * (the mineral reports that changed, without rerouting), then the adapted ones (the reroute blocks that changed).
 * Changed reports travel as updates (report-patch.ts): whole the first time, then only their changed parts.
 */
import type { Board, Disruption } from '../../shared/board/types';
import { dict } from '../../shared/exposure/dict';
import type { ExposureReport, ExposureWarning, MineralReport, PriceFloorReport } from '../../shared/exposure/types';
import { applyMineralUpdate, applyRerouteUpdate, type MineralUpdate, type RerouteUpdate } from './report-patch';

/** Page -> worker: a whole board, or the volume and lever changes since the last message. */
export type ExposureRequest =
  | { id: number; type: 'load'; board: Board }
  | { id: number; type: 'patch'; volumes: [string, number][]; disruptions: Disruption[] | null };

/** Worker -> page: the minerals in report order, updates of the reports that changed since the last reply, all warnings. */
export type ExposureReply =
  | { id: number; type: 'report'; minerals: string[]; changed: Record<string, MineralUpdate>; priceFloors: PriceFloorReport[]; warnings: ExposureWarning[]; computeMs: number }
  /** The adapted phase of request `id`: updates of the reroute blocks that changed since the last adapted reply. */
  | { id: number; type: 'adapted'; reroutes: Record<string, RerouteUpdate>; computeMs: number }
  /** The patch could not be applied (unknown edge): the page sends the whole board. */
  | { id: number; type: 'stale' };

/**
 * The full report from the previous one and an immediate reply: unchanged minerals (and, in changed ones, unchanged
 * consumers) keep their object identity; a changed mineral keeps its previous reroute block until the adapted reply replaces it.
 */
export function mergeReport(prev: ExposureReport | null, reply: Extract<ExposureReply, { type: 'report' }>): ExposureReport {
  const minerals = dict<MineralReport>();
  for (const name of reply.minerals) {
    const before = prev?.minerals[name];
    if (!Object.prototype.hasOwnProperty.call(reply.changed, name)) {
      if (before === undefined) throw new Error(`exposure worker: no report for ${name}`);
      minerals[name] = before;
      continue;
    }
    const report = applyMineralUpdate(before, reply.changed[name]);
    const kept = before?.reroute;
    minerals[name] = kept !== undefined && report.reroute === undefined ? { ...report, reroute: kept } : report;
  }
  return { minerals, priceFloors: reply.priceFloors, warnings: reply.warnings };
}

/** The report with an adapted reply's reroute blocks in place (minerals without a new block keep theirs and their identity). */
export function mergeAdapted(prev: ExposureReport, reply: Extract<ExposureReply, { type: 'adapted' }>): ExposureReport {
  const names = Object.keys(reply.reroutes).filter((name) => Object.prototype.hasOwnProperty.call(prev.minerals, name));
  if (names.length === 0) return prev;
  const minerals = dict<MineralReport>();
  for (const [name, report] of Object.entries(prev.minerals)) {
    minerals[name] = names.includes(name) ? { ...report, reroute: applyRerouteUpdate(report.reroute, reply.reroutes[name]) } : report;
  }
  return { ...prev, minerals };
}
