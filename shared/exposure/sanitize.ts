import { ITEM_ID_PATTERN, MINERAL_KEY_PATTERN } from '../board/types';
import { dict } from './dict';
import { ENGINE_KINDS, type EngineKind } from './node-table';
import type { ExposureWarning, WarningValues } from './types';

/** A node the engine can trust: valid kind, country and amounts. */
export interface CleanNode {
  id: string;
  kind: EngineKind;
  country: string;
  capacity: Record<string, number>;
  demand: Record<string, number>;
  stock: Record<string, number>;
  hasDemand: boolean;
  /** Days the node needs to recover if it stops (v2), or null. */
  recoveryDays: number | null;
}

/** An edge the engine can trust (endpoints still to be checked against the nodes). */
export interface CleanEdge {
  id: string;
  from: string;
  to: string;
  mineral: string;
  volume: number;
  /** The most this route can carry (v2), or null when the edge states none. */
  capacity: number | null;
  /** Extra days on this route against the planned one (v2; 0 when absent). */
  delayDays: number;
}

/** What a clean disruption hits. */
export type CleanTarget =
  | { type: 'node'; id: string }
  | { type: 'edge'; id: string }
  | { type: 'country'; country: string; kinds: ReadonlySet<EngineKind> | null; exportsOnly: boolean; to: ReadonlySet<string> | null };

/** A disruption the engine can trust. */
export interface CleanDisruption {
  id: string;
  enabled: boolean;
  target: CleanTarget;
  minerals: ReadonlySet<string> | null;
  factor: number;
  days: number;
}

/** Reports one problem of the input: its code, English sentence and item, and the sentence's key and values for other languages. */
export type Warn = (code: string, message: string, ref: string, key: string, values: WarningValues) => void;

/** A warning that reports into `warnings`. */
export function warnInto(warnings: ExposureWarning[]): Warn {
  return (code, message, ref, key, values) => warnings.push({ code, message, ref, key, values });
}

/** A bad value as a warning names it: a finite number as itself (formatted by the reader), NaN or Infinity as words, anything else as JSON, `missing` when absent. */
export function shownValue(value: unknown): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return JSON.stringify(value) ?? 'missing';
}

const KINDS: ReadonlySet<string> = new Set(ENGINE_KINDS);
const validMinerals = new Set<string>();

/** Whether a string is a valid mineral key (valid keys are remembered: boards reuse a handful). */
export function isMineralKey(key: unknown): key is string {
  if (typeof key !== 'string') return false;
  if (validMinerals.has(key)) return true;
  if (!MINERAL_KEY_PATTERN.test(key)) return false;
  if (validMinerals.size < 10_000) validMinerals.add(key);
  return true;
}
const COUNTRY = /^[A-Z]{2}$/;

/** Whether a value is a two-letter upper-case country code (XX included). */
export function isCountryKey(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY.test(value);
}

/** Whether a value is a non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The item's id, or null (with a warning) when it has no valid one. */
export function readId(raw: Record<string, unknown>, what: string, ref: string, warn: Warn): string | null {
  const id = raw.id;
  if (typeof id === 'string' && ITEM_ID_PATTERN.test(id)) return id;
  warn('bad-id', `${what} ${ref} has no valid id (${JSON.stringify(id) ?? 'missing'}); it is ignored`, ref, 'bad-id', { what: itemWord(what), ref, value: shownValue(id) });
  return null;
}

/** Where an item without a usable id sits in the file, e.g. `nodes[3]`. */
export const at = (list: string, index: number) => `${list}[${index}]`;

/** Reads a number that must be finite and >= 0; anything else counts as 0 with a warning. */
export function readAmount(value: unknown, what: string, ref: string, warn: Warn): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  warn('bad-number', `${what} of ${ref} is ${String(value)}; it counts as 0`, ref, 'bad-number', { field: what, ref, value: shownValue(value) });
  return 0;
}

const NO_AMOUNTS: Record<string, number> = Object.freeze(dict<number>());

