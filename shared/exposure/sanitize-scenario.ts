/** Cleaning of the board format v2 scenario items: expansions, price floors and the board's prices. */
import { PRICE_FLOOR_STAGES, type PriceFloorStage } from '../board/types';
import { dict } from './dict';
import { at, isMineralKey, isRecord, itemWord, readAmounts, readId, shownValue, type Warn } from './sanitize';
import type { IdSet } from './clean-board';

/** Capacity that comes online at one node when enabled (scenario-analysis.md section 1). */
export interface CleanExpansion {
  id: string;
  enabled: boolean;
  node: string;
  capacity: Record<string, number>;
}

/** The stages a price floor can cover. */
export const FLOOR_STAGES = PRICE_FLOOR_STAGES;
/** One of FLOOR_STAGES. */
export type FloorStage = PriceFloorStage;

/** A coordinated reference price acting as a floor for one mineral at one stage. */
export interface CleanPriceFloor {
  id: string;
  enabled: boolean;
  mineral: string;
  stage: FloorStage;
  floor: number;
  /** Covered producers' countries; null covers all. */
  countries: ReadonlySet<string> | null;
  /** Countries never covered. */
  excludeCountries: ReadonlySet<string>;
}

function list(value: unknown, name: string, warn: Warn): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return Array.from(value);
  warn('bad-field', `${name} is not an array; it is ignored`, name, 'bad-field.list', { field: name });
  return [];
}

function readEnabled(raw: Record<string, unknown>, what: string, id: string, warn: Warn): boolean {
  if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean') {
    warn('bad-field', `${what} ${id} has a non-boolean enabled flag; it counts as disabled`, id, 'bad-field.enabled', { what: itemWord(what), id });
  }
  return raw.enabled === true;
}

/** Keeps the first item of each id, warning about the later ones. */
function firstOfEachId<T extends { id: string }>(items: (T | null)[], what: string, warn: Warn): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    if (item === null) continue;
    if (seen.has(item.id)) {
      warn('duplicate-id', `${what} id ${item.id} is used twice; the later one is ignored`, item.id, 'duplicate-id', { what: itemWord(what), id: item.id });
      continue;
    }
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

function cleanExpansion(raw: unknown, index: number, nodeIds: IdSet, warn: Warn): CleanExpansion | null {
  const where = at('scenario.expansions', index);
  if (!isRecord(raw)) {
    warn('bad-expansion', `expansion ${where} is not an object; it is ignored`, where, 'bad-expansion.not-object', { ref: where });
    return null;
  }
  const id = readId(raw, 'expansion', where, warn);
  if (id === null) return null;
  if (typeof raw.node !== 'string') {
    warn('bad-expansion', `expansion ${id} names no node; it is ignored`, id, 'bad-expansion.no-node', { id });
    return null;
  }
  if (!isRecord(raw.capacity)) {
    warn('bad-expansion', `expansion ${id} has no capacity object of mineral -> t/yr; it is ignored`, id, 'bad-expansion.no-capacity', { id });
    return null;
  }
  if (!nodeIds.has(raw.node)) warn('dangling-expansion', `expansion ${id} names missing node ${raw.node}; it adds nothing`, id, 'dangling-expansion', { id, node: raw.node });
  const enabled = readEnabled(raw, 'expansion', id, warn);
  return { id, enabled, node: raw.node, capacity: readAmounts(raw.capacity, 'capacity', id, warn) };
}

/** Cleans scenario.expansions against the board's node ids (an expansion of a missing node is kept, adding nothing). */
export function cleanExpansions(raw: unknown, nodeIds: IdSet, warn: Warn): CleanExpansion[] {
  const items = list(raw, 'scenario.expansions', warn);
  return firstOfEachId(items.map((item, i) => cleanExpansion(item, i, nodeIds, warn)), 'expansion', warn);
}

function readCountryList(value: unknown, field: string, id: string, warn: Warn): Set<string> | null | false {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((c) => typeof c !== 'string')) {
    warn('bad-price-floor', `price floor ${id} has ${field} that is not a list of strings; it is ignored`, id, 'bad-price-floor.countries', { id, field });
    return false;
  }
  return new Set(value as string[]);
}

function cleanPriceFloor(raw: unknown, index: number, warn: Warn): CleanPriceFloor | null {
  const where = at('scenario.priceFloors', index);
  if (!isRecord(raw)) {
    warn('bad-price-floor', `price floor ${where} is not an object; it is ignored`, where, 'bad-price-floor.not-object', { ref: where });
    return null;
  }
  const id = readId(raw, 'price floor', where, warn);
  if (id === null) return null;
  if (!isMineralKey(raw.mineral)) {
    warn('bad-price-floor', `price floor ${id} has invalid mineral ${JSON.stringify(raw.mineral) ?? 'missing'}; it is ignored`, id, 'bad-price-floor.mineral', { id, value: shownValue(raw.mineral) });
    return null;
  }
  if (typeof raw.stage !== 'string' || !(FLOOR_STAGES as readonly string[]).includes(raw.stage)) {
    warn('bad-price-floor', `price floor ${id} has stage ${JSON.stringify(raw.stage) ?? 'missing'}, not mining, refining or manufacturing; it is ignored`, id, 'bad-price-floor.stage', { id, value: shownValue(raw.stage) });
    return null;
  }
  const { floor } = raw;
  if (typeof floor !== 'number' || !Number.isFinite(floor) || floor <= 0) {
    warn('bad-price-floor', `price floor ${id} has floor ${String(floor)}, not a positive number of USD/kg; it is ignored`, id, 'bad-price-floor.floor', { id, value: shownValue(floor) });
    return null;
  }
  const countries = readCountryList(raw.countries, 'countries', id, warn);
  const excluded = readCountryList(raw.excludeCountries, 'excludeCountries', id, warn);
  if (countries === false || excluded === false) return null;
  const enabled = readEnabled(raw, 'price floor', id, warn);
  return { id, enabled, mineral: raw.mineral, stage: raw.stage as FloorStage, floor, countries, excludeCountries: excluded ?? new Set() };
}

/** Cleans scenario.priceFloors. */
export function cleanPriceFloors(raw: unknown, warn: Warn): CleanPriceFloor[] {
  const items = list(raw, 'scenario.priceFloors', warn);
  return firstOfEachId(items.map((item, i) => cleanPriceFloor(item, i, warn)), 'price floor', warn);
}

/** The board's market prices (USD/kg); a bad key or price is left out with a warning, so it never counts as 0. */
export function cleanPrices(raw: unknown, warn: Warn): Record<string, number> {
  const prices = dict<number>();
  if (raw === undefined) return prices;
  if (!isRecord(raw)) {
    warn('bad-field', 'prices is not an object of mineral -> USD/kg; it is ignored', 'prices', 'bad-field.prices', {});
    return prices;
  }
  for (const mineral of Object.keys(raw)) {
    const price = raw[mineral];
    if (!isMineralKey(mineral)) {
      warn('bad-price', `prices names an invalid mineral "${mineral}"; it is ignored`, 'prices', 'bad-price.mineral', { mineral });
    } else if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
      warn('bad-price', `prices.${mineral} is ${JSON.stringify(price) ?? String(price)}, not a number >= 0; it is ignored`, 'prices', 'bad-price.value', { mineral, value: shownValue(price) });
    } else {
      prices[mineral] = price;
    }
  }
  return prices;
}
