/**
 * What changed between two boards (e.g. two snapshots, or a snapshot and the live board), field by field,
 * and what that did to each consumer's exposure. Pure: no I/O, no clock.
 */
import { diffExposure, diffMinerals, diffPriceFloors, type ExposureDelta, type MineralDelta, type PriceFloorDelta } from '../exposure/compare';
import { computeExposure } from '../exposure/engine';
import { DISRUPTION_LAYOUT, EDGE_LAYOUT, EXPANSION_LAYOUT, NODE_LAYOUT, PRICE_FLOOR_LAYOUT } from './doc-layout';

export { diffExposure, type ConsumerExposure, type ExposureChange, type ExposureDelta } from '../exposure/compare';
import { definedKeys, field, isPlainObject, sameValue } from './same-value';
import type { Board, BoardEdge, BoardNode, Disruption, Expansion, PriceFloor } from './types';

/** One changed value; `field` is a dotted path (`capacity.cobalt`, `position.x`, `target.country`); undefined = absent. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An item present in both boards whose fields differ. */
export interface ItemChange<T> {
  id: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

/** Items added, removed and changed between two boards; each list ordered by id. */
export interface ItemDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange<T>[];
}

/** How an item differs between two boards: one of ItemDiff's lists. */
export type ChangeKind = keyof ItemDiff<unknown>;

/** Everything that differs between two boards (notes and array order are not compared). */
export interface BoardDiff {
  nodes: ItemDiff<BoardNode>;
  edges: ItemDiff<BoardEdge>;
  levers: ItemDiff<Disruption>;
  expansions: ItemDiff<Expansion>;
  priceFloors: ItemDiff<PriceFloor>;
  /** `title`, `description`, `scenario.name`, and each mineral's price as `prices.<mineral>`. */
  meta: FieldChange[];
}

/** Options of diffBoards. */
export interface DiffOptions {
  /** Leave node positions out: a node that was only moved on the canvas is not reported. */
  ignorePositions?: boolean;
}

/** The board diff and the exposure deltas between two boards. */
export interface BoardComparison {
  diff: BoardDiff;
  exposure: ExposureDelta[];
  /** Per mineral: stockpile gap, rerouted shortfall and gap, delay gap, stress-test stocks. */
  minerals: MineralDelta[];
  /** Per price floor: annual cost. */
  priceFloors: PriceFloorDelta[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Appends the leaf changes between two values under `path`. Plain objects are descended into (an object
 * that appeared or vanished reads as its entries appearing or vanishing); arrays and scalars are leaves.
 */
function diffValue(path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (sameValue(before, after)) return;
  const b = isPlainObject(before) ? before : before === undefined ? {} : null;
  const a = isPlainObject(after) ? after : after === undefined ? {} : null;
  // An empty object against an absent one has no entries to tell them apart: report the object itself.
  if (b === null || a === null || (definedKeys(b).length === 0 && definedKeys(a).length === 0)) {
    out.push({ field: path, before, after });
    return;
  }
  const keys = new Set([...definedKeys(b), ...definedKeys(a)]);
  for (const key of [...keys].sort(byCodeUnits)) diffValue(`${path}.${key}`, field(b, key), field(a, key), out);
}

const NODE_ORDER = NODE_LAYOUT.keys;
const EDGE_ORDER = EDGE_LAYOUT.keys;
const LEVER_ORDER = DISRUPTION_LAYOUT.keys;
const NOTHING: ReadonlySet<string> = new Set();

/** The changed fields of one item, top-level fields in schema order (unknown ones after, by name). */
function diffFields(before: object, after: object, order: readonly string[], skip: ReadonlySet<string>): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = [...new Set([...definedKeys(b), ...definedKeys(a)])]
    .filter((key) => key !== 'id' && !skip.has(key))
    .sort((x, y) => rank(x) - rank(y) || byCodeUnits(x, y));
  const out: FieldChange[] = [];
  for (const key of keys) diffValue(key, field(b, key), field(a, key), out);
  return out;
}

/** Items by id; with duplicate ids (an unvalidated board) the first one wins. */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function diffItems<T extends { id: string }>(from: readonly T[], to: readonly T[], order: readonly string[], skip: ReadonlySet<string>): ItemDiff<T> {
  const before = byId(from);
  const after = byId(to);
  const ids = (map: Map<string, T>): string[] => [...map.keys()].sort(byCodeUnits);
  const diff: ItemDiff<T> = { added: [], removed: [], changed: [] };
  for (const id of ids(after)) if (!before.has(id)) diff.added.push(after.get(id)!);
  for (const id of ids(before)) {
    const old = before.get(id)!;
    const now = after.get(id);
    if (now === undefined) {
      diff.removed.push(old);
      continue;
    }
    const fields = diffFields(old, now, order, skip);
    if (fields.length > 0) diff.changed.push({ id, before: old, after: now, fields });
  }
  return diff;
}

/**
 * The nodes, edges, levers, expansions and price floors added, removed and changed from `from` to `to`, and the
 * changed meta fields. A board stored before version 2 (an old snapshot) counts as having none of the new lists.
 */
export function diffBoards(from: Board, to: Board, options: DiffOptions = {}): BoardDiff {
  const nodeSkip = new Set(options.ignorePositions ? ['position'] : []);
  const meta: FieldChange[] = [];
  diffValue('title', from.title, to.title, meta);
  diffValue('description', from.description, to.description, meta);
  diffValue('scenario.name', from.scenario?.name, to.scenario?.name, meta);
  // Prices are compared mineral by mineral: no prices and an empty prices object both mean "no price known".
  diffValue('prices', from.prices ?? {}, to.prices ?? {}, meta);
  return {
    nodes: diffItems(from.nodes, to.nodes, NODE_ORDER, nodeSkip),
    edges: diffItems(from.edges, to.edges, EDGE_ORDER, NOTHING),
    levers: diffItems(from.scenario?.disruptions ?? [], to.scenario?.disruptions ?? [], LEVER_ORDER, NOTHING),
    expansions: diffItems(from.scenario?.expansions ?? [], to.scenario?.expansions ?? [], EXPANSION_LAYOUT.keys, NOTHING),
    priceFloors: diffItems(from.scenario?.priceFloors ?? [], to.scenario?.priceFloors ?? [], PRICE_FLOOR_LAYOUT.keys, NOTHING),
    meta,
  };
}

/** Diffs two boards and the exposure each one computes to. */
export function compareBoards(from: Board, to: Board, options: DiffOptions = {}): BoardComparison {
  const before = computeExposure(from);
  const after = computeExposure(to);
  return {
    diff: diffBoards(from, to, options), exposure: diffExposure(before, after),
    minerals: diffMinerals(before, after), priceFloors: diffPriceFloors(before, after),
  };
}