/** Reads a mineral -> amount map; bad keys are dropped and bad amounts count as 0, with warnings. */
export function readAmounts(value: unknown, field: string, ref: string, warn: Warn): Record<string, number> {
  if (value === undefined) return NO_AMOUNTS;
  const out = dict<number>();
  if (!isRecord(value)) {
    warn('bad-field', `${field} of ${ref} is not an object of mineral -> number; it is ignored`, ref, 'bad-field.amounts', { field, ref });
    return NO_AMOUNTS;
  }
  for (const mineral in value) {
    if (!Object.hasOwn(value, mineral)) continue;
    const amount = value[mineral];
    if (!isMineralKey(mineral)) {
      warn('bad-mineral', `${field} of ${ref} names an invalid mineral "${mineral}"; it is ignored`, ref, 'bad-mineral.key', { field, ref, mineral });
      continue;
    }
    out[mineral] = readAmount(amount, `${field}.${mineral}`, ref, warn);
  }
  return out;
}

/** What an optional number must be: the check and its words in the English message. */
const NUMBER_RULES = {
  positive: { ok: (v: number) => v > 0, words: 'a positive number' },
  'non-negative': { ok: (v: number) => v >= 0, words: 'a number >= 0' },
} as const;
/** One of the rules an optional number follows. */
export type NumberRule = keyof typeof NUMBER_RULES;

/** The kind of item a warning names, as a stable token ("price floor" -> "priceFloor"). */
export const itemWord = (what: string) => what.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());

/** An optional finite number that must pass its rule; absent gives null, a bad value null with a warning naming the field. */
export function readOptionalNumber(value: unknown, field: string, ref: string, warn: Warn, rule: NumberRule): number | null {
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value) && NUMBER_RULES[rule].ok(value)) return value;
  warn('bad-field', `${field} of ${ref} is ${JSON.stringify(value) ?? String(value)}, not ${NUMBER_RULES[rule].words}; it is ignored`, ref, `bad-field.${rule}`, { field, ref, value: shownValue(value) });
  return null;
}

/** Turns one raw node into a clean node, or null (with a warning) when it cannot be used. */
export function cleanNode(raw: unknown, index: number, warn: Warn): CleanNode | null {
  if (!isRecord(raw)) {
    warn('bad-node', `node ${at('nodes', index)} is not an object; it is ignored`, at('nodes', index), 'bad-node', { ref: at('nodes', index) });
    return null;
  }
  const id = typeof raw.id === 'string' && ITEM_ID_PATTERN.test(raw.id) ? raw.id : readId(raw, 'node', at('nodes', index), warn);
  if (id === null) return null;
  if (typeof raw.kind !== 'string' || !KINDS.has(raw.kind)) {
    warn('unknown-kind', `node ${id} has unknown kind ${JSON.stringify(raw.kind) ?? 'missing'}; it is ignored`, id, 'unknown-kind', { id, value: shownValue(raw.kind) });
    return null;
  }
  let country = raw.country;
  if (typeof country !== 'string' || !COUNTRY.test(country)) {
    warn('bad-country', `node ${id} has invalid country ${JSON.stringify(country) ?? 'missing'}; it counts as XX`, id, 'bad-country', { id, value: shownValue(country) });
    country = 'XX';
  }
  return {
    id,
    kind: raw.kind as EngineKind,
    country: country as string,
    capacity: readAmounts(raw.capacity, 'capacity', id, warn),
    demand: readAmounts(raw.demand, 'demand', id, warn),
    stock: readAmounts(raw.stock, 'stock', id, warn),
    hasDemand: isRecord(raw.demand),
    recoveryDays: readOptionalNumber(raw.recoveryDays, 'recoveryDays', id, warn, 'positive'),
  };
}

/** Turns one raw edge into a clean edge, or null (with a warning) when it cannot be used. */
export function cleanEdge(raw: unknown, index: number, warn: Warn): CleanEdge | null {
  if (!isRecord(raw)) {
    warn('bad-edge', `edge ${at('edges', index)} is not an object; it is ignored`, at('edges', index), 'bad-edge', { ref: at('edges', index) });
    return null;
  }
  const id = typeof raw.id === 'string' && ITEM_ID_PATTERN.test(raw.id) ? raw.id : readId(raw, 'edge', at('edges', index), warn);
  if (id === null) return null;
  if (!isMineralKey(raw.mineral)) {
    warn('bad-mineral', `edge ${id} has invalid mineral ${JSON.stringify(raw.mineral) ?? 'missing'}; it is ignored`, id, 'bad-mineral.edge', { id, value: shownValue(raw.mineral) });
    return null;
  }
  if (typeof raw.from !== 'string' || typeof raw.to !== 'string') {
    warn('dangling-edge', `edge ${id} lacks a from or to node id; it is ignored`, id, 'dangling-edge.no-end', { id });
    return null;
  }
  return {
    id, from: raw.from, to: raw.to, mineral: raw.mineral, volume: readAmount(raw.volume, 'volume', id, warn),
    capacity: readOptionalNumber(raw.capacity, 'capacity', id, warn, 'non-negative'),
    delayDays: readOptionalNumber(raw.delayDays, 'delayDays', id, warn, 'non-negative') ?? 0,
  };
}

