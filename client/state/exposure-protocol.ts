/** Messages between the page and the exposure worker: board changes in, changed mineral reports out. */
import type { Board, Disruption } from '../../shared/board/types';
import { dict } from '../../shared/exposure/dict';
import type { ExposureReport, ExposureWarning, MineralReport, PriceFloorReport } from '../../shared/exposure/types';

/** Page -> worker: a whole board, or the volume and lever changes since the last message. */
export type ExposureRequest =
  | { id: number; type: 'load'; board: Board }
  | { id: number; type: 'patch'; volumes: [string, number][]; disruptions: Disruption[] | null };

/** Worker -> page: the minerals in report order, the reports that changed since the last reply, all warnings. */
export type ExposureReply =
  | { id: number; type: 'report'; minerals: string[]; changed: Record<string, MineralReport>; priceFloors: PriceFloorReport[]; warnings: ExposureWarning[]; computeMs: number }
  /** The patch could not be applied (unknown edge): the page sends the whole board. */
  | { id: number; type: 'stale' };

/** The full report from the previous one and a reply: unchanged minerals keep their object identity. */
export function mergeReport(prev: ExposureReport | null, reply: Extract<ExposureReply, { type: 'report' }>): ExposureReport {
  const minerals = dict<MineralReport>();
  for (const name of reply.minerals) {
    const report = Object.prototype.hasOwnProperty.call(reply.changed, name) ? reply.changed[name] : prev?.minerals[name];
    if (report === undefined) throw new Error(`exposure worker: no report for ${name}`);
    minerals[name] = report;
  }
  return { minerals, priceFloors: reply.priceFloors, warnings: reply.warnings };
}
