/** What changed in the exposure report between two boards: per consumer and mineral, per mineral, per price floor. Pure. */
import type { ConsumerReport, ExposureReport, MineralReport, TopCountry } from './types';

/** The exposure numbers of one consumer for one mineral that a comparison shows. */
export interface ConsumerExposure {
  delivered: number;
  shortfall: number;
  shortfallPct: number;
  stockDays: number | null;
  survives: boolean;
  refiningHhi: number;
  miningHhi: number;
  refiningTop: TopCountry | null;
  miningTop: TopCountry | null;
  demandGap: number;
  stockNeeded: number;
  /** After rerouting (null when the report has no reroute block). */
  reroutedDelivered: number | null;
  reroutedShortfall: number | null;
  reroutedSurvives: boolean | null;
}

/** after - before of the numeric exposure fields, a missing side counting as 0. */
export interface ExposureChange {
  delivered: number;
  shortfall: number;
  shortfallPct: number;
  refiningHhi: number;
  miningHhi: number;
  demandGap: number;
  stockNeeded: number;
  reroutedDelivered: number;
  reroutedShortfall: number;
}

/** How one consumer's exposure to one mineral moved; `before`/`after` null when absent on that side. */
export interface ExposureDelta {
  mineral: string;
  consumer: string;
  before: ConsumerExposure | null;
  after: ConsumerExposure | null;
  delta: ExposureChange;
}

/** The per-mineral figures a comparison shows. */
export interface MineralExposure {
  stockpileGap: number;
  stockpileGapCost: number | null;
  reroutedShortfall: number | null;
  reroutedStockpileGap: number | null;
  delayGap: number | null;
  pooledStock: number | null;
  separateStock: number | null;
  crmaProcessing: number | null;
  crmaMeetsAll: boolean | null;
}

/** How one mineral's figures moved (numeric fields after - before, missing or null counting as 0). */
export interface MineralDelta {
  mineral: string;
  before: MineralExposure | null;
  after: MineralExposure | null;
  delta: Record<'stockpileGap' | 'reroutedShortfall' | 'reroutedStockpileGap' | 'delayGap' | 'pooledStock' | 'separateStock', number>;
}