function cleanTarget(raw: unknown, id: string, warn: Warn): CleanTarget | null {
  if (!isRecord(raw)) {
    warn('bad-disruption', `disruption ${id} has no target object; it is ignored`, id, 'bad-disruption.no-target', { id });
    return null;
  }
  const forms = ['node', 'edge', 'country'].filter((key) => raw[key] !== undefined);
  if (forms.length !== 1) {
    warn('bad-disruption', `disruption ${id} must target exactly one of node, edge or country; it is ignored`, id, 'bad-disruption.one-target', { id });
    return null;
  }
  if (typeof raw.node === 'string') return { type: 'node', id: raw.node };
  if (typeof raw.edge === 'string') return { type: 'edge', id: raw.edge };
  if (typeof raw.country === 'string' && COUNTRY.test(raw.country)) {
    let kinds: Set<EngineKind> | null = null;
    if (raw.kinds !== undefined) {
      if (!Array.isArray(raw.kinds) || raw.kinds.some((k) => typeof k !== 'string' || !KINDS.has(k))) {
        warn('bad-disruption', `disruption ${id} lists an unknown node kind; it is ignored`, id, 'bad-disruption.kinds', { id });
        return null;
      }
      kinds = new Set(raw.kinds as EngineKind[]);
    }
    const exportsOnly = raw.exportsOnly === true;
    let to: Set<string> | null = null;
    if (raw.to !== undefined) {
      if (!exportsOnly) {
        warn('bad-disruption', `disruption ${id} has a "to" list without exportsOnly: true; it is ignored`, id, 'bad-disruption.to-without-exports', { id });
        return null;
      }
      if (!Array.isArray(raw.to) || raw.to.some((c) => !isCountryKey(c))) {
        warn('bad-disruption', `disruption ${id} has a "to" list that is not a list of two-letter country codes; it is ignored`, id, 'bad-disruption.to', { id });
        return null;
      }
      to = new Set(raw.to as string[]);
    }
    return { type: 'country', country: raw.country, kinds, exportsOnly, to };
  }
  warn('bad-disruption', `disruption ${id} has an invalid target; it is ignored`, id, 'bad-disruption.target', { id });
  return null;
}

/** Turns one raw scenario lever into a clean disruption, or null (with a warning). */
export function cleanDisruption(raw: unknown, index: number, warn: Warn): CleanDisruption | null {
  if (!isRecord(raw)) {
    warn('bad-disruption', `disruption ${at('scenario.disruptions', index)} is not an object; it is ignored`, at('scenario.disruptions', index), 'bad-disruption.not-object', { ref: at('scenario.disruptions', index) });
    return null;
  }
  const id = readId(raw, 'disruption', at('scenario.disruptions', index), warn);
  if (id === null) return null;
  const target = cleanTarget(raw.target, id, warn);
  if (target === null) return null;
  const { factor, days } = raw;
  if (typeof factor !== 'number' || !(factor >= 0 && factor <= 1)) {
    warn('bad-disruption', `disruption ${id} has factor ${String(factor)}, not in [0, 1]; it is ignored`, id, 'bad-disruption.factor', { id, value: shownValue(factor) });
    return null;
  }
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
    warn('bad-disruption', `disruption ${id} has days ${String(days)}, not a positive number; it is ignored`, id, 'bad-disruption.days', { id, value: shownValue(days) });
    return null;
  }
  let minerals: Set<string> | null = null;
  if (raw.minerals !== undefined) {
    if (!Array.isArray(raw.minerals) || raw.minerals.some((m) => !isMineralKey(m))) {
      warn('bad-disruption', `disruption ${id} has an invalid minerals list; it is ignored`, id, 'bad-disruption.minerals', { id });
      return null;
    }
    minerals = new Set(raw.minerals as string[]);
  }
  if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean') {
    warn('bad-field', `disruption ${id} has a non-boolean enabled flag; it counts as disabled`, id, 'bad-field.enabled', { what: 'disruption', id });
  }
  return { id, enabled: raw.enabled === true, target, minerals, factor, days };
}
