/** The exposure report as a table: one CSV row per mineral and consumer, numbers exactly as the engine computed them. */
import type { ConsumerReport, ExposureReport, RerouteConsumer, TopCountry } from '../exposure/types';
import { numberCell, spreadsheetSafe } from './cells';
import { writeCsv } from './csv';

/** The columns of exposureToCsv, in order. */
export const EXPOSURE_COLUMNS = [
  'mineral', 'consumer', 'label', 'demand', 'supplied', 'delivered', 'shortfall', 'shortfallPct', 'stockDays', 'disruptionDays',
  'survives', 'secondaryShare', 'miningTop', 'miningTopShare', 'miningHhi', 'refiningTop', 'refiningTopShare', 'refiningHhi',
  'benchmark65Mining', 'benchmark65Refining',
  'demandGap', 'stockNeeded', 'reroutedDelivered', 'reroutedShortfall', 'reroutedSurvives', 'reroutedStockNeeded',
] as const;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function topCells(top: TopCountry | null): [string, string] {
  return top === null ? ['', ''] : [top.country, numberCell(top.share)];
}

function consumerRow(mineral: string, id: string, c: ConsumerReport, label: string, r: RerouteConsumer | undefined): string[] {
  return [
    mineral, id, spreadsheetSafe(label),
    numberCell(c.demand), numberCell(c.supplied), numberCell(c.delivered), numberCell(c.shortfall), numberCell(c.shortfallPct),
    c.stockDays === null ? '' : numberCell(c.stockDays), numberCell(c.disruptionDays), String(c.survives), numberCell(c.secondaryShare),
    ...topCells(c.stages.mining.top), numberCell(c.stages.mining.hhi),
    ...topCells(c.stages.refining.top), numberCell(c.stages.refining.hhi),
    String(c.benchmark65.mining), String(c.benchmark65.refining),
    numberCell(c.demandGap), numberCell(c.stockNeeded),
    // Rerouted cells are empty when the report was computed without rerouting.
    r === undefined ? '' : numberCell(r.delivered), r === undefined ? '' : numberCell(r.shortfall),
    r === undefined ? '' : String(r.survives), r === undefined ? '' : numberCell(r.stockNeeded),
  ];
}

/** The CSV rows of a report (header first), by mineral then consumer id. */
export function exposureRows(report: ExposureReport, labels?: ReadonlyMap<string, string>): string[][] {
  const rows: string[][] = [[...EXPOSURE_COLUMNS]];
  for (const mineral of Object.keys(report.minerals).sort(byCodeUnits)) {
    const { consumers, reroute } = report.minerals[mineral];
    for (const id of Object.keys(consumers).sort(byCodeUnits)) rows.push(consumerRow(mineral, id, consumers[id], labels?.get(id) ?? '', reroute?.consumers[id]));
  }
  return rows;
}

/**
 * The exposure report as CSV (CRLF, no byte order mark): one row per mineral x consumer with demand,
 * supply, shortfall, stock and disruption days, survival, secondary share, top country, share and HHI per
 * stage, the EU 65 % benchmark flags, then the demand gap, the stock needed, and after rerouting the delivered
 * amount, shortfall, survival and stock needed (empty without rerouting). Numbers are plain and unrounded; no stock days (no shortfall) and
 * no top country are empty cells. `labels` maps consumer ids to labels (empty when absent).
 */
export function exposureToCsv(report: ExposureReport, labels?: ReadonlyMap<string, string>): string {
  return writeCsv(exposureRows(report, labels));
}