/** How one price floor's annual cost moved. */
export interface PriceFloorDelta {
  id: string;
  before: number | null;
  after: number | null;
  delta: number;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function consumerExposure(c: ConsumerReport, rerouted: MineralReport['reroute'], id: string): ConsumerExposure {
  const top = (t: TopCountry | null): TopCountry | null => (t === null ? null : { country: t.country, share: t.share });
  const r = rerouted !== undefined && hasOwn(rerouted.consumers, id) ? rerouted.consumers[id] : null;
  return {
    delivered: c.delivered,
    shortfall: c.shortfall,
    shortfallPct: c.shortfallPct,
    stockDays: c.stockDays,
    survives: c.survives,
    refiningHhi: c.stages.refining.hhi,
    miningHhi: c.stages.mining.hhi,
    refiningTop: top(c.stages.refining.top),
    miningTop: top(c.stages.mining.top),
    demandGap: c.demandGap,
    stockNeeded: c.stockNeeded,
    reroutedDelivered: r === null ? null : r.delivered,
    reroutedShortfall: r === null ? null : r.shortfall,
    reroutedSurvives: r === null ? null : r.survives,
  };
}

function lookup(report: ExposureReport, mineral: string, consumer: string): ConsumerExposure | null {
  if (!hasOwn(report.minerals, mineral)) return null;
  const m = report.minerals[mineral];
  return hasOwn(m.consumers, consumer) ? consumerExposure(m.consumers[consumer], m.reroute, consumer) : null;
}

function pairsOf(report: ExposureReport): Array<[string, string]> {
  return Object.keys(report.minerals).flatMap((m) => Object.keys(report.minerals[m].consumers).map((c): [string, string] => [m, c]));
}

/** One delta per (mineral, consumer) reported on either side, ordered by mineral then consumer. */
export function diffExposure(from: ExposureReport, to: ExposureReport): ExposureDelta[] {
  const pairs = new Map<string, [string, string]>();
  for (const pair of [...pairsOf(from), ...pairsOf(to)]) pairs.set(JSON.stringify(pair), pair);
  const sorted = [...pairs.values()].sort((x, y) => byCodeUnits(x[0], y[0]) || byCodeUnits(x[1], y[1]));
  return sorted.map(([mineral, consumer]) => {
    const before = lookup(from, mineral, consumer);
    const after = lookup(to, mineral, consumer);
    const change = (key: keyof ExposureChange): number => (after?.[key] ?? 0) - (before?.[key] ?? 0);
    const delta: ExposureChange = {
      delivered: change('delivered'),
      shortfall: change('shortfall'),
      shortfallPct: change('shortfallPct'),
      refiningHhi: change('refiningHhi'),
      miningHhi: change('miningHhi'),
      demandGap: change('demandGap'),
      stockNeeded: change('stockNeeded'),
      reroutedDelivered: change('reroutedDelivered'),
      reroutedShortfall: change('reroutedShortfall'),
    };
    return { mineral, consumer, before, after, delta };
  });
}

function mineralExposure(report: ExposureReport, mineral: string): MineralExposure | null {
  if (!hasOwn(report.minerals, mineral)) return null;
  const m = report.minerals[mineral];
  const rerouted = m.reroute;
  return {
    stockpileGap: m.stockpileGap,
    stockpileGapCost: m.stockpileGapCost,
    reroutedShortfall: rerouted === undefined ? null : Object.values(rerouted.consumers).reduce((s, c) => s + c.shortfall, 0),
    reroutedStockpileGap: rerouted === undefined ? null : rerouted.stockpileGap,
    delayGap: rerouted === undefined ? null : rerouted.delayGap,
    pooledStock: m.stressTest === undefined ? null : m.stressTest.pooledStock,
    separateStock: m.stressTest === undefined ? null : m.stressTest.separateStock,
    crmaProcessing: m.crma === null ? null : m.crma.processing,
    crmaMeetsAll: m.crma === null ? null : Object.values(m.crma.meets).every(Boolean),
  };
}

/** One delta per mineral reported on either side (stockpile gap, rerouted shortfall and gap, stress-test stocks), by mineral. */
export function diffMinerals(from: ExposureReport, to: ExposureReport): MineralDelta[] {
  const minerals = [...new Set([...Object.keys(from.minerals), ...Object.keys(to.minerals)])].sort(byCodeUnits);
  return minerals.map((mineral) => {
    const before = mineralExposure(from, mineral);
    const after = mineralExposure(to, mineral);
    const change = (key: keyof MineralDelta['delta']) => ((after?.[key] as number | null | undefined) ?? 0) - ((before?.[key] as number | null | undefined) ?? 0);
    return {
      mineral, before, after,
      delta: {
        stockpileGap: change('stockpileGap'), reroutedShortfall: change('reroutedShortfall'), reroutedStockpileGap: change('reroutedStockpileGap'),
        delayGap: change('delayGap'), pooledStock: change('pooledStock'), separateStock: change('separateStock'),
      },
    };
  });
}

/** One delta per price floor enabled on either side, by id. */
export function diffPriceFloors(from: ExposureReport, to: ExposureReport): PriceFloorDelta[] {
  const cost = (r: ExposureReport) => new Map(r.priceFloors.map((p) => [p.id, p.annualCost]));
  const before = cost(from);
  const after = cost(to);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(byCodeUnits);
  return ids.map((id) => {
    const b = before.has(id) ? before.get(id)! : null;
    const a = after.has(id) ? after.get(id)! : null;
    return { id, before: b, after: a, delta: (a ?? 0) - (b ?? 0) };
  });
}
